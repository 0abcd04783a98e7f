"""The append-only history: each review, note, piece of evidence, link, check's status change, source
edit and merge is one event (``verify.reviews`` says what a review may hold; ``verify.store.undo``
reverses an event by appending another).

An event that sets a status also sets the claim's ``review_status`` and ``status``, in the same
transaction, under a lock on the claim's row (PostgreSQL; SQLite locks the whole database for the
transaction), so that reviewers acting at once queue and each event's "from" is the status it
replaced. Nothing already recorded is changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import select
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import Conflict, NotFound, StoreError
from ..models import Event
from .records import aware_utc, session_scope, valid_id, write_scope
from .tables import ClaimRow, EventRow, SourceRow, utcnow

T = TypeVar("T")
# a lock the database gave up waiting for (SQLite past its busy timeout, a PostgreSQL deadlock) is
# tried again this many times before it becomes one StoreError line
LOCK_RETRIES = 3
_LOCK_WORDS = ("database is locked", "deadlock detected", "could not serialize", "lock timeout")


def retrying(doing: str, work: Callable[[], T]) -> T:
    """``work()``, tried again when the database reports a lock it gave up on; any other database
    failure (and the last lock failure) is one ``StoreError`` line saying what could not be done."""
    for attempt in range(1, LOCK_RETRIES + 1):
        try:
            return work()
        except OperationalError as e:
            reason = _reason(e)
            if attempt == LOCK_RETRIES or not any(w in reason.lower() for w in _LOCK_WORDS):
                raise StoreError(f"cannot {doing}: {reason}") from None
            time.sleep(0.05 * attempt)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot {doing}: {_reason(e)}") from None
    raise AssertionError("unreachable")


def _reason(e: SQLAlchemyError) -> str:
    lines = str(getattr(e, "orig", None) or e).strip().splitlines()
    return lines[0] if lines else type(e).__name__


def event_view(row: EventRow, source: str | None = None) -> Event:
    return Event(
        id=row.id, reviewer=row.reviewer, at=aware_utc(row.at), action=row.action, from_status=row.from_status,
        to_status=row.to_status, note=row.note, evidence_url=row.evidence_url, stance=row.stance,
        sha256=row.sha256, undoes=row.undoes, claim_id=row.claim_id, source=source, changes=row.changes,
    )


def locked_claim(s: Session, claim_id: int) -> ClaimRow:
    """The claim's row, locked for this transaction; ``NotFound`` for an unknown ID."""
    if not valid_id(claim_id):
        raise NotFound(f"no claim with ID {claim_id}")
    claim = s.scalars(select(ClaimRow).where(ClaimRow.id == claim_id).with_for_update()).first()
    if claim is None:
        raise NotFound(f"no claim with ID {claim_id}")
    return claim


def latest_event(s: Session, claim_id: int) -> EventRow | None:
    return s.scalars(select(EventRow).where(EventRow.claim_id == claim_id).order_by(EventRow.id.desc()).limit(1)).first()


def changed_since(claim_id: int, latest: EventRow | None, expected: int) -> Conflict:
    """The error for a claim whose latest event is not the one its reviewer saw."""
    if latest is None:
        return Conflict(f"claim {claim_id} has no event {expected}; nothing was recorded")
    ev = event_view(latest)
    since = f"event {expected}" if expected else "it had no events"
    return Conflict(
        f"claim {claim_id} changed since {since}: {ev.reviewer} {ev.what()} at {ev.at:%Y-%m-%d %H:%M} UTC"
        f" (event {ev.id}); nothing was recorded",
        ev,
    )


def append_event(db: Any, claim_id: int, *, action: str, status: str | None, note: str | None,
                 evidence: str | None, reviewer: str, stance: str | None = None, sha256: str | None = None,
                 expected_last: int | None = None) -> Event:
    """Append one event to a claim's history (``status`` None: its status stays); the event as stored.

    ``evidence`` is what to store for it (``verify.reviews.evidence_ref``). With ``expected_last``
    (the ID of the latest event the caller saw; 0 for none), a claim that has had another event since
    is refused with ``Conflict`` naming who changed it and how, and nothing is recorded. ``NotFound``
    for an unknown claim; a database failure is one ``StoreError`` line.
    """

    def work() -> Event:
        with write_scope(db) as s:
            claim = locked_claim(s, claim_id)
            if expected_last is not None:
                latest = latest_event(s, claim_id)
                if (latest.id if latest is not None else 0) != expected_last:
                    raise changed_since(claim_id, latest, expected_last)
            changes = None
            if status is not None:
                changes = {"review_status": [claim.review_status, status]}
            ev = EventRow(
                claim_id=claim_id, reviewer=reviewer, at=utcnow(), action=action,
                from_status=claim.status if status is not None else None, to_status=status, note=note,
                evidence_url=evidence, stance=stance if evidence else None, sha256=sha256, changes=changes,
            )
            s.add(ev)
            if status is not None:
                claim.review_status = status
                claim.status = status
            s.flush()
            return event_view(ev)

    return retrying(f"record the review of claim {claim_id}", work)


def claim_history(db: Any, claim_id: int) -> list[Event]:
    """Every event of a claim, oldest first; ``NotFound`` for an unknown claim."""
    if not valid_id(claim_id):
        raise NotFound(f"no claim with ID {claim_id}")
    with session_scope(db) as s:
        if s.get(ClaimRow, claim_id) is None:
            raise NotFound(f"no claim with ID {claim_id}")
        rows = s.scalars(select(EventRow).where(EventRow.claim_id == claim_id).order_by(EventRow.id)).all()
        return [event_view(r) for r in rows]


def source_history(db: Any, source_ids: list[int]) -> list[Event]:
    """The events of these sources (edits, aliases, merges), oldest first."""
    with session_scope(db) as s:
        names = dict(s.execute(select(SourceRow.id, SourceRow.canonical).where(SourceRow.id.in_(source_ids))).all())
        rows = s.scalars(select(EventRow).where(EventRow.source_id.in_(source_ids)).order_by(EventRow.id)).all()
        return [event_view(r, names.get(r.source_id)) for r in rows]


def get_event(db: Any, event_id: int) -> Event:
    if not valid_id(event_id):
        raise NotFound(f"no event with ID {event_id}")
    with session_scope(db) as s:
        row = s.get(EventRow, event_id)
        if row is None:
            raise NotFound(f"no event with ID {event_id}")
        name = s.get(SourceRow, row.source_id).canonical if row.source_id is not None else None
        return event_view(row, name)


def add_source_event(s: Session, source_id: int, *, action: str, reviewer: str, changes: dict | None,
                     note: str | None = None) -> EventRow:
    """Append an event to a source's history inside the caller's transaction."""
    ev = EventRow(source_id=source_id, reviewer=reviewer, at=utcnow(), action=action, note=note, changes=changes)
    s.add(ev)
    return ev
