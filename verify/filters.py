"""Which stored claims a listing or a report takes: the filters of ``verify claims list`` and
``verify report``, as one pydantic model.

Every filter given must hold:

- ``status``: the claim's status (a person's review where there is one, else the rules').
- ``source``: a source (name or alias) made or relayed the claim.
- ``flag``: the claim carries this flag. An unknown flag is refused with the known ones listed: the
  flags stored claims carry and those the rulebook of the latest check (or the shipped one) can set.
- ``article``: the claim's article ID. ``outlet``: its article's outlet (compared without case).
- ``kind``: the attribution kind: direct, indirect, inherited or unattributed.
- ``polarity``: ``asserted``, or ``denied`` where the claim's source denies what it states.
- ``since`` / ``until``: the article's date is on or after / on or before this. The article's date
  is its publication date where it has one (HTML articles carry it), else the day and time it was
  ingested. A date stands for its whole day; a date and time without an offset is UTC.
- ``changed_since``: the claim changed at or after this moment: stored, changed by a check (status,
  flags, grade or review reasons), or given a review, note, evidence, link or match decision.
- ``needs_review``: the rules ask a person to review the claim and no person has given it a status
  since (the claims ``verify check`` counts as needing review).

The store applies them all in one query (``verify.store.records.list_claims``).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, timezone
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator, model_validator

from .errors import VerifyError
from .models import ATTRIBUTION_KINDS, POLARITIES, STATUSES, ClaimRecord

WHEN_FORMS = "an ISO date or date and time, e.g. 2026-12-01 or 2026-12-01T08:00Z"


def parse_when(value: Any, what: str = "date") -> date | datetime:
    """An ISO 8601 date (``2026-12-01``) or date and time (``2026-12-01T08:00``, ``...Z``,
    ``...+02:00``); a date and time without an offset is UTC. Anything else is refused in one line."""
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=timezone.utc)
    if isinstance(value, date):
        return value
    text = value.strip() if isinstance(value, str) else None
    if text:
        try:
            return date.fromisoformat(text)
        except ValueError:
            pass
        try:
            t = datetime.fromisoformat(text)
        except ValueError:
            pass
        else:
            return t if t.tzinfo else t.replace(tzinfo=timezone.utc)
    raise VerifyError(f"not a {what}: {value!r}; give {WHEN_FORMS}")


def means_last(value: Any) -> bool:
    """``--changed-since last``: since the last report written to the same file."""
    return isinstance(value, str) and value.strip().lower() == "last"


# the fields that take one of a fixed set of values: what the error calls each, and the set
_CHOICES = {"status": ("status", STATUSES), "kind": ("attribution kind", ATTRIBUTION_KINDS), "polarity": ("polarity", POLARITIES)}


class ClaimFilter(BaseModel):
    """The filters of a claim listing or report; ``None`` (or False) leaves a filter out."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    status: str | None = None
    source: str | None = None
    flag: str | None = None
    article: int | None = None
    kind: str | None = None
    polarity: str | None = None
    outlet: str | None = None
    since: datetime | date | None = None
    until: datetime | date | None = None
    changed_since: datetime | date | None = None
    needs_review: bool = False

    @classmethod
    def of(cls, **values: Any) -> ClaimFilter:
        """The filter, or one ``VerifyError`` line saying what is wrong with a value."""
        try:
            return cls(**values)
        except ValidationError as e:  # a value of the wrong type (the validators raise VerifyError)
            first = e.errors()[0]
            where = ".".join(str(x) for x in first.get("loc", ()))
            raise VerifyError(f"bad filter {where}: {first.get('msg')}") from None

    @field_validator("status", "kind", "polarity")
    @classmethod
    def _one_of(cls, v: str | None, info: Any) -> str | None:
        what, allowed = _CHOICES[info.field_name]
        if v is not None and v not in allowed:
            raise VerifyError(f"unknown {what} {v!r}; use one of: {', '.join(allowed)}")
        return v

    @field_validator("since", "until", "changed_since", mode="before")
    @classmethod
    def _when(cls, v: Any, info: Any) -> Any:
        if v is None:
            return None
        what = {"since": "date", "until": "date", "changed_since": "time"}[info.field_name]
        if what == "time" and means_last(v):
            raise VerifyError("--changed-since last means since the last report written to a file: give the"
                              " file with --output")
        return parse_when(v, what)

    @field_validator("flag", "source", "outlet")
    @classmethod
    def _text(cls, v: str | None, info: Any) -> str | None:
        if v is not None and not v.strip():
            raise VerifyError(f"an empty {info.field_name} selects nothing; leave the filter out instead")
        return v

    @model_validator(mode="after")
    def _in_order(self) -> ClaimFilter:
        if self.since is not None and self.until is not None:
            first = self.since.date() if isinstance(self.since, datetime) else self.since
            last = self.until.date() if isinstance(self.until, datetime) else self.until
            if first > last or (isinstance(self.since, datetime) and isinstance(self.until, datetime)
                                and self.since > self.until):
                raise VerifyError(f"--since {self.given()['since']} is after --until {self.given()['until']}:"
                                  " no article is dated in between")
        return self

    def store_args(self) -> dict[str, Any]:
        """The keyword arguments of ``list_claims`` for this filter."""
        d = self.model_dump()
        d["attribution"] = d.pop("kind")
        return d

    def given(self) -> dict[str, Any]:
        """The filters given, by name, as shown in a report ("since": "2026-12-01")."""
        out: dict[str, Any] = {}
        for k, v in self.model_dump().items():
            if v is None or v is False:
                continue
            out[k] = v.isoformat().replace("+00:00", "Z") if isinstance(v, (date, datetime)) else v
        return out

    def check(self, db: Any) -> None:
        """Refuse, before anything is written, a source, article, outlet or flag the store does not know."""
        from .store.filtering import outlet_names
        from .store.records import check_article, find_source_ids, session_scope

        with session_scope(db) as s:
            if self.source is not None:
                find_source_ids(s, self.source)
            if self.article is not None:
                check_article(s, self.article)
            if self.outlet is not None:
                outlet_names(s, self.outlet)
        if self.flag is not None:
            check_flag(db, self.flag)

    def claims(self, db: Any, **options: Any) -> Iterator[ClaimRecord]:
        """The stored claims this filter selects (``options``: ``limit``, ``full``, ...)."""
        from .store.records import list_claims

        return list_claims(db, **self.store_args(), **options)


def known_flags(db: Any) -> list[str]:
    """The flags stored claims carry and those the rulebook of the latest check (or the shipped
    rulebook, where that one no longer loads) can set, sorted."""
    from .store.filtering import stored_flags
    from .store.records import session_scope

    with session_scope(db) as s:
        found = stored_flags(s)
    return sorted(found | rulebook_flags(db))


def rulebook_flags(db: Any) -> set[str]:
    """The flags the Then steps of the latest check's rulebooks set."""
    from .errors import RulebookError
    from .registry import Registry
    from .rules import last_rulebooks, load_rulebook
    from .rules.loader import StepContext

    try:
        book = load_rulebook(last_rulebooks(db) or None)
    except RulebookError:  # moved, or a plug-in's steps that are not allowed to run here
        book = load_rulebook(None)
    found: set[str] = set()
    today = datetime.now(timezone.utc).date()
    reg = Registry.starter()
    for rule in book.rules:
        ctx = StepContext(reg, today, rule.file)
        for st in rule.steps:
            if st.definition.kind != "then":
                continue
            try:
                made = st.definition.build(st.match, ctx, st.table, st.doc)
            except Exception:  # a step that fails to build gives no flag to offer
                continue
            for o in made if isinstance(made, (list, tuple)) else [made]:
                if getattr(o, "kind", None) == "flag":
                    found.add(o.value)
    return found


def check_flag(db: Any, flag: str) -> str:
    """``flag`` if a stored claim carries it or the rulebook can set it; one line naming the known
    flags otherwise."""
    from .store.filtering import stored_flags
    from .store.records import session_scope

    with session_scope(db) as s:
        if flag in stored_flags(s):
            return flag
    known = known_flags(db)
    if flag in known:
        return flag
    raise VerifyError(f"unknown flag {flag!r}; the known flags: {', '.join(known) or 'none yet'}")
