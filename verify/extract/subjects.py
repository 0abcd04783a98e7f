"""Where the subject phrase before a verb begins: past a relative clause ("Officials who spoke with the
Record said"), a participle ("Residents reached by phone said"), a medium ("Jane Roe in a blog post
said") or a gerund ("Farmers trying to win back water rights say"); the document that heads an evidence
verb's subject ("A poll of 600 voters released Monday shows"); and the phrase a trailing "of/from/in X"
belongs to. ``speaker.py`` reads the subject with these; ``stances.py`` and ``participles.py`` too.
"""

from __future__ import annotations

from .cues import EVIDENCE_NOUNS, VERB_CUES
from .phrases import left_np
from .tokens import Tokens, is_cap
from .words import (
    AUTHORED, AUX, CAP_WORDS, CLAUSE_BREAKS, CLAUSE_RELATIVES, CLAUSE_VERBS, CONJUNCTIONS, DETERMINERS, DOCUMENTS,
    RELATIVES, STOP, SUBJECT_PRONOUNS, TRAILING_PPS, WRITINGS,
)


_SUBJECT_RELATIVES = CLAUSE_RELATIVES | {"that"}


def _verb_follows(toks: Tokens, k: int, np: tuple[int, int]) -> bool:
    """"a ferry that sank near X": "that"/"which" opens a clause about the phrase before it only when
    a verb comes next; "shows that X said", "the plans that X offers" name X as the speaker."""
    nxt = toks.lows[k + 1]
    if np[0] == k + 1:
        return False
    return nxt in AUX or (toks.words[k + 1].islower() and nxt not in STOP and nxt not in DETERMINERS)


def before_relative(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"Officials who spoke with the Record said ...": the speaker is before "who", not the Record."""
    lows, words = toks.lows, toks.words
    k = np[0] - 1
    lim = max(0, np[0] - 14)
    while k > lim and lows[k] not in _SUBJECT_RELATIVES and words[k] not in CLAUSE_BREAKS:
        k -= 1
    if k > 0 and lows[k] in _SUBJECT_RELATIVES and not toks.inq[k] and (lows[k] in ("who", "whose") or _verb_follows(toks, k, np)):
        outer = left_np(toks, k - 1)
        if outer is not None and outer[1] == k - 1:
            return outer
    return np


_PARTICIPLE_PREPS = {"by", "in", "at", "near", "from", "on", "inside", "outside"}


def before_participle(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"Residents reached by phone said", "A soldier captured in Kursk told": the speaker is the phrase
    before the participle, not the place or the means after it."""
    lows, words = toks.lows, toks.words
    a = np[0]
    if a < 3 or lows[a - 1] not in _PARTICIPLE_PREPS or toks.inq[a - 2]:
        return np
    part = lows[a - 2]
    if not (part.endswith("ed") and len(part) > 4 and part.isalpha() and not is_cap(words[a - 2])):
        return np
    outer = left_np(toks, a - 3)
    if outer is None or outer[1] != a - 3 or lows[a - 3] in SUBJECT_PRONOUNS or lows[a - 3] in RELATIVES:
        return np
    outer = with_pp(toks, outer)  # "A letter from the ministry obtained by the Gazette warns"
    if not (outer[0] == 0 or words[outer[0] - 1] in CLAUSE_BREAKS or lows[outer[0] - 1] in CONJUNCTIONS):
        return np  # the phrase must open its clause: "the strike that hit ... reported by X" is something else
    if part in AUTHORED and lows[a - 1] == "by" and lows[outer[1]] in DOCUMENTS:
        return np  # "A report published by the monitor said": the maker's words, as "according to a report by X"
    return outer


def before_medium(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"Jane Roe in a blog post said": the speaker is the name before where the words were put."""
    lows, words = toks.lows, toks.words
    a = np[0]
    if a < 2 or lows[a - 1] != "in" or lows[np[1]] not in WRITINGS or toks.inq[a - 2]:
        return np
    outer = left_np(toks, a - 2)
    if outer is None or outer[1] != a - 2 or not is_cap(words[a - 2]) or lows[a - 2] in CAP_WORDS:
        return np
    if not (outer[0] == 0 or words[outer[0] - 1] in CLAUSE_BREAKS or lows[outer[0] - 1] in CONJUNCTIONS):
        return np
    return outer


def before_gerund(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"Farmers trying to win back water rights in the valley say": the speaker is the phrase before
    the -ing word that qualifies it, not the place at the end of its clause."""
    lows, words = toks.lows, toks.words
    for k in range(np[0] - 1, max(0, np[0] - 10), -1):
        if toks.inq[k] or words[k] in CLAUSE_BREAKS or lows[k] in CLAUSE_VERBS or lows[k] in AUX or lows[k] in RELATIVES:
            return np
        low = lows[k]
        if low.endswith("ing") and len(low) > 4 and low.isalpha() and not is_cap(words[k]):
            # the phrase before it must open its clause ("grazing rights" is a noun's modifier: read on)
            outer = left_np(toks, k - 1)
            if outer is not None and outer[1] == k - 1 and lows[k - 1] not in SUBJECT_PRONOUNS and lows[k - 1].isalpha() \
                    and (outer[0] == 0 or words[outer[0] - 1] in CLAUSE_BREAKS or lows[outer[0] - 1] in CONJUNCTIONS):
                return outer
    return np


def evidence_head(toks: Tokens, np: tuple[int, int]) -> tuple[int, int] | None:
    """"A poll of 600 voters released Monday shows ...": the document heads the phrase before the verb."""
    lows, words = toks.lows, toks.words
    within = None  # a document word inside the phrase names its kind ("data operatives"); one before it heads it
    for k in range(np[1] - 1, max(-1, np[0] - 12), -1):
        if words[k] in CLAUSE_BREAKS or toks.inq[k] or lows[k] in CLAUSE_VERBS or lows[k] in RELATIVES \
                or lows[k] in ("that", "whether", "if") or lows[k] in VERB_CUES:
            break
        if lows[k] in EVIDENCE_NOUNS and lows[k] not in ("model", "models", "count"):
            inner = left_np(toks, k)
            if inner is not None and inner[1] == k:
                if k >= np[0]:
                    within = within or (inner[0], np[1])
                    continue
                return (inner[0], np[1])
            break
    return within


def with_pp(toks: Tokens, np: tuple[int, int], links: set[str] = TRAILING_PPS,
            longest: int = 12) -> tuple[int, int]:
    """The phrase a trailing "of/from/in X" belongs to: "the campaign of the senator from Ohio"."""
    a = np[0]
    lows = toks.lows
    while a >= 2 and lows[a - 1] in links and not toks.inq[a - 2]:
        outer = left_np(toks, a - 2)
        if outer is None or outer[0] >= a - 1 or np[1] - outer[0] > longest or "." in lows[outer[0]:a]:
            break
        a = outer[0]
    return (a, np[1])
