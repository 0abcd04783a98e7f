"""Score the extractor on PolNeAR dev (or another split) with the shared scorer; print the figures.

    python bench/score_polnear.py [--split dev|train] [--keep DIR]

Each article is written to a temporary directory as <article_id>.txt, extracted in-process, and the
predictions are scored by ../shared/tools/attr_score.py (lenient overlap matching, see
../shared/README.md). Skips with a message where ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from verify.extract import extract_claims
from verify.registry import Registry

SHARED = Path(__file__).resolve().parents[1].parent / "shared"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--keep", help="write the texts and predictions here instead of a temp dir")
    args = ap.parse_args()
    gold = SHARED / "corpus" / "polnear" / f"{args.split}.jsonl"
    scorer = SHARED / "tools" / "attr_score.py"
    if not gold.exists() or not scorer.exists():
        print(f"skipped: {gold} or {scorer} not found (../shared is absent)")
        return 0
    registry = Registry.starter()
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(args.keep) if args.keep else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        pred = out_dir / "pred.jsonl"
        size = 0
        t0 = time.process_time()
        with pred.open("w", encoding="utf-8") as fh:
            for line in gold.open(encoding="utf-8"):
                r = json.loads(line)
                path = out_dir / f"{r['article_id']}.txt"
                path.write_text(r["text"], encoding="utf-8")
                claims = extract_claims(r["text"], registry)
                size += len(r["text"].encode("utf-8"))
                fh.write(json.dumps({"path": str(path), "claims": [c.model_dump(mode="json") for c in claims]}) + "\n")
        secs = time.process_time() - t0
        res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True, check=True)
    figures = json.loads(res.stdout)
    cs = figures["content_and_source"]
    print(f"PolNeAR {args.split}: {figures['articles']} articles, {figures['gold']} gold, {figures['predicted']} predicted")
    print(f"content:            P {figures['content']['p']:.3f}  R {figures['content']['r']:.3f}  F1 {figures['content']['f1']:.3f}")
    print(f"content and source: P {cs['p']:.3f}  R {cs['r']:.3f}  F1 {cs['f1']:.3f}")
    print(f"speech recall:      {figures['speech_recall']}")
    print(f"extraction:         {size / secs / 1e6:.2f} MB/s of CPU time (incl. writing the texts and JSON)")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
