"""Sources: the noun phrase that says something, what kind of source it is, and who it names.

The phrase is found by walking from the reporting verb over words that can belong to a noun phrase
(names, titles, determiners, nouns, "of", possessives) and stopping at clause boundaries. Kinds:
a registry entry or a proper name is a person or organisation; an unnamed but qualified description
("a senior military official", "people familiar with the talks") is ``anonymous``; a bare generic
("sources", "reports", "experts", "it") is ``vague``. Pronouns and surnames resolve to the last
compatible named source of the article.
"""

from __future__ import annotations

import re
import weakref
from dataclasses import dataclass, field

from ..models import Source
from ..registry import Registry, normalise
from .sentences import ABBREVIATIONS
from .cues import BELIEF_FORMS, EVIDENCE_FORMS, SPEECH_FORMS
from .tokens import QUOTE_MARKS, Tokens, is_cap, is_possessive
from .words import (
    AFTER_PARTICIPLE, ANON_HEADS, ANON_QUALIFIERS, AUX, CAP_STOP, CONTRACTED, DAYS, DETERMINERS, DOCUMENT_HEADS,
    ED_ADJECTIVES, LY_ADJECTIVES, NATIONALITY_LIKE, NOT_ALONE, NUMBER_WORDS, OPENING_PARTICIPLES, ORG_WORDS,
    PLACE_HEAD, PREP_IN_NP, PRONOMINAL, QUALIFIER_WORDS, RELATIVES, STOP, SUBJECT_PRONOUNS, TIME_WORDS, TITLE_CAPS,
    TITLE_WORDS, VAGUE_HEADS,
)


@dataclass(slots=True)
class Src:
    mention: str
    span: tuple[int, int] | None
    canonical: str
    kind: str


@dataclass
class Context:
    """What an article has said so far that later mentions resolve against."""

    registry: Registry
    text: str
    last_person: Src | None = None
    last_group: Src | None = None
    surnames: dict[str, str] = field(default_factory=dict)
    cache: dict[str, tuple[str, str]] = field(default_factory=dict)
    # singular lower-case word of a named source's mention -> the latest such source (canonical, kind)
    named: dict[str, tuple[str, str]] = field(default_factory=dict)
    uncached: bool = False
    _seen_pos: int = 0
    _seen: set[str] = field(default_factory=set)

    def seen_words(self, upto: int) -> set[str]:
        """Lower-case words of the text before ``upto``, grown incrementally (linear overall)."""
        if upto > self._seen_pos:
            self._seen.update(re.findall(r"[a-z]+", self.text[self._seen_pos : upto].lower()))
            self._seen_pos = upto
        return self._seen


def _np_token_ok(words: list[str], lows: list[str], k: int) -> bool:
    w = words[k]
    low = lows[k]
    if w in QUOTE_MARKS or w in ",;:!?—–[]{}":
        return False
    if low in DETERMINERS or low in ("’s", "'s", "&", "(", ")"):
        return True
    if w == "/" and 0 < k < len(words) - 1 and is_cap(words[k - 1]) and is_cap(words[k + 1]):
        return True  # joint sponsors: "an NBC/Marist poll"
    form = SPEECH_FORMS.get(low) or EVIDENCE_FORMS.get(low) or BELIEF_FORMS.get(low)
    if form is not None:
        # "the report", "his claims": base and -s forms double as nouns; "said", "told" never do
        return ((is_cap(w) and low not in ("says", "said")) or (form[1] in ("base", "third") and low not in ("says", "say"))
                or (form[1] == "ing" and k > 0 and (lows[k - 1] in DETERMINERS or is_possessive(words[k - 1]))))  # "her thinking"
    if is_cap(w):
        if low.endswith("ing") and (k == 0 or words[k - 1] in (",",)) and k + 1 < len(words) and (
                low in OPENING_PARTICIPLES or lows[k + 1] in AFTER_PARTICIPLE):
            return False  # "Walking to the door, ...", "Following initial reports": not names like "Ebeling"
        if low in STOP and low != "i" and not w.isupper():
            return False  # "To", "Whenever", "Just": a sentence's first word, not a name
        return low not in CAP_STOP or low in TITLE_CAPS
    if not w[0].isalnum():
        return False
    if low in STOP or low in TIME_WORDS:
        return False
    if low.endswith("ly") and len(low) > 4 and low not in LY_ADJECTIVES:
        return False
    return True


def _wordlike(w: str) -> bool:
    """A word, not a bare number or a mark ("46-year-old" is one; "2010" is not)."""
    return w[:1].isalnum() and not w.isdigit() and any(c.isalpha() for c in w)


def left_np(toks: Tokens, k: int, lo: int = 0) -> tuple[int, int] | None:
    """Token range [a, k] of the noun phrase ending at token ``k`` (walking left, not below ``lo``)."""
    words, lows = toks.words, toks.lows
    if k < lo or toks.inq[k]:
        return None
    if lows[k] in SUBJECT_PRONOUNS or lows[k] in RELATIVES:
        return (k, k)
    share = _share(toks, k, lo)
    if share is not None:
        return share
    if lows[k] in ("them", "us", "those") and k - 2 >= lo and lows[k - 1] == "of" and (lows[k - 2] in PRONOMINAL or lows[k - 2] in NUMBER_WORDS or lows[k - 2].isdigit()):
        return (k - 2, k)  # "most of them", "two of those"
    if lows[k] in ("him", "her", "them", "me", "us") and k - 3 >= lo and lows[k - 1] in ("to", "with") and lows[k - 2] in QUALIFIER_WORDS:
        # "those close to him"
        inner = left_np(toks, k - 3, lo)
        return (inner[0], k) if inner else None
    if lows[k] == ")":
        # "Sen. Jane Roe (D-Vt.)": step over the parenthesis to the name before it
        for o in range(k - 1, max(lo - 1, k - 8), -1):
            if lows[o] == "(":
                inner = left_np(toks, o - 1, lo) if o - 1 >= lo else None
                return (inner[0], k) if inner else None
    abbrev_end = lows[k] == "." and k - 1 >= lo and (lows[k - 1] in ABBREVIATIONS or "." in lows[k - 1])
    if not _np_token_ok(words, lows, k) or lows[k] in DETERMINERS and lows[k] not in ("one", "many", "some", "others", "most", "both", "all", "those", "these"):
        if lows[k] != ")" and not abbrev_end:
            return None
    a = k
    nlower = 0
    while a - 1 >= lo:
        j = a - 1
        lw = lows[j]
        if toks.inq[j]:
            break
        if lw == "." and j - 1 >= lo and (lows[j - 1] in ABBREVIATIONS or "." in lows[j - 1]
                                          or (len(words[j - 1]) == 1 and is_cap(words[j - 1]))):
            a = j
            continue
        if lw == "and":
            # "the White House and Pentagon": a coordination of names, not of clauses
            if j - 1 >= lo and _np_token_ok(words, lows, j - 1) and lows[j - 1] not in DETERMINERS and (is_cap(words[a]) or lows[a] in DETERMINERS or not is_cap(words[j - 1])):
                a = j
                continue
            break
        if lw in PREP_IN_NP or lw in ("to", "about"):
            # "people familiar with the talks", "those close to him": the qualifier belongs to the phrase
            if j - 1 >= lo and lows[j - 1] in QUALIFIER_WORDS:
                a = j - 1
                continue
            # "the head of the agency", "police in Kharkiv", "officials at the Pentagon": the place or body
            # belongs to the phrase; "the strike in Kharkiv" is walked too, and the subject check decides
            if j - 1 >= lo and _np_token_ok(words, lows, j - 1) and lows[j - 1] not in DETERMINERS and not toks.inq[j - 1] \
                    and (lw in ("of", "for") or PLACE_HEAD.fullmatch(lows[j - 1])):
                a = j
                continue
            break
        if not _np_token_ok(words, lows, j):
            break
        if not is_cap(words[j]) and lw.endswith("ed") and len(lw) > 4 and lw not in ED_ADJECTIVES:
            break  # a verb ("invoked the Orlando attack"), not part of the phrase
        if not is_cap(words[j]) and words[j][0].isalpha():
            nlower += 1
            if nlower > 5:
                break
        a = j
        if k - a >= 12:
            break
    # trim words that cannot start a noun phrase
    while a < k and (lows[a] in ("of", "for", "and", ".", "-", "’s", "'s", ")") or lows[a] in PREP_IN_NP):
        a += 1
    if lows[a] == "(" :
        a += 1
    if not any(_wordlike(words[x]) and lows[x] not in DETERMINERS for x in range(a, k + 1)) and not (a == k and lows[k] in PRONOMINAL):
        return None
    if a == k and lows[k] in NOT_ALONE:
        return None  # "more likely to say", "all attacked": no one in particular
    if is_cap(words[a]) and lows[a].endswith("ing") and a < k and (lows[a] in OPENING_PARTICIPLES or lows[a + 1] in AFTER_PARTICIPLE):
        a += 1  # "Following initial reports": a participle opening the sentence
    return (a, k)


def _share(toks: Tokens, k: int, lo: int) -> tuple[int, int] | None:
    """Poll shares as sources: "47%", "six in 10", "about a third of voters"."""
    lows = toks.lows
    if lows[k] == "%" and k - 1 >= lo and lows[k - 1][:1].isdigit():
        a = k - 1
    elif lows[k] == "percent" and k - 1 >= lo and lows[k - 1][:1].isdigit():
        a = k - 1
    elif k - 2 >= lo and lows[k - 1] == "in" and (lows[k - 2] in NUMBER_WORDS or lows[k - 2].isdigit()) and (lows[k].isdigit() or lows[k] in NUMBER_WORDS):
        a = k - 2
    else:
        return None
    while a - 1 >= lo and lows[a - 1] in ("about", "nearly", "almost", "roughly", "some", "over", "than", "more", "fewer", "less", "just", "only", "a"):
        a -= 1
    return (a, k)


def right_np(toks: Tokens, i: int, hi: int | None = None) -> tuple[int, int] | None:
    """Token range [i, b] of the noun phrase starting at token ``i`` (walking right)."""
    words, lows = toks.words, toks.lows
    n = len(words) if hi is None else hi
    if i >= n or toks.inq[i]:
        return None
    if lows[i] in SUBJECT_PRONOUNS:
        return (i, i)
    if lows[i] in PREP_IN_NP or lows[i] in ("to", "about", "by"):
        return None  # "said of the plan": a topic, not a speaker
    if lows[i].isdigit() and i + 3 < n and lows[i + 1] == "/" and lows[i + 2].isdigit():
        rest = right_np(toks, i + 3, hi)  # "9/11 widow Jane Roe": a date before the phrase
        return (i, rest[1]) if rest else None
    if not (_np_token_ok(words, lows, i) or lows[i] in DETERMINERS):
        return None
    b = i
    nlower = 0
    while b + 1 < n:
        j = b + 1
        lw = lows[j]
        if toks.inq[j]:
            break
        if lw == "." and (lows[b] in ABBREVIATIONS or "." in lows[b]
                          or (len(words[b]) == 1 and is_cap(words[b]))):
            b = j
            continue
        if lw == "and":
            if j + 1 < n and (is_cap(words[j + 1]) or lows[j + 1] in DETERMINERS) and is_cap(words[b]):
                b = j
                continue
            break
        if lw in ("of", "for"):
            if j + 1 < n and (_np_token_ok(words, lows, j + 1) or lows[j + 1] in DETERMINERS):
                b = j
                continue
            break
        if lw in PREP_IN_NP:
            break
        if lw in ("most", "least") and lows[b] == "the":
            b = j  # "the most recent data"
            continue
        if not _np_token_ok(words, lows, j) or (lw in DETERMINERS and lw not in ("the", "a", "an")):
            break
        if not is_cap(words[j]) and lw.endswith("ed") and len(lw) > 4 and lows[b] not in DETERMINERS:
            break  # a past-tense verb after the head: "The minister visited ..."
        if not is_cap(words[j]) and words[j][0].isalpha():
            nlower += 1
            if nlower > 5:
                break
        b = j
        if b - i >= 12:
            break
    while b > i and lows[b] in ("of", "for", "and", "-", "(", "the", "a", "an"):
        b -= 1
    if lows[b] == "(":
        return None
    if not any(_wordlike(words[x]) and lows[x] not in DETERMINERS for x in range(i, b + 1)):
        return None
    return (i, b)


# -- what a mention names ----------------------------------------------------------------------

def _head(lows: list[str], words: list[str]) -> str:
    """The head noun: the last word before a preposition ("spokeswoman" of "a spokeswoman for X")."""
    for k, w in enumerate(lows):
        if k > 0 and (w in PREP_IN_NP or w in QUALIFIER_WORDS):
            lows = lows[:k]
            break
    for w in reversed(lows):
        if w[0].isalnum() and w not in ("’s", "'s"):
            return w
    return ""


def describe(ctx: Context, mention: str, span: tuple[int, int] | None, words: list[str], pos: int) -> Src:
    """Resolve a source mention to a canonical name and a kind."""
    lows = list(map(str.lower, words))
    if len(lows) == 1 and lows[0] in SUBJECT_PRONOUNS:
        return _pronoun(ctx, mention, span, lows[0])
    if len(words) == 1 and words[0] in ("Q", "A"):
        # the labels of an interview transcript
        return Src(mention, span, "interviewer" if words[0] == "Q" else "interviewee", "anonymous")
    if len(lows) == 1 and lows[0].replace("’", "'") in CONTRACTED:
        return _pronoun(ctx, mention, span, CONTRACTED[lows[0].replace("’", "'")])
    hit = ctx.cache.get(mention)
    if hit is None:
        if len(words) > 2 and words[-1] == ")" and "(" in words[1:]:
            # a trailing "(R-Ga.)" or "(SBU)" is a label; the registry may know the whole, else the part before
            src = resolve(ctx.registry, mention)
            if src is None:
                cut = words.index("(", 1)
                words, lows = words[:cut], lows[:cut]
                key = mention[: mention.find("(")].strip()
            else:
                ctx.cache[mention] = (src.canonical, src.kind)
        else:
            key = mention
        if mention in ctx.cache:
            hit = ctx.cache[mention]
        elif "," in words[1:]:
            # an apposition describes the source; the name before it says who it is, unless the
            # description comes first ("the party's leader, Jane Roe")
            cut = words.index(",", 1)
            app = [w for w in words[cut + 1 :] if w != ","]
            if not is_cap(words[cut - 1]) and app and is_cap(app[-1]):
                hit = _classify(ctx, key[key.find(",") + 1 :].strip(" ,"), app, list(map(str.lower, app)), pos)
            else:
                hit = _classify(ctx, key[: key.find(",")].strip(), words[:cut], lows[:cut], pos)
        else:
            hit = _classify(ctx, key, words, lows, pos)
        if ctx.uncached:
            ctx.uncached = False
        else:
            ctx.cache[mention] = hit
    canonical, kind = hit
    src = Src(mention, span, canonical, kind)
    if kind in ("person", "organisation") and canonical[:1].isupper():
        for w in lows:
            if w[:1].isalpha():
                ctx.named[_singular(w)] = (canonical, kind)
    if kind == "person" and canonical[:1].isupper():
        ctx.last_person = src
        parts = canonical.split()
        if len(parts) >= 2 and parts[-1][:1].isupper():
            ctx.surnames.setdefault(parts[-1].lower(), canonical)
    elif kind == "organisation":
        ctx.last_group = src
    return src


def _pronoun(ctx: Context, mention: str, span, low: str) -> Src:
    kind = SUBJECT_PRONOUNS[low]
    ante = ctx.last_person if kind == "person" else ctx.last_group
    if low in ("they", "we") and ante is None:
        ante = ctx.last_person
    if ante is None:
        # nothing to refer to: an unnamed someone ("he"), or no one in particular ("it", "they")
        if kind == "person" and low != "you":
            return Src(mention, span, "unnamed person", "anonymous")
        return Src(mention, span, "unnamed source", "vague")
    return Src(mention, span, ante.canonical, ante.kind)


_STRIP_DET = re.compile(r"^(?:the|a|an|one|some|several|two|three|many|other|another)\s+", re.I)


# registry look-ups repeat across articles ("Trump", "the White House"); remembered per registry state
_RESOLVED: weakref.WeakKeyDictionary[Registry, tuple[int, dict[str, Source | None]]] = weakref.WeakKeyDictionary()


def resolve(reg: Registry, mention: str) -> Source | None:
    size, cache = _RESOLVED.get(reg, (-1, None))
    if cache is None or size != len(reg) or len(cache) > 100_000:
        cache = {}
        _RESOLVED[reg] = (len(reg), cache)
    try:
        return cache[mention]
    except KeyError:
        hit = cache[mention] = reg.resolve(mention)
        return hit


_POLL_SHARE = re.compile(r"^(?:about |nearly |almost |roughly |some |just |only |more than |fewer than |less than )?"
                         r"(?:\d[\d.,]*\s*(?:%|percent)|\w+ in \w+)$")


def _classify(ctx: Context, mention: str, words: list[str], lows: list[str], pos: int) -> tuple[str, str]:
    reg = ctx.registry
    src = resolve(reg, mention)
    if src is not None:
        return src.canonical, src.kind
    if _POLL_SHARE.match(mention.lower()):
        return mention, "vague"  # a poll share ("six in 10", "47%") names no one
    head = _head(lows, words)
    # a capital at the start of a sentence does not make a name ("Local farmers", "Sources")
    sentence_case = is_cap(words[0]) and (
        lows[0] in DETERMINERS or lows[0] in VAGUE_HEADS or lows[0] in ANON_HEADS or lows[0] in CAP_STOP
        or (len(words) > 1 and not any(is_cap(w) for w in words[1:]))
    )
    caps = [w for k, w in enumerate(words) if is_cap(w) and not (k == 0 and sentence_case)]
    named = [w for w in caps if not NATIONALITY_LIKE.match(w) and w.lower() not in CAP_STOP]
    if named and words and is_cap(words[-1]) and not NATIONALITY_LIKE.match(words[-1]):
        # a proper name; titles before it do not change who it is ("Stein spokeswoman Jane Roe")
        k = len(words)
        while k > 0 and (is_cap(words[k - 1]) or lows[k - 1] in (".", "-", "’s", "'s")) and lows[k - 1] not in DETERMINERS:
            k -= 1
        name_words = [w for w in words[k:] if w not in (".",)]
        name = " ".join(words[k:]).replace(" .", ".")
        nw = name.split()
        while len(nw) > 1 and (nw[0].lower().rstrip(".") in TITLE_WORDS or nw[0].endswith(("’s", "'s"))):
            nw.pop(0)
        if k >= 2 and lows[k - 1] == "of" and is_cap(words[k - 2]):
            j = k - 1
            while j > 0 and (is_cap(words[j - 1]) or lows[j - 1] == ".") and lows[j - 1] not in DETERMINERS:
                j -= 1
            if any(w.lower() in ORG_WORDS for w in words[j : k - 1]):
                # "the Ministry of Transport", "Bank of England": one name across "of"
                nw = " ".join(words[j:]).replace(" .", ".").split()
                name_words = [w for w in words[j:] if w != "."]
            elif k >= 3 and is_cap(words[k - 3]) and lows[k - 2] not in TITLE_WORDS:
                # "Senator Jane Roe of Ohio" is Jane Roe, not Ohio
                nw = " ".join(words[j : k - 1]).replace(" .", ".").split()
                name_words = [w for w in words[j : k - 1] if w != "."]
                while len(nw) > 1 and (nw[0].lower().rstrip(".") in TITLE_WORDS or nw[0].endswith(("’s", "'s"))):
                    nw.pop(0)
        # a place or party before a title ("Vermont Sen. Jane Roe"): the name is what follows the title
        for t in range(len(nw) - 3, -1, -1):
            if nw[t].lower().rstrip(".") in TITLE_WORDS and nw[t][:1].isupper():
                nw = nw[t + 1 :]
                break
        for t in range(len(nw) - 2, -1, -1):
            if nw[t].endswith(("’s", "'s")):
                nw = nw[t + 1 :]  # "the Center’s Jane Roe": the name after the possessive
                break
        name = " ".join(nw)
        if name.endswith(("’s", "'s")) and len(name) > 2:
            name = name[:-2]
        if not name:
            name = mention
        if any(w.lower() in ORG_WORDS for w in (name.split() if len(nw) >= 2 else name_words)) or (len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1):
            return name, "organisation"
        if len(name.split()) == 1 and name.lower() in ctx.surnames:
            return ctx.surnames[name.lower()], "person"
        return name, "person"
    if head in VAGUE_HEADS and lows[0] in ("the", "this", "that", "its", "his", "her", "their") and head in ("report", "estimate", "reports", "estimates"):
        return _STRIP_DET.sub("", mention).strip(), "organisation"  # a particular document, not hearsay
    if head in VAGUE_HEADS and not any(q in lows for q in ANON_QUALIFIERS) and len([w for w in lows if w not in DETERMINERS]) <= 2:
        if head in ("report", "source", "estimate") and lows[0] in ("a", "an", "one"):
            return _STRIP_DET.sub("", mention).lower(), "anonymous"
        return _STRIP_DET.sub("", mention).lower(), "vague"
    if head in ANON_HEADS or head in VAGUE_HEADS:
        name = _STRIP_DET.sub("", mention).strip()
        if sentence_case and name[:1].isupper() and not name.split()[0].isupper() and name.split()[0] == words[0]:
            name = name[0].lower() + name[1:]  # "Officials familiar ..." was capitalised by the sentence, "Western" by itself
        return name, "anonymous"
    # a description of someone the article has already described ("one soldier" after "captured soldiers")
    desc = _descriptive(ctx, head, pos)
    if desc:
        return desc
    return _unnamed(ctx, mention, words, lows, head, sentence_case)


def _unnamed(ctx: Context, mention: str, words: list[str], lows: list[str], head: str, sentence_case: bool) -> tuple[str, str]:
    """A description with no proper name in it: never a named source of its own."""
    bare = _STRIP_DET.sub("", mention).strip()
    if sentence_case and bare[:1].isupper() and bare.split()[0] == words[0]:
        bare = bare[0].lower() + bare[1:]
    content = [w for w in words if w[:1].isalnum() and w.lower() not in DETERMINERS]
    if content and NATIONALITY_LIKE.match(content[-1]) and content[-1].endswith("s") and lows[-1] == content[-1].lower():
        return bare, "vague"  # "Republicans", "many Americans": a group, no one in particular
    if head in DOCUMENT_HEADS:
        # a named poll or survey is the organisation behind it; an unnamed one names no one
        if any(is_cap(w) for k, w in enumerate(words) if not (k == 0 and sentence_case)):
            return bare, "organisation"
        return bare.lower(), "vague"
    caps = [w for k, w in enumerate(content) if is_cap(w) and not (k == 0 and sentence_case and w == words[0])]
    if caps and is_cap(content[-1]) and not (len(content) <= 2 and lows[0] in ("a", "an", "one", "another")):
        # a name the nationality test took for an adjective: "the Guardian", "Islamic State"
        org = lows[0] == "the" or head in ORG_WORDS or len(caps) > 1
        return bare, "organisation" if org else "person"
    if caps and head in ORG_WORDS:
        return bare, "organisation"  # "the Clinton campaign", "the Obama administration"
    if len(content) == 1 and lows[-1] in PRONOMINAL:
        return lows[-1], "vague"  # "Some say", "Both said"
    if lows[0] in ("the", "this", "that") and head:
        # "the ministry" after "Russia's Defence Ministry": the last named source with that head noun
        hit = ctx.named.get(_singular(head))
        if hit is not None:
            ctx.uncached = True
            return hit
    ctx.uncached = True
    if lows[0] in ("his", "her", "their", "its") or (len(content) > 1 and not any(is_cap(w) for w in content)
                                                       and head in ORG_WORDS and lows[0] not in ("the", "a", "an")):
        return bare, "organisation" if head in ORG_WORDS else "anonymous"
    return (bare if bare.startswith("unnamed") else "unnamed " + bare), "anonymous"


def _singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _descriptive(ctx: Context, head: str, pos: int) -> tuple[str, str] | None:
    """A registry entry with a descriptive name whose words the article has already used."""
    h = _singular(head)
    seen = None
    for s in ctx.registry:
        c = s.canonical
        if not c[:1].islower():
            continue
        ws = normalise(c).split()
        if not ws or _singular(ws[-1]) != h:
            continue
        if seen is None:
            seen = ctx.seen_words(pos)
        if all(w in seen or _singular(w) + "s" in seen or w + "s" in seen for w in ws[:-1]):
            return c, s.kind
    return None


def mention_of(text: str, toks: Tokens, a: int, b: int) -> tuple[str, tuple[int, int], list[str]]:
    s, e = toks.starts[a], toks.ends[b]
    return text[s:e], (s, e), toks.words[a : b + 1]


def split_sources(text: str, toks: Tokens, a: int, b: int) -> list[tuple[int, int]]:
    """Token ranges of the sources of one phrase: "the White House and Pentagon" gives two."""
    parts = []
    cur = a
    for k in range(a, b + 1):
        if toks.lows[k] == "and" and k > cur and k < b and is_cap(toks.words[k - 1]):
            parts.append((cur, k - 1))
            cur = k + 1
    parts.append((cur, b))
    return [p for p in parts if p[0] <= p[1]]


def skip_aux(toks: Tokens, i: int) -> tuple[int, bool]:
    """Index of the last token before the verb group ending at ``i``; whether the group is passive."""
    j = i - 1
    passive = False
    while j >= 0 and not toks.inq[j]:
        lw = toks.lows[j]
        if lw in AUX or lw.endswith(("n't", "n’t")) or (lw.endswith("ly") and len(lw) > 4 and not is_cap(toks.words[j])):
            if lw in ("is", "are", "was", "were", "be", "been", "being", "am"):
                passive = True
            j -= 1
            continue
        if len(lw) == 4 and lw.isdigit() and j >= 1 and toks.lows[j - 1] in ("in", "since"):
            j -= 2  # "who in 2010 said"
            continue
        if lw in TIME_WORDS or lw in DAYS:
            # "X on Monday said", "X this month announced"
            k = j - 1
            while k >= 0 and toks.lows[k] in ("on", "this", "last", "next", "early", "late", "earlier", "later", "that", "the", "same", "in", "just", "also", "past"):
                k -= 1
            if k < j - 1 or lw in DAYS:
                j = k
                continue
        break
    return j, passive



_NAME_START = re.compile(r"(?:[A-Z][\w’'-]*\.?\s){0,3}[A-Z][\w’'-]+(?=\s+[a-z])")


def note_subject(ctx: Context, text: str, s: int, e: int) -> None:
    """A named subject opening a sentence becomes what a later "he" or "it" refers to."""
    m = _NAME_START.match(text, s, e)
    if not m:
        return
    words = m.group().split()
    if words[0].lower() in CAP_STOP or words[0].lower() in DETERMINERS:
        return
    describe(ctx, m.group(), None, words, s)



def unify_names(srcs: list[Src]) -> None:
    """One article, one name per person: "Trump" and "Donald J. Trump" become "Donald Trump" where the
    article uses that full name. ``srcs`` in reading order; canonicals are rewritten in place."""
    fulls: dict[tuple[str, str], list[str]] = {}
    for s in srcs:
        parts = s.canonical.split()
        if s.kind == "person" and len(parts) >= 2 and all(p[:1].isupper() for p in parts):
            fulls.setdefault((parts[0].lower(), parts[-1].lower()), []).append(s.canonical)
    if not fulls:
        return
    # a middle name or initial is the same person: the shortest form the article uses stands for all
    best = {key: min(names, key=lambda n: (len(n.split()), names.index(n))) for key, names in fulls.items()}
    by_surname: dict[str, list[str]] = {}
    for (_, last), name in best.items():
        by_surname.setdefault(last, []).append(name)
    last_full: dict[str, str] = {}
    pending: list[Src] = []
    for s in srcs:
        if s.kind != "person" or not s.canonical[:1].isupper():
            continue
        parts = s.canonical.split()
        if len(parts) >= 2:
            key = (parts[0].lower(), parts[-1].lower())
            if key in best:
                s.canonical = best[key]
                last_full[parts[-1].lower()] = s.canonical
            continue
        names = by_surname.get(parts[0].lower())
        if not names:
            continue
        if len(names) == 1:
            s.canonical = names[0]
        elif parts[0].lower() in last_full:
            s.canonical = last_full[parts[0].lower()]  # the nearest full name before it
        else:
            pending.append(s)
    for s in pending:
        # no full name yet: the first one used later
        names = by_surname[s.canonical.lower()]
        later = [x.canonical for x in srcs if x.canonical in names]
        s.canonical = later[0] if later else names[0]
