"""Paragraphs and sentences as ``[start, end)`` offsets into the text, without copying it.

Every pattern here is a single pass with no nested repetition, so a 10 MB text with no full stops,
no line breaks or odd scripts splits in linear time.
"""

from __future__ import annotations

import re

Span = tuple[int, int]

_NONSPACE = re.compile(r"\S")

# a full stop, question or exclamation mark, with any closing quotes/brackets, then space. The first
# mark stands apart from the run ("[.!?…][.!?…]*", not "[.!?…]+"): a pattern that opens with a
# character class lets a search skip to the next mark at C speed; a run is tried at every character
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=\s)")
_TAIL = re.compile(
    r"(?:(?:[A-Z][\w’'.-]*|of|the)\s+){0,4}?(?:[A-Z][\w’'.-]*|he|she|they|I|we)\s+"
    r"(?:said|says|asked|added|told|wrote|continued|explained|replied|insisted|noted|tweeted|recalled|declared|joked|warned)\b"
    r"|(?:He|She|They|I|We)\s+(?:said|says|asked|added|told|wrote|continued)\b"
)
_BARE_END = re.compile(r"\s*(?:[.,;]|$|(?:on|in|at|to|during|after|before|last|this|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)")
# possessive: giving back a letter or a mark cannot bring the end nearer, and a search anchored at
# the end, tried at each character, would otherwise give them back one at a time
_WORD_BEFORE = re.compile(r"(\w++)\W*+$")
_WORD = re.compile(r"\w+")

ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen brig lt col capt cmdr cdr adm sgt cpl pvt maj st jr sr rev hon pres supt
    insp det atty amb co corp inc ltd bros dept univ assn no nos vs etc al approx est fig jan feb mar apr
    jun jul aug sep sept oct nov dec mon tue tues wed thu thurs fri sat sun ft mt ave blvd rd
    u.s u.k u.n e.u d.c n.y l.a a.m p.m i.e e.g""".split()
)


def closes_abbreviation(words: list[str], lows: list[str], k: int) -> bool:
    """Whether the full stop at token ``k`` closes an abbreviation ("Gen.", "U.S.", the initial of
    "Jane Q. Roe"), so that a phrase goes on past it."""
    if k < 1 or words[k] != ".":
        return False
    before = words[k - 1]
    return lows[k - 1] in ABBREVIATIONS or "." in before or (len(before) == 1 and before.isupper())


# after these sentence-final abbreviations a capitalised word still starts a new sentence
_SENTENCE_STARTERS = frozenset(
    "the a an he she it they we i but and in on at this that these those his her their its there "
    "if when while after before as so yet however meanwhile still".split()
)
_MAX_SENTENCE = 2000  # a "sentence" longer than this is cut at a comma or space, to bound the work


# words a title-case headline leaves in lower case ("Shelling Reported Near Kharkiv as Army Says ...")
_SMALL_WORDS = frozenset(
    "a an the and or but nor as at by for from in into of off on onto out over per to up via with vs than after before amid".split()
)
_HEADLINE_WORD = re.compile(r"[^\W\d_][\w’'.-]*")
_HEADLINE_MAX_WORDS = 25


def is_headline(text: str, start: int, end: int) -> bool:
    """A headline-style line: title case, short, and (the caller checks) no closing full stop.

    "Shelling Reported Near Kharkiv" is a headline; "Lawmaker urges retaliation on Russia;" is a line
    of copy set in sentence case, which attribution corpora do annotate.
    """
    words = _HEADLINE_WORD.findall(text, start, end)
    if len(words) > _HEADLINE_MAX_WORDS:
        return False
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    if len(content) < 3:
        return False
    return sum(1 for w in content if w[0].isupper()) >= 0.8 * len(content)


# page furniture around wire copy: bylines, credit lines, the agency's standards line, an address or
# contact block, an author's bio. None of it makes a claim, whatever verbs it holds.
_NAME = r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}"
_FURNITURE = re.compile(
    rf"\(?(?:(?i:by)\s+{_NAME}(?:\s+and\s+{_NAME})?\s*(?:[,;|]|$)"
    rf"|(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|edited|reported|produced|translated)\s+by)\s+{_NAME}"
    r"\s*(?:[;,)|]|in\s+[A-Z]|$)"
    r"|(?i:our\s+standards\b|(?:tel|fax|phone|e-?mail|contact)\s*:)"
    # (possessive: the run holds no comma, so giving characters back cannot help; the engine gave
    # them back one at a time, a third of the pattern's time)
    r"|[A-Z][\w&.'’ -]{1,40}+,\s*\d{1,4}\s+[A-Z][\w’'-]+\s+(?i:street|st|square|road|rd|avenue|ave|lane|place|plaza|boulevard|blvd)\b"
    rf"|{_NAME}\s+(?:is|was)\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,3}}"
    r"(?:correspondent|reporter|journalist|editor|writer|columnist|producer|photographer|contributor)\b)"
)


def is_furniture(text: str, start: int, end: int) -> bool:
    """A byline, credit line, address block or author's bio: page furniture, not copy."""
    return _FURNITURE.match(text, start, end) is not None


def paragraphs(text: str) -> list[Span]:
    """Each non-blank line is a paragraph: news copy breaks lines only between paragraphs.

    A line feed, CR LF and a bare carriage return all end a line (old Mac files end lines with a
    bare "\r"), and no other character does; a paragraph runs from its line's first non-space
    character to its last. String methods, not a pattern: a third of the time.
    """
    out: list[Span] = []
    at = 0  # where the line starts; "\r" made "\n" keeps every offset
    for line in text.replace("\r", "\n").split("\n"):
        body = line.lstrip()  # str.isspace() is what \s matches
        if body:
            s = at + len(line) - len(body)
            out.append((s, s + len(body.rstrip())))
        at += len(line) + 1
    return out


def sentences(text: str, start: int, end: int, quotes: list[Span] = ()) -> list[Span]:
    """Sentences of one paragraph. A boundary inside a quotation does not split it."""
    out: list[Span] = []
    qi = 0
    s = start
    for m in _BOUNDARY.finditer(text, start, end):
        b = m.end()
        # skip boundaries that fall inside a quotation (the quote ends later)
        while qi < len(quotes) and quotes[qi][1] <= m.start():
            qi += 1
        if qi < len(quotes) and quotes[qi][0] < m.start() and b < quotes[qi][1]:
            continue
        if not _is_boundary(text, m, b, end):
            continue
        _emit(text, s, b, out)
        s = b
    _emit(text, s, end, out)
    return out


def _is_boundary(text: str, m: re.Match, b: int, end: int) -> bool:
    nxt = _NONSPACE.search(text, b, min(end, b + 8))
    if nxt is None:
        return False
    c = text[nxt.start()]
    if c.islower() or c in "―—–":
        return False
    # "“Where is it?” Trump said." - a quotation's own ? or ! does not end the sentence that attributes it
    if m.group()[-1] in "\"”'":
        tail = _TAIL.match(text, nxt.start(), min(end, nxt.start() + 60))
        # after "?”" or "!”" a following "X said" belongs to the quote; after ".”" only a bare "X said."
        if tail and (m.group()[0] in "?!" or _BARE_END.match(text, tail.end(), min(end, tail.end() + 40))):
            return False
    if m.group()[0] != ".":
        return True
    wm = _WORD_BEFORE.search(text, max(0, m.start() - 12), m.start() + 1)
    if wm is None:
        return True
    before = text[max(0, m.start() - 6) : m.start()]
    word = wm.group(1).lower()
    dotted = before.rsplit(" ", 1)[-1].lower().strip("(\"“")
    if word in ABBREVIATIONS or dotted in ABBREVIATIONS:
        nw = _WORD.match(text, nxt.start(), nxt.start() + 15)
        return bool(nw) and nw.group().lower() in _SENTENCE_STARTERS and word not in ("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "st", "no")
    # an initial ("John F. Kennedy")
    if len(word) == 1 and word.isalpha() and text[m.start() - 1].isupper():
        return False
    return True


def _emit(text: str, s: int, e: int, out: list[Span]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s:
        return
    # bound very long runs with no full stop, so later passes stay cheap and linear
    while e - s > _MAX_SENTENCE:
        cut = text.rfind(", ", s, s + _MAX_SENTENCE)
        if cut <= s:
            cut = text.rfind(" ", s, s + _MAX_SENTENCE)
        cut = cut + 1 if cut > s else s + _MAX_SENTENCE
        out.append((s, cut))
        s = cut
        while s < e and text[s].isspace():
            s += 1
    if e > s:
        out.append((s, e))
