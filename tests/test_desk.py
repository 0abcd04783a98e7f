"""The review desk without its queue: a claim's history, undo as a new event, evidence with a stance
and a digest, a review that names the event it saw, verdicts that need reasons, a source's track
record and merge, and bad input that changes nothing. Run as a user runs them, through the CLI."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from sqlalchemy import text

import verify
from verify.errors import Conflict, InputError
from cli_support import one_line_error

ARTICLE = Path(__file__).parent / "articles" / "desk" / "sbu-rail-sabotage.txt"
ODESA = Path(__file__).resolve().parents[1] / "examples" / "odesa-grain-terminal.txt"


@pytest.fixture
def sbu(cli, db_url):
    """The SBU article ingested and checked: claim ID by its first words."""
    r = cli("ingest", ARTICLE)
    assert r.exit_code == 0, r.stderr
    with verify.open_store(db_url) as store:
        return {"detained": _find(store, "detained two men"), "paid": _find(store, "had been paid"),
                "confessed": _find(store, "Both suspects"), "track": _find(store, "40 metres"),
                "trains": _find(store, "trains were running"), "third": _find(store, "third suspect")}


def _find(store, words: str) -> int:
    return next(c.id for c in verify.claims(store) if words in c.text)


def _history(cli, claim_id) -> list[dict]:
    r = cli("claims", "history", claim_id, "--format", "json")
    assert r.exit_code == 0, r.stderr
    return json.loads(r.stdout)


def _snapshot(db_url) -> dict:
    """Every row of every table, to prove a refused command changed nothing."""
    with verify.open_store(db_url) as store, store.engine.connect() as c:
        tables = [t for t in store.engine.dialect.get_table_names(c) if t != "alembic_version"]
        return {t: sorted(map(repr, c.execute(text(f"SELECT * FROM {t}")).all())) for t in tables}


def _one_line(r, *words: str) -> str:
    return one_line_error(r, *words, quiet=False)


# -- history and undo ---------------------------------------------------------------------------


def test_history_holds_reviews_notes_evidence_links_and_check_changes(cli, sbu, tmp_path):
    f = tmp_path / "track photo.jpg"
    f.write_bytes(b"photo of the damaged track")
    d, t = sbu["detained"], sbu["trains"]
    assert cli("review", d, "--status", "confirmed", "--note", "court records", "--reviewer", "ana").exit_code == 0
    assert cli("review", d, "--note", "asked the court for the file", "--reviewer", "ben").exit_code == 0
    assert cli("review", d, "--evidence", f, "--stance", "supports", "--note", "our photo", "--reviewer", "ben").exit_code == 0
    assert cli("link", d, t, "--contradicts", "--reviewer", "ana").exit_code == 0
    assert cli("unlink", d, t, "--note", "wrong claim", "--reviewer", "ana").exit_code == 0
    events = _history(cli, d)
    assert [(e["action"], e["reviewer"]) for e in events] == [
        ("status", "ana"), ("note", "ben"), ("evidence", "ben"), ("link", "ana"), ("unlink", "ana")]
    assert events[0]["from_status"] == "single-source" and events[0]["to_status"] == "confirmed"
    assert events[2]["stance"] == "supports" and events[2]["sha256"] == hashlib.sha256(f.read_bytes()).hexdigest()
    table = cli("claims", "history", d).stdout
    assert "set it to confirmed" in table and "court records" in table and "added evidence (supports)" in table

    # a re-check that changes a claim's status is an event too, naming the rule
    assert cli("link", t, sbu["detained"], "--corroborates", "--reviewer", "ana").exit_code == 0
    assert cli("check").exit_code == 0
    check = [e for e in _history(cli, t) if e["action"] == "check"]
    assert len(check) == 1 and check[0]["reviewer"] == "verify check"
    assert check[0]["from_status"] == "single-source" and check[0]["to_status"] == "corroborated"
    assert check[0]["note"].startswith("by features/rulebook/01-corroboration.feature:")


def test_undo_is_a_new_event_and_can_itself_be_undone(cli, sbu, db_url):
    c = sbu["paid"]
    cli("review", c, "--status", "disputed", "--note", "the sum is unconfirmed", "--reviewer", "ana")
    first = _history(cli, c)[-1]["id"]
    r = cli("undo", first, "--reviewer", "ben", "--note", "wrong claim")
    assert r.exit_code == 0, r.stderr
    assert f"claim {c}: ben undid event {first}, status now single-source" in r.stdout
    events = _history(cli, c)
    assert [e["action"] for e in events] == ["status", "undo"]  # nothing deleted
    assert events[0]["undone_by"] == events[1]["id"]
    shown = json.loads(cli("claims", "show", c, "--format", "json").stdout)
    assert shown["status"] == "single-source" and shown["review_status"] is None and shown["reviewed"] is None

    _one_line(cli("undo", first), f"event {first} is already undone")
    r = cli("undo", events[1]["id"], "--reviewer", "ana")  # undoing the undo restores the review
    assert r.exit_code == 0, r.stderr
    assert json.loads(cli("claims", "show", c, "--format", "json").stdout)["status"] == "disputed"


def test_undo_refuses_to_overwrite_a_later_review(cli, sbu):
    c = sbu["paid"]
    cli("review", c, "--status", "disputed", "--note", "one", "--reviewer", "ana")
    first = _history(cli, c)[-1]["id"]
    cli("review", c, "--status", "refuted", "--note", "two", "--reviewer", "ben")
    _one_line(cli("undo", first), f"claim {c} changed after event {first}: ben set it to refuted")
    assert json.loads(cli("claims", "show", c, "--format", "json").stdout)["status"] == "refuted"


def test_undo_of_a_link_withdraws_it_on_both_claims(cli, sbu):
    a, b = sbu["detained"], sbu["confessed"]
    cli("link", a, b, "--corroborates", "--reviewer", "ana")
    link = _history(cli, a)[-1]["id"]
    assert cli("undo", link, "--reviewer", "ana").exit_code == 0
    for claim in (a, b):
        shown = json.loads(cli("claims", "show", claim, "--format", "json").stdout)
        assert shown["links"] == []
        assert shown["history"][-1]["action"] == "undo"


def test_undo_of_evidence_takes_it_off_the_claim(cli, sbu):
    c = sbu["track"]
    cli("review", c, "--evidence", "https://rail.example/notice/7", "--stance", "refutes", "--reviewer", "ana")
    ev = _history(cli, c)[-1]["id"]
    assert "https://rail.example/notice/7" in cli("claims", "show", c).stdout.split("Review history")[0]
    cli("undo", ev, "--reviewer", "ana")
    shown = json.loads(cli("claims", "show", c, "--format", "json").stdout)
    assert shown["evidence"] == []


# -- two reviewers: the event each one saw ------------------------------------------------------


def test_a_review_that_names_a_stale_event_is_refused_and_records_nothing(db_url, sbu):
    c = sbu["confessed"]
    with verify.open_store(db_url) as store:
        seen = verify.review(store, c, "disputed", note="no court record yet", reviewer="ana").id
        verify.review(store, c, "refuted", note="the court says no confession", reviewer="ben", expected_last_event=seen)
        before = len(verify.history(store, c))
        with pytest.raises(Conflict) as e:
            verify.review(store, c, "confirmed", note="signed statements", reviewer="ana", expected_last_event=seen)
        assert f"claim {c} changed since event {seen}: ben set it to refuted at " in str(e.value)
        assert e.value.latest.reviewer == "ben" and e.value.latest.to_status == "refuted"
        assert len(verify.history(store, c)) == before
        assert verify.claim(store, c).status == "refuted"
        with pytest.raises(Conflict):
            verify.add_note(store, c, "late note", reviewer="ana", expected_last_event=0)


# -- verdicts need reasons -----------------------------------------------------------------------


@pytest.mark.parametrize("status", ["confirmed", "disputed", "refuted"])
def test_a_verdict_without_a_reason_is_refused(cli, sbu, db_url, status):
    before = _snapshot(db_url)
    _one_line(cli("review", sbu["third"], "--status", status), f"a claim is set {status} only with a reason")
    _one_line(cli("review", sbu["third"], "--status", status, "--note", "   "), "only with a reason")
    assert _snapshot(db_url) == before
    # other statuses say nothing about truth and need no reason
    assert cli("review", sbu["third"], "--status", "single-source").exit_code == 0


def test_the_setting_allows_bare_verdicts(cli, sbu, monkeypatch):
    monkeypatch.setenv("VERIFY_BARE_VERDICTS", "allow")
    assert cli("review", sbu["third"], "--status", "confirmed").exit_code == 0


# -- evidence ------------------------------------------------------------------------------------


def test_claims_show_says_when_an_evidence_file_changed_or_went(cli, sbu, tmp_path):
    photo, memo = tmp_path / "photo.jpg", tmp_path / "memo.txt"
    photo.write_bytes(b"the first photo")
    memo.write_text("the railway's memo")
    c = sbu["track"]
    assert cli("review", c, "--status", "refuted", "--evidence", photo, "--stance", "refutes",
               "--note", "the track is whole").exit_code == 0
    assert cli("review", c, "--evidence", memo, "--note", "timetable").exit_code == 0
    out = cli("claims", "show", c).stdout
    assert out.count("file unchanged since it was attached") == 2
    photo.write_bytes(b"an edited photo")
    memo.unlink()
    out = cli("claims", "show", c).stdout
    assert "the file on disk no longer matches the SHA-256 recorded when it was attached" in out
    assert "the file is gone from disk" in out
    data = json.loads(cli("claims", "show", c, "--format", "json").stdout)
    assert [(e["stance"], e["state"]) for e in data["evidence"]] == [("refutes", "changed"), ("context", "missing")]


# -- sources: track record and merge -------------------------------------------------------------


def test_sources_show_sbu_lists_claims_outcomes_and_a_grade(cli, sbu):
    reviews = [("detained", "confirmed"), ("paid", "confirmed"), ("confessed", "disputed"), ("track", "refuted")]
    for key, status in reviews:
        assert cli("review", sbu[key], "--status", status, "--note", "checked", "--reviewer", "ana").exit_code == 0
    r = cli("sources", "show", "SBU")
    assert r.exit_code == 0, r.stderr
    out = r.stdout
    assert "Security Service of Ukraine" in out
    assert "Track record: 2 confirmed, 0 corroborated, 1 disputed, 1 refuted, 0 open" in out
    assert "Suggested reliability: C (4 settled claim(s), 62% held up, 1 refuted" in out
    for words in ("detained two men", "Both suspects", "40 metres"):
        assert words in out
    data = json.loads(cli("sources", "show", "SBU", "--format", "json").stdout)
    record = data["track_record"]
    assert {c["id"]: c["outcome"] for c in record["claims"]} == {
        sbu["detained"]: "confirmed", sbu["paid"]: "confirmed", sbu["confessed"]: "disputed", sbu["track"]: "refuted"}
    assert record["suggested"] == "C"


def test_the_grading_table_is_a_setting(cli, sbu, tmp_path, monkeypatch):
    for key in ("detained", "paid", "confessed", "track"):
        cli("review", sbu[key], "--status", "confirmed", "--note", "checked", "--reviewer", "ana")
    table = tmp_path / "grades.toml"
    table.write_text('[[grade]]\ngrade = "A"\nsettled = 4\nshare = 1.0\n')
    monkeypatch.setenv("VERIFY_TRACK_RECORD", str(table))
    assert "Suggested reliability: A (4 settled claim(s), 100% held up" in cli("sources", "show", "SBU").stdout
    table.write_text('[[grade]]\ngrade = "Z"\nsettled = 4\nshare = 1.0\n')
    _one_line(cli("sources", "show", "SBU"), "track-record table", "grade")


def test_merge_keeps_every_claim_alias_and_event_and_undoes(cli, sbu, db_url):
    assert cli("review", sbu["third"], "--status", "corroborated", "--note", "police notice", "--reviewer", "ana").exit_code == 0
    assert cli("sources", "set", "Sluzhba Bezpeky press office", "--reliability", "C", "--reviewer", "ana").exit_code == 0
    before = _snapshot(db_url)
    r = cli("sources", "merge", "Sluzhba Bezpeky press office", "SBU", "--note", "the SBU's own press office",
            "--reviewer", "ana")
    assert r.exit_code == 0, r.stderr
    assert "Sluzhba Bezpeky press office merged into Security Service of Ukraine" in r.stdout
    after = _snapshot(db_url)
    assert len(after["claims"]) == len(before["claims"]) and len(after["claim_sources"]) == len(before["claim_sources"])
    assert set(before["events"]) <= set(after["events"])  # every event kept, the merge added
    assert len(after["source_aliases"]) > len(before["source_aliases"])  # re-pointed and added, none dropped
    data = json.loads(cli("sources", "show", "SBU", "--format", "json").stdout)
    assert sbu["third"] in {c["id"] for c in data["track_record"]["claims"]}
    assert data["track_record"]["merged"] == ["Sluzhba Bezpeky press office"]
    # the old name's edit is kept and shown with the SBU's; the merge is an event of both
    assert [(e["action"], e["source"]) for e in data["history"]] == [
        ("source-edit", "Sluzhba Bezpeky press office"), ("source-merge", "Sluzhba Bezpeky press office"),
        ("source-merge", "Security Service of Ukraine")]
    # the old name now finds the SBU
    listed = json.loads(cli("claims", "list", "--source", "Sluzhba Bezpeky press office", "--format", "json").stdout)
    assert sbu["detained"] in {c["id"] for c in listed}
    merge = data["history"][-1]["id"]
    assert cli("undo", merge, "--reviewer", "ana").exit_code == 0
    again = json.loads(cli("sources", "show", "Sluzhba Bezpeky press office", "--format", "json").stdout)
    assert again["canonical"] == "Sluzhba Bezpeky press office"
    assert [c["id"] for c in again["track_record"]["claims"]] == [sbu["third"]]


# -- bad input: one line, non-zero exit, nothing changed -----------------------------------------


@pytest.mark.parametrize(("args", "words"), [
    (("review", "999999", "--status", "confirmed", "--note", "x"), ["no claim with ID 999999"]),
    (("review", "{third}", "--status", "true", "--note", "x"), ["unknown status 'true'"]),
    (("review", "{third}", "--status", "refuted", "--note", ""), ["only with a reason"]),
    (("review", "{third}", "--note", "  "), ["a note needs some text or evidence"]),
    (("review", "{third}", "--evidence", "ftp://files.example/x", "--note", "x"), ["neither an http(s) URL nor an existing file"]),
    (("review", "{third}", "--evidence", "https://", "--note", "x"), ["evidence URL has no host"]),
    (("review", "{third}", "--evidence", "/no/such/photo.jpg"), ["neither an http(s) URL nor an existing file"]),
    (("review", "{third}", "--evidence", "https://rail.example/1", "--stance", "agrees"), ["unknown stance 'agrees'", "supports, refutes, context"]),
    (("review", "{third}", "--note", "x", "--stance", "refutes"), ["give --evidence with it"]),
    (("claims", "history", "999999"), ["no claim with ID 999999"]),
    (("claims", "history", "x"), ["not a claim ID"]),
    (("undo", "999999"), ["no event with ID 999999"]),
    (("sources", "show", "Nobody Known"), ["no source named 'Nobody Known'"]),
    (("sources", "merge", "Nobody Known", "SBU"), ["no source named 'Nobody Known'"]),
    (("sources", "merge", "SBU", "Security Service of Ukraine"), ["are one source already"]),
])
def test_bad_input_is_one_line_and_changes_nothing(cli, sbu, db_url, args, words):
    before = _snapshot(db_url)
    _one_line(cli(*(a.format(**sbu) for a in args)), *words)
    assert _snapshot(db_url) == before


def test_a_check_event_cannot_be_undone(cli, sbu, db_url):
    cli("link", sbu["trains"], sbu["detained"], "--corroborates", "--reviewer", "ana")
    cli("check")
    check = next(e for e in _history(cli, sbu["trains"]) if e["action"] == "check")
    before = _snapshot(db_url)
    _one_line(cli("undo", check["id"]), "a status a check gave")
    assert _snapshot(db_url) == before


def test_library_errors_are_the_ones_documented(db_url, sbu):
    with verify.open_store(db_url) as store:
        with pytest.raises(InputError, match="unknown stance"):
            verify.add_note(store, sbu["third"], "x", evidence="https://a.example", stance="maybe")


def test_an_undone_review_no_longer_answers_the_rules_call_for_one(cli, sbu, db_url):
    c = sbu["paid"]

    def waiting() -> set[int]:
        return {x["id"] for x in json.loads(cli("claims", "list", "--needs-review", "--format", "json").stdout)}

    cli("review", c, "--status", "corroborated", "--note", "bank records", "--reviewer", "ana")
    with verify.open_store(db_url) as store, store.engine.begin() as conn:
        # a later check changed the claim's outcomes: ana's review no longer answers them
        conn.execute(text("UPDATE claims SET checked_at = :t WHERE id = :c"),
                     {"t": "2999-01-01 00:00:00+00:00" if "postgresql" in db_url else "2999-01-01 00:00:00.000000",
                      "c": c})
    assert c in waiting()
    cli("review", c, "--status", "confirmed", "--note", "bank and court records", "--reviewer", "ben")
    with verify.open_store(db_url) as store, store.engine.begin() as conn:
        conn.execute(text("UPDATE claims SET checked_at = :t WHERE id = :c"),
                     {"t": "2000-01-01 00:00:00+00:00" if "postgresql" in db_url else "2000-01-01 00:00:00.000000",
                      "c": c})
        conn.execute(text("UPDATE events SET at = :t WHERE claim_id = :c AND reviewer = 'ana'"),
                     {"t": "1999-01-01 00:00:00+00:00" if "postgresql" in db_url else "1999-01-01 00:00:00.000000",
                      "c": c})
    assert c not in waiting()  # ben's review came after the check
    cli("undo", _history(cli, c)[-1]["id"], "--reviewer", "ben")
    assert c in waiting()  # ana's, the one that stands, came before it
