"""A source's track record: what each of its claims came to, and the Admiralty reliability grade that
record suggests.

The rule is a table of thresholds, data rather than code: ``verify/data/track-record.toml`` (its
comments say how it reads), replaced by the file ``VERIFY_TRACK_RECORD`` names. The rulebook's steps
speak of claims, not of sources, so the table lives beside the rulebook instead of in it. The
suggestion is only that: ``verify sources set NAME --reliability X`` is how a person grades a source.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .config import PACKAGE_DIR
from .errors import VerifyError

TRACK_RECORD_ENV = "VERIFY_TRACK_RECORD"
DEFAULT_TABLE = PACKAGE_DIR / "data" / "track-record.toml"
# what a claim's status says about its source's word; the rest are still open
OUTCOMES: tuple[str, ...] = ("confirmed", "corroborated", "disputed", "refuted", "open")
HELD_UP = ("confirmed", "corroborated")


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class GradeRule(_Model):
    grade: Literal["A", "B", "C", "D", "E"]
    settled: int = Field(ge=1)
    share: float = Field(ge=0, le=1)
    refuted: int | None = Field(default=None, ge=0)


class GradeTable(_Model):
    grade: list[GradeRule]


class TrackClaim(_Model):
    id: int
    article_id: int
    article_title: str | None = None
    text: str
    status: str
    outcome: Literal["confirmed", "corroborated", "disputed", "refuted", "open"]
    reviewed: bool  # the status is a person's, not the rules'
    role: Literal["source", "relay"] = "source"


class TrackRecord(_Model):
    """A source's claims with their outcomes, the counts, and the grade they suggest (with why)."""

    source: str
    merged: list[str] = Field(default_factory=list)  # names merged into this source
    reliability: str | None = None  # the grade a person gave it, if any
    claims: list[TrackClaim] = Field(default_factory=list)
    counts: dict[str, int] = Field(default_factory=dict)  # per outcome, of the claims it made
    settled: int = 0
    share: float | None = None
    suggested: Literal["A", "B", "C", "D", "E", "F"] = "F"
    why: str = ""

    def summary(self) -> str:
        """One line: "4 claims: 2 confirmed, 1 refuted, 1 open; suggests C" (the claims it made)."""
        made = sum(self.counts.values())
        if not made:
            return "no claims stored"
        parts = [f"{n} {o}" for o, n in self.counts.items() if n]
        return f"{made} claim{'s' if made != 1 else ''}: {', '.join(parts)}; suggests {self.suggested}"


def load_table(path: str | os.PathLike[str] | None = None) -> GradeTable:
    """The grading table: ``path``, else the file ``VERIFY_TRACK_RECORD`` names, else the shipped one."""
    where = Path(path or os.environ.get(TRACK_RECORD_ENV) or DEFAULT_TABLE)
    try:
        data = tomllib.loads(where.read_text(encoding="utf-8"))
    except OSError as e:
        raise VerifyError(f"cannot read the track-record table {where}: {e.strerror or e}") from None
    except tomllib.TOMLDecodeError as e:
        raise VerifyError(f"the track-record table {where} is not TOML: {e}") from None
    try:
        return GradeTable.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        at = ".".join(str(x) for x in first["loc"])
        raise VerifyError(f"the track-record table {where}: {at}: {first['msg']}") from None


def outcome(status: str) -> str:
    return status if status in OUTCOMES else "open"


def suggest(counts: dict[str, int], table: GradeTable) -> tuple[str, float | None, str]:
    """(grade, share, why) for a source whose claims came to ``counts`` (per outcome)."""
    settled = sum(counts.get(o, 0) for o in OUTCOMES if o != "open")
    if not settled:
        return "F", None, "no claim of it is settled yet: reliability cannot be judged"
    held = sum(counts.get(o, 0) for o in HELD_UP) + 0.5 * counts.get("disputed", 0)
    share = held / settled
    refuted = counts.get("refuted", 0)
    for rule in table.grade:
        if settled >= rule.settled and share >= rule.share and (rule.refuted is None or refuted <= rule.refuted):
            why = f"{settled} settled claim(s), {share:.0%} held up"
            why += f", {refuted} refuted" if refuted else ""
            return rule.grade, share, f"{why}: at least {rule.settled} settled and {rule.share:.0%} held up"
    least = min((r.settled for r in table.grade), default=0)
    if settled < least:
        return "F", share, f"only {settled} settled claim(s); a grade needs at least {least}"
    return "F", share, f"{settled} settled claim(s), {share:.0%} held up: no grade's conditions hold"


def track_record(source: str, rows: list[tuple[Any, ...]], *, merged: list[str] = (), reliability: str | None = None,
                 table: GradeTable | None = None) -> TrackRecord:
    """The record of ``source`` from its claim rows (``verify.store.merge.source_claims``)."""
    table = table or load_table()
    claims = [
        TrackClaim(id=cid, article_id=art, article_title=title, text=text, status=status, outcome=outcome(status),
                   reviewed=review is not None, role=role)
        for cid, art, title, text, status, review, role in rows
    ]
    counts = {o: 0 for o in OUTCOMES}
    for c in claims:
        if c.role == "source":
            counts[c.outcome] += 1
    grade, share, why = suggest(counts, table)
    settled = sum(v for k, v in counts.items() if k != "open")
    return TrackRecord(source=source, merged=list(merged), reliability=reliability, claims=claims, counts=counts,
                       settled=settled, share=share, suggested=grade, why=why)


def record_of(db: Any, name: str) -> TrackRecord:
    """The track record of the source a name or alias stands for, with the claims of the sources merged
    into it (``verify.api.source_record``); ``NotFound`` for a name the registry does not know."""
    from .store.events import source_history
    from .store.merge import source_claims, source_row_ids

    canonical, ids = source_row_ids(db, name)
    merged = [e.changes["merge"]["from_name"] for e in source_history(db, ids)
              if e.action == "source-merge" and e.source == canonical and e.changes]
    src = db.get_source(canonical)
    return track_record(canonical, source_claims(db, ids), merged=merged, reliability=src.reliability)
