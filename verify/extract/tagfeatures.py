"""What the attribution tagger sees of each token: the features its training and its use share.

One sequence is one paragraph (news copy breaks lines only between paragraphs; a content often runs
over several sentences of one paragraph). Each token is described by its form (word, lower case,
shape, affixes), the project's own word lists (cue forms, titles, organisation and anonymous heads,
pronouns), whether it is inside a quotation, where it sits in its sentence and paragraph, its
neighbours, how far the nearest cue word of its sentence lies on either side, whether its sentence
holds a quotation, and what the grammar decided about it (source, cue or content of an attributed
claim, or content of an unattributed one). Labels are BIO over three roles: SRC, CUE, CON.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from .cues import BELIEF_FORMS, EVIDENCE_FORMS, NOUN_CUES, PARTICIPLES, SPEECH_FORMS, STANCE_FORMS
from .quotes import quotes_in
from .sentences import paragraphs, sentences
from .tokens import QUOTE_MARKS, Tokens, tokenize
from .words import ANON_HEADS, ORG_WORDS, SUBJECT_PRONOUNS, TITLE_WORDS, VAGUE_HEADS

Span = tuple[int, int]
ROLES = ("SRC", "CUE", "CON")

# one lexicon class per word, from the grammar's own lists (cues.py, words.py)
LEXICON: dict[str, str] = {}
for _name, _words in (("org", ORG_WORDS), ("anon", ANON_HEADS), ("vague", VAGUE_HEADS), ("title", TITLE_WORDS),
                      ("pron", SUBJECT_PRONOUNS), ("stance", STANCE_FORMS), ("evidence", EVIDENCE_FORMS),
                      ("belief", BELIEF_FORMS), ("noun", NOUN_CUES), ("part", PARTICIPLES), ("speech", SPEECH_FORMS)):
    for _w in _words:
        LEXICON[_w] = _name  # later lists win: a speech form is a speech cue first
LEXICON["according"] = "speech"


@dataclass(slots=True)
class Paragraph:
    """One paragraph's tokens, with the sentence index of each and whether it opens its sentence."""

    span: Span
    tokens: Tokens
    sentence: list[int]
    first: list[bool]


def read_paragraphs(text: str) -> list[Paragraph]:
    out = []
    for ps, pe in paragraphs(text):
        quotes, open_at = quotes_in(text, ps, pe)
        if open_at is not None:
            quotes = [*quotes, (open_at, pe)]  # a quotation running on past the paragraph's end
        toks = tokenize(text, ps, pe, quotes)
        if not len(toks):
            continue
        bounds = [s for s, _ in sentences(text, ps, pe, quotes)]
        sent = [max(0, bisect_right(bounds, s) - 1) for s in toks.starts]
        first = [k == 0 or sent[k] != sent[k - 1] for k in range(len(sent))]
        out.append(Paragraph((ps, pe), toks, sent, first))
    return out


_SHAPES: dict[str, str] = {}  # word -> shape, bounded below (a 10 MB text of odd words must not grow it)


def _shape_of(w: str) -> str:
    sh = _SHAPES.get(w)
    if sh is None:
        if len(_SHAPES) > 200_000:
            _SHAPES.clear()
        sh = _SHAPES[w] = _shape(w)
    return sh


def _shape(w: str) -> str:
    if w.isdigit():
        return "d"
    if w.isalpha():
        if w.isupper():
            return "X" if len(w) > 1 else "Xx"
        return "Xx" if w[0].isupper() else "x"
    if not any(c.isalnum() for c in w):
        return "q" if w in QUOTE_MARKS else "p"
    return "m"


def marks(spans: Iterable[Span], starts: list[int], ends: list[int]) -> list[bool]:
    """Which tokens start inside one of ``spans``."""
    out = [False] * len(starts)
    for s, e in spans:
        k = bisect_right(starts, s - 1)
        while k < len(starts) and starts[k] < e:
            if ends[k] > s:
                out[k] = True
            k += 1
    return out


def grammar_roles(claims: list, starts: list[int], ends: list[int]) -> list[str]:
    """The grammar's decision for each token: s (source), c (cue), a (attributed content), u (its own
    assertion), o (none). Source and cue win over the content they sit in."""
    src, cue, con, own = [], [], [], []
    for c in claims:
        frags = list(c.fragments) or [c.span]
        if c.attribution == "unattributed":
            own.extend(frags)
            continue
        con.extend(frags)
        if c.cue is not None:
            cue.append(c.cue.span)
        src.extend(s.span for s in (*c.sources, *c.relayed_by) if s.span)
    out = ["o"] * len(starts)
    for letter, spans in (("u", own), ("a", con), ("c", cue), ("s", src)):
        for k, hit in enumerate(marks(spans, starts, ends)):
            if hit:
                out[k] = letter
    return out


def features(par: Paragraph, groles: list[str] | None) -> list[tuple[str, ...]]:
    """crfsuite attribute strings for each token of ``par`` (``groles`` from ``grammar_roles``).

    Built a column at a time (one comprehension per attribute) and zipped into one tuple per token:
    several times cheaper than a loop over tokens, which matters since every paragraph is tagged."""
    t = par.tokens
    lows, words = t.lows, t.words
    n = len(lows)
    lex = [LEXICON.get(w, "") for w in lows]
    shapes = [_SHAPES.get(w) or _shape_of(w) for w in words]
    q = ["T" if x else "F" for x in t.inq]
    g = groles or ["-"] * n
    pos = []
    p = 0
    for first in par.first:
        p = 0 if first else p + 1
        pos.append(p)
    last = [k + 1 == n or par.first[k + 1] for k in range(n)]
    pad2, pad1 = ["<>", "<>"], ["<>"]
    w_ = pad2 + lows + pad2
    lx_ = pad2 + lex + pad2
    g_ = pad2 + g + pad2
    sh_ = pad2 + shapes + pad2
    cols = [
        ["w=" + w for w in lows],
        ["sh=" + x for x in shapes],
        ["s3=" + w[-3:] for w in lows],
        ["p3=" + w[:3] for w in lows],
        ["lx=" + x for x in lex],
        ["q=" + x for x in q],
        ["g=" + x for x in g],
        ["pos=" + (str(x) if x < 4 else "m") for x in pos],
        ["sent=0" if x == 0 else "sent=n" for x in par.sentence],
        ["last=T" if x else "last=F" for x in last],
        ["g.lx=" + a + b for a, b in zip(g, lex)],
        ["g.q=" + a + b for a, b in zip(g, q)],
        ["cf=" + ("T" if x == 0 and w[:1].isupper() else "F") for x, w in zip(pos, words)],
        ["w-1.w=" + a + "|" + b for a, b in zip(pad1 + lows, lows)],
        ["g-1.g=" + a + b for a, b in zip(pad1 + g, g)],
        ["w.w+1=" + a + "|" + b for a, b in zip(lows, lows[1:] + pad1)],
        ["g.g+1=" + a + b for a, b in zip(g, g[1:] + pad1)],
    ]
    for d in (-2, -1, 1, 2):
        lo = 2 + d
        cols.append([f"w{d}=" + x for x in w_[lo : lo + n]])
        cols.append([f"lx{d}=" + x for x in lx_[lo : lo + n]])
        cols.append([f"g{d}=" + x for x in g_[lo : lo + n]])
        cols.append([f"sh{d}=" + x for x in sh_[lo : lo + n]])
    cols.extend(_cue_context(par, lex, g))
    return list(zip(*cols))


_CUE_CLASSES = {"speech", "belief", "evidence", "stance", "noun", "part"}


def _bucket(d: int | None) -> str:
    if d is None:
        return "n"
    return str(d) if d < 4 else ("m" if d < 9 else "f")


def _cue_context(par: Paragraph, lex: list[str], g: list[str]) -> list[list[str]]:
    """How far the nearest cue word (by the word lists or the grammar) lies to the left and right in
    the token's sentence, and its class: a content often runs many words from its cue, beyond the
    window of neighbours."""
    n = len(lex)
    sent = par.sentence
    cue = [x if x in _CUE_CLASSES else ("g" if gr == "c" else "") for x, gr in zip(lex, g)]
    left, right = [""] * n, [""] * n
    last = None
    for k in range(n):
        if par.first[k]:
            last = None
        left[k] = _bucket(None if last is None else k - last) + (cue[last] if last is not None else "")
        if cue[k]:
            last = k
    nxt = None
    for k in range(n - 1, -1, -1):
        if k + 1 < n and sent[k + 1] != sent[k]:
            nxt = None
        right[k] = _bucket(None if nxt is None else nxt - k) + (cue[nxt] if nxt is not None else "")
        if cue[k]:
            nxt = k
    quoted = {}
    for k, x in enumerate(par.tokens.inq):
        if x:
            quoted[sent[k]] = True
    return [["cl=" + x for x in left], ["cr=" + x for x in right],
            ["sq=" + ("T" if quoted.get(x) else "F") for x in sent],
            ["cl.cr=" + a[:1] + b[:1] for a, b in zip(left, right)]]


def gold_labels(par: Paragraph, roles: dict[str, list[Span]]) -> list[str]:
    """BIO labels from gold spans by role; a source or cue inside another claim's content wins."""
    t = par.tokens
    tags = [""] * len(t.starts)
    for role in ("CON", "CUE", "SRC"):
        for s, e in roles.get(role, []):
            hit = marks([(s, e)], t.starts, t.ends)
            begin = True
            for k, h in enumerate(hit):
                if h:
                    tags[k] = ("B-" if begin else "I-") + role
                    begin = False
    return [x or "O" for x in tags]
