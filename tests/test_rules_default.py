"""The shipped rulebook gives the outcomes an editor would sign off, on claims stored as the extractor
would store them (our own example article, and the reference article's hand annotation)."""

from __future__ import annotations

import json

import pytest

from rules_support import claim, claim_row, store_article
from verify.rules import check, load_rulebook
from verify.store.links import link_claims


@pytest.fixture
def article(store):
    ids = store_article(store, [
        claim("Ukrainian forces had captured two soldiers from the north.", "Zelenskyy", cue="stated"),
        claim("Pyongyang had sent the men to fight for Moscow.", "Zelenskyy", cue="alleged"),
        claim("The prisoners were being held in Kyiv.", "the SBU", cue="noted"),
        claim("He had been told he was going to a training camp.", "captured soldier", relayed_by=("SBU",),
              cue="claimed"),
        claim("About 200 northern soldiers had died in a week.", "a senior Ukrainian military official",
              cue="estimated", numbers=(("About 200", 200, True),)),
        claim("Roughly 40% of the unit was wounded.", numbers=(("40%", 40),)),
        claim("The border region saw heavy fighting in the autumn."),
        claim("Northern troops were fighting in the region.", "the White House", "the Pentagon", cue="confirmed"),
        claim("Reports indicate more troops are coming.", ("vague reports", "vague"), cue="indicate"),
        claim("Two northern soldiers were in Ukrainian custody.", "Institute for the Study of War", cue="said"),
    ], name="border")
    return dict(zip(["stated", "alleged", "sbu", "relayed", "anonymous", "figure", "background", "us", "vague",
                     "isw"], ids))


def _flags(store, cid):
    return set(claim_row(store, cid).flags)


def test_parties_to_the_conflict_stand_alone_without_independent_corroboration(store, article):
    check(store, load_rulebook())
    for key in ("stated", "alleged", "sbu"):
        row = claim_row(store, article[key])
        assert row.status == "single-source", key
        assert "party-to-conflict" in row.flags
        assert row.credibility == "3" and "party to the conflict" in row.needs_review
    assert "allegation" in _flags(store, article["alleged"])


def test_an_independent_corroboration_lifts_a_partys_claim(store, article):
    link_claims(store, article["stated"], article["isw"], "corroborates", reviewer="desk")
    check(store, load_rulebook())
    row = claim_row(store, article["stated"])
    assert row.status == "corroborated" and row.credibility == "2" and row.needs_review is None
    assert "party-to-conflict" in row.flags  # who said it stays visible


def test_second_hand_and_anonymous_claims(store, article):
    check(store, load_rulebook())
    relayed = claim_row(store, article["relayed"])
    assert {"relayed", "allegation", "said-in-captivity"} <= set(relayed.flags)
    assert relayed.status == "single-source" and relayed.credibility == "4"
    anon = claim_row(store, article["anonymous"])
    assert anon.status == "unverified" and anon.reliability == "F"
    assert {"anonymous-source", "anonymous-figure", "estimate"} <= set(anon.flags)
    assert "does not name" in anon.needs_review


def test_the_outlets_own_figures_go_to_review(store, article):
    check(store, load_rulebook())
    figure = claim_row(store, article["figure"])
    assert figure.status == "unverified" and {"unattributed", "unsourced-figure"} <= set(figure.flags)
    assert figure.needs_review
    background = claim_row(store, article["background"])
    assert background.status == "unverified" and background.flags == ["unattributed"]
    assert background.needs_review is None


def test_an_outlets_assertion_is_not_a_single_source(store, article):
    # no source named: the rules cannot judge it (Admiralty 6), and "one source alone" says nothing of it
    check(store, load_rulebook())
    for key in ("figure", "background"):
        row = claim_row(store, article[key])
        assert row.credibility == "6" and row.rule_status == "unverified"
        names = {hit.rule.split(" ", 1)[1] for hit in row.rules}
        assert names and "One source alone is a single source" not in names


def test_white_house_and_pentagon_are_one_government(store, article):
    check(store, load_rulebook())
    us = claim_row(store, article["us"])
    assert us.status == "single-source" and "party-to-conflict" not in us.flags
    isw = claim_row(store, article["isw"])
    assert isw.status == "single-source" and isw.flags == []


def test_vague_attribution(store, article):
    check(store, load_rulebook())
    vague = claim_row(store, article["vague"])
    assert vague.status == "unverified" and "vague-source" in vague.flags
    assert (vague.reliability, vague.credibility) == ("F", "6")


def test_every_outcome_names_its_rule(store, article):
    check(store, load_rulebook())
    hits = claim_row(store, article["anonymous"]).rules
    where = {h.rule for h in hits}
    assert "features/rulebook/03-anonymous-and-vague.feature:6 An anonymous source cannot be graded" in where
    overruled = [h for h in hits if not h.applied]
    assert overruled and all(h.outcome == "status" and h.value == "single-source" for h in overruled)


def test_the_reference_articles_annotated_claims(store, shared_dir):
    """The hand annotation of the reference article, stored as annotated: outcomes independent of extraction."""
    from verify.extract.numbers import find_numbers

    gold = json.loads((shared_dir / "corpus" / "kursk-gold.json").read_text(encoding="utf-8"))
    claims = []
    for g in gold["claims"]:
        sources = [s for s in g["sources"] if s != "UNATTRIBUTED"]
        relayed = g.get("relayed_by")
        relayed = [relayed] if isinstance(relayed, str) else list(relayed or [])
        nums = tuple((n.text, n.value, n.approximate) for n in find_numbers(g["content"]) if n.value is not None)
        claims.append(claim(g["content"], *sources, cue=g.get("cue"), relayed_by=tuple(relayed), numbers=nums,
                            attribution=g["attribution"]))
    ids = store_article(store, claims, name="reference")
    check(store, load_rulebook())
    rows = [claim_row(store, i) for i in ids]
    by_source: dict[str, list] = {}
    for g, row in zip(gold["claims"], rows):
        by_source.setdefault(g["sources"][0], []).append((g, row))

    for name in ("Volodymyr Zelenskyy", "Security Service of Ukraine"):
        for _g, row in by_source[name]:
            assert row.status == "single-source" and "party-to-conflict" in row.flags
    [(_, anon)] = by_source["senior Ukrainian military official"]
    assert anon.reliability == "F" and {"anonymous-source", "anonymous-figure"} <= set(anon.flags)
    figures = [row for g, row in by_source["UNATTRIBUTED"] if "unsourced-figure" in row.flags]
    assert figures and all(r.needs_review and r.status == "unverified" for r in figures)
    us = by_source["White House"]
    assert us and all(row.status == "single-source" for _g, row in us)
    [(_, relayed)] = by_source["captured North Korean soldier"]
    assert "relayed" in relayed.flags


def test_any_prisoner_speaks_in_captivity_not_only_the_registrys(store):
    ids = store_article(store, [
        claim("His battalion had lost half its men at the river.", ("captured Russian soldier", "anonymous"),
              relayed_by=("SBU",), cue="said"),
        claim("They had been beaten in the camp.", ("former Ukrainian prisoners of war", "anonymous"), cue="said"),
        claim("The bridge was closed on Monday.", ("a Kherson resident", "anonymous"), cue="said"),
    ], name="prisoners")
    check(store, load_rulebook())
    russian, ukrainians, resident = (claim_row(store, i) for i in ids)
    assert "said-in-captivity" in russian.flags and russian.credibility == "4"
    assert "said-in-captivity" in ukrainians.flags
    assert "said-in-captivity" not in resident.flags


def test_a_partys_denial_is_its_position_not_evidence(store):
    ids = store_article(store, [
        claim("its drones had struck the power station", "the SBU", cue="denied", polarity="denied"),
        claim("its drones had struck the power station", "the SBU", cue="said"),
        claim("its tugs had entered the harbour", "Institute for the Study of War", cue="denied", polarity="denied"),
    ], name="denials")
    # the same denial made by an outside source as well: still no corroboration of the party's position
    link_claims(store, ids[0], ids[2], "corroborates", reviewer="desk")
    check(store, load_rulebook())
    party, asserted, outside = (claim_row(store, i) for i in ids)
    assert party.polarity == "denied" and party.status == "unverified" and party.credibility == "6"
    assert {"denial", "party-to-conflict"} <= set(party.flags)
    decided = [h for h in party.rules if h.applied and h.outcome == "status"]
    assert [h.rule for h in decided] == [
        "features/rulebook/04-parties-to-the-conflict.feature:25 A party's denial is its position, not evidence"]
    assert asserted.status == "single-source" and "denial" not in asserted.flags
    # a denial by someone outside the war is flagged, and weighed as any other source's word
    assert outside.status == "corroborated" and outside.flags == ["denial"]
