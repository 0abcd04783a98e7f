"""The attribution grammar of one sentence: its cues, and the source and content of each.

For every reporting cue outside a quotation the grammar finds its source and its content. A belief or
stance inside what someone is reported to have said belongs to that report and is not a claim of its
own. The grammar reads a sentence in this order, one module for each thing it reads:

1. ``tokens.py``: the sentence as words with offsets, each marked inside a quotation or not.
2. ``Reader.sentence`` (here): picks out the cue candidates and hands each to its reader.
3. the cue, and what kind it is:
   ``verbs.py``: a reporting verb (saying, believing, showing, taking a stand): whether the word is
   a verb here, and which use of it ("X said", "..., saying", "it was reported by", "made clear that"),
   with ``participles.py`` for whose words a participle gives;
   ``frames.py``: the other cues ("according to X", "NAME:", "“...” ― X", "Mayor Says ...", "her claim
   that", "X is confident that", "X is critical of", "X provided details", "In a poll released Monday, ...");
   ``stances.py``: stances received or held ("drew criticism from X", "voted in favor of", "is worried
   about"); ``topics.py``: questions and topics ("asked by X whether", "met to discuss", "raised
   questions about"); ``relays.py``: agencies quoting and citing others ("TASS quoted X as saying").
4. ``speaker.py``: the source phrase of a verb, read leftwards over asides ("X, a spokesman, said"),
   or after the verb in inverted order ("..., said the official").
5. ``content.py``: the content: after the cue, or the quotation or clause before the source, and a
   quotation resumed after it.
6. ``phrases.py`` and ``sources.py``: where a noun phrase begins and ends, and what it names (a
   person, an organisation, an anonymous or a vague source, a pronoun's antecedent).

The words each step tests are in ``cues.py`` (the cues) and ``words.py`` (everything else). What
carries over between sentences (inherited accounts, quotations over paragraphs, the outlet's own
claims) is in ``discourse.py``.
"""

from __future__ import annotations

import re
from itertools import compress

from .cues import (
    AS_REPORTED, AS_REPORTED_FIRST, BELIEF_LINKS, BELIEF_THAT, CANDIDATES, DASH_CUES, DENY_ACCOUNT_FORMS, DENY_FORMS,
    FRAME_NOUNS, FRAME_VERBS, LIGHT_STANCES, NOUN_CUES, PHRASE_VERBS, POLLS, QUOTE_SIGNS, RECEIVED_LINKS, RECEIVED_STANCES, SCAN_WORDS,
    SHOW_FORMS, STANCE_ADJECTIVES, STANCE_ROLES, VERB_CUES, VIEW_NOUNS,
)
from .content import stop_at_siblings
from .found import Found, Span, trim_span
from .frames import (
    according_cue, belief_that_cue, colon_cue, dash_cue, frame_cue, headline_cue, in_document_cue, in_view_cue, noun_cue,
    shown_cue, trait_cue,
)
from .patterns import trie
from .phrases import mention_of, split_sources
from .questions import asked_of_you
from .relays import relay_forms
from .sentences import is_headline
from .sources import Context, Src, describe
from .stances import light_cue, received_cue
from .tokens import CLOSE_QUOTES, QUOTE_MARKS, STRAIGHT_QUOTES, Tokens, is_possessive, lowered, tokenize
from .verbs import phrase_cue, verb_cue
from .words import ARTICLES, INTRODUCING, ISSUED_TEXTS, OPENING_CONTRACTIONS, POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS

# a dateline before the story: "PARIS, Aug 31 (Reuters) - ", "AMMAN/BEIRUT, Dec 4 (Wire) - "
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ /-]{1,30}(?:,\s*[A-Z][A-Za-z.]{1,12}(?:\s*[A-Z][A-Za-z.]{1,12})?)?(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([^()]{1,40}\))?\s*(?:-|—|–|--)\s+"
)
# "KYIV: ..." opening the story: a place in capitals and a colon. Only at the start of the body, since
# later in an article "TAPPER: ..." is a transcript's speaker.
_COLON_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ /-]{2,30}(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^()]{1,40}\))?:\s+(?=\S)"
)
# "In a poll released Monday, ...": a document opening the sentence
_IN_DOCUMENT = re.compile(r"In (?:a|an|the|this|that|its|their|his|her|[A-Z])[^,]{0,80}\b(?:polls?|surveys?|study|studies|report|analysis|data|findings|research|census|audit|review|assessment|forecast)(?: (?:released|published|conducted|taken|out|last|this|earlier)\b[^,]{0,40})?,")
# a quotation signed with a dash after its closing mark
_DASH_CHARS = re.compile(r"[\"”»'][ \t]*(?:[―—–-]|--)")
# a scan word as a whole run of lower-case letters, after a character that is no such letter (the
# sentence gets a space in front): one pass that stops at the first, where listing the sentence's
# words to test each against the set took half as long again
_SCAN_WORD = re.compile(rf"[^a-z]{trie(sorted(SCAN_WORDS))}(?![a-z])")
# A cue inside the contents of this many claims of its sentence is not read. News nests reports four
# deep at most (PolNeAR train and dev: 924 articles, none deeper), but a run of "Police said
# officials said ..." would otherwise make each cue a claim running to the sentence's end: work and
# claim text growing with the square of the sentence's length.
MAX_NESTED = 8


class _Nesting:
    """Whether a cue lies inside the contents of MAX_NESTED claims of its sentence.

    Cues are read left to right, so a claim whose content ends before one cue ends before every
    later one and is let go: the claims kept are those still open, and each test costs only those.
    """

    __slots__ = ("open", "seen")

    def __init__(self) -> None:
        self.open: list[Found] = []
        self.seen = 0  # claims of the sentence already taken into ``open``

    def too_deep(self, found: list[Found], at: int) -> bool:
        self.open.extend(found[self.seen :])
        self.seen = len(found)
        self.open = [f for f in self.open if any(b > at for _, b in f.frags)]
        return sum(1 for f in self.open if any(a <= at < b for a, b in f.frags)) >= MAX_NESTED


def _title_case(words: list[str]) -> bool:
    alpha = [x for x in words if x[:1].isalpha()]
    return len(alpha) >= 4 and sum(1 for x in alpha if x[:1].isupper()) >= 0.7 * len(alpha)


_NAMED_AFTER = re.compile(r"(?i)according\b|as\b")  # cues whose source is named after them


def _relayed(text: str, found: list[Found]) -> None:
    """"X told interrogators A, Y said", "X said A, according to Y": Y passes on what X said, so X's
    claim is relayed by Y (Y's own claim, that X said A, stays as it is). Only a report relays (not a
    belief or a stance), the closest one around the claim, and never a source's own words to itself."""
    reports = sorted((f for f in found if f.kind == "speech" and f.sources and f.attribution != "unattributed"),
                     key=lambda f: sum(e - s for s, e in f.frags))
    for g in found:
        if g.cue is None or not g.sources or g.relayed_by or g.attribution == "unattributed":
            continue
        for f in reports:
            if f is not g and any(s <= g.cue[0] and g.cue[1] <= e for s, e in f.frags):
                if _relays(text, f, g) and not _same_speaker(f.sources, g.sources):
                    g.relayed_by = list(f.sources)
                break


def _relays(text: str, outer: Found, inner: Found) -> bool:
    """The outer report is signed after the inner claim ("..., Y said") or is an "according to Y",
    and holds the inner claim's speaker too: the shape of a relay, not an outer content that runs on."""
    if outer.cue is None or not inner.frags:  # a claim cut to nothing is dropped later
        return False
    if outer.cue[0] < max(e for _, e in inner.frags) and not text.startswith(("according", "According"), outer.cue[0]):
        return False
    return all(s.span is not None and any(a <= s.span[0] and s.span[1] <= b for a, b in outer.frags) for s in inner.sources)


def _without_hearsay(text: str, found: list[Found]) -> list[Found]:
    """"A poll found voters believe A", "X said the footage shows A", "a survey found most backed B": the
    belief, finding or stance inside another source's report is what that source says of them, which its
    own claim already holds; it is not theirs to list. A claim its owner is named with ("her claim that")
    stays theirs."""
    inner = [f for f in found if f.kind in ("belief", "evidence", "stance") and f.cue is not None and not f.relayed_by
             and text[f.cue[0] : f.cue[1]].split()[0].lower() not in NOUN_CUES]
    if not inner:
        return found
    drop = []
    for f in inner:
        outer = [g for g in found if g is not f and g.cue is not None and g.sources and g.attribution != "unattributed"
                 and any(a <= f.cue[0] and f.cue[1] <= b for a, b in g.frags)]
        if outer:
            g = min(outer, key=lambda g: sum(b - a for a, b in g.frags))
            if not _same_speaker(g.sources, f.sources) and not {s.canonical for s in g.sources} & {s.canonical for s in f.sources}:
                drop.append(f)
    return [f for f in found if f not in drop] if drop else found


# what may stand between a report's cue and a pronoun opening its content: "said (that) he ..."
_OPENS_CONTENT = re.compile(r"\s*(?:that\s+)?", re.I)


def _without_own_reports(text: str, found: list[Found]) -> list[Found]:
    """"X said he agreed with Y", "X said she had called Y", "the ministry announced it had asked for
    talks": a speaker's account of their own act of saying, opening what they are reported to say, is
    part of that report and not a second claim (a belief there is already folded, see ``discourse``).
    A denial stays: "X said it denied A" is X denying A, which the outer claim does not say."""
    inner = [f for f in found if f.kind == "speech" and f.cue is not None and len(f.sources) == 1
             and f.sources[0].span is not None and f.sources[0].mention.lower() in SUBJECT_PRONOUNS]
    if not inner:
        return found
    drop = []
    for f in inner:
        at = f.sources[0].span[0]
        cue = text[f.cue[0] : f.cue[1]].lower().split()
        if any(w in DENY_FORMS or w in DENY_ACCOUNT_FORMS for w in cue):
            continue
        for g in found:
            if g is f or g.kind != "speech" or not g.sources or g.attribution == "unattributed":
                continue
            if any(a <= at < b and _OPENS_CONTENT.fullmatch(text, a, at) for a, b in g.frags):
                if _same_speaker(g.sources, f.sources) and all(any(a <= x and y <= b for a, b in g.frags) for x, y in f.frags):
                    drop.append(f)
                break
    return [f for f in found if f not in drop] if drop else found


def _same_speaker(outer: list[Src], inner: list[Src]) -> bool:
    """The inner claim's source is the outer one's: the same name, or an "it"/"they"/"we" that named
    nobody else (a body's words about its own campaign)."""
    if {s.canonical for s in outer} & {s.canonical for s in inner}:
        return True
    return all(s.kind == "vague" and s.mention.lower() in ("it", "they", "we") for s in inner) and all(s.kind != "person" for s in outer)


def _drop_repeats(text: str, found: list[Found]) -> list[Found]:
    """One claim per statement of the sentence.

    The phrase after "according to" is a noun phrase: a cue inside it is a word of that name
    ("According to the Event Data project, ..." gives no second claim by "project"). The same
    content from the same source under a second cue counts once.
    """
    named = [s.span for g in found if g.cue and _NAMED_AFTER.match(text, g.cue[0]) for s in g.sources if s.span]
    out: list[Found] = []
    seen: dict[tuple, int] = {}
    for f in found:
        if named and f.cue and any(a <= f.cue[0] and f.cue[1] <= b for a, b in named):
            continue
        key = (tuple(f.frags), tuple(sorted(s.canonical for s in f.sources)))
        k = seen.get(key)
        if k is None:
            seen[key] = len(out)
            out.append(f)
        elif _mention_length(f) > _mention_length(out[k]):
            out[k] = f  # "“...,” he added ... Jane Roe said": the claim that names its source
    return out


def _speaks_inside(doc: Found, found: list[Found]) -> bool:
    """"In an email, the mayor said ...": the clause after the document has a speaker of its own, who
    is the source; the document is only where it was said. A poll's respondents are not ("In a poll,
    most voters said ..." is the poll's finding)."""
    head = doc.sources[0].mention.split()[-1].lower() if doc.sources else ""
    if head in POLLS:
        return False
    start = doc.frags[0][0]
    return any(g is not doc and g.cue and g.sources and g.sources[0].span and g.sources[0].span[0] == start for g in found)


def _opens_clause(mention: str) -> bool:
    """"It's worth noting", "I'm old enough to remember X declaring": a source phrase that opens with a
    pronoun's contraction and runs on is a clause read as a phrase; "they’ve" alone is a subject."""
    first, _, rest = mention.partition(" ")
    return bool(rest) and first.lower() in OPENING_CONTRACTIONS


def _beside_quote(toks: Tokens, i: int) -> bool:
    """A quotation opens right after the word ("read: “...”") or closed just before its short subject
    ("“...,” the note read", "“...,” read the note")."""
    words = toks.words
    k = i + 1 + (i + 1 < len(toks.words) and words[i + 1] == ":")
    if k < len(toks.words) and words[k] in QUOTE_MARKS and k + 1 < len(toks.words) and toks.inq[k + 1]:
        return True
    for k in range(i - 1, max(0, i - 5), -1):
        if words[k] in QUOTE_MARKS:
            return toks.inq[k - 1]
        if words[k] in (",", ".", ";", ":") and not (words[k] == "," and k > 0 and words[k - 1] in QUOTE_MARKS):
            return False
    return False


def _mention_length(f: Found) -> int:
    return sum(len(s.mention) for s in f.sources)


class Reader:
    """Reads the sentences of one article; holds its text and the sources named so far."""

    def __init__(self, text: str, ctx: Context) -> None:
        self.text = text
        self.ctx = ctx
        self.body_start: int | None = None  # where the first sentence of copy (not a headline) starts

    # -- one sentence ------------------------------------------------------------------------
    def sentence(self, s: int, e: int, quotes: list[Span], para: int, heading: bool = False) -> list[Found]:
        text = self.text
        if self.body_start is None and not heading:
            self.body_start = s
        # most sentences hold no cue at all: a C-speed word scan spares them the tokenizer
        chunk = text[s:e]
        low_text = lowered(text)
        if (_SCAN_WORD.search(" " + (chunk.lower() if low_text is None else low_text[s:e])) is None
                and ":" not in chunk[:200]
                and not _DASH_CHARS.search(chunk) and not _IN_DOCUMENT.match(chunk)):
            return []
        if heading and is_headline(text, s, e):
            return []  # "Shelling Reported Near Kharkiv": a headline sums up the story, it is no claim
        dl = _DATELINE.match(text, s, e) or (_COLON_DATELINE.match(text, s, e) if s == self.body_start else None)
        if dl:
            s = dl.end()  # "PARIS, Aug 31 (Reuters) - ": where and who filed, not part of any claim
        toks = tokenize(text, s, e, quotes)
        n = len(toks.words)
        out: list[Found] = []
        lows, words = toks.lows, toks.words
        f = colon_cue(self, toks, para)
        if f:
            out.append(f)
        doc = None
        if lows and lows[0] == "in":
            doc = in_document_cue(self, toks, para)
            if doc:
                out.append(doc)
        # a headline set as a sentence: most words capitalised ("Mayor Says Ferry Will Run.")
        title_case: bool | None = None  # worked out only when a capitalised cue needs it
        nesting = _Nesting()
        # only cue candidates matter; picking them out at C speed skips the loop over every other word
        for i in compress(range(n), map(CANDIDATES.__contains__, lows)):
            if toks.inq[i] or (out and out[-1].cue and out[-1].cue[0] < toks.starts[i] < out[-1].cue[1]):
                continue  # a word inside the last cue ("raised serious doubts about") is no cue of its own
            if len(out) >= MAX_NESTED and nesting.too_deep(out, toks.starts[i]):
                continue  # "A said B said C said ...": see MAX_NESTED
            low = lows[i]
            w = words[i]
            if w in DASH_CUES:
                if i > 1 and (words[i - 1] in CLOSE_QUOTES or (words[i - 1] in STRAIGHT_QUOTES and toks.inq[i - 2])):
                    f = dash_cue(self, toks, i, para)
                    if f:
                        out.append(f)
                continue
            if low == "according":
                if i + 1 < n and lows[i + 1] == "to":
                    f = according_cue(self, toks, i, para, prior=out)
                    if f:
                        out.append(f)
                continue
            if low in VIEW_NOUNS and i > 1 and (lows[i - 2] == "in" or lows[i - 1] in POSSESSIVE_PRONOUNS or is_possessive(words[i - 1])):
                f = in_view_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in AS_REPORTED and i + 1 < n and lows[i + 1] == "by" and i > 0:
                j = i - 2 if i > 1 and lows[i - 1] in AS_REPORTED_FIRST else i - 1
                if lows[j] == "as":
                    f = according_cue(self, toks, j, para, last=i + 1)
                    if f:
                        out.append(f)
                        continue
            if w[:1].isupper() and (heading or title_case or (title_case is None and (title_case := _title_case(words)))):
                f = headline_cue(self, toks, i, para)
                if f:
                    out.append(f)
                continue
            if w[:1].isupper() and i > 0 and words[i - 1] not in QUOTE_MARKS:
                continue
            if low in FRAME_VERBS and any(lows[k] in FRAME_NOUNS for k in range(i + 1, min(n, i + 4))):
                f = frame_cue(self, toks, i, para)
                if f:
                    out.append(f)
                continue
            if low in BELIEF_THAT and i > 1 and i + 2 < n and lows[i + 1] == "that" and (
                    lows[i - 1] in BELIEF_LINKS or words[i - 1] == "," if not low.endswith("s") else lows[i - 1] not in ARTICLES and not is_possessive(words[i - 1])):
                f = belief_that_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in LIGHT_STANCES and i > 1 and i + 2 < n:
                f = light_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in RECEIVED_STANCES and i > 1 and i + 2 < n and lows[i + 1] in RECEIVED_LINKS:
                f = received_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in NOUN_CUES and i > 0 and i + 2 < n and lows[i + 1] in NOUN_CUES[low]:
                f = noun_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in STANCE_ADJECTIVES or low in STANCE_ROLES:
                f = trait_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in PHRASE_VERBS:
                f = phrase_cue(self, toks, i, para)
                if f:
                    out.append(f)
                continue
            if low in SHOW_FORMS:
                f = shown_cue(self, toks, i, para)
                if f:
                    out.append(f)
                    continue
            if low in VERB_CUES or (low in QUOTE_SIGNS and w == low and _beside_quote(toks, i)):
                f = verb_cue(self, toks, i, para, out)
                if f:
                    out.append(f)
        if doc and len(out) > 1 and _speaks_inside(doc, out):
            out.remove(doc)
        if len(out) > 1:
            out = _drop_repeats(text, stop_at_siblings(text, toks, out))
            _relayed(text, out)
            out = _without_hearsay(text, out)
            out = _without_own_reports(text, out)
        if out and ("'" in chunk or "’" in chunk):  # (a contraction needs an apostrophe: most sentences have none)
            out = [f for f in out if not (f.sources and _opens_clause(f.sources[0].mention))]
        if out and text[e - 1] == "?":
            out = asked_of_you(out)
        if out:
            out = relay_forms(self, toks, out)
            self._issued(toks, out)
        return out

    def _issued(self, toks: Tokens, out: list[Found]) -> None:
        """"X issued a statement ... The statement said": remember who put out the text the sentence
        introduces ("a statement", "in a letter", "its statement"), for a later "the statement"."""
        lows = toks.lows
        if ISSUED_TEXTS.isdisjoint(lows):  # most sentences: one pass in C
            return
        for k in range(1, len(toks.words)):
            if lows[k] in ISSUED_TEXTS and lows[k - 1] in INTRODUCING and not toks.inq[k]:
                at = toks.starts[k]
                by = [f for f in out if f.cue and f.cue[0] < at and f.attribution != "unattributed"
                      and any(src.kind != "vague" for src in f.sources)]
                if by:
                    src = next(src for src in by[-1].sources if src.kind != "vague")
                    self.ctx.issued[lows[k]] = (src.canonical, src.kind)

    def src_list(self, toks: Tokens, a: int, b: int) -> list[Src]:
        """The sources of the phrase at tokens [a, b], resolved against the article so far."""
        out = []
        for x, y in split_sources(toks, a, b):
            mention, span, ws = mention_of(self.text, toks, x, y)
            out.append(describe(self.ctx, mention, span, ws, span[0]))
        return out

    def frag(self, toks: Tokens, a: int, b: int) -> Span | None:
        """The trimmed span of tokens [a, b], or None where nothing is left."""
        s, e = trim_span(self.text, toks.starts[a], toks.ends[b])
        if e - s < 2:
            return None
        return s, e
