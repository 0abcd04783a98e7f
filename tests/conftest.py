"""Fixtures shared by the whole suite: a database per test (SQLite, or PostgreSQL when
``VERIFY_TEST_DATABASE_URL`` is set), a store on it, the CLI run in-process, and ``../shared``.
"""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.pool import NullPool

from verify.store import open_store
from verify.store.db import parse_url

PG_ENV = "VERIFY_TEST_DATABASE_URL"


@pytest.fixture(autouse=True)
def _isolated_environment(tmp_path_factory, monkeypatch):
    """No test reads or writes the user's own database: the default location moves to a temp dir."""
    monkeypatch.delenv("VERIFY_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("xdg-data")))
    # nor the user's review queue places
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path_factory.mktemp("xdg-state")))


@pytest.fixture(scope="session")
def _pg_url():
    """A PostgreSQL database of this test session's own, made on the server of
    ``VERIFY_TEST_DATABASE_URL`` so that parallel runs do not wipe each other's tables.
    Falls back to the given database itself where the role may not create databases."""
    base = os.environ.get(PG_ENV)
    if not base:
        yield None
        return
    u = parse_url(base)
    name = f"verify_test_{os.getpid()}_{uuid.uuid4().hex[:8]}"
    admin = create_engine(u, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as c:
            _drop_abandoned(c)
            c.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception:
        admin.dispose()
        yield u.render_as_string(hide_password=False), False
        return
    try:
        yield u.set(database=name).render_as_string(hide_password=False), True
    finally:
        with admin.connect() as c:
            c.execute(
                text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"),
                {"n": name},
            )
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def _drop_abandoned(c) -> None:
    """Databases left by test runs on this machine that were killed before they could clean up."""
    for (name,) in c.execute(text("SELECT datname FROM pg_database WHERE datname LIKE 'verify_test_%'")):
        try:
            pid = int(name.split("_")[2])
            os.kill(pid, 0)
            continue  # that run is still going
        except ProcessLookupError:
            pass
        except (ValueError, IndexError, PermissionError):
            continue
        try:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        except Exception:
            pass  # in use after all, or not ours to drop


def _empty_postgres(url: str, private: bool) -> None:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.begin() as c:
            if private:
                # connections earlier tests left open (in a transaction, holding locks) must not
                # hang the suite; in a database of this run's own, nobody else is connected
                c.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                ))
            c.execute(text("SET LOCAL lock_timeout = '10s'"))
            c.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


# every store test runs on SQLite, and on PostgreSQL as well where VERIFY_TEST_DATABASE_URL names one
BACKENDS = ["sqlite", "postgresql"] if os.environ.get(PG_ENV) else ["sqlite"]


def pytest_generate_tests(metafunc):
    # parametrised here rather than by fixture params, so that steps which ask for the store at
    # run time (pytest-bdd) work too: such modules name db_url in usefixtures
    if "db_url" in metafunc.fixturenames:
        metafunc.parametrize("db_url", BACKENDS, indirect=True)


@pytest.fixture
def db_url(request, tmp_path_factory, monkeypatch) -> str:
    """An empty database for this test; ``VERIFY_DATABASE_URL`` points at it, so CLI commands use it.

    The SQLite file lives in a directory of its own, so a test's ``tmp_path`` stays empty for it.
    """
    if getattr(request, "param", "sqlite") == "postgresql":
        url, private = request.getfixturevalue("_pg_url")
        _empty_postgres(url, private)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'verify.db'}"
    monkeypatch.setenv("VERIFY_DATABASE_URL", url)
    return url


@pytest.fixture
def backend(db_url) -> str:
    return "postgresql" if db_url.startswith("postgresql") else "sqlite"


@pytest.fixture
def store(db_url):
    """A store on this test's database, upgraded to the newest schema."""
    st = open_store(db_url)
    yield st
    st.close()


@dataclass
class CliResult:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys, monkeypatch):
    """Run ``verify ARGS...`` in this process as a user would (errors as one line, exit codes),
    returning exit code, stdout and stderr."""
    from verify.cli import main

    monkeypatch.setenv("COLUMNS", "200")

    def run(*args) -> CliResult:
        capsys.readouterr()
        monkeypatch.setattr(sys, "argv", ["verify", *(str(a) for a in args)])
        code = 0
        try:
            main()
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        captured = capsys.readouterr()
        return CliResult(code, captured.out, captured.err)

    return run


@pytest.fixture
def shared_dir() -> Path:
    """``../shared`` beside the project; tests that need it skip where it is absent."""
    path = Path(__file__).resolve().parents[1].parent / "shared"
    if not path.is_dir():
        pytest.skip("../shared is not present")
    return path
