"""A person's review of a claim: a status, a note, evidence. Each action appends one event.

History is never rewritten: a review adds an event (who, when, from which status, to which, why, what
evidence) and sets the claim's ``review_status`` and ``status`` in the same transaction. A review
outranks every rule; ``verify check`` leaves a reviewed claim's status alone. A mistake is undone by
another event (``verify.store.undo``), never by deleting one.

A verdict (confirmed, disputed, refuted) needs a reason: a note or evidence. ``VERIFY_BARE_VERDICTS=allow``
relaxes this (``verify.config``).

Evidence is a URL or a file, with a stance: it ``supports`` or ``refutes`` the claim, or gives
``context`` (the default). A file is kept as its ``file://`` URI with its SHA-256 in the fragment
(``file:///cases/photo.jpg#sha256=...``) and in the event's ``sha256``, so what the reviewer saw can be
proved unchanged later (``verify.evidence``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from .config import BARE_VERDICTS_ENV, bare_verdicts_allowed, reviewer_name
from .errors import InputError
from .models import STANCES, VERDICTS, Event
from .store.events import append_event
from .store.records import check_status

URL_SCHEMES = ("http", "https")
SHA_MARK = "#sha256="


def evidence_ref(evidence: str) -> str:
    """What to store for evidence given as a URL or a file path; InputError if it is neither."""
    return evidence_record(evidence)[0]


def evidence_record(evidence: str) -> tuple[str, str | None]:
    """(what to store, the file's SHA-256 or None for a URL) for evidence given as a URL or a file."""
    evidence = evidence.strip()
    if not evidence:
        raise InputError("evidence is empty; give a URL or a file path")
    parsed = urlparse(evidence)
    if parsed.scheme in URL_SCHEMES:
        if not parsed.netloc:
            raise InputError(f"evidence URL has no host: {evidence}")
        return evidence, None
    path = Path(evidence).expanduser()
    if not path.exists():
        raise InputError(f"evidence is neither an http(s) URL nor an existing file: {evidence}")
    if not path.is_file():
        raise InputError(f"evidence is not a file: {evidence}")
    digest = file_sha256(path)
    return f"{path.resolve().as_uri()}{SHA_MARK}{digest}", digest


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    try:
        with path.open("rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError as e:
        raise InputError(f"cannot read evidence file {path}: {e.strerror or e}") from None
    return h.hexdigest()


def check_stance(stance: str | None) -> str | None:
    if stance is not None and stance not in STANCES:
        raise InputError(f"unknown stance {stance!r}; use one of: {', '.join(STANCES)}")
    return stance


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
    stance: str | None = None,
    expected_last: int | None = None,
) -> Event:
    who = reviewer_name(reviewer)
    check_stance(stance)
    if stance is not None and evidence is None:
        raise InputError("a stance is what evidence says; give --evidence with it")
    ref, digest = evidence_record(evidence) if evidence is not None else (None, None)
    if ref is not None and stance is None:
        stance = "context"
    return append_event(db, claim_id, action=action, status=status, note=note, evidence=ref, sha256=digest,
                        stance=stance, reviewer=who, expected_last=expected_last)


def review_claim(
    db: Any,
    claim_id: int,
    status: str,
    note: str | None = None,
    evidence: str | None = None,
    reviewer: str | None = None,
    *,
    stance: str | None = None,
    expected_last: int | None = None,
) -> Event:
    """Set a claim's status as a person's judgement, recorded as one event; returns it.

    ``db`` is a store (``verify.store.open_store``). A verdict (confirmed, disputed, refuted) without a
    note or evidence is refused unless ``VERIFY_BARE_VERDICTS=allow``. ``expected_last``: see
    ``verify.store.events.append_event``.
    """
    check_status(status)
    note = _clean(note)
    bare = note is None and (evidence is None or not evidence.strip())
    if bare and status in VERDICTS and not bare_verdicts_allowed():
        raise InputError(
            f"a claim is set {status} only with a reason: a note or evidence"
            f" (or set {BARE_VERDICTS_ENV}=allow); nothing was recorded"
        )
    return _append(db, claim_id, action="status", status=status, note=note, evidence=evidence, reviewer=reviewer,
                   stance=stance, expected_last=expected_last)


def add_note(
    db: Any,
    claim_id: int,
    note: str | None = None,
    evidence: str | None = None,
    reviewer: str | None = None,
    *,
    stance: str | None = None,
    expected_last: int | None = None,
) -> Event:
    """Add a note and/or evidence to a claim's history without changing its status."""
    note = _clean(note)
    if note is None and evidence is None:
        raise InputError("a note needs some text or evidence")
    action = "evidence" if evidence is not None else "note"
    return _append(db, claim_id, action=action, status=None, note=note, evidence=evidence, reviewer=reviewer,
                   stance=stance, expected_last=expected_last)
