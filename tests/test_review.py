"""A person's review: each action appends one event; the claim's status follows; nothing is rewritten."""

from __future__ import annotations

import csv
import hashlib
import io
import json

import pytest

from verify.errors import InputError, NotFound, VerifyError
from verify.reviews import add_note, review_claim
from verify.store.records import get_claim, list_claims
from verify.store.tables import ClaimRow

from _claims import seed


@pytest.fixture
def ids(store):
    return seed(store)


def _events(store, claim_id):
    return [
        (e.id, e.reviewer, e.action, e.from_status, e.to_status, e.note, e.evidence_url)
        for e in sorted(get_claim(store, claim_id).history, key=lambda e: e.id)
    ]


def test_review_sets_status_and_records_from_to(store, ids):
    ev = review_claim(store, ids["bridge"], "corroborated", note="a second agency saw it", reviewer="ana")
    assert (ev.reviewer, ev.from_status, ev.to_status, ev.note) == ("ana", "single-source", "corroborated", "a second agency saw it")
    rec = get_claim(store, ids["bridge"])
    assert rec.status == "corroborated"
    assert rec.review_status == "corroborated"
    assert rec.rule_status == "single-source"  # the rules' own verdict is kept beside the review
    assert rec.disagreement == "reviewed as corroborated; the rules now say single-source"


def test_events_are_appended_never_rewritten(store, ids):
    cid = ids["denied"]
    review_claim(store, cid, "refuted", note="checked", reviewer="ana")
    first = _events(store, cid)
    review_claim(store, cid, "disputed", note="the images were old", reviewer="ben")
    add_note(store, cid, "asked the ministry for comment", reviewer="ana")
    after = _events(store, cid)
    assert after[: len(first)] == first
    assert [(e[1], e[2], e[3], e[4]) for e in after] == [
        ("ana", "status", "disputed", "refuted"),
        ("ben", "status", "refuted", "disputed"),
        ("ana", "note", None, None),
    ]
    assert get_claim(store, cid).status == "disputed"  # a note changes no status
    assert [e.note for e in get_claim(store, cid).history][1:] == ["the images were old", "asked the ministry for comment"]


def test_unknown_status_names_the_valid_ones_and_writes_nothing(store, ids):
    with pytest.raises(VerifyError) as e:
        review_claim(store, ids["bridge"], "true", reviewer="ana")
    assert "unknown status 'true'" in str(e.value)
    assert "unverified, single-source, corroborated, confirmed, disputed, refuted" in str(e.value)
    assert _events(store, ids["bridge"]) == []


def test_unknown_claim(store, ids):
    with pytest.raises(NotFound, match="no claim with ID 424242"):
        review_claim(store, 424242, "confirmed", note="checked", reviewer="ana")
    claims = list(list_claims(store))
    assert claims and all(c.history == [] for c in claims)


def test_evidence_url_is_stored(store, ids):
    ev = review_claim(store, ids["struck"], "confirmed", evidence="https://archive.example/photo/1", reviewer="ana")
    assert ev.evidence_url == "https://archive.example/photo/1"


def test_evidence_file_is_kept_with_its_sha256(store, ids, tmp_path):
    f = tmp_path / "frame #3.jpg"
    f.write_bytes(b"\xff\xd8 not really a jpeg")
    ev = review_claim(store, ids["struck"], "confirmed", evidence=str(f), reviewer="ana")
    digest = hashlib.sha256(f.read_bytes()).hexdigest()
    assert ev.evidence_url == f"{f.resolve().as_uri()}#sha256={digest}"
    assert get_claim(store, ids["struck"]).history[-1].evidence_url == ev.evidence_url


@pytest.mark.parametrize("bad", ["", "ftp-ish-not-a-file.png", "https://", "/"])
def test_bad_evidence_is_refused_before_anything_is_written(store, ids, bad):
    with pytest.raises(InputError):
        review_claim(store, ids["struck"], "confirmed", evidence=bad, reviewer="ana")
    assert _events(store, ids["struck"]) == []
    assert get_claim(store, ids["struck"]).status == "single-source"


def test_reviewer_defaults_to_the_configured_name(store, ids, monkeypatch):
    monkeypatch.setenv("VERIFY_REVIEWER", "desk-editor")
    assert review_claim(store, ids["bridge"], "confirmed", note="checked").reviewer == "desk-editor"


def test_note_needs_text_or_evidence(store, ids):
    with pytest.raises(VerifyError, match="needs some text or evidence"):
        add_note(store, ids["bridge"], "   ", reviewer="ana")


def test_concurrent_reviews_each_leave_one_event_in_an_unbroken_chain(store, ids):
    from concurrent.futures import ThreadPoolExecutor

    cid = ids["vehicles"]
    statuses = ["confirmed", "disputed", "refuted", "corroborated"] * 6

    def one(i: int):
        return review_claim(store, cid, statuses[i], note="checked", reviewer=f"r{i}")

    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(one, range(len(statuses))))
    events = _events(store, cid)
    assert len(events) == len(statuses)
    # each review saw the status the one before it left: none was lost or overwritten
    chain = [e[3] for e in events]
    assert chain[0] == "unverified"
    assert chain[1:] == [e[4] for e in events[:-1]]
    assert get_claim(store, cid).status == events[-1][4]


# -- how a reviewed claim reads: the rules' review reason answered, the grade agreeing with the verdict --


def _checked(store, claim_id, when):
    """As if the check that last changed the claim's outcomes ran at ``when``."""
    from datetime import datetime, timezone

    with store.session() as s:
        s.get(ClaimRow, claim_id).checked_at = datetime.fromisoformat(when).replace(tzinfo=timezone.utc)
        s.commit()


def test_a_review_after_the_check_answers_its_review_reason(cli, store, ids):
    _checked(store, ids["vehicles"], "2000-01-01T00:00:00")
    before = cli("claims", "show", ids["vehicles"]).stdout
    assert "Needs review: an estimate from an unnamed officer" in before
    cli("review", ids["vehicles"], "--status", "confirmed", "--note", "checked", "--reviewer", "ana")

    out = cli("claims", "show", ids["vehicles"]).stdout
    assert "Needs review" not in out
    assert "Was flagged for review: an estimate from an unnamed officer; reviewed by ana on 20" in out
    # Admiralty 1 is "confirmed by other sources": no "truth cannot be judged" beside "confirmed"
    assert "Grade: F1: source reliability cannot be judged, information confirmed by other sources" in out
    assert "the rules gave F6" in out and "information truth cannot be judged" not in out

    data = json.loads(cli("claims", "list", "--format", "json").stdout)
    rec = next(c for c in data if c["id"] == ids["vehicles"])
    assert rec["needs_review_open"] is False and rec["grade"] == "F1" and rec["rule_grade"] == "F6"
    assert rec["reviewed"]["reviewer"] == "ana" and rec["reviewed"]["status"] == "confirmed"
    assert rec["needs_review"] == "an estimate from an unnamed officer"  # what the rules stored, unchanged

    listed = cli("claims", "list").stdout
    assert "needs review" not in listed and "F1 (rules: F6)" in listed

    report = json.loads(cli("report", "--format", "json").stdout)
    assert report["summary"]["needs_review"] == 0
    csv_row = next(r for r in csv.DictReader(io.StringIO(cli("report", "--format", "csv").stdout)) if r["id"] == str(ids["vehicles"]))
    assert csv_row["needs_review"].startswith("was flagged for review: an estimate from an unnamed officer; reviewed by ana on ")
    assert csv_row["grade"] == "F1" and csv_row["rule_grade"] == "F6"
    md = next(ln for ln in cli("report", "--format", "markdown").stdout.splitlines() if ln.startswith(f"| {ids['vehicles']} |"))
    assert "was flagged for review" in md and "F1 (rules: F6)" in md and "needs review:" not in md


def test_a_check_that_changes_the_claim_after_the_review_raises_it_again(cli, store, ids):
    cli("review", ids["vehicles"], "--status", "disputed", "--note", "checked", "--reviewer", "ana")
    _checked(store, ids["vehicles"], "2999-01-01T00:00:00")
    out = cli("claims", "show", ids["vehicles"]).stdout
    assert "Needs review: an estimate from an unnamed officer (raised again by a check after ana's review on " in out
    assert json.loads(cli("report", "--format", "json").stdout)["summary"]["needs_review"] == 1
    assert "needs review: an estimate" in cli("claims", "list").stdout


def test_a_note_alone_answers_nothing(cli, store, ids):
    _checked(store, ids["vehicles"], "2000-01-01T00:00:00")
    cli("review", ids["vehicles"], "--note", "called the brigade", "--reviewer", "ana")
    assert "Needs review: an estimate from an unnamed officer" in cli("claims", "show", ids["vehicles"]).stdout


@pytest.mark.parametrize(("status", "grade"), [("confirmed", "C1"), ("corroborated", "C2"), ("disputed", "C4"),
                                               ("refuted", "C5"), ("single-source", "C3"), ("unverified", "C3")])
def test_the_grade_shown_follows_the_reviewed_status(store, ids, status, grade):
    from verify.reports.common import grade_note, shown_grade

    review_claim(store, ids["bridge"], status, note="checked", reviewer="ana")
    rec = get_claim(store, ids["bridge"])  # the rules graded it C3
    assert shown_grade(rec) == grade
    assert grade_note(rec) == (grade if grade == "C3" else f"{grade} (rules: C3)")
