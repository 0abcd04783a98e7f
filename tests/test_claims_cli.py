"""``verify claims list|show``, ``verify review`` and ``verify report`` as a user runs them."""

from __future__ import annotations

import csv
import io
import json

import pytest

from _claims import seed
from cli_support import one_line_error as _one_line_error


@pytest.fixture
def ids(store):
    return seed(store)


def test_list_table_with_filters(cli, ids):
    r = cli("claims", "list")
    assert r.exit_code == 0, r.stderr
    assert "a pontoon bridge" in r.stdout and "7 claims" in r.stdout
    r = cli("claims", "list", "--status", "disputed")
    assert "any crossing had been lost" in r.stdout and "pontoon" not in r.stdout and "1 claim" in r.stdout
    r = cli("claims", "list", "--source", "ivan moroz", "--format", "json")
    assert [c["id"] for c in json.loads(r.stdout)] == [ids["struck"]]


def test_list_json_every_matching_claim_unless_limited(cli, ids):
    r = cli("claims", "list", "--format", "json")
    data = json.loads(r.stdout)
    assert len(data) == 7
    bridge = next(c for c in data if c["id"] == ids["bridge"])
    for key in ("id", "text", "status", "flags", "grade", "sources", "rules"):
        assert key in bridge
    assert bridge["grade"] == "C3"
    assert bridge["rules"][0]["rule"].startswith("features/rulebook/parties.feature:12 ")
    assert len(json.loads(cli("claims", "list", "--format", "json", "--limit", "2").stdout)) == 2
    flagged = json.loads(cli("claims", "list", "--format", "json", "--flag", "estimate").stdout)
    assert [c["id"] for c in flagged] == [ids["vehicles"]]
    by_article = json.loads(cli("claims", "list", "--format", "json", "--article", ids["hostile"]).stdout)
    assert {c["id"] for c in by_article} == {ids["evil"], ids["markup"]}
    assert json.loads(cli("claims", "list", "--format", "json", "--status", "corroborated").stdout) == []


def test_show_text_names_rules_file_and_line(cli, ids):
    cli("review", ids["bridge"], "--status", "corroborated", "--note", "a second agency", "--reviewer", "ana")
    r = cli("claims", "show", ids["bridge"])
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert f"Claim {ids['bridge']}" in out
    assert "Crossing Lost on the Lower Dnipro" in out
    assert "Government of Ukraine (organisation)" in out and "Officials in Kyiv" in out
    assert "cue “said”" in out
    assert "features/rulebook/parties.feature:12 A party to the conflict speaking alone" in out
    assert "status single-source — one side only" in out
    # the person's status sets the information's credibility; the rules' grade stays in view
    assert "C2: source fairly reliable, information probably true (from the review as corroborated; the rules gave C3)" in out
    assert "Flags: party-to-conflict" in out
    assert "ana  single-source → corroborated" in out and "note: a second agency" in out
    assert "reviewed as corroborated; the rules now say single-source" in out


def test_a_grade_that_only_the_review_gives_says_so(cli, ids):
    # the rules never graded this claim; the person's verdict still sets its credibility
    cli("review", ids["river_rose"], "--status", "refuted", "--note", "checked", "--reviewer", "ana")
    out = cli("claims", "show", ids["river_rose"]).stdout
    assert "Grade: F5: source reliability cannot be judged, information improbable (from the review as refuted; the rules have not graded it)" in out


def test_show_keeps_markup_in_stored_strings_as_text(cli, ids):
    out = cli("claims", "show", ids["markup"]).stdout
    assert "[bold red]markup[/]" in out and "[red]x[/red]" in out


def test_show_never_prints_control_characters(cli, ids):
    out = cli("claims", "show", ids["evil"]).stdout
    assert "\x1b" not in out and "Evil \"<rule>\"\ufffd[2J" in out
    assert "\x1b" not in cli("claims", "list").stdout


def test_show_json(cli, ids):
    r = cli("claims", "show", ids["vehicles"], "--format", "json")
    data = json.loads(r.stdout)
    assert data["id"] == ids["vehicles"] and data["grade"] == "F6" and data["disagreement"] is None
    assert data["numbers"][0]["value"] == 40.0
    assert data["sources"][0]["kind"] == "anonymous"


def test_show_and_reports_say_which_claims_their_source_denies(cli, ids):
    shown = cli("claims", "show", ids["denied"]).stdout
    assert "Polarity: denied (its source denies what the claim states)" in shown
    assert "Polarity" not in cli("claims", "show", ids["bridge"]).stdout  # an assertion, as most claims are
    assert json.loads(cli("claims", "show", ids["denied"], "--format", "json").stdout)["polarity"] == "denied"
    report = json.loads(cli("report", "--format", "json").stdout)
    polarity = {c["id"]: c["polarity"] for c in report["claims"]}
    assert polarity[ids["denied"]] == "denied" and polarity[ids["bridge"]] == "asserted"
    assert set(polarity.values()) == {"asserted", "denied"}
    rows = list(csv.DictReader(io.StringIO(cli("report", "--format", "csv").stdout)))
    assert {r["id"]: r["polarity"] for r in rows} == {str(k): v for k, v in polarity.items()}


def test_review_then_history(cli, ids, tmp_path):
    f = tmp_path / "photo.jpg"
    f.write_bytes(b"frame")
    r = cli("review", ids["denied"], "--status", "refuted", "--evidence", f, "--reviewer", "ben")
    assert r.exit_code == 0, r.stderr
    assert f"claim {ids['denied']}: disputed → refuted (reviewed by ben" in r.stdout
    r = cli("review", ids["denied"], "--note", "ministry did not answer", "--reviewer", "ben")
    assert r.exit_code == 0 and "note added" in r.stdout
    hist = json.loads(cli("claims", "show", ids["denied"], "--format", "json").stdout)["history"]
    assert [(e["action"], e["from_status"], e["to_status"]) for e in hist] == [("status", "disputed", "refuted"), ("note", None, None)]
    assert "#sha256=" in hist[0]["evidence_url"]


def test_a_review_that_keeps_the_status_says_so(cli, ids):
    r = cli("review", ids["denied"], "--status", "disputed", "--note", "still contested", "--reviewer", "ben")
    assert r.exit_code == 0, r.stderr
    assert f"claim {ids['denied']}: status unchanged (disputed); review recorded by ben" in r.stdout
    assert "disputed → disputed" not in r.stdout


def test_review_default_reviewer(cli, ids, monkeypatch):
    monkeypatch.setenv("VERIFY_REVIEWER", "night-desk")
    r = cli("review", ids["struck"], "--status", "confirmed", "--note", "checked")
    assert "reviewed by night-desk" in r.stdout


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("claims", "show", "999999"), ["no claim with ID 999999"]),
        (("claims", "show", "abc"), ["not a claim ID: 'abc'"]),
        (("claims", "show", "99999999999999999999"), ["no claim with ID 99999999999999999999"]),
        (("review", "99999999999999999999", "--status", "confirmed", "--note", "x"), ["no claim with ID"]),
        (("claims", "list", "--article", "x1"), ["not an article ID: 'x1'"]),
        (("claims", "list", "--article", "999999"), ["no article with ID 999999"]),
        (("claims", "list", "--article", "99999999999999999999"), ["no article with ID 99999999999999999999"]),
        (("claims", "list", "--article", "999999", "--format", "json"), ["no article with ID 999999"]),
        (("report", "--article", "999999"), ["no article with ID 999999"]),
        (("report", "--article", "99999999999999999999", "--format", "csv"), ["no article with ID 99999999999999999999"]),
        (("report", "--format", "csv", "--include-unreviewed"), ["claimreview only"]),
        (("review", "2147483648", "--note", "x"), ["no claim with ID 2147483648"]),
        (("claims", "show", "2147483648"), ["no claim with ID 2147483648"]),
        (("report", "--article", "-3"), ["not an article ID: '-3'"]),
        (("review", "999999", "--status", "confirmed", "--note", "x"), ["no claim with ID 999999"]),
        (("review", "1", "--status", "true"), ["unknown status 'true'", "confirmed"]),
        (("review", "1"), ["--status"]),
        (("review", "1", "--status", "confirmed", "--evidence", "/no/such/file.png"), ["evidence"]),
        (("claims", "list", "--status", "maybe"), ["unknown status 'maybe'"]),
        (("claims", "list", "--source", "Nobody Known"), ["no source named 'Nobody Known'"]),
        (("report", "--status", "maybe"), ["unknown status"]),
        (("report", "--source", "Nobody Known"), ["no source named"]),
    ],
)
def test_bad_input_is_one_line(cli, ids, args, words):
    _one_line_error(cli(*args), *words)


def test_report_formats_to_stdout_and_file(cli, ids, tmp_path, monkeypatch):
    assert "Claims by status" in cli("report").stdout
    for fmt in ("markdown", "html", "json", "csv"):
        r = cli("report", "--format", fmt)
        assert r.exit_code == 0, (fmt, r.stderr)
        assert "pontoon bridge" in r.stdout
    target = tmp_path / "out" / "report.html"
    target.parent.mkdir()
    r = cli("report", "--format", "html", "--output", target)
    assert r.exit_code == 0 and r.stdout == "" and target.read_text().startswith("<!DOCTYPE html>")
    assert list(target.parent.iterdir()) == [target]


def test_report_failure_leaves_no_file(cli, ids, tmp_path, monkeypatch):
    monkeypatch.delenv("VERIFY_PUBLISHER_URL", raising=False)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "reviews.jsonld"
    r = cli("report", "--format", "claimreview", "--output", target)
    _one_line_error(r, "VERIFY_PUBLISHER_URL")
    assert list(target.parent.iterdir()) == []
