"""The Alembic migrations build exactly the schema in ``verify/store/tables.py``, and undo it."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from verify.store.db import current_revision, head_revision, make_engine, migrate
from verify.store.tables import Base


def _diff(engine):
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def test_upgrade_head_matches_the_models(db_url):
    engine = make_engine(db_url)
    try:
        assert current_revision(engine) is None
        before, after = migrate(engine, "head")
        assert (before, after) == (None, head_revision())
        assert _tables(engine) == set(Base.metadata.tables) | {"alembic_version"}
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_downgrade_base_leaves_no_tables_and_upgrade_again_works(db_url):
    engine = make_engine(db_url)
    try:
        migrate(engine, "head")
        before, after = migrate(engine, "base", down=True)
        assert (before, after) == (head_revision(), None)
        # alembic keeps its (now empty) bookkeeping table; nothing of verify's is left
        assert _tables(engine) - {"alembic_version"} == set()
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM alembic_version")).scalar() == 0
        migrate(engine, "head")
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_open_store_upgrades_a_new_database_once(db_url):
    from verify.store import open_store

    with open_store(db_url) as store:
        assert current_revision(store.engine) == head_revision()
    # opening again finds it current and changes nothing
    with open_store(db_url) as store:
        assert current_revision(store.engine) == head_revision()
        assert _diff(store.engine) == []


def test_upgrade_false_leaves_a_new_database_empty(db_url):
    from verify.store import open_store

    with open_store(db_url, upgrade=False) as store:
        assert _tables(store.engine) == set()


def test_there_is_one_head():
    from alembic.script import ScriptDirectory

    from verify.store.db import alembic_config

    assert len(ScriptDirectory.from_config(alembic_config()).get_heads()) == 1


def test_stepping_down_and_up_keeps_stored_data(store):
    """A batch migration rebuilds ``sources`` on SQLite; rows that point at it must survive."""
    from test_ingest import claims_for, loaded

    store.ingest(loaded(), claims_for())
    store.add_alias("Pentagon", "the five-sided building")

    def snapshot():
        with store.engine.connect() as c:
            return {
                t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar()
                for t in ("articles", "claims", "sources", "source_aliases", "claim_sources", "claim_numbers")
            }

    before = snapshot()
    assert before["source_aliases"] > 0 and before["claim_sources"] > 0
    migrate(store.engine, "0001", down=True)
    assert current_revision(store.engine) == "0001"
    assert snapshot() == before
    migrate(store.engine, "head")
    assert snapshot() == before
    assert store.registry().resolve("the five-sided building").canonical == "Pentagon"
    assert _diff(store.engine) == []


def test_the_quick_head_lookup_agrees_with_alembic():
    from verify.store.db import _alembic_head

    assert head_revision() == _alembic_head()
