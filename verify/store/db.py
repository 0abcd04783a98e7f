"""Reaching a database: the engine, its connection settings, and the Alembic upgrade
(``verify.store.open_store`` opens a ``Store`` with them).

SQLite (the embedded default) runs in WAL mode with a busy timeout and foreign keys on; PostgreSQL is
reached through psycopg 3. Anything that stops a database from opening becomes one ``StoreError`` line
that names the URL with its password masked.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine, event, inspect, text
from sqlalchemy.engine import URL, Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from ..config import MIGRATIONS_DIR, database_url, default_database_path
from ..errors import StoreError

BUSY_TIMEOUT_S = 30
VERSION_TABLE = "alembic_version"
# any fixed number: it only has to be the same for every verify process upgrading one database
_UPGRADE_LOCK = 0x7665726966

_USERINFO = re.compile(r"(?<=://)([^:/@]*):[^@/]*@")


def mask_url(url: str | URL) -> str:
    """The URL as it may be shown to a user: any password replaced by ``***``."""
    if isinstance(url, URL):
        return url.render_as_string(hide_password=True)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:  # not parseable: mask what looks like user:password@
        return _USERINFO.sub(r"\1:***@", url)


def parse_url(url: str) -> URL:
    """A SQLAlchemy URL for ``url``; a bare path means a SQLite file. Only SQLite and PostgreSQL."""
    url = url.strip()
    if not url:
        raise StoreError("empty database URL")
    if "://" not in url:
        # a bare file name is taken as a SQLite file only where it says so, so that a mistyped
        # URL does not quietly create a new database
        if Path(url).suffix.lower() in (".db", ".sqlite", ".sqlite3"):
            return URL.create("sqlite", database=str(Path(url).expanduser().absolute()))
        raise StoreError(
            f"not a database URL: {mask_url(url)} (use sqlite:///PATH, a file ending in .db, "
            "or postgresql+psycopg://USER@HOST/DB)"
        )
    try:
        u = make_url(url)
    except ArgumentError:
        raise StoreError(f"not a database URL: {mask_url(url)}") from None
    # read from the URL's text: asking SQLAlchemy would load the dialect, and fail on "postgres"
    backend, _, driver = u.drivername.partition("+")
    if backend in ("postgresql", "postgres") and driver in ("", "psycopg", "psycopg2"):
        # psycopg 3 is the driver verify installs
        return u.set(drivername="postgresql+psycopg")
    if backend == "sqlite" and driver in ("", "pysqlite"):
        if (u.database or "").startswith("~") and u.query.get("uri") not in ("true", "1"):
            u = u.set(database=str(Path(u.database).expanduser()))
        return u
    raise StoreError(
        f"unsupported database {mask_url(u)}: use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
    )


def _sqlite_file(u: URL) -> Path | None:
    """The file a SQLite URL names, or None for an in-memory or ``file:`` URI database."""
    db = u.database or ""
    if db in ("", ":memory:") or db.startswith("file:") or u.query.get("uri") in ("true", "1"):
        return None
    return Path(db).expanduser()


def _prepare_sqlite_path(u: URL) -> None:
    path = _sqlite_file(u)
    if path is None:
        return
    if path.is_dir():
        raise StoreError(f"cannot open the database {mask_url(u)}: {path} is a directory")
    if path.parent.is_dir():
        return
    # only the embedded default gets its directory made: a mistyped --db must not create
    # directories wherever the typo points
    if path.absolute() != default_database_path().absolute():
        raise StoreError(f"cannot open {mask_url(u)}: the directory {path.parent} does not exist")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise StoreError(
            f"cannot open the database {mask_url(u)}: cannot create {path.parent}: {e.strerror or e}"
        ) from None


def _on_sqlite_connect(dbapi_conn, _record) -> None:
    # the driver's own transaction handling is switched off so that BEGIN is ours (see _on_begin)
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    try:
        cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_S * 1000}")
        cur.execute("PRAGMA foreign_keys = ON")
        mode = cur.execute("PRAGMA journal_mode").fetchone()[0]
        if mode not in ("wal", "memory"):
            try:
                cur.execute("PRAGMA journal_mode = WAL")
            except sqlite3.OperationalError:
                pass  # a read-only file still reads; a write will say it is read-only
        # safe in WAL mode: a crash of the process loses nothing committed
        cur.execute("PRAGMA synchronous = NORMAL")
    finally:
        cur.close()


def _on_sqlite_begin(conn: Connection) -> None:
    # A writer that starts with BEGIN IMMEDIATE waits (busy timeout) for the write lock up front,
    # instead of failing with "database is locked" when it later tries to write after reading.
    if conn.get_execution_options().get("sqlite_immediate"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def make_engine(url: str | None = None) -> Engine:
    """An engine for ``url`` (``--db``, ``$VERIFY_DATABASE_URL``, else the embedded file), not yet connected."""
    u = parse_url(database_url(url))
    try:
        if u.get_backend_name() == "sqlite":
            _prepare_sqlite_path(u)
            kw: dict = {"connect_args": {"timeout": BUSY_TIMEOUT_S}}
            if _sqlite_file(u) is None and (u.database or "") in ("", ":memory:"):
                # one shared connection, or every session would see its own empty database
                kw.update(poolclass=StaticPool, connect_args={"check_same_thread": False})
            engine = create_engine(u, **kw)
            event.listen(engine, "connect", _on_sqlite_connect)
            event.listen(engine, "begin", _on_sqlite_begin)
        else:
            # no pre-ping: a verify process is short-lived, and a ping would double every round trip
            engine = create_engine(u, connect_args={"connect_timeout": 10, "application_name": "verify"})
    except (NoSuchModuleError, ArgumentError, ImportError) as e:
        raise StoreError(f"cannot open the database {mask_url(u)}: {_first_line(e)}") from None
    return engine


def _first_line(e: BaseException) -> str:
    orig = getattr(e, "orig", None)
    msg = str(orig if orig is not None else e).strip()
    for line in msg.splitlines():
        line = line.strip()
        if line:
            return line
    return type(e).__name__


def store_error(e: BaseException, url: str | URL, doing: str = "open") -> StoreError:
    """One line for a database error: what failed, on which database (masked), and why."""
    return StoreError(f"cannot {doing} the database {mask_url(url)}: {_first_line(e)}")


def check_connection(engine: Engine) -> None:
    """Connect and read once, so an unusable database fails here with a clear line."""
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                # reading the schema is what fails on a file that is not a database
                conn.exec_driver_sql("PRAGMA schema_version").fetchone()
            else:
                conn.execute(text("SELECT 1"))
    except SQLAlchemyError as e:
        raise store_error(e, engine.url) from None


# -- migrations ---------------------------------------------------------------------------------


def alembic_config(engine: Engine | None = None):
    # Alembic is imported only when a migration runs: it would add a third of a second to every command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        # ConfigParser interpolates %; a password may hold one
        cfg.set_main_option(
            "sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%")
        )
    return cfg


_REVISION = re.compile(r"""^revision(?:\s*:\s*str)?\s*=\s*["']([^"']+)["']""", re.MULTILINE)
_DOWN_REVISION = re.compile(r"""^down_revision(?:\s*:[^=\n]*)?\s*=\s*(?:None|["']([^"']+)["'])\s*$""", re.MULTILINE)


def head_revision() -> str | None:
    """The newest schema revision this verify knows.

    Read from the migration files' ``revision``/``down_revision`` lines, which is all Alembic
    would do for a straight line of migrations; anything else (a merge) is left to Alembic.
    """
    if not (MIGRATIONS_DIR / "env.py").is_file():
        raise StoreError(f"the database migrations are missing from {MIGRATIONS_DIR}; reinstall verify")
    revisions: set[str] = set()
    downs: set[str] = set()
    for f in (MIGRATIONS_DIR / "versions").glob("*.py"):
        src = f.read_text(encoding="utf-8")
        rev, down = _REVISION.search(src), _DOWN_REVISION.search(src)
        if rev is None or down is None:
            return _alembic_head()
        revisions.add(rev.group(1))
        if down.group(1):
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else _alembic_head()


def _alembic_head() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """The schema revision stored in the database; None for a database verify has not set up."""
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table(VERSION_TABLE):
                return None
            return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
    except SQLAlchemyError as e:
        raise store_error(e, engine.url) from None


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _check_is_ours(conn: Connection, url: URL) -> None:
    """Refuse a database that holds tables but was never set up by verify."""
    insp = inspect(conn)
    if insp.has_table(VERSION_TABLE):
        rev = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()
        if rev is not None and rev not in _known_revisions():
            raise StoreError(
                f"the database {mask_url(url)} is at schema revision {rev}, which this verify does not "
                "know (a newer verify set it up); upgrade verify"
            )
        return
    others = [t for t in insp.get_table_names() if not t.startswith("sqlite_")]
    if others:
        raise StoreError(
            f"the database {mask_url(url)} already holds tables that verify did not create "
            f"({', '.join(sorted(others)[:3])}{', ...' if len(others) > 3 else ''}); use another database"
        )


def migrate(engine: Engine, revision: str = "head", *, down: bool = False) -> tuple[str | None, str | None]:
    """Upgrade (or downgrade) the schema; returns the revisions before and after.

    The whole migration runs in one transaction under a lock, so two processes opening a new
    database at once do not both try to create it.
    """
    from alembic import command

    head_revision()  # fails clearly when the migrations are missing
    sqlite = engine.dialect.name == "sqlite"
    try:
        with engine.connect() as conn:
            if sqlite:
                # SQLite ignores this inside a transaction; batch migrations copy tables, and with
                # foreign keys on, dropping the old copy would cascade-delete the rows that refer to it
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")
                conn = conn.execution_options(sqlite_immediate=True)
            try:
                with conn.begin():
                    if not sqlite:
                        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _UPGRADE_LOCK})
                    _check_is_ours(conn, engine.url)
                    before = _revision_in(conn)
                    cfg = alembic_config(engine)
                    cfg.attributes["connection"] = conn
                    if down:
                        command.downgrade(cfg, revision)
                    else:
                        command.upgrade(cfg, revision)
                    after = _revision_in(conn)
                    if sqlite:
                        bad = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                        if bad:
                            raise StoreError(
                                f"the migration would leave {len(bad)} rows with broken references in "
                                f"{mask_url(engine.url)}; nothing was changed"
                            )
            finally:
                if sqlite:
                    conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")
    except StoreError:
        raise
    except SQLAlchemyError as e:
        raise store_error(e, engine.url, "upgrade" if not down else "downgrade") from None
    except Exception as e:  # alembic's own errors (unknown revision, ...) are one line too
        if type(e).__module__.startswith("alembic"):
            raise StoreError(f"cannot migrate the database {mask_url(engine.url)}: {_first_line(e)}") from None
        raise
    return before, after


def _revision_in(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar()


def upgrade(engine: Engine) -> tuple[str | None, str | None]:
    return migrate(engine, "head")
