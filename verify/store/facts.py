"""What the rules read of the stored claims, as plain values: ``FactReader`` on one connection.

A check reads every claim (or the claims it is given) in pages of ids, and each page's sources,
numbers, evidence, links and matches with one query per table, so memory holds one page whatever
the number of claims. ``verify.rules.facts`` makes the rules' facts of them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sqlalchemy import String, Text, func, select, type_coerce, union_all
from sqlalchemy.engine import Connection

from ..models import Source
from ..registry import Registry
from .tables import (
    AliasRow,
    ArticleRow,
    ClaimRow,
    ClaimSourceRow,
    EventRow,
    LinkRow,
    MatchRow,
    NumberRow,
    SourceRow,
    decode_flags,
)

ONLY_CHUNK = 900  # IDs in one IN (...): under SQLite's bound-parameter limit


@dataclass(slots=True)
class ClaimPage:
    """One page of claims, in id order, with what the rules need to know of each.

    Dates are as the driver gives them (SQLite: text), to be parsed only when a rule asks.
    """

    # the rows as the driver read them, not copied: (id, text, attribution, cue, outlet, article_id,
    # published, created, review_status, status, rule_status, flags as stored, reliability,
    # credibility, needs_review, polarity); the six before polarity are what a check writes
    claims: list[tuple]
    flags: list[tuple[str, ...]]  # each claim's flags, decoded, in the order of claims
    sources: dict[int, list[int]]  # claim -> its source ids, in stored order
    relays: dict[int, list[int]]  # claim -> the ids of the sources that relayed it
    numbers: dict[int, list[tuple]]  # claim -> (value, low, high, unit, approximate, bound) per figure
    evidence: dict[int, int]  # claim -> events with an evidence URL
    links: list[tuple[int, int, str]]  # (claim, other claim, relation), each link seen from both sides
    # (claim, other claim, the claim's drift flags, whether one copies the other, the other's polarity),
    # matches not rejected, seen from both sides
    matches: list[tuple[int, int, tuple[str, ...], bool, str]]


_FACT_COLS = (
    ClaimRow.id, ClaimRow.text, ClaimRow.attribution, ClaimRow.cue_text, ArticleRow.outlet,
    ClaimRow.article_id, type_coerce(ArticleRow.published, String),
    type_coerce(ClaimRow.created_at, String), ClaimRow.review_status,
    ClaimRow.status, ClaimRow.rule_status, type_coerce(ClaimRow.flags, Text), ClaimRow.reliability,
    ClaimRow.credibility, ClaimRow.needs_review, ClaimRow.polarity,
)


class FactReader:
    """The reads of a check, on one connection (a check's own transaction)."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn

    def rules_registry(self, base: Registry | None = None) -> tuple[Registry, list[tuple]]:
        """The registry the rules resolve names with: the starter registry (or ``base``) with every
        stored source merged in as ``Registry.add`` merges (unlike ``Store.registry``, where a source
        nobody edited follows the starter entry); and every stored source as (id, canonical, kind,
        affiliation, tags, reliability)."""
        conn = self.conn
        reg = base if base is not None else Registry.starter()
        rows = conn.execute(
            select(
                SourceRow.id, SourceRow.canonical, SourceRow.kind, SourceRow.affiliation, SourceRow.tags,
                SourceRow.reliability,
            )
        ).all()
        aliases: dict[int, list[str]] = defaultdict(list)
        for sid, alias in conn.execute(select(AliasRow.source_id, AliasRow.alias)):
            aliases[sid].append(alias)
        for sid, canonical, kind, aff, tags, reliability in rows:
            try:
                reg.add(
                    Source(
                        canonical=canonical, kind=kind, aliases=aliases.get(sid, []), affiliation=aff,
                        tags=list(tags or []), reliability=reliability,
                    )
                )
            except ValueError:
                continue  # a row the model refuses (unknown kind) still gets a SourceFact from the rules
        return reg, [tuple(r) for r in rows]

    def pages(self, batch: int, only: list[int] | None = None) -> Iterator[ClaimPage]:
        """Every stored claim (or those ``only`` lists), ``batch`` at a time, in id order."""
        conn = self.conn
        if only is not None:
            # the wanted claims, read by their IDs in chunks: a few claims scattered over a large store
            # (those an ingest matched) cost a few queries, not one page each
            wanted = sorted(set(only))
            for i in range(0, len(wanted), ONLY_CHUNK):
                chunk = wanted[i : i + ONLY_CHUNK]
                rows = fetch_plain(
                    conn,
                    select(*_FACT_COLS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                    .where(ClaimRow.id.in_(chunk)).order_by(ClaimRow.id),
                )
                if rows:
                    yield self._page(rows, rows[0][0], rows[-1][0], [r[0] for r in rows])
            return
        last = 0
        while True:
            rows = fetch_plain(
                conn,
                select(*_FACT_COLS)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ClaimRow.id > last)
                .order_by(ClaimRow.id)
                .limit(batch),
            )
            if not rows:
                return
            lo, hi = rows[0][0], rows[-1][0]
            last = hi
            page = self._page(rows, lo, hi)
            del rows  # held by the page only, so a caller that lets the page go frees them
            yield page
            del page

    def _page(self, rows: list, lo: int, hi: int, ids: list[int] | None = None) -> ClaimPage:
        """The page of these claim rows, IDs ``lo`` to ``hi`` (or only ``ids``, where given)."""
        conn = self.conn

        def mine(column):
            return column.in_(ids) if ids is not None else column.between(lo, hi)

        srcs: dict[int, list[int]] = defaultdict(list)
        relays: dict[int, list[int]] = defaultdict(list)
        for cid, sid, role in fetch_plain(
            conn,
            select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role)
            .where(mine(ClaimSourceRow.claim_id))
            .order_by(ClaimSourceRow.id),
        ):
            (relays if role == "relay" else srcs)[cid].append(sid)

        numbers: dict[int, list[tuple]] = defaultdict(list)
        for cid, value, low, high, unit, approx, bound in fetch_plain(
            conn,
            select(
                NumberRow.claim_id, NumberRow.value, NumberRow.low, NumberRow.high, NumberRow.unit,
                NumberRow.approximate, NumberRow.bound,
            ).where(mine(NumberRow.claim_id)),
        ):
            numbers[cid].append((value, low, high, unit, bool(approx), bound or "exact"))

        evidence = dict(
            conn.execute(
                select(EventRow.claim_id, func.count())
                .where(mine(EventRow.claim_id), EventRow.evidence_url.is_not(None))
                .group_by(EventRow.claim_id)
            ).all()
        )

        # links in both directions
        a_side = select(LinkRow.claim_a.label("me"), LinkRow.claim_b.label("other"), LinkRow.relation).where(
            mine(LinkRow.claim_a)
        )
        b_side = select(LinkRow.claim_b.label("me"), LinkRow.claim_a.label("other"), LinkRow.relation).where(
            mine(LinkRow.claim_b)
        )
        links = [tuple(r) for r in conn.execute(union_all(a_side, b_side)).all()]
        # matches found across articles, each side with its own drift flags; a rejected one counts for nothing
        m_a = select(MatchRow.claim_a, MatchRow.claim_b, MatchRow.drift_a, MatchRow.state, MatchRow.rewrite).where(
            mine(MatchRow.claim_a), MatchRow.state != "rejected")
        m_b = select(MatchRow.claim_b, MatchRow.claim_a, MatchRow.drift_b, MatchRow.state, MatchRow.rewrite).where(
            mine(MatchRow.claim_b), MatchRow.state != "rejected")
        found = conn.execute(union_all(m_a, m_b)).all()
        # the other side's polarity: a denial elsewhere of what a claim states does not back it
        others = sorted({other for _me, other, *_ in found})
        denied: set[int] = set()
        for i in range(0, len(others), ONLY_CHUNK):
            denied.update(conn.execute(select(ClaimRow.id).where(
                ClaimRow.id.in_(others[i : i + ONLY_CHUNK]), ClaimRow.polarity == "denied")).scalars())
        matches = [(me, other, decode_flags(drift), bool(copied), "denied" if other in denied else "asserted")
                   for me, other, drift, _state, copied in found]

        # the rows are handed on as read: a page of new tuples, one per claim, would cost a check over
        # 100,000 claims more in allocation and garbage collection than everything else it adds
        flags = [decode_flags(r[11]) for r in rows]
        return ClaimPage(rows, flags, srcs, relays, numbers, evidence, links, matches)

    def claim_sources(self, ids: list[int]) -> list[tuple[int, tuple[int, ...], tuple[int, ...], int, str | None]]:
        """For each of these claims: (id, its source ids, its relays' ids, its article, that article's outlet)."""
        conn = self.conn
        out = []
        for i in range(0, len(ids), ONLY_CHUNK):
            chunk = ids[i : i + ONLY_CHUNK]
            srcs: dict[int, list[int]] = defaultdict(list)
            relays: dict[int, list[int]] = defaultdict(list)
            for cid, sid, role in conn.execute(
                select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role)
                .where(ClaimSourceRow.claim_id.in_(chunk))
                .order_by(ClaimSourceRow.id)
            ):
                (relays if role == "relay" else srcs)[cid].append(sid)
            for cid, article_id, outlet in conn.execute(
                select(ClaimRow.id, ClaimRow.article_id, ArticleRow.outlet)
                .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ClaimRow.id.in_(chunk))
            ):
                out.append((cid, tuple(srcs.get(cid, ())), tuple(relays.get(cid, ())), article_id, outlet))
        return out


def fetch_plain(conn: Connection, stmt) -> list[tuple]:
    """Rows as the driver gives them (plain tuples): several times faster than Row objects for the
    hundreds of thousands of rows a check reads. Values are the driver's own (SQLite gives dates and
    JSON as text, booleans as 0/1); callers normalise them."""
    dialect = conn.dialect
    if dialect.name not in ("sqlite", "postgresql"):
        return [tuple(r) for r in conn.execute(stmt).all()]
    # IN (...) lists are spelled out: the raw cursor knows nothing of expanding parameters
    compiled = stmt.compile(dialect=dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    if compiled.positional:
        args = tuple(values[name] for name in compiled.positiontup)
    else:
        args = values
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(str(compiled), args)
        return cur.fetchall()
    finally:
        cur.close()
