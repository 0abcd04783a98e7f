"""Two stored sources that turn out to be one (``verify sources merge A B``), and what a source's
claims came to (its track record, which ``verify.track_record`` grades).

A merge moves A's claims and names to B and keeps everything: A's row stays (``merged_into``) with
its history, A's canonical name and aliases become B's aliases, and the merge is an event of both
sources recording exactly what moved, so that an undo can move it back.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update

from ..errors import InputError
from ..models import Event
from .events import add_source_event, event_view, retrying
from .records import session_scope
from .sources import _add_alias_row, _known, _materialise
from .tables import AliasRow, ArticleRow, ClaimRow, ClaimSourceRow, SourceRow


def merge_sources(store: Any, a: str, b: str, *, reviewer: str, note: str | None = None) -> Event:
    """Merge source ``a`` into source ``b`` (names or aliases); the merge event (of ``b``).

    Every claim that names ``a`` then names ``b``; ``a``'s name and aliases name ``b``; the histories
    of both stay. ``NotFound`` for a name nobody knows, ``InputError`` when both are one source.
    """
    reg = store.registry()
    src_a, src_b = _known(reg, a), _known(reg, b)
    if src_a.canonical == src_b.canonical:
        raise InputError(f"{a!r} and {b!r} are one source already ({src_a.canonical})")

    def work() -> Event:
        with store.transaction() as s:
            row_a, row_b = _materialise(s, src_a), _materialise(s, src_b)
            s.flush()
            # both rows locked, so two merges of one source cannot cross
            s.scalars(select(SourceRow.id).where(SourceRow.id.in_([row_a.id, row_b.id])).with_for_update()).all()
            if row_a.merged_into is not None or row_b.merged_into is not None:
                raise InputError(f"{src_a.canonical!r} or {src_b.canonical!r} was merged meanwhile; look again")
            moved = list(s.scalars(select(ClaimSourceRow.id).where(ClaimSourceRow.source_id == row_a.id)))
            if moved:
                s.execute(update(ClaimSourceRow).where(ClaimSourceRow.id.in_(moved)).values(source_id=row_b.id))
            aliases = list(s.scalars(select(AliasRow.id).where(AliasRow.source_id == row_a.id)))
            if aliases:
                s.execute(update(AliasRow).where(AliasRow.id.in_(aliases)).values(source_id=row_b.id))
            added = []
            for name in (src_a.canonical, *src_a.aliases):
                new = _add_alias_row(s, row_b, name, strict=False)
                if new is not None:
                    s.flush()
                    added.append(new.id)
            row_a.merged_into = row_b.id
            record = {"from": row_a.id, "into": row_b.id, "from_name": row_a.canonical, "into_name": row_b.canonical,
                      "claim_sources": moved, "aliases": aliases, "new_aliases": added}
            add_source_event(s, row_a.id, action="source-merge", reviewer=reviewer, note=note, changes={"merge": record})
            ev = add_source_event(s, row_b.id, action="source-merge", reviewer=reviewer, note=note,
                                  changes={"merge": record})
            s.flush()
            return event_view(ev, row_b.canonical)

    return retrying(f"merge {src_a.canonical!r} into {src_b.canonical!r}", work)


def unmerge(s: Any, record: dict) -> None:
    """Move back what a merge moved (``record`` as the merge event holds it), in the caller's transaction."""
    row_a, row_b = s.get(SourceRow, record["from"]), s.get(SourceRow, record["into"])
    if row_a is None or row_b is None or row_a.merged_into != row_b.id:
        raise InputError(f"{record.get('from_name')} is no longer merged into {record.get('into_name')}")
    if record["claim_sources"]:
        s.execute(update(ClaimSourceRow).where(ClaimSourceRow.id.in_(record["claim_sources"]),
                                               ClaimSourceRow.source_id == row_b.id).values(source_id=row_a.id))
    if record["aliases"]:
        s.execute(update(AliasRow).where(AliasRow.id.in_(record["aliases"]), AliasRow.source_id == row_b.id)
                  .values(source_id=row_a.id))
    for alias in s.scalars(select(AliasRow).where(AliasRow.id.in_(record["new_aliases"] or [-1]))):
        s.delete(alias)
    row_a.merged_into = None


def source_row_ids(db: Any, name: str) -> tuple[str, list[int]]:
    """The canonical name a name or alias stands for, with the IDs of its stored row and of every row
    merged into it; ``NotFound`` for a name the registry does not know."""
    reg = db.registry()
    src = _known(reg, name)
    with session_scope(db) as s:
        ids = list(s.scalars(select(SourceRow.id).where(SourceRow.canonical == src.canonical)))
        todo = list(ids)
        while todo:
            merged = list(s.scalars(select(SourceRow.id).where(SourceRow.merged_into.in_(todo))))
            todo = [i for i in merged if i not in ids]
            ids.extend(todo)
    return src.canonical, ids


def source_claims(db: Any, source_ids: list[int]) -> list[tuple]:
    """The claims these sources made or relayed: (claim id, article id, article title, text, status,
    review status, role), in article order."""
    if not source_ids:
        return []
    with session_scope(db) as s:
        rows = s.execute(
            select(ClaimRow.id, ClaimRow.article_id, ArticleRow.title, ClaimRow.text, ClaimRow.status,
                   ClaimRow.review_status, ClaimSourceRow.role)
            .join(ClaimSourceRow, ClaimSourceRow.claim_id == ClaimRow.id)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimSourceRow.source_id.in_(source_ids))
            .order_by(ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
        ).all()
    seen: set[tuple[int, str]] = set()
    out = []
    for r in rows:
        if (r[0], r[6]) not in seen:  # a claim that named both merged sources counts once
            seen.add((r[0], r[6]))
            out.append(tuple(r))
    return out


__all__ = ["merge_sources", "source_claims", "source_row_ids", "unmerge"]
