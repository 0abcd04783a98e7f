"""What the report formats share: the filtered claim stream, labels, and a claim's plain-text parts.

How a review a person made changes what is shown: ``verify.reports.reviewed``.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring as _json_str
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from typing import Any, TextIO

from ..filters import ClaimFilter
from ..models import ClaimRecord, SourceView
from ..store.matches import MatchPair, match_pairs
from ..store.records import independence_keys, list_claims
from ..store.texts import text_reader
from ..store.views import ClaimView, record
from ..store.viewjson import ViewWriter
from .reviewed import (  # noqa: F401  (shared by every format from here)
    REVIEW_CREDIBILITY,
    grade_note,
    needs_review_open,
    review_text,
    reviewed_by,
    shown_grade,
)
from .summary import Summary

# the body of a report is kept in memory up to this size, then on disk
SPOOL_BYTES = 16 << 20

STATUS_LABELS = {
    "unverified": "Unverified",
    "single-source": "Single source",
    "corroborated": "Corroborated",
    "confirmed": "Confirmed",
    "disputed": "Disputed",
    "refuted": "Refuted",
}

STATUS_MEANINGS = {
    "unverified": "not yet checked against other sources",
    "single-source": "rests on one source (or one government) only",
    "corroborated": "supported by independent sources",
    "confirmed": "confirmed by independent evidence",
    "disputed": "contested by another source or by the rules",
    "refuted": "shown to be false",
}


@dataclass
class Report:
    """One report run: the store, the filters, and the claim stream they select.

    The claims are read once: ``walk()`` yields them and fills ``summary`` as they pass. Formats that
    show the summary first write their body to a ``spool()`` and copy it out after the summary.
    """

    db: Any
    filter: ClaimFilter = field(default_factory=ClaimFilter)
    summary: Summary = field(default_factory=Summary, init=False)

    @cached_property
    def generated_at(self) -> datetime:
        return datetime.now(timezone.utc).replace(microsecond=0)

    @cached_property
    def sides(self) -> dict[str, str]:
        return independence_keys(self.db)

    def claims(self, full: bool = True, numbers_and_links: bool = False) -> Iterator[ClaimView]:
        """The selected claims, as read-only views; numbers and links only when asked for (the JSON
        report): no other format shows them, and reading them is a good part of a large report's time."""
        return list_claims(self.db, **self.filter.store_args(), full=full, numbers_and_links=numbers_and_links,
                           views=True)

    def walk(self, numbers_and_links: bool = False) -> Iterator[ClaimView]:
        """Every selected claim, once, in article order; ``summary`` is complete when it ends."""
        self.summary = Summary()
        sides = self.sides
        for rec in self.claims(numbers_and_links=numbers_and_links):
            self.summary.add(rec, sides)
            yield rec

    def across(self) -> list[MatchPair]:
        """The matches across articles of the claims ``walk()`` selected (call it after the walk)."""
        return match_pairs(self.db, self.summary.ids)

    def filters(self) -> dict[str, Any]:
        """Every filter by name, None where not given (as the JSON report carries them)."""
        given = self.filter.given()
        return {k: given.get(k) for k in ClaimFilter.model_fields}

    def texts(self) -> AbstractContextManager[Callable[[int], str]]:
        """A reader of the stored articles' texts, by ID, for as long as the block lasts."""
        return text_reader(self.db)


@contextmanager
def spool() -> Iterator[TextIO]:
    """A text buffer for a report's body: in memory while small, a temporary file when large."""
    with tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES, mode="w+", encoding="utf-8", newline="") as f:
        yield f  # type: ignore[misc]


def copy_spool(body: TextIO, out: TextIO) -> None:
    body.seek(0)
    shutil.copyfileobj(body, out)


class Memo(dict):  # type: ignore[type-arg]
    """value -> what ``make`` makes of it, made the first time it is asked for: a report's cells repeat
    the same few strings (sources, statuses, grades, flags, rules) claim after claim. Bounded: a store
    with many distinct values only loses the reuse."""

    def __init__(self, make: Any) -> None:
        super().__init__()
        self.make = make

    def __missing__(self, key: Any) -> Any:
        if len(self) >= 10_000:
            self.clear()
        made = self[key] = self.make(key)
        return made


# a claim whose source denies what it states, as every view words it: the mark beside its attribution
# (under the claim where no column holds the attribution), and the line of a view of one claim
DENIED_MARK = "denied by its source"
DENIED_LINE = "Polarity: denied (its source denies what the claim states)"


def attribution_text(rec: Any) -> str:
    """"indirect", or "indirect, denied by its source" for a claim its source denies."""
    return f"{rec.attribution}, {DENIED_MARK}" if rec.polarity == "denied" else rec.attribution


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def source_label(v: SourceView) -> str:
    return f"{v.canonical} ({v.kind})"


def sources_text(rec: ClaimRecord) -> str:
    """"Volodymyr Zelenskyy (person)", several joined by "; ", relays after "via"; "nobody"."""
    sources = rec.sources
    if not sources:
        text = "nobody (unattributed)" if rec.attribution == "unattributed" else "no source found"
    elif len(sources) == 1:  # most claims
        text = source_label(sources[0])
    else:
        text = "; ".join(source_label(v) for v in sources)
    if rec.relayed_by:
        text += " via " + "; ".join(source_label(v) for v in rec.relayed_by)
    return text


def rule_text(hit: Any) -> str:
    done = f"{hit.outcome} {hit.value}"
    if not hit.applied:
        done += " (overruled)"
    return f"{hit.rule}: {done}"


def rule_lines(rec: ClaimRecord) -> list[str]:
    """Each rule that fired on the claim once, with its outcomes in the order it gave them:
    "features/rulebook/01-corroboration.feature:10 One source alone is a single source: status
    single-source (overruled); credibility 3"."""
    rules = rec.rules
    if type(rules) is tuple:  # a view's: the same few rule results recur on claim after claim
        lines = _RULE_LINES.get(rules)
        if lines is None:
            if len(_RULE_LINES) >= 10_000:
                _RULE_LINES.clear()
            lines = _RULE_LINES[rules] = tuple(rule_lines_of(rules))
        return list(lines)
    return rule_lines_of(rules)


_RULE_LINES: dict[tuple[Any, ...], tuple[str, ...]] = {}


def rule_lines_of(rules: Any) -> list[str]:
    """``rule_lines`` of a claim's rule results."""
    by_rule: dict[str, list[str]] = {}
    for h in rules:
        done = f"{h.outcome} {h.value}" + ("" if h.applied else " (overruled)")
        by_rule.setdefault(h.rule, []).append(done)
    return [f"{rule}: {'; '.join(outcomes)}" for rule, outcomes in by_rule.items()]


def rules_text(rec: ClaimRecord, between: str = "\n") -> str:
    """``rule_lines`` joined, one rule a line (or joined by ``between``)."""
    return between.join(rule_lines(rec))


def evidence_refs(rec: ClaimRecord) -> list[str]:
    """The evidence attached to the claim (web addresses, files with their SHA-256), each once, oldest first."""
    return list(dict.fromkeys(e.evidence_url for e in rec.history if e.evidence_url))


def review_parts(rec: ClaimRecord) -> tuple[str, str, str, str]:
    """The latest review a person gave (reviewer, UTC time, note) and the claim's evidence, as text;
    empty strings where there is none."""
    if not rec.history:  # most claims: no review, no evidence
        return "", "", "", ""
    rev = rec.reviewed
    evidence = "; ".join(evidence_refs(rec))
    if rev is None:
        return "", "", "", evidence
    return rev.reviewer, rev.at.isoformat(timespec="seconds").replace("+00:00", "Z"), rev.note or "", evidence


def _extras(rec: ClaimRecord) -> dict[str, Any]:
    rev = rec.reviewed
    return {
        "grade": shown_grade(rec),
        "rule_grade": rec.grade,
        "rule_credibility": rec.credibility,
        "disagreement": rec.disagreement,
        "reviewed": None if rev is None else {"reviewer": rev.reviewer, "at": rev.at.isoformat().replace("+00:00", "Z"), "status": rev.to_status},
        "needs_review_open": needs_review_open(rec),
    }


def _j(value: str | None) -> str:
    return "null" if value is None else _json_str(value)


def _extras_json(rec: ClaimRecord | ClaimView, shown: str | None) -> str:
    """``json.dumps(_extras(rec), ensure_ascii=False)`` less its opening brace, written directly: it
    runs once per claim of a JSON report (``shown``: ``shown_grade(rec)``)."""
    rev = rec.reviewed
    reviewed = "null" if rev is None else (
        f'{{"reviewer": {_json_str(rev.reviewer)}, "at": {_json_str(rev.at.isoformat().replace("+00:00", "Z"))}, '
        f'"status": {_j(rev.to_status)}}}')
    return (f'"grade": {_j(shown)}, "rule_grade": {_j(rec.grade)}, '
            f'"rule_credibility": {_j(rec.credibility)}, "disagreement": {_j(rec.disagreement)}, '
            f'"reviewed": {reviewed}, "needs_review_open": {"true" if needs_review_open(rec) else "false"}}}')


def pair_dict(p: MatchPair) -> dict[str, Any]:
    """A match across articles as JSON data: both claims, score, reason, state and drift."""
    return {
        "a": {"id": p.a, "article_id": p.article_a, "text": p.text_a, "drift": list(p.drift_a),
              "polarity": p.polarity_a},
        "b": {"id": p.b, "article_id": p.article_b, "text": p.text_b, "drift": list(p.drift_b),
              "polarity": p.polarity_b},
        "score": p.score, "reason": p.reason, "state": p.state, "rewrite": p.rewrite,
    }


def denial_between(polarity_a: str, polarity_b: str, a: str = "A", b: str = "B") -> str | None:
    """"B denies what A states" where one of two matched claims is denied and the other is not; None
    where both are stated or both denied (then they agree)."""
    if (polarity_a == "denied") == (polarity_b == "denied"):
        return None
    return f"{b} denies what {a} states" if polarity_b == "denied" else f"{a} denies what {b} states"


def pair_marks(p: MatchPair) -> tuple[str, str]:
    """The mark each side of a match carries: DENIED_MARK for a denied claim, else empty."""
    return (DENIED_MARK if p.polarity_a == "denied" else "", DENIED_MARK if p.polarity_b == "denied" else "")


def pair_texts(p: MatchPair) -> tuple[str, str, str, str]:
    """A match as four plain-text cells: claim A, claim B, why they match (first, where one side denies
    what the other states), and the drift each shows. The claims' denied marks: ``pair_marks``."""
    denies = denial_between(p.polarity_a, p.polarity_b)
    how = (f"{denies}; " if denies else "") + f"{p.score:.2f}: {p.reason}" + ("; same wording" if p.rewrite else "") + (
        "; confirmed by a reviewer" if p.state == "confirmed" else "")
    drift = "; ".join(f"{side}: {', '.join(d)}" for side, d in (("A", p.drift_a), ("B", p.drift_b)) if d)
    return (f"{p.a} (article {p.article_a}): {p.text_a}", f"{p.b} (article {p.article_b}): {p.text_b}", how,
            drift or "none")


def drift_lines(p: MatchPair) -> list[str]:
    """A match's drift flags, one a line: "A: number-conflict"."""
    return [f"{side}: {flag}" for side, flags in (("A", p.drift_a), ("B", p.drift_b)) for flag in flags]


ACROSS_NOTE = ("Claims matched across articles: the same claim in other words, with what changed between the "
               "two versions. A match counts as corroboration only between independent sources, neither copying "
               "the other's wording.")


def claim_dict(rec: ClaimRecord | ClaimView) -> dict[str, Any]:
    """A claim as JSON data: the stored record plus its grades, its review and any disagreement."""
    d = _as_shown(record(rec) if isinstance(rec, ClaimView) else rec).model_dump(mode="json")
    d.update(_extras(rec))
    return d


def claim_json(rec: ClaimRecord | ClaimView) -> str:
    """``claim_dict`` as one line of JSON, written as pydantic writes the record (several times faster)."""
    if isinstance(rec, ClaimView):
        if not rec.history:
            # without a history, the grades and the review fields follow from these five alone
            cred, tail = _NO_HISTORY[(rec.reliability, rec.credibility, rec.review_status, rec.rule_status,
                                      rec.needs_review)]
        else:
            cred, tail = _shown_parts(rec)
        return _view_json(rec, end=tail) if cred is None else _view_json(rec, credibility=cred, end=tail)
    return _as_shown(rec).model_dump_json()[:-1] + "," + _extras_json(rec, shown_grade(rec))


def _shown_parts(rec: ClaimView) -> tuple[str | None, str]:
    """The credibility to write in place of the stored one (None: the stored one), and the JSON of the
    claim's extras with its leading comma."""
    shown = shown_grade(rec)
    cred = shown[1:] if shown and rec.credibility and shown[1:] != rec.credibility else None
    return cred, "," + _extras_json(rec, shown)


class _NoHistory(dict):  # type: ignore[type-arg]
    def __missing__(self, key: tuple[Any, ...]) -> tuple[str | None, str]:
        reliability, credibility, review_status, rule_status, needs_review = key
        if len(self) >= 10_000:
            self.clear()
        probe = ClaimView(*([None] * len(ClaimView._fields)))._replace(
            reliability=reliability, credibility=credibility, review_status=review_status,
            rule_status=rule_status, needs_review=needs_review, history=())
        parts = self[key] = _shown_parts(probe)
        return parts


_NO_HISTORY = _NoHistory()
_view_json = ViewWriter()


def _as_shown(rec: ClaimRecord) -> ClaimRecord:
    """The record with the credibility its shown grade gives, so ``credibility`` and ``grade`` agree
    (the rules' own is ``rule_credibility``)."""
    shown = shown_grade(rec)
    if shown and rec.credibility and shown[1:] != rec.credibility:
        return rec.model_copy(update={"credibility": shown[1:]})
    return rec
