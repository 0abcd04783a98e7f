"""The read side: stored claims as ``ClaimRecord``s, one at a time or streamed in pages.

``list_claims`` walks the claims in pages of ``PAGE`` by keyset (article, position, id), and loads each
page's sources, numbers, rule results, events and links with one query per table, so a report
over 100,000 claims runs a few hundred queries, not a few per claim, and holds one page in memory.
Every filter goes through it; reports ask it for light read-only views instead of models
(``views=True``; how a page is read and built: ``verify.store.views``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, select, tuple_
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..models import ClaimRecord
from ..registry import Registry, normalise
from . import filtering
from .filtering import check_attribution, check_status  # noqa: F401  (imported from here)
from .tables import AliasRow, ArticleRow, ClaimRow, ClaimSourceRow, SourceRow, decode_flags
from .views import CLAIM_COLS, ClaimView, SourceInfo, build_page, fetch, ids_where, record
from .views import aware_utc  # noqa: F401  (the store's other modules take it from here)

_ids_where = ids_where

PAGE = 1000
# IDs are INTEGER columns (32-bit on PostgreSQL); a larger number names nothing and must not reach
# the driver, which would fail with an overflow instead of "not found"
MAX_ID = 2**31 - 1


def valid_id(n: int) -> bool:
    return 0 < n <= MAX_ID


# -- sessions ---------------------------------------------------------------------------------


@contextmanager
def write_scope(db: Any) -> Iterator[Session]:
    """A session in one transaction on ``db``, committed at the end, rolled back on any error.

    A ``Store`` opens it with its own ``transaction()`` (which takes SQLite's write lock up front, so
    concurrent writers queue instead of failing). A Session passed in is committed.
    """
    tx = getattr(db, "transaction", None)
    if callable(tx) and not isinstance(db, Session):
        with tx() as s:
            yield s
        return
    with session_scope(db) as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


@contextmanager
def session_scope(db: Any) -> Iterator[Session]:
    """A session on ``db``: a Session (used as it is), an Engine, or a store with ``session()``.

    A Session passed in is left open for its owner; one made here is closed here.
    """
    if isinstance(db, Session):
        yield db
        return
    if isinstance(db, Engine):
        with Session(db) as s:
            yield s
        return
    maker = getattr(db, "session", None)
    if callable(maker):  # verify.store.Store
        with maker() as s:
            yield s
        return
    engine = getattr(db, "engine", None)
    if isinstance(engine, Engine):
        with Session(engine) as s:
            yield s
        return
    raise TypeError(f"not a store, engine or session: {db!r}")


# -- validation shared with the CLI and review (check_status, check_attribution: .filtering) --


# -- sources ----------------------------------------------------------------------------------


def find_source_ids(db: Any, name: str) -> list[int]:
    """Stored source IDs that a name or alias stands for; NotFound when none does."""
    with session_scope(db) as session:
        key = normalise(name)
        ids = set(session.scalars(select(AliasRow.source_id).where(AliasRow.key == key)))
        for sid, canonical in session.execute(select(SourceRow.id, SourceRow.canonical)):
            if normalise(canonical) == key:
                ids.add(sid)
        if not ids:
            # an alias the starter registry knows but the database has not been told about
            hit = Registry.starter().lookup(name)
            if hit:
                ids.update(session.scalars(select(SourceRow.id).where(SourceRow.canonical == hit.canonical)))
    if not ids:
        raise NotFound(f"no source named {name!r} in the store")
    return sorted(ids)


def independence_keys(db: Any) -> dict[str, str]:
    """Each stored source's canonical name -> the top of its affiliation chain.

    Two sources with one key speak for one government or parent organisation.
    """
    with session_scope(db) as s:
        return dict(SourceInfo(s).top)


def check_article(db: Any, article_id: int) -> int:
    """``article_id`` if the store holds that article; NotFound otherwise (also for IDs no column holds)."""
    if valid_id(article_id):
        with session_scope(db) as s:
            if s.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is not None:
                return article_id
    raise NotFound(f"no article with ID {article_id}")


def get_claim(db: Any, claim_id: int) -> ClaimRecord:
    """One stored claim with its sources, numbers, rules that fired, history and links."""
    if not valid_id(claim_id):
        raise NotFound(f"no claim with ID {claim_id}")
    with session_scope(db) as s:
        rows = fetch(s.connection(), select(*CLAIM_COLS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                     .where(ClaimRow.id == claim_id))
        if not rows:
            raise NotFound(f"no claim with ID {claim_id}")
        return record(build_page(s.connection(), rows, SourceInfo(s))[0])


def list_claims(
    db: Any,
    *,
    status: str | None = None,
    source: str | None = None,
    flag: str | None = None,
    article: int | None = None,
    attribution: str | None = None,
    polarity: str | None = None,
    outlet: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    changed_since: date | datetime | None = None,
    needs_review: bool = False,
    limit: int | None = None,
    full: bool = True,
    numbers_and_links: bool = True,
    views: bool = False,
) -> Iterator[ClaimRecord] | Iterator[ClaimView]:
    """Stored claims in article order (article, position in it, id), filtered; every filter given
    must hold (``verify.filters.ClaimFilter`` says what each means).

    ``source`` is a name or alias; a claim matches when that source made it or relayed it.
    ``polarity`` is asserted or denied (the claim's source denies what it states). ``flag`` matches
    one flag exactly; an ``article``, ``source`` or ``outlet`` the store does not hold is NotFound. ``since``/``until`` select by the article's date (publication, else ingest);
    ``changed_since`` the claims stored, changed by a check or reviewed since then; ``needs_review``
    the claims the rules ask a person to review that no person has answered yet. Streams: one page
    of ``PAGE`` claims is in memory at a time. ``full=False`` leaves out numbers, rules, history and
    links, for a quicker pass; ``numbers_and_links=False`` leaves out only numbers and links.
    ``views=True`` yields read-only ``ClaimView``s (the same fields, far quicker to build: reports).
    """
    if status is not None:
        check_status(status)
    if attribution is not None:
        check_attribution(attribution)
    if polarity is not None:
        filtering.check_polarity(polarity)
    if limit is not None and limit <= 0:
        return
    with session_scope(db) as s:
        if article is not None:
            check_article(s, article)
        conds = []
        if status is not None:
            conds.append(ClaimRow.status == status)
        if attribution is not None:
            conds.append(ClaimRow.attribution == attribution)
        if polarity is not None:
            conds.append(ClaimRow.polarity == polarity)
        if article is not None:
            conds.append(ClaimRow.article_id == article)
        if source is not None:
            sids = find_source_ids(s, source)
            conds.append(
                ClaimRow.id.in_(select(ClaimSourceRow.claim_id).where(ClaimSourceRow.source_id.in_(sids)))
            )
        if outlet is not None:
            conds.append(ArticleRow.outlet.in_(filtering.outlet_names(s, outlet)))
        if since is not None:
            conds.append(filtering.since_condition(s, since))
        if until is not None:
            conds.append(filtering.until_condition(s, until))
        if changed_since is not None:
            conds.append(filtering.changed_condition(s, changed_since))
        if needs_review:
            conds.append(filtering.needs_review_condition())
        if flag is not None and (pre := filtering.flag_condition(flag)) is not None:
            conds.append(pre)
        info = SourceInfo(s)
        base = select(*CLAIM_COLS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        if conds:
            base = base.where(and_(*conds))
        order = (ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
        last: tuple[int, int, int] | None = None
        left = limit
        while True:
            q = base
            if last is not None:
                q = q.where(tuple_(*order) > tuple_(*last))
            page = PAGE if (left is None or flag is not None) else min(PAGE, left)
            rows = fetch(s.connection(), q.order_by(*order).limit(page))
            if not rows:
                return
            last = (rows[-1][1], rows[-1][3], rows[-1][0])  # article_id, start, id
            if flag is not None:
                rows = [r for r in rows if flag in decode_flags(r[12])]
            built = build_page(s.connection(), rows, info, full, numbers_and_links) if rows else ()
            if views and left is None:
                yield from built  # the usual report: no Python step per claim here
            else:
                for rec in built:
                    yield rec if views else record(rec)
                    if left is not None:
                        left -= 1
                        if left <= 0:
                            return
            if len(rows) < page and flag is None:
                return
