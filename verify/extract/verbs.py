"""A reporting verb cue, read in steps: is it a verb here, which use of it, who and what.

``verb_cue`` takes the word's class (speech, evidence, stance, belief) from the lexicon, then
``not_a_verb`` rules out nouns and adjectives ("the report", "a call for"), ``participle_cue``
(``participles.py``) reads "..., saying ...", ``passive_cue`` reads "it was reported by ...", and the rest goes to the
speaker (``speaker.py``) and the content (``content.py``). ``phrase_cue`` reads cues of several
words ("made clear that", "took aim at", "as X put it").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import before_source, content_after, content_before, content_of, is_trailer
from .cues import (
    ANONYMITY_VERBS, AS_LINKS, BELIEF_FORMS, CASTING, CONTROL_VERBS, EVIDENCE_FORMS, FORCE_OBJECTS, NOT_A_CLAUSE,
    NOUNISH, OTHER_VERB_PARTICLES, PARTICIPLES, PHRASE_LINKS, PHRASE_SPEECH, PHRASE_VERBS, PHYSICAL, PREP_VERBS, TALLIES,
    PRESS_ON, QUOTE_SIGNS, RAISE_FORMS, REFERRED_OBJECTS, RELEASE_VERBS, SAID_THINGS, SILENT_WHEN_NEGATED,
    SPEECH_FORMS, STANCE_FORMS, TAKEN_ON, TOPIC_VERBS, VAGUE_PASSIVES, VERB_AFTER, VERB_CUES, VERB_ONLY,
)
from .found import Found, Span
from .gaps import object_before
from .naming import names_a_thing
from .sentences import closes_abbreviation
from .phrases import floated, left_np, mention_of, negated, right_np, skip_aux
from .sources import Src
from .participles import participle_cue
from .speaker import accused_subjects, speaker_of
from .stances import group_before, plural_noun
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .topics import asked_by, asks_anonymity, before_aspect, finite_ing, purpose_cue, raised_by, reduced_asked
from .words import (
    ACCOUNT_NOUNS, ARMED, ARTICLES, AUX, BARE_VERB_AUX, BE, CAP_WORDS, DAYS, POSTED_ON, CONTRACTED_BE, CLAUSE_BREAKS, CLAUSE_VERBS, DETERMINERS, GROUP_SUBJECTS,
    LISTENER_WORDS, MEDIA, PREP_IN_NP, NATIONALITY_LIKE, NEGATED_BARE_AUX, NOUN_QUANTIFIERS, NP_END, OCCASION_START, PASSIVE_AUX,
    REFLEXIVES, RELATIVES, STATE_ADJECTIVES, STOP, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, TIME_NOUNS, TOOK_TO, TRAILER_START, WRITINGS,
)

if TYPE_CHECKING:
    from .attribution import Reader


def verb_cue(r: Reader, toks: Tokens, i: int, para: int, prior: list[Found]) -> Found | None:
    """The claim a reporting verb at ``i`` makes, if it is one here; ``prior`` holds the sentence's earlier claims."""
    lows, words = toks.lows, toks.words
    low = lows[i]
    if low in SPEECH_FORMS or low in QUOTE_SIGNS:
        lemma, tense = SPEECH_FORMS.get(low) or QUOTE_SIGNS[low]
        klass = "speech"
    elif low in EVIDENCE_FORMS:
        lemma, tense = EVIDENCE_FORMS[low]
        klass = "evidence"
    elif low in STANCE_FORMS:
        lemma, tense = STANCE_FORMS[low]
        klass = "stance"
    else:
        lemma, tense = BELIEF_FORMS[low]
        klass = "belief"
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
    passive = tense == "past" and (passive or (i > 0 and lows[i - 1] == "as" and i + 1 < len(toks) and lows[i + 1] == "by")
                                   or (klass == "speech" and lemma != "add" and _reduced_by(toks, i)))
    if tense == "past" and not passive and j >= 0 and lows[j] in CONTRACTED_BE:
        # "she’s quoted as saying", "they’re told": "is"/"are" and a passive; "he’s said that" is "has",
        # "you’re worried that" an adjective
        passive = (i + 1 < len(toks) and lows[i + 1] in ("by", "as", "to")) or (lemma == "tell" and not lows[j].endswith("s"))
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
    if neg and lemma in SILENT_WHEN_NEGATED and not any(lows[k] in ("that", "whether", "if") for k in range(i + 1, min(len(toks), i + 4))):
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
    if lemma in PHYSICAL and any(src.mention.lower().rsplit(None, 1)[-1] in ARMED for src in sources):
        return None  # "Russian troops attacked the village": a military action the outlet reports, not a stance
    return content_of(r, toks, i, para, lemma, klass, cue, sources, src_start, inverted, after_src)


def account_cue(r: Reader, toks: Tokens, i: int, j: int, para: int, klass: str, cue: Span) -> tuple[bool, Found | None]:
    """"..., a claim the army disputed.", "..., which the UAE denies.": a phrase that takes what was just said.

    The source is the subject after the noun or "which"; the content is the phrase itself, which
    stands for the clause before it (that clause is another claim, cut off at the comma). Returns
    whether the cue is this construction, and its claim.
    """
    n = len(toks)
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
    if np is None or np[1] != j or not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
        return False, None
    sources = r.src_list(toks, *np)
    if np[0] == np[1] and lows[j] in ("they", "it") and lows[head] == "which":
        sources = accused_subjects(r, toks, head - 1, lows[j]) or sources
    f = r.frag(toks, head, i)
    if not f or not sources:
        return True, None
    return True, Found([f], "indirect", cue, sources, [], para, kind=klass)


def relative_gap(toks: Tokens, i: int) -> bool:
    """"..., which Western officials estimate has sent ...": a verb whose object is the relative pronoun
    before its subject, and whose content goes on with the relative clause's own verb."""
    lows, words = toks.lows, toks.words
    n = len(toks)
    if i + 1 >= n or not (lows[i + 1] in CLAUSE_VERBS or lows[i + 1] in BE):
        return False
    for k in range(i - 2, max(-1, i - 6), -1):
        if toks.inq[k] or words[k] in CLAUSE_BREAKS:
            return False
        if lows[k] in ("which", "that"):
            if k > 0 and words[k - 1] == ",":
                return True
            # restrictive: "a missile that the army claims was fired", after a noun ("said that the
            # army claims were false" has a verb before "that", and "claims" is a noun there)
            prev = lows[k - 1] if k > 0 else ""
            return prev.isalpha() and words[k - 1].islower() and prev not in STOP and prev not in VERB_CUES \
                and not prev.endswith("ed") and prev not in BE and prev not in CLAUSE_VERBS
    return False


def not_a_verb(toks: Tokens, i: int, lemma: str, tense: str, klass: str) -> bool:
    """The cue word is a noun or adjective here ("the report", "a call for", "think tank")."""
    n = len(toks)
    lows, words = toks.lows, toks.words
    low = lows[i]
    prev = lows[i - 1] if i > 0 else ""
    # a noun, not a verb: "the report", "his claims", "a note"
    if (tense in ("base", "third") or tense == "past") and (prev in ARTICLES or is_possessive(words[i - 1] if i else "")) \
            and prev not in SUBJECT_CONTRACTIONS and not floated(lows, i - 1) \
            and not (prev == "another" and another_speaks(toks, i, tense)):  # "he’s said": "has"; "both sides each said"
        # "his repeated offenses", "the alleged plot": an adjective, not a verb
        return True
    if prev in ("neither", "nor"):
        return True  # "has neither confirmed nor denied it": no statement either way
    if tense in ("base", "third") and i > 1 and lows[i - 2] in ARTICLES and NATIONALITY_LIKE.match(words[i - 1]) \
            and not prev.endswith("s"):
        return True  # "the Russian claims", "the Ukrainian report": an adjective and a noun
    nxt = lows[i + 1] if i + 1 < n else ""
    pw0 = words[i - 1] if i else ""
    if (prev in ("of", "for", "a", "an") or prev in NOUN_QUANTIFIERS) and tense in ("base", "third"):
        return True  # "a note of caution", "a call for", "neither claim"
    if tense == "past" and (prev[:1].isdigit() or prev in ("of", "fewer", "more", "include", "includes")) and nxt.endswith("s") and nxt.isalpha():
        return True  # "758 pledged delegates", "the count of reported cases": an adjective
    if (lemma == "think" and nxt == "tank") or (lemma == "push" and nxt in ("through", "ahead")) \
            or (lemma in ("decline", "continue") and nxt != "to" and lemma == "decline") or (lemma == "continue" and nxt == "to"):
        return True  # "think tank", "pushed through", "declined slightly", "continued to stay away"
    if lemma == "continue" and (nxt in NP_END or nxt in TRAILER_START or nxt in ("overnight", "unabated", "apace")) and nxt != ":" \
            and not any(toks.inq):
        return True  # "The shelling continued overnight.": something went on; "“...,” he continued." speaks
    if lemma in ("plan", "intend") and (nxt != "to" or prev in ("own", "new", "better", "to") or (prev.endswith("ed") and prev.isalpha())):
        return True  # an intention only as "X plans to ...": "his plans for", "a retirement plan" are nouns
    if klass == "stance" and tense == "past" and nxt == "by":
        # "the plan offered by the mayor", "debt issued by the bank": a reduced passive; "was (hotly)
        # criticized by" is a passive the passive reader takes
        aux = skip_aux(toks, i)[0] + 1
        if not (aux < i and lows[aux] in BE or prev in BE or prev in ("has", "have", "had")):
            return True
    if lemma == "accuse" and tense == "past" and nxt == "of" and i > 0 and prev not in AUX and prev not in SUBJECT_PRONOUNS \
            and prev not in SUBJECT_CONTRACTIONS and not _object_relative(toks, i):
        # "the soldier accused of shelling the village": the one accused, who says nothing ("the
        # guild, which the crews accused of lying": the crews accuse)
        return True
    if lemma == "decide" and (prev in BE or (prev.endswith("ly") and i > 1 and lows[i - 2] in BE)):
        return True  # "the race will be decided by a runoff": a contest settled, no one's decision
    if lemma in ("respond", "reply", "answer") and nxt == "by" and i + 2 < n and lows[i + 2].endswith("ing") \
            and lows[i + 2] not in SPEECH_FORMS \
            and not any(lows[k] == "that" or toks.inq[k] for k in range(i + 3, min(n, i + 14))):
        # "the army responded by shelling the town": an act; "responded by saying ...", "responded by
        # citing figures to show that ..." speak
        return True
    if lemma == "find" and nxt in REFLEXIVES:
        return True  # "the town found itself under siege": a plight, not a finding
    if low == "called" and names_a_thing(toks, i):
        return True  # "a group called X", "the resort, now called X": a name, not a stance
    if low == "expected" and nxt != "that":
        return True  # "is expected to win"; "X expected that ..." is a belief
    if lemma == "maintain" and nxt != "that":
        return True  # "maintained a lead"; "has maintained that ..." is a cue
    if low == "states":
        # "the states", "member states that ..."; "the document states that ..." is a cue
        after = lows[i + 2] if i + 2 < n else ""
        return nxt != "that" or prev in STATE_ADJECTIVES or prev in ARTICLES or prev in DETERMINERS \
            or after in CLAUSE_VERBS or after in BE or after.endswith("ed")  # "coastal states that have ..."
    if lemma == "compare" and prev == "," and nxt in ("with", "to"):
        return True  # "..., compared with two last year": a comparison, not a stance
    if lemma in OTHER_VERB_PARTICLES and nxt in OTHER_VERB_PARTICLES[lemma]:
        return True  # "backed down", "called off the strike"
    if low == "reported" and nxt == "from":
        return True  # "Lee reported from Kabul.": where a writer worked, not what anyone said
    if lemma == "assume" and any(lows[k] in TAKEN_ON for k in range(i + 1, min(n, i + 4))):
        return True  # "assumed office", "will assume the post": taking it on, not a belief
    if lemma == "add" and nxt == "to" and i + 2 < n and not is_cap(words[i + 2]) \
            and (lows[i + 2] not in LISTENER_WORDS or lows[i + 2] in DETERMINERS):
        return True  # "adding to her lead", "added to the confusion": a sum; "added to reporters" speaks
    if lemma == "offer" and any(lows[k] in FORCE_OBJECTS for k in range(i + 1, min(n, i + 4))):
        return True  # "offering stiff resistance": a fight, not a statement
    if lemma == "press" and nxt in PRESS_ON and (tense == "ing" or prev not in BE):
        return True  # "pressing to capture the hub", "pressed on with the assault"; "was pressed on why" asks
    if lemma == "refer" and nxt in REFERRED_OBJECTS:
        return True  # "referred questions to the ministry"
    if lemma in RELEASE_VERBS and any(lows[k] in MEDIA for k in range(i + 1, min(n, i + 4))):
        return True  # "posted photos of the men": what a picture shows carries the account on, it says nothing
    if lemma in RELEASE_VERBS and not any(lows[k] in WRITINGS for k in range(i + 1, min(n, i + 6))) \
            and not (nxt == ":" or words[i + 1 if i + 1 < n else i] in QUOTE_MARKS and i + 1 < n
                     or any(lows[k] == "that" and k + 1 < n and lows[k + 1] not in TIME_NOUNS and lows[k + 1] not in DAYS
                            and (k == i + 1 or lows[k - 1] in POSTED_ON or lows[k - 1] in DAYS or lows[k - 1] in TIME_NOUNS)
                            for k in range(i + 1, min(n, i + 7)))):
        return True  # "released a statement" says something; "released 50 prisoners" is an event ("posted: “...”",
        # "posted on Facebook that ..." say something too)
    if low in ("called", "named", "dubbed") and i + 1 < n and is_cap(words[i + 1]):
        k = i + 1
        while k < n and (is_cap(words[k]) or lows[k] in ("of", "the", "for", "and")) and not toks.inq[k]:
            k += 1
        if k < n and (lows[k] in CLAUSE_VERBS or lows[k] in BE):
            return True  # "a super PAC called Our Principles is ...": a name, not a stance
    if low == "votes" and nxt == "to":
        return True  # "enough votes to win": a count; "the council voted to pay" is a stance
    if lemma in PREP_VERBS and nxt not in PREP_VERBS[lemma] and not (nxt.endswith("ly") and i + 2 < n and lows[i + 2] in PREP_VERBS[lemma]):
        return True  # a stance only with its preposition: "voted for X", "focused on X", "spoke out against X"
    if lemma in CASTING:
        # a portrayal only as "X casts Y as Z", "X painted him as ...": "cast a vote", "paint a wall",
        # "present a plan", "the frame of" are no stances; nor is "is regarded as" (no one named)
        if prev in BE or prev in ARTICLES or (tense == "third" and not (is_cap(pw0) or prev in ("he", "she", "it", "who", "which", "that"))):
            return True  # "the key positions of ...", "his frames": nouns
        k = i + 1
        while k < min(n, i + 8) and lows[k] != "as" and (words[k] not in (",", ".", ";", ":") or closes_abbreviation(words, lows, k)) \
                and not toks.inq[k]:  # ("painted Mr. Roe as"): the stop of a title goes on
            k += 1
        if k >= n or lows[k] != "as" or (k == i + 1 and not object_before(toks, i)) or lows[k - 1] == "so" or k + 1 >= n \
                or lows[k + 1] in SUBJECT_PRONOUNS or lows[k + 1] in AS_LINKS:
            return True  # "presents a chance as he seeks ...", "frames it as soon as ...": "as" links a clause
    if lemma in ("see", "view"):
        # a judgement only as "X sees/views Y as Z"; "we'll see", "the view from" are not attributions
        if prev in BE or tense == "ing" or prev in ARTICLES:
            return True
        k = i + 1
        while k < min(n, i + 9) and lows[k] != "as" and (words[k] not in (",", ".", ";", ":") or closes_abbreviation(words, lows, k)):
            k += 1
        if k >= n or lows[k] != "as" or (k == i + 1 and not object_before(toks, i)):
            return True  # ("a move critics saw as ...": the object is before the subject)
    pw = words[i - 1] if i else ""
    if (low in NOUNISH or (klass == "stance" and tense != "past")) and not (tense == "ing" and ((low in PARTICIPLES and prev in (",", "—", "–", "and", "by")) or finite_ing(toks, i))):
        # (", citing ...", "by praising ..." are participles that the participle step reads)
        # "questions", "claims", "support": a verb only after a name, a pronoun, "who" or an auxiliary
        subj_like = (is_cap(pw) and prev not in DETERMINERS and prev not in CAP_WORDS) or prev in VERB_AFTER or (prev.endswith("ly") and len(prev) > 4) \
            or (tense == "base" and prev == "to" and klass != "stance") \
            or (tense == "third" and prev == "," and nxt == "that" and klass != "stance") \
            or (tense == "third" and nxt == "that" and klass != "stance" and _noun_phrase_ends(toks, i - 1)) \
            or (tense == "base" and klass != "stance" and plural_noun(prev) and nxt.isalpha() and nxt not in NOT_A_CLAUSE) \
            or (tense == "third" and klass != "stance" and i > 1 and lows[i - 2] in ("the", "a", "an", "this", "that") and prev.isalpha()
                and not prev.endswith("s") and nxt.isalpha() and nxt not in NOT_A_CLAUSE and nxt not in CLAUSE_VERBS)  # "The candidate claims his ..."
        subj_like = subj_like or (klass != "stance" and tense in ("base", "third") and relative_gap(toks, i)) \
            or (tense == "base" and (prev in NEGATED_BARE_AUX or (prev == "not" and i > 1 and lows[i - 2] in BARE_VERB_AUX))) \
            or (tense == "base" and prev in BARE_VERB_AUX and not is_cap(pw))  # "did not mention", "would call it"; "May" is a month
        if klass == "stance" and tense == "base" and prev in GROUP_SUBJECTS and (nxt in TRAILER_START or nxt in NP_END or nxt in ("among", "gives", "give")):
            return True  # "48% support in the state", "38 percent support;": a share, not a stance
        if klass == "stance" and tense == "base":
            subj_like = prev in ("to", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "not", "never", "they", "we", "i", "you") \
                or prev in GROUP_SUBJECTS or group_before(toks, i)  # "47 percent support ...", "voters who oppose ..."
        if klass == "stance" and (tense in ("third", "ing") or (tense == "base" and low in VERB_ONLY)) and low not in NOUNISH and prev.isalpha() \
                and prev not in DETERMINERS and prev not in ARTICLES and prev not in TRAILER_START and prev not in CAP_WORDS:
            # "the mayor criticizes ...", "the board praising ...", "several senators oppose ...": an
            # unambiguous verb form after a noun
            subj_like = True
        if not subj_like:
            return True
    return False


def _reduced_by(toks: Tokens, i: int) -> bool:
    """"The plan, first reported by the Post, ...": a past participle set off after a noun, its speaker
    after "by" (what was reported is the sentence around it)."""
    lows, words = toks.lows, toks.words
    if i + 2 >= len(toks) or lows[i + 1] != "by" or i == 0:
        return False
    # the agent: a name or a phrase with an article ("by telephone", "by settling the dispute" are means)
    if not (lows[i + 2] in ARTICLES or (is_cap(words[i + 2]) and lows[i + 2] not in DAYS)):
        return False
    k = i - 1 if lows[i - 1] not in ("first", "widely", "previously", "originally") else i - 2
    return k >= 1 and words[k] == "," and lows[k - 1].isalpha() and lows[k - 1] not in SUBJECT_PRONOUNS


def _object_relative(toks: Tokens, i: int) -> bool:
    """"which the crews accused", "whom Roe blamed": the verb at ``i`` closes a relative clause whose
    subject is the phrase before it (no other verb between)."""
    lows = toks.lows
    for k in range(i - 1, max(-1, i - 6), -1):
        if lows[k] in RELATIVES or lows[k] == "that":
            return True
        if lows[k].endswith("ed") or toks.words[k] in CLAUSE_BREAKS:
            return False
    return False


def _noun_phrase_ends(toks: Tokens, k: int) -> bool:
    """Whether a singular noun phrase opened by an article or a name ends at ``k``: "the UN human rights
    office (estimates that)", not "the ministry rejected (reports that)"."""
    lows, words = toks.lows, toks.words
    if k < 1 or not words[k].isalpha() or not words[k].islower() or lows[k][-1] == "s" or lows[k] in STOP \
            or lows[k].endswith(("ed", "ing")):
        return False
    for m in range(k - 1, max(-1, k - 6), -1):
        if lows[m] in ARTICLES or is_cap(words[m]):
            return True
        if not (words[m].isalpha() and words[m].islower()) or lows[m] in STOP or lows[m].endswith(("ed", "ing")):
            return False
    return False


def another_speaks(toks: Tokens, i: int, tense: str) -> bool:
    """"Another said ...", "another tweeted, “...”": "another" stands alone as the subject of a verb form
    that is no noun, unless a noun follows it ("another reported attack", "another alleged victim")."""
    low = toks.lows[i]
    if tense not in ("past", "third") or low in NOUNISH or i + 1 >= len(toks):
        return False
    nxt = toks.lows[i + 1]
    return not toks.words[i + 1][:1].isalpha() or nxt in ("that", "this", "these") or nxt in SUBJECT_PRONOUNS \
        or nxt in DETERMINERS or is_cap(toks.words[i + 1])


_AFTER_AGENT = {",", "—", "–", "--", "(", "and", "or"}


def passive_cue(r: Reader, toks: Tokens, i: int, j: int, para: int, lemma: str, klass: str, cue: Span) -> Found | None:
    """"it was reported by X that ...", "X was told by Y ...", "it is believed that ..."."""
    text = r.text
    n = len(toks)
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
    at = next((x for x in range(k + 1, min(len(toks), k + 9)) if lows[x] == "at" or words[x] in CLAUSE_BREAKS), None)
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
    n = len(toks)
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
