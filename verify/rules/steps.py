"""Step definitions: the phrasings a rulebook may use, with typed parameters.

A definition is registered with ``@given``, ``@when`` or ``@then`` and a phrasing such as
``'a claim attributed to "{source}"'``. In a phrasing, ``{name}`` is a parameter (``{name:type}`` for
another type than quoted text) and ``(s)`` an optional plural. The decorated function is a factory:
called once per rule with the step's parameters, it returns a predicate over a claim's facts (Given,
When) or one or more ``Outcome``s (Then). Plug-ins use the same decorators (see ``plugins.py``).
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..models import ATTRIBUTION_KINDS, CREDIBILITY_GRADES, RELIABILITY_GRADES, SOURCE_KINDS, STATUSES

KINDS = ("given", "when", "then")
OUTCOMES = ("status", "flag", "reliability", "credibility", "needs-review")
# a reliability outcome with this value takes the grade the registry gives the claim's source
REGISTRY_GRADE = "registry"


class StepError(ValueError):
    """A step that matched a phrasing but whose values are wrong (an unknown status, say)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a Then step does to a claim: set its status, add a flag, grade it, ask for review."""

    kind: str
    value: str
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in OUTCOMES:
            raise StepError(f"unknown outcome kind {self.kind!r} (one of {', '.join(OUTCOMES)})")


def always(_fact: Any) -> bool:
    """The test of "Given any claim"; the engine skips it."""
    return True


def _choice(name: str, allowed: tuple[str, ...], lower: bool = True) -> Callable[[str], str]:
    def convert(raw: str) -> str:
        value = raw.strip().lower() if lower else raw.strip().upper()
        if value not in allowed:
            raise StepError(f"unknown {name} {raw!r}; one of: {', '.join(allowed)}")
        return value

    return convert


def _text(raw: str) -> str:
    if not raw.strip():
        raise StepError("empty text between the quotes")
    return raw.strip()


def _int(raw: str) -> int:
    return int(raw)


def _date(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise StepError(f"not a date (YYYY-MM-DD): {raw!r}") from None


def _grade(raw: str) -> str:
    g = raw.strip().upper()
    if len(g) != 2 or g[0] not in RELIABILITY_GRADES or g[1] not in CREDIBILITY_GRADES:
        raise StepError(f"not an Admiralty grade (A-F then 1-6, e.g. \"B2\"): {raw!r}")
    return g


# parameter type -> (regex of the raw text, converter, what the listing shows)
PARAM_TYPES: dict[str, tuple[str, Callable[[str], Any], str]] = {
    "text": (r"[^\"]*", _text, "text"),
    "int": (r"\d+", _int, "n"),
    "status": (r"[^\"]*", _choice("status", STATUSES), "status"),
    "source-kind": (r"[^\"]*", _choice("source kind", SOURCE_KINDS), "kind"),
    "attribution": (r"[^\"]*", _choice("attribution kind", ATTRIBUTION_KINDS), "attribution"),
    "reliability": (r"[^\"]*", _choice("source reliability", RELIABILITY_GRADES, lower=False), "A-F"),
    "credibility": (r"[^\"]*", _choice("information credibility", CREDIBILITY_GRADES), "1-6"),
    "grade": (r"[^\"]*", _grade, "grade"),
    "date": (r"[^\"]*", _date, "YYYY-MM-DD"),
}

_PARAM = re.compile(r"\{(\w+)(?::([\w-]+))?\}")


@dataclass(frozen=True)
class StepDef:
    kind: str
    phrasing: str
    factory: Callable[..., Any]
    description: str
    example: str
    table: bool = False  # takes a data table (a list: one item a row, first cell)
    doc: bool = False  # takes a doc string (a text)
    origin: str = "built-in"
    regex: re.Pattern = field(init=False, repr=False, compare=False)
    params: tuple[tuple[str, str], ...] = field(init=False, compare=False)
    shown: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        pattern, shown, params, pos = [], [], [], 0
        for m in _PARAM.finditer(self.phrasing):
            lit = self.phrasing[pos : m.start()]
            pattern.append(_literal(lit))
            shown.append(lit)
            name, ptype = m.group(1), m.group(2) or "text"
            if ptype not in PARAM_TYPES:
                raise ValueError(f"{self.phrasing!r}: unknown parameter type {ptype!r}")
            regex, _conv, label = PARAM_TYPES[ptype]
            pattern.append(f"({regex})")
            shown.append(f"<{name}>" if ptype in ("text", "int") else f"<{label}>")
            params.append((name, ptype))
            pos = m.end()
        lit = self.phrasing[pos:]
        pattern.append(_literal(lit))
        shown.append(lit)
        object.__setattr__(self, "regex", re.compile("".join(pattern) + r"\Z", re.IGNORECASE))
        object.__setattr__(self, "params", tuple(params))
        shown_text = "".join(shown) + (":" if (self.table or self.doc) and not self.phrasing.endswith(":") else "")
        object.__setattr__(self, "shown", shown_text)

    def match(self, text: str) -> re.Match | None:
        return self.regex.match(text.strip())

    def build(self, m: re.Match, ctx: Any, table: list[list[str]] | None, doc: str | None) -> Any:
        """Run the factory for one step; StepError for values the phrasing cannot take."""
        kwargs: dict[str, Any] = {}
        for (name, ptype), raw in zip(self.params, m.groups()):
            kwargs[name] = PARAM_TYPES[ptype][1](raw)
        if table is not None and not self.table:
            raise StepError("this step takes no data table")
        if doc is not None and not self.doc:
            raise StepError("this step takes no doc string")
        if self.table:
            if table is None:
                raise StepError("this step needs a data table below it (one item a row)")
            kwargs["table"] = table
        if self.doc:
            if doc is None or not doc.strip():
                raise StepError('this step needs a doc string below it (text between """ lines)')
            kwargs["doc"] = doc.strip()
        if "ctx" in _param_names(self.factory):
            kwargs["ctx"] = ctx
        return self.factory(**kwargs)


def _literal(text: str) -> str:
    out = re.escape(text).replace(r"\(s\)", "(?:s)?").replace(r"\ ", r"\s+")
    return out.replace(" ", r"\s+")


_names_cache: dict[Callable, frozenset[str]] = {}


def _param_names(fn: Callable) -> frozenset[str]:
    names = _names_cache.get(fn)
    if names is None:
        names = frozenset(inspect.signature(fn).parameters)
        _names_cache[fn] = names
    return names


class StepRegistry:
    """An ordered set of step definitions: the built-in vocabulary, plus a plug-in's where allowed."""

    def __init__(self, defs: list[StepDef] | None = None) -> None:
        self.defs: list[StepDef] = list(defs or [])

    def add(self, d: StepDef) -> None:
        for old in self.defs:
            if old.kind == d.kind and old.regex.pattern.lower() == d.regex.pattern.lower():
                raise StepError(f"the phrasing {d.phrasing!r} is already defined ({old.origin})")
        self.defs.append(d)

    def copy(self) -> StepRegistry:
        return StepRegistry(self.defs)

    def __iter__(self) -> Iterator[StepDef]:
        return iter(self.defs)

    def __len__(self) -> int:
        return len(self.defs)

    def matches(self, text: str) -> list[tuple[StepDef, re.Match]]:
        out = []
        for d in self.defs:
            m = d.match(text)
            if m:
                out.append((d, m))
        return out


BUILTIN = StepRegistry()
_target: list[tuple[StepRegistry, str]] = [(BUILTIN, "built-in")]


@contextmanager
def collecting(registry: StepRegistry, origin: str) -> Iterator[StepRegistry]:
    """Route ``@given/@when/@then`` into ``registry`` while a plug-in module runs."""
    _target.append((registry, origin))
    try:
        yield registry
    finally:
        _target.pop()


def _decorator(kind: str, phrasing: str, description: str, example: str, table: bool, doc: bool):
    def register(fn: Callable) -> Callable:
        registry, origin = _target[-1]
        registry.add(StepDef(kind, phrasing, fn, description, example, table, doc, origin))
        return fn

    return register


def given(phrasing: str, *, description: str, example: str, table: bool = False, doc: bool = False):
    """A step that selects claims: the factory returns ``predicate(fact) -> bool``."""
    return _decorator("given", phrasing, description, example, table, doc)


def when(phrasing: str, *, description: str, example: str, table: bool = False, doc: bool = False):
    """A step that narrows the selection: the factory returns ``predicate(fact) -> bool``."""
    return _decorator("when", phrasing, description, example, table, doc)


def then(phrasing: str, *, description: str, example: str, table: bool = False, doc: bool = False):
    """A step that sets an outcome: the factory returns an ``Outcome`` or a list of them."""
    return _decorator("then", phrasing, description, example, table, doc)
