"""A claim's review history: each review or note is one appended event (``verify.reviews`` says what).

An event that sets a status also sets the claim's ``review_status`` and ``status``, in the same
transaction; nothing already recorded is changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import Conflict, NotFound, StoreError
from ..models import Event, standing_reviews
from .records import aware_utc, valid_id, write_scope
from .tables import ClaimRow, EventRow, utcnow


def append_event(db: Any, claim_id: int, *, action: str, status: str | None, note: str | None,
                 evidence: str | None, reviewer: str) -> Event:
    """Append one event to a claim's history (``status`` None: its status stays); the event as stored.

    ``evidence`` is what to store for it (``verify.reviews.evidence_ref``). ``NotFound`` for an
    unknown claim; a database failure is one ``StoreError`` line.
    """
    try:
        return _write_event(db, claim_id, action, status, note, evidence, reviewer)
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise StoreError(f"cannot record the review of claim {claim_id}: {reason}") from None


def undo_event(db: Any, claim_id: int, event_id: int, *, reviewer: str, note: str | None = None) -> Event:
    """Undo one event of a claim by appending an ``undo`` event; nothing recorded is deleted.

    Undoing a status event puts back the status a person gave before it, or, if none, the rules'
    status (``verify.models.standing_reviews``); it must be the claim's standing review, so an undo
    never reaches past someone else's later verdict (``Conflict`` names who gave it). Undoing a note
    or evidence records that it is withdrawn and leaves the status alone.
    """
    try:
        return _write_undo(db, claim_id, event_id, reviewer, note)
    except SQLAlchemyError as e:
        reason = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        raise StoreError(f"cannot record the undo on claim {claim_id}: {reason}") from None


def _event(ev: EventRow) -> Event:
    return Event(id=ev.id, reviewer=ev.reviewer, at=aware_utc(ev.at), action=ev.action, from_status=ev.from_status,
                 to_status=ev.to_status, note=ev.note, evidence_url=ev.evidence_url)


def _write_undo(db: Any, claim_id: int, event_id: int, who: str, note: str | None) -> Event:
    if not valid_id(claim_id) or not valid_id(event_id):
        raise NotFound(f"no event {event_id} on claim {claim_id}")
    with write_scope(db) as s:
        claim = s.scalars(select(ClaimRow).where(ClaimRow.id == claim_id).with_for_update()).first()
        if claim is None:
            raise NotFound(f"no claim with ID {claim_id}")
        history = [_event(r) for r in s.scalars(select(EventRow).where(EventRow.claim_id == claim_id).order_by(EventRow.id))]
        target = next((e for e in history if e.id == event_id), None)
        if target is None:
            raise NotFound(f"no event {event_id} on claim {claim_id}")
        why = f"undoes event {event_id}" + (f": {note}" if note else "")
        ev = EventRow(claim_id=claim_id, reviewer=who, at=utcnow(), action="undo", note=why)
        if target.action == "status":
            standing = standing_reviews(history)
            if not standing or standing[-1].id != event_id:
                last = standing[-1] if standing else None
                raise Conflict(f"claim {claim_id} changed after event {event_id}: "
                               + (f"{last.reviewer} set it to {last.to_status} (event {last.id})" if last
                                  else "that review was already undone"))
            before = standing[-2].to_status if len(standing) > 1 else None
            ev.from_status = claim.status
            claim.review_status = before
            claim.status = before or claim.rule_status or "unverified"
            ev.to_status = claim.status
        s.add(ev)
        s.flush()
        return _event(ev)


def _write_event(db: Any, claim_id: int, action: str, status: str | None, note: str | None, ref: str | None, who: str) -> Event:
    if not valid_id(claim_id):
        raise NotFound(f"no claim with ID {claim_id}")
    with write_scope(db) as s:
        # the row lock (PostgreSQL; SQLite locks the whole database for the transaction) makes
        # concurrent reviewers queue, so each event's "from" is the status it replaced
        claim = s.scalars(select(ClaimRow).where(ClaimRow.id == claim_id).with_for_update()).first()
        if claim is None:
            raise NotFound(f"no claim with ID {claim_id}")
        before = claim.status
        ev = EventRow(
            claim_id=claim_id,
            reviewer=who,
            at=utcnow(),
            action=action,
            from_status=before if status is not None else None,
            to_status=status,
            note=note,
            evidence_url=ref,
        )
        s.add(ev)
        if status is not None:
            claim.review_status = status
            claim.status = status
        s.flush()
        event = Event(
            id=ev.id,
            reviewer=ev.reviewer,
            at=aware_utc(ev.at),
            action=ev.action,
            from_status=ev.from_status,
            to_status=ev.to_status,
            note=ev.note,
            evidence_url=ev.evidence_url,
        )
    return event
