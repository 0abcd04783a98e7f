"""The review queue (`verify review` with no ID): which claims, in what order, where a reviewer
stopped, undo as a new event, and someone else's change never overwritten. The session itself is
driven as a person drives it, in an 80×24 pseudo-terminal, by keys."""

from __future__ import annotations

import hashlib

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import verify
from verify.errors import Conflict
from verify.cli.queue import FOOTER
from verify.queue import ReviewQueue, queue_items, queue_state_path

from process_support import CLI_CODE

ROOT = Path(__file__).resolve().parents[1]
ODESA = ROOT / "examples" / "odesa-grain-terminal.txt"
REFERENCE = ROOT.parent / "shared" / "corpus" / "kursk-north-korean-soldiers.txt"


@pytest.fixture
def odesa(store):
    verify.ingest(store, [ODESA])
    return store


def _order(store, **filters) -> list[int]:
    return [i.claim_id for i in queue_items(store, **filters)]


# -- which claims, in what order ---------------------------------------------------------------


def test_most_urgent_first_and_routine_statements_last(odesa):
    order = _order(odesa)
    assert sorted(order) == list(range(1, 13))  # nobody has reviewed any claim yet
    flags = {c.id: set(c.flags) for c in verify.claims(odesa)}
    # the anonymous diplomat's "more than 300,000 tonnes" comes first: a figure nobody named gives
    assert order[0] == 9 and "anonymous-figure" in flags[9]
    # the injured workers (a casualty figure) and the allegation by a party to the conflict come
    # before the same parties' routine statements
    assert max(order.index(3), order.index(6)) < min(order.index(c) for c in (1, 2, 4))
    # the claim two independent sources corroborate, with no flag, is last
    assert order[-1] == 11 and not flags[11]


def test_filters_narrow_the_queue_and_reviewed_claims_leave_it(odesa):
    assert set(_order(odesa, source="Oleh Kiper")) == {2, 3, 4, 5}
    assert _order(odesa, flag="allegation") == [6]
    assert set(_order(odesa, status="unverified")) == {7, 8, 9, 10, 12}
    assert set(_order(odesa, needs_review=True)) == {c.id for c in verify.claims(odesa) if c.needs_review}
    verify.review(odesa, 9, "disputed", note="Port authority figures are far lower", reviewer="ben")
    assert 9 not in _order(odesa)


def test_undo_is_a_new_event_and_the_claim_needs_a_person_again(odesa):
    ev = verify.review(odesa, 5, "confirmed", note="Satellite images", reviewer="ana")
    assert 5 not in _order(odesa)
    undo = verify.undo(odesa, ev.id, reviewer="ana")
    rec = verify.claim(odesa, 5)
    assert [e.action for e in rec.history] == ["status", "undo"]  # nothing deleted
    assert rec.history[-1].undoes == ev.id
    assert (undo.from_status, undo.to_status) == ("confirmed", "single-source")
    assert rec.status == "single-source" and rec.review_status is None and rec.reviewed is None
    assert 5 in _order(odesa)


def test_undo_never_reaches_past_someone_elses_later_verdict(odesa):
    first = verify.review(odesa, 5, "confirmed", note="Satellite images", reviewer="ana")
    verify.review(odesa, 5, "refuted", note="The photos are from 2023", reviewer="ben")
    with pytest.raises(Conflict, match="ben set it to refuted"):
        verify.undo(odesa, first.id, reviewer="ana")
    assert verify.claim(odesa, 5).status == "refuted"


def test_acting_on_a_claim_someone_changed_since_it_was_shown_is_refused(odesa):
    q = ReviewQueue(odesa, "ana")
    shown = q.view.record.id  # what the screen shows
    verify.review(odesa, shown, "disputed", note="Port authority figures are far lower", reviewer="ben")
    with pytest.raises(Conflict, match=f"claim {shown} changed since it had no events: ben set it to disputed"):
        q.set_status("unverified")
    assert [e.reviewer for e in verify.claim(odesa, shown).history] == ["ben"]
    q.set_status("unverified")  # asked again, having seen ben's verdict
    assert verify.claim(odesa, shown).status == "unverified"


def test_the_place_is_kept_per_reviewer_and_database_without_the_password(tmp_path):
    a = queue_state_path("postgresql+psycopg://desk:***@db.example/newsroom", "ana")
    assert "secret" not in str(a)
    assert a != queue_state_path("postgresql+psycopg://desk:***@db.example/newsroom", "ben")
    assert a.parent == Path(os.environ["XDG_STATE_HOME"]) / "verify" / "queue"


# -- the session in a terminal -----------------------------------------------------------------


class Session:
    """`verify review ARGS` in an 80×24 pseudo-terminal, keys typed as a person types them."""

    def __init__(self, url: str, *args: str, reviewer: str = "ana") -> None:
        pexpect = pytest.importorskip("pexpect")
        env = {**os.environ, "TERM": "xterm", "NO_COLOR": "1", "VERIFY_REVIEWER": reviewer, "VERIFY_DATABASE_URL": url}
        self.child = pexpect.spawn(sys.executable, ["-c", CLI_CODE, "review", *args], env=env, encoding="utf-8",
                                   dimensions=(24, 80), timeout=60)

    def expect(self, text: str) -> None:
        # the screen wraps long lines at spaces: any run of whitespace may stand for a space
        words = text.split(" ")
        self.child.expect(r"\s+".join(re.escape(w) for w in words))

    def key(self, key: str, then: str | None = None) -> None:
        self.child.send(key)
        if then:
            self.expect(then)

    def line(self, text: str) -> None:
        self.child.send(text + "\r")

    def quit(self) -> str:
        self.child.send("q")
        self.child.expect_exact("resumes here")
        rest = self.child.read()
        self.child.close()
        assert self.child.exitstatus == 0, rest
        return rest


def test_a_session_by_keys_quit_in_the_middle_and_continued(odesa, db_url):
    o = _order(odesa)
    s = Session(db_url)
    # one screen is 24 lines of at most 80 characters: a header, the claim, a message, the keys
    s.child.expect_exact(FOOTER)
    screen = [*s.child.before.split("\x1b[H\x1b[2J")[-1].split("\n")[:-1], FOOTER]
    assert len(screen) == 24 and all(len(line.rstrip("\r")) <= 80 for line in screen)
    assert screen[0].startswith(f" Queue 1/12 · claim {o[0]} · ana")
    s.key("?", then="undo your last action (recorded as a new event)")
    s.key("x", then=f"claim {o[0]} · ana")
    s.key("c", then="Why confirmed? Note:")
    s.line("Port authority figures agree")
    # each key redraws the screen: the header, the claim, then what the key did
    s.expect(f"Queue 2/12 · claim {o[1]}")
    s.expect(f"claim {o[0]}: unverified → confirmed")
    s.key("n", then="Note:")
    s.line("Asked the ministry for its count")
    s.expect("note added")
    s.key(" ", then=f"Queue 3/12 · claim {o[2]}")
    s.expect(f"skipped claim {o[1]}")
    s.key("b", then=f"Queue 2/12 · claim {o[1]}")
    s.key("u", then=f"Queue 3/12 · claim {o[2]}")
    s.expect(f"claim {o[1]}: ")
    s.key("z", then=f"Queue 2/12 · claim {o[1]}")
    s.expect(f"claim {o[1]}: review undone")
    s.quit()

    first, second = verify.claim(odesa, o[0]), verify.claim(odesa, o[1])
    assert first.status == "confirmed" and first.history[-1].note == "Port authority figures agree"
    assert [e.action for e in second.history] == ["note", "status", "undo"]
    assert second.review_status is None and second.history[0].note == "Asked the ministry for its count"

    # back again: the confirmed claim has left the queue, and it goes on at the claim left open
    s = Session(db_url)
    s.expect(f"Queue 1/11 · claim {o[1]}")
    s.expect(f"continuing where you stopped: claim {o[1]}")
    s.quit()


def test_someone_elses_change_is_shown_and_nothing_is_overwritten(odesa, db_url):
    o = _order(odesa)
    s = Session(db_url)
    s.expect(f"Queue 1/12 · claim {o[0]}")
    s.key("r", then="Why refuted? Note:")
    s.line("")  # an empty note is no reason
    s.expect("a claim is set refuted only with a reason")
    s.key("r", then="Why refuted? Note:")
    s.child.send("The terminal's owner shows the stock intact")
    # ben records his verdict while ana is still typing hers
    verify.review(odesa, o[0], "disputed", note="Port authority figures are far lower", reviewer="ben")
    s.line("")
    # the claim shown again as it now is, and why
    s.expect("Status: disputed")
    s.expect(f"claim {o[0]} changed since it had no events: ben set it to disputed")
    s.expect("nothing was recorded")
    assert [e.reviewer for e in verify.claim(odesa, o[0]).history] == ["ben"]
    # asked again, her note offered again
    s.key("r", then="Why refuted? Note: The terminal's owner shows the stock intact")
    s.line("")
    s.expect(f"claim {o[0]}: disputed → refuted")
    s.quit()
    assert [(e.reviewer, e.to_status, e.note) for e in verify.claim(odesa, o[0]).history] == [
        ("ben", "disputed", "Port authority figures are far lower"),
        ("ana", "refuted", "The terminal's owner shows the stock intact"),
    ]


def test_not_a_terminal_is_one_line_and_a_non_zero_exit(odesa, db_url):
    r = subprocess.run([sys.executable, "-c", CLI_CODE, "review"], stdin=subprocess.DEVNULL, capture_output=True,
                       text=True, env={**os.environ, "VERIFY_DATABASE_URL": db_url}, timeout=120)
    assert r.returncode != 0 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "standard input is not a terminal" in r.stderr


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/corpus is not beside the project")
def test_the_reference_article_worked_through_in_two_sittings(store, db_url):
    verify.ingest(store, [REFERENCE])
    o = _order(store)
    n, half = len(o), len(o) // 2
    s = Session(db_url)
    for i in range(half):
        s.expect(f"Queue {i + 1}/{n} · claim {o[i]}")
        s.key("s" if i % 2 else "u")
    s.expect(f"Queue {half + 1}/{n} · claim {o[half]}")
    s.quit()

    s = Session(db_url)
    s.expect(f"continuing where you stopped: claim {o[half]}")
    s.key("\x0c")  # any key that does nothing redraws the screen
    for i in range(half, n):
        s.expect(f"Queue {i - half + 1}/{n - half} · claim {o[i]}")
        s.key("d", then="Why disputed? Note:")
        s.line("No one outside the parties confirms it")
    s.expect("end of the queue")
    s.quit()
    assert all(verify.claim(store, c).review_status for c in o)

    done = subprocess.run([sys.executable, "-c", CLI_CODE, "review", "--article", "1"], capture_output=True, text=True,
                          env={**os.environ, "VERIFY_DATABASE_URL": db_url}, timeout=120)
    assert "standard input is not a terminal" in done.stderr


def test_evidence_link_and_bad_input_in_the_session(odesa, db_url, tmp_path):
    o = _order(odesa)
    photo = tmp_path / "terminal.jpg"
    photo.write_bytes(b"not really a photo")
    s = Session(db_url)
    s.expect(f"Queue 1/12 · claim {o[0]}")
    s.key("e", then="Evidence (web address or file):")
    s.line(str(tmp_path / "missing.jpg"))
    s.expect("neither an http(s) URL nor an existing file")
    s.key("e", then="Evidence (web address or file):")
    s.line(str(photo))
    s.key("", then="Note on the evidence (optional):")
    s.line("The owner's photo of the silo")
    s.key("", then="s supports, r refutes, Enter context:")
    s.line("x")
    s.expect("unknown stance 'x'")
    s.key("e", then="Evidence (web address or file):")
    s.line(str(photo))
    s.key("", then="Note on the evidence (optional):")
    s.line("")
    s.key("", then="s supports, r refutes, Enter context:")
    s.line("r")
    s.expect("evidence attached")
    s.key("l", then="Link to claim ID:")
    s.line("999")
    s.key("", then="c corroborates or x contradicts:")
    s.line("x")
    s.expect("no claim with ID 999")
    s.key("l", then="Link to claim ID:")
    s.line(str(o[1]))
    s.key("", then="c corroborates or x contradicts:")
    s.line("x")
    s.expect(f"claim {o[0]} contradicts claim {o[1]}")
    s.key("w", then="no action on that key; press ? for the keys")
    s.key("z", then="withdrawn")
    s.quit()
    rec = verify.claim(odesa, o[0])
    assert rec.links == [] and rec.status == "unverified"
    # the link undone by an undo event naming it, on both claims; the evidence kept with its digest
    assert [e.action for e in rec.history] == ["evidence", "link", "undo"]
    assert rec.history[2].undoes == rec.history[1].id
    assert [e.action for e in verify.claim(odesa, o[1]).history] == ["link", "undo"]
    assert rec.history[0].evidence_url.startswith(photo.resolve().as_uri() + "#sha256=")
    assert rec.history[0].sha256 == hashlib.sha256(photo.read_bytes()).hexdigest()
    assert rec.history[0].stance == "refutes"


def test_the_paragraph_is_cut_around_the_claim_at_word_boundaries():
    from verify.claimview import paragraph

    text = "Headline\n" + "Earlier words here. " * 30 + "The claim itself." + " Later words follow." * 30 + "\nNext paragraph."
    start = text.index("The claim")
    p = paragraph(text, (start, start + len("The claim itself.")), context=120)
    assert p.claim == "The claim itself."
    end = start + len(p.claim)
    # each side is the text next to the claim, cut between words, the cut marked
    assert p.before.startswith("…") and text[:start].endswith(p.before[1:])
    assert text[start - len(p.before)] == " "
    assert p.after.endswith("…") and text[end:].startswith(p.after[:-1]) and text[end + len(p.after) - 1] == " "
    assert len(p.before) + len(p.after) <= 122
    short = paragraph("One line. The claim.", (10, 20))
    assert (short.before, short.claim, short.after) == ("One line. ", "The claim.", "")


def test_stored_text_reaches_the_terminal_without_its_control_characters(odesa, db_url):
    o = _order(odesa)
    # a note that would retitle the window and clear the screen, on a review then undone, so that
    # the claim is in the queue again with the note in its history
    ev = verify.review(odesa, o[0], "unverified", reviewer="ben", note="see \x1b]0;owned\x07 \x1b[2J here")
    verify.undo(odesa, ev.id, reviewer="ben")
    s = Session(db_url)
    s.expect(f"Queue 1/12 · claim {o[0]}")
    s.key("\x1b[6~")  # PgDn, to the history
    s.expect("see \ufffd]0;owned\ufffd \ufffd[2J here")
    s.quit()


def test_an_unknown_flag_or_source_is_one_line_and_nothing_opens(odesa, db_url):
    for args, said in ((["--flag", "no-such-flag"], "unknown flag"), (["--source", "Nobody Known"], "Nobody Known")):
        s = Session(db_url, *args)
        rest = s.child.read()
        s.child.close()
        assert s.child.exitstatus != 0 and said in rest
        assert rest.strip().count("\n") == 0 and "Queue" not in rest, rest
