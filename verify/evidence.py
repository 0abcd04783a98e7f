"""A claim's evidence as it stands: each URL or file attached (and not undone), with its stance and
note, and for a file whether the file on disk still matches the SHA-256 recorded when it was attached.

    >>> import verify
    >>> with verify.open_store("sqlite:///desk.db") as store:      # doctest: +SKIP
    ...     for e in verify.evidence(store, 12):
    ...         print(e.stance, e.ref, e.state)
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlparse

from pydantic import BaseModel, ConfigDict

from .models import ClaimRecord

# what `verify claims show` says of each state
STATE_TEXT = {
    "url": "web address",
    "unchanged": "file unchanged since it was attached",
    "changed": "the file on disk no longer matches the SHA-256 recorded when it was attached",
    "missing": "the file is gone from disk",
    "unreadable": "the file cannot be read",
}


class EvidenceView(BaseModel):
    model_config = ConfigDict(extra="forbid")

    event_id: int
    reviewer: str
    at: datetime
    ref: str  # the URL, or the file's path
    kind: Literal["url", "file"]
    stance: str | None = None
    note: str | None = None
    sha256: str | None = None
    state: Literal["url", "unchanged", "changed", "missing", "unreadable"]


def evidence_of(rec: ClaimRecord) -> list[EvidenceView]:
    """The claim's evidence, oldest first, each file checked against its recorded SHA-256 now."""
    from .reviews import file_sha256
    from .errors import InputError

    out = []
    for e in rec.evidence:
        parsed = urlparse(e.evidence_url or "")
        if parsed.scheme != "file":
            out.append(EvidenceView(event_id=e.id, reviewer=e.reviewer, at=e.at, ref=e.evidence_url, kind="url",
                                    stance=e.stance, note=e.note, state="url"))
            continue
        # file URIs are written by Path.as_uri (POSIX or Windows paths, percent-encoded)
        path = Path(unquote(parsed.path))
        digest = e.sha256 or (parsed.fragment.partition("sha256=")[2] or None)
        if not path.is_file():
            state = "missing"
        else:
            try:
                state = "unchanged" if file_sha256(path) == digest else "changed"
            except InputError:
                state = "unreadable"
        out.append(EvidenceView(event_id=e.id, reviewer=e.reviewer, at=e.at, ref=str(path), kind="file",
                                stance=e.stance, note=e.note, sha256=digest, state=state))
    return out
