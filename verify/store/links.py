"""Links between claims: one corroborates or contradicts another, as a person judged it.

A link is symmetric (stored once, lower id first) and recorded with who and when; each linked claim's
history gets a ``link`` event too. The rules count a corroborating link's sources with the claim's own
(see ``verify.rules.facts``); the next ``verify check`` applies it.
"""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from ..errors import InputError, NotFound, StoreError
from ..models import LinkView
from .events import changed_since, latest_event, locked_claim
from .records import valid_id
from .tables import ClaimRow, EventRow, LinkRow

RELATIONS = ("corroborates", "contradicts")


def _session(db: Any):
    from .records import write_scope

    return write_scope(db)


def link_claims(db: Any, a: int, b: int, relation: str, *, reviewer: str, note: str | None = None,
                expected_last: int | None = None) -> LinkView:
    """Link claims ``a`` and ``b``; the link as seen from ``a``. Linking twice changes nothing.

    ``expected_last``: the latest event of ``a`` the caller saw (0 for none); another since is refused
    with ``Conflict``, as ``verify.store.events.append_event`` does, in the same transaction.

    Refuses a claim linked to itself, an unknown claim, an unknown relation, and a pair already linked
    the other way (a claim cannot both corroborate and contradict another: ``verify unlink`` first).
    Two people linking the same pair at once get the same answer as one after the other.
    """
    if relation not in RELATIONS:
        raise InputError(f"unknown link relation {relation!r}; one of: {', '.join(RELATIONS)}")
    _check_pair(a, b)
    if not reviewer or not reviewer.strip():
        raise InputError("a link needs a reviewer name")
    lo, hi = sorted((a, b))
    for attempt in (1, 2):
        try:
            with _session(db) as s:
                _require_claims(s, a, b)
                if expected_last is not None:
                    locked_claim(s, a)
                    latest = latest_event(s, a)
                    if (latest.id if latest is not None else 0) != expected_last:
                        raise changed_since(a, latest, expected_last)
                for row in _existing(s, lo, hi):
                    if row.relation == relation:
                        return _view(row, a)
                    raise InputError(
                        f"claims {lo} and {hi} are already linked as {_word(row.relation)}; withdraw that link"
                        f" first with `verify unlink {lo} {hi}`"
                    )
                now = datetime.now(timezone.utc)
                row = LinkRow(claim_a=lo, claim_b=hi, relation=relation, reviewer=reviewer.strip(), at=now, note=note)
                s.add(row)
                for me, other in ((a, b), (b, a)):
                    s.add(EventRow(claim_id=me, reviewer=reviewer.strip(), at=now, action="link",
                                   note=f"{relation} claim {other}" + (f": {note}" if note else ""),
                                   changes={"link": [None, relation], "other": other}))
                s.flush()
                return _view(row, a)
        except IntegrityError as e:
            # someone stored the same pair between our read and our write: read again, and answer
            # as a repeat would (the same link, or the conflict)
            if attempt == 2:
                raise StoreError(f"cannot store the link: {str(e).splitlines()[0]}") from None
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store the link: {str(e).splitlines()[0]}") from None
    raise AssertionError("unreachable")


def unlink_claims(db: Any, a: int, b: int, *, reviewer: str, note: str | None = None) -> int:
    """Withdraw every link between ``a`` and ``b``; how many there were.

    The link row goes (the next check no longer counts it); each claim's history keeps the link
    event and gains an ``unlink`` event with who, when and why.
    """
    _check_pair(a, b)
    if not reviewer or not reviewer.strip():
        raise InputError("withdrawing a link needs a reviewer name")
    lo, hi = sorted((a, b))
    try:
        with _session(db) as s:
            _require_claims(s, a, b)
            rows = _existing(s, lo, hi)
            if not rows:
                raise NotFound(f"claims {a} and {b} are not linked")
            now = datetime.now(timezone.utc)
            for row in rows:
                for me, other in ((a, b), (b, a)):
                    s.add(EventRow(claim_id=me, reviewer=reviewer.strip(), at=now, action="unlink",
                                   note=f"no longer {row.relation} claim {other}" + (f": {note}" if note else ""),
                                   changes={"link": [row.relation, None], "other": other}))
                s.delete(row)
            return len(rows)
    except SQLAlchemyError as e:
        raise StoreError(f"cannot withdraw the link: {str(e).splitlines()[0]}") from None


def _check_pair(a: int, b: int) -> None:
    for cid in (a, b):
        # beyond the INTEGER column no claim exists; the driver would fail with an overflow instead
        if not valid_id(cid):
            raise NotFound(f"no claim with ID {cid}")
    if a == b:
        raise InputError(f"claim {a} cannot be linked to itself")


def _require_claims(s, a: int, b: int) -> None:
    found = set(s.scalars(select(ClaimRow.id).where(ClaimRow.id.in_(sorted({a, b})))))
    for cid in (a, b):
        if cid not in found:
            raise NotFound(f"no claim with ID {cid}")


def _existing(s, lo: int, hi: int) -> list[LinkRow]:
    return list(s.scalars(select(LinkRow).where(LinkRow.claim_a == lo, LinkRow.claim_b == hi)).all())


def links_of(db: Any, claim_id: int) -> list[LinkView]:
    """Every link of a claim, seen from it, oldest first."""
    with _session(db) as s:
        rows = s.scalars(
            select(LinkRow).where(or_(LinkRow.claim_a == claim_id, LinkRow.claim_b == claim_id)).order_by(LinkRow.id)
        ).all()
        return [_view(r, claim_id) for r in rows]


def _view(row: LinkRow, me: int) -> LinkView:
    return LinkView(
        other=row.claim_b if row.claim_a == me else row.claim_a,
        relation=row.relation,
        reviewer=row.reviewer,
        at=row.at,
        note=row.note,
    )


def _word(relation: str) -> str:
    return "corroborating" if relation == "corroborates" else "contradicting"
