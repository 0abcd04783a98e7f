"""The review queue: the claims that need a person, most urgent first, and where each reviewer stopped.

`verify review` with no claim ID is a terminal session over this module (``verify/cli/queue.py``);
everything it decides is decided here, so the same queue can be driven from Python.

**Which claims.** A claim needs a person when no person's status stands on it (``ClaimRecord
.reviewed``: an undone review does not count), or when the rules asked for a review again
after the last one (``needs_review_open``). ``status``, ``source``, ``flag``, ``article`` and ``polarity`` narrow
the queue as they narrow `verify claims list` (``verify.filters``); ``needs_review`` keeps only the
claims the rules asked a person to look at.

**In what order.** Each claim scores the weights of ``verify/data/urgency.toml`` that apply to it:
its flags (an unsourced or anonymous figure first, then drift between articles and allegations,
then a party to the conflict speaking), an open request for review, and a figure that counts the
dead, wounded or captured. Highest scores first; equal scores in the articles' order.

**Where a reviewer stopped.** Claims a person has reviewed leave the queue. The rest, the claim
last shown and the claims skipped are kept per reviewer and database in a small JSON file under the
user state directory (``queue_state_path``); skipped claims come after the others next time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from platformdirs import user_state_dir
from pydantic import BaseModel, Field, ValidationError

from .claimview import ClaimView, Viewer, require_text
from .config import PACKAGE_DIR, reviewer_name
from .errors import Conflict, VerifyError
from .filters import ClaimFilter
from .models import ClaimRecord, Event, LinkView
from .reports.reviewed import needs_review_open
from .reviews import add_note, review_claim
from .store.undo import undo_event
from .store.links import link_claims, unlink_claims
from .store.records import check_status

URGENCY_FILE = PACKAGE_DIR / "data" / "urgency.toml"


@cache
def urgency_table() -> dict[str, Any]:
    with URGENCY_FILE.open("rb") as f:
        return tomllib.load(f)


class Urgency(BaseModel):
    score: int
    reasons: list[str]


def urgency(rec: ClaimRecord) -> Urgency:
    """How urgent the claim is for a person, and why (``verify/data/urgency.toml``)."""
    table = urgency_table()
    weights, flags = table["weights"], table["flags"]
    score, reasons = 0, []
    for flag in rec.flags:
        w = flags.get(flag, weights["other-flag"])
        if w:
            score += w
            reasons.append(flag)
    if needs_review_open(rec):
        score += weights["review-requested"]
        reasons.append("review requested")
    if rec.numbers and _counts_casualties(rec.text):
        score += weights["casualty-figure"]
        reasons.append("casualty figure")
    return Urgency(score=score, reasons=reasons)


def _counts_casualties(text: str) -> bool:
    words = {w.strip(".,;:!?\"'“”‘’()").lower() for w in text.split()}
    return not words.isdisjoint(urgency_table()["words"]["casualty"])


def needs_person(rec: ClaimRecord) -> bool:
    return rec.review_status is None or needs_review_open(rec)


class QueueItem(BaseModel):
    claim_id: int
    article_id: int
    urgency: Urgency


def queue_items(store, *, status: str | None = None, source: str | None = None, flag: str | None = None,
                article: int | None = None, polarity: str | None = None, needs_review: bool = False) -> list[QueueItem]:
    """The claims that need a person, most urgent first."""
    # the filters as `verify claims list` checks and applies them
    chosen = ClaimFilter.of(status=status, source=source, flag=flag, article=article, polarity=polarity,
                            needs_review=needs_review)
    chosen.check(store)
    items = []
    for rec in chosen.claims(store):
        if needs_person(rec):
            items.append(QueueItem(claim_id=rec.id, article_id=rec.article_id, urgency=urgency(rec)))
    # list_claims gives article order; a stable sort keeps it among equal scores
    items.sort(key=lambda i: -i.urgency.score)
    return items


# -- where a reviewer stopped ------------------------------------------------------------------


class QueueState(BaseModel):
    database: str
    reviewer: str
    current: int | None = None
    skipped: list[int] = Field(default_factory=list)


def database_key(url: str) -> str:
    """The database a URL names, without its password: a relative SQLite path made absolute."""
    if url.startswith("sqlite:///") and not url.startswith("sqlite:////") and ":memory:" not in url:
        return "sqlite:///" + str(Path(url.removeprefix("sqlite:///")).resolve())
    return url


def queue_state_path(url: str, reviewer: str) -> Path:
    key = hashlib.sha256(f"{database_key(url)}\n{reviewer}".encode()).hexdigest()[:24]
    return Path(user_state_dir("verify", appauthor=False)) / "queue" / f"{key}.json"


def load_state(url: str, reviewer: str) -> QueueState:
    path = queue_state_path(url, reviewer)
    try:
        state = QueueState.model_validate_json(path.read_bytes())
        if state.database == database_key(url) and state.reviewer == reviewer:
            return state
    except (OSError, ValidationError, ValueError):
        pass  # none yet, or unreadable: start at the top, nothing is lost but the place
    return QueueState(database=database_key(url), reviewer=reviewer)


def save_state(url: str, state: QueueState) -> None:
    path = queue_state_path(url, state.reviewer)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(state.model_dump(), indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError as e:
        raise VerifyError(f"cannot keep the queue's place in {path}: {e.strerror or e}") from None


# -- a session ---------------------------------------------------------------------------------


@dataclass
class Done:
    """One action of this session, so that it can be undone."""

    claim_id: int
    what: str  # "status", "note", "link"
    event: Event | None = None
    link: LinkView | None = None


class ReviewQueue:
    """A reviewer's pass over the queue: the claim at hand, moving on and back, and each action.

    Every action is recorded only if the claim's latest event is still the one shown: the store checks
    it in the same transaction as the write (``expected_last_event`` of the review API), so two people
    never overwrite each other. Otherwise ``Conflict`` names who changed it and how, the view is read
    again, and nothing is written.
    """

    def __init__(self, store, reviewer: str | None = None, *, status: str | None = None, source: str | None = None,
                 flag: str | None = None, article: int | None = None, polarity: str | None = None,
                 needs_review: bool = False) -> None:
        self.store = store
        self.reviewer = reviewer_name(reviewer)
        self.state = load_state(store.url, self.reviewer)
        self.items = queue_items(store, status=status, source=source, flag=flag, article=article,
                                 polarity=polarity, needs_review=needs_review)
        # the claim the reviewer stopped at is the one to show, skipped or not
        if self.state.current in self.state.skipped:
            self.state.skipped.remove(self.state.current)
        skipped = set(self.state.skipped)
        self.skipped_before = set(skipped)
        # claims skipped last time come after the others
        self.items.sort(key=lambda i: i.claim_id in skipped)
        self.order = [i.claim_id for i in self.items]
        self.urgencies = {i.claim_id: i.urgency for i in self.items}
        self.pos = self.order.index(self.state.current) if self.state.current in self.order else 0
        self.resumed = self.state.current in self.order
        self.viewer = Viewer(store)
        self.done: list[Done] = []
        self.reviewed: set[int] = set()
        self._view: ClaimView | None = None

    # -- where we are ----------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.order)

    @property
    def claim_id(self) -> int | None:
        return self.order[self.pos] if self.order else None

    @property
    def view(self) -> ClaimView:
        """The claim at hand as shown, read when first asked for."""
        if self.claim_id is None:
            raise VerifyError("no claims need a person in this queue")
        if self._view is None or self._view.record.id != self.claim_id:
            self._view = self.viewer.view(self.claim_id)
        return self._view

    def refresh(self) -> ClaimView:
        self._view = None
        return self.view

    def skipped(self, claim_id: int) -> bool:
        """Skipped before, in this session or an earlier one."""
        return claim_id in self.skipped_before

    def _go(self, pos: int) -> None:
        self.pos = max(0, min(pos, len(self.order) - 1))
        self._view = None
        # a skipped claim shown again is at hand, no longer put off
        if self.claim_id in self.state.skipped:
            self.state.skipped.remove(self.claim_id)
        self.save()

    def next(self) -> bool:
        """Move on; False at the end of the queue (stays on the last claim)."""
        if self.pos + 1 >= len(self.order):
            return False
        self._go(self.pos + 1)
        return True

    def back(self) -> bool:
        if self.pos == 0:
            return False
        self._go(self.pos - 1)
        return True

    def skip(self) -> bool:
        cid = self.claim_id
        if self.pos + 1 >= len(self.order):
            return False  # the last claim: nothing to put it off for
        self.next()
        self.state.skipped.append(cid)
        self.skipped_before.add(cid)
        self.save()
        return True

    def left(self) -> int:
        """Claims of this queue no person has reviewed yet in this session."""
        return sum(1 for c in self.order if c not in self.reviewed)

    def save(self) -> None:
        if self.order:
            self.state.current = self.claim_id
        save_state(self.store.url, self.state)

    # -- actions ---------------------------------------------------------------------------
    def _acting(self, act):
        """``act(claim_id, expected_last)`` on the claim at hand, as it was shown."""
        seen = self.view.seen
        try:
            return act(self.claim_id, seen.last_event or 0)
        except Conflict:
            self.refresh()  # the claim as it now is is what the reviewer is asked about again
            raise

    def _after(self, done: Done) -> None:
        self.done.append(done)
        self.viewer.forget_records()
        self.refresh()

    def set_status(self, status: str, note: str | None = None, evidence: str | None = None) -> Event:
        """A person's status; a verdict needs a note or evidence (``verify.reviews.review_claim``)."""
        check_status(status)
        cid = self.claim_id
        ev = self._acting(lambda c, last: review_claim(self.store, c, status, note=note, evidence=evidence,
                                                        reviewer=self.reviewer, expected_last=last))
        self.reviewed.add(cid)
        if cid in self.state.skipped:
            self.state.skipped.remove(cid)
        self._after(Done(cid, "status", event=ev))
        return ev

    def add_note(self, note: str | None, evidence: str | None = None, stance: str | None = None) -> Event:
        if evidence is None:
            note = require_text(note, "the note")
        cid = self.claim_id
        ev = self._acting(lambda c, last: add_note(self.store, c, note=note, evidence=evidence, stance=stance,
                                                    reviewer=self.reviewer, expected_last=last))
        self._after(Done(cid, "note", event=ev))
        return ev

    def link(self, other: int, relation: str, note: str | None = None) -> LinkView:
        cid = self.claim_id
        ln = self._acting(lambda c, last: link_claims(self.store, c, other, relation, reviewer=self.reviewer,
                                                       note=note, expected_last=last))
        self._after(Done(cid, "link", link=ln))
        # the link's event on this claim, which an undo reverses
        made = [e for e in self.view.record.history
                if e.action == "link" and (e.changes or {}).get("other") == other]
        self.done[-1].event = made[-1] if made else None
        return ln

    def undo(self) -> str:
        """Undo this session's last action with a new event (``verify.undo``); says what."""
        if not self.done:
            raise VerifyError("nothing to undo in this session")
        last = self.done[-1]
        if last.event is None:
            raise VerifyError(f"the link of claims {last.claim_id} and {last.link.other} has no event to undo")
        ev = undo_event(self.store, last.event.id, reviewer=self.reviewer)
        if last.what == "link":
            said = f"link of claims {last.claim_id} and {last.link.other} withdrawn (event {ev.id})"
        elif last.what == "status":
            self.reviewed.discard(last.claim_id)
            said = f"claim {last.claim_id}: review undone, status {ev.from_status} → {ev.to_status} (event {ev.id})"
        else:
            said = f"claim {last.claim_id}: note of event {last.event.id} withdrawn (event {ev.id})"
        self.done.pop()
        self.viewer.forget_records()
        if last.claim_id in self.order:
            self._go(self.order.index(last.claim_id))
        self.refresh()
        return said
