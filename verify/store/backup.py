"""Backups and moves: the whole store written as JSON Lines (``verify export``); reading it back is
``verify.store.restore``.

The file is read by machines and compared by people, so it is canonical: the same store gives the
same bytes on SQLite and on PostgreSQL. Its lines, each one JSON value:

- a header: ``{"format": "verify-export", "version": 1, "schema": "<Alembic revision>",
  "tables": {"<table>": <rows>, ...}}``;
- for each table of the schema, in dependency order (a row's references come before it): a line
  ``{"table": "<name>", "columns": [...]}``, then its rows, one JSON array each, by primary key;
- ``{"end": "verify-export", "rows": <total>}``, so that a cut file is known for one.

Tables and columns are read from the schema's metadata, so a table a later migration adds is
exported without a change here. Values: datetimes in UTC as ``YYYY-MM-DDTHH:MM:SS.ffffffZ``,
dates ``YYYY-MM-DD``, floats in Python's shortest exact form (``"nan"``, ``"inf"``, ``"-inf"`` as
strings), JSON columns as JSON with sorted keys, bytes in base64. The rows stream through in
batches, inside one read transaction, so the export is one moment of the store.
"""

from __future__ import annotations

import base64
import io
import json
import math
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, Any

from sqlalchemy import (
    JSON, Boolean, Column, Date, DateTime, Enum, Float, Integer, LargeBinary, Numeric, String, Table, func, select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from ..errors import StoreError, VerifyError
from .db import VERSION_TABLE, store_error
from .tables import Base

FORMAT = "verify-export"
FORMAT_VERSION = 1
BATCH = 1000

# (table, rows just written or read, rows in all): what a progress bar needs
OnRows = Callable[[str, int, int], None]


def schema_tables() -> list[Table]:
    """Every table of the schema, each after the tables its rows refer to."""
    return list(Base.metadata.sorted_tables)


# -- values ------------------------------------------------------------------------------------------


def column_kind(col: Column) -> str:
    """How a column's values are written: by its type's family, so that the types SQLite and
    PostgreSQL reflect (DATETIME, TIMESTAMP, DOUBLE PRECISION, ...) read as the schema's do."""
    t = col.type
    # order matters: Float is a Numeric, Enum and Text are Strings
    for kind, family in (("json", JSON), ("datetime", DateTime), ("date", Date), ("bool", Boolean),
                         ("float", Float), ("decimal", Numeric), ("int", Integer), ("bytes", LargeBinary),
                         ("str", Enum), ("str", String)):
        if isinstance(t, family):
            return kind
    raise StoreError(f"the export cannot write column {col.table.name}.{col.name} of type {t}; "
                     "teach verify/store/backup.py its type")


def _utc(v: datetime) -> datetime:
    # SQLite hands back the naive UTC time it stored; PostgreSQL an aware one in the session's zone
    return v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v.astimezone(timezone.utc)


def _stamp(v: datetime) -> str:
    # spelled out: strftime does not pad years before 1000 on every platform
    return (f"{v.year:04d}-{v.month:02d}-{v.day:02d}T{v.hour:02d}:{v.minute:02d}:{v.second:02d}"
            f".{v.microsecond:06d}")


def _float(v: Any) -> Any:
    f = float(v)
    if math.isfinite(f):
        return f
    return "nan" if math.isnan(f) else ("inf" if f > 0 else "-inf")


def encoder(col: Column) -> Callable[[Any], Any]:
    """The function that turns a column's stored value into its canonical JSON value."""
    kind = column_kind(col)
    if kind == "datetime":
        if getattr(col.type, "timezone", False):
            return lambda v: None if v is None else _stamp(_utc(v)) + "Z"
        return lambda v: None if v is None else _stamp(_utc(v).replace(tzinfo=None) if v.tzinfo else v)
    if kind == "date":
        return lambda v: None if v is None else (v.date() if isinstance(v, datetime) else v).isoformat()
    if kind == "float":
        return lambda v: None if v is None else _float(v)
    if kind == "decimal":
        return lambda v: None if v is None else str(v)
    if kind == "bytes":
        return lambda v: None if v is None else base64.b64encode(bytes(v)).decode("ascii")
    if kind == "bool":
        return lambda v: None if v is None else bool(v)
    if kind == "int":
        return lambda v: None if v is None else int(v)
    return lambda v: v  # str, json: as they are (dumps sorts the keys of JSON values)


def dumps(value: Any) -> bytes:
    """One line of the file: compact, keys sorted, UTF-8."""
    return (json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), allow_nan=False)
            + "\n").encode("utf-8")


# -- export -------------------------------------------------------------------------------------------


def _order(table: Table, dialect: str) -> list:
    """By primary key, in an order both backends agree on: text keys byte by byte ("C")."""
    cols = list(table.primary_key.columns) or [c for c in table.columns if column_kind(c) != "json"]
    if dialect == "postgresql":
        return [c.collate("C") if column_kind(c) == "str" else c for c in cols]
    return cols  # SQLite compares text byte by byte already


def _revision(conn: Connection) -> str:
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one()


def export_rows(conn: Connection, write: Callable[[bytes], Any], on_rows: OnRows | None = None) -> dict:
    """Write the whole store read through ``conn`` (inside its transaction); returns the header."""
    tables = schema_tables()
    dialect = conn.dialect.name
    counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one() for t in tables}
    total = sum(counts.values())
    header = {"format": FORMAT, "version": FORMAT_VERSION, "schema": _revision(conn), "tables": counts}
    write(dumps(header))
    stream = conn.execution_options(stream_results=True, max_row_buffer=BATCH)
    for t in tables:
        cols = list(t.columns)
        enc = [encoder(c) for c in cols]
        write(dumps({"table": t.name, "columns": [c.name for c in cols]}))
        written = 0
        result = stream.execute(select(*cols).order_by(*_order(t, dialect)))
        for part in result.partitions(BATCH):
            write(b"".join(dumps([e(v) for e, v in zip(enc, row)]) for row in part))
            written += len(part)
            if on_rows is not None:
                on_rows(t.name, len(part), total)
        if written != counts[t.name]:  # cannot happen inside one transaction; a cut export must not pass
            raise StoreError(f"the table {t.name} changed while it was exported; export again")
    write(dumps({"end": FORMAT, "rows": total}))
    return header


def export_store(store: Any, out: str | os.PathLike[str] | IO | None, on_rows: OnRows | None = None) -> dict:
    """Export ``store`` to the file ``out`` (written whole or not at all) or a stream (text or
    binary); returns the header written."""
    if out is None or hasattr(out, "write"):
        return _export_to(store, _writer(out), on_rows)
    path = Path(out)
    if path.is_dir():
        raise VerifyError(f"cannot write the export to {path}: it is a directory")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent if str(path.parent) else ".")
    except OSError as e:
        raise VerifyError(f"cannot write the export to {path}: {e.strerror or e}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            header = _export_to(store, f.write, on_rows)
        os.replace(tmp, path)
    except OSError as e:
        raise VerifyError(f"cannot write the export to {path}: {e.strerror or e}") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return header


def _writer(out: IO | None) -> Callable[[bytes], Any]:
    if out is None:
        out = sys.stdout
    if isinstance(out, io.TextIOBase):
        buf = getattr(out, "buffer", None)
        if buf is not None:  # a text stream over bytes (standard output): the bytes as they are
            out.flush()
            return buf.write
        return lambda b: out.write(b.decode("utf-8"))
    return out.write


def _export_to(store: Any, write: Callable[[bytes], Any], on_rows: OnRows | None) -> dict:
    engine = store.engine
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "postgresql":
                # every table read at one moment, so the counts in the header are the rows that follow
                conn = conn.execution_options(isolation_level="REPEATABLE READ")
            with conn.begin():  # on SQLite (WAL) a read transaction is one snapshot already
                return export_rows(conn, write, on_rows)
    except SQLAlchemyError as e:
        raise store_error(e, engine.url, "export") from None


__all__ = ["BATCH", "FORMAT", "FORMAT_VERSION", "column_kind", "dumps", "encoder", "export_store", "schema_tables"]
