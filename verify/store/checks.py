"""What a check writes: its run, the rule results and the claims' new statuses, in one transaction.

``check_transaction(store)`` opens the transaction and gives a ``CheckRun``: the reads of
``verify.store.facts`` and the writes below. The rules engine (``verify.rules.engine``) decides;
this module stores. A failure of the database on the way becomes one ``StoreError`` line, and
nothing is changed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import bindparam, create_engine, delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError
from .facts import FactReader, fetch_plain
from .filtering import needs_review_condition
from .tables import CheckRunRow, ClaimRow, EventRow, LinkRow, RuleResultRow

# who the history names for a status a check changed
CHECK_REVIEWER = "verify check"


def _bind(db: Any) -> Engine | Connection:
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


@contextmanager
def check_transaction(db: Any) -> Iterator[CheckRun]:
    """One check's transaction on ``db`` (a store; an engine or connection also does): committed
    when the block ends, rolled back on any error; a database error is one ``StoreError`` line."""
    bind = _bind(db)
    try:
        with _transaction(bind) as conn:
            yield CheckRun(conn)
    except SQLAlchemyError as e:
        raise StoreError(f"the check stopped, nothing was changed: {str(e).splitlines()[0]}") from None
    except Exception as e:
        dbapi = getattr(bind.dialect, "dbapi", None)
        if dbapi is not None and isinstance(e, getattr(dbapi, "Error", ())):
            raise StoreError(f"the check stopped, nothing was changed: {str(e).splitlines()[0]}") from None
        raise


@contextmanager
def _transaction(bind: Engine | Connection) -> Iterator[Connection]:
    if isinstance(bind, Connection):
        if bind.in_transaction():
            yield bind
            return
        with bind.begin():
            yield bind
        return
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
                yield conn
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")


class CheckRun(FactReader):
    """A check's reads and writes in its transaction.

    ``recorded`` reads back what the last check stored for a page of claims, per claim, in the form
    ``signature`` gives the rows this check would store (equal: the claim's rows are kept).
    """

    def __init__(self, conn: Connection) -> None:
        super().__init__(conn)
        self.recorded, self.signature = {
            "postgresql": (self._recorded_digests, _digest),
            "sqlite": (self._recorded_joined, _joined),
        }.get(conn.dialect.name, (self._recorded, _rows))
        self._writer: _Writer | None = None

    def with_linked(self, ids: list[int]) -> list[int]:
        """``ids`` and every claim linked to one of them."""
        out = set(ids)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            for a, b in self.conn.execute(
                select(LinkRow.claim_a, LinkRow.claim_b).where(or_(LinkRow.claim_a.in_(chunk), LinkRow.claim_b.in_(chunk)))
            ):
                out.update((a, b))
        return sorted(out)

    def start(self, rulebook: str, now: datetime) -> int:
        """Record the start of a check of ``rulebook`` (as stored) at ``now``; its run id. Claims
        written from here on are stamped ``now``."""
        run_id = self.conn.execute(
            insert(CheckRunRow).values(rulebook=rulebook, started_at=now).returning(CheckRunRow.id)
        ).scalar_one()
        self._writer = _Writer(self.conn, now)
        return run_id

    def write(self, stale: list[int], rows: list[tuple], updates: list[tuple]) -> None:
        """One page's writes: drop the results of ``stale`` claims, add result ``rows`` (run_id,
        rule_file, rule_line, rule_name, outcome, value, reason, applied, claim_id), and stage the
        ``updates`` of claims (status, rule_status, flags, reliability, credibility, needs_review, id)."""
        w = self._writer
        w.forget(stale)
        w.results(rows)
        w.claims(updates)

    def record_status_changes(self, changes: list[tuple], now: datetime) -> None:
        """Append a ``check`` event to each claim whose status a re-check changed: (claim id, from,
        to, the rule that decided)."""
        self.conn.execute(insert(EventRow.__table__), [
            {"claim_id": cid, "reviewer": CHECK_REVIEWER, "at": now, "action": "check", "from_status": before,
             "to_status": after, "note": f"by {rule}"}
            for cid, before, after, rule in changes
        ])

    def finish(self, run_id: int, claims: int, results: int) -> None:
        """Apply the staged claim updates and record the end of the run."""
        self._writer.finish()
        self.conn.execute(
            update(CheckRunRow)
            .where(CheckRunRow.id == run_id)
            .values(finished_at=datetime.now(timezone.utc), claims=claims, results=results)
        )

    def needing_review(self) -> int:
        """How many stored claims wait for a person's review, as ``list_claims(needs_review=True)``
        selects them, counted in this transaction (after ``finish``)."""
        return self.conn.execute(select(func.count()).select_from(ClaimRow).where(needs_review_condition())).scalar_one()

    # -- what the last check recorded ----------------------------------------------------------

    def _recorded_joined(self, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, str]:
        """Per claim, the rows the last check recorded joined into one text by SQLite. Should SQLite
        ever join them in another order, the claim is only rewritten, never wrongly kept."""
        c, r, n = (f"char({ord(x)})" for x in (_COL, _ROW, _NULL))
        row = (f"rule_file || {c} || rule_line || {c} || rule_name || {c} || outcome || {c} || value || {c} ||"
               f" coalesce(reason, {n}) || {c} || CASE WHEN applied THEN 'true' ELSE 'false' END")
        where, args = _where_ids(lo, hi, ids, "?")
        sql = (f"SELECT claim_id, group_concat(x, {r}) FROM (SELECT claim_id, {row} AS x"
               f" FROM {RuleResultRow.__table__.name} WHERE {where} ORDER BY claim_id, id)"
               " GROUP BY claim_id")
        cur = self.conn.connection.dbapi_connection.cursor()
        try:
            cur.execute(sql, args)
            return dict(cur.fetchall())
        finally:
            cur.close()

    def _recorded_digests(self, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, str]:
        """Per claim, an MD5 of the rows the last check recorded, computed by PostgreSQL: a digest a
        claim instead of every row over the wire."""
        sql = (
            "SELECT claim_id, md5(string_agg(concat_ws(%(col)s, rule_file, rule_line::text, rule_name, outcome, value,"
            " coalesce(reason, %(null)s), applied::text), %(row)s ORDER BY id))"
            f" FROM {RuleResultRow.__table__.name} WHERE "
            + ("claim_id BETWEEN %(lo)s AND %(hi)s" if ids is None else "claim_id = ANY(%(ids)s)")
            + " GROUP BY claim_id"
        )
        cur = self.conn.connection.dbapi_connection.cursor()
        try:
            cur.execute(sql, {"col": _COL, "row": _ROW, "null": _NULL, "lo": lo, "hi": hi, "ids": list(ids or ())})
            return dict(cur.fetchall())
        finally:
            cur.close()

    def _recorded(self, lo: int, hi: int, ids: list[int] | None = None) -> dict[int, tuple]:
        """The results the last check recorded for claims ``lo``..``hi``, per claim, as check writes them."""
        t = RuleResultRow
        stmt = (
            select(t.claim_id, t.rule_file, t.rule_line, t.rule_name, t.outcome, t.value, t.reason, t.applied)
            .where(t.claim_id.between(lo, hi) if ids is None else t.claim_id.in_(ids))
            .order_by(t.claim_id, t.id)
        )
        rows = fetch_plain(self.conn, stmt)
        out: dict[int, list] = {}
        for cid, f, line, name, outcome, value, reason, applied in rows:
            entry = (f, line, name, outcome, value, reason, bool(applied))
            got = out.get(cid)
            if got is None:
                out[cid] = [entry]
            else:
                got.append(entry)
        return {k: tuple(v) for k, v in out.items()}


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


def _processor(col, dialect):
    return col.type.dialect_impl(dialect).bind_processor(dialect)


def last_check_rulebook(db: Any) -> str | None:
    """The rulebook the latest check recorded (as ``CheckRun.start`` was given it); None before any check."""
    bind = _bind(db)
    stmt = select(CheckRunRow.rulebook).order_by(CheckRunRow.id.desc()).limit(1)
    try:
        if isinstance(bind, Connection):
            return bind.execute(stmt).scalar_one_or_none()
        with bind.connect() as conn:
            return conn.execute(stmt).scalar_one_or_none()
    except SQLAlchemyError as e:
        raise StoreError(f"cannot read the last check: {str(e).splitlines()[0]}") from None
