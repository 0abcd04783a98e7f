"""Whether two claims state the same thing, why, and what changed between them.

Pure functions of two :class:`MatchClaim` s: no store, no registry look-ups.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .features import Interval, MatchClaim, figure_term, stem

# a pair is a match when at least MIN_SHARED terms are shared and they weigh at least MIN_DICE of
# both claims' terms together (2 * shared / (a + b))
MIN_SHARED = 3
MIN_DICE = 0.6
# or, where both state the same figure, MIN_WITHIN of the shorter claim's terms
MIN_WITHIN = 0.6
# shared wording: this share of the shorter claim's SHINGLE-word runs found in the other
SHINGLE = 4
REWRITE_SHARE = 0.6


@dataclass(frozen=True, slots=True)
class Match:
    score: float  # 0-1
    reason: str  # "same figure 200, same names Kursk, 6 of 9 content words"


def match(a: MatchClaim, b: MatchClaim, weight: Callable[[str], float] | None = None) -> Match | None:
    """The match of two claims, or None where they do not state the same thing.

    Claims are compared by their terms (content words and exact figures), each weighed by
    ``weight`` (the store gives rarer terms more: "Synkivka" says more than "forces"); without it
    every term weighs the same. Names veto: where both claims name places or people and share none,
    or both name days of the week and share none, they are about different things however many
    other words they share; and two claims that share names but hardly another word (fewer than
    two, or one beside a shared figure) speak of the same people, not of the same thing.
    """
    ta, tb = a.terms, b.terms
    shared = ta & tb
    if len(shared) < MIN_SHARED:
        return None
    w = weight or _one
    wa, wb, ws = sum(map(w, ta)), sum(map(w, tb)), sum(map(w, shared))
    dice = 2 * ws / (wa + wb)
    figures = sorted(t for t in shared if t.startswith("#"))
    # a claim that runs on into a second statement still matches the one it shares a figure and
    # most of its words with
    within = ws / min(wa, wb) if figures else 0.0
    if dice < MIN_DICE and within < MIN_WITHIN:
        return None
    names = a.names & b.names
    if a.names and b.names and not names:
        return None
    # sharing names and little else is being about the same people or places, not saying the same
    named = {stem(n) for n in a.names | b.names}
    plain = [t for t in shared if not t.startswith("#") and t not in named]
    if len(plain) < (1 if figures else 2):
        return None
    if a.days and b.days and a.days.isdisjoint(b.days):
        return None
    days = a.days & b.days
    parts = []
    if figures:
        shown = [_figure_shown(t, a) for t in figures]
        parts.append(f"same figure{'s' if len(shown) > 1 else ''} {', '.join(shown)}")
    if names:
        parts.append(f"same name{'s' if len(names) > 1 else ''} {', '.join(sorted(names))}")
    if days:
        parts.append(f"same day {', '.join(d.capitalize() for d in sorted(days))}")
    words = len(shared) - len(figures)
    parts.append(f"{words} of {len(a.content | b.content)} content words")
    score = min(1.0, max(dice, 0.9 * within) + 0.05 * min(len(names), 2))
    return Match(round(score, 2), ", ".join(parts))


def _one(_term: str) -> float:
    return 1.0


def _figure_shown(term: str, claim: MatchClaim) -> str:
    for i in claim.numbers:
        if i.exact and figure_term(i) == term:
            return _shown(i)
    return term[1:]


def _shown(i: Interval) -> str:
    v = i.middle
    shown = f"{int(v):,}" if float(v).is_integer() else f"{v:g}"
    return f"{shown} {i.unit}" if i.unit else shown


def numbers_conflict(a: MatchClaim, b: MatchClaim) -> list[tuple[Interval, Interval]]:
    """The pairs of figures (same unit) that cannot both be right, by each one's stated precision.

    Figures pair up in the order stated, within a unit; where one claim states fewer, each of its
    figures is held against the closest one of the other.
    """
    out = []
    units = {i.unit for i in a.numbers} & {i.unit for i in b.numbers}
    for unit in units:
        xs = [i for i in a.numbers if i.unit == unit]
        ys = [i for i in b.numbers if i.unit == unit]
        if len(xs) == len(ys):
            pairs = list(zip(xs, ys))
        else:
            few, many = (xs, ys) if len(xs) < len(ys) else (ys, xs)
            pairs = []
            for f in few:
                best = min(many, key=lambda m: 0 if f.overlaps(m) else abs(m.middle - f.middle))
                pairs.append((f, best) if few is xs else (best, f))
        out.extend((x, y) for x, y in pairs if not x.overlaps(y))
    return out


def rewrite(a: MatchClaim, b: MatchClaim) -> bool:
    """True where one claim repeats the other's wording: a copy, which adds no independent weight."""
    sa, sb = _shingles(a.words), _shingles(b.words)
    if not sa or not sb:
        return False
    small, big = (sa, sb) if len(sa) <= len(sb) else (sb, sa)
    return len(small & big) / len(small) >= REWRITE_SHARE


def _shingles(words: tuple[str, ...]) -> set[tuple[str, ...]]:
    return {words[i : i + SHINGLE] for i in range(len(words) - SHINGLE + 1)}


def articles_rewrite(text_a: str, text_b: str) -> float:
    """The share of ``b``'s word runs found in ``a``: near 1 for a rewrite of ``a``, near 0 for an
    article in its own words."""
    from .features import _TOKEN

    sa = _shingles(tuple(t.lower() for t in _TOKEN.findall(text_a)))
    sb = _shingles(tuple(t.lower() for t in _TOKEN.findall(text_b)))
    return len(sa & sb) / len(sb) if sb else 0.0


def same_source(a: MatchClaim, b: MatchClaim) -> bool:
    """Whether the two claims share a source, government or parent organisation (or relaying
    outlet), or name one person in a longer and a shorter form ("Hillary Clinton", "Clinton")."""
    if not a.keys.isdisjoint(b.keys) or not set(a.sources).isdisjoint(b.sources):
        return True
    for x in a.sources:
        for y in b.sources:
            wx, wy = set(x.lower().split()), set(y.lower().split())
            if wx and wy and (wx <= wy or wy <= wx):
                return True
    return False


def independent(a: MatchClaim, b: MatchClaim) -> bool:
    """Whether the two claims come from independent sources (not :func:`same_source`) and neither
    repeats the other's wording."""
    return not same_source(a, b) and not rewrite(a, b)


def drift(a: MatchClaim, b: MatchClaim) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The drift flags of a matched pair: those ``a`` carries and those ``b`` carries.

    ``a`` and ``b`` in either order: the later of the two (by ``order``) is the one that named,
    hid or un-hedged what the earlier said. A change of source counts as drift only where one claim
    repeats the other's wording (told in other words by another source, it is corroboration): an
    unnamed source whose description fits the named one ("a Ukrainian official", "officials" and
    the Government of Ukraine) is ``source-named`` or ``source-hidden``, any other change
    ``attribution-mismatch`` on both sides. Both carry ``number-conflict``; the side without a
    source carries ``attribution-dropped``.
    """
    fa: list[str] = []
    fb: list[str] = []
    first, later, f_later = (a, b, fb) if a.order <= b.order else (b, a, fa)
    if a.attributed and b.attributed:
        # a different source for the same words is drift; in other words it is another witness
        same, copied = same_source(a, b), rewrite(a, b)
        if first.anonymous and later.named and (same or copied) and _could_be(first, later):
            f_later.append("source-named")
        elif first.named and later.anonymous and (same or copied) and _could_be(later, first):
            f_later.append("source-hidden")
        elif copied and not same:
            fa.append("attribution-mismatch")
            fb.append("attribution-mismatch")
    elif a.attributed != b.attributed:
        (fb if a.attributed else fa).append("attribution-dropped")
    if numbers_conflict(a, b):
        fa.append("number-conflict")
        fb.append("number-conflict")
    if first.hedged and not later.hedged:
        f_later.append("hedge-dropped")
    return tuple(fa), tuple(fb)


def _could_be(unnamed: MatchClaim, named: MatchClaim) -> bool:
    """Whether an unnamed source's description fits the named one: "a Ukrainian official" may be the
    Government of Ukraine, "a Western diplomat" is not. A description naming no place fits anyone."""
    described = {w[:5].lower() for s in unnamed.sources for w in s.split() if w[:1].isupper()}
    if not described:
        return True
    names = {w[:5].lower() for s in (*named.sources, *named.keys) for w in s.split() if w[:1].isupper()}
    return bool(described & names)
