"""What CSV and Markdown reports carry of a claim: each rule that fired once with all its outcomes, and
the latest review a person gave (who, when, the note) with the evidence; and the ClaimReview of a
reviewed claim, with the whole claim, the note and the fields Google's Fact Check tools read."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTE = "The port authority counts 120,000 tonnes | not 300,000; see its *statement*"
EVIDENCE = "https://port.example/statement"


@pytest.fixture
def reviewed(cli, db_url):
    """The example article stored and checked; its claim with the most rules reviewed with a note and
    evidence. Returns that claim as `verify claims show --format json` gives it."""
    assert cli("ingest", ROOT / "examples", "--jobs", "1").exit_code == 0
    claims = json.loads(cli("claims", "list", "--format", "json").stdout)
    busiest = max(claims, key=lambda c: len({r["rule"] for r in c["rules"]}))
    # the case the reports used to get wrong: one rule giving several outcomes
    assert len(busiest["rules"]) > len({r["rule"] for r in busiest["rules"]})
    r = cli("review", busiest["id"], "--status", "disputed", "--note", NOTE, "--evidence", EVIDENCE, "--reviewer", "ana")
    assert r.exit_code == 0, r.stderr
    return json.loads(cli("claims", "show", busiest["id"], "--format", "json").stdout)


def _rules(claim) -> dict[str, list[str]]:
    by_rule: dict[str, list[str]] = {}
    for r in claim["rules"]:
        by_rule.setdefault(r["rule"], []).append(f"{r['outcome']} {r['value']}" + ("" if r["applied"] else " (overruled)"))
    return by_rule


def test_csv_gives_each_rule_once_with_its_outcomes_and_the_latest_review(cli, reviewed):
    r = cli("report", "--format", "csv")
    assert r.exit_code == 0, r.stderr
    rows = {int(x["id"]): x for x in csv.DictReader(io.StringIO(r.stdout))}
    row = rows[reviewed["id"]]
    lines = row["rules"].split("\n")
    assert lines == [f"{rule}: {'; '.join(outcomes)}" for rule, outcomes in _rules(reviewed).items()]
    for rule in _rules(reviewed):
        assert row["rules"].count(rule + ":") == 1
    assert row["reviewer"] == "ana" and row["review_note"] == NOTE and row["evidence"] == EVIDENCE
    assert row["reviewed_at"].startswith(date.today().isoformat()) and row["reviewed_at"].endswith("Z")
    assert row["status"] == "disputed" and row["reviewed"] == "yes"
    # a claim nobody reviewed has the review columns empty
    other = next(x for i, x in rows.items() if i != reviewed["id"])
    assert (other["reviewer"], other["reviewed_at"], other["review_note"], other["evidence"]) == ("", "", "", "")
    # no cell of the whole report repeats a rule
    for x in rows.values():
        refs = re.findall(r"features/rulebook/\S+:\d+ ", x["rules"])
        assert len(refs) == len(set(refs)), x["rules"]


def test_markdown_gives_each_rule_once_and_the_latest_review(cli, reviewed):
    r = cli("report", "--format", "markdown")
    assert r.exit_code == 0, r.stderr
    row = next(ln for ln in r.stdout.splitlines() if ln.startswith(f"| {reviewed['id']} |"))
    cells = re.split(r"(?<!\\)\|", row)[1:-1]
    assert len(cells) == 9
    rules_cell, review_cell = cells[7].strip(), cells[8].strip()
    lines = rules_cell.split("<br>")
    assert len(lines) == len(_rules(reviewed))
    for line, (rule, outcomes) in zip(lines, _rules(reviewed).items()):
        assert line.startswith(rule + ":") and line.endswith(outcomes[-1])
    # the note's markup stays text: its pipe and asterisks are escaped
    assert review_cell.startswith("ana, " + date.today().isoformat())
    assert "The port authority counts 120,000 tonnes \\| not 300,000; see its \\*statement\\*" in review_cell
    assert review_cell.endswith(f"evidence: {EVIDENCE}")


# What Google's Fact Check tools require of a ClaimReview and what they recommend
# (developers.google.com/search/docs/appearance/structured-data/factcheck)
REQUIRED = ("claimReviewed", "reviewRating", "url")
RATING_REQUIRED = ("alternateName",)
RATING_NUMERIC = ("ratingValue", "bestRating", "worstRating")
RECOMMENDED = ("author", "datePublished", "itemReviewed")


def google_problems(review: dict) -> list[str]:
    """Every way ``review`` falls short of Google's ClaimReview requirements and recommendations."""
    problems = [f"missing {k}" for k in REQUIRED + RECOMMENDED if not review.get(k)]
    if review.get("@type") != "ClaimReview" or review.get("@context") != "https://schema.org":
        problems.append("not a schema.org ClaimReview")
    rating = review.get("reviewRating") or {}
    problems += [f"reviewRating without {k}" for k in RATING_REQUIRED if not rating.get(k)]
    nums = [rating.get(k) for k in RATING_NUMERIC]
    if not all(isinstance(n, int) for n in nums):
        problems.append("reviewRating without numeric ratingValue, bestRating and worstRating")
    elif not rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]:
        problems.append("ratingValue outside worstRating..bestRating")
    if not str(review.get("url", "")).startswith(("http://", "https://")):
        problems.append("url is not a web address")
    if not (review.get("author") or {}).get("name"):
        problems.append("author without a name")
    try:
        date.fromisoformat(review.get("datePublished", ""))
    except ValueError:
        problems.append("datePublished is not an ISO date")
    item = review.get("itemReviewed") or {}
    if item.get("@type") != "Claim":
        problems.append("itemReviewed is not a Claim")
    # where the claim appeared and who made it are recommended where known: a claim from an article
    # with no web address by an unnamed source has neither, and says so in its description instead
    if not (item.get("appearance") or item.get("firstAppearance") or item.get("author") or item.get("description")):
        problems.append("itemReviewed says neither where the claim appeared nor who made it")
    return problems


def test_claimreview_of_a_reviewed_claim_is_whole_with_the_note_and_meets_googles_fields(cli, reviewed, monkeypatch):
    monkeypatch.setenv("VERIFY_PUBLISHER_NAME", "Example Fact Desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_URL", "https://factdesk.example/reviews")
    r = cli("report", "--format", "claimreview")
    assert r.exit_code == 0, r.stderr
    (review,) = json.loads(r.stdout)
    assert review["claimReviewed"] == " ".join(reviewed["text"].split())
    assert len(review["claimReviewed"]) > 75  # long enough that cutting it was tempting
    assert review["reviewBody"] == NOTE
    assert review["citation"] == [{"@type": "CreativeWork", "url": EVIDENCE}]
    assert review["reviewRating"]["alternateName"] == "Disputed"
    assert google_problems(review) == []
    # every claim the rules rated meets them too, and one from a web page gives the page as where it appeared
    assert cli("ingest", ROOT / "tests" / "articles" / "desk", "--jobs", "1").exit_code == 0
    r = cli("report", "--format", "claimreview", "--include-unreviewed")
    everything = json.loads(r.stdout)
    assert len(everything) > 10
    assert {x["url"]: google_problems(x) for x in everything if google_problems(x)} == {}
    pages = {x["itemReviewed"].get("appearance", {}).get("url") for x in everything}
    assert {"https://courier.example/2026/11/20/ferry-dnipro", "https://ledger.example/drone-debris-warehouse"} <= pages


def test_the_google_check_catches_what_it_should():
    good = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": "x", "url": "https://a.example/#c",
            "author": {"@type": "Organization", "name": "Desk"}, "datePublished": "2026-12-06",
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "P"}},
            "reviewRating": {"@type": "Rating", "alternateName": "Refuted", "ratingValue": 1, "bestRating": 5, "worstRating": 1}}
    assert google_problems(good) == []
    bad = json.loads(json.dumps(good))
    del bad["reviewRating"]["alternateName"]
    bad["reviewRating"]["ratingValue"] = 9
    bad["datePublished"] = "6 Dec"
    del bad["itemReviewed"]["author"]
    del bad["url"]
    assert google_problems(bad) == [
        "missing url", "reviewRating without alternateName", "ratingValue outside worstRating..bestRating",
        "url is not a web address", "datePublished is not an ISO date",
        "itemReviewed says neither where the claim appeared nor who made it"]
