"""Every built-in step: what it selects, narrows or sets, tested on claim facts without a database."""

from __future__ import annotations

from datetime import date

import pytest

from verify.registry import Registry
from verify.rules import BUILTIN, Outcome, StepError
from verify.rules.facts import NumberFact, make_fact
from verify.rules.loader import StepContext

TODAY = date(2025, 6, 1)
REG = Registry.starter()
COVERED: set[str] = set()


def build(text: str, table: list[list[str]] | None = None, doc: str | None = None):
    found = BUILTIN.matches(text)
    assert len(found) == 1, f"{text!r} matches {len(found)} definitions"
    d, m = found[0]
    COVERED.add(d.phrasing)
    ctx = StepContext(REG, TODAY, "test.feature")
    ctx.rule_name = "A rule"
    return d.build(m, ctx, table, doc)


def sel(text: str, fact, table=None) -> bool:
    return bool(build(text, table)(fact))


def num(value: float, approximate: bool = False, unit: str | None = None, bound: str = "exact") -> NumberFact:
    return NumberFact(value, value, value, unit, approximate, "approximate" if approximate else bound)


ZEL = make_fact(sources=("Zelenskyy",), cue="stated")
SBU = make_fact(sources=("the SBU",), cue="noted")
US = make_fact(sources=("the White House", "the Pentagon"), cue="confirmed")
ANON = make_fact(sources=("a senior Ukrainian military official",), cue="estimated", numbers=(num(3000, True, "soldiers"),))
VAGUE = make_fact(sources=("vague reports",), cue="indicate")
OWN = make_fact(numbers=(num(200),), outlet="Wire")
RELAYED = make_fact(sources=("captured soldier",), relays=("SBU",), cue="claimed")


def test_any_claim():
    assert sel("any claim", OWN) and sel("any claim", ZEL)


def test_attributed_to_by_alias_and_canonical_name():
    assert sel('a claim attributed to "SBU"', SBU)
    assert sel('a claim attributed to "Security Service of Ukraine"', SBU)
    assert not sel('a claim attributed to "SBU"', ZEL)
    assert sel('a claim attributed to "Pentagon"', US)


def test_attributed_to_any_of_a_table():
    table = [["Zelenskyy"], ["SBU"]]
    assert sel("a claim attributed to any of:", ZEL, table) and sel("a claim attributed to any of:", SBU, table)
    assert not sel("a claim attributed to any of:", US, table)


def test_no_attributed_source():
    assert sel("a claim with no attributed source", OWN)
    assert not sel("a claim with no attributed source", ZEL)


def test_an_attributed_source():
    assert sel("a claim with an attributed source", ZEL) and sel("a claim with an attributed source", ANON)
    assert not sel("a claim with an attributed source", OWN)


def test_anonymous_and_vague_sources():
    assert sel("a claim attributed to an anonymous source", ANON)
    assert not sel("a claim attributed to an anonymous source", ZEL)
    assert sel("a claim attributed to a vague source", VAGUE)
    assert not sel("a claim attributed to a vague source", ANON)


def test_source_kind():
    assert sel('a claim attributed to a source of kind "person"', ZEL)
    assert not sel('a claim attributed to a source of kind "person"', SBU)
    assert sel('a claim attributed to a source of kind "organisation"', SBU)
    with pytest.raises(StepError, match="unknown source kind"):
        build('a claim attributed to a source of kind "robot"')


def test_affiliation_follows_the_hierarchy():
    step = 'a claim attributed to a source affiliated with "Government of Ukraine"'
    assert sel(step, ZEL) and sel(step, SBU) and sel(step, ANON)  # the official via the armed forces
    assert not sel(step, US)
    assert sel('a claim attributed to a source affiliated with "United States"', US)  # an alias works


def test_tags_pass_down_affiliations():
    assert sel('a claim attributed to a source tagged "party-to-conflict"', ZEL)
    assert not sel('a claim attributed to a source tagged "party-to-conflict"', US)
    assert sel('a claim not attributed to any source tagged "party-to-conflict"', US)
    assert sel('a claim not attributed to any source tagged "party-to-conflict"', OWN)
    assert not sel('a claim not attributed to any source tagged "party-to-conflict"', SBU)
    assert sel('it is attributed to a source tagged "military"', US)
    assert sel('it is not attributed to any source tagged "military"', ZEL)


def test_relayed_claims():
    assert sel("a claim relayed by another source", RELAYED)
    assert not sel("a claim relayed by another source", SBU)
    assert sel('a claim relayed by "Security Service of Ukraine"', RELAYED)
    assert not sel('a claim relayed by "Pentagon"', RELAYED)


def test_attribution_kind():
    direct = make_fact(sources=("Zelenskyy",), attribution="direct")
    assert sel('a claim with "direct" attribution', direct)
    assert not sel('a claim with "indirect" attribution', direct)
    assert sel('a claim with "unattributed" attribution', OWN)
    with pytest.raises(StepError, match="unknown attribution kind"):
        build('a claim with "hearsay" attribution')


def test_cue_matches_word_forms():
    allegation = make_fact(sources=("Zelenskyy",), cue="allegedly")
    assert sel('a claim whose cue is "alleged"', allegation)
    assert sel('a claim whose cue is "alleges"', make_fact(sources=("Zelenskyy",), cue="alleged"))
    assert not sel('a claim whose cue is "alleged"', ZEL)
    table = [["claimed"], ["alleged"]]
    assert sel("a claim whose cue is one of:", RELAYED, table)
    assert not sel("a claim whose cue is one of:", SBU, table)
    assert sel("its cue is one of:", ANON, [["estimates"]])
    assert not sel("its cue is one of:", OWN, [["estimates"]])  # no cue at all


def test_numbers():
    assert sel("a claim that states a number", OWN) and not sel("a claim that states a number", ZEL)
    assert sel("it states a number", ANON)
    assert sel("a claim that states an estimate", ANON) and not sel("a claim that states an estimate", OWN)
    assert sel("it states an estimate", make_fact(numbers=(num(40, bound="lower"),)))
    assert sel("a claim that states a number of at least 1000", ANON)
    assert not sel("a claim that states a number of at least 1000", OWN)
    assert sel('a claim that states a number of "soldiers"', ANON)
    assert sel('a claim that states a number of "soldier"', ANON)
    assert not sel('a claim that states a number of "km"', ANON)


def test_denials():
    denial = make_fact(sources=("the SBU",), cue="denied", polarity="denied")
    for step in ("a claim that its source denies", "a denial", "its source denies it"):
        assert sel(step, denial), step
        assert not sel(step, SBU) and not sel(step, OWN), step


def test_outlet():
    assert sel('a claim published by "wire"', OWN)
    assert not sel('a claim published by "Daily"', OWN)
    assert not sel('a claim published by "Wire"', ZEL)  # no outlet known


def test_review_state():
    reviewed = make_fact(sources=("SBU",), review_status="refuted")
    assert sel("a claim that a person has reviewed", reviewed) and not sel("a claim that a person has reviewed", SBU)
    assert sel("a claim nobody has reviewed", SBU) and not sel("a claim nobody has reviewed", reviewed)
    assert sel("nobody has reviewed it", SBU)
    assert sel('a claim reviewed as "refuted"', reviewed) and not sel('a claim reviewed as "confirmed"', reviewed)


def test_corroboration_counts_one_government_once():
    fewer = "it is corroborated by fewer than 2 independent sources"
    least = "it is corroborated by at least 2 independent sources"
    assert sel(fewer, US)  # White House and Pentagon: one government
    assert sel(fewer, make_fact(sources=("Zelenskyy", "SBU")))
    both = make_fact(sources=("SBU", "Institute for the Study of War"))
    assert sel(least, both) and not sel(fewer, both)
    linked = make_fact(sources=("Zelenskyy",), linked_sources=("NATO",))
    assert sel(least, linked)
    assert sel("it is corroborated by fewer than 1 independent source", VAGUE)  # vague counts for nothing
    assert not sel("it is corroborated by fewer than 1 independent source", OWN)  # the outlet itself
    # a relayed claim counts its relay, not the original speaker
    assert sel(fewer, RELAYED)
    with pytest.raises(StepError):
        build("it is corroborated by fewer than 0 independent sources")


def test_contradiction_and_evidence():
    clash = make_fact(sources=("SBU",), contradicting=1)
    assert sel("it is contradicted by another claim", clash) and not sel("it is contradicted by another claim", SBU)
    assert sel("nothing contradicts it", SBU) and not sel("nothing contradicts it", clash)
    with_evidence = make_fact(sources=("SBU",), evidence=2)
    assert sel("it has evidence attached", with_evidence) and not sel("it has evidence attached", SBU)
    assert sel("it has no evidence attached", SBU)


def test_age():
    old = make_fact(sources=("SBU",), published=date(2025, 1, 1))
    new = make_fact(sources=("SBU",), published=date(2025, 5, 30))
    assert sel("it is older than 30 days", old) and not sel("it is older than 30 days", new)
    assert sel("it is at most 7 days old", new) and not sel("it is at most 7 days old", old)
    assert not sel("it is older than 1 day", SBU)  # no date known: neither old nor new


def test_outcomes():
    assert build('its status is "disputed"') == Outcome("status", "disputed")
    assert build('its status is "Refuted"') == Outcome("status", "refuted")
    with pytest.raises(StepError, match="unknown status"):
        build('its status is "probably fine"')
    assert build('flag it as "house-rule"') == Outcome("flag", "house-rule")
    assert build('its source reliability is "f"') == Outcome("reliability", "F")
    with pytest.raises(StepError):
        build('its source reliability is "G"')
    assert build('its information credibility is "3"') == Outcome("credibility", "3")
    with pytest.raises(StepError):
        build('its information credibility is "7"')
    assert build('grade it "b2"') == [Outcome("reliability", "B"), Outcome("credibility", "2")]
    with pytest.raises(StepError, match="Admiralty"):
        build('grade it "2B"')
    assert build('it needs review because "one side only"') == Outcome("needs-review", "one side only")
    assert build("it needs review because:", doc="Figures from one side\nneed a second source.") == Outcome(
        "needs-review", "Figures from one side need a second source.")
    assert build("it needs review") == Outcome("needs-review", "A rule")


def test_the_registrys_own_grades():
    from verify.models import Source

    reg = Registry.starter()
    reg.add(Source(canonical="NATO", kind="organisation", reliability="B"))
    reg.add(Source(canonical="Institute for the Study of War", kind="organisation", reliability="C"))
    nato = make_fact(sources=("NATO",), registry=reg)
    both = make_fact(sources=("NATO", "ISW"), registry=reg)
    assert sel("a claim attributed to a source the registry grades", nato)
    assert not sel("a claim attributed to a source the registry grades", ZEL)
    assert (nato.src.grade, both.src.grade) == ("B", "C")  # the least reliable graded source
    assert build("its source reliability is the registry's grade") == Outcome("reliability", "registry")


def test_tables_and_doc_strings_are_checked():
    with pytest.raises(StepError, match="needs a data table"):
        build("a claim attributed to any of:")
    with pytest.raises(StepError, match="takes no data table"):
        build("any claim", table=[["x"]])
    with pytest.raises(StepError, match="needs a doc string"):
        build("it needs review because:")


def test_every_example_names_its_own_step():
    for d in BUILTIN:
        first = d.example.splitlines()[0]
        keyword, text = first.split(" ", 1)
        assert keyword.lower() == d.kind
        found = BUILTIN.matches(text)
        assert [x[0] for x in found] == [d], d.phrasing


def test_matches_across_articles():
    alone = make_fact(sources=("Zelenskyy",))
    matched = make_fact(sources=("Zelenskyy",), matched=1)
    drifted = make_fact(matched=2, drift=("attribution-dropped", "number-conflict"))
    assert sel("a claim matched in another article", matched) and not sel("a claim matched in another article", alone)
    assert sel("it is stated in another article", drifted) and not sel("it is stated in another article", alone)
    for phrasing, kind in (
        ("another article attributes it to a different source", "attribution-mismatch"),
        ("it states as fact what another article attributes", "attribution-dropped"),
        ("it names a source that an earlier article left unnamed", "source-named"),
        ("it hides a source that an earlier article named", "source-hidden"),
        ("its figures disagree with another article's", "number-conflict"),
        ("it drops a hedge an earlier article kept", "hedge-dropped"),
    ):
        has = make_fact(matched=1, drift=(kind,))
        assert sel(phrasing, has) and not sel(phrasing, matched), phrasing
        assert sel(f'its version in another article shows "{kind}"', has)
        assert not sel(f'its version in another article shows "{kind}"', matched)
    with pytest.raises(StepError, match="unknown drift 'drifted'"):
        build('its version in another article shows "drifted"')


def test_the_report_schema_lists_every_drift_kind():
    from verify.match import DRIFT_KINDS
    from verify.reports.json import schema

    assert tuple(schema()["$defs"]["drift"]["enum"]) == DRIFT_KINDS


def test_zz_every_builtin_step_is_tested():
    # runs last in this file: every phrasing must have been exercised above
    missing = sorted(d.phrasing for d in BUILTIN if d.phrasing not in COVERED)
    assert not missing
