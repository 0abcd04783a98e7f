"""Stances named by a noun rather than a verb.

"The plan drew criticism from X", "Y won the backing of X" (``received_cue``): the stance is held by
the phrase after the link and is about the clause's subject, the reverse of "X criticized the plan".
"X voted in favor of Y", "X threw her support behind Y", "X cast their votes for Y" (``light_cue``): a
light verb and a stance noun, the subject holding the stance.
"X stepped up his attacks on Y" (``owner_subject``): the owner of the noun is the subject of the verb
that takes it, and that subject is the source named.
"Millennials support X", "Two-thirds oppose X" (``group_before``): a plural subject before a bare stance verb.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import (
    ANSWERING, CONTROL_VERBS, CUE_FORMS, HAVING, LIGHT_STANCES, NOT_A_CLAUSE, NOT_AFTER_GROUP, OUT_VERBS,
    OWN_PARTICLES, OWN_RESTATING, RECEIVED_LINKS, RECEIVED_STANCES, RECEIVING, VERB_CUES,
)
from .found import Found
from .phrases import bare_verb, left_np, right_np, skip_aux
from .sentences import closes_abbreviation
from .speaker import aside_np
from .subjects import before_participle, before_relative
from .tokens import Tokens, is_cap, is_possessive
from .words import (
    ARTICLES, CLAUSE_BREAKS, CLAUSE_VERBS, DETERMINERS, ED_ADJECTIVES, GROUP_SUBJECTS, NP_END, OPENING_PARTICIPLES, POSSESSIVE_PRONOUNS,
    RELATIVES, STOP, SUBJECT_PRONOUNS, TRAILER_START,
)

if TYPE_CHECKING:
    from .attribution import Reader

# how many words may stand between the verb and the noun: "drew sharp criticism", "won the full backing"
_GAP = 3


def received_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"The proposal drew harsh criticism from X": X holds the stance, the subject is what it is about."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    if lows[i] not in RECEIVED_STANCES or i + 2 >= n or lows[i + 1] not in RECEIVED_LINKS or toks.inq[i + 1]:
        return None
    v = i - 1
    article = False
    while v >= 0 and i - v <= _GAP and lows[v] not in RECEIVING and lows[v] not in HAVING:
        low = lows[v]
        if toks.inq[v] or not low.isalpha() or is_cap(words[v]) or (low in STOP and low not in ARTICLES):
            return None  # "48% support", "his Senate support": a figure or an owner, not a modifier
        if low in POSSESSIVE_PRONOUNS or (low.endswith("ed") and low not in ED_ADJECTIVES):
            return None  # "has sharpened its criticism of Y": the subject's own stance, not one it received
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


def light_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"X voted in favor of Y", "X threw her support behind Y", "X cast their votes for Y": X's stance on Y."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    links, verbs = LIGHT_STANCES[lows[i]]
    if i < 2 or i + 2 >= n or lows[i + 1] not in links or toks.inq[i + 1]:
        return None
    if lows[i + 1] == "of":
        if lows[i - 1] != "in":
            return None
        v = i - 2
        if lows[v] == "out" and v > 0 and lows[v - 1] in OUT_VERBS:
            v -= 1  # "spoke out in favor of"
        elif lows[v] in OUT_VERBS:
            return None  # "came in support of" is rare; "spoke in favor of" is read as speech already
    else:
        # an owner between: "threw her support behind", "cast their votes for"
        v = i - 1
        if v > 0 and lows[v].isalpha() and lows[v] not in POSSESSIVE_PRONOUNS and not is_possessive(words[v]):
            v -= 1  # one modifier: "cast their final votes"
        if not (lows[v] in POSSESSIVE_PRONOUNS or lows[v] in ("a", "the")):
            return None
        v -= 1
    if v < 1 or lows[v] not in verbs or toks.inq[v] or lows[v - 1] in ARTICLES or is_possessive(words[v - 1]) \
            or lows[v - 1] in ("of", "for", "by"):
        return None  # "her vote in favor of", "a record of voting in favor of": a noun, or no subject
    np = _subject(toks, v)
    if np is None or (np[0] == np[1] and bare_verb(words[np[0]])):
        return None  # "have taken votes in favor of": the verb is elsewhere
    f = r.frag(toks, i + 2, _phrase_end(toks, i + 2))
    sources = r.src_list(toks, *np)
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


def owner_subject(toks: Tokens, o: int) -> tuple[int, int] | None:
    """"Donald Trump ratcheted up his attacks on Y": the possessive pronoun at ``o`` is the subject of the
    verb before it, and that subject names the source; None where no such verb takes the noun ("after
    his attacks on Y", "including his call for Y")."""
    lows, words = toks.lows, toks.words
    v = o - 1
    if v >= 1 and lows[v] in OWN_PARTICLES:
        v -= 1  # "stepped up his", "toned down her", "unsparing in their"
    if v < 1 or toks.inq[v] or not lows[v].isalpha() or is_cap(words[v]) or lows[v] in STOP \
            or lows[v] in DETERMINERS or lows[v] in OPENING_PARTICIPLES or lows[v] in ANSWERING:
        return None
    if lows[v] in VERB_CUES and CUE_FORMS[lows[v]][0] not in OWN_RESTATING:
        return None  # "officials rejected her claim": the verb answers the owner
    np = _subject(toks, v)
    if np is None:
        return None
    head = lows[np[1]]
    owner = lows[o]
    if head in SUBJECT_PRONOUNS:
        agrees = (owner in ("his", "her")) == (head in ("he", "she")) and (owner == "their") == (head in ("they", "we"))
    elif owner in ("his", "her"):
        agrees = is_cap(words[np[1]]) or head in RELATIVES or not head.endswith("s")  # "the senator", not "the unions"
    else:
        agrees = owner == "their" or is_cap(words[np[1]]) or head in RELATIVES
    return np if agrees else None


def _phrase_end(toks: Tokens, a: int) -> int:
    """The last token of the phrase opening at ``a``: up to a break or a new clause's verb, past the
    full stop of a title or an initial ("Sen. Jane Q. Roe")."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    end = a
    while end + 1 < n and end - a < 14 and toks.inq[end + 1] == toks.inq[a] and lows[end + 1] not in CLAUSE_VERBS and (
            words[end + 1] not in NP_END
            or closes_abbreviation(words, lows, end + 1)):
        end += 1
    return end


def group_before(toks: Tokens, i: int) -> bool:
    """A plural subject takes the bare stance verb at ``i`` ("Millennials support X", "Two-thirds oppose X",
    "voters overwhelmingly favor X"): a group holds a view, as polls report it."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    nxt = lows[i + 1] if i + 1 < n else ""
    if not nxt.isalpha() or nxt in NOT_A_CLAUSE or toks.inq[i - 1] or lows[i] in NOT_AFTER_GROUP:
        return False
    k = i - 1
    if k > 0 and lows[k].endswith("ly") and len(lows[k]) > 4 and not is_cap(words[k]):
        k -= 1  # "voters overwhelmingly support"
        if lows[k] in GROUP_SUBJECTS or lows[k] in ("they", "we", "who"):
            return True
    w = lows[k]
    return w.endswith(("thirds", "quarters")) or plural_noun(w)


def plural_noun(w: str) -> bool:
    """A lower-case plural noun that can be the subject of a present-tense verb ("observers", "analysts")."""
    return len(w) > 4 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) \
        and w not in STOP and w not in ARTICLES and w not in DETERMINERS and w not in TRAILER_START and w not in VERB_CUES
