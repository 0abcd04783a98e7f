"""The Alembic migrations build exactly the schema in ``verify/store/tables.py``, and undo it."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
import sqlalchemy as sa
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


def test_rule_results_carry_no_foreign_keys_and_0002_gets_them_back(db_url):
    # 0003 dropped them for check speed on PostgreSQL; going down restores them, dropping stale rows
    engine = make_engine(db_url)
    try:
        migrate(engine, "head")
        assert inspect(engine).get_foreign_keys("rule_results") == []
        migrate(engine, "0002", down=True)
        keys = {(fk["constrained_columns"][0], fk["referred_table"]) for fk in inspect(engine).get_foreign_keys("rule_results")}
        assert keys == {("claim_id", "claims"), ("run_id", "check_runs")}
        migrate(engine, "head")
        assert inspect(engine).get_foreign_keys("rule_results") == []
        assert _diff(engine) == []
    finally:
        engine.dispose()


def test_a_check_stores_results_without_the_keys(store):
    from test_ingest import claims_for, loaded

    from verify.rules import check, load_rulebook
    from verify.store.tables import ClaimRow, RuleResultRow

    store.ingest(loaded(), claims_for())
    report = check(store, load_rulebook(None))
    assert report.claims >= 2
    with store.session() as s:
        claim_ids = set(s.scalars(sa.select(ClaimRow.id)))
        result_claims = set(s.scalars(sa.select(RuleResultRow.claim_id)))
    assert result_claims and result_claims <= claim_ids


def test_0006_reads_an_old_evidence_files_digest_and_going_down_keeps_claim_events(store):
    from test_ingest import claims_for, loaded

    store.ingest(loaded(), claims_for())
    migrate(store.engine, "0005", down=True)
    digest = "ab" * 32
    with store.engine.begin() as c:
        claim_id = c.execute(text("SELECT min(id) FROM claims")).scalar()
        c.execute(text("INSERT INTO events (claim_id, reviewer, at, action, evidence_url) VALUES "
                       "(:c, 'ana', '2026-12-01 10:00:00+00:00', 'note', :u)"),
                  {"c": claim_id, "u": f"file:///cases/photo.jpg#sha256={digest}"})
    migrate(store.engine, "head")
    with store.engine.connect() as c:
        assert c.execute(text("SELECT sha256 FROM events")).scalar() == digest
    store.set_source("Pentagon", reliability="B", reviewer="ana")  # an event of a source, not a claim
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM events")).scalar() == 2
    migrate(store.engine, "0005", down=True)
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*), min(claim_id) FROM events")).one() == (1, claim_id)
    migrate(store.engine, "head")
    assert _diff(store.engine) == []


def test_0007_marks_claims_stored_before_as_asserted_and_going_down_keeps_them(store):
    from test_ingest import claims_for, loaded

    claims = claims_for()
    claims[0] = claims[0].model_copy(update={"polarity": "denied"})
    store.ingest(loaded(), claims)

    def polarities():
        with store.engine.connect() as c:
            return [p for (p,) in c.execute(text("SELECT polarity FROM claims ORDER BY start"))]

    stored = polarities()
    assert sorted(stored) == ["asserted"] * (len(stored) - 1) + ["denied"]
    migrate(store.engine, "0006", down=True)
    assert "polarity" not in {c["name"] for c in inspect(store.engine).get_columns("claims")}
    with store.engine.connect() as c:
        assert c.execute(text("SELECT count(*) FROM claims")).scalar() == len(stored)
    migrate(store.engine, "head")
    # the older schema kept no polarity: every claim it held reads as an assertion, as extracted then
    assert polarities() == ["asserted"] * len(stored)
    assert _diff(store.engine) == []
