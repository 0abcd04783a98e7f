"""Is the store whole? The consistency checks behind ``verify db check``.

``check_store(store)`` reads; it never repairs. Each :class:`Finding` names one check, how many
rows it found wrong, and what to do. The database's own check comes first (SQLite's
``PRAGMA integrity_check`` and ``foreign_key_check``); then what the schema's foreign keys cannot
promise: rule results, match terms and term counts that point at claims no longer there or
disagree with the index, and claims no check has touched yet (stored by an ingest that was
interrupted, or with ``--no-check``), which ``verify check`` finishes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .db import current_revision, head_revision
from .tables import UNCHECKED, ArticleRow, ClaimRow, ClaimSourceRow, MatchRow, RuleResultRow, TermCountRow, TermRow

FINISH = "verify check"  # what finishes the work an interrupted ingest left


@dataclass(frozen=True)
class Finding:
    """One check: ``count`` rows found wrong (0: all is well), and what to do about them."""

    check: str
    count: int
    problem: bool  # True where the store is damaged; False for work that is only unfinished
    detail: str = ""
    remedy: str = ""

    @property
    def ok(self) -> bool:
        return self.count == 0


@dataclass
class StoreHealth:
    """What :func:`check_store` found."""

    findings: list[Finding] = field(default_factory=list)
    articles: int = 0
    claims: int = 0

    @property
    def damaged(self) -> list[Finding]:
        return [f for f in self.findings if f.problem and not f.ok]

    @property
    def unchecked(self) -> int:
        return next((f.count for f in self.findings if f.check == "unchecked claims"), 0)


def unchecked_claims(store: Any) -> int:
    """How many stored claims no check has touched yet (status unverified, no grade)."""
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(ClaimRow).where(UNCHECKED)) or 0


def unchecked_articles(store: Any) -> list[int]:
    """The articles holding claims no check has touched yet: work an interrupted ingest left."""
    with store.session() as s:
        return list(s.scalars(select(ClaimRow.article_id).where(UNCHECKED).distinct()
                              .order_by(ClaimRow.article_id)))


def check_store(store: Any) -> StoreHealth:
    """Run every consistency check; see the module's docstring."""
    try:
        return _check(store)
    except SQLAlchemyError as e:
        raise StoreError(f"cannot check the database: {str(e).splitlines()[0]}") from None


def _check(store: Any) -> StoreHealth:
    out = StoreHealth()
    with store.session() as s:
        revision, head = current_revision(store.engine), head_revision()
        out.findings.append(Finding("schema", 0 if revision == head else 1, True,
                                    f"at {revision or '(none)'}" + ("" if revision == head else f", newest {head}"),
                                    "verify db upgrade"))
        if store.dialect == "sqlite":
            said = [r[0] for r in s.execute(text("PRAGMA integrity_check"))]
            bad = [r for r in said if r != "ok"]
            out.findings.append(Finding("SQLite integrity_check", len(bad), True, "; ".join(bad[:3]),
                                        "restore the file from a backup"))
            orphans = s.execute(text("PRAGMA foreign_key_check")).all()
            out.findings.append(Finding("foreign keys", len(orphans), True,
                                        ", ".join(sorted({str(r[0]) for r in orphans})),
                                        "restore the file from a backup"))
        else:
            orphans = s.scalar(select(func.count()).select_from(ClaimRow)
                               .where(ClaimRow.article_id.not_in(select(ArticleRow.id)))) or 0
            orphans += s.scalar(select(func.count()).select_from(ClaimSourceRow)
                                .where(ClaimSourceRow.claim_id.not_in(select(ClaimRow.id)))) or 0
            out.findings.append(Finding("foreign keys", orphans, True,
                                        "claims or claim sources without their owner" if orphans else ""))
        out.articles = s.scalar(select(func.count()).select_from(ArticleRow)) or 0
        out.claims = s.scalar(select(func.count()).select_from(ClaimRow)) or 0
        claims = select(ClaimRow.id)
        # rule results and the match index carry no foreign keys (written by the thousand)
        lost = s.scalar(select(func.count()).select_from(RuleResultRow).where(RuleResultRow.claim_id.not_in(claims)))
        out.findings.append(Finding("rule results of missing claims", lost or 0, True))
        lost = s.scalar(select(func.count()).select_from(TermRow).where(TermRow.claim_id.not_in(claims)))
        out.findings.append(Finding("match index entries of missing claims", lost or 0, True))
        counted = select(TermRow.term, func.count().label("n")).group_by(TermRow.term).subquery()
        wrong = s.scalar(
            select(func.count()).select_from(counted)
            .outerjoin(TermCountRow, TermCountRow.term == counted.c.term)
            .where((TermCountRow.claims.is_(None)) | (TermCountRow.claims != counted.c.n))
        )
        out.findings.append(Finding("match index counts", wrong or 0, True,
                                    f"{wrong} term(s) counted other than the index holds" if wrong else ""))
        lost = s.scalar(select(func.count()).select_from(MatchRow)
                        .where(MatchRow.claim_a.not_in(claims) | MatchRow.claim_b.not_in(claims)))
        out.findings.append(Finding("matches of missing claims", lost or 0, True))
        unchecked = s.scalar(select(func.count()).select_from(ClaimRow).where(UNCHECKED)) or 0
        out.findings.append(Finding("unchecked claims", unchecked, False,
                                    "stored, never checked: status unverified, no grade" if unchecked else "",
                                    FINISH if unchecked else ""))
    return out
