"""What rules see of a claim: plain facts, loaded from the store in batches.

Claims are read by keyset pages of ``BATCH`` ids, each page with its sources, numbers, evidence and
links aggregated in one query per table, so memory holds one page whatever the number of claims.

Independence (for corroboration counts): each source counts under its top-level affiliation
(``Registry.independence_key``: the White House and the Pentagon are both the Government of the United
States). Vague sources ("reports say") count for nothing. A relayed claim counts its relaying source,
not the original, because the original cannot be heard except through the relay. An unattributed
claim counts its outlet (the article, where the outlet is unknown). An unnamed source that no
registry entry ties to a body counts as someone of its own article only. A corroborating link adds
the linked claim's sources, counted the same way, and so does a match found across articles unless
a reviewer rejected it, one claim copies the other's wording, or their figures disagree.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

from sqlalchemy import String, Text, func, select, type_coerce, union_all
from sqlalchemy.engine import Connection

from ..models import Source
from ..registry import Registry, normalise, unnamed_key
from ..store.tables import (
    AliasRow,
    ArticleRow,
    ClaimRow,
    ClaimSourceRow,
    EventRow,
    LinkRow,
    MatchRow,
    NumberRow,
    SourceRow,
    _flag_memo,
    decode_flags as _flags,
)

BATCH = 5000
ONLY_CHUNK = 900  # IDs in one IN (...): under SQLite's bound-parameter limit


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
class SourceSet:
    """A claim's sources summarised once per distinct combination, so predicates are set look-ups."""

    names: frozenset[str]  # canonical names
    kinds: frozenset[str]
    tags: frozenset[str]
    chains: frozenset[str]  # every name in every source's affiliation chain
    keys: frozenset[str]  # independence keys of the sources that count (not vague)
    grade: str | None = None  # the newsroom's reliability grade (A-F) of its least reliable graded source
    # keys of unnamed sources no registry entry ties to a body: they stand for someone in one article
    local: frozenset[str] = frozenset()

    @classmethod
    def of(cls, sources: tuple[SourceFact, ...]) -> SourceSet:
        grades = [s.reliability for s in sources if s.reliability and s.reliability in "ABCDEF"]
        return cls(
            names=frozenset(s.canonical for s in sources),
            kinds=frozenset(s.kind for s in sources),
            tags=frozenset(t for s in sources for t in s.tags),
            chains=frozenset(n for s in sources for n in s.chain),
            keys=frozenset(s.key for s in sources if s.kind != "vague"),
            grade=max(grades) if grades else None,
            local=frozenset(s.key for s in sources if s.kind == "anonymous" and s.key == s.canonical),
        )


EMPTY = SourceSet(frozenset(), frozenset(), frozenset(), frozenset(), frozenset())


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
    published: date | str | None  # as stored: see age_days
    created: datetime | str | None
    review_status: str | None
    sources: tuple[SourceFact, ...]
    relays: tuple[SourceFact, ...]
    src: SourceSet  # the sources summarised (names, kinds, tags, chains, keys)
    rel: SourceSet  # the relaying sources summarised
    numbers: tuple[NumberFact, ...]
    evidence: int  # events with an evidence URL
    corroborating: int  # corroborating links
    contradicting: int  # contradicting links
    independent: frozenset[str]  # independence keys: own sources plus linked claims' sources
    # what is stored now, so an unchanged claim is not rewritten
    stored: tuple
    matched: int = 0  # claims of other articles that state the same thing (matches not rejected)
    drift: frozenset[str] = frozenset()  # drift flags from those matches (verify.match)

    def age_days(self, today: date) -> int | None:
        when = _day(self.published) or _day(self.created)
        return (today - when).days if when else None


def _day(value) -> date | None:
    """A date from a stored date or timestamp (read as text on SQLite, parsed only when a rule asks)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


_SUFFIX = re.compile(r"(?:ing|ed|es|s|d)$")


_stems: dict[str, str] = {}


def stem(word: str) -> str:
    """A cue's word form, so that "alleged", "alleges" and "allegedly" all read as one."""
    hit = _stems.get(word)
    if hit is not None:
        return hit
    if len(_stems) > 50_000:  # cues are a long tail; keep the memo bounded
        _stems.clear()
    out = []
    for w in normalise(word).split():
        if len(w) > 5 and w.endswith("ly"):
            w = w[:-2]
        s = _SUFFIX.sub("", w) if len(w) > 4 else w
        out.append(s if len(s) >= 3 else w)
    _stems[word] = result = " ".join(out)
    return result


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
                reliability=reliability or _graded(registry, canonical),
            )
        self._sets: dict[tuple[int, ...], tuple[tuple[SourceFact, ...], SourceSet]] = {(): ((), EMPTY)}

    def summary(self, ids: tuple[int, ...]) -> tuple[tuple[SourceFact, ...], SourceSet]:
        """The sources of these ids and their summary, computed once per distinct combination."""
        hit = self._sets.get(ids)
        if hit is None:
            if len(self._sets) > 100_000:
                self._sets = {(): ((), EMPTY)}
            facts = tuple(self.by_id[i] for i in ids if i in self.by_id)
            hit = self._sets[ids] = (facts, SourceSet.of(facts))
        return hit


def _graded(registry: Registry, canonical: str) -> str | None:
    src = registry.get(canonical)
    return src.reliability if src else None


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


def _own_keys(src: SourceSet, rel: SourceSet, has_sources: bool, outlet: str | None,
              article_id: int) -> frozenset[str]:
    if rel is not EMPTY:
        return _localised(rel, article_id)
    if has_sources:
        return _localised(src, article_id)
    return frozenset((f"outlet:{normalise(outlet)}" if outlet else f"article:{article_id}",))


def _localised(ss: SourceSet, article_id: int) -> frozenset[str]:
    if not ss.local:
        return ss.keys
    return (ss.keys - ss.local) | {unnamed_key(k, article_id) for k in ss.local}


def iter_facts(conn: Connection, index: SourceIndex, batch: int = BATCH,
               only: list[int] | None = None) -> Iterator[list[Fact]]:
    """Every stored claim's facts (or those of the claims ``only`` lists), one page at a time, in id order."""
    cols = (
        ClaimRow.id, ClaimRow.text, ClaimRow.attribution, ClaimRow.cue_text, ArticleRow.outlet,
        ClaimRow.article_id, type_coerce(ArticleRow.published, String),
        type_coerce(ClaimRow.created_at, String), ClaimRow.review_status,
        ClaimRow.status, ClaimRow.rule_status, type_coerce(ClaimRow.flags, Text), ClaimRow.reliability,
        ClaimRow.credibility, ClaimRow.needs_review,
    )
    if only is not None:
        # the wanted claims, read by their IDs in chunks: a few claims scattered over a large store
        # (those an ingest matched) cost a few queries, not one page each
        wanted = sorted(set(only))
        for i in range(0, len(wanted), ONLY_CHUNK):
            chunk = wanted[i : i + ONLY_CHUNK]
            rows = fetch_plain(
                conn,
                select(*cols).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
                .where(ClaimRow.id.in_(chunk)).order_by(ClaimRow.id),
            )
            if rows:
                yield _page(conn, index, rows, rows[0][0], rows[-1][0], [r[0] for r in rows])
        return
    last = 0
    while True:
        rows = fetch_plain(
            conn,
            select(*cols)
            .join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
            .where(ClaimRow.id > last)
            .order_by(ClaimRow.id)
            .limit(batch),
        )
        if not rows:
            return
        lo, hi = rows[0][0], rows[-1][0]
        last = hi
        yield _page(conn, index, rows, lo, hi)


def _page(conn: Connection, index: SourceIndex, rows: list, lo: int, hi: int,
          ids: list[int] | None = None) -> list[Fact]:
    """The facts of these claim rows, IDs ``lo`` to ``hi`` (or only ``ids``, where given)."""

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

    numbers: dict[int, list[NumberFact]] = defaultdict(list)
    for cid, value, low, high, unit, approx, bound in fetch_plain(
        conn,
        select(
            NumberRow.claim_id, NumberRow.value, NumberRow.low, NumberRow.high, NumberRow.unit,
            NumberRow.approximate, NumberRow.bound,
        ).where(mine(NumberRow.claim_id)),
    ):
        numbers[cid].append(NumberFact(value, low, high, unit, bool(approx), bound or "exact"))

    evidence = dict(
        conn.execute(
            select(EventRow.claim_id, func.count())
            .where(mine(EventRow.claim_id), EventRow.evidence_url.is_not(None))
            .group_by(EventRow.claim_id)
        ).all()
    )

    # links in both directions, with the other claim's sources (or its outlet where it has none)
    corro: dict[int, set[int]] = defaultdict(set)
    contra: dict[int, set[int]] = defaultdict(set)
    a_side = select(LinkRow.claim_a.label("me"), LinkRow.claim_b.label("other"), LinkRow.relation).where(
        mine(LinkRow.claim_a)
    )
    b_side = select(LinkRow.claim_b.label("me"), LinkRow.claim_a.label("other"), LinkRow.relation).where(
        mine(LinkRow.claim_b)
    )
    for me, other, relation in conn.execute(union_all(a_side, b_side)).all():
        (corro if relation == "corroborates" else contra)[me].add(other)
    # matches found across articles: a match adds the other claim's sources, as a corroborating link
    # does, unless a reviewer rejected it, one copies the other's wording or their figures disagree
    matched: dict[int, int] = defaultdict(int)
    drifts: dict[int, set[str]] = defaultdict(set)
    backing: dict[int, set[int]] = defaultdict(set)
    m_a = select(MatchRow.claim_a, MatchRow.claim_b, MatchRow.drift_a, MatchRow.state, MatchRow.rewrite).where(
        mine(MatchRow.claim_a), MatchRow.state != "rejected")
    m_b = select(MatchRow.claim_b, MatchRow.claim_a, MatchRow.drift_b, MatchRow.state, MatchRow.rewrite).where(
        mine(MatchRow.claim_b), MatchRow.state != "rejected")
    for me, other, mine, _state, copied in conn.execute(union_all(m_a, m_b)).all():
        matched[me] += 1
        flags = _flags(mine)
        drifts[me].update(flags)
        if not copied and "number-conflict" not in flags:
            backing[me].add(other)
    linked_keys: dict[int, frozenset[str]] = {}
    if corro or backing:
        others = sorted({o for s in (*corro.values(), *backing.values()) for o in s})
        linked_keys = _keys_of_claims(conn, index, others)

    summary = index.summary
    sets = index._sets
    nothing = summary(())
    stems, flag_memo = _stems, _flag_memo  # the decoder's own memo, read inline in this hot loop
    facts = []
    append = facts.append
    for (cid, text, attribution, cue, outlet, article_id, published, created, review, status, rule_status,
         flags, reliability, credibility, needs) in rows:
        sids = srcs.get(cid)
        if sids:
            key = tuple(sids)
            s, ss = sets.get(key) or summary(key)
            rids = relays.get(cid)
            r, rs = (sets.get(key := tuple(rids)) or summary(key)) if rids else nothing
            # inline of _own_keys for the common case: named sources, not relayed
            keys = rs.keys if rs is not EMPTY else ss.keys
            if (rs if rs is not EMPTY else ss).local:
                keys = _own_keys(ss, rs, True, outlet, article_id)
        else:
            s, ss = nothing
            rids = relays.get(cid)
            r, rs = summary(tuple(rids)) if rids else nothing
            keys = _own_keys(ss, rs, False, outlet, article_id)
        linked = corro.get(cid)
        if linked:
            keys = keys.union(*(linked_keys.get(o, ()) for o in linked))
        backed = backing.get(cid)
        if backed:
            keys = keys.union(*(linked_keys.get(o, ()) for o in backed))
        contras = contra.get(cid)
        nums = numbers.get(cid)
        append(Fact(
            cid, text, attribution, cue, (stems.get(cue) or stem(cue)) if cue else None, outlet, article_id,
            published, created, review, s, r, ss, rs, tuple(nums) if nums else (), evidence.get(cid, 0),
            len(linked) if linked else 0, len(contras) if contras else 0, keys,
            (status, rule_status, (flag_memo.get(flags) or _flags(flags)) if isinstance(flags, str) else _flags(flags),
             reliability, credibility, needs),
            matched.get(cid, 0), frozenset(drifts[cid]) if cid in drifts else frozenset(),
        ))
    return facts


def _keys_of_claims(conn: Connection, index: SourceIndex, ids: list[int]) -> dict[int, frozenset[str]]:
    out: dict[int, frozenset[str]] = {}
    for i in range(0, len(ids), 900):  # stay under SQLite's bound-parameter limit
        chunk = ids[i : i + 900]
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
            s, ss = index.summary(tuple(srcs.get(cid, ())))
            _r, rs = index.summary(tuple(relays.get(cid, ())))
            out[cid] = _own_keys(ss, rs, bool(s), outlet, article_id)
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




def today_utc() -> date:
    return datetime.now(timezone.utc).date()


def make_fact(
    *,
    sources: tuple[str, ...] = (),
    relays: tuple[str, ...] = (),
    text: str = "",
    attribution: str | None = None,
    cue: str | None = None,
    outlet: str | None = None,
    published: date | None = None,
    numbers: tuple[NumberFact, ...] = (),
    review_status: str | None = None,
    evidence: int = 0,
    linked_sources: tuple[str, ...] = (),
    contradicting: int = 0,
    registry: Registry | None = None,
    claim_id: int = 1,
    matched: int = 0,
    drift: tuple[str, ...] = (),
) -> Fact:
    """A claim's facts without a database, for testing steps (plug-in authors' too).

    Sources are names or aliases the registry knows (or new names, taken as persons; a name starting
    with "anonymous" or "vague" gets that kind). ``linked_sources`` are the sources of claims linked
    as corroborating; ``matched`` and ``drift`` what matching across articles found.
    """
    reg = registry or Registry.starter()
    rows, ids = [], {}

    def sid(name: str) -> int:
        src = reg.resolve(name, fuzzy=False)
        canonical = src.canonical if src else name
        if canonical not in ids:
            kind = src.kind if src else next((k for k in ("anonymous", "vague") if name.startswith(k)), "person")
            ids[canonical] = len(ids) + 1
            rows.append((ids[canonical], canonical, kind, None, [], src.reliability if src else None))
        return ids[canonical]

    s_ids = tuple(sid(n) for n in sources)
    r_ids = tuple(sid(n) for n in relays)
    l_ids = tuple(sid(n) for n in linked_sources)
    index = SourceIndex(reg, rows)
    s, ss = index.summary(s_ids)
    r, rs = index.summary(r_ids)
    keys = _own_keys(ss, rs, bool(s), outlet, 0)
    if l_ids:
        keys = keys | index.summary(l_ids)[1].keys
    return Fact(
        claim_id, text, attribution or ("indirect" if sources else "unattributed"), cue, stem(cue) if cue else None,
        outlet, 0, published, None, review_status, s, r, ss, rs, numbers, evidence, 1 if l_ids else 0,
        contradicting, keys, ("unverified", None, (), None, None, None), matched, frozenset(drift),
    )
