"""Cues whose content is a question asked or a topic talked about.

``asked_by`` reads "Asked by X whether Y, Z said ...": X asks, and the question is Y.
``purpose_cue`` reads "X met Y on Friday to discuss Z": the subject of the clause talks about Z.
``raised_by`` tells "Trump raised questions about Y" (a question he asks) from "the documents raised
questions about Y" (which no one in particular asks).
``finite_ing`` and ``before_aspect`` read an -ing form as the verb of its clause ("is now talking
about X", "began asking whether Y"), so that its subject is the source.
``asks_anonymity`` tells "asked not to be named" (a wish, no claim) from asking something.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import content_after
from .cues import (
    ANONYMITY_NAMES, ANONYMITY_NOUNS, ANONYMITY_PASSIVES, ASKED_OPENERS, ASPECT_VERBS, NAME_ADJECTIVES, NO_PURPOSE, OBJECT_CONTROL,
    PURPOSE_MOVES,
)
from .found import Found, Span
from .phrases import right_np, skip_aux
from .speaker import main_subject
from .sources import Src
from .tokens import QUOTE_MARKS, Tokens, is_cap
from .words import (
    ANON_HEADS, BE, BE_NOT, CLAUSE_BREAKS, CLAUSE_VERBS, DETERMINERS, GROUP_SUBJECTS, ORG_HEADS, PEOPLE_PLURALS,
    PERSON_TITLES, POSSESSIVE_PRONOUNS, RELATIVES, SUBJECT_PRONOUNS, SUBORDINATORS,
)

if TYPE_CHECKING:
    from .attribution import Reader


def finite_ing(toks: Tokens, i: int) -> bool:
    """The -ing form at ``i`` is the verb of its clause: after "is" with adverbs between ("is now
    talking", "has been asking", "’s talking") or after a verb of beginning or going on ("began
    talking", "keeps asking")."""
    if i < 1 or toks.inq[i - 1]:
        return False
    lows = toks.lows
    if lows[i - 1] in BE or lows[i - 1] in BE_NOT or lows[i - 1] in ASPECT_VERBS:
        return True
    j, be = skip_aux(toks, i)
    return be or (j >= 0 and j < i - 1 and (lows[j] in BE_NOT or lows[j] in ASPECT_VERBS))


def before_aspect(toks: Tokens, j: int) -> int:
    """The last token before "began" in "X began talking": the subject ends there, not at the verb."""
    if j >= 0 and toks.lows[j] in ASPECT_VERBS and not toks.inq[j]:
        return skip_aux(toks, j)[0]
    return j


def reduced_asked(toks: Tokens, i: int) -> bool:
    """"Asked by X ...", "When asked by X ...", "..., he said when asked by X": a passive with no "was"."""
    lows = toks.lows
    return (lows[i] == "asked" and i + 1 < len(toks.words) and lows[i + 1] == "by" and not toks.inq[i + 1]
            and (i == 0 or lows[i - 1] in ASKED_OPENERS or toks.words[i - 1] == ","))


def asked_by(r: Reader, toks: Tokens, i: int, para: int, cue: Span) -> Found | None:
    """The question of "Asked by X whether Y, Z said ...": X's, up to the comma that closes the
    clause when it opens the sentence (what follows is Z's answer, a claim of its own)."""
    np = right_np(toks, i + 2)
    if np is None:
        return None
    ca = content_after(toks, np[1], "ask")
    if ca is None:
        return None
    a, b = ca
    if i <= 1:
        b = next((k - 1 for k in range(a + 1, b + 1) if toks.words[k] == "," and not toks.inq[k]), b)
    f = r.frag(toks, a, b) if a <= b else None
    if f is None:
        return None
    return Found([f], "indirect", cue, r.src_list(toks, *np), [], para)


# words that open the clause a purpose belongs to ("when X appeared ... to discuss", "where X met to ...")
_OPENERS = SUBORDINATORS | {"where", "who", "whose"}


def purpose_cue(r: Reader, toks: Tokens, i: int, to: int, para: int, cue: Span) -> Found | None:
    """"X met Y on Friday to discuss Z", "X will come on the show to talk about Z": the subject of the
    clause the purpose belongs to talks about Z. Not where what comes before "to" makes it another's
    ("asked the candidates to discuss") or no purpose ("on condition of anonymity to discuss")."""
    lows, words = toks.lows, toks.words
    if to < 2 or lows[to - 1] in NO_PURPOSE or words[to - 1] in QUOTE_MARKS:
        return None
    np = opener = None
    for k in range(to - 1, max(-1, to - 30), -1):
        if toks.inq[k] or words[k] in (";", ":", "(", ")") or lows[k] in OBJECT_CONTROL:
            return None
        if lows[k] in _OPENERS and k + 1 < to:
            opener = k
            if lows[k] == "who":
                np = (k, k)
            elif lows[k] == "whose":
                inner = right_np(toks, k + 1, to)
                np = (k, inner[1]) if inner else None
            else:
                np = right_np(toks, k + 1, to)
            break
    else:
        np = main_subject(toks, to)
    if np is not None:
        # the subject ends before its verb: "whose members met last week", "Ms. Roe flew to Lisbon"
        np = next(((np[0], v - 1) for v in range(np[0] + 1, np[1] + 1) if lows[v] in PURPOSE_MOVES), np)
    if np is None or np[1] + 1 >= to or words[np[1] + 1] == "," or not (
            is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS or lows[np[0]] in ("who", "whose")):
        return None
    if lows[np[1] + 1] in CLAUSE_VERBS and lows[np[1] + 1] not in ("will", "would", "has", "have", "had") or lows[np[1] + 1] in BE:
        return None  # "X is ... to discuss", "X could ...": a state or a possibility, not a purpose
    ca = content_after(toks, i, "talk")
    if ca and opener is not None:
        # "When X met Y to discuss Z, ...": the clause, and the purpose with it, ends at its comma
        ca = next(((ca[0], m - 1) for m in range(ca[0] + 1, ca[1] + 1) if words[m] == "," and not toks.inq[m]), ca)
    f = r.frag(toks, *ca) if ca else None
    if f is None:
        return None
    # a topic, not words said: a stance or belief inside it is not taken to be part of a report
    return Found([f], "indirect", cue, r.src_list(toks, *np), [], para, kind="stance")


# the heads of a phrase that names someone, not a thing: "politicians", "the news organization"
_SOMEONE = ANON_HEADS | ORG_HEADS | PEOPLE_PLURALS | PERSON_TITLES | GROUP_SUBJECTS


def raised_by(sources: list[Src]) -> bool:
    """Every source names someone: a name, a pronoun, "who", or a head for people or a body
    ("the news organization raised questions"); not a document or an event ("the findings raised ...")."""
    for src in sources:
        words = src.mention.split()
        head = words[-1] if words else ""
        low = head.lower().strip("’'")
        if not (head[:1].isupper() or low in SUBJECT_PRONOUNS or low in RELATIVES or low in _SOMEONE):
            return False
    return bool(sources)


def asks_anonymity(toks: Tokens, i: int) -> bool:
    """"asked not to be named", "did not want his name used", "requested anonymity": a wish, not a claim."""
    lows = toks.lows
    for k in range(i + 1, min(len(toks.words), i + 7)):
        low = lows[k]
        if toks.inq[k] or low in CLAUSE_BREAKS:
            return False
        if low in ANONYMITY_NOUNS or (low in ANONYMITY_PASSIVES and lows[k - 1] == "be") \
                or (low in ANONYMITY_NAMES and (lows[k - 1] in POSSESSIVE_PRONOUNS
                                                or lows[k - 1] in NAME_ADJECTIVES and lows[k - 2] in POSSESSIVE_PRONOUNS)):
            return True
    return False
