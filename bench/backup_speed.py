"""How fast ``verify export`` and ``verify import`` move a large store, in how much memory, and whether
the move gives back the same bytes.

    python bench/backup_speed.py                      # 100,000 claims, SQLite → SQLite
    python bench/backup_speed.py --claims 20000       # another size: peak memory should not follow it
    python bench/backup_speed.py --db URL             # import into this empty database (PostgreSQL, say)

The store is filled as bench/check_speed.py fills it (claims, sources, figures, links, reviews) and
checked once, so rule results and a check run are there too. Each command runs in a process of its
own; the figures are its CPU time (user + system) and peak RSS, with the wall clock beside them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def run(*args: str) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds and peak RSS (KB) of one ``verify`` process."""
    cmd = [sys.executable, "-c", "from verify.cli import main; main()", *args]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t
    if status != 0:
        raise SystemExit(f"verify {args[0]} failed: {proc.stderr.read().decode().strip()}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=100_000)
    ap.add_argument("--db", help="an empty database to import into (default: a temporary SQLite file)")
    args = ap.parse_args()
    from check_speed import make_claims, run_check

    with tempfile.TemporaryDirectory() as tmp:
        source = f"sqlite:///{tmp}/source.db"
        target = args.db or f"sqlite:///{tmp}/target.db"
        t = time.perf_counter()
        make_claims(source, args.claims)
        checked = run_check(source)
        print(f"{args.claims} claims stored and checked ({checked['results']} rule results) "
              f"in {time.perf_counter() - t:.1f} s")
        first, again = Path(tmp) / "first.jsonl", Path(tmp) / "again.jsonl"
        for label, cmd in (("export", ("export", "--db", source, "--output", str(first))),
                           ("import", ("import", str(first), "--db", target)),
                           ("export again", ("export", "--db", target, "--output", str(again)))):
            seconds, cpu, rss = run(*cmd)
            print(f"{label:13} {seconds:6.1f} s  cpu {cpu:6.1f} s  peak RSS {rss / 1024:5.0f} MB")
        rows = sum(1 for _ in first.open("rb")) - 2
        same = first.read_bytes() == again.read_bytes()
        print(f"{first.stat().st_size / 1e6:.1f} MB, {rows} lines of tables and rows; "
              f"export → import → export {'byte-identical' if same else 'DIFFERENT'}")
        if not same:
            raise SystemExit(1)


if __name__ == "__main__":
    main()
