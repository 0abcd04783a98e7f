"""Running a rulebook over the store and recording what each rule did.

Precedence, when several rules give one claim different values:
- status: the most cautious wins, in the order refuted, disputed, unverified, single-source,
  corroborated, confirmed. File order never matters.
- source reliability: the later letter wins (F over E over ... A); information credibility: the
  higher number wins (6 over 5 ... 1).
- flags and review reasons add up.
- a rule tagged @warning adds flags and review reasons only; its status and grades are recorded as
  not applied.
Rules write ``claims.rule_status``; ``claims.status`` is the person's review where there is one, else
the rules' status. After a check, ``rule_results`` holds exactly what it says: one row per outcome
(``applied`` False where precedence or a review decided otherwise); a claim's rows that the last check
wrote identically are kept rather than rewritten. One check is one transaction.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Iterable

from sqlalchemy import bindparam, create_engine, delete, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import RulebookError, StoreError
from ..models import STATUSES
from ..store.tables import CheckRunRow, ClaimRow, LinkRow, RuleResultRow
from .facts import BATCH, SourceIndex, fetch_plain, iter_facts, load_registry, today_utc
from .loader import Rule, Rulebook, StepContext
from .steps import REGISTRY_GRADE, Outcome, StepError, always

# most cautious first
STATUS_ORDER: tuple[str, ...] = ("refuted", "disputed", "unverified", "single-source", "corroborated", "confirmed")
_RANK = {s: i for i, s in enumerate(STATUS_ORDER)}
assert set(STATUS_ORDER) == set(STATUSES)
CHANGES_SHOWN = 200


@dataclass
class RuleReport:
    file: str
    line: int
    name: str
    selected: int = 0
    skipped_until: date | None = None
    warning: bool = False
    noskip: bool = False
    outcomes: list[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line} {self.name}"

    @property
    def skipped(self) -> bool:
        return self.skipped_until is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "rule": self.where, "file": self.file, "line": self.line, "name": self.name,
            "selected": self.selected, "skipped_until": self.skipped_until.isoformat() if self.skipped_until else None,
            "warning": self.warning, "noskip": self.noskip, "outcomes": self.outcomes,
        }


@dataclass
class CheckReport:
    """What a check did: per rule how many claims it selected, and totals over the claims."""

    rulebook: str
    run_id: int | None = None
    claims: int = 0
    results: int = 0  # result rows this check stands behind
    rewritten: int = 0  # of which written anew (the others were unchanged since the last check)
    changed: int = 0
    statuses: Counter = field(default_factory=Counter)
    flags: Counter = field(default_factory=Counter)
    needs_review: int = 0
    disagreements: int = 0
    rules: list[RuleReport] = field(default_factory=list)
    changes: list[dict[str, Any]] = field(default_factory=list)  # the first CHANGES_SHOWN status changes
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    origins: dict[int, str] = field(default_factory=dict, repr=False)  # test bit -> where it is written

    @property
    def idle(self) -> list[RuleReport]:
        """Active rules that selected no claim: shown, never silently skipped."""
        return [r for r in self.rules if not r.skipped and r.selected == 0]

    @property
    def noskip_failures(self) -> list[RuleReport]:
        return [r for r in self.idle if r.noskip]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rulebook": self.rulebook, "run_id": self.run_id, "claims": self.claims, "results": self.results,
            "results_rewritten": self.rewritten,
            "changed": self.changed, "statuses": dict(sorted(self.statuses.items())),
            "flags": dict(sorted(self.flags.items())), "needs_review": self.needs_review,
            "disagreements_with_review": self.disagreements,
            "rules": [r.to_dict() for r in self.rules],
            "selected_nothing": [r.where for r in self.idle],
            "noskip_failures": [r.where for r in self.noskip_failures],
            "changes": self.changes, "changes_truncated": self.changed > len(self.changes),
            "warnings": self.warnings, "seconds": round(self.seconds, 3),
        }


@dataclass
class _Compiled:
    rule: Rule
    report: RuleReport
    need: int  # bit mask of the tests the rule needs
    outcomes: list[Outcome]
    active: bool


@dataclass
class Decision:
    """One claim's outcome after precedence: what to store and one result row per rule outcome."""

    rule_status: str | None
    status: str
    flags: tuple[str, ...]
    reliability: str | None
    credibility: str | None
    needs_review: str | None
    results: list[tuple[Rule, Outcome, bool, str | None]]  # rule, outcome, applied, reason


def decide(hits: list[tuple[Rule, Outcome]], review_status: str | None = None,
           registry_grade: str | None = None) -> Decision:
    """Apply the documented precedence to the outcomes the rules gave one claim.

    ``registry_grade`` is the reliability the registry gives the claim's source, for outcomes that
    ask for it.
    """
    ungraded = set()
    if any(o.value == REGISTRY_GRADE for _, o in hits):
        resolved = []
        for r, o in hits:
            if o.kind == "reliability" and o.value == REGISTRY_GRADE:
                if registry_grade:
                    o = Outcome("reliability", registry_grade)
                else:
                    ungraded.add(id(o))
            resolved.append((r, o))
        hits = resolved
    status_hits = [(r, o) for r, o in hits if o.kind == "status" and not r.warning]
    rel_hits = [(r, o) for r, o in hits if o.kind == "reliability" and not r.warning and id(o) not in ungraded]
    cred_hits = [(r, o) for r, o in hits if o.kind == "credibility" and not r.warning]
    rule_status = min((o.value for _, o in status_hits), key=_RANK.__getitem__, default=None)
    reliability = max((o.value for _, o in rel_hits), default=None)
    credibility = max((o.value for _, o in cred_hits), default=None)
    winner_of = {"status": rule_status, "reliability": reliability, "credibility": credibility}
    first_by = {}
    for r, o in hits:
        if not r.warning and o.kind in winner_of and o.value == winner_of[o.kind] and o.kind not in first_by:
            first_by[o.kind] = r
    flags: list[str] = []
    reasons: list[str] = []
    results = []
    for r, o in hits:
        applied, why = True, None
        if o.kind == "flag":
            if o.value not in flags:
                flags.append(o.value)
        elif o.kind == "needs-review":
            if o.value not in reasons:
                reasons.append(o.value)
        elif r.warning:
            applied, why = False, "@warning rule: reported, not applied"
        elif id(o) in ungraded:
            applied, why = False, "no source of this claim has a reliability grade in the registry"
        elif o.value != winner_of[o.kind]:
            w = first_by[o.kind]
            applied, why = False, f"overruled by {w.file}:{w.line} {w.name} ({winner_of[o.kind]})"
        elif o.kind == "status" and review_status and review_status != o.value:
            applied, why = False, f"a person reviewed it as {review_status}"
        results.append((r, o, applied, why))
    return Decision(
        rule_status=rule_status,
        status=review_status or rule_status or "unverified",
        flags=tuple(flags),
        reliability=reliability,
        credibility=credibility,
        needs_review="; ".join(reasons) or None,
        results=results,
    )


def _engine(db: Any) -> Engine | Connection:
    if isinstance(db, (Engine, Connection)):
        return db
    if isinstance(db, str):
        return create_engine(db)
    for attr in ("engine", "bind"):
        e = getattr(db, attr, None)
        if isinstance(e, (Engine, Connection)):
            return e
    get_bind = getattr(db, "get_bind", None)
    if callable(get_bind):
        return get_bind()
    raise StoreError(f"cannot check rules against {type(db).__name__}: give an Engine or a store")


def check(db: Any, rulebook: Rulebook, *, today: date | None = None, batch: int = BATCH,
          claim_ids: Iterable[int] | None = None) -> CheckReport:
    """Run ``rulebook`` over every stored claim and record the results; one transaction.

    ``claim_ids`` limits the check to those claims and the claims linked to them (a linked claim's
    sources count for the other): after an ingest, the new claims only. Claims outside keep what
    the last check gave them.
    """
    if rulebook.errors:
        raise RulebookError(f"rulebook does not lint clean: {rulebook.errors[0]}")
    started = time.perf_counter()
    when = today or today_utc()
    bind = _engine(db)
    try:
        only = None if claim_ids is None else sorted({int(i) for i in claim_ids})
        report = _in_transaction(bind, rulebook, when, batch, only)
    except SQLAlchemyError as e:
        raise StoreError(f"the check stopped, nothing was changed: {str(e).splitlines()[0]}") from None
    except Exception as e:
        dbapi = getattr(bind.dialect, "dbapi", None)
        if dbapi is not None and isinstance(e, getattr(dbapi, "Error", ())):
            raise StoreError(f"the check stopped, nothing was changed: {str(e).splitlines()[0]}") from None
        raise
    report.seconds = time.perf_counter() - started
    return report


def _in_transaction(bind: Engine | Connection, rulebook: Rulebook, when: date, batch: int,
                    only: list[int] | None) -> CheckReport:
    if isinstance(bind, Connection):
        if bind.in_transaction():
            return _run(bind, rulebook, when, batch, only)
        with bind.begin():
            return _run(bind, rulebook, when, batch, only)
    with bind.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # every row written refers to a claim read in this same write transaction (taken up
            # front with BEGIN IMMEDIATE), so per-row foreign-key checks only cost time
            raw = conn.connection.dbapi_connection
            raw.execute("PRAGMA foreign_keys = OFF")
            conn = conn.execution_options(sqlite_immediate=True)
        try:
            with conn.begin():
                return _run(conn, rulebook, when, batch, only)
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


def _compile(rulebook: Rulebook, conn: Connection, today: date,
             report: CheckReport) -> tuple[list[_Compiled], list[tuple[int, Any]], SourceIndex]:
    """Each rule's outcomes and the tests it needs, as a bit mask over the rulebook's distinct tests.

    A test written the same way in several rules ("Given a claim with no attributed source") is
    built once and run once per claim.
    """
    registry, rows = load_registry(conn)
    index = SourceIndex(registry, rows)
    compiled: list[_Compiled] = []
    preds: list[tuple[int, Any]] = []
    seen: dict[tuple, int] = {}
    origins = report.origins
    warned: set[str] = set()
    for rule in rulebook.rules:
        ctx = StepContext(registry, today, rule.file)
        ctx.rule_name = rule.name
        need, outcomes = 0, []
        try:
            for st in rule.steps:
                ctx.line = st.line
                d = st.definition
                if d.kind == "then":
                    made = d.build(st.match, ctx, st.table, st.doc)
                    for o in made if isinstance(made, (list, tuple)) else [made]:
                        if not isinstance(o, Outcome):
                            raise StepError(f"{d.origin}: a Then step must give Outcome(s), got {type(o).__name__}")
                        outcomes.append(o)
                    continue
                key = (id(d), st.text, tuple(map(tuple, st.table)) if st.table else None, st.doc)
                j = seen.get(key)
                if j is None:
                    fn = d.build(st.match, ctx, st.table, st.doc)
                    if not callable(fn):
                        raise StepError(f"{d.origin}: a Given/When step must give a predicate")
                    j = -1 if fn is always else len(preds)
                    if j >= 0:
                        preds.append((1 << j, fn))
                        origins[1 << j] = f"{rule.file}:{st.line} {st.keyword} {st.text}"
                    seen[key] = j
                if j >= 0:
                    need |= 1 << j
        except StepError as e:
            raise RulebookError(f"{rule.file}:{ctx.line}: {e}") from None
        except Exception as e:  # a plug-in's factory that fails: the rulebook's error, on one line
            raise RulebookError(f"{rule.file}:{ctx.line}: the step failed: {type(e).__name__}: {e}") from None
        for w in ctx.warnings:
            if str(w) not in warned:
                warned.add(str(w))
                report.warnings.append(str(w))
        skipped = rule.skipped(today)
        rr = RuleReport(
            rule.file, rule.line, rule.name, skipped_until=rule.skip_until if skipped else None,
            warning=rule.warning, noskip=rule.noskip, outcomes=[f"{o.kind}={o.value}" for o in outcomes],
        )
        report.rules.append(rr)
        compiled.append(_Compiled(rule, rr, need, outcomes, not skipped))
    return compiled, preds, index


def _run(conn: Connection, rulebook: Rulebook, today: date, batch: int, only: list[int] | None) -> CheckReport:
    report = CheckReport(rulebook=rulebook.shown)
    compiled, preds, index = _compile(rulebook, conn, today, report)
    active = [(i, c.need) for i, c in enumerate(compiled) if c.active]
    if only is not None:
        only = _with_linked(conn, only)
    now = datetime.now(timezone.utc)
    run_id = conn.execute(
        insert(CheckRunRow).values(rulebook=json.dumps(rulebook.paths or [rulebook.shown]), started_at=now)
        .returning(CheckRunRow.id)
    ).scalar_one()
    report.run_id = run_id
    writer = _Writer(conn, now)
    recorded, signature = {
        "postgresql": (_recorded_digests, _digest),
        "sqlite": (_recorded_joined, _joined),
    }.get(conn.dialect.name, (_recorded, _rows))
    # claims that pass the same tests (and have the same review) get the same decision: decide once
    decisions: dict[tuple, tuple] = {}
    counts: dict[tuple, list] = {}  # key -> [claims, rules fired]
    for facts in iter_facts(conn, index, batch, only):
        # a claim whose results are what the last check recorded keeps its rows: after an ingest of a
        # few articles, a check rewrites only the claims that changed
        before = recorded(conn, facts[0].id, facts[-1].id, [f.id for f in facts] if only is not None else None)
        stale: list[int] = []
        kept = 0
        rows: list[tuple] = []
        updates: list[tuple] = []
        for f in facts:
            mask = 0
            try:
                for bit, p in preds:
                    if p(f):
                        mask |= bit
            except Exception as e:  # a plug-in's step that fails is the rulebook's error, on one line
                raise RulebookError(
                    f"{report.origins.get(bit, '?')}: the step failed on claim {f.id}: {type(e).__name__}: {e}"
                ) from None
            grade = f.src.grade
            key = (mask, f.review_status, grade)
            hit = decisions.get(key)
            if hit is None:
                if len(decisions) > 50_000:
                    decisions.clear()
                fired = [i for i, need in active if mask & need == need]
                hits = [(compiled[i].rule, o) for i in fired for o in compiled[i].outcomes]
                d = decide(hits, f.review_status, grade)
                template = [(run_id, r.file, r.line, r.name, o.kind, o.value, why, applied)
                            for r, o, applied, why in d.results]
                new = (d.status, d.rule_status, d.flags, d.reliability, d.credibility, d.needs_review)
                hit = decisions[key] = (d, template, signature(template), fired, new)
            d, template, same, fired, new = hit
            c = counts.get(key)
            if c is None:
                counts[key] = [1, fired, d]
            else:
                c[0] += 1
            cid = f.id
            old = before.get(cid, ())
            if old == same:
                kept += len(template)
            else:
                if old:
                    stale.append(cid)
                if template:
                    last = (cid,)
                    rows.extend([t + last for t in template])
            if new != f.stored:
                updates.append((d.status, d.rule_status, d.flags, d.reliability, d.credibility, d.needs_review, cid))
                if d.status != f.stored[0]:
                    report.changed += 1
                    if len(report.changes) < CHANGES_SHOWN:
                        report.changes.append({"id": cid, "from": f.stored[0], "to": d.status})
        writer.forget(stale)
        writer.results(rows)
        writer.claims(updates)
        report.results += len(rows) + kept
        report.rewritten += len(rows)
    writer.finish()
    for (_mask, review, _grade), (n, fired, d) in counts.items():
        for i in fired:
            compiled[i].report.selected += n
        _tally(report, n, review, d)
    conn.execute(
        update(CheckRunRow)
        .where(CheckRunRow.id == run_id)
        .values(finished_at=datetime.now(timezone.utc), claims=report.claims, results=report.results)
    )
    return report


class _Writer:
    """Bulk writes: the driver's executemany on SQLite, COPY on PostgreSQL; 100,000 claims' results
    in seconds, not minutes.

    Values go through the columns' own bind processors (on SQLite) or PostgreSQL's own text input
    (COPY), so JSON and timestamps are stored exactly as SQLAlchemy stores them.
    """

    _RESULT_COLS = ("run_id", "rule_file", "rule_line", "rule_name", "outcome", "value", "reason", "applied", "claim_id")
    _CLAIM_COLS = ("status", "rule_status", "flags", "reliability", "credibility", "needs_review", "checked_at")

    def __init__(self, conn: Connection, now: datetime) -> None:
        self.conn = conn
        self.now = now
        dialect = conn.dialect
        mark = {"qmark": "?", "format": "%s", "pyformat": "%s"}.get(dialect.paramstyle)
        self.raw = mark is not None and dialect.name in ("sqlite", "postgresql")
        self.copy = dialect.name == "postgresql" and dialect.driver == "psycopg"
        cols = ClaimRow.__table__.c
        self._flags = _processor(cols.flags, dialect)
        stamp = _processor(cols.checked_at, dialect)
        self.checked_at = stamp(now) if stamp else now
        self._flag_memo: dict[tuple, Any] = {}
        if self.raw:
            rt = RuleResultRow.__table__.name
            self.insert_sql = f"INSERT INTO {rt} ({', '.join(self._RESULT_COLS)}) VALUES ({', '.join([mark] * 9)})"
            self.stage_sql = f"INSERT INTO {_STAGE} (id, {', '.join(self._CLAIM_COLS)}) VALUES ({', '.join([mark] * 8)})"
        self.staged = False

    def flags(self, flags: tuple[str, ...]) -> Any:
        v = self._flag_memo.get(flags)
        if v is None:
            if self.copy:
                v = json.dumps(list(flags))
            else:
                v = self._flags(list(flags)) if self._flags else list(flags)
            self._flag_memo[flags] = v
        return v

    def _copy(self, table: str, cols: tuple[str, ...], rows: list[tuple]) -> None:
        cur = self.conn.connection.dbapi_connection.cursor()
        try:
            with cur.copy(f"COPY {table} ({', '.join(cols)}) FROM STDIN") as cp:
                for r in rows:
                    cp.write_row(r)
        finally:
            cur.close()

    def forget(self, claim_ids: list[int]) -> None:
        """Drop the recorded results of claims whose results changed."""
        for i in range(0, len(claim_ids), 500):
            chunk = claim_ids[i : i + 500]
            self.conn.execute(delete(RuleResultRow).where(RuleResultRow.claim_id.in_(chunk)))

    def results(self, rows: list[tuple]) -> None:
        if not rows:
            return
        if self.copy:
            self._copy(RuleResultRow.__table__.name, self._RESULT_COLS, rows)
        elif self.raw:
            self.conn.exec_driver_sql(self.insert_sql, rows)
        else:
            self.conn.execute(insert(RuleResultRow.__table__), [dict(zip(self._RESULT_COLS, r)) for r in rows])

    def claims(self, updates: list[tuple]) -> None:
        """Stage changed claims; ``finish`` applies them with one UPDATE ... FROM."""
        if not updates:
            return
        if not self.raw:
            claims = ClaimRow.__table__
            stmt = update(claims).where(claims.c.id == bindparam("cid")).values(
                {c: bindparam(f"v_{c}") for c in self._CLAIM_COLS}
            )
            self.conn.execute(stmt, [
                {"cid": u[-1], **{f"v_{c}": v for c, v in zip(self._CLAIM_COLS, (*u[:2], list(u[2]), *u[3:6], self.now))}}
                for u in updates
            ])
            return
        if not self.staged:
            self.conn.exec_driver_sql(_STAGE_TABLE[self.conn.dialect.name if self.conn.dialect.name == "postgresql" else "sqlite"])
            self.conn.exec_driver_sql(f"DELETE FROM {_STAGE}")
            self.staged = True
        rows = [(cid, st, rs, self.flags(fl), rel, cred, nr, self.checked_at) for st, rs, fl, rel, cred, nr, cid in updates]
        if self.copy:
            self._copy(_STAGE, ("id", *self._CLAIM_COLS), rows)
        else:
            self.conn.exec_driver_sql(self.stage_sql, rows)

    def finish(self) -> None:
        if not self.staged:
            return
        sets = ", ".join(f"{c} = u.{c}" for c in self._CLAIM_COLS)
        table = ClaimRow.__table__.name
        # the IN makes SQLite look each staged claim up by its id rather than read the whole table
        self.conn.exec_driver_sql(f"UPDATE {table} SET {sets} FROM {_STAGE} AS u WHERE {table}.id = u.id"
                                  f" AND {table}.id IN (SELECT id FROM {_STAGE})")
        self.conn.exec_driver_sql(f"DELETE FROM {_STAGE}")


# changed claims are staged in a temporary table and applied in one statement: far faster than one
# UPDATE per claim on both SQLite and PostgreSQL
_STAGE = "verify_check_claims"
_STAGE_TABLE = {
    "sqlite": f"CREATE TEMP TABLE IF NOT EXISTS {_STAGE} (id INTEGER PRIMARY KEY, status, rule_status, flags,"
              " reliability, credibility, needs_review, checked_at)",
    "postgresql": f"CREATE TEMP TABLE IF NOT EXISTS {_STAGE} (id integer PRIMARY KEY, status varchar(20),"
                  " rule_status varchar(20), flags json, reliability varchar(1), credibility varchar(1),"
                  " needs_review text, checked_at timestamptz) ON COMMIT DROP",
}


def _rows(template: list[tuple]) -> tuple:
    """What a claim's result rows hold, as ``_recorded`` reads them back."""
    return tuple(t[1:] for t in template)


_COL, _ROW, _NULL = "\x1e", "\x1f", "\x1d"


def _joined(template: list[tuple]) -> str | tuple:
    """A claim's result rows as one text, as ``_recorded_joined`` reads them back from SQLite."""
    if not template:
        return ()
    return _ROW.join(
        _COL.join((f, str(line), name, kind, value, _NULL if why is None else why, "true" if applied else "false"))
        for _run, f, line, name, kind, value, why, applied in template
    )


def _digest(template: list[tuple]) -> str | tuple:
    """The MD5 that ``_recorded_digests`` computes in PostgreSQL for the same rows."""
    text = _joined(template)
    return hashlib.md5(text.encode("utf-8")).hexdigest() if text else ()


def _where_ids(lo: int, hi: int, ids: list[int] | None, mark: str) -> tuple[str, tuple]:
    """``claim_id BETWEEN lo AND hi``, or ``claim_id IN (ids)`` for the claims of a sparse page."""
    if ids is None:
        return f"claim_id BETWEEN {mark} AND {mark}", (lo, hi)
    return f"claim_id IN ({', '.join([mark] * len(ids))})", tuple(ids)


def _recorded_joined(conn: Connection, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, str]:
    """Per claim, the rows the last check recorded joined into one text by SQLite. Should SQLite
    ever join them in another order, the claim is only rewritten, never wrongly kept."""
    c, r, n = (f"char({ord(x)})" for x in (_COL, _ROW, _NULL))
    row = (f"rule_file || {c} || rule_line || {c} || rule_name || {c} || outcome || {c} || value || {c} ||"
           f" coalesce(reason, {n}) || {c} || CASE WHEN applied THEN 'true' ELSE 'false' END")
    where, args = _where_ids(lo, hi, ids, "?")
    sql = (f"SELECT claim_id, group_concat(x, {r}) FROM (SELECT claim_id, {row} AS x"
           f" FROM {RuleResultRow.__table__.name} WHERE {where} ORDER BY claim_id, id)"
           " GROUP BY claim_id")
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(sql, args)
        return dict(cur.fetchall())
    finally:
        cur.close()


def _recorded_digests(conn: Connection, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, str]:
    """Per claim, an MD5 of the rows the last check recorded, computed by PostgreSQL: a digest a
    claim instead of every row over the wire."""
    sql = (
        "SELECT claim_id, md5(string_agg(concat_ws(%(col)s, rule_file, rule_line::text, rule_name, outcome, value,"
        " coalesce(reason, %(null)s), applied::text), %(row)s ORDER BY id))"
        f" FROM {RuleResultRow.__table__.name} WHERE "
        + ("claim_id BETWEEN %(lo)s AND %(hi)s" if ids is None else "claim_id = ANY(%(ids)s)")
        + " GROUP BY claim_id"
    )
    cur = conn.connection.dbapi_connection.cursor()
    try:
        cur.execute(sql, {"col": _COL, "row": _ROW, "null": _NULL, "lo": lo, "hi": hi, "ids": list(ids or ())})
        return dict(cur.fetchall())
    finally:
        cur.close()


def _recorded(conn: Connection, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, tuple]:
    """The results the last check recorded for claims ``lo``..``hi``, per claim, as check writes them."""
    t = RuleResultRow
    stmt = (
        select(t.claim_id, t.rule_file, t.rule_line, t.rule_name, t.outcome, t.value, t.reason, t.applied)
        .where(t.claim_id.between(lo, hi) if ids is None else t.claim_id.in_(ids))
        .order_by(t.claim_id, t.id)
    )
    rows = fetch_plain(conn, stmt)
    out: dict[int, list] = {}
    for cid, f, line, name, outcome, value, reason, applied in rows:
        entry = (f, line, name, outcome, value, reason, bool(applied))
        got = out.get(cid)
        if got is None:
            out[cid] = [entry]
        else:
            got.append(entry)
    return {k: tuple(v) for k, v in out.items()}


def _processor(col, dialect):
    return col.type.dialect_impl(dialect).bind_processor(dialect)


def _tally(report: CheckReport, n: int, review_status: str | None, d: Decision) -> None:
    """Count ``n`` claims that got decision ``d``."""
    report.claims += n
    report.statuses[d.status] += n
    for fl in d.flags:
        report.flags[fl] += n
    # a claim a person has reviewed no longer waits for review (its rule reasons stay recorded); it
    # is counted where the rules now disagree with the review
    if d.needs_review and not review_status:
        report.needs_review += n
    if review_status and d.rule_status and review_status != d.rule_status:
        report.disagreements += n


def _with_linked(conn: Connection, ids: list[int]) -> list[int]:
    """``ids`` and every claim linked to one of them."""
    out = set(ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        for a, b in conn.execute(
            select(LinkRow.claim_a, LinkRow.claim_b).where(or_(LinkRow.claim_a.in_(chunk), LinkRow.claim_b.in_(chunk)))
        ):
            out.update((a, b))
    return sorted(out)


def last_rulebooks(db: Any) -> list[str] | None:
    """The rulebooks (absolute paths) the latest check applied, in order; None before any check.

    ``verify ingest`` checks its new claims with these, so a house rulebook stays applied.
    """
    bind = _engine(db)
    stmt = select(CheckRunRow.rulebook).order_by(CheckRunRow.id.desc()).limit(1)
    try:
        if isinstance(bind, Connection):
            value = bind.execute(stmt).scalar_one_or_none()
        else:
            with bind.connect() as conn:
                value = conn.execute(stmt).scalar_one_or_none()
    except SQLAlchemyError as e:
        raise StoreError(f"cannot read the last check: {str(e).splitlines()[0]}") from None
    if value is None:
        return None
    try:
        got = json.loads(value)
    except ValueError:
        got = None
    if isinstance(got, list) and all(isinstance(x, str) for x in got):
        return got
    # checks recorded before the paths were: the shown names, joined by " + " (the shipped rulebook
    # shown relative to the project, which only resolves from there)
    from ..config import DEFAULT_RULEBOOK, PROJECT_DIR

    shipped = str(DEFAULT_RULEBOOK.relative_to(PROJECT_DIR)) if DEFAULT_RULEBOOK.is_relative_to(PROJECT_DIR) else None
    return [str(DEFAULT_RULEBOOK.resolve()) if part == shipped else part
            for part in str(value).split(" + ") if part]
