"""A participle cue: "..., saying ...", "Declaring ..., X ...", "by arguing ...", "polls showing ...".

Whose words a participle gives depends on where it hangs: on the sentence's speaker before it
("X said ..., adding ..."), on the subject of its clause ("X resigned, saying ..."), on the subject
after an opening participle ("Declaring ..., X left"), or on the phrase just before it ("with most
voters saying ...", "a sign saying ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import content_after
from .cues import BACKING, EVIDENCE_NOUNS, EVIDENCE_PARTICIPLES, NOUN_CUES, PARTICIPLES, SEND_VERBS, VERB_CUES
from .found import Found, Span
from .phrases import left_np, right_np
from .speaker import clause_subject, main_subject, without_verb
from .subjects import with_pp
from .tokens import QUOTE_MARKS, Tokens, is_cap
from .topics import finite_ing
from .words import BE, BE_NOT, DAYS, DETERMINERS, MESSAGES, PLACING, POSSESSIVE_PRONOUNS, SIGNS, SUBJECT_PRONOUNS, TIME_NOUNS

if TYPE_CHECKING:
    from .attribution import Reader


def _outermost(prior: list[Found]) -> Found:
    """The latest claim of the sentence that is not inside another's content: ", saying ..." goes on
    with the main speaker ("X said he doubted it, arguing that ..." is X's, not the "he" of the doubt)."""
    for f in reversed(prior):
        if f.cue is None or not any(g is not f and any(s <= f.cue[0] < e for s, e in g.frags) for g in prior):
            return f
    return prior[-1]


def _owned_by_pronoun(text: str, f: Found) -> bool:
    """A noun's claim whose owner is a possessive pronoun: "his attacks on", "its criticism of"."""
    return f.cue is not None and text[f.cue[0] : f.cue[1]].split()[0].lower() in NOUN_CUES \
        and all(s.mention.lower() in POSSESSIVE_PRONOUNS for s in f.sources)


def _state_after_city(toks: Tokens, np: tuple[int, int]) -> bool:
    """ "in Bangor, Maine, promising ...": the phrase before the participle is the state of a place."""
    lows = toks.lows
    a = np[0]
    return a > 2 and np[1] - a <= 1 and is_cap(toks.words[a - 2]) and any(lows[k] in PLACING for k in range(max(0, a - 5), a - 2))


def participle_cue(r: Reader, toks: Tokens, i: int, para: int, prior: list[Found], lemma: str,
                   cue: Span) -> tuple[bool, Found | None]:
    """"..., saying ...", "Declaring ..., X ...", "polls showing ...": (decided, claim).

    Undecided for "is saying", which reads on as a finite verb.
    """
    if finite_ing(toks, i):
        return False, None  # "is now saying", "began talking about": the verb of its clause
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    low = lows[i]
    if low in PARTICIPLES and i > 1 and lows[i - 1] == "and" and prior and prior[-1].cue and toks.starts[i] - prior[-1].cue[1] < 400:
        # "..., pointing to his record and saying that ...": the same speaker goes on
        ca = content_after(toks, i, lemma)
        f = r.frag(toks, *ca) if ca else None
        if f:
            last = prior[-1]
            return True, Found([f], "indirect", cue, list(last.sources), list(last.relayed_by), para)
    if low in PARTICIPLES and i == 0:
        # "Declaring that he would win, the candidate left the stage": the main clause's subject
        for k in range(1, n - 1):
            if words[k] == "," and not toks.inq[k]:
                np = right_np(toks, k + 1)
                if np is None or not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                    return True, None
                ca = content_after(toks, i, lemma)
                f = r.frag(toks, ca[0], min(ca[1], k - 1)) if ca and ca[0] <= k - 1 else None
                if not f:
                    return True, None
                return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
        return True, None
    if low in PARTICIPLES and i > 1 and words[i - 1] == "," and not prior:
        # "Mr. Roe, recalling the flood, said ...": the participle hangs on the subject before it
        np = left_np(toks, i - 2)
        if np is not None:
            np = without_verb(toks, np)
        if np is not None and (np[0] == 0 or words[np[0] - 1] == ",") and (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS) \
                and not _state_after_city(toks, np):
            ca = content_after(toks, i, lemma)
            if ca:
                # the aside ends where the main verb comes in: "..., described her as tough"
                for k in range(ca[0], ca[1]):
                    if words[k] == "," and lows[k + 1] in VERB_CUES:
                        ca = (ca[0], k - 1)
                        break
            f = r.frag(toks, *ca) if ca else None
            if f:
                return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
    # the comma may close a quotation before it: "a defence of “river towns,” saying ..."
    quoted_comma = i > 2 and words[i - 1] in QUOTE_MARKS and words[i - 2] == "," and toks.inq[i - 2] and not toks.inq[i]
    if low in PARTICIPLES and i > 0 and (words[i - 1] in (",", "—", "–") or quoted_comma):
        ca = content_after(toks, i, lemma)
        if not ca:
            return True, None
        f = r.frag(toks, *ca)
        if not f:
            return True, None
        if prior and lows[0] == "in":
            # "In a letter released Monday, Iran rejected the charges, arguing ...": the document opening
            # the sentence is where Iran said it, not who argues
            prior = [g for g in prior if not (g.cue and g.cue[0] == toks.starts[0])]
        last = _outermost(prior) if prior else None
        np = None
        if last is None or _owned_by_pronoun(r.text, last):
            # "X stepped up his attacks on Y, saying ...": the clause's subject, not the owner's "his"
            np = clause_subject(toks, i - 1) or main_subject(toks, i - 1)
        if np is not None:
            return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
        if last is None:
            return True, None
        return True, Found([f], "indirect", cue, list(last.sources), list(last.relayed_by), para)
    if low in PARTICIPLES and i == 1 and lows[0] in ("after", "while", "before", "upon", "when", "since", "in", "by"):
        # "While saying that he respects her, the senator ...": the main clause's subject after the comma
        for k in range(2, n - 1):
            # the comma, or a quotation closing on its own comma: "After saying it was “a disgrace,” she ..."
            quoted = words[k] in QUOTE_MARKS and words[k - 1] == "," and toks.inq[k - 1]
            if (words[k] == "," and not toks.inq[k]) or quoted:
                np = right_np(toks, k + 1)
                ca = content_after(toks, i, lemma)
                last = k if quoted else k - 1
                f = r.frag(toks, ca[0], min(ca[1], last)) if ca and np and ca[0] <= last else None
                if not f or not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                    return True, None
                return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
        return True, None
    if low in PARTICIPLES and i > 0 and lows[i - 1] in ("by", "before", "after", "while", "when", "without", "upon"):
        # "X rallied support by saying ...", "X said ... before adding: ...": the same speaker
        ca = content_after(toks, i, lemma)
        f = r.frag(toks, *ca) if ca else None
        if not f:
            return True, None
        if prior:
            return True, Found([f], "indirect", cue, list(prior[-1].sources), list(prior[-1].relayed_by), para)
        np = main_subject(toks, i - 1)
        if np is None:
            return True, None
        return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
    if (low in PARTICIPLES or low in EVIDENCE_PARTICIPLES) and i > 0 and not (lows[i - 1] in BE or lows[i - 1] in BE_NOT or lows[i - 1] == "as"):
        # "with 47 percent of voters saying ...", "Mr. Roe calling the plan a fraud", "polls showing ..."
        np = left_np(toks, i - 1)
        k = i - 1
        while k > 1 and (lows[k] in DAYS or lows[k] in TIME_NOUNS or lows[k] in ("on", "early", "late", "last", "this")):
            k -= 1
        if k < i - 1 and lows[k] in MESSAGES:
            np = left_np(toks, k)  # "a series of tweets early Friday saying ...": the message before its time
        if np is not None and np[0] > 1 and lows[np[1]] in SIGNS and low in PARTICIPLES and not toks.inq[np[1]] \
                and not (lows[np[0] - 1] in SEND_VERBS or lows[np[0] - 2] in SEND_VERBS):
            # "held up a sign saying ...", "911 calls saying ...": the message is what speaks
            ca = content_after(toks, i, lemma)
            f = r.frag(toks, *ca) if ca else None
            if f:
                return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
        if np is not None and np[0] > 1 and lows[np[1]] in MESSAGES and low in PARTICIPLES \
                and lows[np[0] - 1] not in ("with", ",", "and") and words[np[0] - 1].isalpha():
            # "X sent out a statement saying ...", "X emailed supporters saying ...": X says it
            subj = main_subject(toks, np[0])
            if subj:
                cut = next((k for k in range(subj[0] + 1, subj[1] + 1) if lows[k] in SEND_VERBS), None)
                subj = (subj[0], cut - 1) if cut else subj  # "Rubio's campaign sent out ...": the subject ends at the verb
            ca = content_after(toks, i, lemma) if subj else None
            f = r.frag(toks, *ca) if ca else None
            if f:
                return True, Found([f], "indirect", cue, r.src_list(toks, *subj), [], para)
        if np is not None and low in BACKING and np[0] > 0 and lows[np[1]] not in TIME_NOUNS and not toks.inq[np[1]]:
            # "super PACs supporting Mr. Cruz", "those backing the bill": the phrase takes a side
            obj = right_np(toks, i + 1)
            f = r.frag(toks, *obj) if obj else None
            if f:
                return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para, kind="stance")
        if np is not None:
            np = with_pp(toks, np)  # "with the campaign of the senator from Ohio saying ..."
        if np is None or not (np[0] == 0 or lows[np[0] - 1] in ("with", ",", "and")):
            return True, None
        if low in EVIDENCE_PARTICIPLES and lows[np[1]] not in EVIDENCE_NOUNS:
            return True, None
        ca = content_after(toks, i, lemma)
        f = r.frag(toks, *ca) if ca else None
        if not f:
            return True, None
        return True, Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
    if not (i > 0 and (lows[i - 1] in BE or lows[i - 1] in BE_NOT or (lows[i - 1] == "as" and i > 1 and lows[i - 2] == "quoted"))):
        return True, None
    return False, None
