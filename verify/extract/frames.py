"""Cues that are not a clause's own reporting verb, each with the source and content it frames.

"according to X" and "as reported by X" (``according_cue``), "NAME: statement" (``colon_cue``),
"“...” ― Jane Roe" (``dash_cue``), "Mayor Says Ferry Will Run" (``headline_cue``), "her claim
that ..." (``noun_cue``), "X is confident that ..." (``belief_that_cue``), "X has been critical of
Y" (``trait_cue``), "X showed no sign of backing down" (``shown_cue``), "X provided details about ..." (``frame_cue``), "In a poll released Monday, ..." (``in_document_cue``) and "in X's view" (``in_view_cue``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import OTHER_ACCOUNT, before_source, content_after, content_before
from .cues import (
    BELIEF_LINKS, COLON_LABELS, EVIDENCE_NOUNS, KNOWLEDGE_NOUNS, OWN_KNOWLEDGE, SHOWN_ATTITUDES, SHOWN_LINKS,
    SHOWN_MODIFIERS, SPEECH_FORMS, STANCE_ADJECTIVES, STANCE_COPULAS, STANCE_LINKS, STANCE_ROLES,
)
from .found import Found, Span
from .phrases import left_np, list_after, mention_of, negated, right_np, skip_aux
from .sentences import closes_abbreviation
from .sources import describe
from .speaker import aside_np, main_subject, speaker_of
from .stances import owner_subject
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .words import (
    ANON_HEADS, CAP_WORDS, CLAUSE_BREAKS, CLAUSE_VERBS, CONJUNCTIONS, DETERMINERS, DOCUMENT_HEADS, DOCUMENTS, NP_END,
    ORG_HEADS, OUTLET_NOUNS, PEOPLE_PLURALS, POSSESSIVE_PRONOUNS, PREP_IN_NP, TIME_NOUNS, TITLE_WORDS, TRAILER_START,
    VAGUE_HEADS,
)

if TYPE_CHECKING:
    from .attribution import Reader


def according_cue(r: Reader, toks: Tokens, i: int, para: int, last: int | None = None, prior: list[Found] = ()) -> Found | None:
    """ "according to X" at ``i`` (or "as first reported by X", its cue ending at ``last``)."""
    n = len(toks.words)
    last = i + 1 if last is None else last
    np = right_np(toks, last + 1)
    if np is None:
        return None
    a, b = np
    lows = toks.lows
    if lows[b] in DOCUMENTS and b + 2 < n and lows[b + 1] in ("by", "from", "of", "with"):
        # "according to an analysis by the Pew Research Center": the source is who made it
        agent = right_np(toks, b + 2)
        if agent is not None:
            a, b = agent
    b = list_after(toks, _description_after(toks, b))
    if a + 1 == b and lows[a] in OWN_KNOWLEDGE and lows[b] in KNOWLEDGE_NOUNS:
        # "according to his information": the pronoun's referent, qualifying what they say
        mention, span, _ = mention_of(r.text, toks, a, a)
        src = describe(r.ctx, mention, span, [OWN_KNOWLEDGE[lows[a]]], span[0])
        if any(f.cue and f.cue[0] < toks.starts[i] and any(x <= toks.starts[i] < y for x, y in f.frags) for f in prior):
            return None  # inside a speaker's own claim, the speaker's own knowledge: no second claim
        sources = [src]
    else:
        sources = r.src_list(toks, a, b)
    content = _clause_around(r, toks, i, b)
    if not content:
        return None
    return Found(content, "indirect", (toks.starts[i], toks.ends[last]), sources, [], para)


def _description_after(toks: Tokens, b: int) -> int:
    """The end of a source's description closing the sentence after it: "..., according to Amnesty
    International, a rights group." (the description is the source's, not more of the claim)."""
    words = toks.words
    n = len(words)
    if not (b + 3 < n and words[b + 1] == "," and toks.lows[b + 2] in ("a", "an") and not toks.inq[b + 2]):
        return b
    end = n - 1 if words[n - 1] in ".!?" else n
    # (a full stop inside the sentence closes an abbreviation: "a U.S.-based monitor")
    if end - b > 14 or any(w in QUOTE_MARKS or (w in CLAUSE_BREAKS and w != ".") or w in ("and", "or") for w in words[b + 2 : end]):
        return b
    return end - 1


def _clause_around(r: Reader, toks: Tokens, i: int, b: int) -> list[Span]:
    """What a phrase from token ``i`` to ``b`` ("according to X", "in X's view") frames: the clause
    after it where it opens the sentence, else the clause before it and any after its closing comma."""
    n = len(toks.words)
    content: list[Span] = []
    if i == 0 or (i <= 2 and toks.words[i - 1] in (",",)) or all(toks.lows[k] in CONJUNCTIONS or toks.words[k] == "," for k in range(i)):
        k = b + 1
        if k < n and toks.lows[k] in PREP_IN_NP:
            # "According to some on the council, ...": the phrase's own tail runs to the comma
            k = next((c for c in range(k, min(n, k + 8)) if toks.words[c] == "," and not toks.inq[c]), k)
        while k < n and toks.words[k] in (",",):
            k += 1
        if k < n and toks.lows[k] in ("which", "who") and toks.words[k - 1] == ",":
            # "According to the army, which gave no evidence, A": what the army says is A, after the aside
            k = next((x + 1 for x in range(k + 1, min(n - 1, k + 30)) if toks.words[x] == "," and not toks.inq[x]), k)
        if k < n:
            f = r.frag(toks, k, n - 1)
            if f:
                content = [f]
    else:
        cb = before_source(toks, i)
        content, _ = content_before(r, toks, cb)
        k = b + 1
        if k < n and toks.words[k] == "," and k + 1 < n and toks.lows[k + 1] not in OTHER_ACCOUNT:
            f = r.frag(toks, k + 1, n - 1)
            if f and n - 1 - k > 3:
                content.append(f)
    return content


def in_view_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"In the mayor's view, ...", "..., in the words of one aide, ...": the owner of the view or the
    words holds the clause around the phrase, as with "according to"."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    if i < 2 or toks.inq[i]:
        return None
    if lows[i - 1] == "the" and lows[i - 2] == "in" and i + 2 < n and lows[i + 1] == "of":
        np = right_np(toks, i + 2)  # "in the words of a senior adviser"
        if np is None:
            return None
        start, (a, b), end, cue_end = i - 2, np, np[1], i + 1
    else:
        o = i - 1
        if lows[o] in POSSESSIVE_PRONOUNS:
            a = o
        elif is_possessive(words[o]) and (np := left_np(toks, o)) is not None:
            a = np[0]  # "in Professor Roe's view", "in the planner's view"
        else:
            return None
        if a < 1 or lows[a - 1] != "in":
            return None
        start, b, end, cue_end = a - 1, o, i, i
    content = _clause_around(r, toks, start, end)
    if not content:
        return None
    if a == b and lows[a] in OWN_KNOWLEDGE:
        mention, span, _ = mention_of(r.text, toks, a, a)  # "in his view": the pronoun's referent
        sources = [describe(r.ctx, mention, span, [OWN_KNOWLEDGE[lows[a]]], span[0])]
    else:
        sources = r.src_list(toks, a, b)
    if not sources:
        return None
    return Found(content, "indirect", (toks.starts[start], toks.ends[cue_end]), sources, [], para, kind="belief")


def colon_cue(r: Reader, toks: Tokens, para: int) -> Found | None:
    """"NAME: what they said" (headlines, transcripts): a short name, a colon, the statement."""
    words, lows = toks.words, toks.lows
    if ":" not in words:
        return None  # most sentences: one pass in C
    n = len(toks.words)
    c = None
    topic = None  # "Gillibrand on the transcripts: ...": the speaker ends where the topic begins
    paren = None  # "Rep. Jane Roe (D-Ore.): ...": the party in brackets is no part of the name
    # a transcript's turn opening with a mark that never closes ("\"WALLACE: ..."): the label follows it
    a = 1 if n > 2 and words[0] in QUOTE_MARKS and not toks.inq[0] and words[1].isupper() and len(words[1]) > 1 else 0
    a = a or _signed_quote(toks)
    k = a
    while k < min(n, a + 14):
        if words[k] == ":":
            c = k
            break
        if toks.inq[k]:
            return None
        if words[k] == "(" and k > a and paren is None:
            close = next((x for x in range(k + 1, min(n, k + 8)) if words[x] == ")"), None)
            if close is None or close + 1 >= n or words[close + 1] != ":":
                return None
            paren = k
            k = close + 1
            continue
        if k > a and topic is None and lows[k] in ("on", "about", "to") and is_cap(words[k - 1]):
            topic = k
            k += 1
            continue
        if not (is_cap(words[k]) or lows[k] in ("’s", "'s", ".", "of", "the") or (k > a and (lows[k] in TITLE_WORDS or lows[k] == "and"))) \
                and not (topic is not None and words[k][:1].isalnum()):
            return None
        if topic is None and k - a >= 6 and not (k - a < 9 and _opens_quotation(toks, k)):
            return None  # a long label only before a quotation ("Former secretary of state Jane Roe: “...”")
        k += 1
    if not c or c == a or c + 1 >= n or lows[a] in COLON_LABELS or (lows[a] in DETERMINERS and lows[a] != "the" and not (c == a + 1 and words[a] == "A")):
        return None  # "A:" is an interview's answer, "A new poll:" a label
    if words[a][0].isdigit() or lows[c - 1] in ("a.m", "p.m", "am", "pm"):
        return None
    if c == a + 1 and lows[a] == "q":
        return None  # "Q:" is the interviewer asking, not a source making a claim
    if lows[a] == "the" and c == a + 2 and lows[a + 1] == "latest":
        return None
    end = topic if topic is not None else paren if paren is not None else c
    sources = r.src_list(toks, a, end - 1)
    if end == a + 1 and words[c + 1] not in QUOTE_MARKS and sources and sources[0].kind not in ("vague", "anonymous") \
            and _word_label(r.text, toks, a):
        return None  # "Bombshell: ...", "Success on Signature Issue: ...": a heading's word, not a speaker
    f = r.frag(toks, c + 1, n - 1)
    if not f or not sources or sum(1 for x in range(c + 1, n) if words[x][:1].isalpha()) < 3:
        return None  # "Kasich: Now or never" is a slogan, not a statement
    direct = r.text[f[0]] in "“\"'`«‘"
    cue = (toks.starts[c], toks.ends[c])
    return Found([f], "direct" if direct else "indirect", cue, sources, [], para, direct=direct)


# the one-word labels that name a source by what it is ("Poll:", "Officials:", "Newspaper:")
_SOURCE_HEADS = frozenset(ANON_HEADS | DOCUMENT_HEADS | DOCUMENTS | ORG_HEADS | OUTLET_NOUNS | PEOPLE_PLURALS | VAGUE_HEADS)


def _word_label(text: str, toks: Tokens, a: int) -> bool:
    """A one-word label in title case, before no quotation, that the article never uses again as it is
    written: a word of a heading ("Bombshell:", "Remember:", "Success on ...:"), where a speaker's name
    comes back in the story ("Trump: ...", then "Trump said"). A transcript's speaker in capitals
    ("HOST:") is kept."""
    w = toks.words[a]
    if len(w) < 2 or not w[0].isupper() or not w[1:].islower() or toks.lows[a] in _SOURCE_HEADS:
        return False
    at = toks.starts[a]
    k = text.find(w)
    while k >= 0:
        if k != at and not text[k - 1 : k].isalnum() and not text[k + len(w) : k + len(w) + 1].isalnum():
            return False
        k = text.find(w, k + 1)
    return True


def _opens_quotation(toks: Tokens, k: int) -> bool:
    """A colon within the next three tokens, and a quotation opening right after it."""
    c = next((x for x in range(k, min(len(toks.words) - 2, k + 3)) if toks.words[x] == ":"), None)
    return c is not None and toks.words[c + 1] in QUOTE_MARKS and toks.inq[c + 2]


def _signed_quote(toks: Tokens) -> int:
    """"POLLS WERE RIGHT - Jane Roe: “...”", "More from Roe: “...”": a name after a dash or "from" and
    before a colon that opens a quotation (a roundup's extracts); where the name starts, or 0."""
    words, lows = toks.words, toks.lows
    n = len(toks.words)
    c = next((k for k in range(min(n, 40)) if words[k] == ":"), None)
    if c is None or c < 2 or c + 2 >= n or toks.inq[c] or words[c + 1] not in QUOTE_MARKS or not toks.inq[c + 2]:
        return 0
    k = c - 1
    while k >= 0 and c - k <= 7 and not toks.inq[k] and (is_cap(words[k]) or lows[k] in ("and", ".", "the")):
        k -= 1
    if k < 0 or k + 1 >= c or not is_cap(words[c - 1]) or not (words[k] in ("-", "—", "–", "--") or lows[k] == "from"):
        return 0
    return k + 1


def dash_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"“...” ― Jane Roe": a quotation signed with a dash and a name."""
    n = len(toks.words)
    rn = right_np(toks, i + 1)
    if rn is None or not is_cap(toks.words[rn[0]]):
        return None
    if rn[1] + 1 < n and toks.words[rn[1] + 1] not in (".", ",", ";") and not toks.words[rn[1] + 1] in QUOTE_MARKS:
        return None
    content, _ = content_before(r, toks, i - 1)
    if not content:
        return None
    sources = r.src_list(toks, *rn)
    return Found(content, "direct", (toks.starts[i], toks.ends[i]), sources, [], para, direct=True)


def headline_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"Mayor Says Ferry Will Run" / "Ferry Will Run, Mayor Says": a headline's speaker."""
    words, lows = toks.words, toks.lows
    n = len(toks.words)
    if lows[i] not in SPEECH_FORMS or SPEECH_FORMS[lows[i]][1] not in ("third", "past") or not is_cap(words[i]):
        return None
    z = i - 1
    if z >= 0 and lows[z] in ("just", "now", "also"):
        z -= 1  # "Mayor Just Revealed ..."
    a = z + 1
    while a - 1 >= 0 and z - a < 4 and (is_cap(words[a - 1]) or lows[a - 1] in ("’s", "'s", ".")) and not toks.inq[a - 1] \
            and lows[a - 1] not in ("just", "now"):
        a -= 1
    if a > z:
        return None
    sources = r.src_list(toks, a, z)
    if a == 0 or words[a - 1] in ("—", "–", "-", "--", ":", ";", "|"):
        f = r.frag(toks, i + 1, n - 1) if i + 1 < n else None
    elif words[a - 1] == ",":
        f = r.frag(toks, 0, a - 2) if a >= 2 else None
    else:
        return None
    if not f or not sources:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para)


def noun_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"Her claim that ...", "the mayor's attacks on ...": the owner is the source, what follows the content."""
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    o = i - 1
    if o > 0 and lows[o].isalpha() and lows[o] not in POSSESSIVE_PRONOUNS and not is_possessive(words[o]) and not is_cap(words[o]):
        o -= 1  # one adjective between: "his repeated attacks on"
    if toks.inq[o]:
        return None
    if lows[o] in POSSESSIVE_PRONOUNS:
        np = owner_subject(toks, o) or (o, o)
    elif is_possessive(words[o]) and is_cap(words[o]):
        # the name that owns it, titles included: "Gov. Jane Roe’s"; nothing lower-case before it
        a = o
        while a - 1 >= 0 and not toks.inq[a - 1] and (is_cap(words[a - 1]) or words[a - 1] == ".") and lows[a - 1] not in CAP_WORDS:
            a -= 1
        np = (a, o)
    else:
        return None
    opener = lows[i + 1]
    if opener in ("that", "to"):
        end = n - 1  # a clause runs to the end of the sentence
    else:
        end = i + 2
        while end + 1 < n and words[end + 1] not in NP_END and lows[end + 1] not in CLAUSE_VERBS and end - i < 16:
            end += 1
    f = r.frag(toks, i + 2 if opener != "to" else i + 1, end)
    if not f:
        return None
    sources = r.src_list(toks, *np)
    if not sources:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[i + 1]), sources, [], para, kind="stance")


def belief_that_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"The mayor is confident that ...", "the union fears that ...": the subject holds the belief."""
    k = i - 1
    while k >= 0 and toks.lows[k] in BELIEF_LINKS:
        k -= 1
    if k > 0 and (toks.lows[k] in ("and", "but") or (toks.words[k] == "," and k == i - 1 and not toks.lows[i].endswith("s"))):
        np = main_subject(toks, k)  # "X met the envoys and came away convinced that", "X pressed on, confident that"
    elif k < 0 or toks.words[k] in CLAUSE_BREAKS:
        return None
    else:
        np = left_np(toks, k)
    if np is None:
        return None
    f = r.frag(toks, i + 2, len(toks.words) - 1)
    sources = r.src_list(toks, *np)
    if not f or not sources:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para, kind="belief")


def trait_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"The mayor has been critical of the plan", "X is a vocal opponent of Y": a stance held as a trait.

    Only after a form of "be" (through adverbs and an article): "critics of the plan said" is a
    subject, and "a critical part of" no stance.
    """
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    if i + 2 >= n or toks.inq[i + 1]:
        return None
    k = i - 1
    if lows[i] in STANCE_ROLES:
        if lows[i + 1] != "of":
            return None
        while k > 0 and i - k <= 3 and lows[k] not in ("a", "an", "the") and lows[k].isalpha() and not is_cap(words[k]):
            k -= 1  # "a staunch", "the party's most outspoken"
        if lows[k] not in ("a", "an", "the"):
            return None
        k -= 1
        if k > 1 and lows[k] == "of" and lows[k - 1] == "one":
            k -= 2  # "is one of the fiercest critics of"
    elif lows[i + 1] not in STANCE_ADJECTIVES[lows[i]]:
        return None
    linked = False
    while k >= 0 and (lows[k] in STANCE_LINKS or (lows[k].endswith("ly") and len(lows[k]) > 4) or lows[k] in ("n't", "n’t")):
        linked = linked or lows[k] in STANCE_COPULAS
        k -= 1
    if not linked or k < 0:
        return None
    if words[k] in (",", "—", "–"):
        np = aside_np(toks, k)  # "X, a senator from Ohio, has been critical of ..."
    else:
        np = None if words[k] in CLAUSE_BREAKS else left_np(toks, k)
    if np is None:
        return None
    end = i + 2
    while end + 1 < n and (words[end + 1] not in NP_END or closes_abbreviation(words, lows, end + 1)) \
            and lows[end + 1] not in CLAUSE_VERBS and end - i < 16 and toks.inq[end + 1] == toks.inq[i + 2]:
        end += 1  # to the end of the phrase ("Mr. Roe", "Jane Q. Roe" go on past their full stops)
    f = r.frag(toks, i + 2, end)
    sources = r.src_list(toks, *np)
    if not f or not sources:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[i + 1]), sources, [], para, kind="stance")


def shown_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"X showed no sign of backing down", "X has shown little interest in Y": a disposition the subject
    shows is its stance toward what follows the noun. Not "was shown", nor a noun with nothing after it."""
    lows = toks.lows
    n = len(toks.words)
    k = i + 1
    while k < n and k - i <= 4 and lows[k] in SHOWN_MODIFIERS and not toks.inq[k]:
        k += 1
    if k + 2 >= n or lows[k] not in SHOWN_ATTITUDES or lows[k + 1] not in SHOWN_LINKS or toks.inq[k + 1]:
        return None
    j, passive = skip_aux(toks, i)
    if passive and lows[i] == "shown":
        return None
    who = speaker_of(r, toks, i, j, "show", "belief")
    if who is None or not who[0] or who[2]:
        return None
    # what follows the link word, to where the clause's content would end ("that" inside it is not
    # a new clause: "an inclination to end a war that ...")
    ca = content_after(toks, k + 1, "show")
    f = r.frag(toks, k + 2, ca[1]) if ca and ca[1] >= k + 2 else None
    if not f:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[k + 1]), who[0], [], para, kind="stance")


def frame_cue(r: Reader, toks: Tokens, i: int, para: int) -> Found | None:
    """"The agency provided details about ...": an account opens; what follows may inherit it."""
    if i + 1 < len(toks.words) and toks.lows[i + 1] == "no":
        return None  # "which gave no evidence": nothing was given, the outlet notes its absence
    j, passive = skip_aux(toks, i)
    if passive or j < 0:
        return None
    if negated(toks.lows, j + 1, i):
        return None  # "Moscow has not published any figures": nothing was given
    np = left_np(toks, j)
    if np is None:
        return None
    sources = r.src_list(toks, *np)
    f = r.frag(toks, i + 1, len(toks.words) - 1)
    if not f or not sources:
        return None
    return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para)


def in_document_cue(r: Reader, toks: Tokens, para: int) -> Found | None:
    """"In a poll released Monday, 40 percent ...": the poll says what follows the comma."""
    n = len(toks.words)
    comma = next((k for k in range(2, min(n, 16)) if toks.words[k] == ","), None)
    if comma is None or comma + 4 >= n:
        return None
    np = right_np(toks, 1, comma)
    if np is not None and toks.lows[np[1]] not in EVIDENCE_NOUNS:
        # "In a poll released Monday,", "In a poll last month,": the document ends before its trailer
        k = next((k for k in range(comma - 1, 1, -1) if toks.lows[k] in ("poll", "polls", "survey", "surveys", "study")), None)
        if k is not None and all(toks.lows[x] in TRAILER_START or toks.lows[x] in TIME_NOUNS or toks.lows[x] in ("released", "published", "conducted", "taken", "out", "week", "month", "year")
                                 for x in range(k + 1, min(k + 3, comma))):
            np = right_np(toks, 1, k + 1)
    if np is None or toks.lows[np[1]] not in EVIDENCE_NOUNS or toks.lows[np[1]] in ("model", "models"):
        return None
    content = r.frag(toks, comma + 1, n - 1)
    if not content:
        return None
    sources = r.src_list(toks, *np)
    return Found([content], "indirect", (toks.starts[0], toks.ends[0]), sources, [], para, kind="evidence")
