"""The database schema as SQLAlchemy 2 ORM classes. Alembic migrations in ``db/`` create it.

Reviews, rule results and links are append-only: a status is never overwritten without an event
that says who changed it, when, from what and why.
"""

from __future__ import annotations

import json
from datetime import date, datetime, timezone

from sqlalchemy import (
    JSON,
    MetaData,
    Boolean,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


# distinct stored flag lists are few ("[]", '["party-to-conflict"]', ...): each is decoded once
_flag_memo: dict[str, tuple[str, ...]] = {}


def decode_flags(raw) -> tuple[str, ...]:
    """``claims.flags`` as a tuple, whether the driver hands back JSON text or a decoded list."""
    if not raw:
        return ()
    if not isinstance(raw, str):  # a driver that decodes JSON itself
        return tuple(str(f) for f in raw)
    hit = _flag_memo.get(raw)
    if hit is None:
        if len(_flag_memo) > 10_000:
            _flag_memo.clear()
        try:
            value = json.loads(raw)
        except ValueError:
            value = []
        hit = _flag_memo[raw] = tuple(str(f) for f in value) if isinstance(value, list) else ()
    return hit


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


# Named constraints, so that later migrations can alter them (SQLite batch mode needs the names).
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    path: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(String(200), index=True)
    author: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[date | None] = mapped_column(Date)
    format: Mapped[str] = mapped_column(String(16), default="text")
    text: Mapped[str] = mapped_column(Text)
    ingested_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claims: Mapped[list[ClaimRow]] = relationship(back_populates="article", order_by="ClaimRow.start")


class SourceRow(Base):
    __tablename__ = "sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="organisation")
    affiliation: Mapped[str | None] = mapped_column(String(300))
    tags: Mapped[list] = mapped_column(JSON, default=list)
    reliability: Mapped[str | None] = mapped_column(String(1))
    description: Mapped[str | None] = mapped_column(Text)
    # when a person last changed the entry (sources add/alias/set, a registry file); None while it is
    # a copy of the starter registry, which then keeps it up to date
    edited_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # set when a person merged this source into another (``verify sources merge``): its claims and
    # names moved there; the row stays so that its history does
    merged_into: Mapped[int | None] = mapped_column(Integer)

    aliases: Mapped[list[AliasRow]] = relationship(back_populates="source", cascade="all, delete-orphan")


class AliasRow(Base):
    __tablename__ = "source_aliases"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))
    # normalised form (verify.registry.normalise), unique across the registry
    key: Mapped[str] = mapped_column(String(300), unique=True)

    source: Mapped[SourceRow] = relationship(back_populates="aliases")


class ClaimRow(Base):
    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("article_id", "start", "end", name="uq_claim_span"),
        Index("ix_claims_status", "status"),
        # the claims no check has touched yet: few, and found without reading the whole table
        Index("ix_claims_unchecked", "id", sqlite_where=text("checked_at IS NULL"),
              postgresql_where=text("checked_at IS NULL")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    fragments: Mapped[list] = mapped_column(JSON, default=list)
    # W3C TextQuoteSelector context, so a claim can be found again in an edited article
    prefix: Mapped[str] = mapped_column(String(64), default="")
    suffix: Mapped[str] = mapped_column(String(64), default="")
    attribution: Mapped[str] = mapped_column(String(16))
    # "asserted" or "denied" (the source denies what ``text`` states): verify.models.Polarity
    polarity: Mapped[str] = mapped_column(String(8), default="asserted", server_default="asserted")
    cue_text: Mapped[str | None] = mapped_column(String(200))
    cue_start: Mapped[int | None] = mapped_column(Integer)
    cue_end: Mapped[int | None] = mapped_column(Integer)
    # status = the latest review's status where a person has reviewed it, else the rules' status
    status: Mapped[str] = mapped_column(String(20), default="unverified")
    rule_status: Mapped[str | None] = mapped_column(String(20))
    review_status: Mapped[str | None] = mapped_column(String(20))
    flags: Mapped[list] = mapped_column(JSON, default=list)
    reliability: Mapped[str | None] = mapped_column(String(1))
    credibility: Mapped[str | None] = mapped_column(String(1))
    needs_review: Mapped[str | None] = mapped_column(Text)
    checked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    article: Mapped[ArticleRow] = relationship(back_populates="claims")
    sources: Mapped[list[ClaimSourceRow]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="ClaimSourceRow.id"
    )
    numbers: Mapped[list[NumberRow]] = relationship(
        back_populates="claim", cascade="all, delete-orphan", order_by="NumberRow.start"
    )


# a claim no check has touched yet; written once, as the partial index ix_claims_unchecked covers it
UNCHECKED = ClaimRow.checked_at.is_(None)


class ClaimSourceRow(Base):
    """A claim's source (role ``source``) or the source that relayed it (role ``relay``)."""

    __tablename__ = "claim_sources"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("sources.id"), index=True)
    role: Mapped[str] = mapped_column(String(8), default="source")
    mention: Mapped[str] = mapped_column(Text)
    start: Mapped[int | None] = mapped_column(Integer)
    end: Mapped[int | None] = mapped_column(Integer)

    claim: Mapped[ClaimRow] = relationship(back_populates="sources")
    source: Mapped[SourceRow] = relationship()


class NumberRow(Base):
    __tablename__ = "claim_numbers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(200))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(40))
    approximate: Mapped[bool] = mapped_column(Boolean, default=False)
    bound: Mapped[str] = mapped_column(String(12), default="exact")

    claim: Mapped[ClaimRow] = relationship(back_populates="numbers")


class EventRow(Base):
    """Append-only history: reviews, notes, evidence, links, status changes by a check, and edits
    and merges of sources. A claim's event has ``claim_id``; a source's has ``source_id``."""

    __tablename__ = "events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    source_id: Mapped[int | None] = mapped_column(ForeignKey("sources.id", ondelete="CASCADE"), index=True)
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    action: Mapped[str] = mapped_column(String(20), default="status")
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str | None] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    evidence_url: Mapped[str | None] = mapped_column(Text)
    # supports, refutes or context: what the evidence says about the claim
    stance: Mapped[str | None] = mapped_column(String(12))
    # of an evidence file, as read when it was attached
    sha256: Mapped[str | None] = mapped_column(String(64))
    # the event an undo reverses
    undoes: Mapped[int | None] = mapped_column(Integer)
    # what changed, field by field ({"review_status": [before, after], ...}), so it can be undone; an
    # event that changed nothing keeps SQL NULL (not JSON null), as an import gives it back
    changes: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))


class LinkRow(Base):
    """Two claims that corroborate or contradict each other, set by a person."""

    __tablename__ = "claim_links"
    __table_args__ = (UniqueConstraint("claim_a", "claim_b", "relation", name="uq_claim_link"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_a: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    claim_b: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    relation: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)


class CheckRunRow(Base):
    """One ``verify check``: which rulebook, when, how many claims it touched."""

    __tablename__ = "check_runs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    rulebook: Mapped[str] = mapped_column(Text)
    started_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    claims: Mapped[int] = mapped_column(Integer, default=0)
    results: Mapped[int] = mapped_column(Integer, default=0)


class RuleResultRow(Base):
    """What a rule did to a claim in the latest check (replaced on each check)."""

    __tablename__ = "rule_results"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    # No foreign keys (migration 0003): checking them for each of a large check's rows cost seconds
    # on PostgreSQL, and nothing deletes claims or check runs. Code that comes to delete claims
    # must delete their rule_results too.
    claim_id: Mapped[int] = mapped_column(Integer, index=True)
    run_id: Mapped[int] = mapped_column(Integer, index=True)
    rule_file: Mapped[str] = mapped_column(Text)
    rule_line: Mapped[int] = mapped_column(Integer)
    rule_name: Mapped[str] = mapped_column(Text)
    outcome: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(Text)
    # False where a higher-precedence rule or a review decided the claim's status instead
    applied: Mapped[bool] = mapped_column(Boolean, default=True)


class TermRow(Base):
    """The candidate index of matching: each claim filed under its content words and figures."""

    __tablename__ = "claim_terms"
    __table_args__ = (Index("ix_claim_terms_term", "term"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    term: Mapped[str] = mapped_column(String(80))
    # no foreign keys, as in rule_results: an article's terms go in by the thousand and nothing
    # deletes claims; code that comes to delete claims must delete their terms too
    claim_id: Mapped[int] = mapped_column(Integer, index=True)
    article_id: Mapped[int] = mapped_column(Integer, index=True)


class TermCountRow(Base):
    """How many indexed claims each term of ``claim_terms`` is filed under, kept as articles are
    indexed, so that weighing a term reads one row however large the store grows."""

    __tablename__ = "claim_term_counts"

    term: Mapped[str] = mapped_column(String(80), primary_key=True)
    claims: Mapped[int] = mapped_column(Integer)


class MatchRow(Base):
    """Two claims of different articles that state the same thing, found by matching.

    Stored once per pair, lower claim id first. ``state`` is ``proposed`` until a reviewer confirms or
    rejects it; ``drift_a``/``drift_b`` are the drift flags each side carries.
    """

    __tablename__ = "claim_matches"
    __table_args__ = (UniqueConstraint("claim_a", "claim_b", name="uq_claim_match"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_a: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    claim_b: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(12), default="proposed")
    drift_a: Mapped[list] = mapped_column(JSON, default=list)
    drift_b: Mapped[list] = mapped_column(JSON, default=list)
    rewrite: Mapped[bool] = mapped_column(Boolean, default=False)
    found_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str | None] = mapped_column(Text)
