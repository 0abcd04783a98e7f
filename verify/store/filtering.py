"""The SQL of the claim filters that ``list_claims`` applies (``verify.filters`` says what each means).

Dates compare in UTC: a ``date`` stands for its whole UTC day. An article's date is its publication
date (a day) where it has one, else the moment it was ingested.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import Text, and_, cast, exists, func, or_, select
from sqlalchemy.orm import Session

from ..errors import NotFound, VerifyError
from ..models import ATTRIBUTION_KINDS, POLARITIES, STATUSES
from .tables import ArticleRow, ClaimRow, EventRow, RuleResultRow, decode_flags

# outlets named in the one line that refuses an unknown outlet
OUTLETS_SHOWN = 12


def check_status(status: str) -> str:
    if status not in STATUSES:
        raise VerifyError(f"unknown status {status!r}; use one of: {', '.join(STATUSES)}")
    return status


def check_attribution(kind: str) -> str:
    if kind not in ATTRIBUTION_KINDS:
        raise VerifyError(f"unknown attribution kind {kind!r}; use one of: {', '.join(ATTRIBUTION_KINDS)}")
    return kind


def check_polarity(polarity: str) -> str:
    if polarity not in POLARITIES:
        raise VerifyError(f"unknown polarity {polarity!r}; use one of: {', '.join(POLARITIES)}")
    return polarity


def utc(t: date | datetime, end_of_day: bool = False) -> datetime:
    """A moment in UTC: a naive datetime is taken as UTC; a date is the start of its UTC day (or the
    start of the next day with ``end_of_day``, as an exclusive end)."""
    if not isinstance(t, datetime):
        t = datetime.combine(t + timedelta(days=1) if end_of_day else t, time(), tzinfo=timezone.utc)
    elif t.tzinfo is None:
        t = t.replace(tzinfo=timezone.utc)
    return t.astimezone(timezone.utc)


def _stored(t: datetime, session: Session) -> datetime:
    # SQLite stores timestamps as naive UTC text; an aware value would be written without its offset
    return t.replace(tzinfo=None) if session.get_bind().dialect.name == "sqlite" else t


def since_condition(session: Session, since: date | datetime) -> Any:
    """Articles dated on or after ``since``: published that day or later, or (undated) ingested since."""
    day = utc(since).date() if isinstance(since, datetime) else since
    return or_(
        and_(ArticleRow.published.isnot(None), ArticleRow.published >= day),
        and_(ArticleRow.published.is_(None), ArticleRow.ingested_at >= _stored(utc(since), session)),
    )


def until_condition(session: Session, until: date | datetime) -> Any:
    """Articles dated on or before ``until`` (a date: to the end of that day)."""
    if isinstance(until, datetime):
        day = utc(until).date()
        moment = ArticleRow.ingested_at <= _stored(utc(until), session)
    else:
        day = until
        moment = ArticleRow.ingested_at < _stored(utc(until, end_of_day=True), session)
    return or_(
        and_(ArticleRow.published.isnot(None), ArticleRow.published <= day),
        and_(ArticleRow.published.is_(None), moment),
    )


def changed_condition(session: Session, since: date | datetime) -> Any:
    """Claims changed at or after ``since``: stored then, changed by a check then (a check stamps
    ``checked_at`` only on the claims whose status, flags, grade or review reasons it changed), or
    given an event then (a review, note, evidence, link or match decision)."""
    t = _stored(utc(since), session)
    return or_(
        ClaimRow.created_at >= t,
        ClaimRow.checked_at >= t,
        exists(select(EventRow.id).where(EventRow.claim_id == ClaimRow.id, EventRow.at >= t)),
    )


def needs_review_condition() -> Any:
    """The rules ask for a person's review and no person has given a status since the check that
    asked (as ``verify.reports.reviewed.needs_review_open`` reads a record)."""
    # a review someone undid is no review (an undo that was itself undone is not followed here: rare,
    # and it errs towards asking a person again)
    undo = EventRow.__table__.alias("undo")
    undone = select(undo.c.undoes).where(undo.c.claim_id == ClaimRow.id, undo.c.action == "undo",
                                         undo.c.undoes.isnot(None))
    last_review = (
        select(func.max(EventRow.at))
        .where(EventRow.claim_id == ClaimRow.id, EventRow.action == "status", EventRow.to_status.isnot(None),
               EventRow.id.notin_(undone))
        .scalar_subquery()
    )
    return and_(
        ClaimRow.needs_review.isnot(None),
        ClaimRow.needs_review != "",
        or_(ClaimRow.review_status.is_(None), ClaimRow.checked_at > last_review),
    )


def flag_condition(flag: str) -> Any | None:
    """A portable pre-filter on the flags' JSON text; the exact test on the decoded list follows.

    None for a non-ASCII flag, which may be stored escaped or not."""
    if not flag.isascii():
        return None
    needle = json.dumps(flag)[1:-1]
    needle = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return cast(ClaimRow.flags, Text).like(f'%"{needle}"%', escape="\\")


def outlet_names(session: Session, outlet: str) -> list[str]:
    """The stored outlet names that ``outlet`` stands for (compared without case); NotFound, with the
    stored outlets named, when none does."""
    stored = [o for o in session.scalars(select(ArticleRow.outlet).where(ArticleRow.outlet.isnot(None)).distinct())]
    key = outlet.strip().casefold()
    hits = [o for o in stored if o.strip().casefold() == key]
    if hits:
        return hits
    if not stored:
        raise NotFound(f"no article from outlet {outlet!r}: no stored article names its outlet"
                       " (an HTML article's site name is stored as its outlet)")
    stored.sort(key=str.casefold)
    shown = ", ".join(repr(o) for o in stored[:OUTLETS_SHOWN])
    more = f" and {len(stored) - OUTLETS_SHOWN} more" if len(stored) > OUTLETS_SHOWN else ""
    raise NotFound(f"no article from outlet {outlet!r} in the store; the outlets stored: {shown}{more}")


def stored_flags(session: Session) -> set[str]:
    """Every flag a stored claim carries or a rule of the latest check gave."""
    found: set[str] = set()
    for raw in session.scalars(select(cast(ClaimRow.flags, Text)).distinct()):
        found.update(decode_flags(raw))
    found.update(session.scalars(select(RuleResultRow.value).where(RuleResultRow.outcome == "flag").distinct()))
    return found
