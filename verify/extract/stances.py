"""Stances named by a noun rather than a verb.

"The plan drew criticism from X", "Y won the backing of X" (``received_cue``): the stance is held by
the phrase after the link and is about the clause's subject, the reverse of "X criticized the plan".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import CONTROL_VERBS, HAVING, RECEIVED_LINKS, RECEIVED_STANCES, RECEIVING
from .found import Found
from .phrases import left_np, right_np, skip_aux
from .speaker import aside_np, before_participle, before_relative
from .tokens import Tokens, is_cap
from .words import ARTICLES, CLAUSE_BREAKS, DETERMINERS, RELATIVES, STOP

if TYPE_CHECKING:
    from .attribution import Reader

# how many words may stand between the verb and the noun: "drew sharp criticism", "won the full backing"
_GAP = 3


def received_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"The proposal drew harsh criticism from X": X holds the stance, the subject is what it is about."""
    lows, words = toks.lows, toks.words
    n = len(toks)
    if lows[i] not in RECEIVED_STANCES or i + 2 >= n or lows[i + 1] not in RECEIVED_LINKS or toks.inq[i + 1]:
        return None
    v = i - 1
    article = False
    while v >= 0 and i - v <= _GAP and lows[v] not in RECEIVING and lows[v] not in HAVING:
        low = lows[v]
        if toks.inq[v] or not low.isalpha() or is_cap(words[v]) or (low in STOP and low not in ARTICLES):
            return None  # "48% support", "his Senate support": a figure or an owner, not a modifier
        article = article or low in ARTICLES or low in DETERMINERS
        v -= 1
    if v < 0 or i - v > _GAP or not (lows[v] in RECEIVING or (lows[v] in HAVING and article)):
        return None
    src = right_np(toks, i + 2)
    if src is None:
        return None
    about = _subject(toks, v)
    if about is None:
        return None
    f = r.frag(toks, *about)
    sources = r.src_list(toks, *src)
    if not f or not sources:
        return None
    return Found([f], "indirect", (toks.starts[v], toks.ends[i + 1]), sources, [], para, kind="stance")


def _subject(toks: Tokens, v: int) -> tuple[int, int] | None:
    """The phrase the verb at ``v`` is said of: before its auxiliaries, a "continues to", or an aside."""
    lows, words = toks.lows, toks.words
    j, passive = skip_aux(toks, v)
    if passive and lows[v].endswith("ing"):
        passive = False  # "is facing criticism": a progressive, not a passive
    if passive:
        return None
    if j >= 1 and lows[j] == "to" and lows[j - 1] in CONTROL_VERBS:
        j, _ = skip_aux(toks, j - 1)  # "continues to draw support from"
    if j < 0 or toks.inq[j]:
        return None
    if lows[j] in RELATIVES:
        return j, j  # "X, who has the backing of Y": the relative stands for X
    if words[j] == ",":
        return aside_np(toks, j)  # "Mrs. Roe, a former senator, received support from"
    if words[j] in CLAUSE_BREAKS:
        return None
    np = left_np(toks, j)
    if np is None:
        return None
    return before_participle(toks, before_relative(toks, np))
