"""Stored claims read a page at a time, as light read-only views, and made into ``ClaimRecord``s.

A page of claim rows gets its sources, numbers, rule results, events, links and matches with one
query per table (claim IDs by range, not by list), and each claim becomes a ``ClaimView``: a named
tuple with the fields of ``verify.models.ClaimRecord``, in its order and under its names, so code
that reads a record reads a view the same way. Building a tuple costs a fraction of building a
pydantic model, which was most of a large report's time; ``record()`` makes the model where one
is wanted (``verify claims``, the library's ``list_claims``), and ``view_json`` writes a view as
the model would write itself.
"""

from __future__ import annotations

import json
from collections import namedtuple
from collections.abc import Sequence
from datetime import date, datetime, timezone
from typing import Any

from pydantic_core import to_json
from sqlalchemy import Text, bindparam, or_, select, type_coerce

from ..models import ClaimRecord, Cue, Event, LinkView, MatchView, Number, RuleHit, SourceView, trusted
from .tables import (
    ArticleRow,
    ClaimRow,
    ClaimSourceRow,
    EventRow,
    LinkRow,
    MatchRow,
    NumberRow,
    RuleResultRow,
    SourceRow,
    decode_flags,
)


def _view(model: Any, name: str) -> Any:
    return namedtuple(name, tuple(model.model_fields))


CueV = _view(Cue, "CueV")
SourceV = _view(SourceView, "SourceV")
NumberV = _view(Number, "NumberV")
RuleHitV = _view(RuleHit, "RuleHitV")
EventV = _view(Event, "EventV")
LinkV = _view(LinkView, "LinkV")
MatchV = _view(MatchView, "MatchV")


class ClaimView(_view(ClaimRecord, "_ClaimView")):  # type: ignore[misc]
    """A stored claim as ``ClaimRecord`` shows it, read-only; lists are tuples."""

    __slots__ = ()
    # the record's own derived fields, not written twice
    reviewed = ClaimRecord.reviewed
    evidence = ClaimRecord.evidence
    grade = ClaimRecord.grade
    disagreement = ClaimRecord.disagreement


_new = tuple.__new__
_NONE: tuple[Any, ...] = ()
_NO_ARTICLE = (None, None, None, None, None)

def _model(cls: Any, view: tuple[Any, ...], **lists: Any) -> Any:
    d = dict(zip(cls.model_fields, view))
    d.update(lists)
    return trusted(cls, d)


def record(v: ClaimView) -> ClaimRecord:
    """The pydantic record of a view (the same fields and values; tuples of items become lists)."""
    d = dict(zip(ClaimRecord.model_fields, v))
    d["cue"] = None if v.cue is None else _model(Cue, v.cue)
    d["sources"] = [_model(SourceView, s, tags=list(s.tags)) for s in v.sources]
    d["relayed_by"] = [_model(SourceView, s, tags=list(s.tags)) for s in v.relayed_by]
    d["numbers"] = [_model(Number, n) for n in v.numbers]
    d["flags"] = list(v.flags)
    d["rules"] = [_model(RuleHit, h) for h in v.rules]
    d["history"] = [_model(Event, e) for e in v.history]
    d["links"] = [_model(LinkView, k) for k in v.links]
    d["matches"] = [_model(MatchView, m, drift=list(m.drift), other_drift=list(m.other_drift)) for m in v.matches]
    return trusted(ClaimRecord, d)


_F_SOURCE, _F_NUMBER, _F_RULE, _F_EVENT, _F_LINK, _F_MATCH = (
    tuple(m.model_fields) for m in (SourceView, Number, RuleHit, Event, LinkView, MatchView))


def view_data(v: ClaimView, **changes: Any) -> dict[str, Any]:
    """The view as the plain data ``ClaimRecord.model_dump()`` gives (items as dicts)."""
    d = dict(zip(ClaimRecord.model_fields, v))
    if v.cue is not None:
        d["cue"] = {"text": v.cue.text, "span": v.cue.span}
    if v.sources:
        d["sources"] = [dict(zip(_F_SOURCE, s)) for s in v.sources]
    if v.relayed_by:
        d["relayed_by"] = [dict(zip(_F_SOURCE, s)) for s in v.relayed_by]
    if v.numbers:
        d["numbers"] = [dict(zip(_F_NUMBER, n)) for n in v.numbers]
    if v.rules:
        d["rules"] = [dict(zip(_F_RULE, h)) for h in v.rules]
    if v.history:
        d["history"] = [dict(zip(_F_EVENT, e)) for e in v.history]
    if v.links:
        d["links"] = [dict(zip(_F_LINK, k)) for k in v.links]
    if v.matches:
        d["matches"] = [dict(zip(_F_MATCH, m)) for m in v.matches]
    d.update(changes)
    return d


def view_json(v: ClaimView, **changes: Any) -> str:
    """The view as ``ClaimRecord.model_dump_json()`` writes it, by the same serialiser (pydantic's
    core), so dates, floats and escapes come out byte for byte the same."""
    return to_json(view_data(v, **changes), inf_nan_mode="null").decode()


# -- reading a page ---------------------------------------------------------------------------


class SourceInfo:
    """Every stored source's fields, with tags inherited along the affiliation chain."""

    def __init__(self, session: Any) -> None:
        rows = session.execute(
            select(SourceRow.id, SourceRow.canonical, SourceRow.kind, SourceRow.affiliation, SourceRow.tags,
                   SourceRow.reliability)
        ).all()
        by_name = {r.canonical: r for r in rows}
        self.by_id: dict[int, tuple[str, str, str | None, tuple[str, ...], str | None]] = {}
        # canonical -> the top of its affiliation chain: sources with one top are one side
        self.top: dict[str, str] = {}
        for r in rows:
            tags = list(r.tags or [])
            seen = {r.canonical}
            top = r.canonical
            parent = r.affiliation
            while parent and parent not in seen:
                seen.add(parent)
                top = parent
                if parent not in by_name:
                    break
                for t in by_name[parent].tags or []:
                    if t not in tags:
                        tags.append(t)
                parent = by_name[parent].affiliation
            self.by_id[r.id] = (r.canonical, r.kind, r.affiliation, tuple(tags), r.reliability)
            self.top[r.canonical] = top


CLAIM_COLS = (
    ClaimRow.id,
    ClaimRow.article_id,
    ClaimRow.text,
    ClaimRow.start,
    ClaimRow.end,
    ClaimRow.attribution,
    ClaimRow.cue_text,
    ClaimRow.cue_start,
    ClaimRow.cue_end,
    ClaimRow.status,
    ClaimRow.rule_status,
    ClaimRow.review_status,
    # read as stored text and decoded by decode_flags, which skips the JSON parser for the usual "[]"
    type_coerce(ClaimRow.flags, Text).label("flags"),
    ClaimRow.reliability,
    ClaimRow.credibility,
    ClaimRow.needs_review,
    ClaimRow.checked_at,
    ClaimRow.polarity,  # last: callers read the columns before it by position
)
# a claim's article fields are read once per article of a page (``build_page``), not with each claim


_COMPILED: dict[Any, Any] = {}


def fetch(conn: Any, stmt: Any, values: dict[str, Any] | None = None) -> list[tuple[Any, ...]]:
    """The rows of ``stmt`` as the driver's plain tuples, read on ``conn``'s own connection (so in its
    transaction).

    SQLAlchemy's per-row result processing costs more than the database's own reading of a report's
    pages, so the pages are read past it: the statement is compiled by SQLAlchemy for the dialect and
    run on the driver's cursor. The only values then left in the driver's form are SQLite's dates
    and times, which come back as ISO text (``iso_time``, ``iso_date``); booleans are read with
    ``bool()``, flags with ``decode_flags``. ``values``: those of the statement's named ``bindparam``s
    (a statement built once and kept, see ``_related``).
    """
    if values is not None:
        compiled = _KEPT.get((conn.dialect.name, id(stmt)))
        if compiled is None:
            compiled = _KEPT[(conn.dialect.name, id(stmt))] = conn.dialect.statement_compiler(conn.dialect, stmt)
        params = compiled.construct_params(values)
    else:
        # compiled once per shape (SQLAlchemy's own cache key), then only the values change
        key = stmt._generate_cache_key()
        ckey = (conn.dialect.name, key.key if key is not None else id(stmt))
        compiled = _COMPILED.get(ckey)
        if compiled is None:
            compiled = conn.dialect.statement_compiler(conn.dialect, stmt, cache_key=key,
                                                       compile_kwargs={"render_postcompile": True})
            # an IN list is rendered value by value, so a statement with one is compiled every time
            if key is not None and not any(b.expanding for b in key.bindparams) and len(_COMPILED) < 500:
                _COMPILED[ckey] = compiled
        params = compiled.construct_params(extracted_parameters=key.bindparams if key is not None else None)
    args = tuple(params[k] for k in compiled.positiontup) if compiled.positional else params
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(compiled.string, args)
        return cur.fetchall()
    finally:
        cur.close()


# statements built once for all pages (their IDs key _KEPT: they are never freed)
_RANGED: dict[Any, Any] = {}
_KEPT: dict[tuple[str, int], Any] = {}


def _related(conn: Any, make: Any, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows of the statement ``make(among)`` builds, where ``among(column)`` is its condition on
    the claim ID column(s): a range of IDs bound as values, in a statement built and compiled once
    (a page's SQLAlchemy statements cost more than its reading) where ``ids_where`` takes a range,
    else the IDs listed."""
    lo, hi = min(ids), max(ids)
    if _nearly_contiguous(lo, hi, len(ids)):
        stmt = _RANGED.get(make)
        if stmt is None:
            stmt = _RANGED[make] = make(lambda column: column.between(bindparam("lo"), bindparam("hi")))
        return fetch(conn, stmt, {"lo": lo, "hi": hi})
    return fetch(conn, make(lambda column: column.in_(ids)))


def iso_time(t: Any) -> datetime | None:
    """A stored time as an aware UTC datetime, whether the driver gave a datetime or SQLite's text."""
    if t is None:
        return None
    if isinstance(t, str):
        t = datetime.fromisoformat(t)
    return t.replace(tzinfo=timezone.utc) if t.tzinfo is None else t


def iso_date(d: Any) -> date | None:
    return date.fromisoformat(d) if isinstance(d, str) else d


def ids_where(column: Any, ids: list[int]) -> Any:
    """``column`` among ``ids``: a range where the IDs are nearly contiguous (the usual page), since
    an ``IN`` list of a thousand values is re-rendered into the SQL on every query; callers drop the
    rows of other claims that the range lets through."""
    lo, hi = min(ids), max(ids)
    if _nearly_contiguous(lo, hi, len(ids)):
        return column.between(lo, hi)
    return column.in_(ids)


def _nearly_contiguous(lo: int, hi: int, n: int) -> bool:
    return hi - lo < 2 * n + 64


def aware_utc(t: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything verify writes is UTC
    if t is not None and t.tzinfo is None:
        return t.replace(tzinfo=timezone.utc)
    return t


def _sources_q(among: Any) -> Any:
    return (select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role, ClaimSourceRow.mention,
                   ClaimSourceRow.start, ClaimSourceRow.end)
            .where(among(ClaimSourceRow.claim_id)).order_by(ClaimSourceRow.id))


def _numbers_q(among: Any) -> Any:
    return (select(NumberRow.claim_id, NumberRow.text, NumberRow.start, NumberRow.end, NumberRow.value,
                   NumberRow.low, NumberRow.high, NumberRow.unit, NumberRow.approximate, NumberRow.bound)
            .where(among(NumberRow.claim_id)).order_by(NumberRow.start, NumberRow.id))


def _results_q(among: Any) -> Any:
    return (select(RuleResultRow.claim_id, RuleResultRow.run_id, RuleResultRow.rule_file, RuleResultRow.rule_line,
                   RuleResultRow.rule_name, RuleResultRow.outcome, RuleResultRow.value, RuleResultRow.reason,
                   RuleResultRow.applied)
            .where(among(RuleResultRow.claim_id)).order_by(RuleResultRow.id))


def _events_q(among: Any) -> Any:
    return (select(EventRow.id, EventRow.claim_id, EventRow.reviewer, EventRow.at, EventRow.action,
                   EventRow.from_status, EventRow.to_status, EventRow.note, EventRow.evidence_url, EventRow.stance,
                   EventRow.sha256, EventRow.undoes, EventRow.changes)
            # in the order they were recorded: the ID, since clocks of two reviewers' machines may differ
            .where(among(EventRow.claim_id)).order_by(EventRow.id))


def _links_q(among: Any) -> Any:
    return (select(LinkRow.claim_a, LinkRow.claim_b, LinkRow.relation, LinkRow.reviewer, LinkRow.at, LinkRow.note)
            .where(or_(among(LinkRow.claim_a), among(LinkRow.claim_b))).order_by(LinkRow.at, LinkRow.id))


def _matches_q(among: Any) -> Any:
    return (select(MatchRow.claim_a, MatchRow.claim_b, MatchRow.score, MatchRow.reason, MatchRow.state,
                   MatchRow.drift_a, MatchRow.drift_b, MatchRow.rewrite, MatchRow.reviewer)
            .where(or_(among(MatchRow.claim_a), among(MatchRow.claim_b))))


def _articles_q(among: Any) -> Any:
    return (select(ArticleRow.id, ArticleRow.title, ArticleRow.path, ArticleRow.url, ArticleRow.outlet,
                   ArticleRow.published).where(among(ArticleRow.id)))


def build_page(conn: Any, rows: Sequence[Any], info: SourceInfo, full: bool = True,
               numbers_and_links: bool = True) -> list[ClaimView]:
    """ClaimViews for one page of claim rows (``CLAIM_COLS``, as ``fetch`` reads them), with one query
    per related table.

    ``full=False`` leaves out numbers, rule results, history and links (for summaries);
    ``numbers_and_links=False`` leaves out only numbers, links and matches (which no report view but
    JSON shows).
    """
    ids = [r[0] for r in rows]
    idset = set(ids)
    sources: dict[int, Any] = {}
    relays: dict[int, Any] = {}
    by_id = info.by_id
    for claim_id, source_id, role, mention, start, end in _related(conn, _sources_q, ids):
        if claim_id in idset:
            canonical, kind, affiliation, tags, reliability = by_id[source_id]
            span = (start, end) if start is not None and end is not None else None
            view = _new(SourceV, (canonical, kind, mention, span, affiliation, tags, reliability))
            into = relays if role == "relay" else sources
            had = into.get(claim_id)
            # tuples, as every list of a view (most claims have one source)
            into[claim_id] = (view,) if had is None else (*had, view)
    numbers: dict[int, Any] = {}
    results: dict[int, Any] = {}
    events: dict[int, Any] = {}
    links: dict[int, Any] = {}
    matches: dict[int, Any] = {}
    if full:
        _load_related(conn, ids, idset, numbers, results, events, links, numbers_and_links)
        if numbers_and_links:
            _load_matches(conn, ids, idset, matches)
    articles = {aid: (title, path, url, outlet, None if published is None else iso_date(published))
                for aid, title, path, url, outlet, published in _related(conn, _articles_q, sorted({r[1] for r in rows}))}
    out = []
    add = out.append
    get = dict.get
    shown = None
    times: dict[Any, Any] = {}
    for (cid, article_id, text, start, end, attribution, cue_text, cue_start, cue_end, status, rule_status,
         review_status, flags, reliability, credibility, needs_review, checked_at, polarity) in rows:
        if article_id != shown:  # a page's claims come an article at a time
            # (an article deleted since its claims were read has no fields left to show)
            title, path, url, outlet, published = articles.get(article_id, _NO_ARTICLE)
            shown = article_id
        hits = get(results, cid, _NONE)
        if hits and type(hits) is list:
            # only the latest check's results count, should a rulebook keep older runs
            latest = max([h[0] for h in hits])
            hits = tuple([h[1] for h in hits if h[0] == latest])
        cue = None
        if cue_text is not None and cue_start is not None and cue_end is not None:
            cue = _new(CueV, (cue_text, (cue_start, cue_end)))
        if checked_at is not None:
            # a check stamps all the claims it changes with one time: each distinct one read once a page
            t = times.get(checked_at)
            if t is None:
                t = times[checked_at] = iso_time(checked_at)
            checked_at = t
        add(_new(ClaimView, (
            cid, article_id, title, path, url, outlet, published, text, (start, end), attribution, polarity, cue,
            get(sources, cid, _NONE), get(relays, cid, _NONE), get(numbers, cid, _NONE), status, rule_status,
            review_status, decode_flags(flags) if flags != "[]" else _NONE, reliability, credibility, needs_review,
            checked_at, hits, get(events, cid, _NONE), get(links, cid, _NONE), get(matches, cid, _NONE),
        )))
    return out


def _load_matches(conn: Any, ids: list[int], idset: set[int], matches: dict[int, Any]) -> None:
    rows = [r for r in _related(conn, _matches_q, ids) if r[0] in idset or r[1] in idset]
    if not rows:
        return
    # the other side of each match: its article and text (it may be on this page or not)
    involved = sorted({o for a, b, *_ in rows for o in (a, b)})
    about: dict[int, tuple[int, str, str]] = {}
    for i in range(0, len(involved), 900):
        about.update((cid, (art, text, polarity)) for cid, art, text, polarity in conn.execute(
            select(ClaimRow.id, ClaimRow.article_id, ClaimRow.text, ClaimRow.polarity)
            .where(ClaimRow.id.in_(involved[i : i + 900]))))
    for a, b, score, reason, state, drift_a, drift_b, rewrite, reviewer in rows:
        for mine, other, d_mine, d_other in ((a, b, drift_a, drift_b), (b, a, drift_b, drift_a)):
            if mine in idset and about.get(other):
                art, text, polarity = about[other]
                matches.setdefault(mine, []).append(_new(MatchV, (
                    other, art, text, score, reason, state, decode_flags(d_mine), decode_flags(d_other),
                    bool(rewrite), reviewer, polarity)))
    for cid, found in matches.items():
        found.sort(key=lambda m: (-m.score, m.other))
        matches[cid] = tuple(found)


def _load_related(conn: Any, ids: list[int], idset: set[int], numbers, results, events, links,
                  numbers_and_links: bool = True) -> None:
    """Fills the dicts claim ID -> tuple of its items (``results``: a claim's one hit as a tuple, or
    several as a list of (run ID, hit) for ``build_page`` to keep the latest run's)."""
    if numbers_and_links:
        get = numbers.get
        for claim_id, text, start, end, value, low, high, unit, approximate, bound in _related(conn, _numbers_q, ids):
            if claim_id in idset:
                view = _new(NumberV, (text, (start, end), value, low, high, unit, bool(approximate), bound or "exact"))
                had = get(claim_id)
                numbers[claim_id] = (view,) if had is None else (*had, view)
    # a rulebook has few rules, and a claim's hits recur on claim after claim: each distinct hit is
    # made once a page and shared, as is a claim's one-hit tuple
    hits: dict[tuple[Any, ...], Any] = {}
    runs: dict[int, int] = {}
    for claim_id, run_id, rule_file, rule_line, rule_name, outcome, value, reason, applied in _related(
            conn, _results_q, ids):
        if claim_id in idset:
            key = (rule_file, rule_line, rule_name, outcome, value, reason, applied)
            one = hits.get(key)
            if one is None:
                one = hits[key] = (_new(RuleHitV, (f"{rule_file}:{rule_line} {rule_name}", outcome, value, reason,
                                                   bool(applied))),)
            had = results.get(claim_id)
            if had is None:
                results[claim_id] = one
                runs[claim_id] = run_id
            else:
                if type(had) is not list:
                    had = results[claim_id] = [(runs[claim_id], h) for h in had]
                had.append((run_id, one[0]))
    for (eid, claim_id, reviewer, at, action, from_status, to_status, note, evidence_url, stance, sha256, undoes,
         changes) in _related(conn, _events_q, ids):
        if claim_id in idset:
            events.setdefault(claim_id, []).append(_new(EventV, (
                eid, reviewer, iso_time(at), action, from_status, to_status, note, evidence_url, stance, sha256,
                # the driver's own form of JSON: text on SQLite, decoded on PostgreSQL
                undoes, claim_id, None, json.loads(changes) if isinstance(changes, str) else changes)))
    if numbers_and_links:
        for a, b, relation, reviewer, at, note in _related(conn, _links_q, ids):
            for mine, other in ((a, b), (b, a)):
                if mine in idset:
                    links.setdefault(mine, []).append(_new(LinkV, (other, relation, reviewer, iso_time(at), note)))
    for d in (events, links):
        for k, v in d.items():
            d[k] = tuple(v)
