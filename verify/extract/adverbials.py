"""What may stand between a cue and a clause with no "that": a time, a channel, a venue.

"said on Monday the attack had failed", "wrote in a statement on Telegram it had ...": ``skip_adverbials``
finds where the clause starts, so that the claim holds what was said and not when or where.
"""

from __future__ import annotations

from .tokens import Tokens, is_cap
from .words import (
    BROADCASTS, CHANNEL_ADJECTIVES, CHANNELS, DAYS, DETERMINERS, ISSUED_TEXTS, PARTS_OF_DAY, STOP, SUBJECT_PRONOUNS, TIME_NOUNS,
    VENUES,
)

ADVERBIAL_START = frozenset({"on", "in", "late", "early", "earlier", "later", "last", "this"})


def skip_adverbials(toks: Tokens, a: int) -> int:
    """"said on Monday the attack had failed", "wrote in a statement on Telegram it had ...": a time,
    channel or venue between the cue and a clause with no "that" belongs to neither; the clause starts
    after it when a subject opens it (a pronoun, an article, a name, a figure)."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    m = a
    while m + 1 < n and not toks.inq[m]:
        lw, nxt = lows[m], lows[m + 1]
        if lw in ("late", "early", "earlier", "later") and (nxt == "on" or nxt in DAYS):
            m += 1
        elif lw in DAYS:
            m += 2 if nxt in PARTS_OF_DAY else 1
        elif lw in ("last", "this") and nxt in TIME_NOUNS:
            m += 2
        elif lw == "on" and (nxt in DAYS or nxt in BROADCASTS):
            m += 1 if nxt in DAYS else 2  # the day is read on the next round, with "night" after it
        elif lw == "on" and nxt in CHANNEL_ADJECTIVES and m + 2 < n and (lows[m + 2] in BROADCASTS or lows[m + 2] in CHANNELS):
            m += 3  # "on state television", "on social media"
        elif lw == "in":
            k = next((k for k in range(m + 1, min(n, m + 4)) if lows[k] in VENUES or lows[k] in ISSUED_TEXTS), -1)
            if k < 0 or any(toks.inq[x] or not words[x][:1].isalpha() for x in range(m, k)):
                break
            m = k + 1
        else:
            break
    if m == a or m >= n or toks.inq[m]:
        return a
    nxt = lows[m]
    # a name must not run on from the channel's ("in an interview on Fox News")
    if nxt in SUBJECT_PRONOUNS or nxt in DETERMINERS or nxt[:1].isdigit() or (
            is_cap(words[m]) and nxt not in STOP and (not is_cap(words[m - 1]) or lows[m - 1] in DAYS)):
        return m
    return a
