"""Cues whose content is a question asked or a topic talked about.

``asked_by`` reads "Asked by X whether Y, Z said ...": X asks, and the question is Y.
``finite_ing`` and ``before_aspect`` read an -ing form as the verb of its clause ("is now talking
about X", "began asking whether Y"), so that its subject is the source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import content_after
from .cues import ASKED_OPENERS, ASPECT_VERBS
from .found import Found, Span
from .phrases import right_np, skip_aux
from .tokens import Tokens
from .words import BE, BE_NOT

if TYPE_CHECKING:
    from .attribution import Reader


def finite_ing(toks: Tokens, i: int) -> bool:
    """The -ing form at ``i`` is the verb of its clause: after "is" with adverbs between ("is now
    talking", "has been asking", "’s talking") or after a verb of beginning or going on ("began
    talking", "keeps asking")."""
    if i < 1 or toks.inq[i - 1]:
        return False
    lows = toks.lows
    if lows[i - 1] in BE or lows[i - 1] in BE_NOT or lows[i - 1] in ASPECT_VERBS:
        return True
    j, be = skip_aux(toks, i)
    return be or (j >= 0 and j < i - 1 and (lows[j] in BE_NOT or lows[j] in ASPECT_VERBS))


def before_aspect(toks: Tokens, j: int) -> int:
    """The last token before "began" in "X began talking": the subject ends there, not at the verb."""
    if j >= 0 and toks.lows[j] in ASPECT_VERBS and not toks.inq[j]:
        return skip_aux(toks, j)[0]
    return j


def reduced_asked(toks: Tokens, i: int) -> bool:
    """"Asked by X ...", "When asked by X ...", "..., he said when asked by X": a passive with no "was"."""
    lows = toks.lows
    return (lows[i] == "asked" and i + 1 < len(toks) and lows[i + 1] == "by" and not toks.inq[i + 1]
            and (i == 0 or lows[i - 1] in ASKED_OPENERS or toks.words[i - 1] == ","))


def asked_by(r: Reader, toks: Tokens, i: int, para: int, cue: Span) -> Found | None:
    """The question of "Asked by X whether Y, Z said ...": X's, up to the comma that closes the
    clause when it opens the sentence (what follows is Z's answer, a claim of its own)."""
    np = right_np(toks, i + 2)
    if np is None:
        return None
    ca = content_after(toks, np[1], "ask")
    if ca is None:
        return None
    a, b = ca
    if i <= 1:
        b = next((k - 1 for k in range(a + 1, b + 1) if toks.words[k] == "," and not toks.inq[k]), b)
    f = r.frag(toks, a, b) if a <= b else None
    if f is None:
        return None
    return Found([f], "indirect", cue, r.src_list(toks, *np), [], para)
