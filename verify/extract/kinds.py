"""What kind of source a phrase names, read from the phrase itself (``sources.py`` asks).

A body is known by its head noun ("Ukraine's armed forces", "the general prosecutor's office") or a
description beside its name ("maritime security firm X"); a single name the article never gives as part
of a person's name is a body or a country standing for its government; people placed somewhere
("diplomats in Bangkok") are unnamed people, not the place.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .cues import SPEECH_FORMS
from .tokens import is_cap
from .words import (
    ANON_HEADS, AREA_WORDS, CAP_STOP, DETERMINERS, DWELLERS, NUMBER_WORDS, GROUP_HEADS, HEADLINE_VERBS, NATIONALITY_LIKE, OFFICE_PLURALS, ONE_PERSON, ORG_HEADS,
    OUTLET_FIRST, OUTLET_WORDS, PARTY_WORDS, PEOPLE_PLURALS, PERSON_TITLES, PLACING, POST_PARTICIPLES, PREP_IN_NP, QUALIFIER_WORDS, SUBJECT_PRONOUNS, TITLE_WORDS,
    VAGUE_NOUNS,
)

if TYPE_CHECKING:
    from .sources import Context


def head_of(lows: list[str], words: list[str]) -> str:
    """The head noun: the last word before a preposition ("spokeswoman" of "a spokeswoman for X")."""
    for k, w in enumerate(lows):
        if k > 0 and (w in PREP_IN_NP or w in QUALIFIER_WORDS
                      # "volunteers outside the hospital", but "an outside group"
                      or (w in PLACING and k + 1 < len(lows) and (lows[k + 1] in DETERMINERS or is_cap(words[k + 1])))
                      or (w.endswith("ing") and len(w) > 5 and lows[k - 1] not in DETERMINERS and not is_cap(words[k]))
                      # "footage broadcast by ...", "videos posted on ...": a participle after the noun
                      or ((w in POST_PARTICIPLES or (w.endswith("ed") and len(w) > 4)) and k + 1 < len(lows)
                          and (lows[k + 1] in PREP_IN_NP or lows[k + 1] == "by") and lows[k - 1] not in DETERMINERS and not is_cap(words[k]))):
            lows = lows[:k]
            break
    for w in reversed(lows):
        if w[0].isalnum() and w not in ("’s", "'s"):
            return w
    return ""


def placed_at(words: list[str], lows: list[str]) -> int | None:
    """Where "in/at X" places the description before it ("diplomats in Bangkok", "the defence ministry
    in Kyiv"), if the phrase has one before any other preposition."""
    for k, w in enumerate(lows):
        if k > 0 and w in PLACING:
            return k
        if w in PREP_IN_NP and not (w == "of" and 0 < k < len(words) - 1 and is_cap(words[k - 1]) and is_cap(words[k + 1])):
            return None  # "of" inside a name ("the Ministry of Defence in Moscow") goes on
    return None


def placed_people(words: list[str], lows: list[str], sentence_case: bool) -> bool:
    """People or a role before "in/at X" with no name of their own: "Diplomats in Bangkok"."""
    k = placed_at(words, lows)
    if k is None:
        # "residents of Kenscoff", "members of the Civilian Joint Task Force": people of the place or body
        k = next((x for x in range(1, len(lows) - 1) if lows[x] == "of" and (
            lows[x - 1] in DWELLERS or (lows[x - 1] in ANON_HEADS and lows[x - 1].endswith("s")))), None)
    if k is None:
        return False
    before = [x for x in range(k) if words[x][:1].isalnum() and lows[x] not in DETERMINERS and lows[x] not in NUMBER_WORDS]
    people = lows[k - 1] in ANON_HEADS or lows[k - 1] in PEOPLE_PLURALS or lows[k - 1] in ONE_PERSON  # "A doctor at X"
    # a name before people ("Aid workers in Pemba", "A United Nations official in Port Sudan") says whose
    # they are: still people, placed; before anything else it is a body's name ("the Ministry of Defence in Moscow")
    if not before or (not people and any(is_cap(words[x]) and not (x == 0 and sentence_case) and not NATIONALITY_LIKE.match(words[x])
                                         for x in before)):
        return False
    return people or lows[k - 1] in VAGUE_NOUNS


def placed_body(words: list[str], lows: list[str]) -> int | None:
    """"the defence ministry in Kyiv", "the Ministry of Defence in Moscow": a body placed somewhere,
    whose place is not the source; where the place begins."""
    k = placed_at(words, lows)
    if k is None or k + 1 >= len(words):
        return None
    if lows[k - 1] not in ORG_HEADS and not (is_cap(words[k - 1]) and any(w in ORG_HEADS for w in lows[:k])):
        return None
    return k


def name_kind(ctx: Context, name: str, nw: list[str], name_words: list[str], desc: list[str]) -> str:
    """The kind of a proper name: what the phrase says of it, else how the article uses the name."""
    parts = name.split() if len(nw) >= 2 else name_words
    lowered = [w.lower().strip(".") for w in parts]
    if len(lowered) > 1 and any(w in SUBJECT_PRONOUNS or w in HEADLINE_VERBS for w in lowered):
        return "vague"  # a run of a title-case headline ("Soldier Says He Was"), not anyone's name
    if len(lowered) >= 2 and (lowered[-1] in OUTLET_WORDS or lowered[0] in OUTLET_FIRST):
        return "outlet"  # "Al-Masirah TV", "the Daily Post", "Radio Okapi"
    if any(w in ORG_HEADS for w in lowered) or (len(lowered) > 1 and lowered[-1] in AREA_WORDS) or (len(name_words) == 1 and name_words[0].isupper() and len(name_words[0]) > 1):
        return "organisation"
    if len(name_words) > 1 and name_words[0].lower().rstrip(".") in TITLE_WORDS:
        return "person"  # "Tulsa police Chief Chuck Jordan": the title, not the body before it, says who
    # a description before or beside the name: "maritime security firm Ambrey", "X, Israel's ambulance service"
    described = [w for w in desc if w not in DETERMINERS]  # ("the newspaper The Morning Ledger")
    dhead = head_of(described, described) if described else ""
    if dhead in OUTLET_WORDS:
        return "outlet"
    if dhead in ORG_HEADS or dhead in GROUP_HEADS:
        return "organisation"
    if dhead in PERSON_TITLES or dhead in TITLE_WORDS:
        return "person"
    if len(parts) == 2 and desc[-1:] == ["the"] and NATIONALITY_LIKE.match(parts[0]) and parts[0] not in PARTY_WORDS \
            and not NATIONALITY_LIKE.match(parts[1]):
        parts = parts[1:]  # "the Pakistani Taliban": a people's adjective before one word makes no person's name
    if len(parts) == 1:
        low = parts[0].lower()
        if low.endswith(("’s", "'s")):
            parts, low = [parts[0][:-2]], low[:-2]
        if low in ctx.surnames:
            return "person"
        if low.endswith("s") and NATIONALITY_LIKE.match(parts[0][:-1]):
            return "vague"  # "many Mexicans", "the Europeans": a people, no one in particular
        if low in PEOPLE_PLURALS:
            return "organisation" if low in OFFICE_PLURALS else "anonymous"
        # one word the article never gives as part of a person's name is a body or a place standing for
        # its government ("Hamas denied", "Israel says"), not a person
        if not any(w in TITLE_WORDS for w in desc) and (not _person_name_part(ctx, parts[0]) or _demonym_in(ctx, parts[0])):
            return "organisation"
    elif len(parts) > 2 and not desc and _speaks_of_its_own(ctx.text, name):
        return "organisation"
    return "person"


def _speaks_of_its_own(text: str, name: str) -> bool:
    """ "Medecins Sans Frontieres said its teams ...": a name of three words or more whose reported words
    go on with "its" is a body's, not a person's (people say "his", "her" or "their")."""
    if len(name) < 4:
        return False
    pos = text.find(name)
    while pos >= 0:
        m = _SAID_ITS.match(text, pos + len(name))
        if m and m.group(1).lower() in SPEECH_FORMS:
            # (the last word alone elsewhere is a surname: "Smith said")
            return text.count(name.split()[-1]) <= text.count(name)
        pos = text.find(name, pos + len(name))
    return False


# the name, its verb of speech, perhaps "that", then "its"
_SAID_ITS = re.compile(r"[ \t]+(?:on [A-Z]\w+ )?([a-z]+)[ \t]+(?:that[ \t]+)?its\b")


_NEXT_WORD = re.compile(r"[ \t]+([A-Z][\w’'-]*[a-z][\w’'-]*)")
_PREV_WORD = re.compile(r"([A-Z][\w’'-]*[a-z][\w’'-]*)\.?[ \t]+$")
# a personal pronoun soon after the name, in its sentence: "said O'Neill, on his first day"
_HIS = re.compile(r"[^.!?\n]{0,80}?\b(?:he|she|his|her|him)\b", re.I)


def _person_name_part(ctx: Context, word: str) -> bool:
    """Whether the article's running text gives ``word`` as part of a run of capitalised words that may
    be a person's name ("Donald Trump", "President Erdogan", "Lee Seong-kweun"); headlines, in title
    case, do not count."""
    hit = ctx.person_words.get(word)
    if hit is not None:
        return hit
    text = ctx.text
    pos = text.find(word)
    tries = 0
    hit = False
    while pos >= 0 and tries < 30 and not hit:
        tries += 1
        end = pos + len(word)
        # (a word glued to the next or the last by a hyphen is part of a compound: "Tehreek-e-Taliban")
        if (pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] == "-")) \
                and (end == len(text) or not (text[end].isalnum() or text[end] == "-")):
            line_end = text.find("\n", end)
            line = text[end : line_end if line_end >= 0 else len(text)].rstrip()
            if line.endswith((".", "!", "?", '"', "”", "’", "'")):
                if _HIS.match(text, end):
                    hit = True
                m = _PREV_WORD.search(text, max(0, pos - 40), pos)
                n = _NEXT_WORD.match(text, end)
                for w in (m.group(1) if m else None, n.group(1) if n else None):
                    low = w.lower() if w else ""
                    # (a possessive before it is an owner, not a first name: "Afghanistan's Taliban government")
                    if low in TITLE_WORDS or low and low not in CAP_STOP and low not in DETERMINERS and low not in ORG_HEADS \
                            and low not in OUTLET_WORDS and not NATIONALITY_LIKE.match(w) and not low.endswith(("’s", "'s")):
                        hit = True
        pos = text.find(word, end)
    ctx.person_words[word] = hit
    return hit


def _demonym_in(ctx: Context, word: str) -> bool:
    """Whether the article also names the people of ``word`` ("Israeli" beside "Israel", "Kenyan"
    beside "Kenya"): a country that is also a first name ("Defence Minister Israel Katz") stands for
    its government when alone. Asked of most one-word names, so found with str.find and remembered."""
    hit = ctx.demonyms.get(word)
    if hit is not None:
        return hit
    text = ctx.text
    hit = False
    i = text.find(word)
    while i != -1 and not hit:
        j = i + len(word)
        if i == 0 or not text[i - 1].isalnum():
            for suffix in _DEMONYM_ENDINGS:
                k = j + len(suffix)
                if text.startswith(suffix, j) and (k == len(text) or not text[k].isalnum()):
                    hit = True
                    break
        i = text.find(word, j)
    ctx.demonyms[word] = hit
    return hit


_DEMONYM_ENDINGS = ("i", "is", "n", "ns", "ese")
