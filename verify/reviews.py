"""A person's review of a claim: a status, a note, evidence. Each action appends one event.

History is never rewritten: a review adds an event (who, when, from which status, to which, why, what
evidence) and sets the claim's ``review_status`` and ``status`` in the same transaction. A review
outranks every rule; ``verify check`` leaves a reviewed claim's status alone.

Evidence is a URL or a file. A file is kept as its ``file://`` URI with its SHA-256 in the fragment
(``file:///cases/photo.jpg#sha256=...``), so what the reviewer saw can be proved unchanged later.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from .config import reviewer_name
from .errors import InputError, NotFound, StoreError, VerifyError
from .models import Event
from .store.records import aware_utc, check_status, valid_id, write_scope
from .store.tables import ClaimRow, EventRow, utcnow

URL_SCHEMES = ("http", "https")


def evidence_ref(evidence: str) -> str:
    """What to store for evidence given as a URL or a file path; InputError if it is neither."""
    evidence = evidence.strip()
    if not evidence:
        raise InputError("evidence is empty; give a URL or a file path")
    parsed = urlparse(evidence)
    if parsed.scheme in URL_SCHEMES:
        if not parsed.netloc:
            raise InputError(f"evidence URL has no host: {evidence}")
        return evidence
    path = Path(evidence).expanduser()
    if not path.exists():
        raise InputError(f"evidence is neither an http(s) URL nor an existing file: {evidence}")
    if not path.is_file():
        raise InputError(f"evidence is not a file: {evidence}")
    return f"{path.resolve().as_uri()}#sha256={file_sha256(path)}"


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise InputError(f"cannot read evidence file {path}: {e.strerror or e}") from None
    return h.hexdigest()


def _clean(note: str | None) -> str | None:
    if note is None:
        return None
    note = note.strip()
    return note or None


def _append(
    db: Any,
    claim_id: int,
    *,
    action: str,
    status: str | None,
    note: str | None,
    evidence: str | None,
    reviewer: str | None,
) -> Event:
    who = reviewer_name(reviewer)
    ref = evidence_ref(evidence) if evidence is not None else None
    try:
        return _write_event(db, claim_id, action, status, note, ref, who)
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


def review_claim(
    db: Any,
    claim_id: int,
    status: str,
    note: str | None = None,
    evidence: str | None = None,
    reviewer: str | None = None,
) -> Event:
    """Set a claim's status as a person's judgement, recorded as one event; returns it.

    ``db`` is a store, an engine or a session (a session passed in is committed).
    """
    check_status(status)
    return _append(db, claim_id, action="status", status=status, note=_clean(note), evidence=evidence, reviewer=reviewer)


def add_note(
    db: Any,
    claim_id: int,
    note: str | None = None,
    evidence: str | None = None,
    reviewer: str | None = None,
) -> Event:
    """Add a note and/or evidence to a claim's history without changing its status."""
    note = _clean(note)
    if note is None and evidence is None:
        raise VerifyError("a note needs some text or evidence")
    return _append(db, claim_id, action="note", status=None, note=note, evidence=evidence, reviewer=reviewer)
