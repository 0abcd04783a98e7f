"""The data that crosses verify's boundaries, as pydantic models.

Inside the library, code passes these models (or plain data built from them) around; the CLI, the
JSON output and configuration validate against them. Spans are ``[start, end)`` character offsets into
the article's text exactly as read.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

AttributionKind = Literal["direct", "indirect", "inherited", "unattributed"]
SourceKind = Literal["person", "organisation", "anonymous", "vague", "outlet"]
Status = Literal["unverified", "single-source", "corroborated", "confirmed", "disputed", "refuted"]
LinkKind = Literal["corroborates", "contradicts"]
Stance = Literal["supports", "refutes", "context"]
# whether the source states the claim or denies it ("X denied that ...": the text is what X denies)
Polarity = Literal["asserted", "denied"]

ATTRIBUTION_KINDS: tuple[str, ...] = ("direct", "indirect", "inherited", "unattributed")
SOURCE_KINDS: tuple[str, ...] = ("person", "organisation", "anonymous", "vague", "outlet")
STATUSES: tuple[str, ...] = ("unverified", "single-source", "corroborated", "confirmed", "disputed", "refuted")
RELIABILITY_GRADES: tuple[str, ...] = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES: tuple[str, ...] = ("1", "2", "3", "4", "5", "6")
# what a piece of evidence says about a claim
STANCES: tuple[str, ...] = ("supports", "refutes", "context")
POLARITIES: tuple[str, ...] = ("asserted", "denied")
# statuses that are a verdict on the claim's truth: a person gives one only with a reason
VERDICTS: tuple[str, ...] = ("confirmed", "disputed", "refuted")

Span = tuple[int, int]
M = TypeVar("M", bound=BaseModel)


class _Model(BaseModel):
    # each model's validator and serialiser are built when first used: `verify extract` uses a few
    # of these models, and every other command some others
    model_config = ConfigDict(extra="forbid", defer_build=True)


def trusted(cls: type[M], fields: dict[str, Any], fields_set: set[str] | None = None) -> M:
    """A ``cls`` holding ``fields`` as they are, without validation: what ``model_construct`` builds,
    minus its per-call walk over the fields. ``fields_set`` (the names of ``fields``) may be one set
    shared by many models, which saves a set per model; pydantic only reads it, or adds a name it
    already holds.

    The one place verify builds a model past pydantic, for values that were validated or typed on
    the way in: the extractor's own claims, mentions and figures, and rows read back from verify's
    tables. ``fields`` must hold every field of ``cls`` already of its type, and ``cls`` must be a
    plain model (no aliases, validators that change values, or extra fields), as every model here is.
    """
    m = _new(cls)
    _set_dict(m, fields)
    _set_fields_set(m, set(fields) if fields_set is None else fields_set)
    _set_extra(m, None)
    _set_private(m, None)
    return m


# BaseModel's own slot setters, called directly: what object.__setattr__ reaches after a lookup
# through the class, on the hot path of extraction and of reading 100,000 claims back
_new = object.__new__
_set_dict = BaseModel.__dict__["__dict__"].__set__
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


class Cue(_Model):
    """The reporting word or phrase: "said", "according to", a colon, "in a statement"."""

    text: str
    span: Span


class Number(_Model):
    """A figure a claim states. ``low``/``high`` bound it (equal for an exact figure)."""

    text: str
    span: Span
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    approximate: bool = False
    # "at least"/"over" -> lower bound only; "up to"/"under" -> upper bound only
    bound: Literal["exact", "range", "lower", "upper", "approximate", "vague"] = "exact"


class SourceMention(_Model):
    """A source as the claim names it, resolved through the registry where it can be."""

    mention: str
    span: Span | None = None
    canonical: str
    kind: SourceKind = "person"


class Claim(_Model):
    """One claim of an article with the source(s) the article attributes it to."""

    text: str
    span: Span
    # where the text splits the content around the cue, the pieces; ``span`` covers them all
    fragments: list[Span] = Field(default_factory=list)
    attribution: AttributionKind
    cue: Cue | None = None
    sources: list[SourceMention] = Field(default_factory=list)
    relayed_by: list[SourceMention] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    # "denied": the source denies what ``text`` states ("X denied that ..." gives the "...")
    polarity: Polarity = "asserted"


class Article(_Model):
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    url: str | None = None
    published: date | None = None
    sha256: str
    # carried in extract output only when the text differs from the file's bytes (HTML)
    text: str | None = None
    format: Literal["text", "markdown", "html"] = "text"


class Extraction(_Model):
    """What ``verify extract`` prints for one file."""

    path: str
    article: Article
    claims: list[Claim]


class Source(_Model):
    """A registry entry: one real-world source and every name it goes by."""

    canonical: str
    kind: SourceKind = "organisation"
    aliases: list[str] = Field(default_factory=list)
    # the government or parent organisation it speaks for ("Government of Ukraine")
    affiliation: str | None = None
    tags: list[str] = Field(default_factory=list)
    # Admiralty source reliability A-F, where the newsroom has graded it
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None
    description: str | None = None


class Review(_Model):
    """One append-only event in a claim's history."""

    claim_id: int
    reviewer: str
    at: datetime
    action: str = "status"
    from_status: Status | None = None
    to_status: Status | None = None
    note: str | None = None
    evidence_url: str | None = None


class RuleResult(_Model):
    """An outcome a rule gave a claim: which rule (file:line and name), what, and why."""

    claim_id: int
    rule_file: str
    rule_line: int
    rule_name: str
    outcome: Literal["status", "flag", "reliability", "credibility", "needs-review"]
    value: str
    reason: str | None = None

    @property
    def where(self) -> str:
        return f"{self.rule_file}:{self.rule_line} {self.rule_name}"


# -- what the store gives back ------------------------------------------------------------------


class SourceView(_Model):
    """A claim's source as stored, with what the registry knows of it."""

    canonical: str
    kind: SourceKind
    mention: str
    span: Span | None = None
    affiliation: str | None = None
    tags: list[str] = Field(default_factory=list)
    reliability: str | None = None


class RuleHit(_Model):
    """A rule that fired on a claim in the latest check."""

    rule: str  # "features/rulebook/parties.feature:12 A party to the conflict speaking alone"
    outcome: str
    value: str
    reason: str | None = None
    # False where a higher-precedence rule or a person's review decided instead
    applied: bool = True


class LinkView(_Model):
    other: int
    relation: LinkKind
    reviewer: str
    at: datetime
    note: str | None = None


class MatchView(_Model):
    """A claim of another article that states the same thing, as matching found it."""

    other: int
    other_article: int
    other_text: str
    score: float
    reason: str  # "same figure 200, same name Kursk, 6 of 9 content words"
    state: Literal["proposed", "confirmed", "rejected"] = "proposed"
    drift: list[str] = Field(default_factory=list)  # this claim's drift flags from the match
    other_drift: list[str] = Field(default_factory=list)
    rewrite: bool = False  # one repeats the other's wording: no independent weight
    reviewer: str | None = None
    other_polarity: str = "asserted"  # denied: the other claim's source denies what it states


class Event(_Model):
    """One append-only event: of a claim (``claim_id``) or of a source (``source``, its name).

    ``action`` is ``status`` (a review), ``note``, ``evidence``, ``link``, ``unlink``, ``check`` (a
    check changed the claim's status), ``undo`` (reverses event ``undoes``), or for a source
    ``source-add``, ``source-edit``, ``source-alias`` and ``source-merge``. ``changes`` holds what
    changed, field by field, as ``[before, after]``.
    """

    id: int
    reviewer: str
    at: datetime
    action: str
    from_status: str | None = None
    to_status: str | None = None
    note: str | None = None
    evidence_url: str | None = None
    stance: Stance | None = None
    sha256: str | None = None
    undoes: int | None = None
    claim_id: int | None = None
    source: str | None = None
    changes: dict | None = None

    def what(self) -> str:
        """What the event did, in a few words: "set it to refuted", "added evidence (refutes)"."""
        a = self.action
        if a == "status":
            return f"set it to {self.to_status}"
        if a == "check":
            return f"changed it to {self.to_status}"
        if a == "undo":
            changed = f", status now {self.to_status}" if self.to_status else ""
            return f"undid event {self.undoes}{changed}"
        if a == "evidence":
            return f"added evidence ({self.stance or 'context'})"
        other = (self.changes or {}).get("other")
        if a == "link":
            return f"linked it to claim {other}" if other else "linked it"
        if a == "unlink":
            return f"withdrew its link to claim {other}" if other else "withdrew a link"
        if a == "note":
            return "added a note"
        merge = (self.changes or {}).get("merge")
        if a == "source-merge" and merge:
            moved = f" ({len(merge.get('claim_sources') or [])} claim(s) moved)"
            if self.source == merge.get("into_name"):
                return f"merged {merge.get('from_name')} into it{moved}"
            return f"merged it into {merge.get('into_name')}{moved}"
        fields = (self.changes or {}).get("fields")
        if a == "source-edit" and fields:
            return f"changed its {', '.join(fields)}"
        alias = (self.changes or {}).get("alias")
        if a == "source-alias" and alias:
            return f"gave it the alias {alias[1]}"
        return a.replace("source-", "source ")


def undone_ids(events: list[Event]) -> set[int]:
    """The IDs of events an undo reverses and no later undo restored (an undo can itself be undone)."""
    undone: set[int] = set()
    for e in reversed(events):
        if e.action == "undo" and e.undoes is not None and e.id not in undone:
            undone.add(e.undoes)
    return undone


class ClaimRecord(_Model):
    """A stored claim with everything a reviewer or a report needs."""

    id: int
    article_id: int
    article_title: str | None = None
    article_path: str | None = None
    article_url: str | None = None
    outlet: str | None = None
    published: date | None = None
    text: str
    span: Span
    attribution: AttributionKind
    polarity: Polarity = "asserted"
    cue: Cue | None = None
    sources: list[SourceView] = Field(default_factory=list)
    relayed_by: list[SourceView] = Field(default_factory=list)
    numbers: list[Number] = Field(default_factory=list)
    status: Status = "unverified"
    rule_status: Status | None = None
    review_status: Status | None = None
    flags: list[str] = Field(default_factory=list)
    reliability: str | None = None
    credibility: str | None = None
    needs_review: str | None = None
    # when a check last changed the rules' outcomes for this claim (None before any check)
    checked_at: datetime | None = None
    rules: list[RuleHit] = Field(default_factory=list)
    history: list[Event] = Field(default_factory=list)
    links: list[LinkView] = Field(default_factory=list)
    matches: list[MatchView] = Field(default_factory=list)

    @property
    def reviewed(self) -> Event | None:
        """The latest status a person gave the claim (its last status event not undone), or None."""
        undone = undone_ids(self.history) if any(e.action == "undo" for e in self.history) else ()
        for e in reversed(self.history):
            if e.action == "status" and e.to_status and e.id not in undone:
                return e
        return None

    @property
    def evidence(self) -> list[Event]:
        """The events that attached evidence and were not undone, oldest first."""
        undone = undone_ids(self.history)
        return [e for e in self.history if e.evidence_url and e.id not in undone]

    @property
    def grade(self) -> str | None:
        """The Admiralty grade, e.g. "B2", or None before any rule has graded the claim."""
        if not (self.reliability or self.credibility):
            return None
        return f"{self.reliability or 'F'}{self.credibility or '6'}"

    @property
    def disagreement(self) -> str | None:
        """Set where the rules now give another status than the person who reviewed the claim."""
        if self.review_status and self.rule_status and self.review_status != self.rule_status:
            return f"reviewed as {self.review_status}; the rules now say {self.rule_status}"
        return None


class BackupSummary(_Model):
    """What ``verify export`` wrote or ``verify import`` read: the export format's version, the
    schema revision of the store, its rows per table, and the database (password masked)."""

    format_version: int
    schema_revision: str
    tables: dict[str, int]
    database: str

    @property
    def rows(self) -> int:
        return sum(self.tables.values())
