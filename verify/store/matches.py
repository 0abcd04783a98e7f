"""Stored matches between claims of different articles, and the candidate index that finds them.

``match_articles(store, article_ids)`` matches each article's claims against the claims of every
other stored article: candidates come from the ``claim_terms`` index (claims sharing any of a
claim's rarer content words or figures, those sharing the most first), never from all pairs; each
candidate is scored by :mod:`verify.match`, and each claim keeps its best match in each other
article. Then the article's
own claims are filed in the index, so an article is matched once, against what came before it,
and an article stored later is matched against it.

A match is stored once per pair (lower claim id first) with its score, reason, drift flags and
whether one copies the other's wording; a reviewer confirms or rejects it (``set_match_state``).
"""

from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy import insert as insert_rows
from sqlalchemy import text as sql
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import SQLAlchemyError

from ..cycles import no_cycle_collection
from ..errors import InputError, NotFound, StoreError
from ..models import MatchView
from ..registry import Registry
from .records import valid_id, write_scope
from .tables import ArticleRow, ClaimRow, ClaimSourceRow, EventRow, MatchRow, NumberRow, SourceRow, TermCountRow, TermRow

if TYPE_CHECKING:
    from ..match import MatchClaim

STATES = ("proposed", "confirmed", "rejected")
CHUNK = 900  # ids per IN (...): under SQLite's bound-parameter limit
# the claims of other articles scored against each new claim, those sharing the rarest terms first;
# a claim carried by more outlets than this keeps its best CANDIDATES matches
CANDIDATES = 30
MATCH_LOCK = 0x76657269  # the PostgreSQL advisory lock key matching holds while it matches an article


@dataclass
class MatchSummary:
    """What one :func:`match_articles` did."""

    articles: int = 0  # articles matched (an article already in the index is not matched again)
    found: int = 0  # new matches stored
    touched: set[int] = field(default_factory=set)  # claims of earlier articles that gained a match


def match_articles(store: Any, article_ids: Iterable[int], registry: Registry | None = None) -> MatchSummary:
    """Match each of these articles (in id order) against the other stored articles, then index it."""
    # matching is loaded where matches are found, not where stored ones are read (a report)
    from ..match import drift, rewrite

    reg = registry if registry is not None else store.registry()
    out = MatchSummary()
    for article_id in sorted(set(article_ids)):
        try:
            with no_cycle_collection(), write_scope(store) as s:
                if s.get_bind().dialect.name == "postgresql":
                    # one article matched at a time, so that two ingests at once still meet each
                    # other's claims (SQLite's write lock, taken up front, does the same)
                    s.execute(sql("SELECT pg_advisory_xact_lock(:key)"), {"key": MATCH_LOCK})
                if s.scalar(select(TermRow.id).where(TermRow.article_id == article_id).limit(1)) is not None:
                    continue
                mine = _load(s, reg, list(s.scalars(select(ClaimRow.id).where(ClaimRow.article_id == article_id))))
                if not mine:
                    continue
                out.articles += 1
                found = _find(s, reg, article_id, mine)
                now = datetime.now(timezone.utc)
                for m, other, hit in found:
                    (a, b) = (m, other) if m.claim_id < other.claim_id else (other, m)
                    da, db = drift(a, b)
                    s.add(MatchRow(claim_a=a.claim_id, claim_b=b.claim_id, score=hit.score, reason=hit.reason,
                                   state="proposed", drift_a=list(da), drift_b=list(db),
                                   rewrite=rewrite(a, b), found_at=now))
                    out.touched.add(other.claim_id)
                out.found += len(found)
                _file(s, article_id, mine)
        except SQLAlchemyError as e:
            raise StoreError(f"cannot store the matches of article {article_id}: {str(e).splitlines()[0]}") from None
    return out


def _find(s: Any, reg: Registry, article_id: int, mine: list[MatchClaim]) -> list[tuple]:
    """(claim, other claim, Match) for each claim's best match in each other article."""
    from ..match import match
    from ..match.index import MAX_POSTINGS

    wanted: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mine):
        for t in m.terms:
            wanted[t].append(i)
    df = _postings(s, sorted(wanted))
    # a term's weight: how rare it is among the stored claims, this article's included (inverse
    # document frequency), so that a term both claims share weighs as much as one only one has
    total = (s.scalar(select(func.count()).select_from(ClaimRow)) or 0) + 1
    own = {t: len(js) for t, js in wanted.items()}
    weights: dict[str, float] = {}

    def weight(term: str) -> float:
        w = weights.get(term)
        if w is None:
            w = weights[term] = math.log(total / (1 + df.get(term, 0) + own.get(term, 0))) + 1.0
        return w

    rare = sorted(t for t, n in df.items() if 0 < n <= MAX_POSTINGS)
    overlap: defaultdict = defaultdict(float)
    for i in range(0, len(rare), CHUNK):
        for term, cid in s.execute(select(TermRow.term, TermRow.claim_id)
                                   .where(TermRow.term.in_(rare[i : i + CHUNK]), TermRow.article_id != article_id)):
            w = weight(term)
            for j in wanted[term]:
                overlap[(j, cid)] += w
    # each claim's CANDIDATES candidates that share the most weight of rare terms with it go on to
    # be scored on all their terms
    ranked: dict[int, list[tuple[float, int]]] = defaultdict(list)
    for (j, cid), w in overlap.items():
        ranked[j].append((w, cid))
    pairs = [(j, cid) for j, found in ranked.items() for _w, cid in heapq.nlargest(CANDIDATES, found)]
    others = {c.claim_id: c for c in _load(s, reg, sorted({cid for _, cid in pairs}))}
    df.update(_postings(s, sorted({t for c in others.values() for t in c.terms} - df.keys())))
    weights.clear()  # the candidates' own terms are counted now

    best: dict[tuple[int, Any], tuple] = {}
    for j, cid in pairs:
        other = others.get(cid)
        if other is None:
            continue
        hit = match(mine[j], other, weight)
        if hit is None:
            continue
        key = (j, other.article)
        if key not in best or hit.score > best[key][2].score:
            best[key] = (mine[j], other, hit)
    return sorted(best.values(), key=lambda t: (-t[2].score, t[0].claim_id, t[1].claim_id))


def _file(s: Any, article_id: int, mine: list[MatchClaim]) -> None:
    """File an article's claims in the index under their terms, and count them in."""
    # Core inserts in batches: no ORM object per row (a huge article files hundreds of thousands)
    terms: list[dict] = []
    for m in mine:
        terms.extend({"term": t, "claim_id": m.claim_id, "article_id": article_id} for t in sorted(m.terms))
        if len(terms) >= 5000:
            s.execute(insert_rows(TermRow.__table__), terms)
            terms = []
    if terms:
        s.execute(insert_rows(TermRow.__table__), terms)
    counts = Counter(t for m in mine for t in m.terms)
    insert = pg_insert if s.get_bind().dialect.name == "postgresql" else sqlite_insert
    rows = [{"term": t, "claims": n} for t, n in sorted(counts.items())]
    for i in range(0, len(rows), CHUNK):
        stmt = insert(TermCountRow).values(rows[i : i + CHUNK])
        s.execute(stmt.on_conflict_do_update(index_elements=[TermCountRow.term],
                                             set_={"claims": TermCountRow.claims + stmt.excluded.claims}))


def _postings(s: Any, terms: list[str]) -> dict[str, int]:
    """How many indexed claims each term is filed under."""
    out: dict[str, int] = {}
    for i in range(0, len(terms), CHUNK):
        out.update(s.execute(select(TermCountRow.term, TermCountRow.claims)
                             .where(TermCountRow.term.in_(terms[i : i + CHUNK]))).all())
    return out


def _load(s: Any, reg: Registry, ids: list[int]) -> list[MatchClaim]:
    """Stored claims as matching sees them, a few queries per CHUNK ids."""
    from ..match import MatchClaim

    out = []
    for i in range(0, len(ids), CHUNK):
        chunk = ids[i : i + CHUNK]
        srcs: dict[int, list] = defaultdict(list)
        relays: dict[int, list] = defaultdict(list)
        for cid, role, canonical, kind in s.execute(
            select(ClaimSourceRow.claim_id, ClaimSourceRow.role, SourceRow.canonical, SourceRow.kind)
            .join(SourceRow, SourceRow.id == ClaimSourceRow.source_id)
            .where(ClaimSourceRow.claim_id.in_(chunk)).order_by(ClaimSourceRow.id)
        ):
            (relays if role == "relay" else srcs)[cid].append(SimpleNamespace(canonical=canonical, kind=kind))
        nums: dict[int, list] = defaultdict(list)
        for row in s.execute(
            select(NumberRow.claim_id, NumberRow.text, NumberRow.value, NumberRow.low, NumberRow.high,
                   NumberRow.unit, NumberRow.approximate, NumberRow.bound)
            .where(NumberRow.claim_id.in_(chunk)).order_by(NumberRow.start)
        ):
            nums[row[0]].append(SimpleNamespace(text=row[1], value=row[2], low=row[3], high=row[4], unit=row[5],
                                                approximate=bool(row[6]), bound=row[7] or "exact"))
        for cid, article_id, text, attribution, cue, outlet, published in s.execute(
            select(ClaimRow.id, ClaimRow.article_id, ClaimRow.text, ClaimRow.attribution, ClaimRow.cue_text,
                   ArticleRow.outlet, ArticleRow.published)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimRow.id.in_(chunk)).order_by(ClaimRow.id)
        ):
            claim = SimpleNamespace(
                text=text, attribution=attribution, cue=SimpleNamespace(text=cue) if cue else None,
                sources=srcs.get(cid, []), relayed_by=relays.get(cid, []), numbers=nums.get(cid, []),
            )
            # earlier = published earlier, else stored earlier
            order = (str(published) if published else "9999", article_id)
            out.append(MatchClaim.from_claim(claim, article_id, cid, registry=reg, outlet=outlet, order=order))
    return out


def unmatched_articles(db: Any, among: Iterable[int] | None = None) -> list[int]:
    """Stored articles with claims that matching has not filed in its index yet (of ``among`` only,
    where given: a few lookups instead of reading the whole index)."""
    with write_scope(db) as s:
        if among is not None:
            return [a for a in sorted(set(among))
                    if s.scalar(select(ClaimRow.id).where(ClaimRow.article_id == a).limit(1)) is not None
                    and s.scalar(select(TermRow.id).where(TermRow.article_id == a).limit(1)) is None]
        indexed = select(TermRow.article_id).distinct()
        return list(s.scalars(select(ClaimRow.article_id).distinct()
                              .where(ClaimRow.article_id.not_in(indexed)).order_by(ClaimRow.article_id)))


def matches_of(db: Any, claim_id: int) -> list[MatchView]:
    """Every match of a claim, seen from it, best first (as :class:`ClaimRecord` carries them)."""
    from .records import get_claim

    return get_claim(db, claim_id).matches


def set_match_state(db: Any, a: int, b: int, state: str, *, reviewer: str, note: str | None = None) -> MatchView:
    """Confirm or reject the match of claims ``a`` and ``b`` (or set it back to proposed); the match
    as seen from ``a``. Each claim's history gets an event saying who, when and why."""
    if state not in STATES:
        raise InputError(f"unknown match state {state!r}; one of: {', '.join(STATES)}")
    for cid in (a, b):
        if not valid_id(cid):
            raise NotFound(f"no claim with ID {cid}")
    if not reviewer or not reviewer.strip():
        raise InputError("reviewing a match needs a reviewer name")
    lo, hi = sorted((a, b))
    try:
        with write_scope(db) as s:
            row = s.scalar(select(MatchRow).where(MatchRow.claim_a == lo, MatchRow.claim_b == hi))
            if row is None:
                raise NotFound(f"claims {a} and {b} are not matched")
            now = datetime.now(timezone.utc)
            if row.state != state:
                for me, other in ((a, b), (b, a)):
                    s.add(EventRow(claim_id=me, reviewer=reviewer.strip(), at=now, action="match",
                                   note=f"match with claim {other} {state}" + (f": {note}" if note else "")))
            row.state, row.reviewer, row.reviewed_at, row.note = state, reviewer.strip(), now, note
    except SQLAlchemyError as e:
        raise StoreError(f"cannot store the match: {str(e).splitlines()[0]}") from None
    return next(m for m in matches_of(db, a) if m.other == b)


@dataclass(frozen=True)
class MatchPair:
    """A stored match with both claims, for reports: ``a`` is the lower claim ID."""

    a: int
    article_a: int
    text_a: str
    drift_a: tuple[str, ...]
    b: int
    article_b: int
    text_b: str
    drift_b: tuple[str, ...]
    score: float
    reason: str
    state: str
    rewrite: bool
    polarity_a: str = "asserted"  # denied: that claim's source denies what it states
    polarity_b: str = "asserted"


def match_pairs(db: Any, claim_ids: set[int] | None = None, state: str | None = None) -> list[MatchPair]:
    """Every match not rejected (or every match in ``state``), best first; with ``claim_ids`` only
    those with a claim among them."""
    if state is not None and state not in STATES:
        raise InputError(f"unknown match state {state!r}; one of: {', '.join(STATES)}")
    from sqlalchemy.orm import aliased

    from .tables import decode_flags

    ca, cb = aliased(ClaimRow), aliased(ClaimRow)
    with write_scope(db) as s:
        rows = s.execute(
            select(MatchRow.claim_a, ca.article_id, ca.text, MatchRow.drift_a, MatchRow.claim_b, cb.article_id,
                   cb.text, MatchRow.drift_b, MatchRow.score, MatchRow.reason, MatchRow.state, MatchRow.rewrite,
                   ca.polarity, cb.polarity)
            .join(ca, ca.id == MatchRow.claim_a).join(cb, cb.id == MatchRow.claim_b)
            .where(MatchRow.state == state if state is not None else MatchRow.state != "rejected")
            .order_by(MatchRow.score.desc(), MatchRow.claim_a, MatchRow.claim_b)
        ).all()
    return [
        MatchPair(a, art_a, text_a, decode_flags(d_a), b, art_b, text_b, decode_flags(d_b), score, reason, state,
                  bool(rewrite), pol_a, pol_b)
        for a, art_a, text_a, d_a, b, art_b, text_b, d_b, score, reason, state, rewrite, pol_a, pol_b in rows
        if claim_ids is None or a in claim_ids or b in claim_ids
    ]
