"""Direct quotations: where quoted speech starts and ends, across paragraphs too.

Quotes are paired per paragraph: curly marks by direction, straight marks (and the typewriter
doubles '' and ``) in order of appearance. A paragraph whose last quotation is never closed continues
into the next paragraph when that one opens with a quotation mark (the newspaper convention for a
quote running over several paragraphs). An unmatched mark is ignored, so unbalanced text cannot make
one quotation swallow the article.
"""

from __future__ import annotations

import re

# longest first, so '' is one mark and not two apostrophes
_MARK = re.compile(r"''(?!')|``|[\"“”„«»]")
_OPENERS = {"“", "„", "«", "``"}
_CLOSERS = {"”", "»"}

Quote = tuple[int, int]  # [start, end) including the marks


def _is_open_straight(text: str, i: int) -> bool:
    """A straight mark opens a quote when it follows a space, start or opening punctuation."""
    return i == 0 or text[i - 1] in " \t\n([{—–-:;,/" or text[i - 1] in "\u00a0"


def quotes_in(text: str, start: int, end: int) -> tuple[list[Quote], int | None]:
    """Quotations inside ``text[start:end]`` (one paragraph) and where an unclosed one begins."""
    out: list[Quote] = []
    open_at: int | None = None
    for m in _MARK.finditer(text, start, end):
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
    for k, (s, e) in enumerate(paras):
        qs, open_at = quotes_in(text, s, e)
        carry = False
        if open_at is not None and k + 1 < len(paras):
            ns, ne = paras[k + 1]
            if starts_with_quote(text, ns, ne):
                carry = True
                qs.append((open_at, e))
        quotes.append(qs)
        carries.append(carry)
    return quotes, carries
