"""How fast ``verify check`` runs the default rulebook over many stored claims, and in how much memory.

    python bench/check_speed.py                 # 100,000 claims in a temporary SQLite database
    python bench/check_speed.py --claims 20000  # compare peak memory at another size
    python bench/check_speed.py --db URL        # an existing, empty database (PostgreSQL, say)
    python bench/check_speed.py --db URL --drop-result-fk run_id   # measure a schema without that foreign key

Claims are bulk-inserted with a realistic mix (named, unattributed, anonymous, vague and relayed
sources; figures; links; reviews), then the check runs twice in a fresh process each time: the first
check writes every claim; the second finds most unchanged. Prints claims per second, seconds and the
checking process's peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import insert, select

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def make_claims(url: str, n: int, per_article: int = 50, seed: int = 7) -> None:
    from verify.registry import Registry
    from verify.store import open_store
    from verify.store.tables import ArticleRow, ClaimRow, ClaimSourceRow, EventRow, LinkRow, NumberRow, SourceRow

    rnd = random.Random(seed)
    store = open_store(url)
    reg = Registry.starter()
    store.sync_sources(list(reg))
    with store.engine.begin() as c:
        ids = dict(c.execute(select(SourceRow.canonical, SourceRow.id)).all())
        extra = []
        for k in range(40):  # vague and anonymous mentions the extractor names for themselves
            extra.append({"canonical": f"vague source {k}", "kind": "vague", "tags": []})
            extra.append({"canonical": f"anonymous official {k}", "kind": "anonymous", "tags": []})
        c.execute(insert(SourceRow), extra)
        ids = dict(c.execute(select(SourceRow.canonical, SourceRow.id)).all())
    named = [s.canonical for s in reg if s.kind in ("person", "organisation")]
    vague = [k for k in ids if k.startswith("vague source")]
    anon = [k for k in ids if k.startswith("anonymous official")] + ["senior Ukrainian military official"]
    cues = ["said", "stated", "claimed", "alleged", "estimated", "told", "according to", "confirmed", None]
    n_articles = (n + per_article - 1) // per_article
    now = datetime.now(timezone.utc)
    with store.engine.begin() as c:
        arts = [
            {"id": a + 1, "sha256": f"{a:064x}", "title": f"article {a}", "outlet": rnd.choice(["Wire", "Daily", None]),
             "published": date(2025, 1, 1) + timedelta(days=a % 600), "format": "text", "text": "x" * 200,
             "ingested_at": now}
            for a in range(n_articles)
        ]
        c.execute(insert(ArticleRow), arts)
        claims, srcs, nums, events = [], [], [], []
        for i in range(1, n + 1):
            kind = rnd.random()
            if kind < 0.2:
                attribution, who, relay = "unattributed", [], []
            elif kind < 0.3:
                attribution, who, relay = "indirect", [rnd.choice(anon)], []
            elif kind < 0.35:
                attribution, who, relay = "indirect", [rnd.choice(vague)], []
            elif kind < 0.4:
                attribution, who, relay = "indirect", ["captured North Korean soldier"], ["Security Service of Ukraine"]
            else:
                attribution = rnd.choice(["direct", "indirect", "inherited"])
                who, relay = rnd.sample(named, rnd.choice([1, 1, 1, 2])), []
            reviewed = rnd.choice(["confirmed", "refuted"]) if rnd.random() < 0.02 else None
            claims.append({
                "id": i, "article_id": (i - 1) // per_article + 1, "text": f"claim number {i} says something",
                "start": (i % per_article) * 10, "end": (i % per_article) * 10 + 9, "fragments": [], "prefix": "",
                "suffix": "", "attribution": attribution, "cue_text": None if not who else rnd.choice(cues),
                "status": reviewed or "unverified", "review_status": reviewed, "flags": [], "created_at": now,
            })
            for name in who:
                srcs.append({"claim_id": i, "source_id": ids[name], "role": "source", "mention": name})
            for name in relay:
                srcs.append({"claim_id": i, "source_id": ids[name], "role": "relay", "mention": name})
            if rnd.random() < 0.25:
                v = float(rnd.randint(2, 20000))
                approx = rnd.random() < 0.4
                nums.append({"claim_id": i, "text": str(int(v)), "start": 0, "end": 3, "value": v, "low": v, "high": v,
                             "unit": rnd.choice(["soldiers", "people", None]), "approximate": approx,
                             "bound": "approximate" if approx else "exact"})
            if reviewed:
                events.append({"claim_id": i, "reviewer": "bench", "at": now, "action": "status",
                               "to_status": reviewed, "evidence_url": "https://example.org/e"})
            if len(claims) >= 20000:
                c.execute(insert(ClaimRow), claims)
                c.execute(insert(ClaimSourceRow), srcs)
                if nums:
                    c.execute(insert(NumberRow), nums)
                if events:
                    c.execute(insert(EventRow), events)
                claims, srcs, nums, events = [], [], [], []
        if claims:
            c.execute(insert(ClaimRow), claims)
            c.execute(insert(ClaimSourceRow), srcs)
            if nums:
                c.execute(insert(NumberRow), nums)
            if events:
                c.execute(insert(EventRow), events)
        links = set()
        for _ in range(n // 50):
            a, b = sorted(rnd.sample(range(1, n + 1), 2))
            links.add((a, b, "corroborates" if rnd.random() < 0.8 else "contradicts"))
        c.execute(insert(LinkRow), [{"claim_a": a, "claim_b": b, "relation": r, "reviewer": "bench", "at": now}
                                    for a, b, r in links])
    store.close()


def drop_fks(url: str, columns: list[str]) -> None:
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    if engine.dialect.name != "postgresql":
        sys.exit("--drop-result-fk needs a PostgreSQL --db (SQLite cannot drop a foreign key in place)")
    fks = inspect(engine).get_foreign_keys("rule_results")
    with engine.begin() as c:
        for fk in fks:
            if set(fk["constrained_columns"]) & set(columns):
                c.execute(text(f'ALTER TABLE rule_results DROP CONSTRAINT "{fk["name"]}"'))
    engine.dispose()


def run_check(url: str) -> dict:
    from verify.rules import check, load_rulebook
    from verify.store import open_store

    book = load_rulebook(None)
    store = open_store(url)
    t, cpu = time.perf_counter(), time.process_time()
    report = check(store, book)
    seconds, cpu = time.perf_counter() - t, time.process_time() - cpu
    store.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"claims": report.claims, "results": report.results, "rewritten": report.rewritten, "changed": report.changed, "seconds": round(seconds, 2), "cpu_seconds": round(cpu, 2),
            "claims_per_second": round(report.claims / seconds) if seconds else None, "peak_rss_mb": round(peak_mb, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", help="database URL (default: a temporary SQLite file)")
    ap.add_argument("--drop-result-fk", action="append", choices=["run_id", "claim_id"], default=[],
                    help="drop this foreign key of rule_results in the bench database before checking, to measure"
                         " what a schema without it would gain (repeatable)")
    ap.add_argument("--_run", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args._run:
        print(json.dumps(run_check(args._run)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        t = time.perf_counter()
        make_claims(url, args.claims)
        print(f"made {args.claims} claims in {time.perf_counter() - t:.1f} s")
        if args.drop_result_fk:
            drop_fks(url, args.drop_result_fk)
            print(f"schema variant: rule_results without the foreign key(s) on {', '.join(args.drop_result_fk)}")
        for label in ("first check (every claim written)", "second check (claims unchanged)"):
            res = subprocess.run([sys.executable, __file__, "--_run", url], capture_output=True, text=True)
            if res.returncode:
                sys.exit(f"check failed: {res.stderr.strip().splitlines()[-1] if res.stderr.strip() else res.returncode}")
            r = json.loads(res.stdout.strip().splitlines()[-1])
            print(f"{label}: {r['claims']} claims, {r['results']} rule results ({r['rewritten']} written)"
                  f" in {r['seconds']} s"
                  f" (CPU {r['cpu_seconds']} s) = {r['claims_per_second']} claims/s; peak RSS {r['peak_rss_mb']} MB")


if __name__ == "__main__":
    main()
