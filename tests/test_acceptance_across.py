"""Acceptance: pairs of articles through ingest, matching and the default rulebook (features/acceptance)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

import verify
from verify.match import DRIFT_KINDS
from verify.models import ClaimRecord

ARTICLES = Path(__file__).parent / "articles" / "across"

pytestmark = pytest.mark.usefixtures("db_url")

scenarios("across_articles.feature")


class Pair:
    """The two claims the last Then step named; the following And steps speak of them."""

    def __init__(self) -> None:
        self.claims: list[ClaimRecord] = []


@pytest.fixture
def pair() -> Pair:
    return Pair()


@given(parsers.parse('the articles "{first}" and "{second}" are ingested into a new store'),
       target_fixture="claims")
def ingested(store, first, second):
    done = verify.ingest(store, [ARTICLES / first, ARTICLES / second], jobs=1)
    assert not done.failed, [str(f.error) for f in done.failed]
    return list(verify.claims(store))


def _stating(claims: list[ClaimRecord], words: str) -> list[ClaimRecord]:
    found = [c for c in claims if words.lower() in c.text.lower()]
    assert len(found) == 2, f"expected a claim stating {words!r} in each article, got {[c.text for c in found]}"
    assert found[0].article_id != found[1].article_id
    return found


@when(parsers.parse('a reviewer rejects the match of the claims stating "{words}" and the rulebook is checked again'),
      target_fixture="claims")
def rejected(store, claims, words):
    a, b = _stating(claims, words)
    verify.review_match(store, a.id, b.id, "rejected", reviewer="desk editor", note="different outage")
    verify.check(store)
    return list(verify.claims(store))


@then(parsers.parse('the claims stating "{words}" are matched to each other'))
def matched(claims, pair, words):
    pair.claims = _stating(claims, words)
    a, b = pair.claims
    assert [m.other for m in a.matches] == [b.id], a.matches
    assert [m.other for m in b.matches] == [a.id], b.matches
    assert a.matches[0].reason and 0 < a.matches[0].score <= 1


def _now(claims: list[ClaimRecord], pair: Pair) -> list[ClaimRecord]:
    if not pair.claims:  # a When step named them
        return claims
    ids = {c.id for c in pair.claims}
    return [c for c in claims if c.id in ids]


@then(parsers.parse('both are flagged "{flag}"'))
def both_flagged(claims, pair, flag):
    for c in _now(claims, pair):
        assert flag in c.flags, f"claim {c.id} {c.text!r}: flags {c.flags}"


@then(parsers.parse('neither is flagged "{flag}"'))
def neither_flagged(claims, pair, flag):
    for c in _now(claims, pair):
        assert flag not in c.flags, f"claim {c.id} {c.text!r}: flags {c.flags}"


@then("neither carries a drift flag")
def no_drift(claims, pair):
    for c in _now(claims, pair):
        assert not set(c.flags) & set(DRIFT_KINDS), f"claim {c.id} {c.text!r}: flags {c.flags}"


def _in(pair: Pair, name: str) -> ClaimRecord:
    found = [c for c in pair.claims if c.article_path and Path(c.article_path).name == name]
    assert len(found) == 1, f"no claim of {name} among {[c.article_path for c in pair.claims]}"
    return found[0]


@then(parsers.parse('the one in "{name}" is flagged "{flag}"'))
def one_flagged(pair, name, flag):
    c = _in(pair, name)
    assert flag in c.flags, f"claim {c.id} {c.text!r}: flags {c.flags}"


@then(parsers.parse('the one in "{name}" is not flagged "{flag}"'))
def one_not_flagged(pair, name, flag):
    c = _in(pair, name)
    assert flag not in c.flags, f"claim {c.id} {c.text!r}: flags {c.flags}"


@then(parsers.parse('both have the status "{status}"'))
def both_status(claims, pair, status):
    for c in _now(claims, pair):
        assert c.status == status, f"claim {c.id} {c.text!r}: {c.status}"


@then(parsers.parse('neither has the status "{status}"'))
def neither_status(claims, pair, status):
    picked = _now(claims, pair) if pair.claims else [c for c in claims if c.matches]
    assert picked
    for c in picked:
        assert c.status != status, f"claim {c.id} {c.text!r}: {c.status}"
