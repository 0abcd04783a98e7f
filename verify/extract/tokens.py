"""Words and punctuation of one sentence with their offsets: what the attribution grammar walks."""

from __future__ import annotations

import re
from dataclasses import dataclass


OPEN_QUOTES = {"“", "„", "«", "``"}
CLOSE_QUOTES = {"”", "»"}
STRAIGHT_QUOTES = {'"', "''"}
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES
DASHES = {"—", "–", "--", "-"}


@dataclass(slots=True)
class Tokens:
    """Parallel lists: start, end, surface form, lower case, inside-a-quotation flag."""

    starts: list[int]
    ends: list[int]
    words: list[str]
    lows: list[str]
    inq: list[bool]

    def __len__(self) -> int:
        return len(self.words)


# a word keeps inner apostrophes, hyphens, dots and ampersands ("Ukraine’s", "U.S", "AT&T");
# the space before each token is captured too, so offsets follow from lengths without match objects
_SPACED_TOKEN = re.compile(r"(\s*)(\w+(?:[’'.\-&]\w+)*|''(?!')|``|\S)")


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Tokens:
    starts: list[int] = []
    ends: list[int] = []
    words: list[str] = []
    pos = start
    pairs = _SPACED_TOKEN.findall(text, start, end)
    for space, word in pairs:
        pos += len(space)
        starts.append(pos)
        pos += len(word)
        ends.append(pos)
        words.append(word)
    # lower-case the sentence once; a script whose case mapping changes lengths falls back per word
    lows = [w for _, w in _SPACED_TOKEN.findall(text[start:end].lower())]
    if len(lows) != len(words):
        lows = [w.lower() for w in words]
    inq = [False] * len(words)
    if quotes:
        qi = 0
        for k, s in enumerate(starts):
            while qi < len(quotes) and quotes[qi][1] <= s:
                qi += 1
            if qi < len(quotes) and quotes[qi][0] < s and ends[k] < quotes[qi][1]:
                inq[k] = True
    return Tokens(starts, ends, words, lows, inq)


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))
