"""The read side: stored claims as ``ClaimRecord``s, one at a time or streamed in pages.

``list_claims`` walks the claims in pages of ``PAGE`` by keyset (article, position, id), and loads each
page's sources, numbers, rule results, events and links with one query per table, so a report
over 100,000 claims runs a few hundred queries, not a few per claim, and holds one page in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, datetime, timezone
from typing import Any

from sqlalchemy import Text, and_, or_, select, tuple_, type_coerce
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from ..errors import NotFound
from ..models import (
    ClaimRecord,
    Cue,
    Event,
    LinkView,
    MatchView,
    Number,
    RuleHit,
    SourceView,
)
from ..registry import Registry, normalise
from . import filtering
from .filtering import check_attribution, check_status  # noqa: F401  (imported from here)
from .tables import (
    AliasRow,
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

PAGE = 1000
# IDs are INTEGER columns (32-bit on PostgreSQL); a larger number names nothing and must not reach
# the driver, which would fail with an overflow instead of "not found"
MAX_ID = 2**31 - 1


def valid_id(n: int) -> bool:
    return 0 < n <= MAX_ID


_set = object.__setattr__


def _trusted(cls: Any, data: dict[str, Any]) -> Any:
    """A model built from a complete dict of its fields without validating it.

    Only for rows read back from verify's own tables, which were validated on the way in: validating
    them again is the largest single cost of a 100,000-claim report. (``model_construct`` would not
    help: it fills defaults in Python and is slower than validation.) ``data`` must hold every field;
    tests/test_records.py checks that the records built here do.
    """
    obj = object.__new__(cls)
    _set(obj, "__dict__", data)
    _set(obj, "__pydantic_fields_set__", set(data))
    _set(obj, "__pydantic_extra__", None)
    _set(obj, "__pydantic_private__", None)
    return obj


# -- sessions ---------------------------------------------------------------------------------


@contextmanager
def write_scope(db: Any) -> Iterator[Session]:
    """A session in one transaction on ``db``, committed at the end, rolled back on any error.

    A ``Store`` opens it with its own ``transaction()`` (which takes SQLite's write lock up front, so
    concurrent writers queue instead of failing). A Session passed in is committed.
    """
    tx = getattr(db, "transaction", None)
    if callable(tx) and not isinstance(db, Session):
        with tx() as s:
            yield s
        return
    with session_scope(db) as s:
        try:
            yield s
            s.commit()
        except BaseException:
            s.rollback()
            raise


@contextmanager
def session_scope(db: Any) -> Iterator[Session]:
    """A session on ``db``: a Session (used as it is), an Engine, or a store with ``session()``.

    A Session passed in is left open for its owner; one made here is closed here.
    """
    if isinstance(db, Session):
        yield db
        return
    if isinstance(db, Engine):
        with Session(db) as s:
            yield s
        return
    maker = getattr(db, "session", None)
    if callable(maker):  # verify.store.Store
        with maker() as s:
            yield s
        return
    engine = getattr(db, "engine", None)
    if isinstance(engine, Engine):
        with Session(engine) as s:
            yield s
        return
    raise TypeError(f"not a store, engine or session: {db!r}")


# -- validation shared with the CLI and review (check_status, check_attribution: .filtering) --


def aware_utc(t: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; everything verify writes is UTC
    if t is not None and t.tzinfo is None:
        return t.replace(tzinfo=timezone.utc)
    return t


# -- sources ----------------------------------------------------------------------------------


def find_source_ids(db: Any, name: str) -> list[int]:
    """Stored source IDs that a name or alias stands for; NotFound when none does."""
    with session_scope(db) as session:
        key = normalise(name)
        ids = set(session.scalars(select(AliasRow.source_id).where(AliasRow.key == key)))
        for sid, canonical in session.execute(select(SourceRow.id, SourceRow.canonical)):
            if normalise(canonical) == key:
                ids.add(sid)
        if not ids:
            # an alias the starter registry knows but the database has not been told about
            hit = Registry.starter().lookup(name)
            if hit:
                ids.update(session.scalars(select(SourceRow.id).where(SourceRow.canonical == hit.canonical)))
    if not ids:
        raise NotFound(f"no source named {name!r} in the store")
    return sorted(ids)


class _SourceInfo:
    """Every stored source's fields, with tags inherited along the affiliation chain."""

    def __init__(self, session: Session) -> None:
        rows = session.execute(
            select(SourceRow.id, SourceRow.canonical, SourceRow.kind, SourceRow.affiliation, SourceRow.tags, SourceRow.reliability)
        ).all()
        by_name = {r.canonical: r for r in rows}
        self.by_id: dict[int, tuple[str, str, str | None, list[str], str | None]] = {}
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
            self.by_id[r.id] = (r.canonical, r.kind, r.affiliation, tags, r.reliability)
            self.top[r.canonical] = top

    def view(self, source_id: int, mention: str, start: int | None, end: int | None) -> SourceView:
        canonical, kind, affiliation, tags, reliability = self.by_id[source_id]
        return _trusted(SourceView, {
            "canonical": canonical,
            "kind": kind,
            "mention": mention,
            "span": (start, end) if start is not None and end is not None else None,
            "affiliation": affiliation,
            "tags": list(tags),
            "reliability": reliability,
        })


# -- reading ----------------------------------------------------------------------------------

_CLAIM_COLS = (
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
    # read as stored text and decoded by _flags, which skips the JSON parser for the usual "[]"
    type_coerce(ClaimRow.flags, Text).label("flags"),
    ClaimRow.reliability,
    ClaimRow.credibility,
    ClaimRow.needs_review,
    ClaimRow.checked_at,
    ArticleRow.title,
    ArticleRow.path,
    ArticleRow.url,
    ArticleRow.outlet,
    ArticleRow.published,
)


def _flags(value: Any) -> list[str]:
    return list(decode_flags(value))


def _ids_where(column: Any, ids: list[int]) -> Any:
    """``column`` among ``ids``: a range where the IDs are nearly contiguous (the usual page), since
    an ``IN`` list of a thousand values is re-rendered into the SQL on every query; callers drop the
    rows of other claims that the range lets through."""
    lo, hi = min(ids), max(ids)
    if hi - lo < 2 * len(ids) + 64:
        return column.between(lo, hi)
    return column.in_(ids)


def _build_page(session: Session, rows: Sequence[Any], info: _SourceInfo, full: bool = True,
                numbers_and_links: bool = True) -> list[ClaimRecord]:
    """ClaimRecords for one page of claim rows, with one query per related table.

    Records are built from the rows without a second validation (``_trusted``). Rows are unpacked as
    tuples: attribute access on result rows costs more than the rest.
    ``full=False`` leaves out numbers, rule results, history and links (for summaries);
    ``numbers_and_links=False`` leaves out only numbers and links (which no report view but JSON shows).
    """
    conn = session.connection()
    ids = [r[0] for r in rows]
    idset = set(ids)
    sources: dict[int, list[SourceView]] = {}
    relays: dict[int, list[SourceView]] = {}
    view = info.view
    for claim_id, source_id, role, mention, start, end in conn.execute(
        select(ClaimSourceRow.claim_id, ClaimSourceRow.source_id, ClaimSourceRow.role, ClaimSourceRow.mention,
               ClaimSourceRow.start, ClaimSourceRow.end)
        .where(_ids_where(ClaimSourceRow.claim_id, ids))
        .order_by(ClaimSourceRow.id)
    ).all():
        if claim_id in idset:
            (relays if role == "relay" else sources).setdefault(claim_id, []).append(view(source_id, mention, start, end))
    numbers: dict[int, list[Number]] = {}
    results: dict[int, list[tuple[int, RuleHit]]] = {}
    events: dict[int, list[Event]] = {}
    links: dict[int, list[LinkView]] = {}
    matches: dict[int, list[MatchView]] = {}
    if full:
        _load_related(conn, ids, idset, numbers, results, events, links, numbers_and_links)
        if numbers_and_links:
            _load_matches(conn, ids, idset, matches)
    none: tuple[Any, ...] = ()
    out = []
    for (cid, article_id, text, start, end, attribution, cue_text, cue_start, cue_end, status, rule_status,
         review_status, flags, reliability, credibility, needs_review, checked_at, title, path, url, outlet,
         published) in rows:
        hits = results.get(cid, none)
        if hits:
            # only the latest check's results count, should a rulebook keep older runs
            latest = max(h[0] for h in hits)
            hits = [h[1] for h in hits if h[0] == latest]
        cue = None
        if cue_text is not None and cue_start is not None and cue_end is not None:
            cue = _trusted(Cue, {"text": cue_text, "span": (cue_start, cue_end)})
        out.append(_trusted(ClaimRecord, {
            "id": cid,
            "article_id": article_id,
            "article_title": title,
            "article_path": path,
            "article_url": url,
            "outlet": outlet,
            "published": published,
            "text": text,
            "span": (start, end),
            "attribution": attribution,
            "cue": cue,
            "sources": sources.get(cid) or [],
            "relayed_by": relays.get(cid) or [],
            "numbers": numbers.get(cid) or [],
            "status": status,
            "rule_status": rule_status,
            "review_status": review_status,
            "flags": _flags(flags),
            "reliability": reliability,
            "credibility": credibility,
            "needs_review": needs_review,
            "checked_at": aware_utc(checked_at),
            "rules": hits or [],
            "history": events.get(cid) or [],
            "links": links.get(cid) or [],
            "matches": matches.get(cid) or [],
        }))
    return out


def _load_matches(conn: Any, ids: list[int], idset: set[int], matches: dict[int, list[MatchView]]) -> None:
    rows = conn.execute(
        select(MatchRow.claim_a, MatchRow.claim_b, MatchRow.score, MatchRow.reason, MatchRow.state,
               MatchRow.drift_a, MatchRow.drift_b, MatchRow.rewrite, MatchRow.reviewer)
        .where(or_(MatchRow.claim_a.in_(ids), MatchRow.claim_b.in_(ids)))
    ).all()
    if not rows:
        return
    # the other side of each match: its article and text (it may be on this page or not)
    involved = sorted({o for a, b, *_ in rows for o in (a, b)})
    about: dict[int, tuple[int, str]] = {}
    for i in range(0, len(involved), 900):
        about.update((cid, (art, text)) for cid, art, text in conn.execute(
            select(ClaimRow.id, ClaimRow.article_id, ClaimRow.text).where(ClaimRow.id.in_(involved[i : i + 900]))))
    for a, b, score, reason, state, drift_a, drift_b, rewrite, reviewer in rows:
        for mine, other, d_mine, d_other in ((a, b, drift_a, drift_b), (b, a, drift_b, drift_a)):
            if mine in idset and about.get(other):
                art, text = about[other]
                matches.setdefault(mine, []).append(_trusted(MatchView, {
                    "other": other, "other_article": art, "other_text": text, "score": score, "reason": reason,
                    "state": state, "drift": list(_flags(d_mine)), "other_drift": list(_flags(d_other)),
                    "rewrite": bool(rewrite), "reviewer": reviewer,
                }))
    for found in matches.values():
        found.sort(key=lambda m: (-m.score, m.other))


def _load_related(conn: Any, ids: list[int], idset: set[int], numbers, results, events, links,
                  numbers_and_links: bool = True) -> None:
    for claim_id, text, start, end, value, low, high, unit, approximate, bound in conn.execute(
        select(NumberRow.claim_id, NumberRow.text, NumberRow.start, NumberRow.end, NumberRow.value, NumberRow.low,
               NumberRow.high, NumberRow.unit, NumberRow.approximate, NumberRow.bound)
        .where(_ids_where(NumberRow.claim_id, ids))
        .order_by(NumberRow.start, NumberRow.id)
    ).all() if numbers_and_links else ():
        if claim_id in idset:
            numbers.setdefault(claim_id, []).append(_trusted(Number, {
                "text": text, "span": (start, end), "value": value, "low": low, "high": high, "unit": unit,
                "approximate": bool(approximate), "bound": bound or "exact",
            }))
    for claim_id, run_id, rule_file, rule_line, rule_name, outcome, value, reason, applied in conn.execute(
        select(RuleResultRow.claim_id, RuleResultRow.run_id, RuleResultRow.rule_file, RuleResultRow.rule_line,
               RuleResultRow.rule_name, RuleResultRow.outcome, RuleResultRow.value, RuleResultRow.reason,
               RuleResultRow.applied)
        .where(_ids_where(RuleResultRow.claim_id, ids))
        .order_by(RuleResultRow.id)
    ).all():
        if claim_id in idset:
            results.setdefault(claim_id, []).append((run_id, _trusted(RuleHit, {
                "rule": f"{rule_file}:{rule_line} {rule_name}", "outcome": outcome, "value": value,
                "reason": reason, "applied": bool(applied),
            })))
    for (eid, claim_id, reviewer, at, action, from_status, to_status, note, evidence_url, stance, sha256, undoes,
         changes) in conn.execute(
        select(EventRow.id, EventRow.claim_id, EventRow.reviewer, EventRow.at, EventRow.action, EventRow.from_status,
               EventRow.to_status, EventRow.note, EventRow.evidence_url, EventRow.stance, EventRow.sha256,
               EventRow.undoes, EventRow.changes)
        .where(_ids_where(EventRow.claim_id, ids))
        # in the order they were recorded: the ID, since clocks of two reviewers' machines may differ
        .order_by(EventRow.id)
    ).all():
        if claim_id in idset:
            events.setdefault(claim_id, []).append(_trusted(Event, {
                "id": eid, "reviewer": reviewer, "at": aware_utc(at), "action": action, "from_status": from_status,
                "to_status": to_status, "note": note, "evidence_url": evidence_url, "stance": stance,
                "sha256": sha256, "undoes": undoes, "claim_id": claim_id, "source": None,
                "changes": changes,
            }))
    for a, b, relation, reviewer, at, note in conn.execute(
        select(LinkRow.claim_a, LinkRow.claim_b, LinkRow.relation, LinkRow.reviewer, LinkRow.at, LinkRow.note)
        .where(or_(LinkRow.claim_a.in_(ids), LinkRow.claim_b.in_(ids)))
        .order_by(LinkRow.at, LinkRow.id)
    ).all() if numbers_and_links else ():
        for mine, other in ((a, b), (b, a)):
            if mine in idset:
                links.setdefault(mine, []).append(_trusted(LinkView, {
                    "other": other, "relation": relation, "reviewer": reviewer, "at": aware_utc(at), "note": note,
                }))


def independence_keys(db: Any) -> dict[str, str]:
    """Each stored source's canonical name -> the top of its affiliation chain.

    Two sources with one key speak for one government or parent organisation.
    """
    with session_scope(db) as s:
        return dict(_SourceInfo(s).top)


def check_article(db: Any, article_id: int) -> int:
    """``article_id`` if the store holds that article; NotFound otherwise (also for IDs no column holds)."""
    if valid_id(article_id):
        with session_scope(db) as s:
            if s.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is not None:
                return article_id
    raise NotFound(f"no article with ID {article_id}")


def get_claim(db: Any, claim_id: int) -> ClaimRecord:
    """One stored claim with its sources, numbers, rules that fired, history and links."""
    if not valid_id(claim_id):
        raise NotFound(f"no claim with ID {claim_id}")
    with session_scope(db) as s:
        row = s.execute(
            select(*_CLAIM_COLS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id).where(ClaimRow.id == claim_id)
        ).first()
        if row is None:
            raise NotFound(f"no claim with ID {claim_id}")
        return _build_page(s, [row], _SourceInfo(s))[0]


def list_claims(
    db: Any,
    *,
    status: str | None = None,
    source: str | None = None,
    flag: str | None = None,
    article: int | None = None,
    attribution: str | None = None,
    outlet: str | None = None,
    since: date | datetime | None = None,
    until: date | datetime | None = None,
    changed_since: date | datetime | None = None,
    needs_review: bool = False,
    limit: int | None = None,
    full: bool = True,
    numbers_and_links: bool = True,
) -> Iterator[ClaimRecord]:
    """Stored claims in article order (article, position in it, id), filtered; every filter given
    must hold (``verify.filters.ClaimFilter`` says what each means).

    ``source`` is a name or alias; a claim matches when that source made it or relayed it.
    ``flag`` matches one flag exactly; an ``article``, ``source`` or ``outlet`` the store does not
    hold is NotFound. ``since``/``until`` select by the article's date (publication, else ingest);
    ``changed_since`` the claims stored, changed by a check or reviewed since then; ``needs_review``
    the claims the rules ask a person to review that no person has answered yet. Streams: one page
    of ``PAGE`` claims is in memory at a time. ``full=False`` leaves out numbers, rules, history and
    links, for a quicker pass; ``numbers_and_links=False`` leaves out only numbers and links.
    """
    if status is not None:
        check_status(status)
    if attribution is not None:
        check_attribution(attribution)
    if limit is not None and limit <= 0:
        return
    with session_scope(db) as s:
        if article is not None:
            check_article(s, article)
        conds = []
        if status is not None:
            conds.append(ClaimRow.status == status)
        if attribution is not None:
            conds.append(ClaimRow.attribution == attribution)
        if article is not None:
            conds.append(ClaimRow.article_id == article)
        if source is not None:
            sids = find_source_ids(s, source)
            conds.append(
                ClaimRow.id.in_(select(ClaimSourceRow.claim_id).where(ClaimSourceRow.source_id.in_(sids)))
            )
        if outlet is not None:
            conds.append(ArticleRow.outlet.in_(filtering.outlet_names(s, outlet)))
        if since is not None:
            conds.append(filtering.since_condition(s, since))
        if until is not None:
            conds.append(filtering.until_condition(s, until))
        if changed_since is not None:
            conds.append(filtering.changed_condition(s, changed_since))
        if needs_review:
            conds.append(filtering.needs_review_condition())
        if flag is not None and (pre := filtering.flag_condition(flag)) is not None:
            conds.append(pre)
        info = _SourceInfo(s)
        base = select(*_CLAIM_COLS).join(ArticleRow, ArticleRow.id == ClaimRow.article_id)
        if conds:
            base = base.where(and_(*conds))
        order = (ClaimRow.article_id, ClaimRow.start, ClaimRow.id)
        last: tuple[int, int, int] | None = None
        left = limit
        while True:
            q = base
            if last is not None:
                q = q.where(tuple_(*order) > tuple_(*last))
            page = PAGE if (left is None or flag is not None) else min(PAGE, left)
            rows = s.connection().execute(q.order_by(*order).limit(page)).all()
            if not rows:
                return
            last = (rows[-1].article_id, rows[-1].start, rows[-1].id)
            if flag is not None:
                rows = [r for r in rows if flag in _flags(r.flags)]
            for rec in _build_page(s, rows, info, full, numbers_and_links) if rows else ():
                yield rec
                if left is not None:
                    left -= 1
                    if left <= 0:
                        return
            if len(rows) < page and flag is None:
                return
