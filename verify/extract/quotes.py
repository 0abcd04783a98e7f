"""Direct quotations: where quoted speech starts and ends, across paragraphs too.

Quotes are paired per paragraph: curly marks by direction, straight marks (and the typewriter
doubles '' and ``) in order of appearance. A paragraph whose last quotation is never closed continues
into the next paragraph when that one opens with a quotation mark (the newspaper convention for a
quote running over several paragraphs). An unmatched mark is ignored, so unbalanced text cannot make
one quotation swallow the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable

# '' is one mark, not two apostrophes. The pattern opens with one character class,
# the mark's first character, so a search skips to the next mark at C speed (an alternation first is
# tried at every character); the lookbehinds then say which mark it opened
_MARK = re.compile(r"[\"“”„«»'`](?:(?<=')'(?!')|(?<=`)`|(?<=[\"“”„«»]))")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}

Quote = tuple[int, int]  # [start, end) including the marks
# spaces and direction marks that may come before a paragraph's first character
_INVISIBLE = " \t\u00a0\u200e\u200f\u202a\u202b\u202c\ufeff"
# a transcript's turn: a paragraph opening with its speaker's label in capitals ("WALLACE: ...",
# "SEN. ROE: ..."). Some copy sets a transcript as a quotation run over paragraphs, each turn opening
# with a mark that never closes ("\"WALLACE: ..."): the label is then no part of any quotation.
_TURN = re.compile(r"([\"“]\s*)?[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}(?=:\s)")


def transcript_turn(text: str, start: int, end: int) -> int | None:
    """Where the colon after a transcript speaker's label is, if the paragraph opens with one."""
    m = _TURN.match(text, start, end)
    return m.end() if m else None


def _quoted_turn(text: str, start: int, end: int) -> int | None:
    """Where the words of a turn opening with a stray quotation mark start."""
    m = _TURN.match(text, start, end)
    return m.end() + 1 if m and m.group(1) else None


def _is_open_straight(text: str, i: int) -> bool:
    """A straight mark opens a quote when it follows a space, start or opening punctuation."""
    return i == 0 or text[i - 1] in " \t\n([{—–-:;,/" or text[i - 1] in "\u00a0"


def quotes_in(text: str, start: int, end: int) -> tuple[list[Quote], int | None]:
    """Quotations inside ``text[start:end]`` (one paragraph) and where an unclosed one begins."""
    return _paired(text, start, end, _MARK.finditer(text, start, end))


def _paired(text: str, start: int, end: int, marks: Iterable[re.Match]) -> tuple[list[Quote], int | None]:
    """``quotes_in`` over the quotation marks of the paragraph, found already."""
    out: list[Quote] = []
    open_at: int | None = None
    for m in marks:
        mark = m.group()
        i = m.start()
        if mark in _OPENERS:
            if open_at is not None and mark == "“" and i > 0 and text[i - 1] in ",.?!" and (m.end() >= end or text[m.end()].isspace()):
                # a typo'd closer ("...unusual,“ said X"): it ends the open quotation
                out.append((open_at, m.end()))
                open_at = None
                continue
            # a new opener while one is open: the first was stray, restart here
            open_at = i
        elif mark in _CLOSERS:
            if open_at is not None:
                out.append((open_at, m.end()))
                open_at = None
            elif mark == "”" and not text[start:i].strip(_INVISIBLE):
                # a paragraph opening with a turned mark ("” … the deal is dead,” she wrote"): an opener
                open_at = i
        else:  # straight marks alternate; a stray '' inside a word is an apostrophe pair
            if open_at is None:
                if mark == "''" and not _is_open_straight(text, i):
                    continue
                open_at = i
            else:
                out.append((open_at, m.end()))
                open_at = None
    return out, open_at


def starts_with_quote(text: str, start: int, end: int) -> bool:
    m = _MARK.match(text, start, end)
    return bool(m) and (m.group() in _OPENERS or m.group() in ('"', "''"))


def paragraph_quotes(text: str, paras: list[tuple[int, int]]) -> tuple[list[list[Quote]], list[bool]]:
    """Per paragraph: its quotations, and whether it ends inside a quote carried to the next one.

    A carried quote is recorded in each paragraph it touches, ending at the paragraph's end.
    """
    quotes: list[list[Quote]] = []
    carries: list[bool] = []
    # the marks of the whole text in one search (one per paragraph costs a third more): no mark runs
    # over the ends of a paragraph as ``paragraphs`` gives it, next to spaces (or a turn label's colon)
    marks = list(_MARK.finditer(text))
    at = [m.start() for m in marks]
    for k, (s, e) in enumerate(paras):
        start = _quoted_turn(text, s, e) or s
        qs, open_at = _paired(text, start, e, marks[bisect_left(at, start) : bisect_left(at, e)])
        carry = False
        if open_at is not None and k + 1 < len(paras):
            ns, ne = paras[k + 1]
            if starts_with_quote(text, ns, ne) and _quoted_turn(text, ns, ne) is None:
                carry = True
                qs.append((open_at, e))
        quotes.append(qs)
        carries.append(carry)
    return quotes, carries


# ‘…’ quotations (the British convention): ’ is also the apostrophe, so only a ’ that ends a word
# and follows an opening ‘ in the same paragraph can close one
_BEFORE_OPEN = "([—–:;,/"
_SINGLE_CLOSE = re.compile(r"’(?!\w)")
_CLOSING_PUNCT = ",.?!…;:—–"
_LINE_END = re.compile(r"[\r\n]")


def singles_as_doubles(text: str) -> str:
    """``text`` with each ‘…’ quotation marked “…” instead, character for character, so offsets hold.

    The closing mark is the first ’ after punctuation ("…at dawn,’ he said"), else the first not
    after an s (a plural possessive: "the soldiers’ families"), else the first; it must come before
    the next opening ‘ and the paragraph's end. A ‘ inside a double quotation, or a pair around one,
    is left alone: the double marks already say where the speech is.
    """
    if "‘" not in text:
        return text
    marks: list[int] = []  # where “ and ” go, in pairs
    opens = []
    a = text.find("‘")
    while a >= 0:  # str.find over the text: a regex that tests every position costs ten times more
        if (a == 0 or text[a - 1] in _BEFORE_OPEN or text[a - 1].isspace()) and a + 1 < len(text) and not text[a + 1].isspace():
            opens.append(a)
        a = text.find("‘", a + 1)
    doubles: list[Quote] = []
    pe = -1
    for n, a in enumerate(opens):
        if a > pe:  # the first ‘ of a paragraph (a line): only such paragraphs are read again
            ps = max(text.rfind("\n", 0, a), text.rfind("\r", 0, a)) + 1
            m = _LINE_END.search(text, a)
            pe = m.start() if m else len(text)
            doubles, _ = quotes_in(text, ps, pe)
        limit = opens[n + 1] if n + 1 < len(opens) and opens[n + 1] < pe else pe
        closers = [m.start() for m in _SINGLE_CLOSE.finditer(text, a + 1, limit)]
        if not closers:
            continue
        z = next((c for c in closers if text[c - 1] in _CLOSING_PUNCT), None)
        if z is None:
            z = next((c for c in closers if text[c - 1] not in "sS"), closers[0])
        if not any(qs < z and a < qe for qs, qe in doubles):
            marks += (a, z)
    if not marks:
        return text
    # joined from slices: a list of the text's characters would take eight bytes each
    pieces, at = [], 0
    for k, i in enumerate(marks):
        pieces += (text[at:i], "”" if k % 2 else "“")
        at = i + 1
    pieces.append(text[at:])
    return "".join(pieces)

