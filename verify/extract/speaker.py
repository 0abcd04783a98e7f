"""Who says it: the source phrase of a verb cue, read leftwards from the verb (or after it).

``speaker_of`` decides between a relative pronoun ("..., who said"), the subject before the verb
(stepping over asides in commas: ``aside_np``), the clause's subject ("X visited and said") and
the inverted order ("..., said the official"). The other readers find the subject of a main or
subordinate clause, for participles and relatives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .cues import ACCUSING, EVIDENCE_NOUNS, LISTENER, PARTICIPLES, PERSON_ONLY, QUOTE_SIGNS, SPEECH_FORMS, STANCE_FORMS
from .phrases import bare_verb, left_np, mention_of, right_np, skip_aux, venue
from .naming import aside_name
from .sources import Src, describe, name_in_aside
from .subjects import before_gerund, before_medium, before_participle, before_relative, evidence_head, with_pp
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .words import (
    ANON_HEADS, GROUP_HEADS, IRREGULAR_PAST, ONE_PERSON, ORG_HEADS, PEOPLE_PLURALS, PERSON_TITLES, ISSUED_TEXTS, BE, ED_ADJECTIVES, PAST_INTRANSITIVE, CAP_WORDS, CLAUSE_BREAKS, CLAUSE_VERBS, CONJUNCTIONS, DETERMINERS, INTRO_WORDS, PARTY_LABEL, PP_LINKS,
    CLAUSE_RELATIVES, NEGATIONS, NOT_ALONE, NUMBER_WORDS, PRONOMINAL, RELATIVES, SENTENCE_ADVERBS, STOP, SUBJECT_PRONOUNS, SUBORDINATORS, TIME_NOUNS, TRAILER_START, VENUES, VERB_ADVERBS,
)

if TYPE_CHECKING:
    from .attribution import Reader


def speaker_of(r: Reader, toks: Tokens, i: int, j: int, lemma: str, klass: str) -> tuple[list[Src], int, bool, int] | None:
    """Who says it: a relative, the subject before the verb or, inverted, the phrase after it.

    Returns (sources, first token of the source, inverted, last token of an inverted source).
    """
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    sources: list[Src] = []
    np = None
    inverted = False
    after_src = -1
    # "The ministry in a statement on Telegram said": the source is before where the words were put
    # (most verbs have no such word just before them: one test in C then)
    if j >= 3 and not VENUES.isdisjoint(lows[j - 7 if j > 7 else 0 : j + 1]):
        k = venue(toks, j)
        if k > 0:
            j, _ = skip_aux(toks, k)
    if j >= 0 and lows[j] in RELATIVES and not toks.inq[j]:
        sources = relative_source(r, toks, j)
        src_start = j
    else:
        if j >= 0 and (words[j] in (",", "—", "–", "--") or words[j] in QUOTE_MARKS):
            # "..., said the official." (inverted) or "X, a spokesman, said ..." (an aside)
            rn = _and_others(toks, right_np(toks, i + 1))
            inverted_here = rn is not None and klass == "speech" and (
                rn[1] + 1 >= n or words[rn[1] + 1] in (",", ".", ";", "—", "–", "!", "?") or words[rn[1] + 1] in QUOTE_MARKS
                or _qualifies(toks, rn[1] + 1)
            )
            if inverted_here and not any(is_cap(words[x]) or lows[x] in DETERMINERS or lows[x] in SUBJECT_PRONOUNS for x in range(rn[0], rn[1] + 1)):
                inverted_here = False
            if lemma in LISTENER and not _after_quote(toks, j):
                inverted_here = False  # "..., his aide told The Daily Post": after "told" comes the listener
            np = aside_np(toks, j)
            if inverted_here and not (np is not None and np[0] == 0 and (_may_speak(toks, np) or not _named(toks, rn))):
                np = None  # ("The shell, fired from a ridge, landed ..., said Major X": a shell says nothing)
            if np is None and not inverted_here and words[j] == "," and j >= 1:
                # "Gov. Jane Roe (R-OH), said ...": a stray comma between subject and verb
                cand = left_np(toks, j - 1)
                if cand is not None and (cand[0] == 0 or words[cand[0] - 1] == ",") and (is_cap(words[cand[0]]) or lows[cand[1]] in ("%", "percent")):
                    np = cand  # also "Just under half, 49%, say ...": the share in commas
        elif j >= 0:
            np = left_np(toks, j)
            if np is None and klass == "speech" and j >= 1 and lows[j] in NUMBER_WORDS and lows[j - 1] in ("the", "all") and lows[j] != "most":
                np = (j - 1, j)  # "the two said", "all five say": a number standing for the people named before
            if np is not None:
                np = before_medium(toks, before_participle(toks, before_relative(toks, np)))
                if klass == "speech":
                    np = before_gerund(toks, np)  # "footage circulating online appeared to show": the footage's whole phrase
                if np[0] == np[1] and bare_verb(words[np[0]]):
                    np = None  # "spent months lobbing insults": a verb, not who speaks
                elif np[0] == np[1] and np[0] >= 2 and words[np[0]].islower() and lows[np[0]] not in STOP \
                        and lows[np[0]] not in SUBJECT_PRONOUNS and (lows[np[0] - 1] in CLAUSE_VERBS or (
                            lows[np[0] - 1] in NEGATIONS and lows[np[0] - 2] in CLAUSE_VERBS)):
                    # "The minister could not resist taking a swipe at": a verb after its auxiliary, whose
                    # subject is the speaker's
                    k, _ = skip_aux(toks, np[0])
                    np = left_np(toks, k) if k >= 0 and words[k] not in CLAUSE_BREAKS else None
        if np is not None and klass == "stance" and lemma in PERSON_ONLY:
            named = is_cap(words[np[1]]) and lows[np[1]] not in CAP_WORDS
            if not (named or lows[np[1]] in SUBJECT_PRONOUNS or lows[np[1]] in RELATIVES):
                return None
        headed = None
        # (not across "and": "X looked through the records and found that ..." is X's finding, below)
        if klass == "evidence" and j >= 0 and words[j] not in CLAUSE_BREAKS and lows[j] not in ("and", "but") \
                and (np is None or lows[np[1]] not in EVIDENCE_NOUNS):
            headed = evidence_head(toks, np if np is not None else (j + 1, j))
            np = headed or np
        if np is not None and klass == "evidence" and headed is None:
            # "the poll shows", "Bloomberg New Energy Finance found"; not "he found the area welcoming".
            # the phrase's last word, or past an aside the word before it: "Harbour Watch, a labour group, found ..."
            heads = {np[1], next((k - 1 for k in range(np[0] + 1, np[1]) if words[k] in (",", "—", "–", "--")), np[1])}
            # ("Houthi media showed ...": the medium's pictures)
            if not any(lows[h] in EVIDENCE_NOUNS or lows[h] == "media" or lows[h] in ("it", "they") or (is_cap(words[h]) and lemma in ("find", "conclude", "estimate", "project", "predict", "calculate"))
                       for h in heads) and not (i + 1 < n and lows[i + 1] == "that"):  # "their experience shows that ...", "X calculated that ..."
                return None
        if np is not None:
            if np[1] - np[0] >= 3 and not ISSUED_TEXTS.isdisjoint(lows[np[0] : np[1]]):
                np = issuer(toks, np)
            sources = r.src_list(toks, *np)
            src_start = np[0]
            if np[0] == np[1] and lows[np[0]] == "it" and np[0] > 1:
                sources = same_subject(r, toks, np[0], sources)
            elif len(sources) == 1 and sources[0].kind == "anonymous" and np[1] + 2 < j:
                # (up to j itself: the name may end the relative, "a worker who gave his name as X told")
                name = aside_name(toks, np[1] + 1, j + 1)
                if name:
                    sources = [name_in_aside(r.ctx, sources[0], name)]
        elif j > 0 and lows[j] in ("and", "but") and (klass in ("speech", "belief", "stance") or i + 1 < n and lows[i + 1] == "that") \
                and (np := main_subject(toks, j)) is not None \
                and (klass != "stance" or (i + 1 < n and lows[i + 1] == "that") or _named_or_person(toks, np)):
            # "X visited the plant and said ...": the subject of the clause speaks; a stance ("X toured the
            # plant and praised ...") only where the subject is a name or a pronoun ("the case seeks" is no one's)
            if np[1] + 2 < j and words[np[1] + 1] == ",":
                # "A junta spokesman, Maj. Gen. Zaw Min Tun, told ... and denied ...": the same aside as the first verb's
                close = next((k for k in range(np[1] + 2, j) if words[k] == ","), -1)
                ext = aside_np(toks, close) if close > 0 else None
                if ext is not None and ext[0] == np[0]:
                    np = ext
            sources = r.src_list(toks, *np)
            src_start = j + 1
        elif klass == "speech" and (lemma not in LISTENER or _after_quote(toks, j)) and (j < 0 or words[j] in (",", "—", "–", "--") or (words[j] in QUOTE_MARKS and j > 0 and toks.inq[j - 1])):
            # inverted order: "..., said the official."
            rn = _and_others(toks, right_np(toks, i + 1))
            if rn is None and i + 3 < n and lows[i + 1] in PRONOMINAL and lows[i + 2] == "of":
                # "“...,” said one of them": one of the people just named
                rest = (i + 3, i + 3) if lows[i + 3] in ("them", "us", "those", "these") else right_np(toks, i + 3)
                rn = (i + 1, rest[1]) if rest else None
            if rn is None:
                return None
            if not any(is_cap(words[x]) or lows[x] in DETERMINERS or lows[x] in SUBJECT_PRONOUNS for x in range(rn[0], rn[1] + 1)) \
                    and not (lows[rn[0]] in PRONOMINAL and rn[0] + 1 < rn[1] and lows[rn[0] + 1] == "of"):
                return None  # "..., say taxing consumption helps": no speaker after the verb ("said one of them" is one)
            after_quote = j >= 0 and (words[j] in QUOTE_MARKS)
            if not after_quote and rn[1] + 1 < n and not (words[rn[1] + 1] in (",", ".", ";", "—", "–", "!", "?", "(") or words[rn[1] + 1] in QUOTE_MARKS
                                                          or lows[rn[1] + 1] in TRAILER_START or _qualifies(toks, rn[1] + 1)):
                return None  # "“...,” said the plan would fail": not a speaker after the verb
            sources = r.src_list(toks, *rn)
            if len(sources) == 1 and sources[0].kind == "anonymous" and rn[1] + 2 < n and (name := aside_name(toks, rn[1] + 1, n)):
                sources = [name_in_aside(r.ctx, sources[0], name)]  # "..., said a vendor, who gave her name as Nadege"
            inverted = True
            src_start = i
            after_src = rn[1]
        else:
            return None
    return sources, src_start, inverted, after_src


def _and_others(toks: Tokens, rn: tuple[int, int] | None) -> tuple[int, int] | None:
    """"..., said Roe and others.", "..., say experts like Roe.": the speakers after the verb go on over
    "and others", "and other officials", "like X", "such as X"."""
    if rn is None or rn[1] + 2 >= len(toks.words):
        return rn
    lows, k = toks.lows, rn[1] + 1
    if lows[k] == "and" and lows[k + 1] == "others":
        return (rn[0], k + 1)
    nxt = lows[k + 1]
    start = k + 1 if lows[k] == "like" or (lows[k] == "and" and nxt == "other") else k + 2 if lows[k] == "such" and nxt == "as" else 0
    more = right_np(toks, start) if start else None
    return (rn[0], more[1]) if more is not None else rn


def _qualifies(toks: Tokens, k: int) -> bool:
    """"..., said two engineers who inspected it.": a relative clause qualifies the speaker after the verb."""
    return toks.lows[k] == "who" and not toks.inq[k]


def _named_or_person(toks: Tokens, np: tuple[int, int]) -> bool:
    """A subject that takes a stance after "and": a name ("Sanders"; measured on PolNeAR train, "the
    senator" and "the Cruz campaign" add more wrong claims than right ones) or a pronoun other than "it"."""
    head = toks.lows[np[1]]
    if head in SUBJECT_PRONOUNS:
        return head != "it"
    return is_cap(toks.words[np[1]]) and head not in CAP_WORDS and not head.endswith(("ly", "ing"))


def issuer(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"A statement from the army said": the words are the army's; the source is who put them out."""
    lows = toks.lows
    for m in range(np[0], np[1] - 1):
        if lows[m] in ISSUED_TEXTS and lows[m + 1] in ("from", "by") and (lows[m + 2] in DETERMINERS or is_cap(toks.words[m + 2])):
            return (m + 2, np[1])
    return np


def _after_quote(toks: Tokens, j: int) -> bool:
    """The verb follows a closing quotation ("“...,” warned the mayor."): what comes after it is the
    speaker, even for a verb that otherwise takes its listener next ("warned residents that ...")."""
    words = toks.words
    if j > 0 and words[j] == ",":
        j -= 1
    return j > 0 and words[j] in QUOTE_MARKS and toks.inq[j - 1]


def same_subject(r: Reader, toks: Tokens, k: int, sources: list[Src]) -> list[Src]:
    """"State media showed footage of what it said was the town": "it" is the sentence's own subject
    where that is a body or a medium, before any earlier one."""
    subj = main_subject(toks, k)
    if subj is None or subj[1] >= k - 1 or toks.lows[subj[1]] in SUBJECT_PRONOUNS or any(
            toks.words[x] in CLAUSE_BREAKS for x in range(subj[1] + 1, k)):
        return sources
    found = r.src_list(toks, *subj)
    if len(found) != 1 or found[0].kind not in ("organisation", "outlet", "vague"):
        return sources
    return [Src(sources[0].mention, sources[0].span, found[0].canonical, found[0].kind)]


def accused_subjects(r: Reader, toks: Tokens, comma: int, pronoun: str) -> list[Src] | None:
    """"The RSF and the army have both been accused of war crimes, which they deny": "they" (or "it")
    is the sentence's own subject, named before the comma (or the one its subject accuses), not the last
    source of the article."""
    subj = main_subject(toks, comma)
    if subj is None or toks.lows[subj[1]] in SUBJECT_PRONOUNS:
        return None
    if toks.lows[subj[1] + 1] == "and" and (more := right_np(toks, subj[1] + 2, comma)) is not None:
        subj = (subj[0], more[1])  # "The militia and the border police have been accused"
    if not any(toks.lows[k] in BE for k in range(subj[1] + 1, min(comma, subj[1] + 5))):
        # active: "Sudan has accused the UAE of arming the RSF, which it denies": the one accused
        k = next((k for k in range(subj[1] + 1, min(comma, subj[1] + 5)) if toks.lows[k] in ACCUSING), -1)
        of = next((m for m in range(k + 2, comma) if toks.lows[m] in ("of", "for")), comma) if k > 0 else comma
        subj = right_np(toks, k + 1, of) if k > 0 else None
        if subj is None:
            return None
    found = r.src_list(toks, *subj)
    plural = len(found) > 1 or (len(found) == 1 and toks.lows[subj[1]][-1:] == "s")
    if not found or plural != (pronoun == "they") or any(s.kind not in ("organisation", "person", "anonymous") for s in found):
        return None
    return found


def relative_source(r: Reader, toks: Tokens, k: int) -> list[Src]:
    """"..., who said": the mention is the relative pronoun, the source its antecedent."""
    j = k - 1
    if j >= 0 and (toks.words[j] == "," or toks.words[j] in ("—", "–", "--") and toks.words[j] not in toks.words[:j]
                   and k + 1 < len(toks.words) and (toks.lows[k + 1] in SPEECH_FORMS or toks.lows[k + 1] in QUOTE_SIGNS)):
        # "the study, which notes", "the study -- which notes that" (a dash that opens an aside, not one closing it)
        j -= 1
    ante = left_np(toks, j) if j >= 0 else None
    mention, span, _ = mention_of(r.text, toks, k, k)
    if ante is None:
        return []
    am, aspan, aws = mention_of(r.text, toks, ante[0], ante[1])
    src = describe(r.ctx, am, aspan, aws, aspan[0])
    return [Src(mention, span, src.canonical, src.kind)]


def _may_speak(toks: Tokens, np: tuple[int, int]) -> bool:
    """The phrase's head can be a source: a name, a pronoun, people, a role or a body."""
    head = toks.lows[np[1]]
    return is_cap(toks.words[np[1]]) or head in SUBJECT_PRONOUNS or head in ANON_HEADS or head in PEOPLE_PLURALS \
        or head in ONE_PERSON or head in ORG_HEADS or head in PERSON_TITLES or head in GROUP_HEADS


def _named(toks: Tokens, np: tuple[int, int]) -> bool:
    """The phrase is a name, titles and all ("Major Tan Hock")."""
    return all(is_cap(w) or w == "." for w in toks.words[np[0] : np[1] + 1])


def aside_np(toks: Tokens, j: int) -> tuple[int, int] | None:
    """"X, who ..., said" / "X, a spokesman, said" / "X, 22, of Flint, said": the source is before the asides.

    The source is the noun phrase that opens the clause (sentence start, or after an introductory
    comma or a conjunction) and is followed by one to four comma- or dash-separated asides.
    """
    words, lows = toks.words, toks.lows
    commas = []
    for k in range(j - 1, max(-1, j - 45), -1):
        if words[k] in (",", "—", "–", "--") and not toks.inq[k]:
            commas.append(k)
            if len(commas) >= 5:
                break
    best = None
    # leftmost first: the clause's subject comes before all of its asides
    for c1 in sorted(commas):
        if c1 + 1 >= j or c1 < 1:
            continue
        np = left_np(toks, c1 - 1)
        if np is None:
            continue
        if np[0] == np[1] == 0 and (lows[0] in INTRO_WORDS or lows[0] in VERB_ADVERBS or (lows[0].endswith("ly") and len(lows[0]) > 4)):
            continue  # "Similarly, Jane Roe, a former mayor, said": the opening adverb is no one
        # "Legislative leaders in North Carolina, for instance, noted": the phrase the place belongs to
        np = with_pp(toks, np, PP_LINKS, 10)
        a = np[0]
        if a == 1 and lows[0] in SENTENCE_ADVERBS and (is_cap(words[1]) or lows[1] in DETERMINERS):
            a = 0  # "Meanwhile Rihanna, who ..., spoke about ..."
            np = (1, np[1])
        if not (a == 0 or words[a - 1] in (",", "—", "–", "--", ";", ":") or lows[a - 1] in ("and", "but", "while", "as", "because", "though", "although", "so", "yet", "still", "that", "when", "after", "before", "since", "if", "where", "until", "once")
                or words[a - 1] in QUOTE_MARKS):
            continue
        if not (is_cap(words[np[1]]) or lows[np[1]] in SUBJECT_PRONOUNS or lows[np[1]] in ANON_HEADS or is_cap(words[a])
                or lows[np[0]] in DETERMINERS):
            continue
        if any(c < j - 1 and (lows[c + 1] in IRREGULAR_PAST or lows[c + 1] in PAST_INTRANSITIVE) for c in commas if c > c1):
            # "The bomb, hidden in a pipe, went off ..., said X": a clause's own verb opens no aside
            continue
        best = (np, c1)
        break
    if best is None:
        return relative_subject(toks, j)
    np, c1 = best
    first = lows[c1 + 1]
    if words[c1] == "," and (first in ("a", "an", "the") or is_cap(words[c1 + 1])) and first not in RELATIVES and j - c1 <= 12:
        # a short apposition belongs to the source phrase; a long one would bury the name
        name_len = toks.ends[np[1]] - toks.starts[np[0]]
        if toks.ends[j - 1] - toks.starts[np[0]] <= 3 * name_len + 20:
            # but not a relative clause after it: "X's founder, Jane Roe, whose men took the town, said"
            end = next((k - 1 for k in range(c1 + 2, j - 1) if words[k] == "," and lows[k + 1] in CLAUSE_RELATIVES), j - 1)
            return (np[0], end)
    return np


def relative_subject(toks: Tokens, j: int) -> tuple[int, int] | None:
    """"Some voters who have listened to him over the years, at rallies, said ...": the phrase before "who"."""
    lows = toks.lows
    a = 0
    while a < j and (lows[a] in CONJUNCTIONS or lows[a] in SENTENCE_ADVERBS or toks.words[a] == ","):
        a += 1
    np = right_np(toks, a, j)
    if np is None or np[1] + 1 >= j or lows[np[1] + 1] not in ("who", "whose") or toks.inq[np[1] + 1]:
        return None
    if not (is_cap(toks.words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in ANON_HEADS):
        return None
    return np


def main_subject(toks: Tokens, upto: int) -> tuple[int, int] | None:
    """The subject of the sentence's main clause, for "X did Y, saying Z".

    Tried at the sentence start (after a conjunction), then after each of the first two commas,
    so introductory phrases ("A few days later, ...") are stepped over.
    """
    words, lows = toks.words, toks.lows
    a = 0
    while a < upto and lows[a] in ("but", "and", "so", "yet", "still", "meanwhile", "however", ","):
        a += 1
    starts = [a] + [k + 1 for k in range(a, min(upto, a + 20)) if words[k] == "," and not toks.inq[k]][:4]
    for st in starts:
        if st >= upto or lows[st] in TRAILER_START or lows[st] in INTRO_WORDS:
            continue
        if st + 1 < upto and lows[st + 1] == "by" and lows[st].endswith("ed") and is_cap(words[st]):
            continue  # "Chastened by the audit, the mayor ...": a participle opens the sentence, not a name
        np = right_np(toks, st, upto)
        if np is not None and np[0] == np[1] and lows[st] in NOT_ALONE:
            continue  # "More recently, the mayor ...": an adverbial opening, not who speaks
        if np is not None and np[1] + 1 == upto:
            np = without_verb(toks, np)
        if np is not None and np[1] + 1 < upto and words[np[1] + 1] == "," and (lows[np[1]] in TIME_NOUNS or lows[st] in ("this", "last", "next", "on", "early", "late")):
            continue
        if np is None or np[1] + 1 >= upto or lows[np[1]] in TIME_NOUNS:
            continue
        nxt = lows[np[1] + 1]
        if nxt == "," and st == a and (apposed(toks, np, upto) or (np[1] + 2 < upto and PARTY_LABEL.fullmatch(words[np[1] + 2]))):
            return np  # "Jane Roe, the head of the union, tied the cuts to ..., saying ...", "Sen. Roe, D-Ore., ..."
        if nxt in (",", "who", "which", "that") or words[np[1] + 1] in QUOTE_MARKS:
            continue
        if not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
            continue
        if lows[np[0]] in ("a", "an") and lows[np[1]] in TIME_NOUNS:
            continue
        return np
    return None


# cues in the present's third person ("denies", "rejects"), which a phrase reader may take for a plural noun
_THIRD_PERSON = {w for w, (_, t) in (*SPEECH_FORMS.items(), *STANCE_FORMS.items()) if t == "third" and w.endswith("s")}


def without_verb(toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
    """"The mayor resigned, saying ...", "X began by saying ...": a phrase read up to the participle
    ends in the clause's own verb, which is no part of who speaks."""
    low = toks.lows[np[1]]
    if np[1] > np[0] and (low in PAST_INTRANSITIVE or (low.endswith("ed") and len(low) > 4 and low not in ED_ADJECTIVES)):
        return np[0], np[1] - 1
    # "Ukraine denies targeting civilians and says ...": a cue in the present read as a plural noun,
    # with its object, is the clause's verb (not after an article or a possessive: "the army's claims")
    for k in range(np[0] + 1, np[1] + 1):
        w = toks.lows[k]
        if w in _THIRD_PERSON and toks.lows[k - 1] not in DETERMINERS \
                and not toks.lows[k - 1].endswith(("'s", "’s")):
            return np[0], k - 1
    return np


def clause_subject(toks: Tokens, upto: int) -> tuple[int, int] | None:
    """"X comes as Y is relying on Z, mentioning ...", "X was late, and Y turned back, saying ...": the
    subject of the nearest "as/while/because" clause or of a clause joined by ", and"/", but"."""
    lows = toks.lows
    for s0 in range(upto - 2, 0, -1):
        if toks.inq[s0] or toks.words[s0] in (",", ";", ":", "—", "–"):
            continue
        if (lows[s0] in SUBORDINATORS or (lows[s0] in ("and", "but") and toks.words[s0 - 1] == ",")) and not toks.inq[s0]:
            np = right_np(toks, s0 + 1, upto)
            if np is None or np[1] + 1 >= upto or not (is_cap(toks.words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                return None
            nxt = lows[np[1] + 1]
            if nxt in CLAUSE_VERBS or nxt in BE or nxt.endswith(("ed", "s")) and nxt.isalpha():
                return np
            return None
    return None


def apposed(toks: Tokens, np: tuple[int, int], upto: int) -> bool:
    """A named subject followed by one aside in commas, then its verb: "X, who ..., has ..."."""
    words, lows = toks.words, toks.lows
    if not (is_cap(words[np[1]]) or lows[np[0]] in DETERMINERS or is_possessive(words[np[0]])):
        return False
    for c2 in range(np[1] + 2, min(upto, np[1] + 30)):
        if toks.inq[c2]:
            return False
        if words[c2] == "." and len(words[c2 - 1]) == 1:
            continue  # an initial: "Thomas B. Fordham"
        if words[c2] in CLAUSE_BREAKS:
            if words[c2] != "," or c2 + 1 >= upto:
                return False
            nxt = lows[c2 + 1]
            return nxt.isalpha() and not is_cap(words[c2 + 1]) and nxt not in PARTICIPLES and nxt not in RELATIVES \
                and (nxt not in TRAILER_START or nxt in SENTENCE_ADVERBS) and nxt not in DETERMINERS and nxt not in CONJUNCTIONS
    return False
