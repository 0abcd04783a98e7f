"""``verify db check``: whether the store is whole, and what an interrupted ingest left to finish."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import delete, func, select

from verify.store.tables import ClaimRow

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "odesa-grain-terminal.txt"


def _claims(store) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(ClaimRow))


def test_claims_left_unchecked_are_counted_with_the_command_that_finishes_them(cli, store):
    assert cli("ingest", EXAMPLE, "--no-check").exit_code == 0
    n = _claims(store)
    said = f"{n} stored claim(s) are not checked yet"
    res = cli("db", "check")
    assert res.exit_code == 0 and f"{said}: run `verify check` to finish" in res.stdout
    assert "damaged" not in res.stdout
    # the report reads "all unverified": it says why, on stderr, and the report itself is unchanged
    rep = cli("report", "--format", "json")
    assert rep.exit_code == 0 and said in rep.stderr and "verify check" in rep.stderr
    assert cli("check").exit_code == 0
    res = cli("db", "check")
    assert res.exit_code == 0 and "not checked yet" not in res.stdout
    assert "not checked yet" not in cli("report", "--format", "json").stderr


def test_rows_left_behind_by_a_lost_claim_are_damage(cli, store):
    assert cli("ingest", EXAMPLE).exit_code == 0
    assert cli("db", "check").exit_code == 0
    with store.transaction() as s:
        # as a crash or a hand edit might: the claim goes, rows without foreign keys stay
        s.execute(delete(ClaimRow).where(ClaimRow.id == 1))
    res = cli("db", "check")
    assert res.exit_code == 1
    assert "damaged: rule results of missing claims, match index entries of missing claims" in res.stdout
