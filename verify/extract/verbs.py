"""A reporting verb cue, read in steps: is it a verb here, which use of it, who and what.

``verb_cue`` takes the word's class (speech, evidence, stance, belief) from the lexicon, then
``not_a_verb`` (``senses.py``) rules out nouns and adjectives ("the report", "a call for"), ``participle_cue``
(``participles.py``) reads "..., saying ...", ``passive_cue`` reads "it was reported by ...", and the rest goes to the
speaker (``speaker.py``) and the content (``content.py``). ``phrase_cue`` reads cues of several
words ("made clear that", "took aim at", "as X put it").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import before_source, content_after, content_before, content_of, is_trailer
from .cues import (
    ANONYMITY_VERBS, CONTROL_VERBS, CUE_FORMS, PHRASE_LINKS, PHRASE_SPEECH, PHRASE_VERBS, PHYSICAL,
    TALLIES, QUOTE_SIGNS, RAISE_FORMS, SAID_THINGS, SILENT_WHEN_NEGATED, TOPIC_VERBS,
    VAGUE_PASSIVES,
)
from .found import Found, Span
from .senses import not_a_verb
from .phrases import left_np, mention_of, negated, right_np, skip_aux
from .sources import Src
from .participles import participle_cue
from .speaker import accused_subjects, speaker_of
from .tokens import QUOTE_MARKS, Tokens, is_cap
from .topics import asked_by, asks_anonymity, before_aspect, purpose_cue, raised_by, reduced_asked
from .words import (
    ACCOUNT_NOUNS, ARMED, ARTICLES, BE, DAYS, CONTRACTED_BE, CLAUSE_BREAKS, DETERMINERS, PREP_IN_NP, NP_END,
    OCCASION_START, PASSIVE_AUX, PEOPLE_PLURALS, SUBJECT_PRONOUNS, TIME_NOUNS, TOOK_TO, TRAILER_START,
)

if TYPE_CHECKING:
    from .attribution import Reader


def verb_cue(r: Reader, toks: Tokens, i: int, para: int, prior: list[Found]) -> Found | None:
    """The claim a reporting verb at ``i`` makes, if it is one here; ``prior`` holds the sentence's earlier claims."""
    lows, words = toks.lows, toks.words
    low = lows[i]
    lemma, tense, klass = CUE_FORMS.get(low) or (*QUOTE_SIGNS[low], "speech")
    if not_a_verb(toks, i, lemma, tense, klass) or (lemma in ANONYMITY_VERBS and asks_anonymity(toks, i)):
        return None
    cue: Span = (toks.starts[i], toks.ends[i])
    if tense == "ing":
        decided, found = participle_cue(r, toks, i, para, prior, lemma, cue)
        if decided:
            return found
    if lemma == "ask" and reduced_asked(toks, i):
        return asked_by(r, toks, i, para, cue)  # "Asked by X whether ..., Y said"
    j, passive = skip_aux(toks, i)
    j = before_aspect(toks, j) if tense == "ing" else j
    passive = tense == "past" and (passive or (i > 0 and lows[i - 1] == "as" and i + 1 < len(toks.words) and lows[i + 1] == "by")
                                   or (klass == "speech" and lemma != "add" and _reduced_by(toks, i)))
    if tense == "past" and not passive and j >= 0 and lows[j] in CONTRACTED_BE:
        # "she’s quoted as saying", "they’re told": "is"/"are" and a passive; "he’s said that" is "has",
        # "you’re worried that" an adjective
        passive = (i + 1 < len(toks.words) and lows[i + 1] in ("by", "as", "to")) or (lemma == "tell" and not lows[j].endswith("s"))
    if tense == "base" and j >= 1 and lows[j] == "to" and not toks.inq[j]:
        # "X went on to say ...", "X declined to say ...": the subject of the verb before "to"
        k = j - 1
        while k >= 0 and lows[k] in ("on", "out", "up", "not", "never", "also", "quick", "eager", "willing", "unwilling", "reluctant", "ready", "so", "far", "as"):
            k -= 1
        # "took to Twitter (overnight) to say ...": the channel between the two "to"s
        m = next((m for m in range(k, max(1, k - 3), -1) if lows[m - 1] == "to" and lows[m - 2] in TOOK_TO and not toks.inq[m]), None) if k >= 2 and klass == "speech" else None
        if m is not None:
            k = m - 2
        if k < 0 or not (lows[k] in CONTROL_VERBS or lows[k] in BE):
            return purpose_cue(r, toks, i, j, para, cue) if lemma in TOPIC_VERBS and k == j - 1 else None
        if lows[k].endswith("ing") and k > 0 and words[k - 1] == "," and prior:
            # "“...,” Roe said, going on to say that ...": the same speaker goes on
            ca = content_after(toks, i, lemma)
            f = r.frag(toks, *ca) if ca else None
            if f:
                return Found([f], "indirect", (toks.starts[k], toks.ends[i]), list(prior[-1].sources), list(prior[-1].relayed_by), para)
        j, passive = skip_aux(toks, k)
        passive = False
        cue = (toks.starts[k], toks.ends[i])
    if i > 1 and lows[i - 1] == "as" and lows[i - 2] == "quoted":
        # "X is quoted as saying ...": the source is before "is quoted"
        j, _ = skip_aux(toks, i - 2)
        passive = False
    if passive:
        f = passive_cue(r, toks, i, j, para, lemma, klass, cue)
        if f and lows[j] == "," and f.frags[0][0] > cue[1]:
            # "The strike, first reported by the Gazette, killed three guards": the subject is reported too
            np = left_np(toks, j - 1)
            while np and np[0] > 1 and lows[np[0] - 1] in PREP_IN_NP and (more := left_np(toks, np[0] - 2)):
                np = (more[0], np[1])  # "the strike on the depot"
            head = r.frag(toks, *np) if np else None
            f.frags = ([head] if head else []) + f.frags
        return f
    neg = negated(lows, j + 1, i)
    # (a subject "neither X nor Y" negates a verb of silence too: "Neither the army nor the police commented")
    if lemma in SILENT_WHEN_NEGATED and (neg or ("neither" in lows[:i] and "nor" in lows[:i])) and not any(lows[k] in ("that", "whether", "if") for k in range(i + 1, min(len(toks.words), i + 4))):
        return None  # "did not respond to a request for comment": no statement was made
    if klass in ("speech", "stance") and j > 1:
        taken, f = account_cue(r, toks, i, j, para, klass, cue)
        if taken:
            return None if neg else f  # "..., a figure Moscow does not disclose": nothing said
    who = speaker_of(r, toks, i, j, lemma, klass)
    if who is None:
        return None
    sources, src_start, inverted, after_src = who
    if not sources:
        return None
    if prior and len(sources) == 1 and sources[0].span:
        # "The UN Mission in South Sudan said A and called B": the second verb's subject, read without
        # the place, is the phrase the first verb read whole
        at, end = sources[0].span
        fuller = [src for f in prior for src in f.sources if src.span and src.span[0] == at and src.span[1] > end]
        if fuller:
            sources = [fuller[-1]]
    if lemma in PHYSICAL and any(src.mention.lower().rsplit(None, 1)[-1] in ARMED for src in sources):
        return None  # "Russian troops attacked the village": a military action the outlet reports, not a stance
    return content_of(r, toks, i, para, lemma, klass, cue, sources, src_start, inverted, after_src)


def account_cue(r: Reader, toks: Tokens, i: int, j: int, para: int, klass: str, cue: Span) -> tuple[bool, Found | None]:
    """"..., a claim the army disputed.", "..., which the UAE denies.": a phrase that takes what was just said.

    The source is the subject after the noun or "which"; the content is the phrase itself, which
    stands for the clause before it (that clause is another claim, cut off at the comma). Returns
    whether the cue is this construction, and its claim.
    """
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    if i + 1 < n and not (words[i + 1] in NP_END or (lows[i + 1] in TRAILER_START and i + 2 < n and lows[i + 2] in TIME_NOUNS)):
        return False, None  # the verb takes a content of its own ("which he describes as his home"): not this construction
    for h in range(j, max(0, j - 8), -1):
        if toks.inq[h] or words[h] in CLAUSE_BREAKS:
            return False, None
        if lows[h] in ACCOUNT_NOUNS and h >= 2 and lows[h - 1] in ("a", "an") and words[h - 2] == ",":
            head = h - 1
            break
        if lows[h] == "which" and words[h - 1] == ",":
            head = h
            break
    else:
        return False, None
    if h + 1 > j:
        return False, None
    np = right_np(toks, h + 1, j + 1)
    if np is None or np[1] != j or not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS
                                        or lows[j] in PEOPLE_PLURALS):  # "a figure independent analysts dispute"
        return False, None
    sources = r.src_list(toks, *np)
    if np[0] == np[1] and lows[j] in ("they", "it") and lows[head] == "which":
        sources = accused_subjects(r, toks, head - 1, lows[j]) or sources
    f = r.frag(toks, head, i)
    if not f or not sources:
        return True, None
    return True, Found([f], "indirect", cue, sources, [], para, kind=klass)


def _reduced_by(toks: Tokens, i: int) -> bool:
    """"The plan, first reported by the Post, ...": a past participle set off after a noun, its speaker
    after "by" (what was reported is the sentence around it)."""
    lows, words = toks.lows, toks.words
    if i + 2 >= len(toks.words) or lows[i + 1] != "by" or i == 0:
        return False
    # the agent: a name or a phrase with an article ("by telephone", "by settling the dispute" are means)
    if not (lows[i + 2] in ARTICLES or (is_cap(words[i + 2]) and lows[i + 2] not in DAYS)):
        return False
    k = i - 1 if lows[i - 1] not in ("first", "widely", "previously", "originally") else i - 2
    return k >= 1 and words[k] == "," and lows[k - 1].isalpha() and lows[k - 1] not in SUBJECT_PRONOUNS


_AFTER_AGENT = {",", "—", "–", "--", "(", "and", "or"}


def passive_cue(r: Reader, toks: Tokens, i: int, j: int, para: int, lemma: str, klass: str, cue: Span) -> Found | None:
    """"it was reported by X that ...", "X was told by Y ...", "it is believed that ..."."""
    text = r.text
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    low = lows[i]
    sources: list[Src] = []
    by = None
    for k in range(i + 1, min(n, i + 12)):
        if toks.inq[k] or words[k] in (",", ";", ":") or lows[k] in ("that", "whether", "if", "and", "but") or lows[k] in BE:
            break
        if lows[k] == "by":
            by = k
            break
    if by is not None:
        np = right_np(toks, by + 1)
        if not np:
            return None
        sources = r.src_list(toks, *np)
        # "was echoed by X and Y", "applauded by critics, including ...": what follows the source goes on
        # with it; the content is what was echoed, the subject
        # ("The strike, first reported by the Gazette, killed ...": that comma closes the aside)
        ca = content_after(toks, np[1], lemma) if np[1] + 1 < n and (
            words[np[1] + 1] not in _AFTER_AGENT or (words[np[1] + 1] == "," and toks.lows[j] == ",")) else None
        if ca is None or is_trailer(toks, ca[0], ca[1]):
            # "The ban was first reported by BuzzFeed.": what was reported is the subject
            k = j
            while k >= 0 and lows[k] in PASSIVE_AUX:
                k -= 1
            if k >= 0:
                before, _ = content_before(r, toks, k)
                if before:
                    return Found(before, "indirect", cue, sources, [], para, kind=klass)
            return None
    elif j >= 0 and lows[j] in ("it", "this") and low in VAGUE_PASSIVES:
        mention, span, _ = mention_of(text, toks, j, j)
        sources = [Src(mention, span, "unspecified", "vague")]
        cue = (toks.starts[j + 1], toks.ends[i])
        ca = content_after(toks, i, lemma)
    else:
        return None
    if not ca:
        return None
    f = r.frag(toks, *ca)
    if not f:
        return None
    return Found([f], "indirect", cue, sources, [], para)


def _estimate(r: Reader, toks: Tokens, i: int, k: int, para: int) -> Found | None:
    """"The ministry put the death toll at 41": the verb is the cue and the tally with its figure
    the content ("put the number of displaced at 2 million")."""
    lows, words = toks.lows, toks.words
    at = next((x for x in range(k + 1, min(len(toks.words), k + 9)) if lows[x] == "at" or words[x] in CLAUSE_BREAKS), None)
    if at is None or lows[at] != "at":
        return None
    j, passive = skip_aux(toks, i)
    if passive:
        return None  # "the toll was put at 41": no one named
    who = speaker_of(r, toks, i, j, "estimate", "stance")  # never inverted: "..., put the toll at" is no "..., said X"
    if who is None or not who[0]:
        return None
    sources, src_start, inverted, after_src = who
    return content_of(r, toks, i, para, "estimate", "speech", (toks.starts[i], toks.ends[i]), sources, src_start,
                      inverted, after_src)


def phrase_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"X made clear that ...", "X took aim at ...", "as X put it: ...": a cue of several words."""
    n = len(toks.words)
    lows = toks.lows
    heads, gap = PHRASE_VERBS[lows[i]]
    k = i + 1
    while k < n and k <= i + 1 + gap and lows[k] not in heads:
        if toks.inq[k] or toks.words[k] in CLAUSE_BREAKS and toks.words[k] != ",":
            return None
        k += 1
    if k >= n or lows[k] not in heads or toks.inq[k]:
        return None
    if lows[k] == "back" and not any(toks.inq[:i]):
        return None  # "“...,” the mayor shot back" answers a quotation; "troops fired back" is gunfire
    if lows[k] == "it" and k > i + 1:
        return None  # "put pressure on it"
    if lows[k] in TALLIES:
        return _estimate(r, toks, i, k, para)
    if lows[k] == "out" and (k + 1 >= n or toks.words[k + 1] in NP_END or lows[k + 1] in TRAILER_START):
        return None  # "laid out a plan" says something; "the bodies lay out in the open" does not
    end = k
    if end + 1 < n and lows[end + 1] in PHRASE_LINKS and lows[k] != "it":
        end += 1
    speech = lows[k] in PHRASE_SPEECH
    lemma, klass = ("say", "speech") if speech else ("criticize", "stance")
    j, passive = skip_aux(toks, i)
    if (passive and not lows[i].endswith("ing")) or (lows[k] == "it" and (j < 0 or lows[j] in ARTICLES)):
        return None  # "the case was made"; but "is making the case", "is raising questions" are active
    cue = (toks.starts[i], toks.ends[end])
    if lows[k] == "it" and j >= 0 and (end + 1 >= n or toks.words[end + 1] in (".", "!", "?") or toks.words[end + 1] in QUOTE_MARKS and end + 2 >= n):
        # "“...,” as the mayor put it.": the content is before "as"
        np = left_np(toks, j)
        if np is None or np[0] < 2 or lows[np[0] - 1] != "as":
            return None
        content, direct = content_before(r, toks, before_source(toks, np[0] - 1))
        if not content:
            return None
        return Found(content, "direct" if direct else "indirect", cue, r.src_list(toks, *np), [], para, direct=direct)
    if lows[k] in SAID_THINGS:
        ca = content_after(toks, k, lemma)
        if ca is not None and ca[0] == k + 1 and lows[k + 1] in OCCASION_START:
            return None  # "made the pledge at a rally", "made the comments Friday": when and where, not what
    # "put it" is never inverted ("…, put it X"): its speaker is before the verb
    who = speaker_of(r, toks, i, j, lemma, "stance" if lows[k] == "it" else klass)
    if who is None or not who[0] or (lows[i] in RAISE_FORMS and not raised_by(who[0])):
        return None
    sources, src_start, inverted, after_src = who
    return content_of(r, toks, end, para, lemma, klass, cue, sources, src_start, inverted, after_src)
