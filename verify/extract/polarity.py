"""Whether a claim's source states it or denies it, and what exactly is denied.

A source denies a claim when its cue is a verb of denial ("X denied that ...", "X refuted ...", not
"X did not deny ..."), when it rejects, dismisses or disputes an account ("X rejected reports that
...", "X dismissed the Russian account"), and when it says that it did not do something itself
in reported speech ("X said it had not shelled the village"; a quotation is left as said), and
when what it says of an account dismisses it ("called the reports “groundless rumours”"). The
claim's content is then the thing denied: "reports that A" becomes A, and the negation of "it had
not shelled" is left out of the content's fragments ("it had" + "shelled the village"), so that a
denied claim reads as what the source denies, as for "denied that A" (an account dismissed in the
content keeps its words: "the reports were false"). The words are in ``cues.py`` (the
verbs) and ``words.py`` (the rest).
"""

from __future__ import annotations

import re
from itertools import islice

from .cues import DENY_ACCOUNT_FORMS, DENY_FORMS
from .found import Found, Span
from .words import (
    ACCOUNT_MODIFIERS,
    ACCOUNT_NOUNS,
    BE,
    BEEN_DENIALS,
    DECLINE_TO,
    DISMISSIVE,
    NEGATED_AUX,
    NEGATED_CONTRACTIONS,
    NEGATIONS,
    NOT_A_DENIAL,
    POSSESSIVE_PRONOUNS,
    REFUSALS,
    SUBJECT_PRONOUNS,
)

ASSERTED = "asserted"
DENIED = "denied"

_WORD = re.compile(r"\w+(?:[’'\-]\w+)*")
_WORDS_LOOKED_AT = 8  # the content's opening words are all the tests need
# the subject of a denial of one's own act: "it", "we", "its forces" (not "you", nor a name)
_SELF = frozenset(SUBJECT_PRONOUNS) - {"you"}
_OPENERS = frozenset(NEGATED_AUX) | frozenset(NEGATED_CONTRACTIONS) | {"never"}


def _words(text: str, start: int, end: int, n: int = _WORDS_LOOKED_AT) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group().lower().replace("’", "'")) for m in islice(_WORD.finditer(text, start, end), n)]


def polarity(text: str, f: Found) -> tuple[str, list[Span] | None]:
    """(``"denied"``, the content's fragments cut to what is denied) or (``"asserted"``, None)."""
    if f.cue is None or not f.frags or f.attribution == "unattributed":
        return ASSERTED, None
    frags = sorted(f.frags) if len(f.frags) > 1 else f.frags
    cue = text[f.cue[0] : f.cue[1]].lower().split()
    # (set tests at C speed: most cues are neither)
    if not DENY_FORMS.isdisjoint(cue):
        if _negated(text, f.cue, DENY_FORMS) or _refusal(text, frags[0]):
            return ASSERTED, None
        return DENIED, _after_account(text, frags)
    if not DENY_ACCOUNT_FORMS.isdisjoint(cue):
        if _negated(text, f.cue, DENY_ACCOUNT_FORMS) or not _names_account(text, frags, f.cue):
            return ASSERTED, None
        return DENIED, _after_account(text, frags)
    # the tests below need the content's opening words; most claims are settled by the first four
    head = _words(text, frags[0][0], frags[0][1], 4)
    if _dismissed(text, frags, head):
        return DENIED, None
    # a quotation keeps its words: "“We did not fire,” he said" is quoted as said, an assertion
    if f.kind != "speech" or f.attribution != "indirect" or not head or (
            head[0][2] not in _SELF and head[0][2] not in POSSESSIVE_PRONOUNS):
        return ASSERTED, None
    cut = _own_act_negated(text, frags[0])
    if cut is None:
        return ASSERTED, None
    (s, e), (cs, ce) = frags[0], cut
    return DENIED, [(s, cs), (ce, e), *frags[1:]]


def _negated(text: str, cue: Span, forms: frozenset[str]) -> bool:
    """ "did not deny", "has never denied", "declined to deny": the denial verb is negated."""
    words = [w for _, _, w in _words(text, max(0, cue[0] - 40), cue[1], 99)]
    at = max(i for i, w in enumerate(words) if w in forms)
    before = words[max(0, at - 2) : at]
    if any(w in NEGATIONS or w.endswith("n't") for w in before):
        return True
    return len(before) == 2 and before[1] == "to" and before[0] in DECLINE_TO


def _refusal(text: str, frag: Span) -> bool:
    """ "denied access", "denied the reporters entry": a refusal, not a denial."""
    words = [w for _, _, w in _words(text, frag[0], frag[1], 4)]
    return bool(words) and words[0] != "that" and any(w in REFUSALS for w in words)


def _names_account(text: str, frags: list[Span], cue: Span) -> bool:
    """Whether what is rejected is an account: "reports that ...", "the Russian account", or, the
    cue closing a relative clause, "a figure Hamas rejects"."""
    start, end = frags[0]
    if start < cue[0] <= frags[-1][1]:  # the cue inside the content: the account opens it
        end = cue[0]
    for ws, _, w in _words(text, start, end, 5):
        if w in ACCOUNT_NOUNS:
            return True
        # a name may stand before the account: "the Kremlin's version", "Moscow's claims"
        if w not in ACCOUNT_MODIFIERS and not w.endswith(("'s", "s'")) and not text[ws].isupper():
            return False
    return False


def _dismissed(text: str, frags: list[Span], head: list[tuple[int, int, str]]) -> bool:
    """ "called reports of the deployment “groundless rumours”", "the claims were lies": an account
    named and dismissed in the content (``head``: its first four words)."""
    opening = next((i for i, (_, _, w) in enumerate(head) if w in ACCOUNT_NOUNS), None)
    if opening is None or any(w not in ACCOUNT_MODIFIERS for _, _, w in head[:opening]):
        return False
    return any(w in DISMISSIVE for _, _, w in _words(text, head[opening][1], frags[-1][1], 12 - opening))


def _after_account(text: str, frags: list[Span]) -> list[Span] | None:
    """ "reports that A" -> A: what an account says is what the source denies. None: unchanged."""
    start, end = frags[0]
    words = _words(text, start, end, 6)
    for i, (_, _, w) in enumerate(words):
        if w in ACCOUNT_NOUNS:
            if i + 1 < len(words) and words[i + 1][2] == "that" and i + 2 < len(words):
                return [(words[i + 2][0], end), *frags[1:]]
            return None
        if w not in ACCOUNT_MODIFIERS:
            return None
    return None


def _own_act_negated(text: str, frag: Span) -> Span | None:
    """Where the content says the source itself did not act ("it had not shelled", "we didn't fire",
    "its troops were not involved"), the span of the negation to leave out; else None."""
    words = _words(text, frag[0], frag[1])
    if not words:
        return None
    first = words[0][2]
    if first in _SELF:
        i = 1
    elif first in POSSESSIVE_PRONOUNS:  # "its forces had not", "its own forces had not"
        i = 2 if len(words) > 2 and words[2][2] in _OPENERS else 3
    else:
        return None
    if i + 1 >= len(words):
        return None
    aux_start, aux_end, aux = words[i]
    if aux in NEGATED_CONTRACTIONS:  # "didn't": "did" stays
        kept, aux, j = aux_start + len(NEGATED_CONTRACTIONS[aux]), NEGATED_CONTRACTIONS[aux], i + 1
    elif aux in NEGATED_AUX and words[i + 1][2] in NEGATIONS:  # "had not", "has never"
        kept, j = aux_end, i + 2
    elif aux == "never":  # "it never fired"
        kept, aux, j = words[i - 1][1], "", i + 1
    else:
        return None
    if j >= len(words):
        return None
    cut = (kept, words[j][0])
    verb = words[j][2]
    if aux in BE or verb == "been":
        # "was not involved", "had not been involved"; not "was not clear", "had not been told"
        if verb == "been":
            verb = words[j + 1][2] if j + 1 < len(words) else ""
        if verb not in BEEN_DENIALS:
            return None
    elif verb in NOT_A_DENIAL:
        return None
    return cut
