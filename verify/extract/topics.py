"""Cues whose content is a question asked or a topic talked about.

``finite_ing`` and ``before_aspect`` read an -ing form as the verb of its clause ("is now talking
about X", "began asking whether Y"), so that its subject is the source.
"""

from __future__ import annotations

from .cues import ASPECT_VERBS
from .phrases import skip_aux
from .tokens import Tokens
from .words import BE, BE_NOT


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
