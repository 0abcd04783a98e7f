"""Hostile inputs through the reader and the extractor: time and memory at two sizes.

    python bench/hostile_speed.py [--scale 1.0] [--only NAME]

Each case runs in a fresh process at size N and 2N and prints seconds, peak memory (max RSS) and
the ratio of the two times: a ratio near 2 is linear; far above 2 means a pattern that backtracks
or a loop that rescans. The sizes are those of the hostile inputs desks meet (a 1 MB line with no
punctuation, 100,000 unbalanced quotation marks, a million commas, a million nested HTML elements,
a 5 MB word, 100,000 blank lines, direction overrides and zero-width characters mixed in).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name: (suffix, size N in units, how to make the text of n units)
CASES = {
    "1 MB line, no punctuation": (".txt", 200_000, "('word ' * {n})"),
    "unbalanced quotation marks": (".txt", 50_000, "('He said \"it ' * {n})"),
    "a million commas": (".txt", 500_000, "('a,' * {n})"),
    "nested HTML elements": (".html", 500_000, "('<div>' * {n}) + 'Officials said the bridge fell.' + ('</div>' * {n})"),
    "a 5 MB word": (".txt", 2_500_000, "('x' * {n})"),
    "blank lines": (".txt", 50_000, "('\\n' * {n}) + 'Police said the road was closed.\\n'"),
    "overrides and zero-width": (".txt", 50_000, "('Officials \\u202esaid\\u202c the \\u200bport\\u2066 was hit. ' * {n})"),
    "said, said, said": (".txt", 50_000, "('Police said officials said ' * {n}) + 'the bridge fell.'"),
}

RUN = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from verify.articles import read_article
from verify.extract import extract_claims
path = Path({path!r})
path.write_text({make}, encoding="utf-8")
size = path.stat().st_size
t0 = time.perf_counter()
claims = extract_claims(read_article(path).text)
secs = time.perf_counter() - t0
print(json.dumps({{"bytes": size, "seconds": secs, "claims": len(claims),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(case: str, n: int, tmp: Path) -> dict:
    suffix, _, make = CASES[case]
    code = RUN.format(root=str(ROOT), path=str(tmp / f"case{suffix}"), make=make.format(n=n))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1 for a quick look)")
    ap.add_argument("--only", help="run the cases whose name contains this")
    args = ap.parse_args()
    print(f"{'case':30} {'bytes':>11} {'s':>8} {'MB':>7} | {'2x bytes':>11} {'s':>8} {'MB':>7} | ratio")
    with tempfile.TemporaryDirectory() as tmp:
        for case, (_, n, _) in CASES.items():
            if args.only and args.only not in case:
                continue
            n = max(1, int(n * args.scale))
            a, b = run(case, n, Path(tmp)), run(case, 2 * n, Path(tmp))
            if "error" in a or "error" in b:
                # an input the reader refuses before any work, in one line, is handled too
                said = (a.get("error") or b.get("error")).split(": ", 1)[-1]
                print(f"{case:30} refused: {said}")
                continue
            ratio = b["seconds"] / a["seconds"] if a["seconds"] > 0 else float("nan")
            print(f"{case:30} {a['bytes']:>11,} {a['seconds']:>8.2f} {a['rss_mb']:>7.0f} | "
                  f"{b['bytes']:>11,} {b['seconds']:>8.2f} {b['rss_mb']:>7.0f} | {ratio:5.2f}", flush=True)


if __name__ == "__main__":
    main()
