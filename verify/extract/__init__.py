"""Claims and their sources from article text: ``extract_claims(text, registry)``.

Rule-based and pure Python. An article is read in this order:

- ``sentences.py``, ``quotes.py``: paragraphs, sentences and the quotations in them;
- ``discourse.py``: the article sentence by sentence, and what carries over between sentences
  (inherited accounts, quotations over paragraphs, "X said:" before a paragraph, the outlet's own claims);
- ``attribution.py``: the grammar of one sentence (its docstring lists the steps): ``tokens.py``,
  then the cues (``verbs.py``, ``frames.py``), the source phrase (``speaker.py``, ``subjects.py``, ``phrases.py``),
  the content (``content.py``), and what the source names (``sources.py``, through the registry);
- ``figures.py``, ``numbers.py``: the figures each claim states.

Every word list the grammar reads is in ``cues.py`` (cues) or ``words.py`` (the rest). Spans are
``[start, end)`` offsets into ``text`` exactly as given.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cycles import no_cycle_collection
from ..models import Claim, Cue, SourceMention, trusted
from ..registry import Registry
from .attribution import Found
from .discourse import read
from .numbers import find_numbers
from .polarity import polarity
from .quotes import singles_as_doubles
from .naming import unify_names
from .sources import Context, Src

__all__ = ["extract_claims", "iter_claims"]


def extract_claims(text: str, registry: Registry | None = None) -> list[Claim]:
    """Every claim of ``text`` with the source(s) it is attributed to, in reading order."""
    with no_cycle_collection():
        return list(iter_claims(text, registry))


def iter_claims(text: str, registry: Registry | None = None) -> Iterator[Claim]:
    """The claims of ``extract_claims`` one at a time, for callers that write each out as it comes.

    The article is read whole first (names resolve across it), but only the light working records
    are kept; each claim model is built when asked for and the record behind it is let go, so a
    streaming caller holds about a tenth of the memory the full list takes.
    """
    if registry is None:
        registry = Registry.starter()
    # the grammar reads ‘…’ quotations as “…” ones; claims are cut from the text as given
    marked = singles_as_doubles(text)
    ctx = Context(registry=registry, text=marked)
    with no_cycle_collection():
        found = read(marked, ctx)
    unify_names(_distinct([s for f in found for s in (*f.sources, *f.relayed_by)]))
    del ctx
    found.reverse()
    while found:
        f = found.pop()
        # content with no word in it ("", a lone pair of quotation marks) states nothing
        if any(_has_word(text, s, e) for s, e in f.frags):
            yield _to_claim(text, f)


_WORD = re.compile(r"\w")


def _has_word(text: str, start: int, end: int) -> bool:
    return _WORD.search(text, start, end) is not None


def _distinct(srcs: list[Src]) -> list[Src]:
    # one Src object can stand behind several claims; rewrite each once
    seen: set[int] = set()
    out = []
    for s in srcs:
        if id(s) not in seen:
            seen.add(id(s))
            out.append(s)
    out.sort(key=lambda s: s.span[0] if s.span else 0)
    return out


def _builder(cls):
    """``cls.model_construct`` for every field given in declared order, without validation
    (``verify.models.trusted``): tens of thousands of claims and mentions are built per corpus."""
    names = tuple(cls.model_fields)
    plain = (not cls.__pydantic_root_model__ and not cls.__pydantic_post_init__ and cls.model_config.get("extra") != "allow"
             and all(f.alias is None and f.validation_alias is None for f in cls.model_fields.values()))
    if not plain:
        return lambda *values: cls.model_construct(**dict(zip(names, values, strict=True)))
    n = len(names)
    # every field is set, so every model's set of set fields is the same one: shared, not one per
    # model (a set of eight names is 728 bytes, a fifth of a claim; pydantic only ever adds a field
    # name to it, which it holds already, and copies it for model_copy)
    fields = set(names)

    # a length test in place of zip(strict=True), whose keyword argument alone costs as much as
    # the rest of the dict
    def build(*values):
        if len(values) != n:
            raise TypeError(f"{cls.__name__}: {n} field values expected, {len(values)} given")
        return trusted(cls, dict(zip(names, values)), fields)

    return build


# every field comes from the extractor itself, already typed: built without re-validation
_claim = _builder(Claim)
_cue = _builder(Cue)
_source = _builder(SourceMention)


def _to_claim(text: str, f: Found) -> Claim:
    sense, denied = polarity(text, f)
    if denied is not None:
        f.frags = denied  # the content cut to what the source denies ("reports that A" -> A)
    if len(f.frags) == 1:  # most claims are one piece: the same values without the joins and loops
        start, end = f.frags[0]
        body = text[start:end]
        numbers = find_numbers(text, start, end)
        frags = []
    else:
        frags = sorted(f.frags)
        start, end = frags[0][0], max(e for _, e in frags)
        body = " ".join(text[s:e] for s, e in frags)
        numbers = []
        for s, e in frags:
            numbers.extend(find_numbers(text, s, e))
    return _claim(
        body,
        (start, end),
        frags,
        f.attribution,
        _cue(text[f.cue[0] : f.cue[1]], f.cue) if f.cue else None,
        [_source(s.mention, s.span, s.canonical, s.kind) for s in f.sources] if f.attribution != "unattributed" else [],
        [_source(s.mention, s.span, s.canonical, s.kind) for s in f.relayed_by] if f.relayed_by else [],
        numbers,
        sense,
    )
