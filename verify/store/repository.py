"""The write side of the store: the ``Store`` (sessions, storing articles) and ``open_store``.

Reading and extracting files is the pipeline's work (``verify.pipeline``); the store takes an article
and its claims.

One article is one transaction: it is stored with all its claims or not at all, and storing the same
article (same SHA-256) again creates nothing new. The sources its claims name are created from the
registry (``verify.store.sources``) in the same transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from ..cycles import no_cycle_collection
from ..errors import InputError
from ..models import Claim
from ..registry import Registry
from .db import check_connection, current_revision, head_revision, make_engine, mask_url, migrate, store_error
from .sources import SourceRegistry, _clip, _SourceCache
from .tables import UNCHECKED, ArticleRow, ClaimRow, ClaimSourceRow, NumberRow, utcnow

# W3C TextQuoteSelector context kept on each side of a claim
CONTEXT_CHARS = 32
BATCH = 2000  # claims per insert while an article is stored


@dataclass(frozen=True)
class IngestResult:
    article_id: int
    created: bool
    claims: int


class Store(SourceRegistry):
    """A database opened by ``open_store``: an engine, sessions, and the operations that write."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    # -- sessions ------------------------------------------------------------------------------
    @property
    def url(self) -> str:
        """The database URL with any password masked."""
        return mask_url(self.engine.url)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A session for reading (or for writes its user commits); closed, uncommitted work rolled back."""
        with self._sessions() as s:
            yield s

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """A session in one transaction: committed when the block ends, rolled back on any error.

        On SQLite the transaction takes the write lock when it begins, so concurrent writers wait
        their turn (busy timeout) instead of failing halfway.
        """
        with self._sessions() as s:
            if self.dialect == "sqlite":
                s.connection(execution_options={"sqlite_immediate": True})
            try:
                yield s
                s.commit()
            except BaseException:
                s.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- ingest --------------------------------------------------------------------------------
    def find_article(self, sha256: str) -> IngestResult | None:
        """The stored article with this SHA-256 (``created`` False), or None."""
        claims = (
            select(func.count()).select_from(ClaimRow).where(ClaimRow.article_id == ArticleRow.id).scalar_subquery()
        )
        with self.session() as s:
            row = s.execute(select(ArticleRow.id, claims).where(ArticleRow.sha256 == sha256)).first()
            return None if row is None else IngestResult(row[0], False, row[1] or 0)

    def ingest(
        self, loaded_article: Any, claims: list[Claim], registry: Registry | None = None, *, _checked: bool = False
    ) -> IngestResult:
        """Store an article and its claims in one transaction; nothing new if it is already stored.

        ``loaded_article`` is what ``verify.articles.read_article`` returns (``path``, ``article``,
        ``text``). ``registry`` decides what a new source row holds (kind, affiliation, tags, aliases);
        by default the store's own registry.
        """
        article = loaded_article.article
        text = loaded_article.text
        if text is None:
            raise InputError(f"{loaded_article.path}: no article text to store")
        if not _checked:
            existing = self.find_article(article.sha256)
            if existing is not None:
                return existing
        reg = registry if registry is not None else self.registry()
        try:
            with no_cycle_collection(), self.transaction() as s:
                row = ArticleRow(
                    sha256=article.sha256,
                    path=str(loaded_article.path) if loaded_article.path is not None else None,
                    title=article.title,
                    outlet=_clip(article.outlet, 200),
                    author=article.author,
                    url=article.url,
                    published=article.published,
                    format=article.format,
                    text=text,
                )
                s.add(row)
                s.flush()
                merged = _merge_same_span(claims)
                sources = _SourceCache(s, reg)
                sources.prepare(m for c in merged for m in (*c.sources, *c.relayed_by))
                # Core inserts in batches: no ORM object per row, so a huge article's rows are not
                # all held in the session until the transaction ends
                for i in range(0, len(merged), BATCH):
                    self._add_claims(s, row.id, text, merged[i : i + BATCH], sources)
                return IngestResult(row.id, True, len(merged))
        except IntegrityError:
            # another process stored the same article first: theirs stands
            existing = self.find_article(article.sha256)
            if existing is not None:
                return existing
            raise
        except SQLAlchemyError as e:
            raise store_error(e, self.engine.url, "write to") from None

    def _add_claims(self, s: Session, article_id: int, text: str, claims: list[Claim], sources: _SourceCache) -> None:
        """Insert a batch of claims, then their sources and numbers, in claim order (so IDs are
        given out as one insert per row would give them)."""
        table = ClaimRow.__table__
        now = utcnow()
        values = [_claim_values(article_id, text, c, now) for c in claims]
        if s.get_bind().dialect.name == "sqlite":
            # SQLite cannot promise RETURNING in parameter order, so SQLAlchemy would insert one row
            # per statement; instead one executemany, and the IDs read back by span (unique in an
            # article): this transaction holds the write lock, so the rows after the last are ours
            last = s.scalar(select(func.max(table.c.id)).where(table.c.article_id == article_id)) or 0
            s.execute(insert(table), values)
            by_span = {(a, b): i for i, a, b in s.execute(
                select(table.c.id, table.c.start, table.c.end).where(table.c.article_id == article_id, table.c.id > last))}
            ids = [by_span[(v["start"], v["end"])] for v in values]
        else:
            stmt = insert(table).returning(table.c.id, sort_by_parameter_order=True)
            ids = s.execute(stmt, values).scalars().all()
        del values
        links: list[dict] = []
        numbers: list[dict] = []
        for claim_id, claim in zip(ids, claims):
            seen: set[tuple[str, int]] = set()
            for role, mentions in (("source", claim.sources), ("relay", claim.relayed_by)):
                for m in mentions:
                    source_id = sources.id_for(m)
                    if (role, source_id) in seen:
                        continue
                    seen.add((role, source_id))
                    links.append({"claim_id": claim_id, "source_id": source_id, "role": role, "mention": m.mention,
                                  "start": m.span[0] if m.span else None, "end": m.span[1] if m.span else None})
            for num in claim.numbers:
                numbers.append({"claim_id": claim_id, "text": _clip(num.text, 200), "start": num.span[0],
                                "end": num.span[1], "value": num.value, "low": num.low, "high": num.high,
                                "unit": _clip(num.unit, 40), "approximate": num.approximate, "bound": num.bound})
        if links:
            s.execute(insert(ClaimSourceRow.__table__), links)
        if numbers:
            s.execute(insert(NumberRow.__table__), numbers)

    def claim_ids(self, article_ids: Iterable[int], *, unchecked: bool = False) -> list[int]:
        """The IDs of the stored claims of these articles, and with ``unchecked`` those of every
        claim no check has touched yet (stored with ``--no-check``)."""
        ids = sorted(set(article_ids))
        out: set[int] = set()
        with self.session() as s:
            for i in range(0, len(ids), 500):
                out.update(s.scalars(select(ClaimRow.id).where(ClaimRow.article_id.in_(ids[i : i + 500]))))
            if unchecked:
                out.update(s.scalars(select(ClaimRow.id).where(UNCHECKED)))
        return sorted(out)


# -- helpers ---------------------------------------------------------------------------------------


def _claim_values(article_id: int, text: str, claim: Claim, now: Any) -> dict:
    start, end = claim.span
    return {
        "article_id": article_id, "text": claim.text, "start": start, "end": end,
        "fragments": [list(f) for f in claim.fragments],
        "prefix": text[max(0, start - CONTEXT_CHARS) : max(0, start)], "suffix": text[end : end + CONTEXT_CHARS],
        "attribution": claim.attribution, "polarity": claim.polarity,
        "cue_text": _clip(claim.cue.text, 200) if claim.cue else None,
        "cue_start": claim.cue.span[0] if claim.cue else None, "cue_end": claim.cue.span[1] if claim.cue else None,
        "status": "unverified", "flags": [], "created_at": now,
    }


def _merge_same_span(claims: list[Claim]) -> list[Claim]:
    """One claim per span (the schema's key): sources of a repeated span are merged into the first."""
    by_span: dict[tuple[int, int], Claim] = {}
    for c in claims:
        key = (c.span[0], c.span[1])
        first = by_span.get(key)
        if first is None:
            by_span[key] = c
        else:
            by_span[key] = first.model_copy(
                update={
                    "sources": first.sources + c.sources,
                    "relayed_by": first.relayed_by + c.relayed_by,
                    "numbers": first.numbers or c.numbers,
                }
            )
    return list(by_span.values())


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Open the store at ``url`` (``--db``, ``$VERIFY_DATABASE_URL``, else the embedded SQLite file).

    A database that is not yet at the newest schema is upgraded first unless ``upgrade`` is False.
    Raises ``StoreError`` with one clear line when the database cannot be opened.
    """
    engine = make_engine(url)
    try:
        check_connection(engine)
        if upgrade and current_revision(engine) != head_revision():
            migrate(engine, "head")
    except BaseException:
        engine.dispose()
        raise
    store = Store(engine)
    if upgrade:
        try:
            store.refresh_sources()
        except SQLAlchemyError:
            pass  # a read-only database still opens for reading; its copies wait for a writable open
    return store


__all__ = ["IngestResult", "Store", "open_store"]
