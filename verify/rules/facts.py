"""What rules see of a claim: plain facts, made from the pages the store reads (``verify.store.facts``).

Claims are read by keyset pages of ``BATCH`` ids, each page with its sources, numbers, evidence and
links aggregated in one query per table, so memory holds one page whatever the number of claims.

Independence (for corroboration counts): each source counts under its top-level affiliation
(``Registry.independence_key``: the White House and the Pentagon are both the Government of the United
States). Vague sources ("reports say") count for nothing. A relayed claim counts its relaying source,
not the original, because the original cannot be heard except through the relay. An unattributed
claim counts its outlet (the article, where the outlet is unknown). An unnamed source that no
registry entry ties to a body counts as someone of its own article only. A corroborating link adds
the linked claim's sources, counted the same way, and so does a match found across articles unless
a reviewer rejected it, one claim copies the other's wording, their figures disagree, or one of the two
is a denial of what the other states.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timezone

from ..registry import Registry, normalise, unnamed_key
from ..store.facts import ClaimPage, FactReader

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
    polarity: str = "asserted"  # "denied": the source denies what the text states

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


def iter_facts(reader: FactReader, index: SourceIndex, batch: int = BATCH,
               only: list[int] | None = None) -> Iterator[list[Fact]]:
    """Every stored claim's facts (or those of the claims ``only`` lists), one page at a time, in id order.

    ``reader`` is the store's (a check's ``CheckRun``).
    """
    for page in reader.pages(batch, only):
        facts = _page(reader, index, page)
        del page  # the page's rows are not held while the caller works on its facts
        yield facts


def _page(reader: FactReader, index: SourceIndex, page: ClaimPage) -> list[Fact]:
    """The facts of one page of claims."""
    srcs, relays, evidence = page.sources, page.relays, page.evidence
    numbers = {cid: tuple([NumberFact(*n) for n in nums]) for cid, nums in page.numbers.items()}

    # links in both directions, with the other claim's sources (or its outlet where it has none)
    corro: dict[int, set[int]] = defaultdict(set)
    contra: dict[int, set[int]] = defaultdict(set)
    for me, other, relation in page.links:
        (corro if relation == "corroborates" else contra)[me].add(other)
    # matches found across articles: a match adds the other claim's sources, as a corroborating link
    # does, unless a reviewer rejected it (the store leaves those out), one copies the other's wording
    # or their figures disagree
    matched: dict[int, int] = defaultdict(int)
    drifts: dict[int, set[str]] = defaultdict(set)
    backing: dict[int, set[int]] = defaultdict(set)
    polarity = {c[0]: c[15] for c in page.claims} if page.matches else {}
    for me, other, flags, copied, other_polarity in page.matches:
        matched[me] += 1
        drifts[me].update(flags)
        # a claim denied in one article and stated in another: the two oppose, neither backs the other
        if not copied and "number-conflict" not in flags and other_polarity == polarity[me]:
            backing[me].add(other)
    linked_keys: dict[int, frozenset[str]] = {}
    if corro or backing:
        others = sorted({o for s in (*corro.values(), *backing.values()) for o in s})
        linked_keys = _keys_of_claims(reader, index, others)

    summary = index.summary
    sets = index._sets
    nothing = summary(())
    stems = _stems
    facts = []
    append = facts.append
    for (cid, text, attribution, cue, outlet, article_id, published, created, review, status, rule_status, _raw,
         reliability, credibility, needs, polarity), flags in zip(page.claims, page.flags):
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
        append(Fact(
            cid, text, attribution, cue, (stems.get(cue) or stem(cue)) if cue else None, outlet, article_id,
            published, created, review, s, r, ss, rs, numbers.get(cid, ()), evidence.get(cid, 0),
            len(linked) if linked else 0, len(contras) if contras else 0, keys,
            (status, rule_status, flags, reliability, credibility, needs),
            matched.get(cid, 0), frozenset(drifts[cid]) if cid in drifts else frozenset(), polarity,
        ))
    return facts


def _keys_of_claims(reader: FactReader, index: SourceIndex, ids: list[int]) -> dict[int, frozenset[str]]:
    out: dict[int, frozenset[str]] = {}
    for cid, sids, rids, article_id, outlet in reader.claim_sources(ids):
        s, ss = index.summary(sids)
        _r, rs = index.summary(rids)
        out[cid] = _own_keys(ss, rs, bool(s), outlet, article_id)
    return out


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
    polarity: str = "asserted",
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
        contradicting, keys, ("unverified", None, (), None, None, None), matched, frozenset(drift), polarity,
    )
