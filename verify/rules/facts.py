"""What rules see of a claim: plain facts, loaded from the store in batches.

Claims are read by keyset pages of ``BATCH`` ids, each page with its sources, numbers, evidence and
links aggregated in one query per table, so memory holds one page whatever the number of claims.

Independence (for corroboration counts): each source counts under its top-level affiliation
(``Registry.independence_key``: the White House and the Pentagon are both the Government of the United
States). Vague sources ("reports say") count for nothing. A relayed claim counts its relaying source,
not the original, because the original cannot be heard except through the relay. An unattributed
claim counts its outlet (the article, where the outlet is unknown). A corroborating link adds the
linked claim's sources, counted the same way.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import func, select, union_all
from sqlalchemy.engine import Connection

from ..models import Source
from ..registry import Registry, normalise
from ..store.tables import (
    AliasRow,
    ArticleRow,
    ClaimRow,
    ClaimSourceRow,
    EventRow,
    LinkRow,
    NumberRow,
    SourceRow,
)

BATCH = 5000


@dataclass(frozen=True, slots=True)
class SourceFact:
    id: int
    canonical: str
    kind: str
    chain: tuple[str, ...]  # itself, its affiliation, that one's affiliation ...
    tags: frozenset[str]  # its own and those inherited from its affiliations
    key: str  # independence key: the top of the chain
    reliability: str | None


@dataclass(frozen=True, slots=True)
class NumberFact:
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    approximate: bool
    bound: str

    @property
    def estimate(self) -> bool:
        return self.approximate or self.bound not in ("exact",)

    @property
    def largest(self) -> float | None:
        vals = [v for v in (self.value, self.low, self.high) if v is not None]
        return max(vals) if vals else None


@dataclass(slots=True)
class Fact:
    """One claim as rules see it. Plug-in predicates receive these."""

    id: int
    text: str
    attribution: str
    cue: str | None
    cue_stem: str | None
    outlet: str | None
    article_id: int
    published: date | None
    created: datetime | None
    review_status: str | None
    sources: tuple[SourceFact, ...]
    relays: tuple[SourceFact, ...]
    numbers: tuple[NumberFact, ...]
    evidence: int  # events with an evidence URL
    corroborating: int  # corroborating links
    contradicting: int  # contradicting links
    independent: frozenset[str]  # independence keys: own sources plus linked claims' sources
    # what is stored now, so an unchanged claim is not rewritten
    stored: tuple

    def age_days(self, today: date) -> int | None:
        when = self.published or (self.created.date() if self.created else None)
        return (today - when).days if when else None


_SUFFIX = re.compile(r"(?:ly)?(?:ing|ed|es|s|d)?$")


def stem(word: str) -> str:
    """A cue's word form, so that "alleged", "alleges" and "allegedly" all read as one."""
    out = []
    for w in normalise(word).split():
        s = _SUFFIX.sub("", w) if len(w) > 4 else w
        out.append(s if len(s) >= 3 else w)
    return " ".join(out)


class SourceIndex:
    """Every stored source with its chain, tags and independence key, computed once per check."""

    def __init__(self, registry: Registry, rows: list[tuple]) -> None:
        self.registry = registry
        self.by_id: dict[int, SourceFact] = {}
        for sid, canonical, kind, _aff, _tags, reliability in rows:
            self.by_id[sid] = SourceFact(
                id=sid,
                canonical=canonical,
                kind=kind,
                chain=tuple(registry.affiliation_chain(canonical)),
                tags=frozenset(registry.tags(canonical)),
                key=registry.independence_key(canonical),
                reliability=reliability,
            )


def load_registry(conn: Connection, base: Registry | None = None) -> tuple[Registry, list[tuple]]:
    """The starter registry overlaid with what the store holds (its sources and aliases win)."""
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
            continue  # a row the model refuses (unknown kind) still gets a SourceFact below
    return reg, [tuple(r) for r in rows]


def _own_keys(sources: tuple[SourceFact, ...], relays: tuple[SourceFact, ...], outlet: str | None,
              article_id: int) -> set[str]:
    if relays:
        return {s.key for s in relays if s.kind != "vague"}
    keys = {s.key for s in sources if s.kind != "vague"}
    if not sources:
        keys.add(f"outlet:{normalise(outlet)}" if outlet else f"article:{article_id}")
    return keys


def iter_facts(conn: Connection, index: SourceIndex, batch: int = BATCH) -> Iterator[list[Fact]]:
    """Every stored claim's facts, one page at a time, in id order."""
    last = 0
    while True:
        rows = conn.execute(
            select(
                ClaimRow.id, ClaimRow.text, ClaimRow.attribution, ClaimRow.cue_text, ArticleRow.outlet,
                ClaimRow.article_id, ArticleRow.published, ClaimRow.created_at, ClaimRow.review_status,
                ClaimRow.status, ClaimRow.rule_status, ClaimRow.flags, ClaimRow.reliability,
                ClaimRow.credibility, ClaimRow.needs_review,
            )
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimRow.id > last)
            .order_by(ClaimRow.id)
            .limit(batch)
        ).all()
        if not rows:
            return
        lo, hi = rows[0][0], rows[-1][0]
        last = hi
        yield _page(conn, index, rows, lo, hi)


def _page(conn: Connection, index: SourceIndex, rows: list, lo: int, hi: int) -> list[Fact]:
    by_id = index.by_id
    srcs: dict[int, list[SourceFact]] = defaultdict(list)
    relays: dict[int, list[SourceFact]] = defaultdict(list)
    for cid, sid, role in conn.execute(
        select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role)
        .where(ClaimSourceRow.claim_id.between(lo, hi))
        .order_by(ClaimSourceRow.id)
    ):
        s = by_id.get(sid)
        if s is not None:
            (relays if role == "relay" else srcs)[cid].append(s)

    numbers: dict[int, list[NumberFact]] = defaultdict(list)
    for cid, value, low, high, unit, approx, bound in conn.execute(
        select(
            NumberRow.claim_id, NumberRow.value, NumberRow.low, NumberRow.high, NumberRow.unit,
            NumberRow.approximate, NumberRow.bound,
        ).where(NumberRow.claim_id.between(lo, hi))
    ):
        numbers[cid].append(NumberFact(value, low, high, unit, bool(approx), bound or "exact"))

    evidence = dict(
        conn.execute(
            select(EventRow.claim_id, func.count())
            .where(EventRow.claim_id.between(lo, hi), EventRow.evidence_url.is_not(None))
            .group_by(EventRow.claim_id)
        ).all()
    )

    # links in both directions, with the other claim's sources (or its outlet where it has none)
    corro: dict[int, set[int]] = defaultdict(set)
    contra: dict[int, set[int]] = defaultdict(set)
    a_side = select(LinkRow.claim_a.label("me"), LinkRow.claim_b.label("other"), LinkRow.relation).where(
        LinkRow.claim_a.between(lo, hi)
    )
    b_side = select(LinkRow.claim_b.label("me"), LinkRow.claim_a.label("other"), LinkRow.relation).where(
        LinkRow.claim_b.between(lo, hi)
    )
    for me, other, relation in conn.execute(union_all(a_side, b_side)):
        (corro if relation == "corroborates" else contra)[me].add(other)
    linked_keys: dict[int, set[str]] = {}
    if corro:
        others = sorted({o for s in corro.values() for o in s})
        linked_keys = _keys_of_claims(conn, index, others)

    facts = []
    for (cid, text, attribution, cue, outlet, article_id, published, created, review, status, rule_status,
         flags, reliability, credibility, needs) in rows:
        s = tuple(srcs.get(cid, ()))
        r = tuple(relays.get(cid, ()))
        keys = _own_keys(s, r, outlet, article_id)
        for other in corro.get(cid, ()):
            keys |= linked_keys.get(other, set())
        facts.append(
            Fact(
                id=cid, text=text, attribution=attribution, cue=cue, cue_stem=stem(cue) if cue else None,
                outlet=outlet, article_id=article_id, published=published, created=created,
                review_status=review, sources=s, relays=r, numbers=tuple(numbers.get(cid, ())),
                evidence=evidence.get(cid, 0), corroborating=len(corro.get(cid, ())),
                contradicting=len(contra.get(cid, ())), independent=frozenset(keys),
                stored=(status, rule_status, tuple(flags or ()), reliability, credibility, needs),
            )
        )
    return facts


def _keys_of_claims(conn: Connection, index: SourceIndex, ids: list[int]) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for i in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[i : i + 900]
        srcs: dict[int, list[SourceFact]] = defaultdict(list)
        relays: dict[int, list[SourceFact]] = defaultdict(list)
        for cid, sid, role in conn.execute(
            select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role).where(
                ClaimSourceRow.claim_id.in_(chunk)
            )
        ):
            s = index.by_id.get(sid)
            if s is not None:
                (relays if role == "relay" else srcs)[cid].append(s)
        for cid, article_id, outlet in conn.execute(
            select(ClaimRow.id, ClaimRow.article_id, ArticleRow.outlet)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimRow.id.in_(chunk))
        ):
            out[cid] = _own_keys(tuple(srcs.get(cid, ())), tuple(relays.get(cid, ())), outlet, article_id)
    return out


def today_utc() -> date:
    return datetime.now(timezone.utc).date()
