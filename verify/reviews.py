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

from .config import reviewer_name
from .errors import InputError, VerifyError
from .models import Event
from .store.events import append_event
from .store.records import check_status

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
    return append_event(db, claim_id, action=action, status=status, note=note, evidence=ref, reviewer=who)


def review_claim(
    db: Any,
    claim_id: int,
    status: str,
    note: str | None = None,
    evidence: str | None = None,
    reviewer: str | None = None,
) -> Event:
    """Set a claim's status as a person's judgement, recorded as one event; returns it.

    ``db`` is a store (``verify.store.open_store``).
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
