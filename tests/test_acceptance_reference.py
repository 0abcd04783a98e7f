"""Acceptance: the reference article through ingest and the default rulebook (features/acceptance)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then

from verify.pipeline import store_files
from verify.models import ClaimRecord
from verify.rules import check, load_rulebook
from verify.store.records import list_claims

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "kursk-north-korean-soldiers.txt"

pytestmark = [
    pytest.mark.skipif(not ARTICLE.exists(), reason="../shared/corpus is not beside the project"),
    # run on every backend the suite tests (the steps ask for the store at run time)
    pytest.mark.usefixtures("db_url"),
]

scenarios("reference_article.feature")


class Selection:
    """The claims the last Then step named; the following And steps speak of them."""

    def __init__(self) -> None:
        self.claims: list[ClaimRecord] = []

    def one(self) -> ClaimRecord:
        assert len(self.claims) == 1, f"expected one claim, got {len(self.claims)}"
        return self.claims[0]


@pytest.fixture
def selection() -> Selection:
    return Selection()


@given("the reference article is ingested into a new store", target_fixture="claims")
def ingested(store):
    outcomes = list(store_files(store, [ARTICLE], jobs=1))
    assert all(o.ok for o in outcomes), outcomes
    return store


@given("the default rulebook has been checked", target_fixture="claims")
def checked(claims):
    store = claims
    check(store, load_rulebook(registry=store.registry()))
    return list(list_claims(store))


def _cued(claims: list[ClaimRecord], cue: str) -> list[ClaimRecord]:
    found = [c for c in claims if c.cue and c.cue.text.lower() == cue.lower()]
    assert found, f"no claim cued {cue!r}; cues found: {sorted({c.cue.text for c in claims if c.cue})}"
    return found


def _canonicals(claim: ClaimRecord) -> list[str]:
    return sorted(s.canonical for s in claim.sources)


@then(parsers.re(r'the claims? cued (?P<cues>.+?) (?:is|are) attributed to (?P<names>.+)$'))
def cued_attributed(claims, selection, cues, names):
    wanted = sorted(re.findall(r'"([^"]+)"', names))
    selection.claims = []
    for cue in re.findall(r'"([^"]+)"', cues):
        for c in _cued(claims, cue):
            assert _canonicals(c) == wanted, f"claim {c.id} cued {cue!r} is attributed to {_canonicals(c)}"
            selection.claims.append(c)


@then(parsers.parse('each of those claims has the status "{status}"'))
@then(parsers.parse('that claim\'s status is "{status}"'))
def has_status(selection, status):
    for c in selection.claims:
        assert c.status == status, f"claim {c.id}: {c.status}"


@then(parsers.parse('that claim\'s status is not "{status}"'))
def has_not_status(selection, status):
    assert selection.one().status != status


@then(parsers.parse('each of those claims is flagged "{flag}"'))
@then(parsers.parse('that claim is flagged "{flag}"'))
def flagged(selection, flag):
    for c in selection.claims:
        assert flag in c.flags, f"claim {c.id} flags: {c.flags}"


@then(parsers.parse('the claim cued "{cue}" is flagged "{flag}"'))
def cued_flagged(claims, cue, flag):
    for c in _cued(claims, cue):
        assert flag in c.flags, f"claim {c.id} flags: {c.flags}"


@then(parsers.parse('each of those claims has the Admiralty credibility "{grade}"'))
def credibility(selection, grade):
    for c in selection.claims:
        assert c.credibility == grade, f"claim {c.id}: {c.grade}"


@then(parsers.parse('that claim has the Admiralty reliability "{grade}"'))
def reliability(selection, grade):
    assert selection.one().reliability == grade


@then(parsers.parse('{n:d} claims inherit their attribution from "{name}"'))
def inherited_from(claims, n, name):
    inherited = [c for c in claims if c.attribution == "inherited" and _canonicals(c) == [name]]
    assert len(inherited) == n, [c.text[:40] for c in inherited]


@then(parsers.parse('that claim was relayed by "{name}"'))
def relayed_by(selection, name):
    assert [s.canonical for s in selection.one().relayed_by] == [name]


@then(parsers.parse('that claim\'s source is of kind "{kind}"'))
def source_kind(selection, kind):
    assert [s.kind for s in selection.one().sources] == [kind]


@then(parsers.parse("that claim states a figure of about {value:d}"))
def states_figure(selection, value):
    numbers = selection.one().numbers
    assert any(n.approximate and n.value == value for n in numbers), numbers


@then(parsers.parse("that claim has {n:d} independent source"))
def independent_sources(store, selection, n):
    reg = store.registry()
    keys = {reg.independence_key(s.canonical) for s in selection.one().sources}
    assert len(keys) == n, keys


@then(parsers.parse('the claim stating "{figure}" has no source and is "{kind}"'))
def stating(claims, selection, figure, kind):
    found = [c for c in claims if any(n.text == figure or n.text.endswith(figure) for n in c.numbers)]
    assert len(found) == 1, [c.text[:40] for c in found]
    assert found[0].sources == [] and found[0].attribution == kind
    selection.claims = found


@then("that claim needs review")
def needs_review(selection):
    assert selection.one().needs_review
