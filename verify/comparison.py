"""Two articles side by side: which claims match, and what changed on the way from one to the other.

``compare_articles(a, b)`` takes two articles' claims (extracted from files, or stored: anything
with a claim's fields) and pairs each claim of ``b`` with the claim of ``a`` it matches best
(:mod:`verify.match`: candidates from the index, never all pairs). Each pair lists every difference
in source, attribution kind, polarity, cue and numbers, the drift flags (``a`` read as the earlier
article), and whether the two sources are independent; the articles' shared wording is measured as
a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, Field

from .match import MatchClaim, MatchIndex, articles_rewrite, drift, independent, match, rewrite
from .registry import Registry


class ComparedClaim(BaseModel):
    index: int  # 1-based position in its article
    text: str
    attribution: str
    polarity: str = "asserted"  # denied: the source denies what the text states
    cue: str | None = None
    sources: list[str] = Field(default_factory=list)
    numbers: list[str] = Field(default_factory=list)


class Pair(BaseModel):
    a: ComparedClaim
    b: ComparedClaim
    score: float
    reason: str
    drift_a: list[str] = Field(default_factory=list)  # drift flags of a's claim
    drift_b: list[str] = Field(default_factory=list)
    independent: bool  # different sources, governments and outlets, not a copy of each other
    rewrite: bool  # one repeats the other's wording
    differences: list[str] = Field(default_factory=list)


class Comparison(BaseModel):
    article_a: str
    article_b: str
    shared_wording: float  # the share of b's four-word runs found in a: near 1 for a rewrite
    pairs: list[Pair] = Field(default_factory=list)
    only_a: list[ComparedClaim] = Field(default_factory=list)
    only_b: list[ComparedClaim] = Field(default_factory=list)


def _view(i: int, c: Any) -> ComparedClaim:
    return ComparedClaim(
        index=i, text=c.text, attribution=c.attribution, polarity=c.polarity, cue=c.cue.text if c.cue else None,
        sources=[s.canonical for s in c.sources] + [f"via {s.canonical}" for s in c.relayed_by],
        numbers=[n.text for n in c.numbers],
    )


def differences(a: ComparedClaim, b: ComparedClaim) -> list[str]:
    """Each way the two claims differ in source, attribution kind, polarity (one source states what
    the other's denies), cue and numbers, in words."""
    out = []
    if a.sources != b.sources:
        out.append(f"source: {', '.join(a.sources) or 'none'} → {', '.join(b.sources) or 'none'}")
    if a.attribution != b.attribution:
        out.append(f"attribution: {a.attribution} → {b.attribution}")
    if a.polarity != b.polarity:
        out.append(f"polarity: {a.polarity} → {b.polarity}")
    if (a.cue or "").lower() != (b.cue or "").lower():
        out.append(f"cue: {a.cue or 'none'} → {b.cue or 'none'}")
    if a.numbers != b.numbers:
        out.append(f"numbers: {', '.join(a.numbers) or 'none'} → {', '.join(b.numbers) or 'none'}")
    return out


def compare_articles(claims_a: Sequence[Any], claims_b: Sequence[Any], *, name_a: str = "A", name_b: str = "B",
                     text_a: str = "", text_b: str = "", registry: Registry | None = None) -> Comparison:
    """The claims of ``b`` matched against those of ``a``, each claim of ``a`` used at most once."""
    ma = [MatchClaim.from_claim(c, name_a, i, registry=registry, order=(0,)) for i, c in enumerate(claims_a)]
    mb = [MatchClaim.from_claim(c, name_b, i, registry=registry, order=(1,)) for i, c in enumerate(claims_b)]
    index = MatchIndex()
    for m in ma:
        index.add(m.claim_id, "a", m.terms)
    scored = []
    for j, m in enumerate(mb):
        for i in index.candidates(m.terms, "b"):
            found = match(ma[i], m)
            if found is not None:
                scored.append((found.score, i, j, found))
    pairs: list[Pair] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _score, i, j, found in sorted(scored, key=lambda t: (-t[0], t[1], t[2])):
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        va, vb = _view(i + 1, claims_a[i]), _view(j + 1, claims_b[j])
        da, db = drift(ma[i], mb[j])
        pairs.append(Pair(
            a=va, b=vb, score=found.score, reason=found.reason, drift_a=list(da), drift_b=list(db),
            independent=independent(ma[i], mb[j]), rewrite=rewrite(ma[i], mb[j]), differences=differences(va, vb),
        ))
    pairs.sort(key=lambda p: p.b.index)
    return Comparison(
        article_a=name_a, article_b=name_b,
        shared_wording=round(articles_rewrite(text_a, text_b), 2) if text_a and text_b else 0.0,
        pairs=pairs,
        only_a=[_view(i + 1, c) for i, c in enumerate(claims_a) if i not in used_a],
        only_b=[_view(j + 1, c) for j, c in enumerate(claims_b) if j not in used_b],
    )


def compare_sides(a: Any, b: Any, *, store: Any = None, registry: Registry | None = None) -> Comparison:
    """Compare two articles, each a file path or (with ``store``) a stored article's ID."""
    reg = registry if registry is not None else (store.registry() if store is not None else Registry.starter())
    (claims_a, name_a, text_a), (claims_b, name_b, text_b) = (_side(x, store, reg) for x in (a, b))
    return compare_articles(claims_a, claims_b, name_a=name_a, name_b=name_b, text_a=text_a, text_b=text_b,
                            registry=reg)


def _side(x: Any, store: Any, reg: Registry) -> tuple[list, str, str]:
    from .errors import InputError, NotFound

    if isinstance(x, int) or (isinstance(x, str) and x.isdigit() and store is not None):
        if store is None:
            raise InputError(f"article {x}: comparing stored articles needs a store")
        from .store.records import list_claims
        from .store.tables import ArticleRow

        with store.session() as s:
            row = s.get(ArticleRow, int(x))
            if row is None:
                raise NotFound(f"no stored article with ID {x}")
            name, text = f"article {row.id}" + (f" ({row.title})" if row.title else ""), row.text
        return list(list_claims(store, article=int(x))), name, text
    from .articles import read_article
    from .extract import extract_claims

    loaded = read_article(x)
    return extract_claims(loaded.text, reg), str(x), loaded.text
