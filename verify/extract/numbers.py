"""Figures a text states, as structured values: counts, ranges, percentages, amounts and measures.

``find_numbers(text, start, end)`` returns :class:`verify.models.Number` objects whose spans index
``text`` itself (absolute offsets), so a claim's numbers can be looked up in the article.

What counts as a figure: "200", "1,200", "two", "twenty-five", "1.5 million", "$1.5 billion",
"40%", "40 percent", "984 square kilometers", "30 km", ranges ("10,000 to 12,000", "between 5 and
10", "10,000-12,000", "two or three"), bounds and approximations ("more than 200", "at least 5",
"up to 12,000", "under 10", "approximately 200", "nearly 300", "some 40", "200 or more") and vague
quantities ("dozens", "hundreds", "tens of thousands", "several hundred").

What does not: years ("2024", "August 2024", "2014-2015"), days of the month ("12 August",
"Aug. 12", "December 14 and 15", "14 and 15 December"), a figure compounded with a unit of time
to describe something else ("a 14-month siege", "a three-day truce"), clock times ("10:30", "6 p.m.", "0800 GMT"), dates ("2024-08-12", "12/08/2024"),
ordinals ("first", "21st"), decades ("1990s"), designations ("F-16", "COVID-19", "G7", "Article 5",
"World War II"), and "one" that is a pronoun or an idiom ("no one", "one of them", "one another",
"showing one with a splinted arm", "one was released"): "one" counts only when a counted word
follows it ("one soldier", "one wounded fighter").

How a figure is stored:

- exact: ``value`` = ``low`` = ``high``; ``bound`` "exact".
- range: ``low`` and ``high``, ``value`` None; ``bound`` "range".
- "more than"/"over"/"at least"/"or more", and a total that "surpassed"/"exceeded"/"topped" it:
  ``value`` = ``low``, ``high`` None; ``bound`` "lower".
- "up to"/"under"/"fewer than": ``value`` = ``high``, ``low`` None; ``bound`` "upper".
- "about"/"approximately"/"some"/"an estimated": ``value`` only, ``approximate``; ``bound``
  "approximate" ("nearly"/"almost" also set ``high``, since the figure is not reached).
- "dozens"/"thousands"/"several hundred": ``value`` None, a generous ``low``/``high``,
  ``approximate``; ``bound`` "vague".

Units are normalised so figures from different articles compare: "%", "percentage points", "km2",
"mi2", "km", "mi", "m", "ha", "acres", "t", "kg", USD, EUR, GBP, RUB, UAH, CNY, and time units
("years", "months", "weeks", "days", "hours", "minutes", "years old"). Counted nouns ("soldiers") are
not units.

Why hand-written rather than quantulum3: on the first 3,000 sentences of PolNeAR train, one core,
quantulum3 0.10 took 1.3 ms a sentence (0.08 MB/s) after a 1.6 s start, which alone would sink the
extractor's budget of >= 1 MB/s; this module took 10 us a sentence (10 MB/s; about 12 MB/s over
whole articles, ``python bench/extract_speed.py --numbers``). The patterns have no nested
quantifiers, and beyond the candidate scan each figure costs a bounded look at its neighbours, so
the work is linear in the text.

Recognising a figure (the candidate scan, rejecting years, dates and designations, reading value,
scale and unit) is ``figures.py``; here the figures are interpreted: qualifiers, ranges and bounds.
"""

from __future__ import annotations

import re

from ..models import Number, trusted
from .figures import CANDIDATE_AFTER, CANDIDATE_ANY_CASE, CORE, LOOKBACK, SPACES, Part, read_part
from .patterns import trie

# -- what qualifies a figure ------------------------------------------------------------------------

_SIGNS_BEFORE = ("US$", "C$", "A$", "$", "€", "£", "¥", "₴", "₽")
_CODES_BEFORE = ("USD", "EUR", "GBP", "UAH", "RUB")
_CURRENCY_BEFORE = re.compile(
    "(?:" + "|".join(map(re.escape, _SIGNS_BEFORE)) + "|(?:" + "|".join(_CODES_BEFORE) + r")\s?)$")
_CURRENCY_SIGN = re.compile(r"US\$|\$|€|£|₴|₽")
_CURRENCY_CODES = {"US$": "USD", "$": "USD", "C$": "CAD", "A$": "AUD", "€": "EUR", "£": "GBP",
                   "¥": "CNY", "₴": "UAH", "₽": "RUB"}

# qualifiers just before a figure
_QUALIFIERS: list[tuple[str, str]] = [
    ("approximately", "approx"), ("approx.", "approx"), ("about", "approx"), ("around", "approx"),
    ("roughly", "approx"), ("some", "approx"), ("an estimated", "approx"), ("estimated", "approx"),
    ("an approximate", "approx"), ("circa", "approx"), ("c.", "approx"), ("~", "approx"),
    ("nearly", "below"), ("almost", "below"), ("close to", "below"), ("just under", "below"),
    ("just short of", "below"), ("more than", "lower"), ("over", "lower"), ("at least", "lower"),
    ("no fewer than", "lower"), ("no less than", "lower"), ("upwards of", "lower"),
    ("in excess of", "lower"), ("just over", "lower"), ("well over", "lower"), ("above", "lower"),
    ("exceeding", "lower"), ("exceeded", "lower"), ("exceeds", "lower"), ("surpassed", "lower"),
    ("surpassing", "lower"), ("surpasses", "lower"), ("topped", "lower"), ("as many as", "upper"), ("up to", "upper"), ("under", "upper"),
    ("less than", "upper"), ("fewer than", "upper"), ("no more than", "upper"), ("at most", "upper"),
    ("as few as", "upper"), ("below", "upper"), ("between", "between"), ("from", "from"),
]
# A qualifier must end the text before the figure, so at most one can match at any start: a trie
# finds it with far fewer branches tried than the list's alternation (half the time)
_QUALIFIER_BEFORE = re.compile(
    r"(?<!\w)(?P<q>" + trie(sorted(q for q, _ in _QUALIFIERS)) + r")\s*$", re.IGNORECASE)
_QUALIFIER_KIND = {q: k for q, k in _QUALIFIERS}
# the last word of each qualifier: text that ends with none of them (spaces aside) needs no search
_QUALIFIER_ENDS = tuple(sorted({q.rsplit(" ", 1)[-1] for q, _ in _QUALIFIERS}))
_TRAILING = re.compile(r"\s+or\s+(?P<more>more|so)\b|(?P<plus>\+|-plus\b|\s+plus\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"\s*(?P<j>-|–|—|to|and|or)\s*", re.IGNORECASE)


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """The figures stated in ``text[start:end]``, with spans into ``text``."""
    end = len(text) if end is None else min(end, len(text))
    start = max(0, start)
    chunk = text[start:end]
    # Candidates are found in lower case with a case-sensitive trie (about ten times faster than
    # one case-insensitive pattern), then confirmed on the original text.  Lower-casing keeps
    # offsets only where no character changes length, which is checked.
    scan = chunk.lower()
    lowered = len(scan) == len(chunk)
    if lowered:
        # CANDIDATE_AFTER reads the character before each candidate; the space stands for what
        # precedes the chunk, so that scan[i + 1] is chunk[i]
        scan = " " + scan
    else:
        scan = chunk
    out: list[Number] = []
    pos = 0
    while True:
        if lowered:
            c = CANDIDATE_AFTER.search(scan, pos)
            if c is not None and c.end() - c.start() == 1 and c.start() == pos:
                c = CANDIDATE_AFTER.search(scan, pos + 1)  # a digit at pos - 1, before this search
            if c is None:
                break
            at, c_end = c.start(), c.end() - 1
            if at == c_end:  # a digit: the one character matched (scan[at + 1] is chunk[at])
                at -= 1
        else:
            c = CANDIDATE_ANY_CASE.search(scan, pos)
            if c is None:
                break
            at, c_end = c.start(), c.end()
        m = CORE.match(text, start + at, end)
        if m is None:
            pos = c_end
            continue
        found = _figure_at(text, m, start, end)
        if found is None:
            pos = m.end() - start
            continue
        number, next_pos = found
        if number is not None:
            out.append(number)
        # a run of number words may hold more than one figure ("two three"): go on after this one
        pos = (next_pos if next_pos > m.start() else m.end()) - start
    return out


def _figure_at(text: str, m: re.Match, lo: int, hi: int) -> tuple[Number | None, int] | None:
    """The figure at ``m`` and where reading goes on; None for no figure, (None, end) to skip one."""
    if m.group("skip"):
        return None
    s = m.start()
    before = text[max(lo, s - LOOKBACK):s]
    currency = None
    cm = _currency_before(before) if m.group("digits") else None
    if cm:
        currency = _CURRENCY_CODES.get(cm.group(0), cm.group(0).strip())
        s -= len(cm.group(0))
        before = before[: len(before) - len(cm.group(0))]
    part = read_part(text, m, hi, currency, before=before)
    if part is None:
        return None
    if part.vague:
        low, high = part.low, part.high
        return _make(text, s, part.end, None, low, high, part.unit, True, "vague"), part.end

    # a qualifier before the figure ("more than", "between")
    kind = None
    qm = _qualifier_before(before)
    if qm:
        kind = _QUALIFIER_KIND.get(SPACES.sub(" ", qm.group("q").lower()))
        # the qualifier must end right before the figure: "some of the 40" is not "some 40"
        s = s - len(before) + qm.start("q")

    # a range: "10,000 to 12,000", "between 5 and 10", "5-10%", "two or three"
    second = _range_second(text, part, hi, kind)
    if second is not None and second.tally:
        return None, second.end
    if second is not None:
        if part.unit is None:
            part.unit = second.unit
        if not part.scaled and second.scaled and part.raw is not None and second.raw is not None \
                and part.raw <= second.raw:
            factor = second.value / second.raw if second.raw else 1
            part.value = part.low = part.high = part.value * factor
        low, high = part.value, second.value
        if low is not None and high is not None and low > high:
            low, high = high, low
        approximate = kind in ("approx", "below")
        return _make(text, s, second.end, None, low, high, part.unit, approximate, "range"), second.end

    if kind in ("between",):
        # "between 5" with no second figure: the qualifier is not part of this figure
        s = m.start() - (len(cm.group(0)) if cm else 0)
        kind = None
    if kind == "from":
        s = m.start() - (len(cm.group(0)) if cm else 0)
        kind = None

    v, end = part.value, part.end
    tm = _TRAILING.match(text, end, hi)
    if tm and kind is None:
        if tm.group("more") and tm.group("more").lower() == "more" or tm.group("plus"):
            kind = "lower"
        else:
            kind = "approx"
        end = tm.end()
    if kind == "lower":
        return _make(text, s, end, v, v, None, part.unit, False, "lower"), end
    if kind == "upper":
        return _make(text, s, end, v, None, v, part.unit, False, "upper"), end
    if kind == "approx":
        return _make(text, s, end, v, None, None, part.unit, True, "approximate"), end
    if kind == "below":
        return _make(text, s, end, v, None, v, part.unit, True, "approximate"), end
    return _make(text, s, end, v, v, v, part.unit, False, "exact"), end


# The patterns read before a figure are anchored at the end of the text before it, and a search tries
# them at every character; each is searched for only where that text ends as a match of it would
# (the tests are a superset of the pattern's matches, so what is found is the same).


def _currency_before(before: str) -> re.Match | None:
    """"$", "US$", "EUR " just before a figure."""
    tail = before[:-1] if before[-1:].isspace() else before
    return _CURRENCY_BEFORE.search(before) if tail.endswith(_SIGNS_BEFORE + _CODES_BEFORE) else None


def _qualifier_before(before: str) -> re.Match | None:
    """"more than", "about", "up to" just before a figure, any spaces between."""
    # the pattern ignores case: outside ASCII its case folding is not str.lower's, so it is searched
    if before.isascii() and not before.rstrip().lower().endswith(_QUALIFIER_ENDS):
        return None
    return _QUALIFIER_BEFORE.search(before)


def _make(text, s, e, value, low, high, unit, approximate, bound) -> Number:
    # every value is built here already of its field's type (str, int span, float or None, bool, a
    # bound name), so the model is assembled without re-validating it
    return trusted(Number, {"text": text[s:e], "span": (s, e), "value": _clean(value), "low": _clean(low),
                            "high": _clean(high), "unit": unit, "approximate": approximate, "bound": bound})


def _clean(v: float | None) -> float | None:
    if v is None:
        return None
    r = round(v, 6)
    return float(r)


def _range_second(text: str, first: Part, hi: int, kind: str | None) -> Part | None:
    jm = _RANGE_JOIN.match(text, first.end, hi)
    if jm is None:
        return None
    j = jm.group("j").lower()
    if j == "and" and kind != "between":
        return None
    if kind == "between" and j != "and":
        return None
    if j == "or" and first.unit is not None:
        return None
    if j in ("-", "–", "—") and jm.group(0) != j and j == "-":
        return None  # "5 - 10" spaced hyphens are more often dashes in prose
    pos = jm.end()
    cm = _CURRENCY_SIGN.match(text, pos, hi)
    currency = first.unit if first.unit in ("USD", "EUR", "GBP", "UAH", "RUB") else None
    if cm:
        currency = _CURRENCY_CODES.get(cm.group(0))
        pos = cm.end()
    m = CORE.match(text, pos, hi)
    if m is None or m.group("vague"):
        return None
    if j == "or" and not m.group("word"):
        return None  # "two or three" is a range; "5 or 6" is usually not news copy's range
    second = read_part(text, m, hi, currency, before=text[max(0, pos - LOOKBACK):pos])
    if second is None or second.value is None:
        return None
    if j in ("-", "–") and jm.group(0) == jm.group("j") and first.unit is None and second.unit is None \
            and not first.scaled and not second.scaled and first.value >= second.value:
        second.tally = True  # "a 5-4 ruling", "drew 2-2": a vote or a score; a range runs upwards
    return second
