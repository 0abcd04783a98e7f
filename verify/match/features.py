"""What matching reads of a claim: its content words, names, figures and sources, computed once.

A :class:`MatchClaim` is built from an extracted :class:`verify.models.Claim` or a stored
:class:`verify.models.ClaimRecord` alike (anything with their fields), so two files can be compared
without a store and stored claims matched with the same code.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from ..extract.words import WEEKDAYS
from ..registry import Registry, unnamed_key
from .words import CERTAIN, HEDGES, STOP

_TOKEN = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")
_LITERAL = re.compile(r"\d[\d,]*(?:\.\d+)?")
MAX_TERM = 40  # longer "words" are links or junk, not terms worth indexing
_NAMED_KINDS = frozenset(("person", "organisation", "outlet"))


def stem(word: str) -> str:
    """A content word's comparable form: lower case, common English endings taken off."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + repl
            break
    return w.strip("'-")


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a stated figure allows, by its stated precision."""

    low: float
    high: float
    unit: str | None
    text: str
    exact: bool  # a single value, stated without "about"

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def middle(self) -> float:
        if math.isinf(self.low):
            return self.high
        if math.isinf(self.high):
            return self.low
        return (self.low + self.high) / 2


def _half_step(text: str, value: float) -> float:
    """Half the place of the last significant digit: "1,200" is 1,150-1,250, "3,000" 2,500-3,500."""
    m = _LITERAL.search(text or "")
    if not m:
        return 0.5
    lit = m.group().replace(",", "")
    try:
        shown = float(lit)
    except ValueError:
        return 0.5
    scale = value / shown if shown else 1.0  # "1.5 million": the literal times a word
    if "." in lit:
        place = 10.0 ** -len(lit.split(".")[1])
    else:
        digits = lit.lstrip("0") or "0"
        place = 10.0 ** (len(digits) - len(digits.rstrip("0"))) if digits != "0" else 1.0
    return place * abs(scale) / 2


def interval(num: Any) -> Interval | None:
    """A stated number (extracted or stored) as the interval its wording allows; None for "dozens"."""
    bound = getattr(num, "bound", "exact") or "exact"
    value, low, high = num.value, num.low, num.high
    unit = (num.unit or None) and num.unit.lower()
    text = num.text
    if bound == "vague":
        return None
    if bound == "range" and low is not None and high is not None:
        pad = 0.1 * (high - low) if num.approximate else 0.0
        return Interval(low - pad, high + pad, unit, text, False)
    if bound == "lower":
        lo = low if low is not None else value
        return None if lo is None else Interval(lo, math.inf, unit, text, False)
    if bound == "upper":
        hi = high if high is not None else value
        return None if hi is None else Interval(-math.inf, hi, unit, text, False)
    v = value if value is not None else (low if low is not None else high)
    if v is None:
        return None
    half = _half_step(text, v)
    if num.approximate or bound == "approximate":
        half = max(half, 0.25 * abs(v))
        return Interval(v - half, v + half, unit, text, False)
    return Interval(v - half, v + half, unit, text, True)


@dataclass(slots=True)
class MatchClaim:
    """One claim as matching sees it."""

    claim_id: Any
    article: Any
    text: str
    attribution: str
    cue: str | None
    sources: tuple[str, ...]  # canonical names, relaying sources after "via"
    kinds: frozenset[str]
    keys: frozenset[str]  # independence keys: who stands behind the claim
    attributed: bool
    numbers: tuple[Interval, ...]
    content: frozenset[str]
    names: frozenset[str]  # capitalised words, as written, but for days of the week
    days: frozenset[str]  # days of the week it names, lower case
    words: tuple[str, ...]  # the claim's words in lower case, for shared wording
    hedged: bool
    order: tuple = field(default=())  # earlier sorts first: (published, article id)
    # what matching compares and the candidate index files the claim under: content words and
    # exact figures
    terms: frozenset[str] = frozenset()

    @classmethod
    def from_claim(cls, claim: Any, article: Any, claim_id: Any = None, *, registry: Registry | None = None,
                   outlet: str | None = None, order: tuple = ()) -> MatchClaim:
        sources = list(getattr(claim, "sources", ()) or ())
        relays = list(getattr(claim, "relayed_by", ()) or ())
        speaking = relays or sources
        keys = frozenset(_key(s, article, registry) for s in speaking if s.kind != "vague")
        if not speaking:
            keys = frozenset((f"outlet:{outlet.lower()}" if outlet else f"article:{article}",))
        tokens = _TOKEN.findall(claim.text)
        words = tuple(t.lower() for t in tokens)
        nums = list(getattr(claim, "numbers", ()) or ())
        # the words of a stated figure ("four hours") are compared as the figure, not as words
        in_figures = {w.lower() for n in nums for w in _TOKEN.findall(n.text)}
        content = frozenset(
            s for t in tokens
            if not t[0].isdigit() and (low := t.lower()) not in STOP and low not in in_figures
            and 3 <= len(s := stem(t)) <= MAX_TERM
        )
        intervals = tuple(i for n in nums if (i := interval(n)) is not None)
        days = frozenset(w for w in words if w in WEEKDAYS)
        names = frozenset(
            t.strip("'’-") for i, t in enumerate(tokens)
            if i > 0 and t[0].isupper() and len(t) > 1 and t.lower() not in WEEKDAYS
            and re.split("['’]", t.lower())[0] not in STOP  # "It’s", "I’ve" are no names
        )
        cue = claim.cue.text if getattr(claim, "cue", None) else None
        cue_words = {w.lower() for w in (cue or "").split()}
        hedged = bool((set(words) | cue_words) & HEDGES) and not (cue_words & CERTAIN)
        return cls(
            claim_id=claim_id if claim_id is not None else getattr(claim, "id", None),
            article=article,
            text=claim.text,
            attribution=claim.attribution,
            cue=cue,
            sources=tuple(s.canonical for s in sources) + tuple(f"via {s.canonical}" for s in relays),
            kinds=frozenset(s.kind for s in speaking),
            keys=keys,
            attributed=bool(speaking),
            numbers=intervals,
            content=content,
            names=names,
            days=days,
            words=words,
            hedged=hedged,
            order=order,
            terms=content | {figure_term(i)[:MAX_TERM] for i in intervals if i.exact},
        )

    @property
    def anonymous(self) -> bool:
        return self.attributed and self.kinds <= {"anonymous", "vague"}

    @property
    def named(self) -> bool:
        return bool(self.kinds & _NAMED_KINDS)


def figure_term(i: Interval) -> str:
    """An exact figure as an index term: "#4 hours", "#1200"."""
    v = i.middle
    shown = str(int(v)) if float(v).is_integer() else f"{v:g}"
    return f"#{shown} {i.unit}" if i.unit else f"#{shown}"


def _key(source: Any, article: Any, registry: Registry | None) -> str:
    canonical = source.canonical
    key = registry.independence_key(canonical) if registry is not None else (
        getattr(source, "affiliation", None) or canonical)
    if source.kind == "anonymous" and key == canonical:
        return unnamed_key(canonical, article)
    return key
