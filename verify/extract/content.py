"""What was said: the content span of a cue, after it, before its source, or on both sides.

``content_of`` chooses; ``content_after`` reads past a listener ("told reporters that") up to a
following claim of the sentence; ``content_before`` takes the quotation or clause that ends before
the source; ``resumed_quote`` picks up a quotation resumed after "said X,"; ``is_trailer`` tells a
closing "told CNN on Monday." from a content.
"""

from __future__ import annotations

from bisect import bisect_left
from itertools import compress
from typing import TYPE_CHECKING

from .cues import BELIEF_FORMS, KNOWLEDGE_NOUNS, OWN_KNOWLEDGE, EVIDENCE_FORMS, LISTENER, PARTICIPLES, SPEECH_FORMS, VERB_CUES
from .adverbials import ADVERBIAL_START, skip_adverbials
from .found import Found, Span, trim_span
from .sources import Src
from .tokens import OPEN_QUOTES, QUOTE_MARKS, Tokens, is_cap
from .words import (
    ACCOUNT_NOUNS, BROADCASTS, CHECK_WORDS, CONCESSIVES, CLAUSE_VERBS, COUNT_NOUNS, CONJUNCTIONS, DECLINE_TO, DETERMINERS, INTRO_WORDS, LISTENER_WORDS, RELATIVES, SIBLING_LINKS, STOP,
    DAYS, PAST_INTRANSITIVE, SOURCE_NOTES, SUBJECT_PRONOUNS, TIME_NOUNS, TRAILER_START, UNSAID, UNSAID_ADVERBS, WEEKDAYS, WITHHELD,
)

if TYPE_CHECKING:
    from .attribution import Reader


_DASHES = ("—", "–", "--")


def content_of(r: Reader, toks: Tokens, i: int, para: int, lemma: str, klass: str, cue: Span,
               sources: list[Src], src_start: int, inverted: bool, after_src: int) -> Found | None:
    """What was said: after the verb, before the source, or around both."""
    text = r.text
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    content: list[Span] = []
    direct = False
    ca = None
    if inverted:
        cb = before_source(toks, i)
        if cb < 0 and i == 0:
            # "Said the mayor, “...”": the sentence opens with the verb, the quotation follows its speaker
            m = next((m for m in range(after_src + 1, n - 1) if words[m] in QUOTE_MARKS and toks.inq[m + 1]), None)
            content = resumed_quote(toks, m - 1) if m is not None else []
            if not content:
                return None
            return Found(content, "direct", cue, sources, [], para, direct=True, kind=klass)
        if cb < 0:
            return None
        content, direct = content_before(r, toks, cb)
        # "“...,” said X, “...”": the quotation resumes after the source
        content += resumed_quote(toks, after_src)
    else:
        pre = src_start - 1
        closing = pre > 0 and words[pre] in QUOTE_MARKS and toks.inq[pre - 1]
        final = pre >= 0 and not intro_comma(toks, pre) and (words[pre] in (",", "—", "–", "--", "―") or closing)
        quote_before = final and (closing or (words[pre] == "," and pre > 0 and words[pre - 1] in QUOTE_MARKS))
        if quote_before:
            # only a quotation that opens the sentence or clause: not "Bemoaning the "system," X said"
            qe = pre - 1 if words[pre] == "," else pre
            k = qe - 1
            while k >= 0 and toks.inq[k]:
                k -= 1
            quote_before = k >= 0 and words[k] in QUOTE_MARKS and (k == 0 or words[k - 1] in (",", ":", ";", "—", "–", "(", ")", ".", "?", "!"))
        ca = content_after(toks, i, lemma)
        if ca is not None and src_start >= 1 and words[src_start - 1] in _DASHES:
            # "the study -- which notes that A -- should ...": the aside ends at its closing dash
            ca = next(((ca[0], k - 1) for k in range(ca[0] + 1, ca[1] + 1) if words[k] in _DASHES and not toks.inq[k]), ca)
        # "The port reopened, as the harbour master said on Sunday.": what was said comes before "as"
        as_before = src_start >= 5 and lows[src_start - 1] == "as" and words[src_start - 2] == "," \
            and (ca is None or (ca[1] - ca[0] < 5 and is_trailer(toks, ca[0], ca[1]) and not any(toks.inq[k] or words[k] == "," for k in range(ca[0], ca[1] + 1))))
        if as_before:
            content, direct = content_before(r, toks, before_source(toks, src_start - 1))
        elif quote_before:
            content, direct = content_before(r, toks, before_source(toks, src_start))
            content += resumed_quote(toks, i)
        elif final and i + 1 < n and words[i + 1] == "," and ca is not None and not (i + 2 < n and lows[i + 2] in PARTICIPLES):
            # "The plan, he said, will fail": content on both sides; but "A, X said, without giving
            # details" goes on in the outlet's words, and "..., X said, in a statement" is a trailer
            content, _ = content_before(r, toks, before_source(toks, src_start))
            first = ca[0] + (words[ca[0]] == "," and ca[0] < ca[1])
            # "A, officials said, though the figure could not be confirmed": a concession after a whole
            # clause is the outlet's
            outlets = lows[first] == "without" or lows[first] in SOURCE_NOTES or (ca[1] - first < 7 and is_trailer(toks, first, ca[1])) or (
                lows[first] in CONCESSIVES and _has_verb(toks, before_source(toks, src_start)))
            f = None if outlets else r.frag(toks, *ca)
            if f:
                content.append(f)
        elif final and (ca is None or is_trailer(toks, ca[0], ca[1])):
            content, direct = content_before(r, toks, before_source(toks, src_start))
            if ca is not None:
                content += resumed_quote(toks, i)
        elif ca is not None:
            f = r.frag(toks, *ca)
            if f:
                content = [f]
                direct = text[f[0]] in "“\"'`«„" and text[f[1] - 1] in "”\"'»“"
    if not content:
        if ca is None and not inverted and colon_ends(toks, i):
            # "X said:" closing a paragraph: the statement is the next paragraph
            return Found([], "indirect", cue, sources, [], para)
        return None
    return Found(content, "direct" if direct else "indirect", cue, sources, [], para, direct=direct, kind=klass)


# subordinators that open a sentence with a clause of their own ("When X said A, B ...")
_OPENING_CLAUSES = {"when", "after", "because", "although", "though", "since", "once", "before", "until", "if", "whenever"}


def content_after(toks: Tokens, i: int, lemma: str) -> tuple[int, int] | None:
    """Token range of what follows the cue at ``i`` (skipping a listener and "that")."""
    n = len(toks.words)
    lows, words = toks.lows, toks.words
    a = i + 1
    if a + 1 < n and lows[a] == "by" and lows[a + 1] in PARTICIPLES:
        return None  # "responded by saying ...": the participle carries the claim
    if a < n and lows[a] in ("out", "up") and lemma in ("point", "add"):
        a += 1
    # "said on Monday that ...", "told reporters that ..."
    opened = False
    for k in range(a, min(n, a + 12)):
        if toks.inq[k] or words[k] == ";":
            break
        if words[k] == "," and lemma not in LISTENER:
            if k > a and is_trailer(toks, a, k - 1):
                continue  # "said on X, formerly Twitter, that ...", "said on Monday, in a statement, that ..."
            break
        if (lows[k] == "that" or (lows[k] in ("whether", "if") and k == a)) and not toks.inq[k]:
            a = k + 1
            opened = True
            break
        if lows[k] in SPEECH_FORMS and not lows[k].endswith("ing") and k > a and (
                lows[k - 1] == "in" or (k - 2 >= a and lows[k - 2] == "in" and lows[k - 1] in DETERMINERS)):
            continue  # "said in comments carried by state media that ...": a noun, not a verb
        if lows[k] in SUBJECT_PRONOUNS or lows[k] in SPEECH_FORMS or lows[k] in BELIEF_FORMS or lows[k] in CLAUSE_VERBS:
            break  # a clause has begun: "said the plan would fail if ..." keeps its subject
        if lows[k] in ("”", '"') or words[k] in OPEN_QUOTES:
            break
    if a == i + 1 and lemma in LISTENER:
        a = skip_listener(toks, a)
    if not opened and a < n and (lows[a] in ADVERBIAL_START or lows[a] in DAYS):
        a = skip_adverbials(toks, a)
    for k in range(a, min(n, a + 8)):
        if toks.inq[k] or (k > a and lows[k] in VERB_CUES and lows[k - 1] in ("and", "then")):
            break  # "noted that it rose, and added: ...": the colon is a later clause's
        if words[k] == ":":
            a = k + 1
            break
    # stop at a later ", according to" or ", adding" that starts another claim of the sentence,
    # and before a closing ", records show." / ", officials said.", which is a claim of its own
    b = n - 1
    tail = closing_attribution(toks)
    if tail is not None and tail > a:
        b = tail - 1
    if lows[0] in _OPENING_CLAUSES and "," not in words[1:i]:
        # "When the ministry announced the truce, residents said ...": the opening clause ends at its comma
        b = next((k - 1 for k in range(a + 1, b) if words[k] == "," and not toks.inq[k] and (
            lows[k + 1] not in STOP or lows[k + 1] in DETERMINERS or lows[k + 1] in SUBJECT_PRONOUNS)), b)
    # "The strike, which Ukraine says killed 14 people, was ...": a relative clause's content ends at the
    # comma that closes it, where the main clause's verb follows
    relative = None  # worked out at the first such comma only
    hi = min(n, a + 120)  # bounded: a run-on "sentence" must not make every cue scan it
    # only a comma, "and" or "but" can end the content here: the others are passed over at C speed
    for k in compress(range(a, hi), map(_CONTENT_BREAKS.__contains__, lows[a:hi])):
        if toks.inq[k]:
            continue
        if words[k] == "," and k > a and k + 1 < n and (lows[k + 1] in CLAUSE_VERBS or (
                lows[k + 1] in PAST_INTRANSITIVE or lows[k + 1][-2:] == "ed") and _past_verb(toks, k + 1)) and (
                relative if relative is not None else (relative := _in_relative(toks, i))):
            b = k - 1
            break
        if lows[k] in ("and", "but") and k > a and _unsaid(lows, k + 1):
            b = k - 1
            break
        if words[k] == "," and k + 1 < n and not toks.inq[k + 1] and (
            lows[k + 1] in PARTICIPLES
            or (lows[k + 1] == "without" and k + 2 < n and lows[k + 2] in WITHHELD)
            or (lows[k + 1] == "according" and k + 2 < n and lows[k + 2] == "to"
                and not (k + 4 < n and lows[k + 3] in OWN_KNOWLEDGE and lows[k + 4] in KNOWLEDGE_NOUNS))
            # ", a figure the rebels reject": the outlet's word on the claim, not part of it;
            # ", a figure that could not be verified": a count is not followed by what it says
            or (lows[k + 1] in ("a", "an") and k + 3 < n and lows[k + 2] in ACCOUNT_NOUNS
                and (lows[k + 3] not in ("of", "that") or lows[k + 2] in COUNT_NOUNS and lows[k + 3] == "that")
                and any(lows[x] in VERB_CUES or lows[x] in CHECK_WORDS for x in range(k + 3, min(n, k + 9))))
        ):
            b = k - 1
            break
    if a > b:
        return None
    return a, b


_CONTENT_BREAKS = frozenset({",", "and", "but"})


def _past_verb(toks: Tokens, k: int) -> bool:
    """"..., which Ukraine says killed 14 people, hit a market": the main clause's verb after the aside
    (a past form, or a word in -ed the caller has seen)."""
    low = toks.lows[k]
    return low in PAST_INTRANSITIVE or (low.isalpha() and toks.words[k].islower() and len(low) > 4)


def _has_verb(toks: Tokens, b: int) -> bool:
    """Whether tokens up to ``b`` hold a finite verb: a whole clause ("The strike killed 14"), not a
    phrase ("The plan, he said, ...")."""
    lows, words = toks.lows, toks.words
    return any(lows[k] in CLAUSE_VERBS or lows[k] in PAST_INTRANSITIVE or (lows[k][-2:] == "ed" and words[k].islower())
               for k in range(b + 1))


def _in_relative(toks: Tokens, i: int) -> bool:
    """Whether the cue at ``i`` stands in a relative clause set off by a comma (", which X says")."""
    for j in range(i - 1, max(-1, i - 10), -1):
        if toks.words[j] in (",", ";", ":") or toks.inq[j]:
            return False
        if toks.lows[j] in RELATIVES:
            return j > 0 and toks.words[j - 1] == ","
    return False


def _unsaid(lows: list[str], k: int) -> bool:
    """"did not comment", "declined to elaborate", "gave no details" from token ``k``."""
    n = len(lows)
    if k >= n:
        return False
    if k + 1 < n and lows[k] in DECLINE_TO and lows[k + 1] == "to":
        return k + 2 < n and lows[k + 2] in UNSAID
    if k + 1 < n and lows[k] in ("did", "would", "could") and lows[k + 1] in ("not", "n't"):
        k += 2
    elif lows[k] in ("didn't", "didn’t"):
        k += 1
    else:
        return k + 1 < n and lows[k] in ("gave", "offered", "provided") and lows[k + 1] == "no"
    if k < n and lows[k] in UNSAID_ADVERBS:
        k += 1  # "did not immediately comment"
    return k < n and lows[k] in UNSAID


def skip_listener(toks: Tokens, a: int) -> int:
    """Past the listener of "told reporters ...", "told the Daily Post ...", "told him ..."."""
    n = len(toks.words)
    words, lows = toks.words, toks.lows
    if a < n and lows[a] in ("me", "us", "him", "her", "them", "you") and (a + 1 >= n or not toks.words[a + 1][:1].isalnum() or lows[a + 1] in TRAILER_START or lows[a + 1] == "that"):
        return a + 1  # "told her."
    k = a
    while k < n and lows[k] in DETERMINERS and lows[k] not in SUBJECT_PRONOUNS:
        k += 1
    if k >= n or toks.inq[k] or lows[k] in SUBJECT_PRONOUNS:
        return a
    if is_cap(words[k]):
        while k < n and (is_cap(words[k]) or lows[k] in ("’s", "'s", ".", "of")) and not toks.inq[k]:
            k += 1
        # "told a Senate panel Wednesday", "told Ukrainian interrogators he ...": a common noun may
        # close the listener's name
        if k + 1 < n and words[k][:1].islower() and lows[k] not in STOP and (
                lows[k + 1] in TRAILER_START or words[k + 1] in (".", ",") or lows[k + 1] == "that" or lows[k + 1] in SUBJECT_PRONOUNS):
            k += 1
        return k
    if words[k][0].isalpha() and lows[k] not in ("that", "whether", "if", "to"):
        if k > a:
            # "told his closest advisers as ...": the listener's words after the determiner
            m = k
            while m + 1 < n and m < k + 3 and words[m + 1][:1].islower() and words[m + 1].isalpha() and not toks.inq[m + 1] \
                    and lows[m + 1] not in TRAILER_START and lows[m + 1] not in ("that", "whether", "if", "to") \
                    and lows[m + 1] not in SUBJECT_PRONOUNS and lows[m + 1] not in CLAUSE_VERBS and lows[m + 1] not in VERB_CUES:
                m += 1
            return m + 1
        return k + 1
    return a


def closing_attribution(toks: Tokens) -> int | None:
    """The comma of a sentence that ends ", officials said." or ", records show.", if it does."""
    n = len(toks.words)
    words, lows = toks.words, toks.lows
    z = n - 1
    while z > 0 and words[z] in (".", "!", "?"):
        z -= 1
    for k in range(z, max(0, z - 8), -1):
        if toks.inq[k]:
            return None
        if words[k] == ",":
            v = next((x for x in range(k + 2, z + 1) if lows[x] in SPEECH_FORMS or lows[x] in EVIDENCE_FORMS), None)
            if v is None or lows[k + 1] in PARTICIPLES or lows[k + 1] in ("as", "according", "and", "but", "which", "who"):
                return None
            return k
    return None


def is_trailer(toks: Tokens, a: int, b: int) -> bool:
    """What follows the cue is only a listener, a time or a channel ("told CNN on Monday.")."""
    words, lows = toks.words, toks.lows
    k = a
    while k <= b and not words[k][0].isalnum():
        k += 1
    inq = [x for x in range(a, min(b + 1, a + 60)) if toks.inq[x]]
    if inq:
        # a quotation after the cue is what was said, unless it is a short title closing a trailer:
        # "said on MSNBC's “Morning Joe.”", "wrote in his book, ''An American Son.''"
        if not (k <= b and not toks.inq[k] and (lows[k] in ("on", "in", "at", "during", "to") or lows[k] in TIME_NOUNS)
                and len(inq) <= 8 and inq[-1] >= b - 2):
            return False
        return True
    if k > b:
        return True
    if lows[k] in ("to", "on", "for", "about", "of", "with") and k + 1 <= b:
        # "said to reporters" is a trailer; "asked to testify", "called for a recount" carry the content
        nxt = lows[k + 1]
        if lows[k] == "to" and (nxt in DETERMINERS or is_cap(words[k + 1]) or nxt in LISTENER_WORDS):
            return True
        if lows[k] == "on" and (nxt in TIME_NOUNS or is_cap(words[k + 1]) and nxt in WEEKDAYS or nxt in BROADCASTS):
            return True
        return False
    if lows[k] in SOURCE_NOTES:
        return True  # "told Wire, speaking on condition of anonymity because ...": how the source spoke
    if lows[k] in TRAILER_START or lows[k] in PARTICIPLES:
        # "said at least nine were hurt": a count opens what was said, not a place
        return not (lows[k] == "at" and k < b and lows[k + 1] in ("least", "most"))
    # "told reporters.", "told The Times on Monday."
    if k == a and a > 0 and toks.lows[a - 1] in ("told", "tells", "tell", "telling"):
        m = skip_listener(toks, a)
        return m > b or lows[m] in TRAILER_START or words[m] in (",", ".")
    return False


def intro_comma(toks: Tokens, pre: int) -> bool:
    """"On Saturday, X said ...": the comma closes an introductory phrase, not a content."""
    if toks.words[pre] != "," or pre > 7:
        return False
    lows = toks.lows
    first = lows[0]
    if first in ("this", "last", "that") and lows[1] not in TIME_NOUNS:
        return False  # "This is not about me, X told ...": a clause, not "This week, ..."
    if first == "at" and lows[1] in ("least", "most"):
        return False  # "At least 12 people were killed, police said": a count, not "At the meeting, ..."
    if first in CONJUNCTIONS and pre > 1:
        # "But on Monday, X said": a phrase follows the conjunction; "But he left, he said": a clause
        second = lows[1]
        return second in TRAILER_START or second in INTRO_WORDS or second.endswith("ly") or second == ","
    return first in TRAILER_START or first in INTRO_WORDS or (first.endswith("ly") and pre <= 2)


def colon_ends(toks: Tokens, i: int) -> bool:
    k = i + 1
    n = len(toks.words)
    while k < n and toks.words[k] != ":" and k < i + 8:
        k += 1
    return k == n - 1 and toks.words[k] == ":"


def before_source(toks: Tokens, a: int) -> int:
    """Index of the last token of the content before the source starting at ``a``."""
    j = a - 1
    while j >= 0 and toks.words[j] in (",", "—", "–", "--", "-"):
        j -= 1
    return j


# links that open a second account after "A, according to X,": "..., while B, according to Y"
OTHER_ACCOUNT = {"while", "whereas", "but"}


def content_before(r: Reader, toks: Tokens, cb: int) -> tuple[list[Span], bool]:
    """The content ending at token ``cb``: the quotation that ends there, else the clause."""
    text = r.text
    words = toks.words
    if cb < 0:
        return [], False
    if words[cb] in QUOTE_MARKS or (cb > 0 and words[cb] in (",",) and words[cb - 1] in QUOTE_MARKS):
        end_q = cb if words[cb] in QUOTE_MARKS else cb - 1
        # find where this quotation opened
        k = end_q - 1
        while k >= 0 and toks.inq[k]:
            k -= 1
        if k >= 0 and words[k] in QUOTE_MARKS:
            # the quotation untrimmed: a content that ends in a comma inside the quote keeps its marks
            return [(toks.starts[k], toks.ends[end_q])], True
    # from the sentence start: an introductory "But," / "And" is kept, as annotators keep it; after the
    # link where an "according to" took the clause before it ("A, according to X, while B, Y said")
    first = 0
    if "according" in toks.lows:
        link = next((j for j in range(cb - 1, 1, -1) if toks.lows[j] in OTHER_ACCOUNT and words[j - 1] == ","
                     and not toks.inq[j]), None)
        first = link + 1 if link is not None and "according" in toks.lows[: link - 1] else 0
    s, e = trim_span(text, toks.starts[first], toks.ends[cb])
    if e - s < 2:
        return [], False
    return [(s, e)], False


def resumed_quote(toks: Tokens, k: int) -> list[Span]:
    """A quotation that resumes right after the source/cue: ", “... ”"."""
    n = len(toks.words)
    words = toks.words
    m = k + 1
    while m < n and not toks.inq[m] and m < k + 4 and words[m] in (",", "—", "–", ":", "."):
        m += 1
    if m < n and words[m] in QUOTE_MARKS and m + 1 < n and toks.inq[m + 1]:
        z = m + 1
        while z < n and toks.inq[z]:
            z += 1
        if z < n:
            return [(toks.starts[m], toks.ends[z])]
        return [(toks.starts[m], toks.ends[n - 1])]
    return []


def stop_at_siblings(text: str, toks: Tokens, found: list[Found]) -> list[Found]:
    """Each claim's content stops where another source's clause of the sentence begins.

    "X said A, while Y said B", "X denied A, but Y said B", "A, which Y says B", "X denied A and
    said B", "A, a figure Y rejects": the content of the first claim ends before the link word, and
    the clause is the second claim's alone. A report nested inside another ("X said Y had said B")
    has no link word before it and stays inside the outer content.
    """
    starts = toks.starts
    out = found
    emptied: list[Found] = []
    for g in found:
        if not g.cue:
            continue
        # where g's clause begins: its source, a content before its cue ("a figure Y rejects"), or the
        # cue itself where the source came earlier ("X denied A and said B")
        points = sorted({s.span[0] for s in g.sources if s.span and starts[0] < s.span[0] < g.cue[0]}
                        | {a for a, _ in g.frags if starts[0] < a < g.cue[0]} | {g.cue[0]})
        cut = None
        for first in points:
            t = bisect_left(starts, first)
            if t < len(toks.words) and starts[t] == first and t >= 1 and any(
                    f is not g and f.cue and f.cue[0] < first and any(a <= first < b for a, b in f.frags) for f in out):
                # a content that takes in its own cue: ", a figure Y rejects", not a quotation before "he added";
                # or the main verb after a relative clause that has a claim of its own ("X, who said A, said B")
                cut = _link_before(toks, t, first == g.cue[0], any(a == first and b >= g.cue[1] for a, b in g.frags)
                                   or (first == g.cue[0] and _closes_relative(out, g, first)))
                if cut is not None:
                    break
        if cut is None:
            continue
        at = starts[cut]
        same_speaker = first == g.cue[0] and toks.lows[cut] in ("and", "but")
        for f in out:
            if f is g or not f.cue or f.cue[0] >= first or not any(a <= first < b for a, b in f.frags):
                continue
            if same_speaker and f.sources and any(s.span and s.span[0] < f.cue[1] and f.cue[0] < s.span[1] for s in g.sources):
                # "X is comparing A and says B": the second verb has the first one's subject, not a
                # phrase running over the first verb
                g.sources, g.relayed_by = list(f.sources), list(f.relayed_by)
            kept = []
            for a, b in f.frags:
                if b <= at:
                    kept.append((a, b))
                elif a < at:
                    s, e = trim_span(text, a, at)
                    if e - s >= 2:
                        kept.append((s, e))
            f.frags = kept
            if not kept:
                emptied.append(f)
    # a claim with no content left was all the other source's clause; one with none to begin with is
    # "X said:" waiting for the next paragraph, and stays
    return [f for f in out if not any(f is x for x in emptied)] if emptied else out


def _closes_relative(found: list[Found], g: Found, first: int) -> bool:
    """Whether ``g``'s cue at ``first`` is the main verb of a subject whose relative clause ("X, who
    said A,") holds the content running over it: the relative pronoun's claim is the same source's."""
    if not g.sources or not g.sources[0].span:
        return False
    subject = g.sources[0]
    for f in found:
        if f is g or not f.cue or not f.sources or not any(a <= first < b for a, b in f.frags):
            continue
        rel = f.sources[0]
        if (rel.mention.lower() in RELATIVES and rel.span and subject.span[1] <= rel.span[0]
                and rel.canonical == subject.canonical):
            return True
    return False


def _link_before(toks: Tokens, t: int, at_cue: bool, content_first: bool) -> int | None:
    """The token where another source's clause starting at token ``t`` is linked on, if it is."""
    words, lows = toks.words, toks.lows
    k = t - 1
    if lows[k] in RELATIVES and not toks.inq[k]:
        k -= 1  # ", which officials said ..."
    link = None
    if k >= 0 and lows[k] in SIBLING_LINKS and not toks.inq[k]:
        link = k
        k -= 1
        if k >= 0 and lows[k] == "even":
            link, k = k, k - 1  # ", even as ..."
    if k < 0 or toks.inq[k]:
        return None
    if words[k] == ";":
        return k
    if words[k] == ",":
        if link is not None or k < t - 1 or content_first:
            return k
        return None
    if link is not None and at_cue and lows[link] in ("and", "but"):
        return link  # "denied A and said B"
    return None
