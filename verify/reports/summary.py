"""The figures every report format shows, computed in one pass over the stored claims.

What a claim *rests on* is the chain of sources a reader has to trust for it: the sources that relayed
it where it is second-hand (a captive's words reach us only through the service that holds him),
otherwise the sources it is attributed to.

- **one party to the conflict**: every source in that chain is tagged ``party-to-conflict`` (on
  itself or through its affiliation) and all of them speak for one side (one top-level affiliation);
- **anonymous or vague sources**: every source in that chain is of kind ``anonymous`` or ``vague``;
- **nobody**: the claim is the outlet's own assertion (``unattributed``) or has no source at all;
- **named sources, not one party alone**: every other claim: its chain names a source outside the
  conflict, or sources of more than one side.

Each claim counts in one row, so the rows add up to the claims; a claim resting on an anonymous
source of one side counts as anonymous.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..match.words import DRIFT_KINDS
from ..models import ATTRIBUTION_KINDS, STATUSES, ClaimRecord, SourceView
from .reviewed import needs_review_open

PARTY = "party-to-conflict"


def rests_on(rec: ClaimRecord) -> list[SourceView]:
    return list(rec.relayed_by) if rec.relayed_by else list(rec.sources)


def rests_on_nobody(rec: ClaimRecord) -> bool:
    return rec.attribution == "unattributed" or not rests_on(rec)


def rests_on_anonymous(rec: ClaimRecord) -> bool:
    chain = rests_on(rec)
    return bool(chain) and not rests_on_nobody(rec) and all(s.kind in ("anonymous", "vague") for s in chain)


def rests_on_one_party(rec: ClaimRecord, sides: dict[str, str]) -> bool:
    chain = rests_on(rec)
    if not chain or rests_on_nobody(rec):
        return False
    if not all(PARTY in s.tags for s in chain):
        return False
    return len({sides.get(s.canonical, s.affiliation or s.canonical) for s in chain}) == 1


@dataclass
class ArticleSummary:
    id: int
    title: str | None
    path: str | None
    url: str | None
    outlet: str | None
    published: date | None
    claims: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))

    @property
    def label(self) -> str:
        return self.title or self.path or f"article {self.id}"


@dataclass
class SourceSummary:
    canonical: str
    kind: str
    affiliation: str | None
    tags: list[str]
    reliability: str | None
    claims: int = 0
    relayed: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))


@dataclass
class Summary:
    claims: int = 0
    by_status: dict[str, int] = field(default_factory=lambda: dict.fromkeys(STATUSES, 0))
    by_attribution: dict[str, int] = field(default_factory=lambda: dict.fromkeys(ATTRIBUTION_KINDS, 0))
    one_party: int = 0
    anonymous_or_vague: int = 0
    nobody: int = 0
    beyond_one_party: int = 0
    needs_review: int = 0
    articles: dict[int, ArticleSummary] = field(default_factory=dict)
    sources: dict[str, SourceSummary] = field(default_factory=dict)
    ids: set[int] = field(default_factory=set)  # the claims summarised
    drift: dict[str, int] = field(default_factory=lambda: dict.fromkeys(DRIFT_KINDS, 0))
    _rests: dict[tuple[bool, str | tuple[str, ...]], tuple[bool, bool, bool]] = field(default_factory=dict, repr=False)
    _art: ArticleSummary | None = field(default=None, repr=False)  # the last claim's article

    def share(self, n: int) -> float:
        return n / self.claims if self.claims else 0.0

    def rests_on_rows(self) -> list[tuple[str, int]]:
        """What the claims rest on, as every report format labels it."""
        return [
            ("one party to the conflict", self.one_party),
            ("anonymous or vague sources", self.anonymous_or_vague),
            ("nobody (unattributed)", self.nobody),
            ("named sources, not one party alone", self.beyond_one_party),
        ]

    def sources_by_claims(self) -> list[SourceSummary]:
        return sorted(self.sources.values(), key=lambda s: (-(s.claims + s.relayed), s.canonical))

    def add(self, rec: ClaimRecord, sides: dict[str, str]) -> None:
        # written for speed (it runs once per claim of every report), with what it counts as above
        self.claims += 1
        self.ids.add(rec.id)
        status = rec.status
        flags = rec.flags
        if flags:
            drift = self.drift
            for f in flags:
                if f in drift:
                    drift[f] += 1
        by_status = self.by_status
        by_status[status] = by_status.get(status, 0) + 1
        self.by_attribution[rec.attribution] = self.by_attribution.get(rec.attribution, 0) + 1
        chain = rec.relayed_by or rec.sources
        # what a chain rests on depends only on its sources (each canonical name has one kind, tags
        # and side) and on whether the claim is unattributed: worked out once per distinct chain
        names = chain[0].canonical if len(chain) == 1 else tuple([v.canonical for v in chain])
        key = (rec.attribution == "unattributed", names)
        rests = self._rests.get(key)
        if rests is None:
            rests = self._rests[key] = (rests_on_nobody(rec), rests_on_anonymous(rec), rests_on_one_party(rec, sides))
        # each claim in one row, so the rows add up to the claims: an anonymous source of one side is
        # counted as anonymous, the graver of the two
        if rests[0]:
            self.nobody += 1
        elif rests[1]:
            self.anonymous_or_vague += 1
        elif rests[2]:
            self.one_party += 1
        else:
            self.beyond_one_party += 1
        if rec.needs_review and needs_review_open(rec):
            self.needs_review += 1
        art = self._art
        if art is None or art.id != rec.article_id:  # claims come an article at a time
            art = self.articles.get(rec.article_id)
            if art is None:
                art = self.articles[rec.article_id] = ArticleSummary(
                    rec.article_id, rec.article_title, rec.article_path, rec.article_url, rec.outlet, rec.published
                )
            self._art = art
        art.claims += 1
        art.by_status[status] = art.by_status.get(status, 0) + 1
        sources = self.sources
        views = rec.sources
        if views:
            # each source counted once per claim, however often it is named in it
            for v in (views if len(views) == 1 else _distinct(views)):
                s = sources.get(v.canonical)
                if s is None:
                    s = sources[v.canonical] = SourceSummary(v.canonical, v.kind, v.affiliation, list(v.tags), v.reliability)
                s.claims += 1
                s.by_status[status] = s.by_status.get(status, 0) + 1
        views = rec.relayed_by
        if views:
            for v in (views if len(views) == 1 else _distinct(views)):
                s = sources.get(v.canonical)
                if s is None:
                    s = sources[v.canonical] = SourceSummary(v.canonical, v.kind, v.affiliation, list(v.tags), v.reliability)
                s.relayed += 1

    def to_dict(self) -> dict[str, Any]:
        return {
            "claims": self.claims,
            "articles": len(self.articles),
            "by_status": dict(self.by_status),
            "by_attribution": dict(self.by_attribution),
            "rests_on": {
                "one_party": {"claims": self.one_party, "share": round(self.share(self.one_party), 4)},
                "anonymous_or_vague": {
                    "claims": self.anonymous_or_vague,
                    "share": round(self.share(self.anonymous_or_vague), 4),
                },
                "nobody": {"claims": self.nobody, "share": round(self.share(self.nobody), 4)},
                "beyond_one_party": {"claims": self.beyond_one_party, "share": round(self.share(self.beyond_one_party), 4)},
            },
            "needs_review": self.needs_review,
            "drift": dict(self.drift),
            "per_article": [
                {
                    "id": a.id,
                    "title": a.title,
                    "path": a.path,
                    "url": a.url,
                    "outlet": a.outlet,
                    "published": a.published.isoformat() if a.published else None,
                    "claims": a.claims,
                    "by_status": dict(a.by_status),
                }
                for a in self.articles.values()
            ],
            "sources": [
                {
                    "canonical": s.canonical,
                    "kind": s.kind,
                    "affiliation": s.affiliation,
                    "tags": list(s.tags),
                    "reliability": s.reliability,
                    "claims": s.claims,
                    "relayed": s.relayed,
                    "by_status": dict(s.by_status),
                }
                for s in self.sources_by_claims()
            ],
        }


def _distinct(views: Any) -> list[SourceView]:
    """Each source once, where it is first named."""
    first: dict[str, SourceView] = {}
    for v in views:
        first.setdefault(v.canonical, v)
    return list(first.values())


def summarise(records: Iterable[ClaimRecord], sides: dict[str, str]) -> Summary:
    """``sides``: canonical source -> top-level affiliation (``records.independence_keys``)."""
    out = Summary()
    for rec in records:
        out.add(rec, sides)
    return out
