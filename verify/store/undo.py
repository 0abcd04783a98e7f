"""Undo: an event that reverses an earlier one. Nothing is deleted from the history.

What an undo puts back depends on what the event changed (its ``changes``):

- a review (or an undo that changed the status): the person's status before it, or none, so the
  rules' status shows again; only while no later review changed the claim (else ``Conflict``);
- a link or its withdrawal: the link is withdrawn or made again, with an event on both claims;
- a note or evidence: it no longer counts (evidence is no longer listed), and stays in the history;
- a source edit, alias or merge: the fields, alias or moved claims go back;
- an undo: what it reversed is done again.

A check's status change is not undone: the rulebook or a review decides instead.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from ..errors import Conflict, InputError, NotFound
from ..models import Event, undone_ids
from ..registry import normalise
from .events import event_view, locked_claim, retrying
from .records import valid_id, write_scope
from .tables import AliasRow, EventRow, LinkRow, SourceRow, utcnow


def undo_event(db: Any, event_id: int, *, reviewer: str, note: str | None = None) -> Event:
    """Append an event that reverses event ``event_id``; the new event.

    ``NotFound`` for an unknown event, ``InputError`` for one already undone or that cannot be undone,
    ``Conflict`` where the claim or source changed since in a way the undo would overwrite.
    """
    if not valid_id(event_id):
        raise NotFound(f"no event with ID {event_id}")

    def work() -> Event:
        with write_scope(db) as s:
            target = s.get(EventRow, event_id)
            if target is None:
                raise NotFound(f"no event with ID {event_id}")
            if target.action == "check":
                raise InputError(f"event {event_id} is a status a check gave; change the rulebook or review the claim")
            if target.action == "source-add":
                raise InputError(f"event {event_id} added a source, which is not undone; change it with `verify sources set`")
            if target.claim_id is not None:
                return _undo_claim_event(s, target, reviewer, note)
            return _undo_source_event(s, target, reviewer, note)

    return retrying(f"undo event {event_id}", work)


def _already(s, target: EventRow, rows: list[EventRow]) -> None:
    views = [event_view(r) for r in rows]
    if target.id in undone_ids(views):
        by = max(r.id for r in rows if r.action == "undo" and r.undoes == target.id)
        raise InputError(f"event {target.id} is already undone (event {by}); undo event {by} to restore it")


def _undo_claim_event(s, target: EventRow, reviewer: str, note: str | None) -> Event:
    claim = locked_claim(s, target.claim_id)
    rows = list(s.scalars(select(EventRow).where(EventRow.claim_id == claim.id).order_by(EventRow.id)))
    _already(s, target, rows)
    changes = dict(target.changes or {})
    if target.action == "status" and "review_status" not in changes:
        # a review recorded before events kept their changes: the person's status before it
        prior = [r for r in rows if r.id < target.id and r.action == "status" and r.to_status]
        changes["review_status"] = [prior[-1].to_status if prior else None, target.to_status]
    ev = EventRow(claim_id=claim.id, reviewer=reviewer, at=utcnow(), action="undo", undoes=target.id, note=note)
    if "review_status" in changes:
        before, after = changes["review_status"]
        later = [r for r in rows if r.id > target.id and r.to_status and r.action in ("status", "undo")]
        if later or claim.review_status != after:
            latest = event_view(later[-1]) if later else None
            who = f"{latest.reviewer} {latest.what()} (event {latest.id})" if latest else "it was reviewed again"
            raise Conflict(f"claim {claim.id} changed after event {target.id}: {who}; undo that first", latest)
        ev.from_status = claim.status
        claim.review_status = before
        claim.status = before or claim.rule_status or "unverified"
        ev.to_status = claim.status
        ev.changes = {"review_status": [after, before]}
    elif "link" in changes:
        ev.changes = _relink(s, claim.id, changes, reviewer, note, target)
    s.add(ev)
    s.flush()
    return event_view(ev)


def _relink(s, me: int, changes: dict, reviewer: str, note: str | None, target: EventRow) -> dict:
    """Reverse a link or its withdrawal; the undo event of the other claim is written here too."""
    before, after = changes["link"]
    other = int(changes["other"])
    lo, hi = sorted((me, other))
    rows = list(s.scalars(select(LinkRow).where(LinkRow.claim_a == lo, LinkRow.claim_b == hi)))
    if after is not None:  # the link was made: withdraw it
        mine = [r for r in rows if r.relation == after]
        if not mine:
            raise InputError(f"claims {me} and {other} are no longer linked as {after}; nothing to undo")
        for r in mine:
            s.delete(r)
    else:  # the link was withdrawn: make it again
        if rows:
            raise InputError(f"claims {me} and {other} are linked again already ({rows[0].relation})")
        s.add(LinkRow(claim_a=lo, claim_b=hi, relation=before, reviewer=reviewer, at=utcnow(), note=note))
    # the other claim's own event of the same link, so its history shows it undone as well
    twin = s.scalars(select(EventRow).where(EventRow.claim_id == other, EventRow.action == target.action,
                                            EventRow.at == target.at).order_by(EventRow.id)).first()
    s.add(EventRow(claim_id=other, reviewer=reviewer, at=utcnow(), action="undo",
                   undoes=twin.id if twin is not None else target.id, note=note,
                   changes={"link": [after, before], "other": me}))
    return {"link": [after, before], "other": other}


def _undo_source_event(s, target: EventRow, reviewer: str, note: str | None) -> Event:
    row = s.scalars(select(SourceRow).where(SourceRow.id == target.source_id).with_for_update()).first()
    rows = list(s.scalars(select(EventRow).where(EventRow.source_id == row.id).order_by(EventRow.id)))
    _already(s, target, rows)
    changes = target.changes or {}
    ev = EventRow(source_id=row.id, reviewer=reviewer, at=utcnow(), action="undo", undoes=target.id, note=note)
    if "fields" in changes:
        for name, (before, after) in changes["fields"].items():
            now = sorted(row.tags or []) if name == "tags" else getattr(row, name)
            if now != after:
                raise Conflict(f"{row.canonical}: {name} changed after event {target.id} (now {now!r}); undo that first")
        for name, (before, _after) in changes["fields"].items():
            setattr(row, name, before)
        row.edited_at = utcnow()
        ev.changes = {"fields": {k: [a, b] for k, (b, a) in changes["fields"].items()}}
    elif "alias" in changes:
        before, after = changes["alias"]
        if after is not None:
            found = s.scalars(select(AliasRow).where(AliasRow.key == normalise(after), AliasRow.source_id == row.id)).first()
            if found is None:
                raise InputError(f"{after!r} no longer names {row.canonical}; nothing to undo")
            s.delete(found)
        else:
            if s.scalars(select(AliasRow).where(AliasRow.key == normalise(before))).first() is not None:
                raise InputError(f"{before!r} names a source again already")
            s.add(AliasRow(source_id=row.id, alias=before, key=normalise(before)))
        ev.changes = {"alias": [after, before]}
    elif "merge" in changes:
        from .merge import unmerge

        if target.undoes is not None:
            raise InputError(f"event {target.id} undid a merge; merge the sources again with `verify sources merge`")
        unmerge(s, changes["merge"])
        ev.changes = {"unmerge": changes["merge"]}
        other = changes["merge"]["from"] if row.id == changes["merge"]["into"] else changes["merge"]["into"]
        twin = s.scalars(select(EventRow).where(EventRow.source_id == other, EventRow.action == "source-merge")
                         .order_by(EventRow.id.desc())).first()
        s.add(EventRow(source_id=other, reviewer=reviewer, at=utcnow(), action="undo",
                       undoes=twin.id if twin is not None else target.id, note=note))
    elif target.action == "undo":
        raise InputError(f"event {target.id} undid a merge; merge the sources again with `verify sources merge`")
    s.add(ev)
    s.flush()
    return event_view(ev, row.canonical)
