"""Score the extractor on PolNeAR dev (or another split) with the shared scorer; print the figures.

    python bench/score_polnear.py [--split dev|train] [--extractor grammar|tagger|combined|all] [--keep DIR]
    python bench/score_polnear.py --extractor tagger --model /tmp/try/tagger.crfsuite --json

Each article is written to a temporary directory as <article_id>.txt, extracted in-process, and the
predictions are scored by ../shared/tools/attr_score.py (lenient overlap matching, see
../shared/README.md). ``all`` (the default) scores the grammar alone, the tagger alone
(verify/extract/tagger.py) and their combination one after another, so the choice is visible.
Skips with a message where ../shared is absent.
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
EXTRACTORS = ("grammar", "tagger", "combined")


def extractor(name: str, registry: Registry):
    if name == "grammar":
        return lambda text: extract_claims(text, registry)
    from verify.extract.tagger import extract_with_tagger, tag_claims

    if name == "tagger":
        return lambda text: tag_claims(text, registry)
    return lambda text: extract_with_tagger(text, registry)


def run(name: str, gold: Path, scorer: Path, out_dir: Path, registry: Registry) -> tuple[dict, float]:
    extract = extractor(name, registry)
    pred = out_dir / f"pred-{name}.jsonl"
    size = 0
    t0 = time.process_time()
    with pred.open("w", encoding="utf-8") as fh:
        for line in gold.open(encoding="utf-8"):
            r = json.loads(line)
            path = out_dir / f"{r['article_id']}.txt"
            path.write_text(r["text"], encoding="utf-8")
            claims = extract(r["text"])
            size += len(r["text"].encode("utf-8"))
            fh.write(json.dumps({"path": str(path), "claims": [c.model_dump(mode="json") for c in claims]}) + "\n")
    secs = time.process_time() - t0
    res = subprocess.run([sys.executable, str(scorer), str(gold), str(pred)], capture_output=True, text=True, check=True)
    return json.loads(res.stdout), size / secs / 1e6


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="dev")
    ap.add_argument("--extractor", choices=(*EXTRACTORS, "all"), default="all")
    ap.add_argument("--model", help="a tagger model file in place of the shipped one")
    ap.add_argument("--json", action="store_true", help="print only one JSON line of figures per extractor")
    ap.add_argument("--keep", help="write the texts and predictions here instead of a temp dir")
    args = ap.parse_args()
    gold = SHARED / "corpus" / "polnear" / f"{args.split}.jsonl"
    scorer = SHARED / "tools" / "attr_score.py"
    if not gold.exists() or not scorer.exists():
        print(f"skipped: {gold} or {scorer} not found (../shared is absent)")
        return 0
    if args.model:
        from verify.extract.tagger import use_model

        use_model(args.model)
    registry = Registry.starter()
    names = EXTRACTORS if args.extractor == "all" else (args.extractor,)
    with tempfile.TemporaryDirectory() as tmp:
        out_dir = Path(args.keep) if args.keep else Path(tmp)
        out_dir.mkdir(parents=True, exist_ok=True)
        for name in names:
            figures, mbs = run(name, gold, scorer, out_dir, registry)
            figures["extractor"] = name
            figures["mb_per_cpu_s"] = round(mbs, 3)
            if args.json:
                print(json.dumps(figures))
                continue
            cs = figures["content_and_source"]
            print(f"PolNeAR {args.split}, {name}: {figures['articles']} articles, {figures['gold']} gold, {figures['predicted']} predicted")
            print(f"  content:            P {figures['content']['p']:.3f}  R {figures['content']['r']:.3f}  F1 {figures['content']['f1']:.3f}")
            print(f"  content and source: P {cs['p']:.3f}  R {cs['r']:.3f}  F1 {cs['f1']:.3f}")
            print(f"  speech recall:      {figures['speech_recall']}")
            print(f"  extraction:         {mbs:.2f} MB/s of CPU time (incl. writing the texts and JSON)")
            print("  " + json.dumps(figures))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
