"""Several processes on one database at once: nothing duplicated, nothing lost, nobody fails."""

from __future__ import annotations

import multiprocessing as mp

from sqlalchemy import func, select

from test_ingest import claims_for, loaded
from verify.models import Claim, SourceMention
from verify.store import open_store
from verify.store.db import current_revision, head_revision
from verify.store.tables import ArticleRow, ClaimRow, SourceRow

N = 6
CTX = mp.get_context("fork")


def _run_all(target, args_list) -> list:
    barrier = CTX.Barrier(len(args_list))
    results = CTX.Queue()
    procs = [CTX.Process(target=_child, args=(target, barrier, results, *a)) for a in args_list]
    for p in procs:
        p.start()
    out = [results.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return out


def _child(target, barrier, results, *args) -> None:
    try:
        results.put(("ok", target(barrier, *args)))
    except BaseException as e:  # reported to the test, which fails on it
        results.put(("error", f"{type(e).__name__}: {e}"))


def _open(barrier, url):
    barrier.wait()
    with open_store(url) as store:
        return current_revision(store.engine)


def _ingest_same(barrier, url):
    with open_store(url) as store:
        barrier.wait()
        r = store.ingest(loaded(), claims_for())
        return (r.article_id, r.created, r.claims)


def _ingest_naming_one_new_source(barrier, url, i):
    text = f"Report {i}: the depot burned, the river watch group said."
    claim = Claim(
        text="the depot burned",
        span=(text.index("the depot"), text.index("the depot") + len("the depot burned")),
        attribution="indirect",
        sources=[SourceMention(mention="the river watch group", canonical="River Watch Group", kind="organisation")],
    )
    with open_store(url) as store:
        barrier.wait()
        return store.ingest(loaded(text, f"r{i}.txt"), [claim]).created


def _count(store, table) -> int:
    with store.session() as s:
        return s.scalar(select(func.count()).select_from(table))


def test_many_processes_set_up_a_new_database_at_once(db_url):
    out = _run_all(_open, [(db_url,)] * N)
    assert out == [("ok", head_revision())] * N


def test_many_processes_ingesting_one_article_store_it_once(store, db_url):
    out = _run_all(_ingest_same, [(db_url,)] * N)
    assert all(status == "ok" for status, _ in out), out
    results = [r for _, r in out]
    assert len({r[0] for r in results}) == 1
    assert sum(1 for r in results if r[1]) == 1
    assert all(r[2] == 4 for r in results)
    assert _count(store, ArticleRow) == 1 and _count(store, ClaimRow) == 4


def test_many_processes_creating_one_source_share_its_row(store, db_url):
    out = _run_all(_ingest_naming_one_new_source, [(db_url, i) for i in range(N)])
    assert out == [("ok", True)] * N
    assert _count(store, ArticleRow) == N
    with store.session() as s:
        assert s.scalar(select(func.count()).select_from(SourceRow).where(SourceRow.canonical == "River Watch Group")) == 1


def _ingest_then_hang(barrier, url):
    """Ingest, but stop dead halfway through the article's claims until killed."""
    import time

    from verify.store import repository

    real = repository.Store._add_claims
    repository.BATCH = 1  # one claim per batch: the hang comes after two claims were written
    calls = {"n": 0}

    def slow(self, *args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            barrier.wait()  # tell the test we are halfway
            time.sleep(120)
        return real(self, *args, **kw)

    repository.Store._add_claims = slow
    with open_store(url) as store:
        store.ingest(loaded(), claims_for())


def test_a_process_killed_mid_ingest_leaves_nothing_and_a_rerun_completes(store, db_url):
    import os
    import signal

    barrier = CTX.Barrier(2)
    child = CTX.Process(target=_ingest_then_hang, args=(barrier, db_url))
    child.start()
    barrier.wait(timeout=60)
    os.kill(child.pid, signal.SIGKILL)
    child.join(timeout=30)
    assert child.exitcode == -signal.SIGKILL

    with open_store(db_url) as after:
        assert _count(after, ArticleRow) == 0 and _count(after, ClaimRow) == 0
        r = after.ingest(loaded(), claims_for())
        assert r.created and r.claims == 4
        assert _count(after, ArticleRow) == 1 and _count(after, ClaimRow) == 4
