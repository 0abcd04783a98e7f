"""The attribution grammar of one sentence: its cues, and the source and content of each.

For every reporting cue outside a quotation (a verb of saying, believing, showing or taking a stand,
"according to", a colon after a name, a dash signing a quotation) the grammar finds its source (the
noun phrase before the verb, stepping over asides; after it in inverted order; after "according to"
or "by"; the clause's subject for "..., saying ...") and its content (what follows the cue, or the
quotation or clause before it when the source and cue close the sentence). A belief or stance inside
what someone is reported to have said belongs to that report and is not a claim of its own.

A verb cue is read in steps, one method each: ``_not_a_verb`` (the word is a noun here),
``_participle`` ("..., saying ..."), ``_passive`` ("it was reported by ..."), ``_speaker`` (who) and
``_content`` (what). What carries over between sentences (inherited accounts, the outlet's own
claims) is in ``article.py``.
"""

from __future__ import annotations

import re
from itertools import compress
from dataclasses import dataclass, field

from .cues import (
    AS_REPORTED, AS_REPORTED_FIRST, BACKING, BELIEF_FORMS, BELIEF_LINKS, BELIEF_THAT, CANDIDATES, COLON_LABELS,
    CONTROL_VERBS, DASH_CUES, EVIDENCE_FORMS, EVIDENCE_NOUNS, EVIDENCE_PARTICIPLES, FRAME_NOUNS, FRAME_VERBS, LISTENER,
    NOT_A_CLAUSE, NOUN_CUES, NOUNISH, PARTICIPLES, PERSON_ONLY, PHRASE_LINKS, PHRASE_SPEECH, PHRASE_VERBS, PHYSICAL,
    PREP_VERBS, RELEASE_VERBS, SCAN_WORDS, SEND_VERBS, SPEECH_FORMS, STANCE_FORMS, VAGUE_PASSIVES, VERB_CUES,
)
from .sources import Context, Src, describe, left_np, mention_of, right_np, skip_aux, split_sources
from .tokens import CLOSE_QUOTES, OPEN_QUOTES, QUOTE_MARKS, STRAIGHT_QUOTES, Tokens, is_cap, is_possessive, lowered, tokenize
from .words import (
    ANON_HEADS, ARMED, ARTICLES, BE, BE_NOT, CAP_WORDS, CHANNELS, CLAUSE_BREAKS, CLAUSE_VERBS, CONJUNCTIONS, DETERMINERS,
    DOCUMENTS, GROUP_SUBJECTS, INTRO_WORDS, LISTENER_WORDS, MEDIA, MESSAGES, NP_END, PASSIVE_AUX, POSSESSIVE_PRONOUNS,
    PP_LINKS, RELATIVES, SENTENCE_ADVERBS, SIGNS, STATE_ADJECTIVES, STOP, SUBJECT_PRONOUNS, SUBORDINATORS, TIME_NOUNS,
    TRAILER_START, TRAILING_PPS, WEEKDAYS, WRITINGS,
)

Span = tuple[int, int]
# a dateline before the story: "PARIS, Aug 31 (Reuters) - "
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s*[A-Z][A-Za-z.]{1,12})?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()]{1,40}\))?\s*(?:-|—|–|--)\s+"
)
# "In a poll released Monday, ...": a document opening the sentence
_IN_DOCUMENT = re.compile(r"In (?:a|an|the|this|that|its|their|his|her|[A-Z])[^,]{0,80}\b(?:polls?|surveys?|study|studies|report|analysis|data|findings|research|census|audit|review|assessment|forecast)(?: (?:released|published|conducted|taken|out|last|this|earlier)\b[^,]{0,40})?,")
# a quotation signed with a dash after its closing mark
_DASH_CHARS = re.compile(r"[\"”»'][ \t]*(?:[―—–-]|--)")
_LOWER_WORDS = re.compile(r"[a-z]+")


@dataclass
class Found:
    """A claim while the article is being read (plain data; models are built at the end)."""

    frags: list[Span]
    attribution: str
    cue: Span | None = None
    sources: list[Src] = field(default_factory=list)
    relayed_by: list[Src] = field(default_factory=list)
    para: int = 0
    kind: str = "speech"  # which cue class found it: speech, belief, evidence, stance
    # content opened with a quotation that continues (multi-paragraph quotes)
    direct: bool = False


def _plural_noun(w: str) -> bool:
    """A lower-case plural noun that can be the subject of a present-tense verb ("observers", "analysts")."""
    return len(w) > 4 and w.isalpha() and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous")) \
        and w not in ARTICLES and w not in DETERMINERS and w not in TRAILER_START and w not in VERB_CUES




def trim_span(text: str, s: int, e: int) -> Span:
    """Strip spaces, a leading "that"/comma and a trailing comma or full stop outside quotes."""
    while s < e and (text[s].isspace() or text[s] in ",;:—–"):
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] in ",;:—–-"):
        e -= 1
    if e > s and text[e - 1] in ".!?" and not text[s] in "\"“'":
        e -= 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def _title_case(words: list[str]) -> bool:
    alpha = [x for x in words if x[:1].isalpha()]
    return len(alpha) >= 4 and sum(1 for x in alpha if x[:1].isupper()) >= 0.7 * len(alpha)


class Reader:
    def __init__(self, text: str, ctx: Context) -> None:
        self.text = text
        self.ctx = ctx
        self.claims: list[Found] = []

    # -- one sentence ------------------------------------------------------------------------
    def sentence(self, s: int, e: int, quotes: list[Span], para: int, heading: bool = False) -> list[Found]:
        text = self.text
        # most sentences hold no cue at all: a C-speed word scan spares them the tokenizer
        chunk = text[s:e]
        low_text = lowered(text)
        if (SCAN_WORDS.isdisjoint(_LOWER_WORDS.findall(chunk.lower()) if low_text is None else _LOWER_WORDS.findall(low_text, s, e))
                and ":" not in chunk[:80]
                and not _DASH_CHARS.search(chunk) and not _IN_DOCUMENT.match(chunk)):
            return []
        dl = _DATELINE.match(text, s, e)
        if dl:
            s = dl.end()  # "PARIS, Aug 31 (Reuters) - ": where and who filed, not part of any claim
        toks = tokenize(text, s, e, quotes)
        n = len(toks)
        out: list[Found] = []
        lows, words = toks.lows, toks.words
        f = self._colon(toks, para)
        if f:
            out.append(f)
        if lows and lows[0] == "in":
            f = self._in_document(toks, para)
            if f:
                out.append(f)
        # a headline set as a sentence: most words capitalised ("Mayor Says Ferry Will Run.")
        title_case: bool | None = None  # worked out only when a capitalised cue needs it
        # only cue candidates matter; picking them out at C speed skips the loop over every other word
        for i in compress(range(n), map(CANDIDATES.__contains__, lows)):
            if toks.inq[i]:
                continue
            low = lows[i]
            w = words[i]
            if w in DASH_CUES:
                if i > 1 and (words[i - 1] in CLOSE_QUOTES or (words[i - 1] in STRAIGHT_QUOTES and toks.inq[i - 2])):
                    f = self._dash(toks, i, para)
                    if f:
                        out.append(f)
                continue
            if low == "according":
                if i + 1 < n and lows[i + 1] == "to":
                    f = self._according(toks, i, s, e, para)
                    if f:
                        out.append(f)
                continue
            if low in AS_REPORTED and i + 1 < n and lows[i + 1] == "by" and i > 0:
                j = i - 2 if i > 1 and lows[i - 1] in AS_REPORTED_FIRST else i - 1
                if lows[j] == "as":
                    f = self._according(toks, j, s, e, para, last=i + 1)
                    if f:
                        out.append(f)
                        continue
            if w[:1].isupper() and (heading or title_case or (title_case is None and (title_case := _title_case(words)))):
                f = self._headline_cue(toks, i, para)
                if f:
                    out.append(f)
                continue
            if w[:1].isupper() and i > 0 and words[i - 1] not in QUOTE_MARKS:
                continue
            if low in FRAME_VERBS and any(lows[k] in FRAME_NOUNS for k in range(i + 1, min(n, i + 4))):
                f = self._frame(toks, i, para)
                if f:
                    out.append(f)
                continue
            if low in BELIEF_THAT and i > 1 and i + 2 < n and lows[i + 1] == "that" and (
                    lows[i - 1] in BELIEF_LINKS if not low.endswith("s") else lows[i - 1] not in ARTICLES and not is_possessive(words[i - 1])):
                f = self._belief_that(toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in NOUN_CUES and i > 0 and i + 2 < n and lows[i + 1] in NOUN_CUES[low]:
                f = self._noun_cue(toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in PHRASE_VERBS:
                f = self._phrase(toks, i, e, para)
                if f:
                    out.append(f)
                continue
            if low in VERB_CUES:
                f = self._verb(toks, i, s, e, para, out)
                if f:
                    out.append(f)
        return out

    def _phrase(self, toks: Tokens, i: int, e: int, para: int) -> Found | None:
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
        end = k
        if end + 1 < n and lows[end + 1] in PHRASE_LINKS and lows[k] != "it":
            end += 1
        speech = lows[k] in PHRASE_SPEECH
        lemma, klass = ("say", "speech") if speech else ("criticize", "stance")
        j, passive = skip_aux(toks, i)
        if passive or (lows[k] == "it" and (j < 0 or lows[j] in ARTICLES)):
            return None
        cue = (toks.starts[i], toks.ends[end])
        if lows[k] == "it" and j >= 0 and (end + 1 >= n or toks.words[end + 1] in (".", "!", "?") or toks.words[end + 1] in QUOTE_MARKS and end + 2 >= n):
            # "“...,” as the mayor put it.": the content is before "as"
            np = left_np(toks, j)
            if np is None or np[0] < 2 or lows[np[0] - 1] != "as":
                return None
            content, direct = self._content_before(toks, self._before(toks, np[0] - 1))
            if not content:
                return None
            return Found(content, "direct" if direct else "indirect", cue, self._src_list(toks, *np), [], para, direct=direct)
        # "put it" is never inverted ("…, put it X"): its speaker is before the verb
        who = self._speaker(toks, i, j, lemma, "stance" if lows[k] == "it" else klass)
        if who is None or not who[0]:
            return None
        sources, src_start, inverted, after_src = who
        return self._content(toks, end, e, para, lemma, klass, cue, sources, src_start, inverted, after_src)

    def _headline_cue(self, toks: Tokens, i: int, para: int) -> Found | None:
        """"Mayor Says Ferry Will Run" / "Ferry Will Run, Mayor Says": a headline's speaker."""
        words, lows = toks.words, toks.lows
        n = len(toks)
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
        sources = self._src_list(toks, a, z)
        if a == 0 or words[a - 1] in ("—", "–", "-", "--", ":", ";", "|"):
            f = self._frag(toks, i + 1, n - 1) if i + 1 < n else None
        elif words[a - 1] == ",":
            f = self._frag(toks, 0, a - 2) if a >= 2 else None
        else:
            return None
        if not f or not sources:
            return None
        return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para)

    def _src_list(self, toks: Tokens, a: int, b: int) -> list[Src]:
        out = []
        for x, y in split_sources(self.text, toks, a, b):
            mention, span, ws = mention_of(self.text, toks, x, y)
            out.append(describe(self.ctx, mention, span, ws, span[0]))
        return out

    def _relative_source(self, toks: Tokens, k: int) -> list[Src]:
        """"..., who said": the mention is the relative pronoun, the source its antecedent."""
        j = k - 1
        if j >= 0 and toks.words[j] == ",":
            j -= 1
        ante = left_np(toks, j) if j >= 0 else None
        mention, span, _ = mention_of(self.text, toks, k, k)
        if ante is None:
            return []
        am, aspan, aws = mention_of(self.text, toks, ante[0], ante[1])
        src = describe(self.ctx, am, aspan, aws, aspan[0])
        return [Src(mention, span, src.canonical, src.kind)]

    def _content_after(self, toks: Tokens, i: int, e: int, lemma: str) -> tuple[int, int] | None:
        """Token range of what follows the cue at ``i`` (skipping a listener and "that")."""
        n = len(toks)
        lows, words = toks.lows, toks.words
        a = i + 1
        if a < n and lows[a] in ("out", "up") and lemma in ("point", "add"):
            a += 1
        # "said on Monday that ...", "told reporters that ..."
        for k in range(a, min(n, a + 10)):
            if toks.inq[k] or words[k] in (",", ";") and lemma not in LISTENER:
                break
            if (lows[k] == "that" or (lows[k] in ("whether", "if") and k == a)) and not toks.inq[k]:
                a = k + 1
                break
            if lows[k] in SUBJECT_PRONOUNS or lows[k] in SPEECH_FORMS or lows[k] in BELIEF_FORMS or lows[k] in CLAUSE_VERBS:
                break  # a clause has begun: "said the plan would fail if ..." keeps its subject
            if lows[k] in ("”", '"') or words[k] in OPEN_QUOTES:
                break
        if a == i + 1 and lemma in LISTENER:
            a = self._skip_listener(toks, a)
        for k in range(a, min(n, a + 8)):
            if toks.inq[k]:
                break
            if words[k] == ":":
                a = k + 1
                break
        # stop at a later ", according to" or ", adding" that starts another claim of the sentence,
        # and before a closing ", records show." / ", officials said.", which is a claim of its own
        b = n - 1
        tail = self._closing_attribution(toks)
        if tail is not None and tail > a:
            b = tail - 1
        for k in range(a, min(n, a + 120)):  # bounded: a run-on "sentence" must not make every cue scan it
            if toks.inq[k]:
                continue
            if words[k] == "," and k + 1 < n and not toks.inq[k + 1] and (
                lows[k + 1] in PARTICIPLES or (lows[k + 1] == "according" and k + 2 < n and lows[k + 2] == "to")
            ):
                b = k - 1
                break
        if a > b:
            return None
        return a, b

    def _closing_attribution(self, toks: Tokens) -> int | None:
        """The comma of a sentence that ends ", officials said." or ", records show.", if it does."""
        n = len(toks)
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

    def _skip_listener(self, toks: Tokens, a: int) -> int:
        """Past the listener of "told reporters ...", "told the Daily Post ...", "told him ..."."""
        n = len(toks)
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
            # "told a Senate panel Wednesday": a common noun may close the listener's name
            if k + 1 < n and words[k][:1].islower() and lows[k] not in STOP and (lows[k + 1] in TRAILER_START or words[k + 1] in (".", ",") or lows[k + 1] == "that"):
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

    def _frag(self, toks: Tokens, a: int, b: int) -> Span | None:
        s, e = trim_span(self.text, toks.starts[a], toks.ends[b])
        if e - s < 2:
            return None
        return s, e

    def _before(self, toks: Tokens, a: int) -> int:
        """Index of the last token of the content before the source starting at ``a``."""
        j = a - 1
        while j >= 0 and toks.words[j] in (",", "—", "–", "--", "-"):
            j -= 1
        return j

    def _verb(self, toks: Tokens, i: int, s: int, e: int, para: int, prior: list[Found]) -> Found | None:
        lows, words = toks.lows, toks.words
        low = lows[i]
        if low in SPEECH_FORMS:
            lemma, tense = SPEECH_FORMS[low]
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
        if self._not_a_verb(toks, i, lemma, tense, klass):
            return None
        cue: Span = (toks.starts[i], toks.ends[i])
        if tense == "ing":
            decided, found = self._participle(toks, i, e, para, prior, lemma, cue)
            if decided:
                return found
        j, passive = skip_aux(toks, i)
        passive = tense == "past" and (passive or (i > 0 and lows[i - 1] == "as" and i + 1 < len(toks) and lows[i + 1] == "by"))
        if tense == "base" and j >= 1 and lows[j] == "to" and not toks.inq[j]:
            # "X went on to say ...", "X declined to say ...": the subject of the verb before "to"
            k = j - 1
            while k >= 0 and lows[k] in ("on", "out", "up", "not", "never", "also", "quick", "eager", "willing", "unwilling", "reluctant", "ready", "so", "far", "as"):
                k -= 1
            if k < 0 or not (lows[k] in CONTROL_VERBS or lows[k] in BE):
                return None
            if lows[k].endswith("ing") and k > 0 and words[k - 1] == "," and prior:
                # "“...,” Roe said, going on to say that ...": the same speaker goes on
                ca = self._content_after(toks, i, e, lemma)
                f = self._frag(toks, *ca) if ca else None
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
            return self._passive(toks, i, j, e, para, lemma, klass, cue)
        who = self._speaker(toks, i, j, lemma, klass)
        if who is None:
            return None
        sources, src_start, inverted, after_src = who
        if not sources:
            return None
        if lemma in PHYSICAL and any(src.mention.lower().rsplit(None, 1)[-1] in ARMED for src in sources):
            return None  # "Russian troops attacked the village": a military action the outlet reports, not a stance
        return self._content(toks, i, e, para, lemma, klass, cue, sources, src_start, inverted, after_src)

    def _not_a_verb(self, toks: Tokens, i: int, lemma: str, tense: str, klass: str) -> bool:
        """The cue word is a noun or adjective here ("the report", "a call for", "think tank")."""
        n = len(toks)
        lows, words = toks.lows, toks.words
        low = lows[i]
        prev = lows[i - 1] if i > 0 else ""
        # a noun, not a verb: "the report", "his claims", "a note"
        if (tense in ("base", "third") or tense == "past") and (prev in ARTICLES or is_possessive(words[i - 1] if i else "")):
            # "his repeated offenses", "the alleged plot": an adjective, not a verb
            return True
        nxt = lows[i + 1] if i + 1 < n else ""
        pw0 = words[i - 1] if i else ""
        if prev in ("of", "for", "a", "an") and tense in ("base", "third"):
            return True  # "a note of caution", "a call for"
        if tense == "past" and (prev[:1].isdigit() or prev in ("of", "fewer", "more", "include", "includes")) and nxt.endswith("s") and nxt.isalpha():
            return True  # "758 pledged delegates", "the count of reported cases": an adjective
        if (lemma == "think" and nxt == "tank") or (lemma == "push" and nxt in ("through", "ahead")) \
                or (lemma in ("decline", "continue") and nxt != "to" and lemma == "decline") or (lemma == "continue" and nxt == "to"):
            return True  # "think tank", "pushed through", "declined slightly", "continued to stay away"
        if lemma in ("plan", "intend") and (nxt != "to" or prev in ("own", "new", "better", "to") or (prev.endswith("ed") and prev.isalpha())):
            return True  # an intention only as "X plans to ...": "his plans for", "a retirement plan" are nouns
        if klass == "stance" and tense == "past" and nxt == "by" and prev not in BE and prev not in ("has", "have", "had"):
            return True  # "the plan offered by the mayor", "debt issued by the bank": a reduced passive
        if low == "called" and (prev in ("now", "formerly", "aptly") or (i > 1 and lows[i - 2] in ("a", "an") and prev.isalpha() and not is_cap(pw0)
                                                                                                     and i + 1 < n and (is_cap(words[i + 1]) or words[i + 1] in QUOTE_MARKS or words[i + 1][:1] == "#"))):
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
        if lemma in RELEASE_VERBS and any(lows[k] in MEDIA for k in range(i + 1, min(n, i + 4))):
            return True  # "posted photos of the men": what a picture shows carries the account on, it says nothing
        if lemma in RELEASE_VERBS and not any(lows[k] in WRITINGS for k in range(i + 1, min(n, i + 6))):
            return True  # "released a statement" says something; "released 50 prisoners" is an event
        if low in ("called", "named", "dubbed") and i + 1 < n and is_cap(words[i + 1]):
            k = i + 1
            while k < n and (is_cap(words[k]) or lows[k] in ("of", "the", "for", "and")) and not toks.inq[k]:
                k += 1
            if k < n and (lows[k] in CLAUSE_VERBS or lows[k] in BE):
                return True  # "a super PAC called Our Principles is ...": a name, not a stance
        if lemma in PREP_VERBS and nxt not in PREP_VERBS[lemma]:
            return True  # a stance only with its preposition: "voted for X", "focused on X", "spoke out against X"
        if lemma in ("see", "view"):
            # a judgement only as "X sees/views Y as Z"; "we'll see", "the view from" are not attributions
            if prev in BE or tense == "ing" or prev in ARTICLES:
                return True
            k = i + 1
            while k < min(n, i + 9) and lows[k] != "as" and words[k] not in (",", ".", ";", ":"):
                k += 1
            if k >= n or lows[k] != "as" or k == i + 1:
                return True
        pw = words[i - 1] if i else ""
        if (low in NOUNISH or (klass == "stance" and tense != "past")) and not (tense == "ing" and ((low in PARTICIPLES and prev in (",", "—", "–", "and", "by")) or prev in BE)):
            # (", citing ...", "by praising ..." are participles that the participle step reads)
            # "questions", "claims", "support": a verb only after a name, a pronoun, "who" or an auxiliary
            subj_like = (is_cap(pw) and prev not in DETERMINERS and prev not in CAP_WORDS) or prev in ("he", "she", "it", "who", "which", "also", "that", "and") or (prev.endswith("ly") and len(prev) > 4) \
                or (tense == "base" and prev == "to" and klass != "stance") \
                or (tense == "third" and prev == "," and nxt == "that" and klass != "stance") \
                or (tense == "base" and klass != "stance" and _plural_noun(prev) and nxt.isalpha() and nxt not in NOT_A_CLAUSE) \
                or (tense == "third" and klass != "stance" and i > 1 and lows[i - 2] in ("the", "a", "an", "this", "that") and prev.isalpha()
                    and not prev.endswith("s") and nxt.isalpha() and nxt not in NOT_A_CLAUSE and nxt not in CLAUSE_VERBS)  # "The candidate claims his ..."
            if klass == "stance" and tense == "base" and prev in GROUP_SUBJECTS and (nxt in TRAILER_START or nxt in NP_END or nxt in ("among", "gives", "give")):
                return True  # "48% support in the state", "38 percent support;": a share, not a stance
            if klass == "stance" and tense == "base":
                subj_like = prev in ("to", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "not", "never", "they", "we", "i", "you") \
                    or prev in GROUP_SUBJECTS  # "47 percent support ...", "voters who oppose ..."
            if klass == "stance" and tense in ("third", "ing") and low not in NOUNISH and prev.isalpha() and prev not in DETERMINERS and prev not in ARTICLES \
                    and prev not in TRAILER_START and prev not in CAP_WORDS:
                subj_like = True  # "the mayor criticizes ...", "the board praising ...": an unambiguous verb form after a noun
            if not subj_like:
                return True
        return False

    def _participle(self, toks: Tokens, i: int, e: int, para: int, prior: list[Found], lemma: str,
                    cue: Span) -> tuple[bool, Found | None]:
        """"..., saying ...", "Declaring ..., X ...", "polls showing ...": (decided, claim).

        Undecided for "is saying", which reads on as a finite verb.
        """
        n = len(toks)
        lows, words = toks.lows, toks.words
        low = lows[i]
        if low in PARTICIPLES and i > 1 and lows[i - 1] == "and" and prior and prior[-1].cue and toks.starts[i] - prior[-1].cue[1] < 400:
            # "..., pointing to his record and saying that ...": the same speaker goes on
            ca = self._content_after(toks, i, e, lemma)
            f = self._frag(toks, *ca) if ca else None
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
                    ca = self._content_after(toks, i, e, lemma)
                    f = self._frag(toks, ca[0], min(ca[1], k - 1)) if ca and ca[0] <= k - 1 else None
                    if not f:
                        return True, None
                    return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
            return True, None
        if low in PARTICIPLES and i > 1 and words[i - 1] == "," and not prior:
            # "Mr. Roe, recalling the flood, said ...": the participle hangs on the subject before it
            np = left_np(toks, i - 2)
            if np is not None and (np[0] == 0 or words[np[0] - 1] == ",") and (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS):
                ca = self._content_after(toks, i, e, lemma)
                if ca:
                    # the aside ends where the main verb comes in: "..., described her as tough"
                    for k in range(ca[0], ca[1]):
                        if words[k] == "," and lows[k + 1] in VERB_CUES:
                            ca = (ca[0], k - 1)
                            break
                f = self._frag(toks, *ca) if ca else None
                if f:
                    return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
        if low in PARTICIPLES and i > 0 and words[i - 1] in (",", "—", "–"):
            ca = self._content_after(toks, i, e, lemma)
            if not ca:
                return True, None
            f = self._frag(toks, *ca)
            if not f:
                return True, None
            if prior:
                last = prior[-1]
                return True, Found([f], "indirect", cue, list(last.sources), list(last.relayed_by), para)
            np = self._clause_subject(toks, i - 1) or self._subject(toks, i - 1)
            if np is None:
                return True, None
            return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
        if low in PARTICIPLES and i == 1 and lows[0] in ("after", "while", "before", "upon", "when", "since"):
            # "While saying that he respects her, the senator ...": the main clause's subject after the comma
            for k in range(2, n - 1):
                if words[k] == "," and not toks.inq[k]:
                    np = right_np(toks, k + 1)
                    ca = self._content_after(toks, i, e, lemma)
                    f = self._frag(toks, ca[0], min(ca[1], k - 1)) if ca and np and ca[0] <= k - 1 else None
                    if not f or not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                        return True, None
                    return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
            return True, None
        if low in PARTICIPLES and i > 0 and lows[i - 1] in ("by", "before", "after", "while", "when", "without"):
            # "X rallied support by saying ...", "X said ... before adding: ...": the same speaker
            ca = self._content_after(toks, i, e, lemma)
            f = self._frag(toks, *ca) if ca else None
            if not f:
                return True, None
            if prior:
                return True, Found([f], "indirect", cue, list(prior[-1].sources), list(prior[-1].relayed_by), para)
            np = self._subject(toks, i - 1)
            if np is None:
                return True, None
            return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
        if (low in PARTICIPLES or low in EVIDENCE_PARTICIPLES) and i > 0 and not (lows[i - 1] in BE or lows[i - 1] in BE_NOT or lows[i - 1] == "as"):
            # "with 47 percent of voters saying ...", "Mr. Roe calling the plan a fraud", "polls showing ..."
            np = left_np(toks, i - 1)
            if np is not None and np[0] > 1 and lows[np[1]] in SIGNS and low in PARTICIPLES and not toks.inq[np[1]] \
                    and not (lows[np[0] - 1] in SEND_VERBS or lows[np[0] - 2] in SEND_VERBS):
                # "held up a sign saying ...", "911 calls saying ...": the message is what speaks
                ca = self._content_after(toks, i, e, lemma)
                f = self._frag(toks, *ca) if ca else None
                if f:
                    return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
            if np is not None and np[0] > 1 and lows[np[1]] in MESSAGES and low in PARTICIPLES \
                    and lows[np[0] - 1] not in ("with", ",", "and") and words[np[0] - 1].isalpha():
                # "X sent out a statement saying ...", "X emailed supporters saying ...": X says it
                subj = self._subject(toks, np[0])
                if subj:
                    cut = next((k for k in range(subj[0] + 1, subj[1] + 1) if lows[k] in SEND_VERBS), None)
                    subj = (subj[0], cut - 1) if cut else subj  # "Rubio's campaign sent out ...": the subject ends at the verb
                ca = self._content_after(toks, i, e, lemma) if subj else None
                f = self._frag(toks, *ca) if ca else None
                if f:
                    return True, Found([f], "indirect", cue, self._src_list(toks, *subj), [], para)
            if np is not None and low in BACKING and np[0] > 0 and lows[np[1]] not in TIME_NOUNS and not toks.inq[np[1]]:
                # "super PACs supporting Mr. Cruz", "those backing the bill": the phrase takes a side
                obj = right_np(toks, i + 1)
                f = self._frag(toks, *obj) if obj else None
                if f:
                    return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para, kind="stance")
            if np is not None:
                np = self._with_pp(toks, np)  # "with the campaign of the senator from Ohio saying ..."
            if np is None or not (np[0] == 0 or lows[np[0] - 1] in ("with", ",", "and")):
                return True, None
            if low in EVIDENCE_PARTICIPLES and lows[np[1]] not in EVIDENCE_NOUNS:
                return True, None
            ca = self._content_after(toks, i, e, lemma)
            f = self._frag(toks, *ca) if ca else None
            if not f:
                return True, None
            return True, Found([f], "indirect", cue, self._src_list(toks, *np), [], para)
        if not (i > 0 and (lows[i - 1] in BE or lows[i - 1] in BE_NOT or (lows[i - 1] == "as" and i > 1 and lows[i - 2] == "quoted"))):
            return True, None
        return False, None

    def _passive(self, toks: Tokens, i: int, j: int, e: int, para: int, lemma: str, klass: str, cue: Span) -> Found | None:
        """"it was reported by X that ...", "X was told by Y ...", "it is believed that ..."."""
        text = self.text
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
            sources = self._src_list(toks, *np)
            ca = self._content_after(toks, np[1], e, lemma)
            if ca is None or self._is_trailer(toks, ca[0], ca[1]):
                # "The ban was first reported by BuzzFeed.": what was reported is the subject
                k = j
                while k >= 0 and lows[k] in PASSIVE_AUX:
                    k -= 1
                if k >= 0:
                    before, _ = self._content_before(toks, k)
                    if before:
                        return Found(before, "indirect", cue, sources, [], para, kind=klass)
                return None
        elif j >= 0 and lows[j] in ("it", "this") and low in VAGUE_PASSIVES:
            mention, span, _ = mention_of(text, toks, j, j)
            sources = [Src(mention, span, "unspecified", "vague")]
            cue = (toks.starts[j + 1], toks.ends[i])
            ca = self._content_after(toks, i, e, lemma)
        else:
            return None
        if not ca:
            return None
        f = self._frag(toks, *ca)
        if not f:
            return None
        return Found([f], "indirect", cue, sources, [], para)

    def _evidence_head(self, toks: Tokens, np: tuple[int, int]) -> tuple[int, int] | None:
        """"A poll of 600 voters released Monday shows ...": the document heads the phrase before the verb."""
        lows, words = toks.lows, toks.words
        for k in range(np[1] - 1, max(-1, np[0] - 12), -1):
            if words[k] in CLAUSE_BREAKS or toks.inq[k] or lows[k] in CLAUSE_VERBS or lows[k] in RELATIVES \
                    or lows[k] in ("that", "whether", "if") or lows[k] in VERB_CUES:
                break
            if lows[k] in EVIDENCE_NOUNS and lows[k] not in ("model", "models", "count"):
                inner = left_np(toks, k)
                if inner is not None and inner[1] == k:
                    return (inner[0], np[1])
                break
        return None

    def _before_relative(self, toks: Tokens, np: tuple[int, int]) -> tuple[int, int]:
        """"Officials who spoke with the Record said ...": the speaker is before "who", not the Record."""
        lows, words = toks.lows, toks.words
        k = np[0] - 1
        lim = max(0, np[0] - 14)
        while k > lim and lows[k] != "who" and words[k] not in CLAUSE_BREAKS:
            k -= 1
        if k > 0 and lows[k] == "who" and not toks.inq[k]:
            outer = left_np(toks, k - 1)
            if outer is not None and outer[1] == k - 1:
                return outer
        return np

    def _speaker(self, toks: Tokens, i: int, j: int, lemma: str, klass: str) -> tuple[list[Src], int, bool, int] | None:
        """Who says it: a relative, the subject before the verb or, inverted, the phrase after it.

        Returns (sources, first token of the source, inverted, last token of an inverted source).
        """
        n = len(toks)
        lows, words = toks.lows, toks.words
        sources: list[Src] = []
        np = None
        inverted = False
        after_src = -1
        if j >= 0 and lows[j] in RELATIVES and not toks.inq[j]:
            sources = self._relative_source(toks, j)
            src_start = j
        else:
            if j >= 0 and (words[j] in (",", "—", "–", "--") or words[j] in QUOTE_MARKS):
                # "..., said the official." (inverted) or "X, a spokesman, said ..." (an aside)
                rn = right_np(toks, i + 1)
                inverted_here = rn is not None and klass == "speech" and (
                    rn[1] + 1 >= n or words[rn[1] + 1] in (",", ".", ";", "—", "–", "!", "?") or words[rn[1] + 1] in QUOTE_MARKS
                )
                if inverted_here and not any(is_cap(words[x]) or lows[x] in DETERMINERS or lows[x] in SUBJECT_PRONOUNS for x in range(rn[0], rn[1] + 1)):
                    inverted_here = False
                if lemma in LISTENER:
                    inverted_here = False  # "..., his aide told The Daily Post": after "told" comes the listener
                np = self._aside_np(toks, j)
                if inverted_here and not (np is not None and np[0] == 0):
                    np = None
                if np is None and not inverted_here and words[j] == "," and j >= 1:
                    # "Gov. Jane Roe (R-OH), said ...": a stray comma between subject and verb
                    cand = left_np(toks, j - 1)
                    if cand is not None and (cand[0] == 0 or words[cand[0] - 1] == ",") and is_cap(words[cand[0]]):
                        np = cand
            elif j >= 0:
                np = left_np(toks, j)
                if np is not None:
                    np = self._before_relative(toks, np)
            if np is not None and klass == "stance" and lemma in PERSON_ONLY:
                named = is_cap(words[np[1]]) and lows[np[1]] not in CAP_WORDS
                if not (named or lows[np[1]] in SUBJECT_PRONOUNS or lows[np[1]] in RELATIVES):
                    return None
            headed = None
            if klass == "evidence" and j >= 0 and words[j] not in CLAUSE_BREAKS and (np is None or lows[np[1]] not in EVIDENCE_NOUNS):
                headed = self._evidence_head(toks, np if np is not None else (j + 1, j))
                np = headed or np
            if np is not None and klass == "evidence" and headed is None:
                # "the poll shows", "Bloomberg New Energy Finance found"; not "he found the area welcoming"
                if lows[np[1]] not in EVIDENCE_NOUNS and lows[np[1]] not in ("it", "they") and not (is_cap(words[np[1]]) and lemma in ("find", "conclude", "estimate", "project", "predict", "calculate")) \
                        and not (i + 1 < n and lows[i + 1] == "that"):  # "their experience shows that ...", "X calculated that ..."
                    return None
            if np is not None:
                sources = self._src_list(toks, *np)
                src_start = np[0]
            elif j > 0 and lows[j] in ("and", "but") and klass in ("speech", "belief") and self._subject(toks, j) is not None:
                # "X visited the plant and said ...": the subject of the clause speaks
                np = self._subject(toks, j)
                sources = self._src_list(toks, *np)
                src_start = j + 1
            elif klass == "speech" and lemma not in LISTENER and (j < 0 or words[j] in (",", "—", "–", "--") or (words[j] in QUOTE_MARKS and j > 0 and toks.inq[j - 1])):
                # inverted order: "..., said the official."
                rn = right_np(toks, i + 1)
                if rn is None:
                    return None
                if not any(is_cap(words[x]) or lows[x] in DETERMINERS or lows[x] in SUBJECT_PRONOUNS for x in range(rn[0], rn[1] + 1)):
                    return None  # "..., say taxing consumption helps": no speaker after the verb
                after_quote = j >= 0 and (words[j] in QUOTE_MARKS)
                if not after_quote and rn[1] + 1 < n and not (words[rn[1] + 1] in (",", ".", ";", "—", "–", "!", "?", "(") or words[rn[1] + 1] in QUOTE_MARKS
                                                              or lows[rn[1] + 1] in TRAILER_START):
                    return None  # "“...,” said the plan would fail": not a speaker after the verb
                sources = self._src_list(toks, *rn)
                inverted = True
                src_start = i
                after_src = rn[1]
            else:
                return None
        return sources, src_start, inverted, after_src

    def _content(self, toks: Tokens, i: int, e: int, para: int, lemma: str, klass: str, cue: Span,
                 sources: list[Src], src_start: int, inverted: bool, after_src: int) -> Found | None:
        """What was said: after the verb, before the source, or around both."""
        text = self.text
        n = len(toks)
        lows, words = toks.lows, toks.words
        content: list[Span] = []
        direct = False
        ca = None
        if inverted:
            cb = self._before(toks, i)
            if cb < 0:
                return None
            content, direct = self._content_before(toks, cb)
            # "“...,” said X, “...”": the quotation resumes after the source
            content += self._resume(toks, after_src)
        else:
            pre = src_start - 1
            closing = pre > 0 and words[pre] in QUOTE_MARKS and toks.inq[pre - 1]
            final = pre >= 0 and not self._intro_comma(toks, pre) and (words[pre] in (",", "—", "–", "--", "―") or closing)
            quote_before = final and (closing or (words[pre] == "," and pre > 0 and words[pre - 1] in QUOTE_MARKS))
            if quote_before:
                # only a quotation that opens the sentence or clause: not "Bemoaning the "system," X said"
                qe = pre - 1 if words[pre] == "," else pre
                k = qe - 1
                while k >= 0 and toks.inq[k]:
                    k -= 1
                quote_before = k >= 0 and words[k] in QUOTE_MARKS and (k == 0 or words[k - 1] in (",", ":", ";", "—", "–", "(", ")", ".", "?", "!"))
            ca = self._content_after(toks, i, e, lemma)
            if quote_before:
                content, direct = self._content_before(toks, self._before(toks, src_start))
                content += self._resume(toks, i)
            elif final and i + 1 < n and words[i + 1] == "," and ca is not None and not (i + 2 < n and lows[i + 2] in PARTICIPLES):
                # "The plan, he said, will fail": content on both sides
                content, _ = self._content_before(toks, self._before(toks, src_start))
                f = self._frag(toks, *ca)
                if f:
                    content.append(f)
            elif final and (ca is None or self._is_trailer(toks, ca[0], ca[1])):
                content, direct = self._content_before(toks, self._before(toks, src_start))
                if ca is not None:
                    content += self._resume(toks, i)
            elif ca is not None:
                f = self._frag(toks, *ca)
                if f:
                    content = [f]
                    direct = text[f[0]] in "“\"'`«„" and text[f[1] - 1] in "”\"'»“"
        if not content and not inverted and src_start >= 2 and lows[src_start - 1] == "as" and words[src_start - 2] == "," \
                and (ca is None or self._is_trailer(toks, ca[0], ca[1])):
            # "..., as police have said.": what was said comes before "as"
            content, direct = self._content_before(toks, self._before(toks, src_start - 1))
        if not content:
            if ca is None and not inverted and self._colon_ends(toks, i):
                # "X said:" closing a paragraph: the statement is the next paragraph
                return Found([], "indirect", cue, sources, [], para)
            return None
        return Found(content, "direct" if direct else "indirect", cue, sources, [], para, direct=direct, kind=klass)

    def _colon_ends(self, toks: Tokens, i: int) -> bool:
        k = i + 1
        n = len(toks)
        while k < n and toks.words[k] != ":" and k < i + 8:
            k += 1
        return k == n - 1 and toks.words[k] == ":"

    def _aside_np(self, toks: Tokens, j: int) -> tuple[int, int] | None:
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
            # "Legislative leaders in North Carolina, for instance, noted": the phrase the place belongs to
            np = self._with_pp(toks, np, PP_LINKS, 10)
            a = np[0]
            if a == 1 and lows[0] in SENTENCE_ADVERBS and is_cap(words[1]):
                a = 0  # "Meanwhile Rihanna, who ..., spoke about ..."
                np = (1, np[1])
            if not (a == 0 or words[a - 1] in (",", "—", "–", "--", ";", ":") or lows[a - 1] in ("and", "but", "while", "as", "because", "though", "although", "so", "yet", "still", "that", "when", "after", "before", "since", "if", "where", "until", "once")
                    or words[a - 1] in QUOTE_MARKS):
                continue
            if not (is_cap(words[np[1]]) or lows[np[1]] in SUBJECT_PRONOUNS or lows[np[1]] in ANON_HEADS or is_cap(words[a])
                    or lows[np[0]] in DETERMINERS):
                continue
            best = (np, c1)
            break
        if best is None:
            return self._relative_subject(toks, j)
        np, c1 = best
        first = lows[c1 + 1]
        if words[c1] == "," and (first in ("a", "an", "the") or is_cap(words[c1 + 1])) and first not in RELATIVES and j - c1 <= 12:
            # a short apposition belongs to the source phrase; a long one would bury the name
            name_len = toks.ends[np[1]] - toks.starts[np[0]]
            if toks.ends[j - 1] - toks.starts[np[0]] <= 3 * name_len + 20:
                return (np[0], j - 1)
        return np

    def _relative_subject(self, toks: Tokens, j: int) -> tuple[int, int] | None:
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

    def _intro_comma(self, toks: Tokens, pre: int) -> bool:
        """"On Saturday, X said ...": the comma closes an introductory phrase, not a content."""
        if toks.words[pre] != "," or pre > 7:
            return False
        lows = toks.lows
        first = lows[0]
        if first in ("this", "last", "that") and lows[1] not in TIME_NOUNS:
            return False  # "This is not about me, X told ...": a clause, not "This week, ..."
        if first in CONJUNCTIONS and pre > 1:
            # "But on Monday, X said": a phrase follows the conjunction; "But he left, he said": a clause
            second = lows[1]
            return second in TRAILER_START or second in INTRO_WORDS or second.endswith("ly") or second == ","
        return first in TRAILER_START or first in INTRO_WORDS or (first.endswith("ly") and pre <= 2)

    def _is_trailer(self, toks: Tokens, a: int, b: int) -> bool:
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
            if lows[k] == "on" and (nxt in TIME_NOUNS or is_cap(words[k + 1]) and nxt in WEEKDAYS or nxt in CHANNELS):
                return True
            return False
        if lows[k] in TRAILER_START or lows[k] in PARTICIPLES:
            return True
        # "told reporters.", "told The Times on Monday."
        if k == a and a > 0 and toks.lows[a - 1] in ("told", "tells", "tell", "telling"):
            m = self._skip_listener(toks, a)
            return m > b or lows[m] in TRAILER_START or words[m] in (",", ".")
        return False

    def _content_before(self, toks: Tokens, cb: int) -> tuple[list[Span], bool]:
        """The content ending at token ``cb``: the quotation that ends there, else the clause."""
        text = self.text
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
                s, e = trim_span(text, toks.starts[k], toks.ends[end_q])
                # a content that ends in a comma inside the quote keeps its marks
                return [(toks.starts[k], toks.ends[end_q])], True
        a = 0
        # start after an introductory "But," / "And" is kept: annotators keep it too
        s, e = trim_span(text, toks.starts[a], toks.ends[cb])
        if e - s < 2:
            return [], False
        return [(s, e)], False

    def _resume(self, toks: Tokens, k: int) -> list[Span]:
        """A quotation that resumes right after the source/cue: ", “... ”"."""
        n = len(toks)
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

    def _colon(self, toks: Tokens, para: int) -> Found | None:
        """"NAME: what they said" (headlines, transcripts): a short name, a colon, the statement."""
        words, lows = toks.words, toks.lows
        n = len(toks)
        c = None
        topic = None  # "Gillibrand on the transcripts: ...": the speaker ends where the topic begins
        for k in range(min(n, 14)):
            if words[k] == ":":
                c = k
                break
            if toks.inq[k]:
                return None
            if k > 0 and topic is None and lows[k] in ("on", "about", "to") and is_cap(words[k - 1]):
                topic = k
                continue
            if not (is_cap(words[k]) or lows[k] in ("’s", "'s", ".", "of", "the")) and not (topic is not None and words[k][:1].isalnum()):
                return None
            if topic is None and k >= 6:
                return None
        if not c or c + 1 >= n or lows[0] in COLON_LABELS or (lows[0] in DETERMINERS and lows[0] != "the" and not (c == 1 and words[0] == "A")):
            return None  # "A:" is an interview's answer, "A new poll:" a label
        if words[0][0].isdigit() or lows[c - 1] in ("a.m", "p.m", "am", "pm"):
            return None
        if c == 1 and lows[0] == "q":
            return None  # "Q:" is the interviewer asking, not a source making a claim
        if lows[0] == "the" and c == 2 and lows[1] == "latest":
            return None
        sources = self._src_list(toks, 0, (topic if topic is not None else c) - 1)
        f = self._frag(toks, c + 1, n - 1)
        if not f or not sources or sum(1 for x in range(c + 1, n) if words[x][:1].isalpha()) < 3:
            return None  # "Kasich: Now or never" is a slogan, not a statement
        direct = self.text[f[0]] in "“\"'`«‘"
        cue = (toks.starts[c], toks.ends[c])
        return Found([f], "direct" if direct else "indirect", cue, sources, [], para, direct=direct)

    def _dash(self, toks: Tokens, i: int, para: int) -> Found | None:
        """"“...” ― Jane Roe": a quotation signed with a dash and a name."""
        n = len(toks)
        rn = right_np(toks, i + 1)
        if rn is None or not is_cap(toks.words[rn[0]]):
            return None
        if rn[1] + 1 < n and toks.words[rn[1] + 1] not in (".", ",", ";") and not toks.words[rn[1] + 1] in QUOTE_MARKS:
            return None
        content, _ = self._content_before(toks, i - 1)
        if not content:
            return None
        sources = self._src_list(toks, *rn)
        return Found(content, "direct", (toks.starts[i], toks.ends[i]), sources, [], para, direct=True)

    def _subject(self, toks: Tokens, upto: int) -> tuple[int, int] | None:
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
            np = right_np(toks, st, upto)
            if np is not None and np[1] + 1 < upto and words[np[1] + 1] == "," and (lows[np[1]] in TIME_NOUNS or lows[st] in ("this", "last", "next", "on", "early", "late")):
                continue
            if np is None or np[1] + 1 >= upto or lows[np[1]] in TIME_NOUNS:
                continue
            nxt = lows[np[1] + 1]
            if nxt == "," and st == a and self._apposed(toks, np, upto):
                return np  # "Jane Roe, the head of the union, tied the cuts to ..., saying ..."
            if nxt in (",", "who", "which", "that") or words[np[1] + 1] in QUOTE_MARKS:
                continue
            if not (is_cap(words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                continue
            if lows[np[0]] in ("a", "an") and lows[np[1]] in TIME_NOUNS:
                continue
            return np
        return None

    def _with_pp(self, toks: Tokens, np: tuple[int, int], links: set[str] = TRAILING_PPS,
                 longest: int = 12) -> tuple[int, int]:
        """The phrase a trailing "of/from/in X" belongs to: "the campaign of the senator from Ohio"."""
        a = np[0]
        lows = toks.lows
        while a >= 2 and lows[a - 1] in links and not toks.inq[a - 2]:
            outer = left_np(toks, a - 2)
            if outer is None or outer[0] >= a - 1 or np[1] - outer[0] > longest or "." in lows[outer[0]:a]:
                break
            a = outer[0]
        return (a, np[1])

    def _clause_subject(self, toks: Tokens, upto: int) -> tuple[int, int] | None:
        """"X comes as Y is relying on Z, mentioning ...": the subject of the nearest "as/while/because" clause."""
        lows = toks.lows
        for s0 in range(upto - 2, 0, -1):
            if toks.inq[s0] or toks.words[s0] in (",", ";", ":", "—", "–"):
                continue
            if lows[s0] in SUBORDINATORS and not toks.inq[s0]:
                np = right_np(toks, s0 + 1, upto)
                if np is None or np[1] + 1 >= upto or not (is_cap(toks.words[np[0]]) or lows[np[0]] in DETERMINERS or lows[np[0]] in SUBJECT_PRONOUNS):
                    return None
                nxt = lows[np[1] + 1]
                if nxt in CLAUSE_VERBS or nxt in BE or nxt.endswith(("ed", "s")) and nxt.isalpha():
                    return np
                return None
        return None

    def _apposed(self, toks: Tokens, np: tuple[int, int], upto: int) -> bool:
        """A named subject followed by one aside in commas, then its verb: "X, who ..., has ..."."""
        words, lows = toks.words, toks.lows
        if not (is_cap(words[np[1]]) or lows[np[0]] in DETERMINERS):
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
                    and nxt not in TRAILER_START and nxt not in DETERMINERS and nxt not in CONJUNCTIONS
        return False

    def _belief_that(self, toks: Tokens, i: int, para: int) -> Found | None:
        """"The mayor is confident that ...", "the union fears that ...": the subject holds the belief."""
        k = i - 1
        while k >= 0 and toks.lows[k] in BELIEF_LINKS:
            k -= 1
        if k < 0 or toks.words[k] in CLAUSE_BREAKS:
            return None
        np = left_np(toks, k)
        if np is None:
            return None
        f = self._frag(toks, i + 2, len(toks) - 1)
        sources = self._src_list(toks, *np)
        if not f or not sources:
            return None
        return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para, kind="belief")

    def _noun_cue(self, toks: Tokens, i: int, para: int) -> Found | None:
        """"Her claim that ...", "the mayor's attacks on ...": the owner is the source, what follows the content."""
        n = len(toks)
        lows, words = toks.lows, toks.words
        o = i - 1
        if o > 0 and lows[o].isalpha() and lows[o] not in POSSESSIVE_PRONOUNS and not is_possessive(words[o]) and not is_cap(words[o]):
            o -= 1  # one adjective between: "his repeated attacks on"
        if toks.inq[o]:
            return None
        if lows[o] in POSSESSIVE_PRONOUNS:
            np = (o, o)
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
        f = self._frag(toks, i + 2 if opener != "to" else i + 1, end)
        if not f:
            return None
        sources = self._src_list(toks, *np)
        if not sources:
            return None
        return Found([f], "indirect", (toks.starts[i], toks.ends[i + 1]), sources, [], para, kind="stance")

    def _frame(self, toks: Tokens, i: int, para: int) -> Found | None:
        """"The agency provided details about ...": an account opens; what follows may inherit it."""
        j, passive = skip_aux(toks, i)
        if passive or j < 0:
            return None
        np = left_np(toks, j)
        if np is None:
            return None
        sources = self._src_list(toks, *np)
        f = self._frag(toks, i + 1, len(toks) - 1)
        if not f or not sources:
            return None
        return Found([f], "indirect", (toks.starts[i], toks.ends[i]), sources, [], para)

    def _in_document(self, toks: Tokens, para: int) -> Found | None:
        """"In a poll released Monday, 40 percent ...": the poll says what follows the comma."""
        n = len(toks)
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
        content = self._frag(toks, comma + 1, n - 1)
        if not content:
            return None
        sources = self._src_list(toks, *np)
        return Found([content], "indirect", (toks.starts[0], toks.ends[0]), sources, [], para, kind="evidence")

    def _according(self, toks: Tokens, i: int, s: int, e: int, para: int, last: int | None = None) -> Found | None:
        """ "according to X" at ``i`` (or "as first reported by X", its cue ending at ``last``)."""
        n = len(toks)
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
        sources = self._src_list(toks, a, b)
        cue = (toks.starts[i], toks.ends[last])
        content: list[Span] = []
        if i == 0 or (i <= 2 and toks.words[i - 1] in (",",)) or all(toks.lows[k] in CONJUNCTIONS or toks.words[k] == "," for k in range(i)):
            k = b + 1
            while k < n and toks.words[k] in (",",):
                k += 1
            if k < n:
                f = self._frag(toks, k, n - 1)
                if f:
                    content = [f]
        else:
            cb = self._before(toks, i)
            content, _ = self._content_before(toks, cb)
            k = b + 1
            if k < n and toks.words[k] == "," and k + 1 < n:
                f = self._frag(toks, k + 1, n - 1)
                if f and n - 1 - k > 3:
                    content.append(f)
        if not content:
            return None
        return Found(content, "indirect", cue, sources, [], para)
