"""How fast ``verify report`` writes each format over many stored claims, beside a bare SQL scan of
the same rows, and in how much memory.

    python bench/report_speed.py                       # 100,000 claims in a temporary SQLite file
    python bench/report_speed.py --claims 20000        # another size (memory should not follow it)
    python bench/report_speed.py --formats csv,html    # some formats only
    python bench/report_speed.py --db URL              # an existing, empty database (PostgreSQL, say)
    python bench/report_speed.py --baseline /tmp/before  # also time another checkout, same data, same run

Claims are bulk-inserted (articles of 100 claims with sources, figures, rule results and a few
reviews), then each format is written to a file by ``verify report`` in a fresh process that imports
verify from this checkout. ``table`` is the default terminal report (the summary and the first
claims); ``table-all`` lists every claim (``--all``). ``html`` over this many claims is an index page
and a page per article; its size is the whole directory's.

First a fresh process scans the same rows with no report at all: the claims joined to their
articles in report order, their sources, figures, rule results, events and links, every row
fetched by the driver and dropped. That is the floor a report cannot go below on this database.

Prints, per format: wall-clock and CPU seconds, claims per second by each, the ratio of its CPU
time to the bare scan's, output size and the process's peak RSS. CPU seconds are the steadier
figure on a busy machine; the claims per second by CPU is the one to hold to a target.

``--baseline DIR`` runs each format first with the verify package of another checkout (``git worktree
add /tmp/before <commit>``, say) on the same database, so one run prints before and after.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import insert

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FORMATS = ("csv", "json", "claimreview", "markdown", "html", "table", "table-all")
SENTENCE = "Officials said that a convoy of 40 trucks reached the town before noon on Monday. "


def make_claims(url: str, n: int, per_article: int = 100, seed: int = 11) -> None:
    from verify.store import open_store
    from verify.store.tables import (
        ArticleRow,
        CheckRunRow,
        ClaimRow,
        ClaimSourceRow,
        EventRow,
        NumberRow,
        RuleResultRow,
        SourceRow,
    )

    rnd = random.Random(seed)
    statuses = ["unverified", "single-source", "corroborated", "confirmed", "disputed", "refuted"]
    kinds = ["person", "organisation", "anonymous", "vague"]
    store = open_store(url)
    with store.engine.begin() as c:
        c.execute(
            insert(SourceRow),
            [
                {"id": i + 1, "canonical": f"Source {i}", "kind": kinds[i % 4],
                 "tags": ["party-to-conflict"] if i % 3 == 0 else [], "affiliation": None}
                for i in range(60)
            ],
        )
        c.execute(insert(CheckRunRow), [{"id": 1, "rulebook": "bench"}])
        cid = 0
        for a in range((n + per_article - 1) // per_article):
            k_claims = min(per_article, n - cid)
            text = SENTENCE * k_claims
            c.execute(insert(ArticleRow), [{"id": a + 1, "sha256": f"{a:064x}", "path": f"bench-{a}.txt",
                                            "title": f"Bench article {a}", "text": text}])
            claims, sources, numbers, results, events = [], [], [], [], []
            for k in range(k_claims):
                cid += 1
                s0 = k * len(SENTENCE)
                status = rnd.choice(statuses)
                claims.append({
                    "id": cid, "article_id": a + 1, "text": SENTENCE[15:-2], "start": s0 + 15,
                    "end": s0 + len(SENTENCE) - 2, "attribution": rnd.choice(["direct", "indirect", "unattributed"]),
                    "cue_text": "said", "cue_start": s0 + 10, "cue_end": s0 + 14, "status": status,
                    "rule_status": status, "flags": ["estimate"] if k % 3 == 0 else [],
                    "reliability": "C", "credibility": "3",
                })
                sources.append({"claim_id": cid, "source_id": rnd.randint(1, 60), "role": "source",
                                "mention": "Officials", "start": s0, "end": s0 + 9})
                numbers.append({"claim_id": cid, "text": "40", "start": s0 + 32, "end": s0 + 34,
                                "value": 40.0, "low": 40.0, "high": 40.0})
                results.append({"claim_id": cid, "run_id": 1, "rule_file": "features/rulebook/bench.feature",
                                 "rule_line": 4, "rule_name": "A bench rule", "outcome": "status", "value": status})
                if k % 20 == 0:
                    events.append({"claim_id": cid, "reviewer": "bench", "action": "status",
                                   "from_status": "unverified", "to_status": status})
            for table, rows in ((ClaimRow, claims), (ClaimSourceRow, sources), (NumberRow, numbers),
                                (RuleResultRow, results), (EventRow, events)):
                if rows:
                    c.execute(insert(table), rows)
    store.close()


def bare_scan(url: str) -> None:
    """The report's rows read with nothing done to them: the physical floor (run in its own process)."""
    from sqlalchemy import create_engine, select

    from verify.store.db import parse_url
    from verify.store.tables import (
        ArticleRow,
        ClaimRow,
        ClaimSourceRow,
        EventRow,
        LinkRow,
        NumberRow,
        RuleResultRow,
        SourceRow,
    )

    engine = create_engine(parse_url(url))
    c = ClaimRow
    queries = [
        select(c.id, c.article_id, c.text, c.start, c.end, c.attribution, c.cue_text, c.cue_start, c.cue_end,
               c.status, c.rule_status, c.review_status, c.flags, c.reliability, c.credibility, c.needs_review,
               c.checked_at, ArticleRow.title, ArticleRow.path, ArticleRow.url, ArticleRow.outlet,
               ArticleRow.published)
        .join(ArticleRow, ArticleRow.id == c.article_id).order_by(c.article_id, c.start, c.id),
        select(ClaimSourceRow.claim_id, ClaimSourceRow.role, ClaimSourceRow.mention, ClaimSourceRow.start,
               ClaimSourceRow.end, SourceRow.canonical, SourceRow.kind, SourceRow.tags)
        .join(SourceRow, SourceRow.id == ClaimSourceRow.source_id).order_by(ClaimSourceRow.claim_id, ClaimSourceRow.id),
        select(NumberRow.claim_id, NumberRow.text, NumberRow.start, NumberRow.end, NumberRow.value, NumberRow.low,
               NumberRow.high, NumberRow.unit, NumberRow.approximate, NumberRow.bound)
        .order_by(NumberRow.claim_id, NumberRow.start, NumberRow.id),
        select(RuleResultRow.claim_id, RuleResultRow.run_id, RuleResultRow.rule_file, RuleResultRow.rule_line,
               RuleResultRow.rule_name, RuleResultRow.outcome, RuleResultRow.value, RuleResultRow.reason,
               RuleResultRow.applied).order_by(RuleResultRow.claim_id, RuleResultRow.id),
        select(EventRow.id, EventRow.claim_id, EventRow.reviewer, EventRow.at, EventRow.action, EventRow.from_status,
               EventRow.to_status, EventRow.note, EventRow.evidence_url).order_by(EventRow.claim_id, EventRow.at, EventRow.id),
        select(LinkRow.claim_a, LinkRow.claim_b, LinkRow.relation, LinkRow.reviewer, LinkRow.at, LinkRow.note),
    ]
    raw = engine.raw_connection()
    start = time.process_time()
    try:
        cur = raw.cursor()
        for q in queries:
            compiled = q.compile(dialect=engine.dialect)
            params = compiled.construct_params()
            cur.execute(compiled.string, tuple(params[k] for k in compiled.positiontup) if compiled.positional else params)
            while cur.fetchmany(1000):
                pass
    finally:
        raw.close()
    print(f"{time.process_time() - start:.3f}")


def run_bare(url: str) -> tuple[float, float, int, float]:
    """Wall seconds, CPU seconds and peak RSS (KB) of the bare scan in a fresh process (start-up and
    imports included, as for a report), and the CPU seconds of the scan alone."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(Path(__file__).resolve()), "--bare-scan", url], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"the bare scan failed: {proc.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, float(proc.stdout.read())


def _size(out: Path) -> int:
    pages = out.with_name(f"{out.stem}-files")
    return out.stat().st_size + (sum(p.stat().st_size for p in pages.iterdir()) if pages.is_dir() else 0)


def run(fmt: str, url: str, out: Path, tree: Path = ROOT) -> tuple[float, float, int, int]:
    """Wall seconds, CPU seconds, peak RSS (KB) and output bytes of one ``verify report`` process."""
    env = dict(os.environ, VERIFY_DATABASE_URL=url, VERIFY_PUBLISHER_NAME="Bench Desk",
               VERIFY_PUBLISHER_URL="https://bench.example/reviews", COLUMNS="120", PYTHONPATH=str(tree))
    cli = (tree / "verify" / "cli" / "report.py").read_text()
    base = "table" if fmt == "table-all" else fmt
    cmd = [sys.executable, "-c", "from verify.cli import main; main()", "report", "--format", base, "--output", str(out)]
    if fmt == "table-all" and "--all" in cli:
        cmd.append("--all")  # (a checkout without --all lists every claim anyway)
    if fmt == "claimreview" and "--include-unreviewed" in cli:
        cmd.append("--include-unreviewed")  # every rated claim, not only the 5% reviewed: the larger job
    t = time.perf_counter()
    # run from the tree itself: with "-c", the working directory comes first on sys.path
    proc = subprocess.Popen(cmd, env=env, cwd=tree, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"verify report --format {fmt} failed: {proc.stderr.read().decode()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, _size(out)


def line(label: str, n: int, bare_cpu: float, seconds: float, cpu: float, rss_kb: int, size: int) -> str:
    return (f"{label:22} {seconds:6.1f} s  cpu {cpu:5.2f} s  {n / seconds:7.0f} claims/s wall  "
            f"{n / cpu:7.0f} claims/s cpu  {cpu / bare_cpu:5.1f}x bare  "
            f"{size / 1e6:6.1f} MB out  peak RSS {rss_kb / 1024:5.0f} MB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", help="an empty database URL (default: a temporary SQLite file)")
    ap.add_argument("--formats", default=",".join(FORMATS))
    ap.add_argument("--baseline", type=Path, help="another verify checkout to time first on the same data")
    ap.add_argument("--bare-scan", metavar="URL", help=argparse.SUPPRESS)  # the bare scan's own process
    args = ap.parse_args()
    if args.bare_scan:
        bare_scan(args.bare_scan)
        return
    if args.baseline and not (args.baseline / "verify" / "__init__.py").is_file():
        raise SystemExit(f"--baseline {args.baseline}: not a verify checkout (no verify/__init__.py)")
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{tmp}/bench.db"
        t = time.perf_counter()
        make_claims(url, args.claims)
        print(f"{args.claims} claims stored in {time.perf_counter() - t:.1f} s ({url.split(':', 1)[0]})")
        seconds, bare_cpu, rss, scan_cpu = run_bare(url)
        print(f"{'bare SQL scan':22} {seconds:6.1f} s  cpu {bare_cpu:5.2f} s  {args.claims / seconds:7.0f} claims/s wall  "
              f"{args.claims / bare_cpu:7.0f} claims/s cpu  {1:5.1f}x bare  {'':17}peak RSS {rss / 1024:5.0f} MB"
              f"  (the scan itself: cpu {scan_cpu:.2f} s; the rest is start-up and imports)")
        for fmt in args.formats.split(","):
            if args.baseline:
                figures = run(fmt, url, Path(tmp) / f"before-{fmt}.out", args.baseline)
                print(line(f"{fmt} (baseline)", args.claims, bare_cpu, *figures), flush=True)
            print(line(fmt, args.claims, bare_cpu, *run(fmt, url, Path(tmp) / f"{fmt}.out")), flush=True)


if __name__ == "__main__":
    main()
