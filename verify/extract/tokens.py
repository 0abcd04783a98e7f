"""Words and punctuation of one sentence with their offsets: what the attribution grammar walks."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate
from operator import sub
from dataclasses import dataclass


OPEN_QUOTES = {"“", "„", "«", "``"}
CLOSE_QUOTES = {"”", "»"}
STRAIGHT_QUOTES = {'"', "''"}
QUOTE_MARKS = OPEN_QUOTES | CLOSE_QUOTES | STRAIGHT_QUOTES


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


# a word keeps inner apostrophes, hyphens, dots and ampersands ("Ukraine’s", "U.S", "AT&T"), and
# combining accents and the stray symbols and control characters of text decoded in the wrong
# encoding between its letters ("Franc\u0327ois", "FranA\u0303\x83A\u0302§ois"): a name is not cut
# in two. No space or quotation mark is among them. The space before each token is captured too,
# so offsets follow from lengths without match objects. The runs are possessive (``*+``, ``++``):
# nothing after them could match what they would give back, and the engine then keeps no state to
# give it back with (a seventh quicker).
_JOIN = "\u0300-\u036f\x80-\x9f\xa1-\xaa\xac-\xba\xbc-\xbf"
# Most words are ASCII letters with none of those characters after them: two ranges test them
# faster than \w does, and the general pattern after would give the same token (a tenth quicker).
_TOKEN = (rf"[a-zA-Z]++(?![\w’'.\-&{_JOIN}])"
          rf"|\w++(?:(?:[’'.\-&]|[{_JOIN}]+)\w+)*+(?:(?<=s)[’'](?=[ \t]))?[\u0300-\u036f]*+|--|''(?!')|``|\S")
_SPACED_TOKEN = re.compile(rf"(\s*+)({_TOKEN})")
# the same tokens, each with its leading space in one string: fewer objects than the pairs above
_TOKEN_AFTER_SPACE = re.compile(rf"\s*+(?:{_TOKEN})")


def tokenize(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> Tokens:
    pieces = _TOKEN_AFTER_SPACE.findall(text, start, end)
    # offsets as running sums of the piece lengths, all at C speed: a piece ends where its token
    # does, and the token is the piece without its leading space (no token starts with a space)
    ends = list(accumulate(map(len, pieces), initial=start))
    del ends[0]
    words = list(map(str.lstrip, pieces))
    starts = list(map(sub, ends, map(len, words)))
    if lowered(text) is not None:
        # lower-casing cannot move a token boundary here, so one call over the joined words is exact
        lows = "\0".join(words).lower().split("\0") if words else []
    else:
        # lower-case the sentence once; a script whose case mapping changes lengths falls back per word
        lows = [w for _, w in _SPACED_TOKEN.findall(text[start:end].lower())]
        if len(lows) != len(words):
            lows = [w.lower() for w in words]
    if "Will" in words or "Now" in words:
        _names(words, lows)
    k = words.index("-") if "-" in words else -1
    while k >= 0:
        # a hyphen standing between spaces is a dash: "The mayor - a former engineer - said"
        if starts[k] > 0 and text[starts[k] - 1].isspace() and ends[k] < len(text) and text[ends[k]].isspace():
            words[k] = lows[k] = "–"
        k = words.index("-", k + 1) if "-" in words[k + 1 :] else -1
    inq = [False] * len(words)
    if quotes and all(quotes[i][1] <= quotes[i + 1][1] for i in range(len(quotes) - 1)):
        # each token belongs to the first quotation ending after its start; with the quotations in
        # order of their ends, the tokens inside each one form a run found by bisection
        prev_end = None
        for qs, qe in quotes:
            a = bisect_right(starts, qs)
            if prev_end is not None:
                a = max(a, bisect_left(starts, prev_end))
            b = min(bisect_left(starts, qe), bisect_left(ends, qe))
            if b > a:
                inq[a:b] = [True] * (b - a)
            prev_end = qe
    elif quotes:
        qi = 0
        for k, s in enumerate(starts):
            while qi < len(quotes) and quotes[qi][1] <= s:
                qi += 1
            if qi < len(quotes) and quotes[qi][0] < s and ends[k] < quotes[qi][1]:
                inq[k] = True
    return Tokens(starts, ends, words, lows, inq)


def _names(words: list[str], lows: list[str]) -> None:
    """Words of the vocabulary that are part of a name here, so their lower-case form is kept out of it:
    "Will" before another capitalised word is a first name, not the modal ("Will Farrant said"; but
    "Will Kyiv agree?"); "Now" after one ends a name ("the outlet Myanmar Now"), it is no adverb."""
    if words[-1] == "?":
        return
    for k, w in enumerate(words):
        if (w == "Will" and k + 1 < len(words) and is_cap(words[k + 1])) or (w == "Now" and k > 1 and is_cap(words[k - 1])):
            lows[k] = w


# characters already judged: most articles hold only known ones, checked at C speed as a subset
_SAFE_CHARS: set[str] = set()
_UNSAFE_CHARS: set[str] = set()
_last: tuple[str | None, str | None] = (None, None)  # one tuple, so threads never see a half update


def _char_safe(c: str) -> bool:
    low = c.lower()
    if low == c:
        return c != "\0"  # the join separator below must not occur in the text
    if len(low) != 1 or c == "Σ":  # sigma lower-cases by context
        return False
    # every class the token pattern tests must stay the same under lower-casing
    return (bool(_SPACECHAR.match(c)) == bool(_SPACECHAR.match(low))
            and bool(_WORDCHAR.match(c)) == bool(_WORDCHAR.match(low))
            and low not in _PATTERN_LITERALS)


def lowered(text: str) -> str | None:
    """``text.lower()`` when lower-casing maps each character to one other on its own, else None.

    Then any slice of it is the lower-cased slice of ``text`` and tokens keep their boundaries;
    the sentences of one article arrive in turn, so this is worked out once per text.
    """
    global _last
    last_text, last_low = _last
    if text is not last_text:
        low: str | None = text.lower()
        # every ASCII character but NUL passes _char_safe: only the others need a look, and
        # collecting them by pattern skips making a one-character string of each letter
        # (an all-ASCII text, two in five articles, is told by one C call without the search)
        chars = set(_NOT_PLAIN_ASCII.findall(text)) if not text.isascii() or "\0" in text else set()
        if not chars <= _SAFE_CHARS:
            for c in chars - _SAFE_CHARS:
                if c in _UNSAFE_CHARS:
                    low = None
                    break
                if _char_safe(c):
                    _SAFE_CHARS.add(c)
                else:
                    _UNSAFE_CHARS.add(c)
                    low = None
                    break
        _last = (text, low)
        return low
    return last_low


_NOT_PLAIN_ASCII = re.compile(r"[^\x01-\x7f]")
_WORDCHAR = re.compile(r"\w")
_SPACECHAR = re.compile(r"\s")
_PATTERN_LITERALS = set("’'.-&`")


def is_cap(word: str) -> bool:
    return word[:1].isupper()


def is_possessive(word: str) -> bool:
    return word.endswith(("’s", "'s", "s’", "s'"))
