"""Names given in copy: whether "called" gives a thing its name ("a group called X") rather than
labelling it ("X called the plan a disgrace"), read by ``senses.not_a_verb``; the name an aside
gives an unnamed person (", who gave only her first name, Nadege,"), read by ``speaker``; and one name
per person across an article (``unify_names``), once it is read."""

from __future__ import annotations

from .cues import NAMED_BY, NAMING_ADVERBS, NAMING_PREPOSITIONS, NOT_NAMES, NOUNISH, VERB_CUES
from .kinds import head_of
from .sources import Src, singular
from .tokens import QUOTE_MARKS, Tokens, is_cap
from .words import (
    ANON_HEADS, AUX, BE, CAP_WORDS, CLAUSE_RELATIVES, CLAUSE_VERBS, DETERMINERS, INTRO_WORDS, IRREGULAR_PAST, NP_END, ORG_HEADS, PERSON_TITLES, RELATIVES, STOP, SUBJECT_PRONOUNS,
    TIME_NOUNS, TRAILER_START,
)


def names_a_thing(toks: Tokens, i: int) -> bool:
    """"a group called X", "joined a movement called the X", "the procedure sometimes called X": the
    participle after a noun gives that thing's name; no one is labelling anything."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    if i < 2 or i + 1 >= n or lows[i + 1] in NOT_NAMES:
        return False
    prev, w = lows[i - 1], words[i + 1]
    if prev in NAMING_ADVERBS:
        # "the pier, now called X", "the procedure sometimes called X"; "he often called X a liar",
        # "the mayor often called the ferry a lifeline" label
        return not is_cap(words[i - 2]) and lows[i - 2] not in SUBJECT_PRONOUNS and lows[i - 2] not in AUX \
            and (words[i - 2] in NP_END or _name_alone(toks, i + 1))
    after = words[i + 2] if lows[i + 1] == "the" and i + 2 < n else w  # "called the Northern Shield"
    named = is_cap(after) or after in QUOTE_MARKS or w[:1] == "#"
    # the noun phrase before the participle, back to its article: "a (new) group", "an inflation formula"
    k = i - 1
    while k > max(0, i - 6) and lows[k] not in NAMED_BY and not toks.inq[k] and lows[k] not in STOP \
            and lows[k] not in SUBJECT_PRONOUNS and (lows[k].replace("-", "").isalnum()):
        k -= 1
    if lows[k] not in NAMED_BY or k == i - 1 or toks.inq[k]:
        return False
    before = lows[k - 1] if k else ""
    if before in NAMING_PREPOSITIONS:
        # "the founder of a group called X"; after "the" only a name with nothing after it ("one of
        # the doctors called Roe a quack", "a spokesman for the ministry called the strike a crime" label)
        return lows[k] != "the" or (named and _name_alone(toks, i + 1))
    if before.isalpha() and not is_cap(words[k - 1]) and before not in STOP and before not in INTRO_WORDS \
            and before not in TIME_NOUNS and (before.endswith(("ed", "ing")) or before in IRREGULAR_PAST
                                              or (before in VERB_CUES and before not in NOUNISH) or (k > 1 and lows[k - 2] == "to")):
        # "joined a movement called X", "offering a beer called X", "to broadcast a film called X": the
        # object of another verb; in a relative clause only a name with nothing after it ("the doctors
        # who signed the letter called him a quack": the relative clause ends before "called")
        return not any(lows[m] in CLAUSE_RELATIVES or lows[m] == "that" for m in range(max(0, k - 4), k - 1)) \
            or (named and _name_closes(toks, i + 1))
    if not (named and lows[k] in ("a", "an") and not is_cap(words[i - 1])):
        return False
    # "A group called X ...": one word between the article and the participle reads as a name given;
    # after more, the name must close the phrase ("A new band called Green Dawn, formed in ...")
    if k == i - 2 and prev.isalpha():
        return True
    return k == 0 and _name_closes(toks, i + 1)


def _name_alone(toks: Tokens, m: int) -> bool:
    """The name at ``m`` (capitalised words, a quotation or a term) is followed by no second phrase:
    "called Green Dawn." names; "called Roe a quack" labels."""
    lows, words = toks.lows, toks.words
    m = _past_name(toks, m)
    return m >= len(toks.words) or words[m] in NP_END or lows[m] in STOP or lows[m] in CLAUSE_RELATIVES or lows[m] in TRAILER_START


def _name_closes(toks: Tokens, m: int) -> bool:
    """The name at ``m`` closes its phrase, or the clause's own verb follows it ("A militia called the
    Northern Shield claimed the attack")."""
    lows = toks.lows
    if _name_alone(toks, m):
        return True
    m = _past_name(toks, m)
    return m < len(toks.words) and (lows[m] in IRREGULAR_PAST or lows[m] in CLAUSE_VERBS or lows[m] in BE or lows[m] in VERB_CUES)


def _past_name(toks: Tokens, m: int) -> int:
    """Where the name at ``m`` ends."""
    lows, words = toks.lows, toks.words
    n = len(toks.words)
    if (lows[m] == "the" or words[m] == "#") and m + 1 < n:
        m += 1  # "the Northern Shield", "#SafeHarbour"
    if words[m] in QUOTE_MARKS:
        m += 1
        while m < n and toks.inq[m]:
            m += 1
        return m + 1
    if is_cap(words[m]):
        while m < n and (is_cap(words[m]) or lows[m] in ("of", "the", "and")) and not toks.inq[m]:
            m += 1
        return m
    # a term in lower case: "called ghost rostering."
    while m < n and lows[m].replace("-", "").isalpha() and lows[m] not in STOP and lows[m] not in DETERMINERS \
            and lows[m] not in TRAILER_START:
        m += 1
    return m


_NAMING = {"sign", "name", "nickname", "alias"}


def aside_name(toks: Tokens, a: int, b: int) -> str | None:
    """The name an aside gives an unnamed person: ", who goes by the call sign "Hans"," or ", who gave
    only his first name, Adam,"; or a restrictive relative that does: "a hotel worker who gave his name as X"."""
    words, lows = toks.words, toks.lows
    if words[a] == "," and a + 1 < b:
        a += 1
    if lows[a] not in RELATIVES:
        return None
    for k in range(a + 1, b):
        if lows[k] in _NAMING or (lows[k] == "as" and lows[k - 1] in ("only", "identified", "known")):
            m = k + 1
            while m < b and (words[m] in QUOTE_MARKS or words[m] == "," or lows[m] in ("only", "as")):
                m += 1  # "who gave her name only as Nadege"
            if m < b and is_cap(words[m]) and words[m].isalpha() and lows[m] not in CAP_WORDS:
                return words[m]
            return None
    return None


def unify_names(srcs: list[Src]) -> None:
    """One article, one name per person: "Trump" and "Donald J. Trump" become "Donald Trump" where the
    article uses that full name. ``srcs`` in reading order; canonicals are rewritten in place."""
    _named_later(srcs)
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


def _named_later(srcs: list[Src]) -> None:
    """"..., a rebel commander said." then "Jane Roe, a commander in the rebel army, said ...": the lede's
    unnamed role is the one the article names later with that role, where exactly one source fits."""
    later: dict[str, set[tuple[str, str]]] = {}
    waiting: list[tuple[Src, str]] = []
    for s in srcs:
        low = s.mention.lower()
        if s.kind == "anonymous" and low.startswith(("a ", "an ")) and "," not in low:
            head = head_of(low.split(), low.split())
            if head in PERSON_TITLES or (head in ORG_HEADS and head not in ANON_HEADS):
                waiting.append((s, singular(head)))
        elif low.startswith(("a ", "an ")) and " for " in low and "," not in low:
            # "a spokesman for the movement", read as the body it speaks for, may be named later too
            head = head_of(low.split(), low.split())
            if head in PERSON_TITLES:
                waiting.append((s, singular(head)))
        elif s.kind == "person" and low.startswith("the ") and low.find(",") > 4 and low[4 : low.find(",")].isalpha():
            # "The spokesman, Jane Roe, said": the role just met, now named
            later.setdefault(singular(low[4 : low.find(",")]), set()).add((s.canonical, s.kind))
        elif s.kind in ("person", "organisation") and s.canonical[:1].isupper() and ", a" in low:
            for w in low[low.index(", a") :].split():
                later.setdefault(singular(w.strip(",")), set()).add((s.canonical, s.kind))
    for s, head in waiting:
        fits = later.get(head)
        if fits and len(fits) == 1:
            s.canonical, s.kind = next(iter(fits))
