"""`verify ingest` of one huge article: CPU seconds per MB and peak memory, against the limits
(2 s per MB, 500 MB).

    python bench/huge_ingest.py [--sizes 1,5] [--only NAME] [--root DIR ...]

Two kinds of article, made here from a fixed seed in our own words: ordinary wire paragraphs
repeated with variation (names, numbers, days), and short attributed sentences one after another
("Police said the road was closed. Officials said ..."), at each size in MB. Each runs
``verify ingest FILE --db sqlite:///...`` (a fresh database) in a fresh process; CPU time is the
child's user + system time (``resource.getrusage(RUSAGE_CHILDREN)``, the machine may be shared),
peak memory its max RSS. A file the reader refuses (over the size limit) must be refused with one
line: that is a PASS too. ``--root DIR`` (repeatable) measures other checkouts side by side, each
case run for every root in turn.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECONDS_PER_MB, PEAK_MB = 2.0, 500.0

WHO = ["The regional governor", "A spokesman for the army", "The mayor", "A senior diplomat",
       "The interior ministry", "Port officials", "A local council member", "The energy minister"]
PLACES = ["the port", "the northern bridge", "the rail depot", "the grain terminal", "the power plant",
          "the eastern district", "the airfield", "the border crossing"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SOURCES = ["Police", "Officials", "Witnesses", "The ministry", "Rescue workers", "The governor", "Residents",
           "Army spokesmen", "Hospital staff", "The mayor"]
EVENTS = ["the road was closed", "the bridge was damaged", "two people were hurt", "the power was cut",
          "the school was evacuated", "shelling continued overnight", "the depot was on fire",
          "three drones were shot down", "the convoy was stopped", "the water supply failed"]


def wire(rnd: random.Random) -> str:
    who, place, day = rnd.choice(WHO), rnd.choice(PLACES), rnd.choice(DAYS)
    n, m = rnd.randint(10, 90), rnd.randint(2, 9)
    return (
        f"{who} said on {day} that {n} drones had been launched overnight and that {n - m} were shot down.\n\n"
        f"\u201cThis was a deliberate attack on {place},\u201d he told reporters, adding that {m} workers were hurt.\n\n"
        f"According to the Air Force, the drones came in {m % 4 + 2} waves from the south-east.\n\n"
        f"Shipping data showed that at least {m} cargo vessels left {place} later that day.\n\n"
        f"A senior official, speaking on condition of anonymity, estimated that attacks on {place} had "
        f"destroyed more than {n * 1000:,} tonnes of grain since July.\n\n"
        f"The terminal handled roughly a fifth of the region's exports last year.\n\n"
    )


def short(rnd: random.Random) -> str:
    return f"{rnd.choice(SOURCES)} said {rnd.choice(EVENTS)}. "


KINDS = {"wire paragraphs": (wire, "Overnight attacks\n\n"), "short attributed sentences": (short, "")}


def make(kind: str, mb: float, path: Path) -> int:
    piece, head = KINDS[kind]
    rnd = random.Random(13)
    target, parts, size = int(mb * 1_000_000), [head], len(head)
    while size < target:
        p = piece(rnd)
        parts.append(p)
        size += len(p.encode())
    path.write_text("".join(parts), encoding="utf-8")
    return path.stat().st_size


def run(root: Path, path: Path, db: Path) -> dict:
    # this interpreter (its installed dependencies) with the checkout's own verify package first
    cmd = [sys.executable, "-c", f"import sys; sys.path.insert(0, {str(root)!r}); from verify.cli import main; main()"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run([*cmd, "ingest", str(path), "--db", f"sqlite:///{db}"], capture_output=True, text=True,
                          cwd=root)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    # ru_maxrss of children is the largest child so far: each case runs in a fresh bench process below
    err = done.stderr.strip().splitlines()
    return {"rc": done.returncode, "cpu": cpu, "rss_mb": after.ru_maxrss / 1024, "err": err,
            "out": done.stdout.strip().splitlines()}


ONE = """
import json, sys
from pathlib import Path
sys.path.insert(0, {bench!r})
import huge_ingest as h
print(json.dumps(h.run(Path({root!r}), Path({path!r}), Path({db!r}))))
"""


def measured(root: Path, path: Path, db: Path) -> dict:
    """run() in a fresh process, so the peak RSS is this ingest's alone."""
    import json

    code = ONE.format(bench=str(Path(__file__).parent), root=str(root), path=str(path), db=str(db))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,5", help="sizes in MB, comma-separated")
    ap.add_argument("--only", help="run the kinds whose name contains this")
    ap.add_argument("--root", type=Path, action="append", help="a checkout to measure (repeatable; default this one)")
    args = ap.parse_args()
    roots = [r.resolve() for r in (args.root or [ROOT])]
    print(f"limits: {SECONDS_PER_MB:g} s per MB of CPU time (user + system), {PEAK_MB:g} MB peak RSS")
    print(f"{'article':28} {'MB':>5} {'checkout':24} {'CPU s':>7} {'s/MB':>6} {'peak MB':>8} | verdict")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for kind in KINDS:
            if args.only and args.only not in kind:
                continue
            for mb in (float(s) for s in args.sizes.split(",")):
                path = Path(tmp) / f"huge-{kind.split()[0]}-{mb:g}.txt"
                size = make(kind, mb, path)
                for i, root in enumerate(roots):
                    db = Path(tmp) / f"db{i}-{path.stem}.sqlite"
                    r = measured(root, path, db)
                    name = str(root)[-24:]
                    if r["rc"] != 0:
                        one_line = len(r["err"]) == 1 and "Traceback" not in r["err"][0]
                        failed += not one_line
                        print(f"{kind:28} {size / 1e6:5.2f} {name:24} refused: {r['err'][-1] if r['err'] else '?'} "
                              f"| {'PASS' if one_line else 'FAIL'}", flush=True)
                        continue
                    per_mb = r["cpu"] / (size / 1e6)
                    ok = per_mb < SECONDS_PER_MB and r["rss_mb"] < PEAK_MB
                    failed += not ok
                    print(f"{kind:28} {size / 1e6:5.2f} {name:24} {r['cpu']:7.1f} {per_mb:6.2f} {r['rss_mb']:8.0f} "
                          f"| {'PASS' if ok else 'FAIL'}", flush=True)
    print("all within the limits" if not failed else f"{failed} case(s) over the limits")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
