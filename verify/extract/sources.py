"""What a source phrase names: a canonical name and a kind, resolved against the article so far.

Kinds: a registry entry or a proper name is a person or organisation; an unnamed but qualified
description ("a senior military official", "people familiar with the talks") is ``anonymous``; a bare
generic ("sources", "reports", "experts", "it") is ``vague``. Pronouns and surnames resolve to the last
compatible named source of the article. Where the phrase begins and ends is ``phrases.py``'s work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..models import Source
from ..registry import Registry, normalise
from .kinds import head_of, name_kind, placed_body, placed_people
from .tokens import is_cap, is_possessive
from .words import (
    ANON_HEADS, ANON_QUALIFIERS, ARTICLES, GENERIC_BODIES, CAP_STOP, CHANNEL_ADJECTIVES, CHANNELS, CONTRACTED, DETERMINERS, DOCUMENT_HEADS,
    GROUP_HEADS, GROUP_WORDS, NAME_ARTICLES, NEWS_SERVICES, OUTLET_NOUNS, NAME_PARTICLES, NATIONALITY_LIKE, OFFICE_PLURALS, ONE_PERSON, ORG_HEADS, PEOPLE_PLURALS, PERSON_TITLES, PREP_IN_NP, PRONOMINAL,
    PLACING, POST_PARTICIPLES, SHARE_WORDS, STATE_WORDS, SUBJECT_PRONOUNS, TITLE_WORDS, TO_HEADS, VAGUE_NOUNS,
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
    # the last named body that is not a state's own, for "the group"
    last_body: tuple[str, str] | None = None
    last_plural: Src | None = None
    # "statement", "letter", ... -> who last put one out (canonical, kind), for "the statement said"
    issued: dict[str, tuple[str, str]] = field(default_factory=dict)
    person_words: dict[str, bool] = field(default_factory=dict)
    demonyms: dict[str, bool] = field(default_factory=dict)
    _seen_pos: int = 0
    _seen: set[str] = field(default_factory=set)

    def seen_words(self, upto: int) -> set[str]:
        """Lower-case words of the text before ``upto``, grown incrementally (linear overall)."""
        if upto > self._seen_pos:
            self._seen.update(re.findall(r"[a-z]+", self.text[self._seen_pos : upto].lower()))
            self._seen_pos = upto
        return self._seen


# -- what a mention names ----------------------------------------------------------------------

def describe(ctx: Context, mention: str, span: tuple[int, int] | None, words: list[str], pos: int) -> Src:
    """Resolve a source mention to a canonical name and a kind."""
    lows = list(map(str.lower, words))
    if len(lows) == 1 and lows[0] in SUBJECT_PRONOUNS:
        return _pronoun(ctx, mention, span, lows[0])
    if len(lows) == 3 and lows[2] in ("them", "those", "us") and _partitive(lows):
        # "said one of them": someone of the people just counted, not a name of its own
        ante = _pronoun(ctx, mention, span, "they")
        return Src(mention, span, ante.canonical if ante.kind in ("anonymous", "vague") and ante.canonical != "unnamed source" else "unnamed person", "anonymous")
    if len(words) == 1 and words[0] in ("Q", "A"):
        # the labels of an interview transcript
        return Src(mention, span, "interviewer" if words[0] == "Q" else "interviewee", "anonymous")
    if len(lows) == 1 and lows[0].replace("’", "'") in CONTRACTED:
        # the mention is the pronoun alone ("He" of "He’s said")
        low = CONTRACTED[lows[0].replace("’", "'")]
        n = len(low)
        return _pronoun(ctx, mention[:n], (span[0], span[0] + n) if span else span, low)
    hit = ctx.cache.get(mention)
    acronym = False
    if hit is None:
        if len(words) > 2 and words[-1] == ")" and "(" in words[1:]:
            # a trailing "(R-Ga.)" or "(SBU)" is a label; the registry may know the whole, else the part before
            src = resolve(ctx.registry, mention)
            if src is None:
                cut = words.index("(", 1)
                label = words[cut + 1 : -1]
                acronym = len(label) == 1 and label[0].isupper() and label[0].isalpha() and len(label[0]) > 1
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
            if app and _name_word(app[-1]) and not _names_the_object(lows, cut, app) and (not is_cap(words[cut - 1]) or (
                    # "The governor of Belgorod, Vyacheslav Gladkov": a description ending in a place
                    lows[0] in ARTICLES and all(is_cap(w) for w in app if w[:1].isalpha())
                    and any(w[:1].islower() and w not in DETERMINERS and w not in PREP_IN_NP for w in words[1:cut]))):
                hit = _classify(ctx, key[key.find(",") + 1 :].strip(" ,"), app, list(map(str.lower, app)), pos,
                                [w for w in lows[:cut] if w[:1].isalnum()])
            else:
                hit = _classify(ctx, key[: key.find(",")].strip(), words[:cut], lows[:cut], pos,
                                [w for w in lows[cut + 1 :] if w[:1].isalnum()])
        else:
            hit = _classify(ctx, key, words, lows, pos)
        if acronym and hit[1] in ("person", "anonymous"):
            hit = (_STRIP_DET.sub("", key).strip(), "organisation")  # "Jama'at Nusrat al-Islam wal-Muslimin (JNIM)": a body's initials
        if ctx.uncached:
            ctx.uncached = False
        else:
            ctx.cache[mention] = hit
    canonical, kind = hit
    src = Src(mention, span, canonical, kind)
    if kind in ("person", "organisation") and canonical[:1].isupper():
        for w in lows:
            # (the body in a person's title is not the person: "Army spokesman X", then "the army")
            if w[:1].isalpha() and not (kind == "person" and w in ORG_HEADS):
                ctx.named[singular(w)] = (canonical, kind)
    if kind == "person" and canonical[:1].isupper():
        ctx.last_person = src
        parts = canonical.split()
        if len(parts) >= 2 and parts[-1][:1].isupper():
            ctx.surnames.setdefault(parts[-1].lower(), canonical)
    elif kind == "organisation":
        ctx.last_group = src
        ctx.last_plural = src
        if canonical[:1].isupper() and not _states_own(lows, canonical) and resolve(ctx.registry, canonical) is None:
            ctx.last_body = (canonical, kind)
    elif kind in ("anonymous", "vague") and (lows[-1] in PEOPLE_PLURALS or head_of(lows, words) in PEOPLE_PLURALS):
        ctx.last_plural = src  # "Rescuers ... They said": people the article counts, for "they"
    elif kind == "anonymous" and head_of(lows, words) in ONE_PERSON and lows[0] in ("a", "an", "one", "the"):
        ctx.last_person = src  # "A woman who lost her home said ... she said": the woman
    return src


def _names_the_object(lows: list[str], cut: int, app: list[str]) -> bool:
    """"An official at the state grid operator, Ukrenergo": a one-word name after a person placed in a body
    names the body, not the person ("The leader of the party, Jane Roe" names the leader)."""
    if len(app) != 1 or lows[cut - 1] in PERSON_TITLES or lows[cut - 1] in ANON_HEADS:
        return False
    prep = next((k for k in range(1, cut) if lows[k] in PLACING or lows[k] in ("of", "for")), None)
    return prep is not None and any(w in ANON_HEADS or w in PERSON_TITLES for w in lows[:prep])


def name_in_aside(ctx: Context, src: Src, name: str) -> Src:
    """"A commander, who goes by the call sign "Hans", said": an unnamed person given a name is a person."""
    named = Src(src.mention, src.span, name, "person")
    ctx.last_person = named
    return named


def _pronoun(ctx: Context, mention: str, span, low: str) -> Src:
    kind = SUBJECT_PRONOUNS[low]
    ante = ctx.last_person if kind == "person" else ctx.last_group
    if low in ("they", "we"):
        ante = ctx.last_plural or ante or ctx.last_person
    if ante is None:
        # nothing to refer to: an unnamed someone ("he"), or no one in particular ("it", "they")
        if kind == "person" and low != "you":
            return Src(mention, span, "unnamed person", "anonymous")
        return Src(mention, span, "unnamed source", "vague")
    return Src(mention, span, ante.canonical, ante.kind)


# what a description loses before it names a source: its article or quantifier, and a partitive's
# "of" ("one of the captured soldiers" is a captured soldier, not "of the captured soldiers")
_STRIP_DET = re.compile(r"^(?:(?:one|two|three|some|several|many|most|all|each|both|none|few|any)\s+of\s+)?"
                        r"(?:the|a|an|one|some|several|two|three|many|other|another)\s+", re.I)


# registry look-ups repeat across articles ("Trump", "the White House"): remembered by the raw mention
# until the registry changes (the registry's own memory is keyed by the normalised one)
def resolve(reg: Registry, mention: str) -> Source | None:
    cache: dict[str, Source | None] = reg.derived("mentions", lambda _: {})
    try:
        return cache[mention]
    except KeyError:
        hit = reg.resolve(mention)
        if len(cache) < 100_000:  # bounded: memory must not grow with the corpus
            cache[mention] = hit
        return hit


_POLL_SHARE = re.compile(r"^(?:about |nearly |almost |roughly |some |just |only |more than |fewer than |less than )?"
                         r"(?:\d[\d.,]*\s*(?:%|percent)|(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) in (?:\d+|ten))$")


# a non-restrictive relative about a thing, right after a name
_WHICH_AFTER = re.compile(r",\s+which\b")


def _states_own(lows: list[str], canonical: str) -> bool:
    """A body of a state ("the Defence Ministry", "Russian forces"); "Forces" or "Army" alone in a name
    with no nationality in it is an armed group's ("the Rapid Support Forces", "the Arakan Army")."""
    state = [w for w in lows if w in STATE_WORDS]
    if not state:
        return False
    armed = ("forces", "force", "army") if "Army" in canonical.split() else ("forces", "force")
    return any(w not in armed for w in state) or any(NATIONALITY_LIKE.match(w.capitalize()) and w != "national" for w in lows)


def _partitive(lows: list[str]) -> bool:
    """"one of", "some of", "two of", "none of": a share of the group named next."""
    return len(lows) > 2 and lows[1] == "of" and lows[0] in SHARE_WORDS


def _classify(ctx: Context, mention: str, words: list[str], lows: list[str], pos: int,
              desc: list[str] | None = None) -> tuple[str, str]:
    if len(lows) > 3 and lows[2] in DETERMINERS and _partitive(lows):
        # "one of the captured soldiers", "some of the residents": a share is what the group is
        cut = mention.lower().find(" " + lows[2] + " ", len(lows[0])) + 1
        return _classify(ctx, mention[cut:], words[2:], lows[2:], pos, desc)
    reg = ctx.registry
    src = resolve(reg, mention)
    if src is not None and src.kind != "person" and (head_of(lows, words) in PERSON_TITLES or lows[-1] in ANON_HEADS) \
            and reg.resolve(mention, fuzzy=False) is None:
        # "Russia's defence minister" is a person, not the ministry a spelling away; "Ukrainian
        # officials" are unnamed people of the state, not the government speaking as one
        src = None
    if src is not None:
        return src.canonical, src.kind
    if _POLL_SHARE.match(mention.lower()):
        return mention, "vague"  # a poll share ("six in 10", "47%") names no one
    head = head_of(lows, words)
    namer = _name_word if "-" in mention else is_cap  # (the joined article is the only other name word)
    # a capital at the start of a sentence does not make a name ("Local farmers", "Sources")
    # (an acronym or a word with a digit is a name wherever it stands: "M23 rebels", "RSF fighters")
    sentence_case = is_cap(words[0]) and not (words[0].isupper() and len(words[0]) > 1 or any(c.isdigit() for c in words[0])) and (
        lows[0] in DETERMINERS or lows[0] in VAGUE_NOUNS or lows[0] in ANON_HEADS or lows[0] in CAP_STOP
        or lows[0] in PEOPLE_PLURALS or lows[0] in DOCUMENT_HEADS
        or (len(words) > 1 and not any(namer(w) for w in words[1:]) and lows[1] not in ("’s", "'s")
            and not is_possessive(words[0]))
    )
    caps = [w for k, w in enumerate(words) if namer(w) and not (k == 0 and sentence_case)]
    named = [w for w in caps if not NATIONALITY_LIKE.match(w) and w.lower() not in CAP_STOP]
    placed = bool(named) and placed_people(words, lows, sentence_case)
    if placed:
        named = []  # "Diplomats in Bangkok", "officials in Kyiv": people, placed; the place is not the source
    if named and head in DOCUMENT_HEADS and (h := lows.index(head)) + 2 < len(lows) and lows[h + 2] != "by" \
            and (lows[h + 1].endswith(("ing", "ed")) or lows[h + 1] in POST_PARTICIPLES) \
            and not any(is_cap(w) for k, w in enumerate(words[:h]) if not (k == 0 and sentence_case)):
        # "Videos circulating on WhatsApp", "footage posted on Telegram": the channel named is no source
        return _lower(_STRIP_DET.sub("", mention).strip()), "vague"
    if named and (k := placed_body(words, lows)) is not None:
        if not any(is_cap(w) for x, w in enumerate(words[:k]) if not (x == 0 and sentence_case)):
            return _unnamed(ctx, mention, words, lows, lows[k - 1], sentence_case)  # "the defence ministry in Kyiv"
        # "the Ministry of Defence in Moscow", "the People's Defence Force unit in Kanbalu": the body as
        # the registry knows it, else as the phrase names it, place and all
        src = resolve(reg, mention[: mention.rfind(" " + words[k] + " ")])
        return (src.canonical, src.kind) if src is not None else (_STRIP_DET.sub("", mention).strip(), "organisation")
    if placed and head in PERSON_TITLES and lows[0] == "the":
        return _STRIP_DET.sub("", mention).strip(), "person"  # "the senator from Vermont": one person, by title
    if named and words and namer(words[-1]) and not NATIONALITY_LIKE.match(words[-1]):
        # a proper name; titles before it do not change who it is ("Stein spokeswoman Jane Roe")
        k = len(words)
        while k > 0 and (namer(words[k - 1]) or lows[k - 1] in (".", "-", "’s", "'s")
                         or (lows[k - 1] in NAME_PARTICLES and k >= 2 and (is_cap(words[k - 2]) or lows[k - 2] in NAME_PARTICLES))) \
                and lows[k - 1] not in DETERMINERS:
            k -= 1
        if k >= 4 and lows[k - 1] == "and" and is_cap(words[k - 2]):
            # "the Ministry of Industry and Trade", "the Armed Conflict Location and Event Data Project": a
            # body's name goes on across "and" after its "of" or "for", or where the body's head closes it
            j = k - 2
            while j > 0 and is_cap(words[j - 1]) and lows[j - 1] not in DETERMINERS:
                j -= 1
            if (j >= 2 and lows[j - 1] in ("of", "for") and lows[j - 2] in ORG_HEADS) or (
                    lows[-1] in ORG_HEADS and k - 1 - j >= 2 and not any(lows[x] in ORG_HEADS for x in range(j, k - 1))):
                k = j
        t = k - 1 if k >= 2 and lows[k - 1] == "to" else k - 2 if k >= 3 and lows[k - 2] == "to" and lows[k - 1] in ARTICLES else 0
        if t and lows[t - 1] in TO_HEADS and mention.rfind(" to ") > 0:
            # "the European Union's ambassador to Ukraine", "an aide to Trump": the person posted, not whom
            # or where they serve
            cut = mention.rfind(" to ")
            canonical, kind = _classify(ctx, mention[:cut], words[:t], lows[:t], pos, desc)
            return canonical + mention[cut:], kind
        name_words = [w for w in words[k:] if w not in (".",)]
        name = " ".join(words[k:]).replace(" .", ".")
        nw = name.split()
        while len(nw) > 1 and (nw[0].lower().rstrip(".") in TITLE_WORDS or nw[0].endswith(("’s", "'s"))):
            nw.pop(0)
        body = False  # a body's name across "of" or "for", whose words may be titles' ("Ministry of Energy")
        if k >= 2 and lows[k - 1] in ("of", "for") and is_cap(words[k - 2]):
            j = k - 1
            while j > 0 and (is_cap(words[j - 1]) or lows[j - 1] == ".") and lows[j - 1] not in DETERMINERS:
                j -= 1
            if any(w.lower() in ORG_HEADS for w in words[j : k - 1]) or (lows[k - 1] == "for" and k - 1 - j >= 2):
                # "the Ministry of Transport", "Bank of England", "the UN High Commissioner for Human
                # Rights": one name across "of", or across "for" after a name of two words or more
                nw = " ".join(words[j:]).replace(" .", ".").split()
                name_words = [w for w in words[j:] if w != "."]
                body = lows[k - 2] in ORG_HEADS
            elif k >= 3 and lows[k - 1] == "of" and is_cap(words[k - 3]) and lows[k - 2] not in TITLE_WORDS:
                # "Senator Jane Roe of Ohio" is Jane Roe, not Ohio
                nw = " ".join(words[j : k - 1]).replace(" .", ".").split()
                name_words = [w for w in words[j : k - 1] if w != "."]
                while len(nw) > 1 and (nw[0].lower().rstrip(".") in TITLE_WORDS or nw[0].endswith(("’s", "'s"))):
                    nw.pop(0)
        # a place or party before a title ("Vermont Sen. Jane Roe"): the name is what follows the title
        for t in range(len(nw) - 3, -1, -1):
            if not body and nw[t].lower().rstrip(".") in TITLE_WORDS and nw[t][:1].isupper() and nw[t + 1] not in ("for", "of"):
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
        kind = name_kind(ctx, name, nw, name_words, [w for w in lows[:k] if w[:1].isalnum()] + (desc or []))
        if kind == "person" and ctx.text.startswith(mention, pos) and _WHICH_AFTER.match(ctx.text, pos + len(mention)):
            kind = "organisation"  # "Al Shabaab, which is linked to ...": "which" is said of a body, not of a person
        return name, kind
    if head in VAGUE_NOUNS and lows[0] in ("the", "this", "that", "its", "his", "her", "their") and head in ("report", "estimate", "reports", "estimates"):
        return _STRIP_DET.sub("", mention).strip(), "organisation"  # a particular document, not hearsay
    content = [w for w in lows if w not in DETERMINERS]
    if head in CHANNELS and all(w == head or w in CHANNEL_ADJECTIVES or NATIONALITY_LIKE.match(w.title())
                                 for w in content):
        content = [head]  # "Russian state media", "local media reports": still no one in particular
    if len(content) == 1 and head in ctx.issued and lows[0] in ("the", "this", "that"):
        ctx.uncached = True
        return ctx.issued[head]  # "the statement": the words of whoever put it out
    if len(content) == 1 and lows[0] == "the" and head in PERSON_TITLES and (hit := ctx.named.get(singular(head))) is not None \
            and hit[1] == "person":
        ctx.uncached = True
        return hit  # "The spokesman added" after "Army spokesman X said": X, not an unnamed spokesman
    if head in VAGUE_NOUNS and not any(q in lows for q in ANON_QUALIFIERS) and len(content) <= 2 \
            and not (head == "sources" and len(content) == 2 and content[0] not in PRONOMINAL):  # "rebel sources" say who
        if head in ("report", "source", "estimate") and lows[0] in ("a", "an", "one"):
            return _lower(_STRIP_DET.sub("", mention)), "anonymous"
        return _lower(_STRIP_DET.sub("", mention)), "vague"
    if head in GENERIC_BODIES and lows[-1] == head and lows[0] not in DETERMINERS and not any(is_cap(w) for w in words[1:]) \
            and (not is_cap(words[0]) or not ctx.text[max(0, pos - 3) : pos].strip(" \"“‘(")[-1:].isalnum()):
        return _lower(_STRIP_DET.sub("", mention).strip()), "vague"  # (a capital inside a sentence is a name: "Fano groups")
    if (head in ANON_HEADS or head in VAGUE_NOUNS or (placed and head in PEOPLE_PLURALS and head not in OFFICE_PLURALS)
         or (placed and head in ONE_PERSON and (head not in PERSON_TITLES or lows[0] in ("a", "an", "one", "another")))) \
            and not (head in DOCUMENT_HEADS and named):  # "a United Nations report" is the UN's, as a named study is
        name = _STRIP_DET.sub("", mention).strip()
        if sentence_case and name[:1].isupper() and not name.split()[0].isupper() and name.split()[0] == words[0] \
                and not NATIONALITY_LIKE.match(words[0]):
            # "Officials familiar ..." was capitalised by the sentence; "Western", "Turkish" by themselves
            name = name[0].lower() + name[1:]
        return name, "anonymous"
    # a description of someone the article has already described ("one soldier" after "captured soldiers")
    desc = _descriptive(ctx, head, pos)
    if desc:
        return desc
    return _unnamed(ctx, mention, words, lows, head, sentence_case)


def _lower(name: str) -> str:
    """A sourceless collective in lower case, one name wherever it stands ("Reports", "reports"), save
    the words that keep their capital ("Israeli tallies", "Russian state media", "UN figures")."""
    return " ".join(w if NATIONALITY_LIKE.match(w) or (w.isupper() and len(w) > 1) or not w[1:].islower() and w[1:].isalpha()
                    else w.lower() for w in name.split())


def _name_word(w: str) -> bool:
    """A word of a proper name: capitalised, or the Arabic article joined to one ("al-Qassam", "el-Sisi")."""
    return is_cap(w) or (w[2:3] == "-" and w[3:4].isupper() and w[:2].lower() in NAME_ARTICLES)


def _unnamed(ctx: Context, mention: str, words: list[str], lows: list[str], head: str, sentence_case: bool) -> tuple[str, str]:
    """A description with no proper name in it: never a named source of its own."""
    bare = _STRIP_DET.sub("", mention).strip()
    if sentence_case and bare[:1].isupper() and bare.split()[0] == words[0] and not NATIONALITY_LIKE.match(words[0]):
        bare = bare[0].lower() + bare[1:]
    content = [w for w in words if w[:1].isalnum() and w.lower() not in DETERMINERS]
    if content and NATIONALITY_LIKE.match(content[-1]) and content[-1].endswith("s") and lows[-1] == content[-1].lower():
        return bare, "vague"  # "Republicans", "many Americans": a group, no one in particular
    if len(lows) > 1 and lows[-1] in NEWS_SERVICES and lows[-2] in ("news", "press") and any(is_cap(w) for w in words[1:]):
        return bare, "outlet"  # "Houthi-run Saba news agency", "the Kyodo news service": a named medium
    if head in DOCUMENT_HEADS:
        # a named poll or survey is the organisation behind it; an unnamed one names no one
        if any(is_cap(w) and not NATIONALITY_LIKE.match(w) for k, w in enumerate(words) if not (k == 0 and sentence_case)):
            return bare, "organisation"
        return _lower(bare), "vague"
    caps = [w for k, w in enumerate(content) if is_cap(w) and not (k == 0 and sentence_case and w == words[0])]
    if caps and is_cap(content[-1]) and not (len(content) <= 2 and lows[0] in ("a", "an", "one", "another")):
        # a name the nationality test took for an adjective: "the Guardian", "Islamic State"
        org = lows[0] == "the" or head in ORG_HEADS or len(caps) > 1
        return bare, "organisation" if org else "person"
    if caps and head in OUTLET_NOUNS:
        return bare, "outlet"  # "the Daily Trust newspaper", "the Rudaw channel": a named medium
    if caps and (head in ORG_HEADS or head in GROUP_HEADS):
        return bare, "organisation"  # "the Clinton campaign", "Ukraine's armed forces", "M23 rebels"
    if len(content) == 1 and lows[-1] in PRONOMINAL:
        return lows[-1], "vague"  # "Some say", "Both said"
    if lows[0] in ("the", "this", "that") and head:
        # "the ministry" after "Russia's Defence Ministry": the last named source with that head noun
        hit = ctx.named.get(singular(head))
        if hit is None and head in GROUP_WORDS and ctx.last_body is not None and (len(content) == 1 or not caps):
            # "the group", "the paramilitary group": the last body named that is not a state's
            hit = ctx.last_body
        if hit is not None:
            ctx.uncached = True
            return hit
    ctx.uncached = True
    # a qualified description says what it is: "the general prosecutor's office", "a research lab at ...",
    # "the regional governor", "Russia's foreign minister"; a bare "the minister" does not say who
    if len(content) >= 2 and head in ORG_HEADS:
        return bare, "organisation"
    if len(content) >= 2 and head in PERSON_TITLES and (lows[0] == "the" or "’s" in lows or "'s" in lows or is_possessive(words[0])) \
            and lows[-1] not in ("’s", "'s"):
        return bare, "person"
    if len(content) == 1 and head in OFFICE_PLURALS:
        return "unnamed " + bare, "organisation"  # "police", "prosecutors": an office, unnamed
    if len(content) == 1 and lows[0] == "the" and head in OUTLET_NOUNS:
        return "unnamed " + bare, "outlet"  # "the newspaper said, citing ...": a medium, unnamed, not a person
    if len(content) == 1 and lows[0] == "the" and head in STATE_WORDS:
        return "unnamed " + bare, "organisation"  # "the army", "the ministry": a state body, though unnamed
    if lows[0] in ("his", "her", "their", "its"):
        return bare, "organisation" if head in ORG_HEADS else "anonymous"  # "his campaign", "her aide"
    return (bare if bare.startswith("unnamed") else "unnamed " + bare), "anonymous"


def singular(w: str) -> str:
    if w.endswith("ies"):
        return w[:-3] + "y"
    if w.endswith("men"):
        return w[:-3] + "man"
    if w.endswith("s") and not w.endswith("ss"):
        return w[:-1]
    return w


def _descriptive(ctx: Context, head: str, pos: int) -> tuple[str, str] | None:
    """A registry entry with a descriptive name whose words the article has already used."""
    h = singular(head)
    seen = None
    for c, kind, ws in ctx.registry.derived("descriptive", _descriptive_names).get(h, ()):
        if seen is None:
            seen = ctx.seen_words(pos)
        if all(w in seen or singular(w) + "s" in seen or w + "s" in seen for w in ws[:-1]):
            return c, kind
    return None


def _descriptive_names(reg: Registry) -> dict[str, list[tuple[str, str, list[str]]]]:
    """The registry's descriptive names ("the general prosecutor's office") by the singular of their
    last word, in registry order: built once, where each unknown head used to walk the registry."""
    index: dict[str, list[tuple[str, str, list[str]]]] = {}
    for s in reg:
        ws = normalise(s.canonical).split()
        if s.canonical[:1].islower() and ws:
            index.setdefault(singular(ws[-1]), []).append((s.canonical, s.kind, ws))
    return index


_NAME_START = re.compile(r"(?:[A-Z][\w’'-]*\.?\s){0,3}[A-Z][\w’'-]+(?=\s+([a-z]+))")
# a subject is followed by its verb; a word followed by one of these opens a phrase instead ("Despite the
# ruling", "Known as", "Angered by", "Having been")
_NOT_AFTER_SUBJECT = DETERMINERS | {"as", "by", "been"}
# the nouns of unnamed sources, which open a sentence as "Rescuers searched ..." and are no name
_HEADS = frozenset(PEOPLE_PLURALS | ANON_HEADS | VAGUE_NOUNS | ORG_HEADS | PERSON_TITLES)
# nor, after one word alone, a preposition or an object: "Running for", "Convincing her", "Recognizing that"
_NOT_AFTER_ONE_WORD = PREP_IN_NP | {"to", "into", "about", "that", "her", "him", "them", "us", "me", "up", "out"}


def note_subject(ctx: Context, text: str, s: int, e: int) -> None:
    """A named subject opening a sentence becomes what a later "he" or "it" refers to."""
    m = _NAME_START.match(text, s, e)
    if not m:
        return
    words = m.group().split()
    if words[0].lower() in CAP_STOP or words[0].lower() in DETERMINERS or m.group(1) in _NOT_AFTER_SUBJECT \
            or (len(words) == 1 and (m.group(1) in _NOT_AFTER_ONE_WORD
                                     or (words[0].lower() not in _HEADS and not _capitalised_elsewhere(text, words[0])))):
        return
    describe(ctx, m.group(), None, words, s)


def _capitalised_elsewhere(text: str, word: str) -> bool:
    """A name keeps its capital inside a sentence too; a word that has one only where it opens a
    sentence ("Running short of fuel, ...", "Known for ...") is no name."""
    i = text.find(word)
    n = len(word)
    while i != -1:
        after = text[i + n : i + n + 1]
        if i >= 2 and text[i - 1] == " " and text[i - 2] not in ".!?:\"”’\n" and not (after.isalnum()):
            return True
        i = text.find(word, i + n)
    return False
