"""The source registry: canonical names, aliases, affiliations and tags.

A mention in copy ("Ukraine's President Volodymyr Zelenskyy", "Zelensky", a resolved "he") resolves to
one canonical source. Affiliations form a hierarchy (the Pentagon speaks for the Government of the
United States); two sources under the same top-level affiliation are not independent of each other.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from pydantic import ValidationError
from rapidfuzz import fuzz, process

from .config import STARTER_REGISTRY
from .errors import VerifyError
from .models import Source

T = TypeVar("T")

# a name may be preceded by titles, roles or possessives that do not change who it is
# ("Ukrainian President ...", "regional governor ..."); a preposition ends that run, so
# "Central Bank of Russia" never shrinks to "Russia"
_TITLE_TOKEN = re.compile(r"^[\w.'’-]+$")
_STOP_TOKENS = frozenset("of for in at on from to and with by or the a an".split())


# what a name loses at each end: whitespace (every character that str.isspace and regex \s agree
# on, all below U+3001), quotes, brackets and trailing punctuation
_WHITESPACE = "".join(c for c in map(chr, range(0x3001)) if c.isspace())
_LEADING = _WHITESPACE + "\"'“”‘’(["
_TRAILING = _WHITESPACE + "\"'“”‘’)].,;:"


def normalise(name: str) -> str:
    """The form aliases are compared in: lower case, straight apostrophes, no leading article."""
    s = name.replace("’", "'").replace("‘", "'")
    # str methods rather than patterns, several times faster: the ends trimmed, then each
    # whitespace run made one space (split() breaks where \s+ would match)
    s = " ".join(s.lstrip(_LEADING).rstrip(_TRAILING).split()).lower()
    if s.startswith("the "):
        s = s[4:]
    return s


class Registry:
    """Sources by canonical name, with a normalised alias index for look-ups."""

    def __init__(self, sources: Iterable[Source] = ()) -> None:
        self._sources: dict[str, Source] = {}
        self._alias: dict[str, str] = {}
        # resolve() is asked the same mentions again and again across a day's articles
        self._resolved: dict[tuple[str, bool], Source | None] = {}
        self._fuzzy_by_len: dict[int, list[str]] = {}
        # indexes that readers of the registry build from its sources, kept until it changes
        self._derived: dict[str, object] = {}
        # the last word of every alias key: a shorter form of a mention keeps the mention's last
        # word, so where no alias ends in it, no shorter form can be an alias
        self._last_words: set[str] = set()
        for s in sources:
            self.add(s)

    # -- building -----------------------------------------------------------------------------
    @classmethod
    def starter(cls) -> Registry:
        """The registry shipped with verify (``verify/data/sources.toml``)."""
        return cls(_starter_sources())

    @classmethod
    def load(cls, *paths: str | Path, starter: bool = True) -> Registry:
        """The starter registry (unless ``starter=False``) extended by registry files.

        A file may add sources and extend known ones (same canonical name), but not take a name
        that already belongs to another source: that would silently re-route every claim made
        under that name, so it is refused with the file, the entry and both sources named.
        """
        reg = cls.starter() if starter else cls()
        reg.extend(paths)
        return reg

    def extend(self, paths: Iterable[str | Path]) -> list[Source]:
        """Add the sources of registry files, refusing a name that belongs to another source;
        returns the added sources as merged with what was known of them."""
        added: list[Source] = []
        for p in paths:
            for i, s in enumerate(read_registry_file(p), 1):
                clash = self.clash(s)
                if clash:
                    name, owner = clash
                    raise VerifyError(
                        f"{p}: source #{i} {s.canonical!r}: the name {name!r} already belongs to {owner!r}; "
                        f"use [[source]] canonical = {owner!r} to extend that source"
                    )
                self.add(s)
                added.append(self._sources[s.canonical])
        return added

    def clash(self, source: Source) -> tuple[str, str] | None:
        """A name of ``source`` that already names another source, with that source's name."""
        for name in (source.canonical, *source.aliases):
            owner = self._alias.get(normalise(name))
            if owner is not None and owner != source.canonical:
                return name, owner
        return None

    def add(self, source: Source) -> None:
        """Add a source, or merge its aliases and fields into the entry of the same name."""
        old = self._sources.get(source.canonical)
        if old is not None:
            merged = old.model_copy(
                update={
                    "aliases": sorted(set(old.aliases) | set(source.aliases)),
                    "tags": sorted(set(old.tags) | set(source.tags)),
                    # a file that only adds aliases to a known source keeps its kind
                    "kind": source.kind if "kind" in source.model_fields_set else old.kind,
                    "affiliation": source.affiliation or old.affiliation,
                    "reliability": source.reliability or old.reliability,
                    "description": source.description or old.description,
                }
            )
            source = merged
        self._sources[source.canonical] = source
        for name in (source.canonical, *source.aliases):
            key = normalise(name)
            if key:
                self._alias[key] = source.canonical
                self._last_words.add(key.rpartition(" ")[2])
        self._fuzzy_by_len = {}
        self._resolved = {}
        self._derived = {}

    # -- reading ------------------------------------------------------------------------------
    def derived(self, key: str, build: Callable[[Registry], T]) -> T:
        """What ``build`` makes of the sources (an index of a reader's own), kept until the next ``add``."""
        try:
            return self._derived[key]  # type: ignore[return-value]
        except KeyError:
            value = self._derived[key] = build(self)
            return value

    def __iter__(self) -> Iterator[Source]:
        return iter(self._sources.values())

    def __len__(self) -> int:
        return len(self._sources)

    def __contains__(self, canonical: object) -> bool:
        return canonical in self._sources

    def get(self, canonical: str) -> Source | None:
        return self._sources.get(canonical)

    def lookup(self, name: str) -> Source | None:
        """Exact alias look-up (after normalisation), by canonical name or alias."""
        key = self._alias.get(normalise(name))
        return self._sources[key] if key else None

    def resolve(self, mention: str, *, fuzzy: bool = True) -> Source | None:
        """The source a mention names, or None.

        Tries the mention as it is, then without leading titles or possessives ("Ukrainian
        President Volodymyr Zelenskyy" -> "Volodymyr Zelenskyy" -> "Zelenskyy"), then the part
        before an apposition's comma, then a close spelling ("Zelenskiy").
        """
        key = (mention, fuzzy)
        if key in self._resolved:
            return self._resolved[key]
        hit = self._resolve(mention, fuzzy)
        if len(self._resolved) < 100_000:  # bounded: memory must not grow with the corpus
            self._resolved[key] = hit
        return hit

    def _resolve(self, mention: str, fuzzy: bool) -> Source | None:
        key = normalise(mention)
        hit = self._alias.get(key)
        if hit:
            return self._sources[hit]
        head = mention.split(",")[0].strip()
        cut = head != mention.strip()
        if cut:
            key = normalise(head)  # else the mention's own key (normalise strips what strip() does)
        if key.rpartition(" ")[2] in self._last_words:
            tokens = head.split()
            for i in range(1, len(tokens)):
                if not _TITLE_TOKEN.match(tokens[i - 1]) or tokens[i - 1].lower() in _STOP_TOKENS:
                    break
                hit = self.lookup(" ".join(tokens[i:]))
                if hit:
                    return hit
            if cut and key in self._alias:
                return self._sources[self._alias[key]]
        if fuzzy and len(key) >= 6:
            best = process.extractOne(key, self._fuzzy_candidates(len(key)), scorer=fuzz.ratio, score_cutoff=90)
            if best:
                return self._sources[self._alias[best[0]]]
        return None

    def _fuzzy_candidates(self, n: int) -> list[str]:
        """The alias keys, in order, that can come within the fuzzy cut-off of a name of ``n`` characters.

        fuzz.ratio is 100 * (1 - indel distance / (n + m)) and the distance is at least |n - m|, so a
        key of length m reaches 90 only where 10 * |n - m| <= n + m; the others cannot win, and
        leaving them out spares rapidfuzz converting every key on every call.
        """
        keys = self._fuzzy_by_len.get(n)
        if keys is None:
            keys = self._fuzzy_by_len[n] = [k for k in self._alias if 10 * abs(n - len(k)) <= n + len(k)]
        return keys

    def affiliation_chain(self, canonical: str) -> list[str]:
        """The source, its affiliation, that one's affiliation, ... (cycles cut)."""
        chain = [canonical]
        seen = {canonical}
        cur = self._sources.get(canonical)
        while cur is not None and cur.affiliation and cur.affiliation not in seen:
            chain.append(cur.affiliation)
            seen.add(cur.affiliation)
            cur = self._sources.get(cur.affiliation)
        return chain

    def independence_key(self, canonical: str) -> str:
        """Sources with the same key speak for one government or parent organisation."""
        return self.affiliation_chain(canonical)[-1]

    def tags(self, canonical: str) -> set[str]:
        """A source's own tags, those it inherits from its affiliations, and those its name gives it
        ("a captured Russian soldier" speaks in captivity, whoever holds him: see ``described_tags``)."""
        out = described_tags(canonical)
        for name in self.affiliation_chain(canonical):
            s = self._sources.get(name)
            if s:
                out.update(s.tags)
        return out


def unnamed_key(canonical: str, article: object) -> str:
    """The independence key of an unnamed source no registry entry ties to a body: one per article,
    since "a senior official" in one article is not known to be the one of another."""
    return f"{canonical} (article {article})"


def _read_toml(p: Path) -> dict:
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise VerifyError(f"{p}: registry file not found") from None
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as e:
        raise VerifyError(f"{p}: not a valid TOML registry: {e}") from None


def read_registry_file(path: str | Path) -> list[Source]:
    """Sources from a TOML file of ``[[source]]`` tables; a clear error names what is wrong."""
    p = Path(path)
    data = _starter_data() if p == STARTER_REGISTRY else _read_toml(p)
    out = []
    for i, entry in enumerate(data.get("source", []), 1):
        try:
            source = Source.model_validate(entry)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"])
            raise VerifyError(f"{p}: source #{i}: {where}: {first['msg']}") from None
        problem = _bad_name(source)
        if problem:
            raise VerifyError(f"{p}: source #{i}: {problem}")
        out.append(source)
    return out


# C0 and C1 control characters: a terminal would act on them (clear the screen, plant a link)
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def _bad_name(source: Source) -> str | None:
    """Why a registry file's entry cannot be taken: registry files travel between newsrooms and
    every name in them is shown to people, so each must be plain, non-empty text."""
    for field in ("canonical", "aliases", "affiliation", "tags"):
        value = getattr(source, field)
        for name in value if isinstance(value, list) else [value]:
            if name is None:
                continue
            if not name.strip():
                return f"{field}: a name cannot be empty"
            if _CONTROL.search(name):
                return f"{field}: {name!r} contains a control character"
    return None


@lru_cache(maxsize=1)
def _starter_data() -> dict:
    return _read_toml(STARTER_REGISTRY)


@lru_cache(maxsize=1)
def _starter_sources() -> tuple[Source, ...]:
    return tuple(read_registry_file(STARTER_REGISTRY))


@lru_cache(maxsize=1)
def _described() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The starter file's ``[described]`` table: each tag with the words that give it, as one pattern
    of whole words."""
    return tuple(
        (tag, re.compile(r"\b(?:" + "|".join(re.escape(normalise(w)) for w in words) + r")\b"))
        for tag, words in _starter_data().get("described", {}).items()
    )


def described_tags(canonical: str) -> set[str]:
    """The tags a source's own name gives it, whoever it is: "captured Russian soldier", "Ukrainian
    prisoners of war" and "a detained fighter" speak in captivity (``prisoner-of-war``), though no
    entry of the registry knows them."""
    key = normalise(canonical)
    return {tag for tag, words in _described() if words.search(key)}
