"""Noun phrases: where a source phrase begins and ends, walking left from a verb or right from a cue.

A phrase is walked over words that can belong to a noun phrase (names, titles, determiners, nouns,
"of", possessives) and stops at clause boundaries; what the phrase names is ``sources.py``'s work.
"""

from __future__ import annotations

from .cues import CUE_FORMS, EVIDENCE_NOUNS
from .sentences import closes_abbreviation
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .words import (
    ADVERBIAL_PAIRS, AFTER_PARTICIPLE, ANON_HEADS, AUX, CAP_STOP, NEGATIONS, DAYS, DETERMINERS, ED_ADJECTIVES, FLOATED, IRREGULAR_PAST, LY_ADJECTIVES, LY_NOUNS, MONTHS,
    NOT_ALONE, NP_END, NUMBER_WORDS, ONE_PERSON, OUTLET_NOUNS, SPAN_NOUNS, SPAN_WORDS, VENUES,
    OPENING_PARTICIPLES, ORG_HEADS, PEOPLE_PLURALS, PLURAL_QUANTITIES, PERSON_TITLES, PLACE_HEAD, PLACING, PREDETERMINERS, PREP_IN_NP, PRONOMINAL,
    QUALIFIER_WORDS, RELATIVES, S_SINGULAR_ENDINGS, S_SINGULARS, SHARE_WORDS, STOP, SUBJECT_CONTRACTIONS, SUBJECT_PRONOUNS, TIME_WORDS, TITLE_CAPS, TITLE_WORDS, TO_HEADS, VERB_ADVERBS,
)



def _plural(low: str) -> bool:
    """A plural noun, after which an "a" further left belongs to another phrase ("a move critics ...")."""
    return low in PEOPLE_PLURALS or (low.endswith("s") and len(low) > 3 and low.isalpha() and not low.endswith(S_SINGULAR_ENDINGS)
                                     and low not in S_SINGULARS)
# nouns that head one source of a coordination: "police and medics", "a rebel commander and a war monitor"
_COORD_HEADS = PEOPLE_PLURALS | PERSON_TITLES | ORG_HEADS | {w for w in ANON_HEADS if w.endswith("s")} | {"monitor", "medic", "rescuer", "doctor", "witness"}


def _np_token_ok(words: list[str], lows: list[str], k: int) -> bool:
    w = words[k]
    low = lows[k]
    if w in QUOTE_MARKS or w in ",;:!?—–[]{}":
        return False
    if low in DETERMINERS or low in ("’s", "'s", "&", "(", ")"):
        return True
    if w == "/" and 0 < k < len(words) - 1 and is_cap(words[k - 1]) and is_cap(words[k + 1]):
        return True  # joint sponsors: "an NBC/Marist poll"
    form = CUE_FORMS.get(low)
    if form is not None and form[2] != "stance":
        # "the report", "his claims": base and -s forms double as nouns; "said", "told" never do
        return ((is_cap(w) and low not in ("says", "said")) or (form[1] in ("base", "third") and low not in ("says", "say"))
                or (form[1] == "ing" and k > 0 and (lows[k - 1] in DETERMINERS or is_possessive(words[k - 1])))  # "her thinking"
                # "Yemen's internationally recognised government": an adjective after an adverb
                or (form[1] == "past" and k > 1 and lows[k - 1].endswith("ly") and len(lows[k - 1]) > 4
                    and (lows[k - 2] in ("the", "a", "an") or is_possessive(words[k - 2]))))
    if is_cap(w):
        if low.endswith("ing") and (k == 0 or words[k - 1] in (",",)) and k + 1 < len(words) and (
                low in OPENING_PARTICIPLES or lows[k + 1] in AFTER_PARTICIPLE):
            return False  # "Walking to the door, ...", "Following initial reports": not names like "Ebeling"
        if low in STOP and low != "i" and not w.isupper():
            return False  # "To", "Whenever", "Just": a sentence's first word, not a name
        return low not in CAP_STOP or low in TITLE_CAPS
    if not w[0].isalnum():
        return False
    if low in STOP or low in TIME_WORDS:
        return False
    if low.endswith("ly") and len(low) > 4 and low not in LY_ADJECTIVES and low not in LY_NOUNS:
        # an adverb; "a Reuters tally", "the family" are nouns; "Yemen's internationally recognised
        # government": an adverb of the adjective after it, inside the phrase
        return 0 < k < len(words) - 1 and (lows[k - 1] in ("the", "a", "an") or is_possessive(words[k - 1])) \
            and (lows[k + 1].endswith("ed") or lows[k + 1] in ED_ADJECTIVES) and lows[k + 1].isalpha()
    return True


def _wordlike(w: str) -> bool:
    """A word, not a bare number or a mark ("46-year-old" is one; "2010" is not)."""
    return w[:1].isalnum() and not w.isdigit() and any(c.isalpha() for c in w)


def _org_name_ends(toks: Tokens, k: int, lo: int) -> bool:
    """Whether token ``k`` ends the name of a body ("the Ministry of Health", "the Interior Ministry")."""
    words, lows = toks.words, toks.lows
    j = k
    while j >= lo and k - j < 6 and (is_cap(words[j]) or (lows[j] in ("of", "for", "and") and j < k)):
        if lows[j] in ORG_HEADS:
            return True
        j -= 1
    return False


def left_np(toks: Tokens, k: int, lo: int = 0) -> tuple[int, int] | None:
    """Token range [a, k] of the noun phrase ending at token ``k`` (walking left, not below ``lo``)."""
    words, lows = toks.words, toks.lows
    if k < lo or toks.inq[k]:
        return None
    if lows[k] in SUBJECT_PRONOUNS or lows[k] in RELATIVES or lows[k] in SUBJECT_CONTRACTIONS:
        return (k, k)
    share = _share(toks, k, lo)
    if share is not None:
        return share
    if lows[k] == "another" and k - 1 >= lo and lows[k - 1] == "after":
        return None  # "one after another, the firms ...": an adverb, not who speaks
    if lows[k] in ("them", "us", "those") and k - 2 >= lo and lows[k - 1] == "of" and (lows[k - 2] in PRONOMINAL or lows[k - 2] in NUMBER_WORDS or lows[k - 2].isdigit()):
        return (k - 2, k)  # "most of them", "two of those"
    if lows[k] in ("him", "her", "them", "me", "us") and k - 3 >= lo and lows[k - 1] in ("to", "with") and lows[k - 2] in QUALIFIER_WORDS:
        # "those close to him"
        inner = left_np(toks, k - 3, lo)
        return (inner[0], k) if inner else None
    if lows[k] == ")":
        # "Sen. Jane Roe (D-Vt.)": step over the parenthesis to the name before it
        for o in range(k - 1, max(lo - 1, k - 8), -1):
            if lows[o] == "(":
                inner = left_np(toks, o - 1, lo) if o - 1 >= lo else None
                return (inner[0], k) if inner else None
    abbrev_end = lows[k] == "." and k - 1 >= lo and closes_abbreviation(words, lows, k)
    # "a mother of three": a number closing "of" is part of the phrase
    count_of = lows[k] in NUMBER_WORDS and k - 2 >= lo and lows[k - 1] == "of" and words[k - 2].isalpha() and lows[k - 2] not in DETERMINERS
    if not _np_token_ok(words, lows, k) or lows[k] in DETERMINERS and lows[k] not in PRONOMINAL:
        if lows[k] != ")" and not abbrev_end and not count_of:
            return None
    a = k
    nlower = 0
    while a - 1 >= lo:
        j = a - 1
        lw = lows[j]
        if toks.inq[j]:
            break
        if lw == "." and j - 1 >= lo and closes_abbreviation(words, lows, j):
            a = j
            continue
        if lw == "and":
            # "the White House and Pentagon": a coordination of names, not of clauses
            if j - 1 >= lo and _np_token_ok(words, lows, j - 1) and lows[j - 1] not in DETERMINERS and (
                    is_cap(words[a]) or lows[a] in DETERMINERS or not is_cap(words[j - 1]) or lows[j - 1] in PEOPLE_PLURALS):
                a = j
                continue
            break
        if lw in PLACING and lw not in PREP_IN_NP and j - 1 >= lo and (lows[a] in DETERMINERS or is_cap(words[a])) and (
                lows[j - 1] in PEOPLE_PLURALS or lows[j - 1] in ONE_PERSON or PLACE_HEAD.fullmatch(lows[j - 1])):
            a = j  # "farmers near the border", "volunteers outside the hospital", "a village chief in Butig"
            continue
        if lw in PREP_IN_NP or lw in ("to", "about"):
            # "people familiar with the talks", "those close to him": the qualifier belongs to the phrase
            if j - 1 >= lo and lows[j - 1] in QUALIFIER_WORDS:
                a = j - 1
                continue
            if lw == "to" and j - 1 >= lo and lows[j - 1] in TO_HEADS and not toks.inq[j - 1] \
                    and (is_cap(words[a]) or lows[a] in ("the", "a", "an")):
                a = j  # "the ambassador to Ukraine": the post's "to" belongs to the phrase
                continue
            # "the head of the agency", "police in Kharkiv", "officials at the Pentagon": the place or body
            # belongs to the phrase; "the strike in Kharkiv" is walked too, and the subject check decides
            if j - 1 >= lo and _np_token_ok(words, lows, j - 1) and lows[j - 1] not in DETERMINERS and not toks.inq[j - 1] \
                    and (lw in ("of", "for") or PLACE_HEAD.fullmatch(lows[j - 1]) or lows[j - 1] in PEOPLE_PLURALS or lows[j - 1] in ONE_PERSON
                         or (lw in PLACING and _org_name_ends(toks, j - 1, lo))):
                a = j
                continue
            if lw == "of" and j - 1 >= lo and lows[a] in DETERMINERS and not toks.inq[j - 1] and (
                    lows[j - 1] in SHARE_WORDS):
                a = j - 1  # "one of the captured soldiers", "some of the residents": the share is the source
                break
            break
        if not _np_token_ok(words, lows, j):
            break
        if lows[a] in ("the", "a", "an") and words[j].islower() and words[j].isalpha() and lw not in PREDETERMINERS \
                and not (words[a] == "The" and lw in OUTLET_NOUNS):  # ("the newspaper The Guardian Post": one phrase)
            break  # "an allegation the agency says ...": a word before an article ends another phrase ("all the")
        if not is_cap(words[j]) and ((lw.endswith("ed") and len(lw) > 4 and lw not in ED_ADJECTIVES and "-" not in lw) or lw in IRREGULAR_PAST) \
                and not (j - 1 >= lo and (lows[j - 1] in ("the", "a", "an") or (
                    lows[j - 1].endswith("ly") and len(lows[j - 1]) > 5 and j - 2 >= lo
                    and (lows[j - 2] in ("the", "a", "an") or is_possessive(words[j - 2]))))):
            # a verb ("invoked the Orlando attack", "met workers"), not part of the phrase; "the occupied part",
            # "Yemen's internationally recognised government" are one phrase
            break
        if not is_cap(words[j]) and words[j][0].isalpha() and lw not in DETERMINERS and lw != "and":
            nlower += 1  # (articles and "and" do not count: "two security sources and a local elected official")
            if nlower > 5:
                break
        a = j
        if k - a >= 12:
            break
    # trim words that cannot start a noun phrase
    while a < k and (lows[a] in ("of", "for", "and", ".", "-", "’s", "'s", ")") or lows[a] in PREP_IN_NP):
        a += 1
    if lows[a] == "(" :
        a += 1
    if not any(_wordlike(words[x]) and lows[x] not in DETERMINERS for x in range(a, k + 1)) and not (a == k and lows[k] in PRONOMINAL):
        return None
    if a == k and lows[k] in NOT_ALONE:
        return None  # "more likely to say", "all attacked": no one in particular
    if a == k and k - 1 >= lo and lows[k - 1] == "to" and words[k].islower() and lows[k] not in PRONOMINAL:
        return None  # "went on to discuss": a verb after "to", not a phrase
    if is_cap(words[a]) and lows[a].endswith("ing") and a < k and (lows[a] in OPENING_PARTICIPLES or lows[a + 1] in AFTER_PARTICIPLE):
        a += 1  # "Following initial reports": a participle opening the sentence
    if k - a >= 2 and lows[a] in ("a", "an") and _plural(lows[k]) and words[a + 1].islower() \
            and lows[a + 1] not in PLURAL_QUANTITIES and not any(w[:1].isdigit() or w in NUMBER_WORDS or w in PREP_IN_NP or w in ("and", "or", "&")
                                                                 or w.endswith(("ing", "ed")) for w in lows[a + 1 : k]):
        # "a move Fano fighters (saw as ...)": "a" does not go with a plural; the people begin after its noun
        # ("a union representing flight attendants" is one phrase)
        a = next((m for m in range(a + 2, k) if is_cap(words[m])), a + 2)
    if a - 2 >= lo and words[a - 1] == "," and "and" in lows[a:k] and lows[k] in _LIST_HEADS:
        # "police, medics and witnesses said": the people before the commas are sources too
        while a - 2 >= lo and words[a - 1] == "," and (x := _people_item(toks, a - 2, lo)) is not None:
            a = x
    return (a, k)


# the heads of a list of sources named one by one by role: "police, medics and witnesses"
_LIST_HEADS = PEOPLE_PLURALS | {"medic", "rescuer", "doctor", "witness", "monitor"}


def list_after(toks: Tokens, b: int) -> int:
    """The end of a list of people by role going on after the phrase ending at ``b`` to the sentence's
    end: "according to police, medics and witnesses." (else ``b``)."""
    words, lows = toks.words, toks.lows
    n = len(words)
    end = n - 1 if words[n - 1] in ".!?" else n
    if not (lows[b] in _LIST_HEADS and b + 3 < end and words[b + 1] == "," and "and" in lows[b + 2 : end]):
        return b
    item = 0
    for k in range(b + 2, end):
        if words[k] == "," or lows[k] == "and":
            if item == 0 or lows[k - 1] not in _LIST_HEADS:
                return b
            item = 0
        elif toks.inq[k] or not words[k].isalpha() or lows[k] in STOP or item == 2:
            return b
        else:
            item += 1
    return end - 1 if item and lows[end - 1] in _LIST_HEADS else b


def _people_item(toks: Tokens, e: int, lo: int) -> int | None:
    """The first token of a list's item ending at ``e``: people by role, in three words at most ("police",
    "local medics", "the rescuers"), opening the clause or after a comma."""
    words, lows = toks.words, toks.lows
    if lows[e] not in _LIST_HEADS or toks.inq[e]:
        return None
    x = e
    while x - 1 >= lo and e - x < 2 and words[x - 1].isalpha() and not toks.inq[x - 1] and lows[x - 1] not in STOP \
            and not bare_verb(lows[x - 1]) and lows[x - 1] not in ("and", "or"):
        x -= 1
    return x if x == lo or words[x - 1] == "," else None


def bare_verb(w: str) -> bool:
    """A lower-case participle standing alone ("lobbing", "raised"): no phrase names a source by it
    ("polling" and the like, which do, are evidence nouns; "something" and "speed" are no participles)."""
    if not w.islower() or len(w) <= 4 or w in EVIDENCE_NOUNS or w in ED_ADJECTIVES:
        return False
    return (w.endswith("ing") and not w.endswith("thing")) or (w.endswith("ed") and not w.endswith("eed"))


def _share(toks: Tokens, k: int, lo: int) -> tuple[int, int] | None:
    """Poll shares as sources: "47%", "six in 10", "about a third of voters"."""
    lows = toks.lows
    if lows[k] == "%" and k - 1 >= lo and lows[k - 1][:1].isdigit():
        a = k - 1
    elif lows[k] == "percent" and k - 1 >= lo and lows[k - 1][:1].isdigit():
        a = k - 1
    elif k - 2 >= lo and lows[k - 1] == "in" and (lows[k - 2] in NUMBER_WORDS or lows[k - 2].isdigit()) and (lows[k].isdigit() or lows[k] in NUMBER_WORDS):
        a = k - 2
    elif k - 3 >= lo and lows[k - 2 : k] == ["out", "of"] and (lows[k - 3] in NUMBER_WORDS or lows[k - 3].isdigit()) and (lows[k].isdigit() or lows[k] in NUMBER_WORDS):
        a = k - 3  # "nine out of 10"
    else:
        return None
    while a - 1 >= lo and lows[a - 1] in ("about", "nearly", "almost", "roughly", "some", "over", "than", "more", "fewer", "less", "just", "only", "a"):
        a -= 1
    return (a, k)


def right_np(toks: Tokens, i: int, hi: int | None = None) -> tuple[int, int] | None:
    """Token range [i, b] of the noun phrase starting at token ``i`` (walking right)."""
    words, lows = toks.words, toks.lows
    n = len(words) if hi is None else hi
    if i >= n or toks.inq[i]:
        return None
    if lows[i] in SUBJECT_PRONOUNS:
        return (i, i)
    if lows[i] in PREP_IN_NP or lows[i] in ("to", "about", "by"):
        return None  # "said of the plan": a topic, not a speaker
    if lows[i].isdigit() and i + 3 < n and lows[i + 1] == "/" and lows[i + 2].isdigit():
        rest = right_np(toks, i + 3, hi)  # "9/11 widow Jane Roe": a date before the phrase
        return (i, rest[1]) if rest else None
    if not (_np_token_ok(words, lows, i) or lows[i] in DETERMINERS):
        return None
    b = i
    nlower = 0
    while b + 1 < n:
        j = b + 1
        lw = lows[j]
        if toks.inq[j]:
            break
        if lw == "." and closes_abbreviation(words, lows, j):
            b = j
            continue
        if lw == "and":
            if j + 1 < n and (is_cap(words[j + 1]) or lows[j + 1] in DETERMINERS) and is_cap(words[b]):
                b = j
                continue
            if j + 1 < n and lows[b] in _COORD_HEADS and not toks.inq[j + 1] and (
                    lows[j + 1] in _COORD_HEADS or (j + 2 < n and lows[j + 2] in _COORD_HEADS and _np_token_ok(words, lows, j + 1))):
                b = j
                continue
            break
        if lw in ("of", "for"):
            if j + 1 < n and (_np_token_ok(words, lows, j + 1) or lows[j + 1] in DETERMINERS):
                b = j
                continue
            break
        if lw in PREP_IN_NP:
            break
        if lw == "to" and lows[b] in TO_HEADS and j + 1 < n and (is_cap(words[j + 1]) or lows[j + 1] in ("the", "a", "an")):
            b = j  # "an aide to the president"
            continue
        if lw in ("most", "least") and lows[b] == "the":
            b = j  # "the most recent data"
            continue
        if not _np_token_ok(words, lows, j):
            if lows[b] in ("the", "a", "an") and (lw in MONTHS or lw in DAYS or (lw.endswith("ly") and len(lw) > 4)) \
                    and j + 1 < n and not toks.inq[j + 1] and _np_token_ok(words, lows, j + 1):
                # "a January 2016 study", "the recently released report": a date, or an adverb and the word it qualifies
                b = j if lw in MONTHS or lw in DAYS else j + 1
                continue
            break
        if lw in DETERMINERS and lw not in ("the", "a", "an") and lows[b] != "of":
            break  # ("one of his aides": a determiner after "of" opens the rest of the phrase)
        if ((lw.endswith("ed") and len(lw) > 4) or (lw in IRREGULAR_PAST and lows[b] not in SUBJECT_PRONOUNS)) \
                and not is_cap(words[j]) and lows[b] not in DETERMINERS and not (lows[b].endswith("ly") and len(lows[b]) > 4):
            # a past-tense verb after the head: "The minister visited ...", "The mayor met ..."
            # ("the experts I spoke to": a relative clause of the phrase)
            break
        if not is_cap(words[j]) and words[j][0].isalpha():
            nlower += 1
            if nlower > 5:
                break
        b = j
        if b - i >= 12:
            break
    while b > i and lows[b] in ("of", "for", "and", "-", "(", "the", "a", "an"):
        b -= 1
    if lows[b] == "(":
        return None
    if not any(_wordlike(words[x]) and lows[x] not in DETERMINERS for x in range(i, b + 1)) and not (i == b and lows[i] in PRONOMINAL and lows[i] != "one"):
        return None  # ("according to some on Twitter": "some" stands alone, as in ``left_np``; "One Sunday" does not)
    return (i, b)


def mention_of(text: str, toks: Tokens, a: int, b: int) -> tuple[str, tuple[int, int], list[str]]:
    s, e = toks.starts[a], toks.ends[b]
    return text[s:e], (s, e), toks.words[a : b + 1]


def split_sources(toks: Tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges of the sources of one phrase: "the White House and Pentagon" gives two."""
    parts = []
    cur = a
    lows = toks.lows
    # "the Armed Conflict Location and Event Data project": one body whose name has an "and"
    one_name = not is_cap(toks.words[b]) and lows[b] in ORG_HEADS
    for k in range(a, b + 1):
        if (lows[k] == "and" or toks.words[k] == ",") and k > cur and k < b and (
                # but "Hezbollah and the Lebanese army": an article opens a second phrase
                (lows[k] == "and" and is_cap(toks.words[k - 1]) and (not one_name or lows[k + 1] in ("the", "a", "an")) and not _name_goes_on(toks, cur, k, b))
                # "police and medics", "a rebel commander and a war monitor": two sources named by role
                or (lows[k] == "and" and lows[k - 1] in _COORD_HEADS and _role_phrase(toks, k + 1, b))
                # "police, medics and witnesses": a list's comma, before its "and"
                or (toks.words[k] == "," and lows[k - 1] in _LIST_HEADS and "and" in lows[k + 1 : b + 1]
                    and _role_phrase(toks, k + 1, b))):
            parts.append((cur, k - 1))
            cur = k + 1
    parts.append((cur, b))
    if len(parts) > 1 and lows[a] in ("both", "either") and parts[0][0] < parts[0][1]:
        parts[0] = (a + 1, parts[0][1])  # "Both Moscow and Kyiv": the pair's word is no part of the first name
    return [p for p in parts if p[0] <= p[1]]


def _name_goes_on(toks: Tokens, a: int, k: int, b: int) -> bool:
    """The "and" at ``k`` joins two words of one body's name after its "of" or "for" ("the Institute for
    Conflict and Security Studies", "the Ministry of Industry and Trade"), or runs of a name that the body's
    head closes ("the Armed Conflict Location and Event Data Project"); but not "the Ministry of Health
    and UNICEF", nor "... and Ukrainian officials", nor "Hezbollah and Amal Movement"."""
    words, lows = toks.words, toks.lows
    rest = words[k + 1 : b + 1]
    if "," in rest:
        rest = rest[: rest.index(",")]  # (a description may follow: ", an Islamabad-based think tank")
    if not rest or len(rest) > 3 or rest[0].lower().rstrip(".") in TITLE_WORDS \
            or not all(is_cap(w) and not w.isupper() and not is_possessive(w) for w in rest):
        return False  # (a title opens a person's name: "... of the University of Chicago and Professor Roe")
    left = [x for x in range(a, k) if lows[x] not in DETERMINERS]
    if len(left) >= 2 and len(rest) >= 2 and rest[-1].lower() in ORG_HEADS and all(is_cap(words[x]) and lows[x] not in ORG_HEADS for x in left):
        return True
    return any(lows[x] in ORG_HEADS and is_cap(words[x]) and lows[x + 1] in ("of", "for")
               and all(is_cap(w) for w in words[x + 2 : k]) for x in range(a, k - 2))


def _role_phrase(toks: Tokens, i: int, b: int) -> bool:
    """Tokens [i, b] start with a phrase headed by a role or body noun: "rescuers", "a war monitor", "aid
    workers at the hospital"."""
    for k in range(i, min(b + 1, i + 4)):
        low = toks.lows[k]
        if low in _COORD_HEADS or (low in ANON_HEADS and toks.lows[i] in ("a", "an", "one", "another")):
            return True  # ("a local official": one more person; "his friend and adviser" is one)
        if low in PREP_IN_NP or not (low in DETERMINERS or toks.words[k][:1].isalpha()):
            return False
    return False


_TIME_OR_DEGREE = SPAN_NOUNS | {"ago", "most", "more"}


def floated(lows: list[str], k: int) -> bool:
    """Whether ``lows[k]`` is a quantifier floated after its phrase ("the unions both said", "Russia
    and Ukraine each denied"), not a determiner before a noun ("each report")."""
    if lows[k] not in FLOATED or k < 1:
        return False
    prev = lows[k - 1]
    return prev[:1].isalpha() and prev not in DETERMINERS and (prev not in STOP or prev in AUX or prev in SUBJECT_PRONOUNS)


def negated(lows: list[str], a: int, b: int) -> bool:
    """Whether the verb group ``lows[a:b]`` holds a negation: "has not", "never", "didn't"."""
    return any(lows[k] in NEGATIONS or lows[k].endswith(("n't", "n’t")) for k in range(a, b))


def skip_aux(toks: Tokens, i: int) -> tuple[int, bool]:
    """Index of the last token before the verb group ending at ``i``; whether the group is passive."""
    j = i - 1
    passive = False
    while j >= 0 and not toks.inq[j]:
        lw = toks.lows[j]
        if lw in AUX or lw in VERB_ADVERBS or lw.endswith(("n't", "n’t")) or (
                lw.endswith("ly") and len(lw) > 4 and not is_cap(toks.words[j]) and lw not in LY_NOUNS):
            # an adverb ("repeatedly said"); not a noun or adjective in -ly ("a lawyer for the family said")
            if lw in ("is", "are", "was", "were", "be", "been", "being", "am"):
                passive = True
            j -= 1
            continue
        if j >= 1 and (toks.lows[j - 1], lw) in ADVERBIAL_PAIRS:
            j -= 2
            continue
        if floated(toks.lows, j):
            j -= 1  # "the unions have both said": the quantifier's phrase is the source
            continue
        if len(lw) == 4 and lw.isdigit() and j >= 1 and toks.lows[j - 1] in ("in", "since"):
            j -= 2  # "who in 2010 said"
            continue
        if lw in TIME_WORDS or lw in DAYS:
            # "X on Monday said", "X this month announced"
            k = j - 1
            # ("X on Thursday evening said": the day before the part of it)
            while k >= 0 and (toks.lows[k] in ("on", "this", "last", "next", "early", "late", "earlier", "later", "that", "the", "same", "in", "just", "also", "past")
                              or (toks.lows[k] in DAYS and lw not in DAYS)):
                k -= 1
            if k < j - 1 or lw in DAYS:
                j = k
                continue
        if lw in _TIME_OR_DEGREE:  # (one test for the rare words below)
            if (lw == "most" or lw == "more") and toks.lows[j + 1].endswith("ly") and j >= 1:
                j -= 1  # "The army most recently said": the adverb's degree, not a share of anyone
                continue
            if (lw in SPAN_NOUNS and toks.lows[j + 1] in ("later", "earlier")) or (lw == "ago" and j >= 2 and toks.lows[j - 1] in SPAN_NOUNS):
                # "The spokesman two days ago said", "X less than an hour later said": a time, not the source
                k = j - 2 if lw == "ago" else j - 1
                while k >= 0 and (toks.lows[k] in SPAN_WORDS or toks.lows[k] in NUMBER_WORDS or toks.lows[k].isdigit()):
                    k -= 1
                j = k
                continue
        break
    return j, passive


def venue(toks: Tokens, j: int) -> int:
    """The "in" of "in a statement (on Telegram)" ending at token ``j`` between a source and its verb, or -1."""
    lows, words = toks.lows, toks.words
    if lows[j] in STOP or lows[j] in SUBJECT_PRONOUNS:
        return -1  # "in an interview when asked", "in videos he calls": a clause goes on after the place
    for k in range(j - 1, max(0, j - 9), -1):
        lw = lows[k]
        if toks.inq[k] or words[k] in NP_END or lw in RELATIVES or lw in SUBJECT_PRONOUNS or lw in ("that", "to"):
            return -1
        if lw == "in":
            # the venue heads the phrase after "in" ("in a televised address"), and only a phrase of its
            # own follows it ("on Telegram", "with Reuters", "posted online"): not "in the briefing room"
            m = k + 1
            while m < j and m < k + 4 and lows[m] not in VENUES and (lows[m] in DETERMINERS or lows[m] not in STOP):
                m += 1
            if lows[m] not in VENUES or (m < j and not (lows[m + 1] in PREP_IN_NP or lows[m + 1].endswith("ed"))):
                return -1
            prev = words[k - 1]
            # the source ends before "in": not a verb ("quoted in the report said" is another reading)
            if (not prev[:1].isalnum() or (prev.islower() and prev.endswith(("ed", "ing"))) or lows[k - 1] in STOP) \
                    and lows[k - 1] not in RELATIVES:  # "which in a statement said"
                return -1
            return k
    return -1
