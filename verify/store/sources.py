"""The source registry in the database: the sources claims name, their aliases, and people's edits.

Sources are rows of their own, created from the registry the first time a claim names them; the
registry a user sees is the starter registry with the database's sources (added, aliased or
re-graded by people) laid over it. ``SourceRegistry`` holds the store's operations on them (a
``Store`` is one).
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, selectinload

from ..errors import InputError, NotFound, VerifyError
from ..models import RELIABILITY_GRADES, SOURCE_KINDS, Source, SourceMention
from ..printable import printable
from ..registry import Registry, normalise
from ..config import reviewer_name
from .db import store_error
from .events import add_source_event
from .tables import AliasRow, ClaimSourceRow, SourceRow, utcnow


@dataclass(frozen=True)
class SourceSummary:
    """A registry source with what the database holds about it."""

    source: Source
    claims: int = 0  # claims it is a source of
    relayed: int = 0  # claims it relayed
    chain: list[str] = field(default_factory=list)  # itself, its affiliation, that one's, ...
    stored: bool = False  # has a row in the database (named by a claim or edited by a person)


def _writes(method):
    """A registry write whose database failure (read-only file, lost connection) is one clear line."""

    @functools.wraps(method)
    def wrapper(self, *args, **kw):
        try:
            return method(self, *args, **kw)
        except SQLAlchemyError as e:
            raise store_error(e, self.engine.url, "write to") from None

    return wrapper


def _clip(value: str | None, n: int) -> str | None:
    # an extractor's odd output must not make PostgreSQL refuse a whole article over a long cue
    return value if value is None or len(value) <= n else value[:n]


class SourceRegistry:
    """The registry operations of a ``Store``: reading the merged registry, adding and editing sources."""

    def registry(self, *, found: bool = True) -> Registry:
        """The starter registry with the database's sources laid over it.

        A stored source that a person has edited replaces the starter entry of the same name; one
        nobody edited follows the starter entry. Aliases are the union of both.

        ``found=False`` leaves out the names extraction alone put there (no starter entry, never
        edited, no alias): the registry articles are read with, so that what an ingest finds does not
        depend on which articles earlier runs happened to store (an ingest killed and run again, or
        a directory ingested in two halves, stores what one run over all of it stores).
        """
        merged: dict[str, Source] = {s.canonical: s for s in Registry.starter()}
        with self.session() as s:
            rows = s.scalars(select(SourceRow).options(selectinload(SourceRow.aliases))).all()
            # a source merged into another is gone from the registry: its names are the other's aliases
            by_id = {row.id: row.canonical for row in rows}
            gone = {row.canonical: by_id.get(row.merged_into) for row in rows if row.merged_into is not None}
            for row in rows:
                if row.merged_into is not None:
                    merged.pop(row.canonical, None)
                    continue
                base = merged.get(row.canonical)
                if not found and base is None and row.edited_at is None and not row.aliases:
                    continue
                aliases = sorted(({a.alias for a in row.aliases} | set(base.aliases if base else ())) - {row.canonical})
                if base is not None and row.edited_at is None:
                    merged[row.canonical] = base.model_copy(update={"aliases": aliases})
                else:
                    merged[row.canonical] = _to_source(row, aliases)
        for name, src in merged.items():
            if src.affiliation in gone and gone[src.affiliation]:
                merged[name] = src.model_copy(update={"affiliation": gone[src.affiliation]})
        return Registry(merged.values())

    def refresh_sources(self) -> int:
        """Bring stored copies of starter entries that nobody edited up to the starter registry.

        A newer verify may ship changed entries (a new tag, a corrected affiliation); readers that
        take the rows as they are (rules, reports) then see them too. Returns how many changed.
        """
        starter = Registry.starter()
        with self.session() as s:
            stale = [
                row.canonical
                for row in s.scalars(select(SourceRow).where(SourceRow.edited_at.is_(None)))
                if row.canonical in starter and _fields_of_row(row) != _fields(starter.get(row.canonical))
            ]
        if not stale:
            return 0
        with self.transaction() as s:
            for name in stale:
                row = _row_for(s, name)
                if row is not None and row.edited_at is None:
                    _copy_fields(row, starter.get(name))
        return len(stale)

    @_writes
    def sync_sources(self, registry: Registry | Iterable[Source]) -> int:
        """Store every source of ``registry`` (new ones added, stored ones updated); returns how many.

        An alias that already names another stored source stays with that source.
        """
        n = 0
        with self.transaction() as s:
            for src in registry:
                row = _row_for(s, src.canonical)
                if row is None:
                    row = SourceRow(canonical=src.canonical)
                    s.add(row)
                if row.edited_at is None or _fields_of_row(row) != _fields(src):
                    # unchanged entries are left alone, so syncing the same file again writes nothing
                    _copy_fields(row, src)
                    row.edited_at = utcnow()
                s.flush()
                for alias in src.aliases:
                    _add_alias_row(s, row, alias, strict=False)
                n += 1
        return n

    @_writes
    def add_source(self, source: Source, *, reviewer: str | None = None) -> Source:
        """Add a new source to the registry; an error if its name or an alias is already taken."""
        reg = self.registry()
        if source.canonical in reg or reg.lookup(source.canonical) is not None:
            owner = reg.lookup(source.canonical)
            raise VerifyError(
                f"a source named {source.canonical!r} is already in the registry"
                + (f" (as {owner.canonical!r})" if owner and owner.canonical != source.canonical else "")
                + "; change it with `verify sources set` or `verify sources alias`"
            )
        for alias in source.aliases:
            owner = reg.lookup(alias)
            if owner is not None:
                raise VerifyError(f"the alias {alias!r} already names {owner.canonical!r}")
        affiliation = _resolve_affiliation(reg, source.canonical, source.affiliation)
        with self.transaction() as s:
            row = SourceRow(
                canonical=source.canonical,
                kind=source.kind,
                affiliation=affiliation,
                tags=sorted(set(source.tags)),
                reliability=source.reliability,
                description=source.description,
                edited_at=utcnow(),
            )
            s.add(row)
            s.flush()
            for alias in source.aliases:
                _add_alias_row(s, row, alias, strict=True)
            add_source_event(s, row.id, action="source-add", reviewer=reviewer_name(reviewer),
                             changes={"fields": {k: [None, v] for k, v in _named_fields(row).items() if v}})
        return self.get_source(source.canonical)

    @_writes
    def add_alias(self, name_or_alias: str, alias: str, *, reviewer: str | None = None) -> Source:
        """Give a known source another name; an error if the alias already names another source."""
        reg = self.registry()
        src = _known(reg, name_or_alias)
        _refuse_control("alias", alias)
        if not normalise(alias):
            raise VerifyError("an alias cannot be empty")
        owner = reg.lookup(alias)
        if owner is not None and owner.canonical != src.canonical:
            raise VerifyError(f"the alias {alias!r} already names {owner.canonical!r}")
        with self.transaction() as s:
            row = _materialise(s, src)
            if _add_alias_row(s, row, alias, strict=True):
                add_source_event(s, row.id, action="source-alias", reviewer=reviewer_name(reviewer),
                                 changes={"alias": [None, alias.strip()]})
        return self.get_source(src.canonical)

    @_writes
    def set_source(
        self,
        name: str,
        *,
        kind: str | None = None,
        affiliation: str | None = None,
        tags: list[str] | None = None,
        reliability: str | None = None,
        description: str | None = None,
        reviewer: str | None = None,
    ) -> Source:
        """Change what the registry holds for a source. ``affiliation=""`` / ``reliability=""`` clear it.

        The change is an event of the source's history (who, when, each field before and after)."""
        reg = self.registry()
        src = _known(reg, name)
        if affiliation:
            _refuse_control("affiliation", affiliation)
        for t in tags or ():
            _refuse_control("tag", t)
        if kind is not None and kind not in SOURCE_KINDS:
            raise VerifyError(f"unknown source kind {kind!r}; use one of: {', '.join(SOURCE_KINDS)}")
        if reliability:
            reliability = reliability.upper()
            if reliability not in RELIABILITY_GRADES:
                raise VerifyError(
                    f"unknown reliability grade {reliability!r}; use one of: {', '.join(RELIABILITY_GRADES)}"
                )
        new_affiliation = None
        if affiliation:
            new_affiliation = _resolve_affiliation(reg, src.canonical, affiliation)
        with self.transaction() as s:
            row = _materialise(s, src)
            before = _named_fields(row)
            if kind is not None:
                row.kind = kind
            if affiliation is not None:
                row.affiliation = new_affiliation
            if tags is not None:
                row.tags = sorted({t.strip() for t in tags if t.strip()})
            if reliability is not None:
                row.reliability = reliability or None
            if description is not None:
                row.description = description or None
            row.edited_at = utcnow()
            after = _named_fields(row)
            changed = {k: [before[k], after[k]] for k in after if after[k] != before[k]}
            if changed:
                add_source_event(s, row.id, action="source-edit", reviewer=reviewer_name(reviewer),
                                 changes={"fields": changed})
        return self.get_source(src.canonical)

    def get_source(self, name: str) -> Source:
        """The registry entry for a canonical name or alias; ``NotFound`` for one nobody knows."""
        return _known(self.registry(), name)

    def source_summary(self, name: str) -> SourceSummary:
        reg = self.registry()
        src = _known(reg, name)
        return self._summaries(reg, [src])[0]

    def list_sources(self) -> list[SourceSummary]:
        """Every source of the registry with its claim counts, most-cited first."""
        reg = self.registry()
        out = self._summaries(reg, list(reg))
        return sorted(out, key=lambda x: (-x.claims, -x.relayed, x.source.canonical.lower()))

    def _summaries(self, reg: Registry, sources: list[Source]) -> list[SourceSummary]:
        with self.session() as s:
            counts: dict[tuple[str, str], int] = {}
            q = (
                select(SourceRow.canonical, ClaimSourceRow.role, func.count(func.distinct(ClaimSourceRow.claim_id)))
                .join(ClaimSourceRow, ClaimSourceRow.source_id == SourceRow.id)
                .group_by(SourceRow.canonical, ClaimSourceRow.role)
            )
            for canonical, role, n in s.execute(q):
                counts[(canonical, role)] = n
            stored = set(s.scalars(select(SourceRow.canonical)))
        return [
            SourceSummary(
                source=src,
                claims=counts.get((src.canonical, "source"), 0),
                relayed=counts.get((src.canonical, "relay"), 0),
                chain=reg.affiliation_chain(src.canonical),
                stored=src.canonical in stored,
            )
            for src in sources
        ]


# -- helpers ---------------------------------------------------------------------------------------


class _SourceCache:
    """Source rows by canonical name for one ingest, created from the registry when new.

    ``prepare`` loads every row the article's claims need in one query (and creates the missing
    ones) before any claim is added, so that adding claims needs no further round trips.
    """

    def __init__(self, s: Session, registry: Registry) -> None:
        self.s = s
        self.registry = registry
        self.starter = _starter()
        self.ids: dict[str, int] = {}
        self.names: dict[tuple[str, str], str] = {}

    def name_of(self, m: SourceMention) -> tuple[str, Source | None]:
        name = _clip(m.canonical.strip(), 300) or _clip(m.mention.strip(), 300) or "unknown"
        known = self.registry.get(name) or self.registry.lookup(name)
        return (known.canonical if known is not None else name), known

    def prepare(self, mentions: Iterable[SourceMention]) -> None:
        wanted: dict[str, Source] = {}
        for m in mentions:
            name, known = self.name_of(m)
            if name in wanted:
                continue
            wanted[name] = known or Source(canonical=name, kind=m.kind)
            # the hierarchy travels with the source, so rules can count one government once
            for parent in self.registry.affiliation_chain(name)[1:]:
                wanted.setdefault(parent, self.registry.get(parent) or Source(canonical=parent))
        if not wanted:
            return
        with self.s.no_autoflush:
            rows = {
                r.canonical: r
                for r in self.s.scalars(select(SourceRow).where(SourceRow.canonical.in_(list(wanted))))
            }
        for name, src in wanted.items():
            row = rows.get(name)
            in_registry = self.registry.get(name) is not None
            if row is None:
                row = _create_source(self.s, src, edited=in_registry and not self._is_starter(src))
            elif in_registry and row.edited_at is None and self._is_starter(src) and _fields_of_row(row) != _fields(src):
                _copy_fields(row, src)  # a newer starter registry than the one the row was copied from
            self.ids[name] = row.id

    def _is_starter(self, src: Source) -> bool:
        base = self.starter.get(src.canonical)
        return base is not None and _fields(base) == _fields(src)

    def id_for(self, m: SourceMention) -> int:
        name, _ = self.name_of(m)
        if name not in self.ids:
            self.prepare([m])
        return self.ids[name]


@lru_cache(maxsize=1)
def _starter() -> Registry:
    return Registry.starter()


def _row_for(s: Session, canonical: str) -> SourceRow | None:
    return s.scalars(select(SourceRow).where(SourceRow.canonical == canonical)).first()


def _fields(src: Source) -> tuple:
    return (src.kind, src.affiliation, sorted(set(src.tags)), src.reliability, src.description)


def _named_fields(row: SourceRow) -> dict:
    """The fields a person edits, by name, as an event records them."""
    return {"kind": row.kind, "affiliation": row.affiliation, "tags": sorted(set(row.tags or [])),
            "reliability": row.reliability, "description": row.description}


def _fields_of_row(row: SourceRow) -> tuple:
    return (row.kind, row.affiliation, sorted(set(row.tags or [])), row.reliability, row.description)


def _copy_fields(row: SourceRow, src: Source) -> None:
    row.kind = src.kind
    row.affiliation = src.affiliation
    row.tags = sorted(set(src.tags))
    row.reliability = src.reliability
    row.description = src.description


def _create_source(s: Session, src: Source, *, edited: bool = False) -> SourceRow:
    """A new source row with the registry's fields and aliases.

    In a savepoint: when another process creates the same source at the same moment, its row is
    used and this article's transaction carries on.
    """
    try:
        with s.begin_nested():
            row = SourceRow(canonical=src.canonical, edited_at=utcnow() if edited else None)
            _copy_fields(row, src)
            s.add(row)
            s.flush()
    except IntegrityError:
        row = _row_for(s, src.canonical)
        if row is None:
            raise
        return row
    for alias in src.aliases:
        _add_alias_row(s, row, alias, strict=False)
    return row


def _add_alias_row(s: Session, row: SourceRow, alias: str, *, strict: bool) -> AliasRow | None:
    """The new alias row, or None where the name was already the source's (or, not ``strict``, taken)."""
    alias = alias.strip()
    key = _clip(normalise(alias), 300)
    if not key or key == normalise(row.canonical):
        return None
    other = s.scalars(select(AliasRow).where(AliasRow.key == key)).first()
    if other is not None:
        if other.source_id == row.id or not strict:
            return None
        owner = s.get(SourceRow, other.source_id)
        raise VerifyError(f"the alias {alias!r} already names {owner.canonical if owner else 'another source'!r}")
    try:
        with s.begin_nested():
            new = AliasRow(source_id=row.id, alias=_clip(alias, 300), key=key)
            s.add(new)
            s.flush()
            return new
    except IntegrityError:
        if strict:
            raise VerifyError(f"the alias {alias!r} is already taken") from None
        return None


def _materialise(s: Session, src: Source) -> SourceRow:
    """The source's row, created from the registry entry if the database does not hold it yet."""
    return _row_for(s, src.canonical) or _create_source(s, src)


def _to_source(row: SourceRow, aliases: list[str]) -> Source:
    kind = row.kind if row.kind in SOURCE_KINDS else "organisation"
    return Source(
        canonical=row.canonical,
        kind=kind,
        aliases=aliases,
        affiliation=row.affiliation,
        tags=list(row.tags or []),
        reliability=row.reliability if row.reliability in RELIABILITY_GRADES else None,
        description=row.description,
    )


def _known(reg: Registry, name: str) -> Source:
    src = reg.get(name) or reg.lookup(name)
    if src is None:
        raise NotFound(f"no source named {name!r} in the registry (see `verify sources list`)")
    return src


def _resolve_affiliation(reg: Registry, canonical: str, affiliation: str | None) -> str | None:
    """The canonical name of an affiliation given by any of its names; no cycles allowed."""
    if not affiliation:
        return None
    parent = reg.get(affiliation) or reg.lookup(affiliation)
    name = parent.canonical if parent else affiliation.strip()
    if name == canonical or canonical in reg.affiliation_chain(name):
        raise VerifyError(f"{canonical!r} cannot be affiliated with {name!r}: that would make a circle")
    return name


def _refuse_control(what: str, value: str) -> None:
    """A name never holds a control character; one would reach terminals (ESC sequences, links)."""
    if printable(value) != value or any(c in value for c in "\t\n"):
        raise InputError(f"a {what} cannot contain control characters: {printable(value)!r}")


def make_source(
    name: str,
    kind: str,
    *,
    affiliation: str | None = None,
    aliases: Iterable[str] = (),
    tags: Iterable[str] = (),
    reliability: str | None = None,
    description: str | None = None,
) -> Source:
    """A registry entry from user input; ``VerifyError`` (one line) when a field is not valid."""
    aliases, tags = list(aliases), list(tags)
    _refuse_control("source name", name)
    for a in aliases:
        _refuse_control("alias", a)
    if affiliation:
        _refuse_control("affiliation", affiliation)
    for t in tags:
        _refuse_control("tag", t)
    name = " ".join(name.split())
    if not name:
        raise VerifyError("a source needs a name")
    if kind not in SOURCE_KINDS:
        raise VerifyError(f"unknown source kind {kind!r}; use one of: {', '.join(SOURCE_KINDS)}")
    if reliability:
        reliability = reliability.upper()
        if reliability not in RELIABILITY_GRADES:
            raise VerifyError(f"unknown reliability grade {reliability!r}; use one of: {', '.join(RELIABILITY_GRADES)}")
    return Source(
        canonical=name,
        kind=kind,
        aliases=[a.strip() for a in aliases if a.strip()],
        affiliation=affiliation.strip() if affiliation and affiliation.strip() else None,
        tags=sorted({t.strip() for t in tags if t.strip()}),
        reliability=reliability or None,
        description=description or None,
    )


def extend_registry(reg: Registry, paths: Iterable[str | Path]) -> list[Source]:
    """Add the sources of registry files (``--registry FILE``) to ``reg``; returns them as merged.

    As ``Registry.load``: a file may extend a known source but not take a name that belongs to
    another one, which would re-route that source's claims without anyone noticing.
    """
    return reg.extend(paths)


__all__ = ["SourceRegistry", "SourceSummary", "extend_registry", "make_source"]
