"""ClaimReview JSON-LD: the desk's own verdicts only, Google's required and recommended fields, claimants
that can be named, and a scale that agrees with its labels and its documentation."""

from __future__ import annotations

import io
import json

import pytest

from verify.errors import VerifyError
from verify.reports import claimreview, write_report
from verify.reports.claimreview import BEST, RATING, RULES_ONLY, WORST, claim_text
from verify.reports.common import STATUS_LABELS
from verify.reviews import add_note, review_claim

from _claims import seed

URL = "https://factdesk.example/reviews"


@pytest.fixture
def publisher(monkeypatch):
    monkeypatch.setenv("VERIFY_PUBLISHER_NAME", "Example Fact Desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_URL", URL)


def _reviews(store, **kw):
    buf = io.StringIO()
    write_report(store, "claimreview", buf, **kw)
    return {int(r["url"].rsplit("-", 1)[1]): r for r in json.loads(buf.getvalue())}


def test_fields(store, publisher):
    ids = seed(store)
    review_claim(store, ids["struck"], "confirmed", note="checked", reviewer="ana")
    review_claim(store, ids["denied"], "disputed", note="checked", reviewer="ana")
    by_id = _reviews(store)
    r = by_id[ids["struck"]]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["url"] == f"{URL}#claim-{ids['struck']}"
    assert r["claimReviewed"] == "We struck it twice before dawn"
    assert r["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": URL}
    # a person's verdict: no note that only the rules rated it
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Confirmed", "ratingValue": 5, "bestRating": 5, "worstRating": 1}
    assert len(r["datePublished"]) == 10
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ivan Moroz"}
    assert item["appearance"]["url"] == "https://news.example/river"
    org = by_id[ids["denied"]]
    # the ministry denies the claim: it is no claimant of it, and the review says who denied it
    assert "author" not in org["itemReviewed"]
    assert org["itemReviewed"]["description"] == "Denied in the article by Ministry of Defence of Russia; no claimant is named."
    assert org["reviewRating"]["alternateName"] == "Disputed" and org["reviewRating"]["ratingValue"] == 2


def test_by_default_only_claims_a_person_reviewed(store, publisher):
    ids = seed(store)
    review_claim(store, ids["bridge"], "corroborated", reviewer="ana")
    add_note(store, ids["denied"], note="asked the ministry for comment", reviewer="ana")  # a note is no verdict
    assert set(_reviews(store)) == {ids["bridge"]}
    # the rating is the person's status, not the rules' (which still say single-source)
    assert _reviews(store)[ids["bridge"]]["reviewRating"]["alternateName"] == "Corroborated"


def test_include_unreviewed_adds_rule_rated_claims_and_says_so(store, publisher):
    ids = seed(store)
    review_claim(store, ids["bridge"], "corroborated", reviewer="ana")
    by_id = _reviews(store, include_unreviewed=True)
    # rated by the rules (denied, evil, struck) or a person (bridge); never checked nor reviewed: left out
    assert set(by_id) == {ids["bridge"], ids["struck"], ids["denied"], ids["evil"]}
    assert by_id[ids["denied"]]["reviewRating"]["ratingExplanation"] == RULES_ONLY
    assert "ratingExplanation" not in by_id[ids["bridge"]]["reviewRating"]
    assert "appearance" not in by_id[ids["evil"]]["itemReviewed"]  # its stored URL is javascript:
    for r in by_id.values():
        assert len(r["claimReviewed"]) <= 75


def test_an_anonymous_source_is_not_a_named_claimant(store, publisher):
    ids = seed(store)
    review_claim(store, ids["vehicles"], "disputed", note="checked", reviewer="ana")
    item = _reviews(store)[ids["vehicles"]]["itemReviewed"]
    assert "author" not in item
    assert "Person" not in json.dumps(item)
    assert "unnamed source" in item["description"] and "An officer who asked not to be named" in item["description"]


def test_an_unattributed_claim_is_the_outlets(store, publisher):
    ids = seed(store)
    review_claim(store, ids["river_rose"], "confirmed", note="checked", reviewer="ana")
    item = _reviews(store)[ids["river_rose"]]["itemReviewed"]
    assert item["author"] == {"@type": "Organization", "name": "Example Wire"}


def test_scale_is_monotonic_and_matches_the_documented_table():
    assert WORST == RATING["refuted"] < RATING["disputed"] < RATING["unverified"] < RATING["corroborated"] < RATING["confirmed"] == BEST
    assert RATING["single-source"] == RATING["unverified"]
    doc = claimreview.__doc__
    table = doc[doc.index("status          alternateName"):]
    rows = {}
    for line in table.splitlines()[2:]:
        if line.startswith("="):
            break
        status, label, value = line[:16].strip(), line[16:33].strip(), int(line[33:].strip())
        rows[status] = (label, value)
    assert rows == {st: (STATUS_LABELS[st], RATING[st]) for st in RATING}


def test_the_claim_reviewed_is_the_whole_claim_with_the_reviewers_note_and_evidence(store, publisher):
    # a long claim: cut to a short line it would say something else ("killed" without "or wounded")
    ids = seed(store)
    review_claim(store, ids["vehicles"], "disputed", reviewer="ana",
                 note="Satellite images show 12 vehicles on the far bank, not 40.",
                 evidence="https://images.example/far-bank")
    r = _reviews(store)[ids["vehicles"]]
    assert r["claimReviewed"] == "40 vehicles were stranded on the far bank"
    assert r["reviewBody"] == "Satellite images show 12 vehicles on the far bank, not 40."
    assert r["citation"] == [{"@type": "CreativeWork", "url": "https://images.example/far-bank"}]


def test_claim_text_is_never_cut():
    long = ("Approximately 200 soldiers sent from the north to fight beside the regular army have been killed "
            "or wounded in the fighting near the border, the officials said")
    assert claim_text(long + "  \n") == long


def test_publisher_is_required(store, monkeypatch):
    seed(store)
    monkeypatch.delenv("VERIFY_PUBLISHER_NAME", raising=False)
    monkeypatch.delenv("VERIFY_PUBLISHER_URL", raising=False)
    with pytest.raises(VerifyError, match="VERIFY_PUBLISHER_NAME and VERIFY_PUBLISHER_URL"):
        _reviews(store)


def test_include_unreviewed_is_for_claimreview_only(store):
    seed(store)
    with pytest.raises(VerifyError, match="claimreview only"):
        write_report(store, "csv", io.StringIO(), include_unreviewed=True)


def test_cli_option(cli, store, publisher):
    ids = seed(store)
    assert json.loads(cli("report", "--format", "claimreview").stdout) == []
    r = cli("report", "--format", "claimreview", "--include-unreviewed")
    assert r.exit_code == 0, r.stderr
    assert {int(x["url"].rsplit("-", 1)[1]) for x in json.loads(r.stdout)} == {ids["bridge"], ids["struck"], ids["denied"], ids["evil"]}
