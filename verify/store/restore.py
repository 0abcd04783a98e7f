"""Reading an export (``verify.store.backup``) into an empty database: ``verify import``.

All or nothing: the rows go in inside one transaction, which is rolled back at the first line
that is not what the format says (cut, garbled, a row the database refuses), so a failed import
leaves the database as it was. Only an empty database is accepted: a store's rows keep their IDs,
and they would collide with, or quietly merge into, rows already there.

An export of an older schema is read into the database at that schema (an empty one is taken
down to it), and the database is then upgraded, so the migrations carry the rows forward as they
would have carried the store's own. An export of a newer schema or format is refused.
"""

from __future__ import annotations

import base64
import json
import sys
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import IO, Any

from sqlalchemy import JSON, Column, MetaData, Table, func, inspect, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import InputError, StoreError
from .backup import BATCH, FORMAT, FORMAT_VERSION, OnRows, column_kind, schema_tables
from .db import (
    VERSION_TABLE, _first_line, _known_revisions, current_revision, head_revision, mask_url, migrate, store_error,
)


class _Bad(Exception):
    """A line that is not what the format says; becomes one InputError naming the file and line."""


# -- reading lines ------------------------------------------------------------------------------------


class ExportReader:
    """The lines of an export, decoded one at a time, each with its number for messages."""

    def __init__(self, src: str | Path | IO, name: str | None = None) -> None:
        self._own = None
        if isinstance(src, (str, Path)):
            if str(src) == "-":
                self.stream, self.name = sys.stdin.buffer, "standard input"
            else:
                path = Path(src)
                self.name = str(path)
                try:
                    self.stream = self._own = open(path, "rb")  # noqa: SIM115 - closed by close()
                except IsADirectoryError:
                    raise InputError(f"cannot import {path}: it is a directory") from None
                except OSError as e:
                    raise InputError(f"cannot import {path}: {e.strerror or e}") from None
        else:
            buf = getattr(src, "buffer", None)
            self.stream = buf if buf is not None else src
            self.name = name or getattr(src, "name", None) or "the export"
        self.line = 0

    def close(self) -> None:
        if self._own is not None:
            self._own.close()

    def error(self, why: str) -> InputError:
        where = f"{self.name} line {self.line}" if self.line else self.name
        return InputError(f"cannot import {where}: {why}; nothing was imported")

    def next(self) -> Any:
        """The next line's JSON value; an error for the end of the file, a cut line or garbage."""
        raw = self.stream.readline()
        self.line += 1
        if isinstance(raw, str):  # a text stream
            raw = raw.encode("utf-8")
        if not raw:
            raise _Bad("the file ends early (cut short?)" if self.line > 1 else "the file is empty")
        if not raw.endswith(b"\n"):
            raise _Bad("the line is cut short (the file ends inside it)")
        try:
            return json.loads(raw.decode("utf-8"))
        except UnicodeDecodeError:
            raise _Bad("the line is not UTF-8 text") from None
        except ValueError as e:
            raise _Bad(f"the line is not JSON ({e.msg} at column {e.colno})") from None

    def at_end(self) -> bool:
        return not self.stream.read(1)


# -- values ------------------------------------------------------------------------------------------


def _decoder(col: Column) -> Callable[[Any], Any]:
    """The function that turns an exported value back into what the column stores, refusing one of
    the wrong kind (SQLite would store a word in an integer column without a word)."""
    kind = column_kind(col)
    name = f"{col.table.name}.{col.name}"
    nullable = col.nullable

    def want(what: str) -> _Bad:
        return _Bad(f"{name} should be {what}")

    def check(v: Any) -> Any:
        if v is None:
            if not nullable:
                raise want("a value, not null")
            return None
        return convert(v)

    def convert(v: Any) -> Any:  # noqa: C901 - one branch per kind
        if kind == "int":
            if isinstance(v, int) and not isinstance(v, bool):
                return v
            raise want("a whole number")
        if kind == "str":
            if isinstance(v, str):
                return v
            raise want("text")
        if kind == "bool":
            if isinstance(v, bool):
                return v
            raise want("true or false")
        if kind == "float":
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                return float(v)
            if v in ("nan", "inf", "-inf"):
                return float(v)
            raise want("a number")
        if kind == "json":
            return v
        if not isinstance(v, str):
            raise want("text")
        try:
            if kind == "datetime":
                return datetime.fromisoformat(v)
            if kind == "date":
                return date.fromisoformat(v)
            if kind == "decimal":
                return Decimal(v)
            return base64.b64decode(v, validate=True)
        except (ValueError, InvalidOperation):
            raise want(f"a {kind} in the export's form") from None

    return check


# -- import -------------------------------------------------------------------------------------------


def read_header(reader: ExportReader) -> dict:
    """The header line, checked: a verify export, of a format and schema this verify can read."""
    try:
        head = reader.next()
    except _Bad as e:
        raise reader.error(str(e)) from None
    if not isinstance(head, dict) or head.get("format") != FORMAT:
        raise reader.error("not a verify export (its first line has no \"format\": \"verify-export\")")
    version, schema, tables = head.get("version"), head.get("schema"), head.get("tables")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise reader.error("its header has no format version")
    if version > FORMAT_VERSION:
        raise reader.error(f"it is in export format {version}, written by a newer verify (this one reads "
                           f"format {FORMAT_VERSION}); upgrade verify")
    if not isinstance(schema, str) or not isinstance(tables, dict) or not all(
            isinstance(k, str) and isinstance(n, int) and not isinstance(n, bool) and n >= 0
            for k, n in tables.items()):
        raise reader.error("its header has no schema revision or no row counts")
    if schema not in _known_revisions():
        raise reader.error(f"it holds a store of schema {schema}, which this verify does not know (its newest "
                           f"is {head_revision()}; a newer verify wrote it); upgrade verify")
    return head


def _counts(conn: Connection) -> dict[str, int]:
    names = [n for n in inspect(conn).get_table_names() if n != VERSION_TABLE and not n.startswith("sqlite_")]
    meta = MetaData()
    return {n: conn.execute(select(func.count()).select_from(Table(n, meta))).scalar_one() for n in sorted(names)}


def refuse_unless_empty(store: Any, conn: Connection | None = None) -> None:
    """One line naming what the database holds, unless it holds nothing (read through ``conn``,
    inside the import's transaction, where one is given)."""
    try:
        if conn is not None:
            counts = _counts(conn)
        else:
            with store.engine.connect() as own:
                counts = _counts(own)
    except SQLAlchemyError as e:
        raise store_error(e, store.engine.url, "read") from None
    held = {n: rows for n, rows in counts.items() if rows}
    if held:
        # the tables a person knows first: the schema's order, tables others refer to before the rest
        order = {t.name: i for i, t in enumerate(schema_tables())}
        referred = {fk.column.table.name for t in schema_tables() for fk in t.foreign_keys}
        first = sorted(held, key=lambda n: (n not in referred, order.get(n, len(order)), n))
        what = ", ".join(f"{n}: {held[n]}" for n in first[:3])
        raise StoreError(f"the database {mask_url(store.engine.url)} is not empty ({what}"
                         f"{', ...' if len(held) > 3 else ''}); import into an empty database")


def import_store(store: Any, reader: ExportReader, head: dict, on_rows: OnRows | None = None) -> None:
    """Read the rest of the export, whose header ``read_header`` returned, into ``store``'s empty
    database.

    The database is checked to be empty first; then every row goes in in one transaction, and
    PostgreSQL's ID sequences are set past the imported IDs.
    """
    refuse_unless_empty(store)
    engine = store.engine
    target = head["schema"]
    if current_revision(engine) != head_revision():
        migrate(engine, "head")
    down = target != head_revision()
    try:
        if down:  # an empty database, taken to the export's schema and upgraded with the rows
            migrate(engine, target, down=True)
        _import_rows(store, reader, head, on_rows)
    finally:
        if down:
            migrate(engine, "head")


def _import_rows(store: Any, reader: ExportReader, head: dict, on_rows: OnRows | None) -> None:
    engine = store.engine
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                conn = conn.execution_options(sqlite_immediate=True)
            with conn.begin():
                # again inside the transaction: another process may have written since the first look
                refuse_unless_empty(store, conn)
                _read_tables(conn, reader, head, on_rows)
                if engine.dialect.name == "postgresql":
                    _reset_sequences(conn)
    except _Bad as e:
        raise reader.error(str(e)) from None
    except SQLAlchemyError as e:
        raise reader.error(f"the database {mask_url(engine.url)} refused it: {_first_line(e)}") from None


def _read_tables(conn: Connection, reader: ExportReader, head: dict, on_rows: OnRows | None) -> None:
    meta = MetaData()
    meta.reflect(conn)
    for table in meta.tables.values():
        for col in table.columns:
            if col.nullable and column_kind(col) == "json":
                # an absent value goes back as SQL NULL (what `IS NULL` finds), not as JSON's null
                col.type = JSON(none_as_null=True)
    counts: dict[str, int] = head["tables"]
    total = sum(counts.values())
    seen: set[str] = set()
    line = reader.next()
    while not (isinstance(line, dict) and "end" in line):
        if not isinstance(line, dict) or not isinstance(line.get("table"), str):
            raise _Bad("a table's first line was expected here")
        name = line["table"]
        table = meta.tables.get(name)
        if table is None or name == VERSION_TABLE:
            raise _Bad(f"the table {name} is not in this database's schema {head['schema']}")
        if name in seen or name not in counts:
            raise _Bad(f"the table {name} is not in the header, or comes twice")
        seen.add(name)
        cols = line.get("columns")
        if not isinstance(cols, list) or set(cols) != set(table.columns.keys()) or len(cols) != len(table.columns):
            raise _Bad(f"the columns of {name} are not those of this database's schema {head['schema']}")
        dec = [_decoder(table.columns[c]) for c in cols]
        _report(on_rows, name, 0, total)  # the bar names the table while its first batch is read
        insert = table.insert()
        batch: list[dict] = []
        n = 0
        line = reader.next()
        while isinstance(line, list):
            if len(line) != len(cols):
                raise _Bad(f"a row of {name} has {len(line)} values for {len(cols)} columns")
            batch.append({c: d(v) for c, d, v in zip(cols, dec, line)})
            n += 1
            if len(batch) == BATCH:
                conn.execute(insert, batch)
                _report(on_rows, name, len(batch), total)
                batch = []
            line = reader.next()
        if batch:
            conn.execute(insert, batch)
            _report(on_rows, name, len(batch), total)
        if n != counts[name]:
            raise _Bad(f"{name} has {n} rows where the header says {counts[name]}")
    if line.get("end") != FORMAT or line.get("rows") != total:
        raise _Bad("the last line does not close the export it began")
    missing = [n for n, c in counts.items() if c and n not in seen]
    if missing:
        raise _Bad(f"the rows of {', '.join(missing)} are missing")
    if not reader.at_end():
        reader.line += 1
        raise _Bad("there is more after the export's last line")


def _report(on_rows: OnRows | None, name: str, n: int, total: int) -> None:
    if on_rows is not None:
        on_rows(name, n, total)


def _reset_sequences(conn: Connection) -> None:
    """Set each table's ID sequence past its highest imported ID, so the next row gets a new one."""
    insp, quote = inspect(conn), conn.dialect.identifier_preparer.quote
    for name in insp.get_table_names():
        pk = insp.get_pk_constraint(name).get("constrained_columns") or []
        if len(pk) != 1:
            continue
        seq = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": quote(name), "c": pk[0]}).scalar()
        if seq is None:
            continue
        col, tab = quote(pk[0]), quote(name)
        conn.execute(text(f"SELECT setval(:s, COALESCE((SELECT MAX({col}) FROM {tab}), 0) + 1, false)"), {"s": seq})
