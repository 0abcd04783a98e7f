"""How fast extraction runs, on PolNeAR train texts from ``../shared`` (skipped where absent).

    python bench/extract_speed.py                 # extract_claims in this process, one core
    python bench/extract_speed.py --numbers       # the figure finder alone
    python bench/extract_speed.py --files         # `verify extract DIR` over one file per article
    python bench/extract_speed.py --files --copies 4 --jobs 2   # 4x the files: memory must not grow
    python bench/extract_speed.py --peer --limit 200            # side by side with the spaCy pipeline
    python bench/extract_speed.py --peer --repeat 3             # best of three interleaved runs each
    python bench/extract_speed.py --peer --tagger               # also `verify extract --tagger`
    python bench/extract_speed.py --peer --jobs 2               # also `verify extract --jobs 2` (more cores)
    python bench/extract_speed.py --quantulum /tmp/q3/bin/python  # figures: quantulum3 vs find_numbers

Prints MB/s (UTF-8 bytes of article text), articles/s and peak RSS. ``--peer`` installs the spaCy +
textacy comparison pipeline in its own venv through ``../shared/tools/peer-setup.sh`` (outside the
project), then times it and ``verify extract --jobs 1`` on the same files in this one run and prints
the ratio. Both sides run byte-compiled, as installed packages do (see ``byte_compile``).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TRAIN = SHARED / "corpus" / "polnear" / "train.jsonl"
CLI_CODE = "import sys; from verify.cli import main; sys.argv[0] = 'verify'; main()"


def load(limit: int | None) -> list[tuple[str, str]]:
    rows = []
    with open(TRAIN, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            rows.append((r["article_id"], r["text"]))
            if limit and len(rows) >= limit:
                break
    return rows


def mb(texts) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def rss_mb(who=resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def in_process(rows, numbers_only: bool) -> None:
    if hasattr(os, "sched_setaffinity"):  # one core, as the target is stated
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    t0 = time.perf_counter()
    if numbers_only:
        from verify.extract.numbers import find_numbers as run
    else:
        from verify.extract import extract_claims
        from verify.registry import Registry

        registry = Registry.starter()

        def run(text):
            return extract_claims(text, registry)
    start = time.perf_counter() - t0
    texts = [t for _, t in rows]
    size = mb(texts)
    found = 0
    t0 = time.perf_counter()
    for t in texts:
        found += len(run(t))
    dt = time.perf_counter() - t0
    what = "find_numbers" if numbers_only else "extract_claims"
    unit = "figures" if numbers_only else "claims"
    print(f"{what}: {len(texts)} articles, {size:.2f} MB in {dt:.2f} s (start {start:.2f} s), one process")
    print(f"  {size / dt:.2f} MB/s, {len(texts) / dt:.0f} articles/s, {found} {unit}, peak RSS {rss_mb():.0f} MB")


def write_files(rows, directory: Path, copies: int) -> list[Path]:
    paths = []
    for k in range(copies):
        sub = directory / f"copy{k:03d}"
        sub.mkdir(parents=True, exist_ok=True)
        for article_id, text in rows:
            p = sub / f"{article_id}.txt"
            p.write_text(text, encoding="utf-8")
            paths.append(p)
    return paths


def time_command(cmd: list[str], out=subprocess.DEVNULL) -> tuple[float, int]:
    dt, _, rc = time_cpu(cmd, out)
    return dt, rc


def time_cpu(cmd: list[str], out=subprocess.DEVNULL) -> tuple[float, float, int]:
    """Wall clock and CPU time (user + system of the command and its children) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE, text=True)
    dt = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} ... failed ({proc.returncode}): {proc.stderr.strip()[-500:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return dt, cpu, proc.returncode


def files_mode(rows, copies: int, jobs: int | None) -> None:
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        paths = write_files(rows, Path(tmp), copies)
        size = mb([t for _, t in rows]) * copies
        cmd = [sys.executable, "-c", CLI_CODE, "extract", tmp, "--format", "jsonl"]
        if jobs:
            cmd += ["--jobs", str(jobs)]
        dt, _ = time_command(cmd)
        print(f"verify extract DIR --format jsonl{f' --jobs {jobs}' if jobs else ''}: {len(paths)} files, "
              f"{size:.2f} MB in {dt:.2f} s (process start included)")
        print(f"  {size / dt:.2f} MB/s, {len(paths) / dt:.0f} files/s, "
              f"peak RSS of the largest process {rss_mb(resource.RUSAGE_CHILDREN):.0f} MB")


def byte_compile() -> None:
    """Compile verify's modules once, as pip does when it installs a package.

    An editable checkout has no bytecode until a module is first imported, and where
    PYTHONDONTWRITEBYTECODE is set it never keeps any: every run would time the compiler too,
    while the comparison pipeline's packages were byte-compiled at install.
    """
    import compileall

    import verify

    compileall.compile_dir(Path(verify.__file__).parent, quiet=1)


def peer_mode(rows, repeat: int = 1, tagger: bool = False, jobs: int | None = None) -> None:
    setup = SHARED / "tools" / "peer-setup.sh"
    peer = SHARED / "tools" / "peer_spacy.py"
    py = subprocess.run(["bash", str(setup)], capture_output=True, text=True)
    if py.returncode != 0:
        sys.exit(f"peer setup failed: {py.stderr.strip()[-500:]}")
    peer_python = py.stdout.strip().splitlines()[-1]
    byte_compile()
    with tempfile.TemporaryDirectory(prefix="verify-bench-") as tmp:
        paths = [str(p) for p in write_files(rows, Path(tmp), 1)]
        size = mb([t for _, t in rows])
        ours_all, theirs_all, tagged_all, pooled_all = [], [], [], []
        ours_cmd = [sys.executable, "-c", CLI_CODE, "extract", *paths, "--format", "jsonl", "--jobs", "1"]
        for _ in range(repeat):  # interleaved, so a busy spell on the machine falls on both sides
            ours_all.append(time_cpu(ours_cmd)[:2])
            if tagger:
                tagged_all.append(time_cpu([*ours_cmd, "--tagger"])[:2])
            if jobs:
                pooled_all.append(time_cpu([*ours_cmd[:-1], str(jobs)])[:2])
            theirs_all.append(time_cpu([peer_python, str(peer), *paths])[:2])
    runs = f" (best of {repeat} runs each)" if repeat > 1 else ""
    cores = f" (verify extract --jobs {jobs} excepted)" if jobs else ""
    print(f"same {len(paths)} files, {size:.2f} MB, one core each{cores}, process start included{runs}; wall clock, and CPU time:")
    sides = [("verify extract --jobs 1", ours_all)]
    if tagger:
        sides.append(("verify extract --tagger", tagged_all))
    if jobs:
        sides.append((f"verify extract --jobs {jobs}", pooled_all))
    sides.append(("spaCy + textacy pipeline", theirs_all))
    best = {name: (min(w for w, _ in runs_), min(c for _, c in runs_)) for name, runs_ in sides}
    for name, (wall, cpu) in best.items():
        print(f"  {name:25s} {wall:8.2f} s  {size / wall:7.3f} MB/s   CPU {cpu:8.2f} s  {size / cpu:7.3f} MB/s")
    if repeat > 1:
        for name, runs_ in sides:
            print(f"  every run of {name}: {', '.join(f'{w:.2f}' for w, _ in runs_)} s")
    theirs = best["spaCy + textacy pipeline"]
    for name, (wall, cpu) in best.items():
        if not name.startswith("spaCy"):
            print(f"  {name} is {theirs[0] / wall:.1f} times faster (wall clock), {theirs[1] / cpu:.1f} times (CPU time)")


_QUANTULUM = """
import json, sys, time
t0 = time.perf_counter()
from quantulum3 import parser
parser.parse("about 200 soldiers")
start = time.perf_counter() - t0
sents = json.load(open(sys.argv[1], encoding="utf-8"))
t0 = time.perf_counter()
found = sum(len(parser.parse(s)) for s in sents)
print(json.dumps({"start": start, "seconds": time.perf_counter() - t0, "found": found}))
"""


def quantulum_mode(rows, python: str, n: int = 3000) -> None:
    """quantulum3 (in an interpreter that has it) and find_numbers on the same sentences."""
    import re

    from verify.extract.numbers import find_numbers

    sents = [s for _, t in rows for s in re.split(r"(?<=[.!?])\s+", t) if s.strip()][:n]
    size = mb(sents)
    with tempfile.NamedTemporaryFile("w", suffix=".json", encoding="utf-8", delete=False) as f:
        json.dump(sents, f)
    try:
        proc = subprocess.run([python, "-c", _QUANTULUM, f.name], capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    t0 = time.perf_counter()
    ours = sum(len(find_numbers(s)) for s in sents)
    dt = time.perf_counter() - t0
    print(f"{len(sents)} sentences, {size:.3f} MB, one process each:")
    print(f"  find_numbers  {dt * 1e6 / len(sents):8.0f} us/sentence  {size / dt:7.2f} MB/s  {ours} figures")
    if proc.returncode != 0:
        print(f"  quantulum3    skipped ({python}: {proc.stderr.strip().splitlines()[-1] if proc.stderr.strip() else 'failed'})")
        return
    q = json.loads(proc.stdout.strip().splitlines()[-1])
    print(f"  quantulum3    {q['seconds'] * 1e6 / len(sents):8.0f} us/sentence  {size / q['seconds']:7.2f} MB/s  "
          f"{q['found']} quantities, start {q['start']:.1f} s")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--numbers", action="store_true", help="time the figure finder alone")
    ap.add_argument("--files", action="store_true", help="time `verify extract` over one file per article")
    ap.add_argument("--copies", type=int, default=1, help="with --files: write the articles this many times")
    ap.add_argument("--jobs", type=int, default=None, help="with --files: worker processes; with --peer: also time this many")
    ap.add_argument("--peer", action="store_true", help="compare with the spaCy pipeline of ../shared/tools")
    ap.add_argument("--quantulum", metavar="PYTHON", nargs="?", const=sys.executable, default=None,
                    help="time quantulum3 (run by PYTHON, which must have it) against find_numbers")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--tagger", action="store_true", help="with --peer: also time `verify extract --tagger`")
    ap.add_argument("--repeat", type=int, default=1, help="with --peer: time each side N times, interleaved; keep the best")
    args = ap.parse_args()
    if not TRAIN.is_file():
        print(f"skipped: {TRAIN} is not present")
        return
    rows = load(args.limit)
    if args.quantulum:
        quantulum_mode(rows, args.quantulum)
    elif args.peer:
        peer_mode(rows, args.repeat, args.tagger, args.jobs)
    elif args.files:
        files_mode(rows, max(1, args.copies), args.jobs)
    else:
        in_process(rows, args.numbers)


if __name__ == "__main__":
    main()
