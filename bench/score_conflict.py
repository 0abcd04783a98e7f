"""Score the extractor on the hand-annotated conflict reports in tests/articles/conflict/.

    python bench/score_conflict.py [--extractor grammar|tagger|combined] [--errors] [--dir DIR]

``--dir`` scores another folder annotated the same way (tests/articles/wire/, tests/articles/fresh/, tests/articles/field/, tests/articles/dispatch/, tests/articles/bulletin/, tests/articles/courier/, tests/articles/gazette/ and tests/articles/ledger/ hold reports kept out of tuning).

Each report is ``<name>.txt`` with ``<name>.json`` beside it: every claim a careful editor would list,
its content (a substring of the text), its source(s) by canonical name, each source's kind, the cue,
the attribution (direct / indirect / inherited / unattributed), the polarity (asserted / denied) and
the construction it tests ("denial", "coordinated", "while-clause" ...). ``aliases`` maps each canonical
name to the surface forms that count as that source, as in ../shared/corpus/kursk-gold.json.

Matching follows ../shared/tools/attr_score.py: a predicted attributed claim matches a gold claim when
their content spans overlap by at least half of the shorter one. Its sources are right when every gold
source is named by some predicted source and every predicted source is one of the gold ones (names
compared as whole words against the aliases, as ../shared/tools/seed_score.py does); its kinds are right
when, in addition, each predicted source has the kind the annotation gives it. Headlines and page
furniture carry no gold claim, so whatever is predicted there counts against precision.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ARTICLES = HERE.parent / "tests" / "articles" / "conflict"

Frags = list[tuple[int, int]]


def words(s: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", (s or "").lower().replace("’", "'"))


def norm(s: str) -> str:
    return " ".join(words(s))


def overlap(a: Frags, b: Frags) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def length(a: Frags) -> int:
    return sum(e - s for s, e in a)


def content_match(gold: Frags, pred: Frags) -> bool:
    short = min(length(gold), length(pred)) or 1
    return overlap(gold, pred) / short >= 0.5


def tightness(gold: Frags, pred: Frags) -> float:
    """Their overlap over the longer of the two: 1.0 for the same span."""
    return overlap(gold, pred) / (max(length(gold), length(pred)) or 1)


def names_match(names: set[str], aliases: set[str]) -> bool:
    """A predicted name matches when it is an alias or contains one as whole words."""
    for n in names:
        padded = f" {n} "
        if any(a and (n == a or f" {a} " in padded) for a in aliases):
            return True
    return False


def load(directory: Path = ARTICLES) -> list[dict]:
    """Every annotated report: its text, its gold claims with their spans, aliases and kinds."""
    out = []
    for ann_path in sorted(directory.glob("*.json")):
        ann = json.loads(ann_path.read_text(encoding="utf-8"))
        text = (directory / ann["article"]).read_text(encoding="utf-8")
        out.append(prepare(ann, text, ann_path.stem))
    return out


def prepare(ann: dict, text: str, name: str = "article") -> dict:
    aliases = {k: {norm(a) for a in v} | {norm(k)} for k, v in ann.get("aliases", {}).items()}
    claims = []
    for g in ann["claims"]:
        start = text.find(g["content"])
        if start < 0:
            raise ValueError(f"{name}: content not in the text: {g['content'][:60]!r}")
        claims.append({**g, "frags": [(start, start + len(g["content"]))]})
    return {"name": name, "text": text, "aliases": aliases, "kinds": ann.get("kinds", {}), "claims": claims}


def attributed(c: dict) -> bool:
    return (c.get("attribution") or "unattributed") != "unattributed" and bool(c.get("sources"))


def pred_frags(c: dict) -> Frags:
    fr = c.get("fragments") or []
    return [tuple(f) for f in fr] if fr else [tuple(c["span"])]


def judge(article: dict, g: dict, c: dict) -> tuple[bool, bool]:
    """(sources right, sources and kinds right) for a predicted claim whose content matches gold ``g``."""
    aliases, kinds = article["aliases"], article["kinds"]
    gold = [s for s in g["sources"] if s != "UNATTRIBUTED"]
    per_source = [({norm(s.get(k) or "") for k in ("canonical", "mention")} - {""}, s.get("kind")) for s in c.get("sources") or []]
    gold_names = set().union(*(aliases.get(s, {norm(s)}) for s in gold)) if gold else set()
    every_gold = all(any(names_match(n, aliases.get(s, {norm(s)})) for n, _ in per_source) for s in gold)
    only_gold = all(names_match(n, gold_names) for n, _ in per_source)
    sources_ok = bool(gold) and every_gold and only_gold
    kinds_ok = sources_ok
    if sources_ok:
        for n, kind in per_source:
            owners = [s for s in gold if names_match(n, aliases.get(s, {norm(s)}))]
            if not any(kinds.get(s) == kind for s in owners):
                kinds_ok = False
    return sources_ok, kinds_ok


def score(articles: list[dict], predict: Callable[[str], list[dict]]) -> dict:
    """Precision, recall and F1 at three levels, attribution and polarity agreement, and the errors."""
    n_gold = n_pred = 0
    hit = {"content": 0, "source": 0, "kind": 0}
    pred_hit = {"content": 0, "source": 0, "kind": 0}
    by_construction: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    attr_agree = attr_total = pol_agree = pol_total = 0
    denials = {"gold": 0, "predicted": 0, "both": 0}  # on matched claims
    relays = {"gold": 0, "predicted": 0, "both": 0}  # on matched claims: who passed the words on
    un_gold = un_flagged = 0
    errors: list[str] = []
    for art in articles:
        text = art["text"]
        preds = predict(text)
        claims = [c for c in preds if attributed(c)]
        golds = [g for g in art["claims"] if g["attribution"] != "unattributed"]
        n_gold += len(golds)
        n_pred += len(claims)
        for g in golds:
            row = by_construction[g.get("construction", "other")]
            row["gold"] += 1
            matched = [c for c in claims if content_match(g["frags"], pred_frags(c))]
            verdicts = [(c, *judge(art, g, c)) for c in matched]
            # of equally right matches, the one closest to the gold span (its attribution and polarity count)
            best = max(verdicts, key=lambda v: (v[2], v[1], tightness(g["frags"], pred_frags(v[0]))), default=None)
            if best is None:
                row["missed"] += 1
                errors.append(f"{art['name']}: missed [{g.get('construction')}] {g['content'][:70]!r}")
                continue
            c, src_ok, kind_ok = best
            hit["content"] += 1
            hit["source"] += src_ok
            hit["kind"] += kind_ok
            if not src_ok:
                row["wrong source"] += 1
                got = ", ".join(f"{s.get('canonical')} ({s.get('kind')})" for s in c.get("sources") or [])
                errors.append(f"{art['name']}: source [{g.get('construction')}] {g['content'][:50]!r} -> {got}; gold {g['sources']}")
            elif not kind_ok:
                row["wrong kind"] += 1
                got = ", ".join(f"{s.get('canonical')} ({s.get('kind')})" for s in c.get("sources") or [])
                errors.append(f"{art['name']}: kind [{g.get('construction')}] {got}; gold {[art['kinds'].get(s) for s in g['sources']]}")
            gold_relay = g.get("relayed_by") or []
            pred_relay = {norm(r.get(k) or "") for r in c.get("relayed_by") or [] for k in ("canonical", "mention")} - {""}
            relays["gold"] += bool(gold_relay)
            relays["predicted"] += bool(pred_relay)
            if gold_relay and pred_relay:
                right = all(names_match(pred_relay, art["aliases"].get(r, {norm(r)})) for r in gold_relay)
                relays["both"] += right
                if not right:
                    errors.append(f"{art['name']}: relay [{g.get('construction')}] {g['content'][:50]!r} -> {sorted(pred_relay)}; gold {gold_relay}")
            elif gold_relay or pred_relay:
                errors.append(f"{art['name']}: relay [{g.get('construction')}] {g['content'][:50]!r} -> {sorted(pred_relay)}; gold {gold_relay}")
            attr_total += 1
            attr_agree += c.get("attribution") == g["attribution"] or {c.get("attribution"), g["attribution"]} <= {"direct", "indirect"}
            if "polarity" in c:
                gold_pol, pred_pol = g.get("polarity", "asserted"), c["polarity"]
                pol_total += 1
                pol_agree += pred_pol == gold_pol
                denials["gold"] += gold_pol == "denied"
                denials["predicted"] += pred_pol == "denied"
                denials["both"] += gold_pol == pred_pol == "denied"
                if pred_pol != gold_pol:
                    errors.append(f"{art['name']}: polarity [{g.get('construction')}] {g['content'][:60]!r} -> {pred_pol}; gold {gold_pol}")
        for c in claims:
            verdicts = [judge(art, g, c) for g in golds if content_match(g["frags"], pred_frags(c))]
            pred_hit["content"] += bool(verdicts)
            pred_hit["source"] += any(v[0] for v in verdicts)
            pred_hit["kind"] += any(v[1] for v in verdicts)
            if not verdicts:
                line_start = text.rfind("\n", 0, c["span"][0]) + 1
                where = "headline" if line_start == 0 else ("outlet's own" if any(
                    content_match(g["frags"], pred_frags(c)) for g in art["claims"] if g["attribution"] == "unattributed") else "spurious")
                by_construction[where]["false positive"] += 1
                errors.append(f"{art['name']}: extra [{where}] {text[c['span'][0]:c['span'][1]][:70]!r}")
        for g in art["claims"]:
            if g["attribution"] == "unattributed":
                un_gold += 1
                un_flagged += any(c.get("attribution") == "unattributed" and content_match(g["frags"], pred_frags(c)) for c in preds)

    def prf(level: str) -> dict[str, float]:
        p = pred_hit[level] / n_pred if n_pred else 0.0
        r = hit[level] / n_gold if n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}

    return {
        "articles": len(articles), "gold": n_gold, "predicted": n_pred,
        "content": prf("content"), "content_and_source": prf("source"), "content_source_kind": prf("kind"),
        "attribution_agreement": round(attr_agree / attr_total, 3) if attr_total else None,
        "polarity_agreement": round(pol_agree / pol_total, 3) if pol_total else None,
        "polarity_matched": pol_total,
        "denials": {
            "p": round(denials["both"] / denials["predicted"], 3) if denials["predicted"] else None,
            "r": round(denials["both"] / denials["gold"], 3) if denials["gold"] else None,
            "gold": denials["gold"], "predicted": denials["predicted"], "right": denials["both"]},
        "relays": {
            "p": round(relays["both"] / relays["predicted"], 3) if relays["predicted"] else None,
            "r": round(relays["both"] / relays["gold"], 3) if relays["gold"] else None,
            "gold": relays["gold"], "predicted": relays["predicted"], "right": relays["both"]},
        "unattributed_flagged": f"{un_flagged}/{un_gold}",
        "by_construction": {k: dict(v) for k, v in sorted(by_construction.items())},
        "errors": errors,
    }


def predictor(name: str) -> Callable[[str], list[dict]]:
    from verify.extract import extract_claims
    from verify.registry import Registry

    registry = Registry.starter()
    if name == "grammar":
        return lambda text: [c.model_dump(mode="json") for c in extract_claims(text, registry)]
    from verify.extract.tagger import extract_with_tagger, tag_claims

    if name == "tagger":
        return lambda text: [c.model_dump(mode="json") for c in tag_claims(text, registry)]
    return lambda text: [c.model_dump(mode="json") for c in extract_with_tagger(text, registry)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--extractor", choices=("grammar", "tagger", "combined"), default="grammar")
    ap.add_argument("--errors", action="store_true", help="list every miss, wrong source or kind and extra claim")
    ap.add_argument("--dir", type=Path, default=ARTICLES, help="folder of annotated reports (default: the conflict set)")
    args = ap.parse_args()
    articles = load(args.dir)
    predict = predictor(args.extractor)
    t0 = time.process_time()
    res = score(articles, predict)
    secs = time.process_time() - t0
    attributed_gold = res["gold"]
    title = "conflict set" if args.dir.resolve() == ARTICLES else str(args.dir)
    print(f"{title} ({args.extractor}): {res['articles']} articles, {attributed_gold} attributed gold claims, {res['predicted']} predicted")
    for label, key in (("content", "content"), ("content and source", "content_and_source"), ("source and kind", "content_source_kind")):
        f = res[key]
        print(f"{label + ':':20s}P {f['p']:.3f}  R {f['r']:.3f}  F1 {f['f1']:.3f}")
    print(f"attribution agrees: {res['attribution_agreement']}   polarity agrees: {res['polarity_agreement']}   "
          f"unattributed flagged: {res['unattributed_flagged']}   ({secs:.2f} s CPU)")
    d = res["denials"]
    print(f"polarity on {res['polarity_matched']} matched claims: agrees {res['polarity_agreement']};  denials "
          f"P {d['p']}  R {d['r']}  ({d['right']} right of {d['predicted']} predicted, {d['gold']} in the gold)")
    r = res["relays"]
    print(f"relayed claims (matched): P {r['p']}  R {r['r']}  ({r['right']} right of {r['predicted']} predicted, {r['gold']} in the gold)")
    print("per construction (gold, missed, wrong source, wrong kind; false positives by where):")
    for k, v in res["by_construction"].items():
        cells = "  ".join(f"{n} {v[n]}" for n in ("gold", "missed", "wrong source", "wrong kind", "false positive") if v.get(n))
        print(f"  {k:22s} {cells}")
    if args.errors:
        print("\n".join(res["errors"]))
    figures = {k: v for k, v in res.items() if k not in ("errors", "by_construction")}
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
