"""A reporting verb whose object stands before its subject: "a move critics saw as a betrayal",
"..., which the envoy regarded as a bluff". The verb then takes "as" straight after it."""

from __future__ import annotations

from .phrases import left_np
from .tokens import Tokens
from .words import RELATIVES


def object_before(toks: Tokens, i: int) -> bool:
    """Whether the phrase before the verb at ``i`` is its subject, and its object is the relative or
    the "a noun" before that subject (", a move Fano fighters saw as ...")."""
    if i < 2:
        return False
    np = left_np(toks, i - 1)
    if np is None:
        return False
    a = np[0]
    lows, words = toks.lows, toks.words
    # (a restrictive "that" only says which thing is meant: "policies that critics see as costly")
    if a >= 1 and lows[a - 1] in RELATIVES and not toks.inq[a - 1]:
        return True
    return a >= 3 and lows[a - 2] in ("a", "an") and words[a - 3] == "," and words[a - 1].isalpha() and words[a - 1].islower()
