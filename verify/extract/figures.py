"""One figure, recognised: the candidate scan, and what a figure at a match is (value, scale, unit).

Recognition rejects what is not a figure (a year, a day of the month, a clock time, a designation
such as "Article 5", "one" as a pronoun) and reads one side of a figure into a ``Part``; ``numbers.py``
interprets the parts (qualifiers, ranges, bounds) into ``Number`` values.
"""

from __future__ import annotations

import re

from .patterns import trie

# -- vocabulary ------------------------------------------------------------------------------------

_UNITS_WORDS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS_WORDS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90,
}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_SCALE_ABBR = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "mln": 1_000_000, "bn": 1_000_000_000,
               "bln": 1_000_000_000,
               "b": 1_000_000_000, "tn": 1_000_000_000_000}

_SMALL = "|".join(sorted({**_UNITS_WORDS, **_TENS_WORDS}, key=len, reverse=True))
_SCALE_WORDS = "hundred|thousand|million|billion|trillion"
_WORD_ATOM = rf"(?:{_SMALL}|{_SCALE_WORDS})"

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)

# The one pattern run over the whole text.  Each alternative starts with a distinctive character
# class and has no nested repetition, so a scan is linear.
CORE = re.compile(
    # dates and clock times are consumed whole so their parts are not read as figures
    r"(?P<skip>\d{4}-\d\d-\d\d|\d{1,2}:\d\d(?::\d\d)?)"
    r"|(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    # "tens of thousands", "hundreds of thousands", "dozens", "several hundred", "a few thousand"
    r"|(?P<vague>\b(?:(?:tens|hundreds|dozens)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)"
    r"|dozens|scores(?=\s+of\b)|hundreds|thousands|millions|billions)\b)"
    # "a dozen", "a hundred", "a million"
    r"|(?P<aword>\ban?\s+(?:dozen|hundred|thousand|million|billion)\b)"
    # "two", "twenty-five", "three hundred and twenty", "one million"
    rf"|(?P<word>\b{_WORD_ATOM}(?:(?:-|\s+){_WORD_ATOM}|(?<=hundred)\s+and\s+{_WORD_ATOM}"
    rf"|(?<=thousand)\s+and\s+{_WORD_ATOM}|(?<=million)\s+and\s+{_WORD_ATOM})*\b)",
    re.IGNORECASE,
)

# what may follow a figure directly ("1.5 million", "$5bn", "40%", "984 square kilometers")
_SCALE_AFTER = re.compile(
    r"(?:\s+|-)?(?P<scale>hundred|thousand|million|billion|trillion)\b"
    r"|\s?(?P<abbr>bln|bn|mln|mn|tn|k|m|b)\b",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"(?:\s*(?P<pct>%|per\s?cent\b|percent\b))"
    r"|(?:\s+(?P<pp>percentage\s+points?)\b)"
    r"|(?:\s*(?P<km2>km2|km²|sq\.?\s?km|square\s+(?:kilometers|kilometres|kilometer|kilometre|km))\b|(?P<km2b>\s*km²))"
    r"|(?:\s*(?P<mi2>sq\.?\s?mi(?:les?)?|square\s+miles?|mi²)\b)"
    r"|(?:\s*(?P<m2>square\s+(?:meters|metres|meter|metre)|m²|sq\.?\s?m)\b)"
    r"|(?:\s*(?P<km>km|kilometers|kilometres|kilometer|kilometre)\b)"
    r"|(?:\s+(?P<mi>miles?)\b)"
    r"|(?:\s+(?P<m>meters|metres|meter|metre)\b)"
    r"|(?:\s+(?P<ha>hectares?)\b|(?P<hab>\s*ha)\b)"
    r"|(?:\s+(?P<acres>acres?)\b)"
    r"|(?:\s+(?P<t>tons|tonnes|ton|tonne)\b)"
    r"|(?:\s*(?P<kg>kg|kilograms?|kilogrammes?)\b)"
    r"|(?:(?:\s+|-)(?P<age>years?[\s-]old)\b)"
    r"|(?:(?:\s+|-)(?P<time>years?|months?|weeks?|days?|hours?|minutes?)\b)"
    # "a nine-storey building", "a 28-page report": the figure measures the thing, it counts nothing told
    # ("a 10-point lead" does count: points of a poll)
    r"|(?P<compound>-(?:storey|story|floor|lane|page|seat|bed|room|stage|star)\b)"
    r"|(?:\s+(?P<usd>(?:US\s+)?dollars?)\b)"
    r"|(?:\s+(?P<eur>euros?)\b)"
    r"|(?:\s+(?P<gbp>pounds\s+sterling|pounds?)\b)"
    r"|(?:\s+(?P<rub>rubles?|roubles?)\b)"
    r"|(?:\s+(?P<uah>hryvnias?|hryvnia|hryvnyas?)\b)"
    r"|(?:\s+(?P<cny>yuan)\b)",
    re.IGNORECASE,
)
_UNIT_NAMES = {
    "pct": "%", "pp": "percentage points", "km2": "km2", "km2b": "km2", "mi2": "mi2", "m2": "m2",
    "km": "km", "mi": "mi", "m": "m", "ha": "ha", "hab": "ha", "acres": "acres", "t": "t",
    "kg": "kg", "age": "years old", "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB",
    "uah": "UAH", "cny": "CNY",
}

SPACES = re.compile(r"\s+")
_WORD_SEPARATORS = re.compile(r"[\s-]+")

# words after which digits name something rather than count it ("Article 5", "World War 2")
_DESIGNATIONS = (
    "Article", "Articles", "Resolution", "Section", "Chapter", "Page", "Route", "Highway", "Flight", "Room", "Number",
    "No", "Nos", "War", "Phase", "Level", "Stage", "Category", "Grade", "Class", "Channel", "Gate", "Terminal",
    "Platform", "Vol", "Volume", "Part", "Title", "Rule", "Protocol", "Amendment", "Item", "Exhibit", "Table",
    "Figure", "Fig", "Paragraph", "Clause", "Decree", "Order", "Directive", "Unit", "Battalion", "Brigade",
    "Division", "Regiment", "Corps", "Squadron", "Block", "Building", "Station", "Camp", "Hill", "Height", "Bus",
    "Train", "Line", "Lane", "Street", "St", "Avenue", "Ave", "Road", "Rd", "Apollo", "Windows", "Version",
    "Model", "Type", "Season", "Episode", "Act", "Bill",
)
_DESIGNATION_BEFORE = re.compile(r"(?:\b(?:" + "|".join(_DESIGNATIONS) + r")\.?\s+|#|№\s?)$")
# what the text before a figure ends with, trailing spaces and a full stop aside, wherever that
# pattern matches it
_DESIGNATION_ENDS = (*_DESIGNATIONS, "#", "№")


def _designation_before(before: str) -> bool:
    """Whether ``before`` ends with a designation ("Article ", "No. ", "#"). A search anchored at the
    end tries the pattern at every character, so it is run only where the text ends like one."""
    tail = before.rstrip()
    if not (tail.endswith(_DESIGNATION_ENDS) or tail[:-1].endswith(_DESIGNATIONS)):
        return False
    return _DESIGNATION_BEFORE.search(before) is not None


_MONTH_BEFORE = re.compile(_MONTHS + r"\s+$")
_MONTH_AFTER = re.compile(r"\s+(?:of\s+)?" + _MONTHS + r"(?!\w)")
# the later days of a list or span of dates: "December 14 and 15", "14 and 15 December", "May 3-5"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_DAY_JOIN = r"\s*(?:,(?:\s*(?:and|or))?|and|or|to|through|-|–)\s*"
_DAY_LIST_BEFORE = re.compile(_MONTHS + rf"\s+{_DAY}(?:\s*,\s*{_DAY})*{_DAY_JOIN}$")
_DAY_LIST_AFTER = re.compile(rf"(?:st|nd|rd|th)?(?:\s*,\s*{_DAY})*{_DAY_JOIN}{_DAY}\s+(?:of\s+)?" + _MONTHS + r"(?!\w)")
_TIME_UNITS = ("years", "months", "weeks", "days", "hours", "minutes")
_CLOCK_AFTER = re.compile(
    r"\s?(?:[ap]\.m\.|[ap]m\b|o'clock\b|o’clock\b|(?:GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|"
    r"Kyiv\s+time|Moscow\s+time|local\s+time|hrs|h)\b)",
    re.IGNORECASE,
)
# "one" that is a pronoun or idiom rather than a count
_ONE_BEFORE = re.compile(r"\b(?:no|any|every|each|some|the|this|that|which|last|only\s+the)\s+$", re.IGNORECASE)
_ONE_AFTER = re.compile(
    r"\s+(?:of|another|or\s+another|day|time|way|hand|side|thing|point|another's|that|who|whom|which|"
    r"hell|among|by\s+one)\b|['’]s\b"
    # a pronoun "one" is followed by what is said of it, not by what it counts: "showing one with
    # a splinted arm", "one was released", "one in five"
    r"|\s+(?:with|without|in|on|at|from|to|for|by|near|inside|outside|into|onto|under|behind|after|before|"
    r"during|through|against|about|like|who|whose|where|when|while|if|because|and|or|but|nor|as|than|too|"
    r"also|still|just|only|even|here|there|is|was|were|are|be|been|being|has|had|have|would|could|should|"
    r"will|can|may|might|must|shall|did|does|do|said|says|told|says|reportedly|allegedly|apparently|"
    r"carrying|holding|wearing|showing|lying|standing|sitting|seen|shown|pictured)\b",
    re.IGNORECASE,
)

_FRACTION_AFTER = re.compile(r"[\s-](?:halves|half|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)\b",
                             re.IGNORECASE)
# what a four-digit figure counts when it is not a year ("about 2000 troops")
_COUNTED_AFTER = re.compile(
    r"\s+(?:more\s+|additional\s+|extra\s+|new\s+|foreign\s+|enemy\s+|Russian\s+|Ukrainian\s+)?"
    r"(?:people|persons|troops|soldiers|servicemen|civilians|residents|refugees|migrants|men|women|children|"
    r"fighters|casualties|deaths|dead|wounded|workers|prisoners|POWs|drones|missiles|rockets|shells|tanks|"
    r"homes|houses|buildings|cases|votes|voters|members|employees|jobs|jets|aircraft|vehicles|rounds)\b"
)

# generous bounds for quantities named by a plural: "dozens" is at least two dozen
_VAGUE_RANGES = {
    "tens": (20, 99), "dozens": (24, 144), "scores": (40, 200), "hundreds": (200, 999),
    "thousands": (2_000, 9_999), "millions": (2_000_000, 999_999_999), "billions": (2e9, 999e9),
}
_PLURAL_SCALE = {"thousands": 1_000, "millions": 1_000_000, "billions": 1_000_000_000}
LOOKBACK = 28  # longer than any qualifier or designation read before a figure

_CANDIDATE_WORDS = sorted(
    {*_UNITS_WORDS, *_TENS_WORDS, *_SCALES, "tens", "dozens", "scores", "hundreds", "thousands",
     "millions", "billions", "several", "a few", "a dozen", "an dozen", "a hundred", "a thousand",
     "a million", "a billion"}
)
CANDIDATE_ANY_CASE = re.compile(rf"\d|\b{trie(_CANDIDATE_WORDS)}\b", re.IGNORECASE)
# The same candidates in lower-cased text, each found through the character before it: a digit, or
# a non-word character followed by a number word (the word's leading \b).  A pattern that opens
# with a character class lets the regex engine skip letters at C speed instead of trying the
# alternation at every position: the scan takes about half the time.
CANDIDATE_AFTER = re.compile(rf"[^a-z_](?:(?<=\d)|(?<=\W){trie(_CANDIDATE_WORDS)}\b)")


# -- one figure ------------------------------------------------------------------------------------


class Part:
    """One side of a figure: its value(s), unit and where it ends."""

    __slots__ = ("low", "high", "value", "unit", "end", "vague", "scaled", "raw", "tally")

    def __init__(self) -> None:
        self.low = self.high = self.value = None
        self.unit: str | None = None
        self.end = 0
        self.vague = False
        self.scaled = False
        self.raw: float | None = None
        self.tally = False


def read_part(text: str, m: re.Match, hi: int, currency: str | None, *, before: str) -> Part | None:
    """Read one figure at match ``m``; None where it is not a figure (a year, a time, a name)."""
    p = Part()
    p.unit = currency
    s, e = m.start(), m.end()
    if m.group("vague"):
        phrase = SPACES.sub(" ", m.group("vague").lower())
        p.vague = True
        words = phrase.split()
        if words[0] in _VAGUE_RANGES:  # "thousands", "tens of thousands"
            low, high = _VAGUE_RANGES[words[0]]
            factor = _PLURAL_SCALE[words[-1]] if len(words) == 3 else 1
            p.low, p.high = float(low * factor), float(high * factor)
        else:  # "several hundred", "a few thousand"
            head, _, scale = phrase.rpartition(" ")
            n = 12 if scale == "dozen" else _SCALES[scale]
            p.low, p.high = (3.0 * n, 9.0 * n) if head == "several" else (2.0 * n, 5.0 * n)
        p.end = e
        return p
    if m.group("aword"):
        word = m.group("aword").split()[-1].lower()
        p.value = float(12 if word == "dozen" else _SCALES[word])
        p.raw = p.value
        p.end = e
        if _read_unit(text, p, hi):
            return None
        return p
    if m.group("word"):
        parsed = _words_prefix(m.group("word"))
        if parsed is None:
            return None
        value, length = parsed
        words = m.group("word")[:length]
        e = s + length
        if _FRACTION_AFTER.match(text, e, hi):
            return None  # "two-thirds", "one half": a share, not a count
        if words.lower() == "one" and (_ONE_BEFORE.search(before) or _ONE_AFTER.match(text, e, hi)
                                        or not _next_is_lower_word(text, e, hi)):
            return None
        p.value = p.raw = float(value)
        p.scaled = any(w in _SCALES for w in _WORD_SEPARATORS.split(words.lower()))
        p.end = e
        if _read_unit(text, p, hi):
            return None
        if p.unit in _TIME_UNITS and value == 1 \
                and words.lower() == "one":
            return None  # "one day", "one year" are idioms as often as durations
        return p

    # digits
    digits = m.group("digits")
    prev = text[s - 1] if s > 0 else ""
    prev2 = text[s - 2] if s > 1 else ""
    # glued to a word or a designation: "G7", "F-16", "COVID-19", "Su-34"
    if prev.isalpha() or prev == "_" or (prev in "-‐" and prev2.isalpha()):
        return None
    # part of a date, a time, a version or a fraction: "12/08", "10:30", "1.2.3"
    if prev in ":/" and prev2.isdigit():
        return None
    if prev == "." and prev2.isdigit():
        return None
    if prev in "'’" and prev2.isspace():  # "'24"
        return None
    nxt = text[e] if e < len(text) else ""
    nxt2 = text[e + 1] if e + 1 < len(text) else ""
    if nxt in ":/" and nxt2.isdigit():
        return None
    if nxt == "." and nxt2.isdigit():
        return None
    if nxt == "-" and nxt2.isdigit() and len(digits) == 4 and text[e + 1:e + 3] in ("01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12") and e + 3 < len(text) and text[e + 3] == "-":
        return None  # ISO date 2024-08-12
    if _designation_before(before):
        return None
    plain = digits.replace(",", "")
    if len(plain) > 16:
        return None  # an identifier or a phone number, not a quantity
    value = float(plain)
    p.value = p.raw = value
    p.end = e
    # a scale glued or spaced: "1.5 million", "$5bn", "20k"
    sm = _SCALE_AFTER.match(text, e, hi)
    if sm and (sm.group("scale") or (sm.group("abbr") and (currency or sm.group("abbr").lower() not in ("m", "b")))):
        word = (sm.group("scale") or sm.group("abbr")).lower()
        p.value = value * (_SCALES.get(word) or _SCALE_ABBR[word])
        p.scaled = True
        p.end = sm.end()
    # ordinals, decades and codes: "21st", "1990s", "5G", "3D"
    if p.end < len(text) and (text[p.end].isalnum() or text[p.end] == "_") and p.end <= hi:
        um = _UNIT_AFTER.match(text, p.end, hi)
        if um is None or um.start() != p.end or not _glued_unit_ok(um):
            return None
    if not p.scaled:
        if _CLOCK_AFTER.match(text, e, hi) and value < 2400 and "," not in digits:
            return None
        if "." not in digits and "," not in digits:
            n = int(value)
            # a day of the month: "12 August", "August 12", "Aug. 12, 2024"
            if 1 <= n <= 31 and (_MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text, e, hi)
                                 or _DAY_LIST_BEFORE.search(before) or _DAY_LIST_AFTER.match(text, e, hi)):
                return None
    if _read_unit(text, p, hi):
        return None
    if (not p.scaled and p.unit is None and "," not in digits and "." not in digits and len(digits) == 4
            and 1800 <= value <= 2099 and not _COUNTED_AFTER.match(text, p.end, hi)):
        return None  # a year
    return p


def _glued_unit_ok(um: re.Match) -> bool:
    """A unit written against the digits ("30km", "40%", "5kg"); not an ordinal or a code."""
    return any(um.group(g) for g in ("pct", "km2", "km2b", "mi2", "m2", "km", "kg", "hab"))


def _read_unit(text: str, p: Part, hi: int) -> bool:
    """Read the unit after the figure into ``p``; True where figure and unit are one compound word
    that describes something else ("a 14-month siege", "a three-day truce"): no figure of its own."""
    um = _UNIT_AFTER.match(text, p.end, hi)
    if um is None:
        return False
    group = um.lastgroup
    if group == "compound":
        return True
    if group == "time":
        unit = um.group("time").lower()
        if um.group(0).startswith("-") and not unit.endswith("s"):
            return True
        unit = unit if unit.endswith("s") else unit + "s"
    else:
        unit = _UNIT_NAMES[group]
    if p.unit is not None and unit in ("USD", "EUR", "GBP", "RUB", "UAH", "CNY"):
        pass  # "$5 dollars" is rare; keep the symbol's reading
    elif p.unit is None or unit not in ("USD", "EUR", "GBP", "RUB", "UAH", "CNY"):
        p.unit = unit if p.unit is None else p.unit
    p.end = um.end()
    return False


def _next_is_lower_word(text: str, e: int, hi: int) -> bool:
    """Whether a counted noun follows ("one soldier"), so "one" is a count and not a pronoun."""
    i = e
    while i < hi and text[i] == " ":
        i += 1
    return i > e and i < hi and text[i].islower()


_WORD_TOKEN = re.compile(r"[a-z]+", re.IGNORECASE)


def _words_prefix(words: str) -> tuple[int, int] | None:
    """The value of the longest run of number words that composes, and its length in characters.

    "three hundred and twenty-five thousand" -> 325000; "two three" -> 2 (two figures, not one).
    """
    total = current = 0
    last = None  # what the previous word was: unit, teen, tens, hundred, scale, and
    end = 0
    prev_scale = None
    for t in _WORD_TOKEN.finditer(words):
        w = t.group(0).lower()
        if w == "and":
            if last not in ("hundred", "scale"):
                break
            last = "and"
            continue
        if w in _UNITS_WORDS and 1 <= _UNITS_WORDS[w] <= 9:
            if last not in (None, "tens", "hundred", "scale", "and"):
                break
            current += _UNITS_WORDS[w]
            last = "unit"
        elif w in _UNITS_WORDS:  # zero, ten .. nineteen
            if last not in (None, "hundred", "scale", "and"):
                break
            current += _UNITS_WORDS[w]
            last = "teen"
        elif w in _TENS_WORDS:
            if last not in (None, "hundred", "scale", "and"):
                break
            current += _TENS_WORDS[w]
            last = "tens"
        elif w == "hundred":
            if last not in (None, "unit", "teen"):
                break
            current = (current or 1) * 100
            last = "hundred"
        elif w in _SCALES:
            if last in ("and",) or (prev_scale is not None and _SCALES[w] >= prev_scale):
                break
            total += (current or 1) * _SCALES[w]
            current = 0
            prev_scale = _SCALES[w]
            last = "scale"
        else:
            break
        end = t.end()
    if end == 0:
        return None
    return total + current, end
