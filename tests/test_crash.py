"""Killed at any moment (kill -9, workers and all), an ingest or a check leaves a whole store: every
article fully stored or not at all, nothing pointing at what is not there, and a re-run that
finishes the work without duplicates."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

import verify
from verify.articles import read_article
from verify.store import open_store
from verify.store.tables import ArticleRow, ClaimRow

from process_support import CLI_CODE

SOURCES = ["The regional governor", "Police", "The Air Force", "A senior official", "Rescuers", "The mayor"]
PLACES = ["Kharkiv", "Odesa", "Izmail", "Sumy", "Kherson", "Mykolaiv", "Dnipro", "Chernihiv"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
ARTICLES, CLAIMS = 160, 12  # articles to ingest; claims in each


def _articles(d: Path) -> Path:
    rnd = random.Random(5)
    d.mkdir()
    for i in range(ARTICLES):
        lines = [f"Overnight report {i}"]
        for _ in range(CLAIMS):
            lines.append(f"{rnd.choice(SOURCES)} said {rnd.randint(2, 900)} drones were shot down over "
                         f"{rnd.choice(PLACES)} on {rnd.choice(DAYS)}.")
        (d / f"report{i:03d}.txt").write_text("\n\n".join(lines) + "\n", encoding="utf-8")
    return d


def _run(args: list, db_url: str, kill_after: float | None) -> int | None:
    """``verify ARGS``; with ``kill_after``, SIGKILL to its whole process group that many seconds in."""
    env = {**os.environ, "VERIFY_DATABASE_URL": db_url}
    proc = subprocess.Popen([sys.executable, "-c", CLI_CODE, *map(str, args)], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    if kill_after is None:
        _, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        return proc.returncode
    try:
        proc.wait(timeout=kill_after)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=60)
    return proc.returncode


def _per_article(db_url: str) -> list[tuple[str, int]]:
    """(path, claims stored) of every stored article, by path."""
    with open_store(db_url) as store, store.session() as s:
        return sorted(s.execute(select(ArticleRow.path, func.count(ClaimRow.id)).outerjoin(ClaimRow)
                                .group_by(ArticleRow.id, ArticleRow.path)).all())


def _whole(cli) -> str:
    res = cli("db", "check")
    assert res.exit_code == 0 and "damaged" not in res.stdout, res.stdout
    return res.stdout


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs process groups")
def test_kill_9_during_ingest_and_check_loses_nothing_and_a_rerun_finishes(db_url, tmp_path, cli):
    wires = _articles(tmp_path / "wires")
    # what a whole article holds: its claims as extraction finds them
    whole = sorted((str(p), len(verify.extract_claims(read_article(p).text))) for p in wires.iterdir())
    killed = 0
    for moment in (0.8, 1.6, 2.6, 4.0):
        if _run(["ingest", wires, "--jobs", "2"], db_url, kill_after=moment) == -signal.SIGKILL:
            killed += 1
        _whole(cli)
        # every article there is there whole: each holds all its claims
        assert set(_per_article(db_url)) <= set(whole)
    assert killed >= 2, "the ingest ended before it could be killed: give it more work"
    _run(["ingest", wires, "--jobs", "2"], db_url, kill_after=None)
    assert _per_article(db_url) == whole  # all of them, none twice
    assert "not checked yet" not in _whole(cli)

    # a check killed half-way leaves the claims as the last whole check left them; the next finishes
    assert cli("check", "--rules", _house_rules(tmp_path)).exit_code == 0
    _run(["check"], db_url, kill_after=0.5)
    _whole(cli)
    _run(["check"], db_url, kill_after=None)
    assert "not checked yet" not in _whole(cli)
    assert _per_article(db_url) == whole


def _house_rules(tmp_path: Path) -> Path:
    d = tmp_path / "house"
    d.mkdir()
    (d / "drones.feature").write_text(
        "Feature: Drone counts\n\n  Scenario: Police figures are flagged\n"
        '    Given a claim attributed to "Police"\n    Then flag it as "police-figure"\n', encoding="utf-8")
    return d
