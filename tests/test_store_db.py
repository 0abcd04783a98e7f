"""Opening databases: the default location, both backends, and one clear line for any that cannot open."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import func, select

from verify.config import default_database_path
from verify.errors import StoreError
from verify.store import open_store
from verify.store.db import current_revision, head_revision, mask_url
from cli_support import one_line_error as _one_line_error


def test_default_database_is_created_with_its_directory_on_first_use(cli):
    path = default_database_path()
    assert not path.parent.exists()
    r = cli("sources", "list", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert path.is_file()
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
    finally:
        con.close()


def test_sqlite_connections_have_foreign_keys_and_a_busy_timeout(tmp_path):
    with open_store(f"sqlite:///{tmp_path / 'a.db'}") as store, store.engine.connect() as c:
        assert c.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert c.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        assert c.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"


def test_db_path_prints_the_url_in_use(cli, db_url):
    r = cli("db", "path")
    assert r.exit_code == 0
    assert r.stdout.strip() == mask_url(db_url)


def test_db_path_defaults_to_the_embedded_file(cli):
    r = cli("db", "path")
    assert r.stdout.strip() == f"sqlite:///{default_database_path()}"


def test_passwords_are_never_printed(cli, monkeypatch):
    url = "postgresql+psycopg://alice:s3cr%40tpass@127.0.0.1:1/verify"
    r = cli("db", "path", "--db", url)
    assert r.exit_code == 0
    assert "s3cr" not in r.stdout and "alice:***@127.0.0.1:1/verify" in r.stdout
    # the connection error names the database, still without the password
    monkeypatch.setenv("VERIFY_DATABASE_URL", url)
    r = cli("sources", "list")
    assert r.exit_code != 0
    assert "s3cr" not in r.stderr + r.stdout
    assert "alice:***@" in r.stderr


def test_db_upgrade_creates_then_reports_current(cli, db_url):
    r = cli("db", "upgrade")
    assert r.exit_code == 0, r.stderr
    assert f"to {head_revision()}" in r.stdout
    r = cli("db", "upgrade")
    assert r.exit_code == 0
    assert f"already at schema {head_revision()}" in r.stdout


@pytest.mark.parametrize(
    "url, needle",
    [
        ("mysql://u:pw@localhost/x", "unsupported database"),
        ("oracle+cx://u@h/x", "unsupported database"),
        ("postgresql+asyncpg://u@127.0.0.1/x", "unsupported database"),
        ("postgres://nobody@127.0.0.1:1/x", "cannot open the database postgresql+psycopg://nobody@127.0.0.1:1/x"),
        ("no-such-thing", "not a database URL"),
        ("postgresql+psycopg://nobody@127.0.0.1:1/x", "cannot open the database"),
        ("sqlite:////proc/verify-cannot-live-here/x.db", "the directory /proc/verify-cannot-live-here does not exist"),
    ],
)
def test_unopenable_urls_give_one_line(cli, url, needle):
    _one_line_error(cli("sources", "list", "--db", url), needle)


def test_a_mistyped_sqlite_path_creates_no_directory(cli, tmp_path):
    url = f"sqlite:///{tmp_path}/no/such/dir/x.db"
    r = cli("sources", "list", "--db", url)
    _one_line_error(r, f"cannot open {url}: the directory {tmp_path}/no/such/dir does not exist")
    assert not (tmp_path / "no").exists()
    with pytest.raises(StoreError, match="does not exist"):
        open_store(url)
    assert not (tmp_path / "no").exists()


def test_a_directory_is_not_a_database(cli, tmp_path):
    _one_line_error(cli("sources", "list", "--db", f"sqlite:///{tmp_path}"), "is a directory")


def test_a_file_that_is_not_a_database(cli, tmp_path):
    f = tmp_path / "notes.db"
    f.write_text("shopping list: bread, milk, more bread\n" * 50)
    _one_line_error(cli("sources", "list", "--db", f"sqlite:///{f}"), "not a database")
    assert f.read_text().startswith("shopping list")


def test_a_read_only_database_cannot_be_set_up(cli, tmp_path):
    f = tmp_path / "empty.db"
    f.touch()
    _one_line_error(cli("db", "upgrade", "--db", f"sqlite:///file:{f}?mode=ro&uri=true"), "readonly")


def test_a_database_verify_did_not_create_is_left_alone(cli, tmp_path):
    f = tmp_path / "theirs.db"
    con = sqlite3.connect(f)
    con.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL)")
    con.commit()
    con.close()
    _one_line_error(cli("sources", "list", "--db", f"sqlite:///{f}"), "did not create", "invoices")
    con = sqlite3.connect(f)
    assert [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["invoices"]
    con.close()


def test_a_database_from_a_newer_verify_is_refused(store, cli):
    with store.engine.begin() as c:
        c.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    r = cli("sources", "list")
    _one_line_error(r, "9999_from_the_future", "upgrade verify")


def test_open_store_raises_store_error_not_driver_errors(tmp_path):
    with pytest.raises(StoreError) as e:
        open_store(f"sqlite:///{tmp_path}")
    assert "\n" not in str(e.value)


def test_open_store_without_upgrade_leaves_schema_alone(db_url):
    with open_store(db_url, upgrade=False) as store:
        assert current_revision(store.engine) is None


def test_an_in_memory_database_works_for_a_throwaway_run():
    from test_ingest import claims_for, loaded

    with open_store("sqlite://") as store:
        assert store.ingest(loaded(), claims_for()).created
        assert store.ingest(loaded(), claims_for()).created is False


def test_a_connection_left_in_a_transaction_does_not_block_the_next_test(store):
    """Leaves a transaction open on purpose; the fixtures must still give the next test a clean database."""
    s = store._sessions()
    s.execute(select(1))
    s.connection().exec_driver_sql("SELECT count(*) FROM articles")
    # deliberately not closed


def test_the_next_test_gets_a_clean_database(store):
    from verify.store.tables import ArticleRow

    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(ArticleRow)) == 0


def test_a_home_relative_sqlite_path_is_expanded(monkeypatch, tmp_path):
    from verify.store.db import parse_url

    monkeypatch.setenv("HOME", str(tmp_path))
    assert parse_url("sqlite:///~/news/verify.db").database == str(tmp_path / "news" / "verify.db")
    (tmp_path / "news").mkdir()  # only the default location gets its directory made
    with open_store("sqlite:///~/news/verify.db"):
        pass
    assert (tmp_path / "news" / "verify.db").is_file()


def test_a_read_only_database_can_still_be_read(tmp_path, cli):
    from test_ingest import claims_for, loaded

    f = tmp_path / "archive.db"
    with open_store(f"sqlite:///{f}") as store:
        store.ingest(loaded(), claims_for())
    con = sqlite3.connect(f)
    con.execute("PRAGMA journal_mode = DELETE")  # as a copied or archived file may be
    con.close()
    ro = f"sqlite:///file:{f}?mode=ro&uri=true"
    r = cli("sources", "show", "Pentagon", "--format", "json", "--db", ro)
    assert r.exit_code == 0, r.stderr
    assert '"claims": 2' in r.stdout
    r = cli("sources", "alias", "Pentagon", "Five Sides", "--db", ro)
    _one_line_error(r, "cannot write to the database", "readonly")
