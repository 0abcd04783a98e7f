"""A learned attribution tagger beside the grammar: a linear-chain CRF over the tokens of each paragraph.

The model (``verify/data/tagger.crfsuite``, provenance in ``tagger.json`` beside it) was trained on
PolNeAR train by ``bench/train_tagger.py``; it labels each token B/I/O of a source, cue or content
(``tagfeatures.py`` says what it sees, including the grammar's own decisions). ``tag_claims`` turns
the labels into claims: each content run goes to the nearest cue of its sentence (else of its
paragraph), each cue to the nearest source run, every source phrase is resolved by the grammar's
own ``describe`` (registry, kinds, pronouns), and each claim goes through the grammar's polarity check.

``extract_with_tagger`` is the combination: the grammar's claims stay as they are (sources, registry
names, figures, inherited and unattributed claims, the reference article), and the tagger runs only on
the paragraphs where the grammar found no attributed claim. An attributed claim it finds there is
added, in place of any claim of the outlet's own the grammar had filed for the same words. (On PolNeAR
dev, tagging every paragraph too, keeping only the claims the CRF's marginals were confident of,
gained 0.004 F1 at about twice the cost; see the README.)
"""

from __future__ import annotations

import json
from functools import lru_cache

from ..config import PACKAGE_DIR
from ..models import Claim
from ..registry import Registry
from . import extract_claims
from .discourse import is_copy
from .found import Found, trim_span
from .numbers import find_numbers
from .polarity import polarity
from .sources import Context, describe
from .tagfeatures import LEXICON, Paragraph, features, grammar_roles, read_paragraphs
from .tokens import QUOTE_MARKS

__all__ = ["extract_with_tagger", "tag_claims", "model_info", "tag_paragraph", "use_model"]

MODEL = PACKAGE_DIR / "data" / "tagger.crfsuite"
_model_path: list[str] = []  # another model file in place of the shipped one (training, tuning)


def use_model(path: str | None) -> None:
    """Tag with the model at ``path`` from now on (None: the shipped one)."""
    _model_path[:] = [path] if path else []
    _tagger.cache_clear()


@lru_cache(maxsize=1)
def _tagger():
    import pycrfsuite  # imported here: the grammar alone never needs it

    t = pycrfsuite.Tagger()
    t.open(_model_path[0] if _model_path else str(MODEL))
    return t


def model_info() -> dict:
    """The provenance written beside the model: corpus, split, settings, dev scores."""
    return json.loads(MODEL.with_suffix(".json").read_text(encoding="utf-8"))


def tag_paragraph(par: Paragraph, groles: list[str] | None) -> list[str]:
    return _tagger().tag(features(par, groles))


def _segments(tags: list[str]) -> list[tuple[str, int, int]]:
    """(role, first token, end token) of each labelled run."""
    out: list[tuple[str, int, int]] = []
    for k, tag in enumerate(tags):
        if tag == "O":
            continue
        bio, role = tag.split("-", 1)
        if bio == "I" and out and out[-1][0] == role and out[-1][2] == k:
            out[-1] = (role, out[-1][1], k + 1)
        else:
            out.append((role, k, k + 1))
    return out


def _gap(a: tuple[str, int, int], b: tuple[str, int, int]) -> int:
    return max(0, b[1] - a[2], a[1] - b[2])


def _nearest(seg, candidates, sent: list[int]):
    same = [c for c in candidates if sent[c[1]] == sent[seg[1]] or sent[c[2] - 1] == sent[seg[2] - 1]]
    pool = same or candidates
    return min(pool, key=lambda c: _gap(seg, c), default=None)


def _claims_of(text: str, par: Paragraph, tags: list[str], ctx: Context) -> list[Claim]:
    """The claims one paragraph's labels make."""
    t = par.tokens
    segs = _segments(tags)
    cues = [s for s in segs if s[0] == "CUE"]
    srcs = [s for s in segs if s[0] == "SRC"]
    if not cues:
        return []
    contents: dict[tuple, list] = {}
    for seg in segs:
        if seg[0] == "CON":
            cue = _nearest(seg, cues, par.sentence)
            contents.setdefault(cue, []).append(seg)
    resolved: dict[tuple, object] = {}
    for seg in srcs:  # in reading order, so pronouns resolve to what came before
        s, e = t.starts[seg[1]], t.ends[seg[2] - 1]
        resolved[seg] = describe(ctx, text[s:e], (s, e), t.words[seg[1] : seg[2]], s)
    out = []
    for cue, cons in contents.items():
        frags = [trim_span(text, t.starts[a], t.ends[b - 1]) for _, a, b in cons]
        frags = [f for f in frags if f[1] > f[0]]
        if not frags:
            continue
        src_seg = _nearest(cue, srcs, par.sentence)
        sources = []
        if src_seg is not None:
            src = resolved[src_seg]
            sources.append({"mention": src.mention, "span": src.span, "canonical": src.canonical, "kind": src.kind})
        quoted = text[frags[0][0]] in QUOTE_MARKS or all(t.inq[a] for _, a, _ in cons)
        attribution = ("direct" if quoted else "indirect") if sources else "unattributed"
        cue_span = (t.starts[cue[1]], t.ends[cue[2] - 1])
        # the grammar's polarity check, on what the tagger found ("denies that A" -> A, denied)
        sense, denied = polarity(text, Found(frags, attribution, cue_span, kind=_kind(t.lows[cue[1] : cue[2]])))
        if denied is not None:
            frags = sorted(denied)
        start, end = frags[0][0], max(e for _, e in frags)
        out.append(Claim.model_validate({
            "text": " ".join(text[s:e] for s, e in frags),
            "span": (start, end),
            "fragments": frags if len(frags) > 1 else [],
            "attribution": attribution,
            "cue": {"text": text[cue_span[0] : cue_span[1]], "span": cue_span},
            "sources": sources,
            "numbers": [n for s, e in frags for n in find_numbers(text, s, e)],
            "polarity": sense,
        }))
    return out


def _kind(cue_words: list[str]) -> str:
    """The cue's class as the grammar names it (speech, belief, evidence, stance), by the word lists."""
    classes = {LEXICON.get(w) for w in cue_words}
    for kind in ("speech", "belief", "evidence"):
        if kind in classes:
            return kind
    return "speech" if "part" in classes else "stance"


def _tagged(text: str, registry: Registry, grammar: list[Claim], uncovered_only: bool) -> list[Claim]:
    ctx = Context(registry=registry, text=text)
    tagger = _tagger()
    out = []
    for par in read_paragraphs(text):
        t = par.tokens
        inside = [c for c in grammar if c.span[1] > par.span[0] and c.span[0] < par.span[1]]
        if uncovered_only and (any(c.attribution != "unattributed" for c in inside) or not is_copy(text, *par.span)):
            continue  # the grammar's reading stands, or it judged the paragraph no copy (a headline)
        tags = tagger.tag(features(par, grammar_roles(inside, t.starts, t.ends)))
        out.extend(_claims_of(text, par, tags, ctx))
    return out


def tag_claims(text: str, registry: Registry | None = None, grammar: list[Claim] | None = None) -> list[Claim]:
    """The claims the tagger finds in ``text`` (``grammar``: the grammar's claims, if known)."""
    if registry is None:
        registry = Registry.starter()
    if grammar is None:
        grammar = extract_claims(text, registry)
    return _tagged(text, registry, grammar, False)


def _overlaps(a: Claim, b: Claim) -> bool:
    fa = list(a.fragments) or [a.span]
    fb = list(b.fragments) or [b.span]
    o = sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in fa for s2, e2 in fb)
    short = min(sum(e - s for s, e in fa), sum(e - s for s, e in fb)) or 1
    return o / short >= 0.5


def extract_with_tagger(text: str, registry: Registry | None = None) -> list[Claim]:
    """The grammar's claims, with the attributed claims only the tagger found added (see the module)."""
    if registry is None:
        registry = Registry.starter()
    grammar = extract_claims(text, registry)
    out = list(grammar)
    for c in _tagged(text, registry, grammar, True):
        if c.attribution == "unattributed":
            continue
        hits = [g for g in out if _overlaps(g, c)]
        if any(g.attribution != "unattributed" for g in hits):
            continue
        for g in hits:
            out.remove(g)
        out.append(c)
    out.sort(key=lambda c: c.span)
    return out
