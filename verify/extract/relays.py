"""Reports that name where their words come from: "TASS quoted X as saying A", "RIA reported, citing
the defence ministry, that A", "A, the agency said, citing witnesses".

State and wire agencies pass on what others told them; a desk needs the claim filed under the one who
said it, relayed by the agency, not under the agency alone. ``relay_forms`` rewrites the claims the
grammar found in one sentence accordingly; most sentences hold neither word and are returned as they are.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import TYPE_CHECKING

from .content import skip_listener
from .found import Found, trim_span
from .kinds import head_of
from .sentences import closes_abbreviation
from .tokens import OPEN_QUOTES, Tokens, is_cap
from .words import ANON_HEADS, CITED_HEADS, ISSUED_TEXTS, NP_END, ONE_PERSON, PREP_IN_NP, QUOTED_AS, QUOTING, RELATIVES, TRAILER_START

if TYPE_CHECKING:
    from .attribution import Reader

_WORDS = QUOTING | {"citing"}


def relay_forms(r: Reader, toks: Tokens, found: list[Found]) -> list[Found]:
    """The sentence's claims with quoted and cited sources put in their place."""
    if _WORDS.isdisjoint(toks.lows):
        return found
    out = list(found)
    _quoted_as(r, toks, out)
    return _citing(r, toks, out)


def _names_source(toks: Tokens, a: int, b: int) -> bool:
    """Whether tokens [a, b] name a source (a body, people, an office, a document, a name)."""
    words, lows = toks.words[a : b + 1], toks.lows[a : b + 1]
    cut = next((k for k in range(1, len(lows)) if lows[k] in PREP_IN_NP or lows[k] in TRAILER_START), len(lows))
    rel = next((k for k in range(1, cut) if lows[k] in RELATIVES), None)
    if rel is not None:
        # "citing a soldier who survived the attack": a person, described; "citing the many Americans who
        # had given up" is what was said, not who said it
        head = head_of(lows[:rel], words[:rel])
        return head in ONE_PERSON or head in ANON_HEADS
    words, lows = words[:cut], lows[:cut]
    names = [w for w in words if w[:1].isalnum()]
    # the head noun says what it is; a capitalised head is a name ("citing Ukrinform"), one after a
    # preposition is not ("citing her work after the Sept. 11 attacks")
    return head_of(lows, words) in CITED_HEADS or (bool(names) and is_cap(names[-1]))


def _cue_token(toks: Tokens, f: Found) -> int:
    return bisect_left(toks.starts, f.cue[0]) if f.cue else -1


def _quoted_as(r: Reader, toks: Tokens, out: list[Found]) -> None:
    """"TASS quoted a regional official as saying that A": A is the official's, relayed by TASS."""
    n = len(toks.words)
    words, lows = toks.words, toks.lows
    for idx, f in enumerate(out):
        i = _cue_token(toks, f)
        if i < 0 or i >= n or lows[i] not in QUOTING or not f.sources or not f.frags:
            continue
        k = i + 2
        while k < min(n - 2, i + 16) and not toks.inq[k] and words[k] not in NP_END:
            if lows[k] == "as" and lows[k + 1] in QUOTED_AS:
                break
            k += 1
        else:
            continue
        if lows[k] != "as":
            continue  # ("as saying" makes whoever stands before it a speaker: no test of the phrase)
        a = skip_listener(toks, k + 2) if lows[k + 1] == "telling" else k + 2
        if a < n and lows[a] == "that":
            a += 1
        end = max(e for _, e in f.frags)
        if a >= n or toks.starts[a] >= end:
            continue
        s, e = trim_span(r.text, toks.starts[a], end)
        if e - s < 2:
            continue
        direct = r.text[s] in OPEN_QUOTES
        out[idx] = Found([(s, e)], "direct" if direct else "indirect", (f.cue[0], toks.ends[k + 1]),
                         r.src_list(toks, i + 1, k - 1), list(f.sources), f.para, "speech", direct)


def _citing(r: Reader, toks: Tokens, out: list[Found]) -> list[Found]:
    """", citing the defence ministry" (or ", quoting ..."): the report's claim is the ministry's, relayed by the reporter."""
    n = len(toks.words)
    words, lows = toks.words, toks.lows
    for t in range(n):
        if (lows[t] != "citing" and lows[t] != "quoting") or toks.inq[t] or (t > 0 and words[t - 1] != ","):
            continue  # (", quoting Y," cites as ", citing Y," does)
        b = t + 1
        while b < n and (words[b] not in NP_END or closes_abbreviation(words, lows, b)) and lows[b] != "that" and not toks.inq[b]:
            b += 1
        if b == t + 1 or not _names_source(toks, t + 1, b - 1) or (lows[t] == "quoting" and (
                "as" in lows[t + 1 : b] or lows[b - 1] in ISSUED_TEXTS)):
            continue  # "quoting Y as saying A" is read above; "quoting her statement" gives its words
        at = toks.starts[t]
        own = next((g for g in out if g.cue and g.cue[0] == at), None)  # the participle's own claim
        reports = [f for f in out if f is not own and f.cue and f.sources and f.kind == "speech" and f.frags
                   and not f.relayed_by and not any(a <= at < e for a, e in f.frags)]
        cited = r.src_list(toks, t + 1, b - 1)
        if reports:
            # "X reported that A, citing Y", "Citing Y, X reported A": the report nearest the phrase
            f = min(reports, key=lambda f: abs(f.cue[0] - at))
            f.relayed_by, f.sources = list(f.sources), cited
            if own is not None:
                out.remove(own)
        elif own is not None and own.sources and t > 1 and b < n:
            # "X reported, citing Y, that A": the participle's content runs on to A ("X, citing Y, put
            # the toll at 27" is X's own figure)
            a = b + 1 if words[b] == "," else b
            if a >= n or lows[a] != "that":
                continue
            a += 1
            end = max(e for _, e in own.frags)
            if a < n and toks.starts[a] < end:
                s, e = trim_span(r.text, toks.starts[a], end)
                if e - s >= 2:
                    out[out.index(own)] = Found([(s, e)], "indirect", own.cue, cited, list(own.sources), own.para, "speech")
    return out
