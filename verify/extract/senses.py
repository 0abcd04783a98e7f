"""Whether a cue word is a verb here: ``not_a_verb`` rules out nouns and adjectives ("the report", "a
call for") and the senses of a verb that report nothing ("think tank", "pushed through").

Tests that hold for every cue come first; then the tests of the cue's own lemma, named below and looked
up in ``_SENSES`` (a word like "said" pays for none of the forty-odd tests of other verbs); then the
test of nouns that are verbs only after a subject.
"""

from __future__ import annotations

from collections.abc import Callable

from .cues import (
    AS_LINKS, CASTING, CUE_FORMS, FORCE_OBJECTS, NOT_A_CLAUSE, NOUNISH, OTHER_VERB_PARTICLES,
    PARTICIPLES, PREP_VERBS, PRESS_ON, QUOTE_SIGNS, REFERRED_OBJECTS, RELEASE_VERBS, SPEECH_FORMS,
    TAKEN_ON, VERB_AFTER, VERB_CUES, VERB_ONLY,
)
from .gaps import object_before
from .naming import names_a_thing
from .phrases import floated, skip_aux
from .sentences import closes_abbreviation
from .stances import group_before, plural_noun
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .topics import finite_ing
from .words import (
    ARTICLES, AUX, BARE_VERB_AUX, BE, CAP_WORDS, CLAUSE_BREAKS, CLAUSE_VERBS, DAYS, DETERMINERS, GROUP_SUBJECTS,
    LISTENER_WORDS, MEDIA, NATIONALITY_LIKE, NEGATED_BARE_AUX, NOUN_QUANTIFIERS, NP_END, NUMBER_WORDS, PLURAL_QUANTITIES,
    POSTED_ON, REFLEXIVES,
    RELATIVES, STATE_ADJECTIVES, STOP, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, TIME_NOUNS, TRAILER_START, WRITINGS,
)


def not_a_verb(toks: Tokens, i: int, lemma: str, tense: str, klass: str) -> bool:
    """The cue word is a noun or adjective here ("the report", "a call for", "think tank")."""
    n = len(toks.words)
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
    if tense == "past" and i > 1 and prev.endswith("ly") and len(prev) > 4 and (lows[i - 2] in ARTICLES or is_possessive(words[i - 2])) \
            and i + 1 < n and lows[i + 1].isalpha() and lows[i + 1] not in STOP:
        return True  # "Yemen's internationally recognised government", "the widely reported deal": an adjective
    if tense in ("base", "third") and i > 1 and lows[i - 2] in ARTICLES and NATIONALITY_LIKE.match(words[i - 1]) \
            and not prev.endswith("s"):
        return True  # "the Russian claims", "the Ukrainian report": an adjective and a noun
    nxt = lows[i + 1] if i + 1 < n else ""
    if (prev in ("of", "for", "a", "an") or prev in NOUN_QUANTIFIERS) and tense in ("base", "third"):
        return True  # "a note of caution", "a call for", "neither claim"
    if tense == "base" and i > 1 and lows[i - 2] in ("a", "an") and prev.replace("-", "").isalpha() \
            and prev not in PLURAL_QUANTITIES and prev not in NUMBER_WORDS:
        # "a snappy retort", "an old quip": one thing takes no bare verb ("a few say" is plural)
        return True
    if tense == "past" and (prev in ("of", "for") or (prev[:1].isdigit() or prev in ("fewer", "more", "include", "includes")) and nxt.endswith("s") and nxt.isalpha()):
        # "758 pledged delegates", "the count of reported cases", "for added security", "food for thought":
        # after a preposition the form is its object's adjective or noun, no verb
        return True
    if tense in ("base", "third") and nxt in _FINITE_CUES and i > 0 and prev not in SUBJECT_PRONOUNS \
            and not (i > 1 and (lows[i - 2] in RELATIVES or lows[i - 2] == "that")):  # ("which Roe claims affirmed")
        return True  # "a United Nations report estimated", "Muslim advocates hailed": the subject's noun, before its verb
    if klass == "stance" and tense == "past" and nxt == "by":
        # "the plan offered by the mayor", "debt issued by the bank": a reduced passive; "was (hotly)
        # criticized by" is a passive the passive reader takes
        aux = skip_aux(toks, i)[0] + 1
        if not (aux < i and lows[aux] in BE or prev in BE or prev in ("has", "have", "had")):
            return True
    for sense in _SENSES.get(lemma, ()):
        decided = sense(toks, i, lemma, tense, prev, nxt)
        if decided is not None:
            return decided
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
                or prev in GROUP_SUBJECTS or group_before(toks, i) \
                or (nxt in (".", ";") and plural_noun(prev))  # "47 percent support ...", "voters who oppose ...", "a figure analysts dispute."
        if klass == "stance" and (tense in ("third", "ing") or (tense == "base" and low in VERB_ONLY)) and low not in NOUNISH and prev.isalpha() \
                and prev not in DETERMINERS and prev not in ARTICLES and prev not in TRAILER_START and prev not in CAP_WORDS:
            # "the mayor criticizes ...", "the board praising ...", "several senators oppose ...": an
            # unambiguous verb form after a noun
            subj_like = True
        if not subj_like:
            return True
    return False


# the finite forms of the cue verbs ("said", "found", "says"; not those that double as plural nouns,
# "questions", "doubts"): the word before one is its subject's noun
_FINITE_CUES = frozenset(w for w, (_, tense, _) in CUE_FORMS.items()
                         if tense == "past" or (tense == "third" and w not in NOUNISH))


# -- the senses of one verb ----------------------------------------------------------------------
# A test takes (toks, i, lemma, tense, prev, nxt) and says True (no report here), False (a report:
# decided) or None (no say). Registered for lemmas, or for word forms: a form's lemmas come from the
# lexicon, so a test of "called" runs wherever "called" is the cue.
Sense = Callable[[Tokens, int, str, str, str, str], "bool | None"]
_SENSES: dict[str, list[Sense]] = {}


def _sense(*lemmas: str, forms: tuple[str, ...] = ()) -> Callable[[Sense], Sense]:
    def register(test: Sense) -> Sense:
        keys = set(lemmas) | {(CUE_FORMS.get(w) or QUOTE_SIGNS[w])[0] for w in forms if w in CUE_FORMS or w in QUOTE_SIGNS}
        for key in sorted(keys):
            _SENSES.setdefault(key, []).append(test)
        return test
    return register


@_sense("think")
def _think_tank(toks, i, lemma, tense, prev, nxt):
    return True if nxt == "tank" else None


@_sense("push")
def _pushed_through(toks, i, lemma, tense, prev, nxt):
    return True if nxt in ("through", "ahead") else None


@_sense("decline")
def _declined_slightly(toks, i, lemma, tense, prev, nxt):
    return True if nxt != "to" else None  # "declined slightly"; "declined to say" is read by the verb step


@_sense("continue")
def _continued(toks, i, lemma, tense, prev, nxt):
    if nxt == "to":
        return True  # "continued to stay away"
    if (nxt in NP_END or nxt in TRAILER_START or nxt in ("overnight", "unabated", "apace")) and nxt != ":" \
            and not any(toks.inq):
        return True  # "The shelling continued overnight.": something went on; "“...,” he continued." speaks
    return None


@_sense("plan", "intend")
def _plans_for(toks, i, lemma, tense, prev, nxt):
    if nxt != "to" or prev in ("own", "new", "better", "to") or (prev.endswith("ed") and prev.isalpha()):
        return True  # an intention only as "X plans to ...": "his plans for", "a retirement plan" are nouns
    return None


@_sense("accuse")
def _accused_of(toks, i, lemma, tense, prev, nxt):
    if tense == "past" and nxt == "of" and i > 0 and prev not in AUX and prev not in SUBJECT_PRONOUNS \
            and prev not in SUBJECT_CONTRACTIONS and not _object_relative(toks, i):
        # "the soldier accused of shelling the village": the one accused, who says nothing ("the
        # guild, which the crews accused of lying": the crews accuse)
        return True
    return None


@_sense("claim")
def _claimed_land(toks, i, lemma, tense, prev, nxt):
    if tense == "past" and prev in ("is", "are") and (nxt == "by" or (nxt == "in" and i + 3 < len(toks.words)
                                                       and toks.lows[i + 2] in ("full", "part", "whole"))):
        return True  # "Kashmir is claimed in full by both": land held as one's own, not words reported
    return None


@_sense("decide")
def _decided_by(toks, i, lemma, tense, prev, nxt):
    if prev in BE or (prev.endswith("ly") and i > 1 and toks.lows[i - 2] in BE):
        return True  # "the race will be decided by a runoff": a contest settled, no one's decision
    return None


@_sense("respond", "reply", "answer")
def _responded_by_acting(toks, i, lemma, tense, prev, nxt):
    lows, n = toks.lows, len(toks.words)
    if nxt == "by" and i + 2 < n and lows[i + 2].endswith("ing") and lows[i + 2] not in SPEECH_FORMS \
            and not any(lows[k] == "that" or toks.inq[k] for k in range(i + 3, min(n, i + 14))):
        # "the army responded by shelling the town": an act; "responded by saying ...", "responded by
        # citing figures to show that ..." speak
        return True
    return None


@_sense("find")
def _found_itself(toks, i, lemma, tense, prev, nxt):
    return True if nxt in REFLEXIVES else None  # "the town found itself under siege": a plight, not a finding


@_sense(forms=("called",))
def _called_a_name(toks, i, lemma, tense, prev, nxt):
    if toks.lows[i] == "called" and names_a_thing(toks, i):
        return True  # "a group called X", "the resort, now called X": a name, not a stance
    return None


@_sense(forms=("expected",))
def _expected_to(toks, i, lemma, tense, prev, nxt):
    return True if toks.lows[i] == "expected" and nxt != "that" else None  # "is expected to win"; "X expected that ..." is a belief


@_sense("maintain")
def _maintained_a_lead(toks, i, lemma, tense, prev, nxt):
    return True if nxt != "that" else None  # "maintained a lead"; "has maintained that ..." is a cue


@_sense(forms=("states",))
def _the_states(toks, i, lemma, tense, prev, nxt):
    if toks.lows[i] != "states":
        return None
    # "the states", "member states that ..."; "the document states that ..." is a cue (decided either way)
    after = toks.lows[i + 2] if i + 2 < len(toks.words) else ""
    return nxt != "that" or prev in STATE_ADJECTIVES or prev in ARTICLES or prev in DETERMINERS \
        or after in CLAUSE_VERBS or after in BE or after.endswith("ed")  # "coastal states that have ..."


@_sense("compare")
def _compared_with(toks, i, lemma, tense, prev, nxt):
    return True if prev == "," and nxt in ("with", "to") else None  # "..., compared with two last year": a comparison


@_sense(*OTHER_VERB_PARTICLES)
def _other_verb(toks, i, lemma, tense, prev, nxt):
    return True if nxt in OTHER_VERB_PARTICLES[lemma] else None  # "backed down", "called off the strike"


@_sense(forms=("reported",))
def _reported_from(toks, i, lemma, tense, prev, nxt):
    if toks.lows[i] == "reported" and nxt == "from":
        return True  # "Lee reported from Kabul.": where a writer worked, not what anyone said
    return None


@_sense("assume")
def _assumed_office(toks, i, lemma, tense, prev, nxt):
    lows = toks.lows
    if any(lows[k] in TAKEN_ON for k in range(i + 1, min(len(toks.words), i + 4))):
        return True  # "assumed office", "will assume the post": taking it on, not a belief
    return None


@_sense("add")
def _added_to(toks, i, lemma, tense, prev, nxt):
    lows = toks.lows
    if nxt == "to" and i + 2 < len(toks.words) and not is_cap(toks.words[i + 2]) \
            and (lows[i + 2] not in LISTENER_WORDS or lows[i + 2] in DETERMINERS):
        return True  # "adding to her lead", "added to the confusion": a sum; "added to reporters" speaks
    return None


@_sense("offer")
def _offered_resistance(toks, i, lemma, tense, prev, nxt):
    lows = toks.lows
    if any(lows[k] in FORCE_OBJECTS for k in range(i + 1, min(len(toks.words), i + 4))):
        return True  # "offering stiff resistance": a fight, not a statement
    return None


@_sense("press")
def _pressed_on(toks, i, lemma, tense, prev, nxt):
    if nxt in PRESS_ON and (tense == "ing" or prev not in BE):
        return True  # "pressing to capture the hub", "pressed on with the assault"; "was pressed on why" asks
    return None


@_sense("refer")
def _referred_questions(toks, i, lemma, tense, prev, nxt):
    return True if nxt in REFERRED_OBJECTS else None  # "referred questions to the ministry"


@_sense(*RELEASE_VERBS)
def _released(toks, i, lemma, tense, prev, nxt):
    lows, words, n = toks.lows, toks.words, len(toks.words)
    if any(lows[k] in MEDIA for k in range(i + 1, min(n, i + 4))):
        return True  # "posted photos of the men": what a picture shows carries the account on, it says nothing
    if not any(lows[k] in WRITINGS for k in range(i + 1, min(n, i + 6))) \
            and not (nxt == ":" or words[i + 1 if i + 1 < n else i] in QUOTE_MARKS and i + 1 < n
                     or any(lows[k] == "that" and k + 1 < n and lows[k + 1] not in TIME_NOUNS and lows[k + 1] not in DAYS
                            and (k == i + 1 or lows[k - 1] in POSTED_ON or lows[k - 1] in DAYS or lows[k - 1] in TIME_NOUNS)
                            for k in range(i + 1, min(n, i + 7)))):
        return True  # "released a statement" says something; "released 50 prisoners" is an event ("posted: “...”",
        # "posted on Facebook that ..." say something too)
    return None


@_sense(forms=("called", "named", "dubbed"))
def _called_by_name(toks, i, lemma, tense, prev, nxt):
    lows, words, n = toks.lows, toks.words, len(toks.words)
    if lows[i] in ("called", "named", "dubbed") and i + 1 < n and is_cap(words[i + 1]):
        k = i + 1
        while k < n and (is_cap(words[k]) or lows[k] in ("of", "the", "for", "and")) and not toks.inq[k]:
            k += 1
        if k < n and (lows[k] in CLAUSE_VERBS or lows[k] in BE):
            return True  # "a super PAC called Our Principles is ...": a name, not a stance
    return None


@_sense(forms=("votes",))
def _votes_to(toks, i, lemma, tense, prev, nxt):
    return True if toks.lows[i] == "votes" and nxt == "to" else None  # "enough votes to win": a count


@_sense(*PREP_VERBS)
def _without_preposition(toks, i, lemma, tense, prev, nxt):
    preps = PREP_VERBS[lemma]
    if nxt not in preps and not (nxt.endswith("ly") and i + 2 < len(toks.words) and toks.lows[i + 2] in preps):
        return True  # a stance only with its preposition: "voted for X", "focused on X", "spoke out against X"
    return None


@_sense(*CASTING)
def _cast_as(toks, i, lemma, tense, prev, nxt):
    # a portrayal only as "X casts Y as Z", "X painted him as ...": "cast a vote", "paint a wall",
    # "present a plan", "the frame of" are no stances; nor is "is regarded as" (no one named)
    lows, words, n = toks.lows, toks.words, len(toks.words)
    pw0 = words[i - 1] if i else ""
    if prev in BE or prev in ARTICLES or (tense == "third" and not (is_cap(pw0) or prev in ("he", "she", "it", "who", "which", "that"))):
        return True  # "the key positions of ...", "his frames": nouns
    k = i + 1
    while k < min(n, i + 8) and lows[k] != "as" and (words[k] not in (",", ".", ";", ":") or closes_abbreviation(words, lows, k)) \
            and not toks.inq[k]:  # ("painted Mr. Roe as"): the stop of a title goes on
        k += 1
    if k >= n or lows[k] != "as" or (k == i + 1 and not object_before(toks, i)) or lows[k - 1] == "so" or k + 1 >= n \
            or lows[k + 1] in SUBJECT_PRONOUNS or lows[k + 1] in AS_LINKS:
        return True  # "presents a chance as he seeks ...", "frames it as soon as ...": "as" links a clause
    return None


@_sense("see", "view")
def _seen_as(toks, i, lemma, tense, prev, nxt):
    # a judgement only as "X sees/views Y as Z"; "we'll see", "the view from" are not attributions
    if prev in BE or tense == "ing" or prev in ARTICLES:
        return True
    lows, words, n = toks.lows, toks.words, len(toks.words)
    k = i + 1
    while k < min(n, i + 9) and lows[k] != "as" and (words[k] not in (",", ".", ";", ":") or closes_abbreviation(words, lows, k)):
        k += 1
    if k >= n or lows[k] != "as" or (k == i + 1 and not object_before(toks, i)):
        return True  # ("a move critics saw as ...": the object is before the subject)
    return None


# -- clauses around the cue ----------------------------------------------------------------------

def relative_gap(toks: Tokens, i: int) -> bool:
    """"..., which Western officials estimate has sent ...": a verb whose object is the relative pronoun
    before its subject, and whose content goes on with the relative clause's own verb."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
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
    if tense not in ("past", "third") or low in NOUNISH or i + 1 >= len(toks.words):
        return False
    nxt = toks.lows[i + 1]
    return not toks.words[i + 1][:1].isalpha() or nxt in ("that", "this", "these") or nxt in SUBJECT_PRONOUNS \
        or nxt in DETERMINERS or is_cap(toks.words[i + 1])
