"""Hostile inputs through the reader and the extractor: CPU seconds per MB and peak memory, against
the limits (2 s per MB, 500 MB), at two sizes.

    python bench/hostile_speed.py [--scale 1.0] [--only NAME] [--root DIR]

Each case runs in a fresh process at half its size and at its full size (the size named: a 1 MB line
with no punctuation, 100,000 unbalanced quotation marks, a million commas, a million nested HTML
elements, a 5 MB word, 100,000 blank lines, direction overrides and zero-width characters mixed in,
a 5 MB run of "Police said officials said", 5 MB of short attributed sentences one after another,
and a 10 MB article of ordinary wire paragraphs). It prints CPU seconds (``time.process_time``:
the machine may be shared), seconds per MB, peak memory (max RSS of the process, the text
included) and PASS or FAIL against the limits for the full size, and the ratio of the two times: a
ratio near 2 is linear; far above 2 means a pattern that backtracks or a loop that rescans. An input
the reader refuses (over the size limit, say) must be refused with one line: that is a PASS too.
``--root DIR`` measures the verify package of another checkout (before/after figures).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SECONDS_PER_MB, PEAK_MB = 2.0, 500.0

# ordinary wire copy in our own words, repeated: a huge but otherwise normal article
WIRE = (
    "The regional governor said on Tuesday that 46 drones had been launched overnight and that 38 were "
    "shot down.\n\n"
    "\u201cThis was a deliberate attack on the port,\u201d he told reporters, adding that two workers were hurt.\n\n"
    "According to the Air Force, the drones came in three waves from the south-east.\n\n"
    "Shipping data showed that at least four cargo vessels left the port later that day.\n\n"
    "A senior diplomat, speaking on condition of anonymity, estimated that attacks on ports had "
    "destroyed more than 300,000 tonnes of grain since July.\n\n"
    "The terminal handled roughly a fifth of the region's grain exports last year.\n\n"
)

# name: (suffix, full size in units, how to make the text of n units)
CASES = {
    "1 MB line, no punctuation": (".txt", 200_000, "('word ' * {n})"),
    "unbalanced quotation marks": (".txt", 100_000, "('He said \"it ' * {n})"),
    "a million commas": (".txt", 1_000_000, "('a,' * {n})"),
    "nested HTML elements": (".html", 1_000_000, "('<div>' * {n}) + 'Officials said the bridge fell.' + ('</div>' * {n})"),
    "a 5 MB word": (".txt", 5_000_000, "('x' * {n})"),
    "blank lines": (".txt", 100_000, "('\\n' * {n}) + 'Police said the road was closed.\\n'"),
    "overrides and zero-width": (".txt", 100_000, "('Officials \\u202esaid\\u202c the \\u200bport\\u2066 was hit. ' * {n})"),
    "said, said, said (5 MB)": (".txt", 190_000, "('Police said officials said ' * {n}) + 'the bridge fell.'"),
    "short claims (5 MB)": (".txt", 150_000, "('Police said the road was closed. ' * {n})"),
    "ordinary article (10 MB)": (".txt", 10_000_000 // len(WIRE.encode()), "'Overnight attacks\\n\\n' + ({wire!r} * {n})"),
}

RUN = """
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, {root!r})
from verify.articles import read_article
from verify.errors import VerifyError
from verify.extract import extract_claims
path = Path({path!r})
path.write_text({make}, encoding="utf-8")
size = path.stat().st_size
t0 = time.process_time()
try:
    claims = extract_claims(read_article(path).text)
except VerifyError as e:
    print(json.dumps({{"refused": str(e)}}))
    raise SystemExit(0)
secs = time.process_time() - t0
print(json.dumps({{"bytes": size, "seconds": secs, "claims": len(claims),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}}))
"""


def run(case: str, n: int, tmp: Path, root: Path) -> dict:
    suffix, _, make = CASES[case]
    code = RUN.format(root=str(root), path=str(tmp / f"case{suffix}"), make=make.format(n=n, wire=WIRE))
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if done.returncode != 0:
        return {"error": (done.stderr.strip().splitlines() or ["failed"])[-1]}
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0, help="multiply every size (0.1 for a quick look)")
    ap.add_argument("--only", help="run the cases whose name contains this")
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout whose verify package is measured")
    args = ap.parse_args()
    print(f"limits: {SECONDS_PER_MB:g} s per MB of CPU time, {PEAK_MB:g} MB peak memory; {args.root}")
    print(f"{'case':28} {'bytes':>11} {'s':>7} | {'bytes':>11} {'claims':>7} {'s':>7} {'s/MB':>6} {'peak MB':>8} | ratio | verdict")
    failed = 0
    with tempfile.TemporaryDirectory() as tmp:
        for case, (_, n, _) in CASES.items():
            if args.only and args.only not in case:
                continue
            n = max(2, int(n * args.scale))
            a, b = run(case, n // 2, Path(tmp), args.root), run(case, n, Path(tmp), args.root)
            if "error" in a or "error" in b:
                failed += 1
                print(f"{case:28} FAIL: {(a.get('error') or b.get('error'))}", flush=True)
                continue
            if "refused" in b:
                # refused before any work, in one line: handled too
                print(f"{case:28} refused in one line: {b['refused']} | PASS", flush=True)
                continue
            if "refused" in a:
                failed += 1
                print(f"{case:28} FAIL: half the size refused, the whole accepted", flush=True)
                continue
            mb = b["bytes"] / 1e6
            per_mb = b["seconds"] / mb
            ok = per_mb < SECONDS_PER_MB and b["rss_mb"] < PEAK_MB and a["seconds"] / (a["bytes"] / 1e6) < SECONDS_PER_MB
            failed += not ok
            ratio = b["seconds"] / a["seconds"] if a["seconds"] > 0 else float("nan")
            print(f"{case:28} {a['bytes']:>11,} {a['seconds']:>7.2f} | {b['bytes']:>11,} {b['claims']:>7,} {b['seconds']:>7.2f} "
                  f"{per_mb:>6.2f} {b['rss_mb']:>8.0f} | {ratio:5.2f} | {'PASS' if ok else 'FAIL'}", flush=True)
    print("all within the limits" if not failed else f"{failed} case(s) over the limits")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
