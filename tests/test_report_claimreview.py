"""ClaimReview JSON-LD: Google's required and recommended fields, and a scale that agrees with its labels."""

from __future__ import annotations

import io
import json

import pytest

from verify.errors import VerifyError
from verify.report import write_report
from verify.report.claimreview import BEST, RATING, WORST, shorten
from verify.review import review_claim

from _claims import seed


@pytest.fixture
def publisher(monkeypatch):
    monkeypatch.setenv("VERIFY_PUBLISHER_NAME", "Example Fact Desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_URL", "https://factdesk.example/reviews")


def _reviews(store):
    buf = io.StringIO()
    write_report(store, "claimreview", buf)
    return json.loads(buf.getvalue())


def test_fields(store, publisher):
    ids = seed(store)
    review_claim(store, ids["struck"], "confirmed", reviewer="ana")
    by_url = {r["url"]: r for r in _reviews(store)}
    r = by_url[f"https://factdesk.example/reviews#claim-{ids['struck']}"]
    assert r["@context"] == "https://schema.org" and r["@type"] == "ClaimReview"
    assert r["claimReviewed"] == "We struck it twice before dawn"
    assert r["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": "https://factdesk.example/reviews"}
    assert r["reviewRating"] == {"@type": "Rating", "alternateName": "Confirmed", "ratingValue": 5, "bestRating": 5, "worstRating": 1}
    assert len(r["datePublished"]) == 10
    item = r["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Person", "name": "Ivan Moroz"}
    assert item["appearance"]["url"] == "https://news.example/river"
    org = by_url[f"https://factdesk.example/reviews#claim-{ids['denied']}"]
    assert org["itemReviewed"]["author"] == {"@type": "Organization", "name": "Ministry of Defence of Russia"}
    assert org["reviewRating"]["alternateName"] == "Disputed" and org["reviewRating"]["ratingValue"] == 2


def test_only_rated_claims_and_no_unsafe_appearance(store, publisher):
    ids = seed(store)
    urls = {r["url"].rsplit("-", 1)[1]: r for r in _reviews(store)}
    # never checked and never reviewed: nothing to publish
    assert str(ids["vehicles"]) not in urls and str(ids["river_rose"]) not in urls
    evil = urls[str(ids["evil"])]
    assert "appearance" not in evil["itemReviewed"]  # its stored URL is javascript:
    for r in urls.values():
        assert len(r["claimReviewed"]) <= 75


def test_scale_is_monotonic_and_documented():
    assert WORST == RATING["refuted"] < RATING["disputed"] < RATING["unverified"] < RATING["corroborated"] < RATING["confirmed"] == BEST
    assert RATING["single-source"] == RATING["unverified"]


def test_shorten():
    long = "Forty-one trucks carrying grain crossed the border at dawn while the checkpoint was closed to cars"
    s = shorten(long)
    assert len(s) <= 75 and s.endswith("…") and long.startswith(s[:-1])
    assert shorten("short  claim\n") == "short claim"


def test_publisher_is_required(store, monkeypatch):
    seed(store)
    monkeypatch.delenv("VERIFY_PUBLISHER_NAME", raising=False)
    monkeypatch.delenv("VERIFY_PUBLISHER_URL", raising=False)
    with pytest.raises(VerifyError, match="VERIFY_PUBLISHER_NAME and VERIFY_PUBLISHER_URL"):
        _reviews(store)
