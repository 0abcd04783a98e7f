"""A claim's review history: each review or note is one appended event (``verify.reviews`` says what).

An event that sets a status also sets the claim's ``review_status`` and ``status``, in the same
transaction; nothing already recorded is changed.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from ..errors import NotFound, StoreError
from ..models import Event
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
