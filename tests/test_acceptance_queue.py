"""Acceptance: the review queue's workflow (features/acceptance/review_queue.feature), through the
library call the `verify review` screen makes; tests/test_queue.py drives the screen itself."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytest_bdd import given, parsers, scenarios, then, when

import verify
from verify.errors import Conflict

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "odesa-grain-terminal.txt"

pytestmark = pytest.mark.usefixtures("db_url")

scenarios("review_queue.feature")


class Desk:
    """The reviewer's queue and what happened in it, for the steps that follow."""

    def __init__(self) -> None:
        self.queue = None
        self.first_pass: list[int] = []
        self.reviewed: list[int] = []
        self.skipped: list[int] = []
        self.refused: str | None = None


@pytest.fixture
def desk() -> Desk:
    return Desk()


def _stating(store, words: str) -> int:
    found = [c.id for c in verify.claims(store) if words in c.text]
    assert len(found) == 1, found
    return found[0]


@given("the example article is ingested into a new store")
def ingested(store):
    verify.ingest(store, [EXAMPLE], jobs=1)


@when(parsers.parse('"{name}" opens the review queue'))
def opens(store, desk, name):
    desk.queue = verify.review_queue(store, name)
    desk.first_pass = desk.first_pass or list(desk.queue.order)


@when(parsers.parse('she disputes the claim at hand with the note "{note}"'))
def disputes(desk, note):
    desk.reviewed.append(desk.queue.claim_id)
    desk.queue.set_status("disputed", note=note)
    desk.queue.next()


@when(parsers.parse('she confirms the claim at hand with the note "{note}"'))
def confirms(desk, note):
    desk.reviewed.append(desk.queue.claim_id)
    desk.queue.set_status("confirmed", note=note)
    desk.queue.next()


@when(parsers.parse('she marks the claim at hand "{status}"'))
def marks(desk, status):
    cid = desk.queue.view.record.id
    try:
        desk.queue.set_status(status)
    except Conflict as e:
        desk.refused = str(e)
        return
    desk.reviewed.append(cid)
    desk.queue.next()


@when("she skips the claim at hand")
def skips(desk):
    desk.skipped.append(desk.queue.claim_id)
    desk.queue.skip()


@when("she quits")
def quits(desk):
    desk.queue.save()


@when("she undoes her last action")
def undoes(desk):
    desk.queue.undo()


@when(parsers.parse('"{name}" refutes the claim she is shown with the note "{note}"'))
def someone_else(store, desk, name, note):
    verify.review(store, desk.queue.view.record.id, "refuted", note=note, reviewer=name)


@then(parsers.parse('the claim at hand states "{words}"'))
def at_hand_states(store, desk, words):
    assert desk.queue.claim_id == _stating(store, words)


@then(parsers.parse('the claim stating "{a}" comes before the claim stating "{b}"'))
def comes_before(store, desk, a, b):
    assert desk.queue.order.index(_stating(store, a)) < desk.queue.order.index(_stating(store, b))


@then(parsers.parse('the last claim of the queue states "{words}"'))
def last_states(store, desk, words):
    assert desk.queue.order[-1] == _stating(store, words)


@then("the claim at hand is the fourth of her first pass")
def fourth(desk):
    assert desk.queue.claim_id == desk.first_pass[3]


@then("the claims she reviewed are no longer in the queue")
def reviewed_gone(desk):
    assert desk.reviewed and not set(desk.reviewed) & set(desk.queue.order)


@then("the claim she skipped is the last of the queue")
def skipped_last(desk):
    assert desk.queue.order[-1:] == desk.skipped


@then(parsers.parse('the first claim of her pass has the status "{status}" and no standing review'))
def undone(store, desk, status):
    rec = verify.claim(store, desk.first_pass[0])
    assert rec.status == status and rec.review_status is None and rec.reviewed is None


@then("its history holds a status event and an undo event")
def history(store, desk):
    assert [e.action for e in verify.claim(store, desk.first_pass[0]).history] == ["status", "undo"]


@then("it is in the queue again")
def in_queue_again(store, desk):
    assert desk.first_pass[0] in verify.review_queue(store, "ana").order


@then(parsers.parse('she is told "{words}"'))
def told(desk, words):
    assert desk.refused and words in desk.refused


@then(parsers.parse('that claim\'s status is "{status}"'))
def status_is(store, desk, status):
    assert verify.claim(store, desk.queue.claim_id).status == status


@then(parsers.parse('when she marks it "{status}" again, having seen it, it is recorded'))
def again(store, desk, status):
    cid = desk.queue.claim_id
    desk.queue.set_status(status)
    assert [(e.reviewer, e.to_status) for e in verify.claim(store, cid).history][-1] == ("ana", status)
