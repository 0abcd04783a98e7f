"""The conflict scorer's matching, on a tiny case, and the annotations it reads being well formed."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("score_conflict", ROOT / "bench" / "score_conflict.py")
score_conflict = importlib.util.module_from_spec(spec)
spec.loader.exec_module(score_conflict)

TEXT = "Rebels Say They Took the Town\n\nThe army said its lines held, while the rebels said they took the town.\n"
ANNOTATION = {
    "article": "tiny.txt",
    "aliases": {"Army": ["the army", "army"], "Rebels": ["rebels", "the rebels"]},
    "kinds": {"Army": "organisation", "Rebels": "organisation"},
    "claims": [
        {"content": "its lines held", "sources": ["Army"], "attribution": "indirect", "polarity": "asserted", "construction": "lowercase-body"},
        {"content": "they took the town", "sources": ["Rebels"], "attribution": "indirect", "polarity": "asserted", "construction": "while-clause"},
    ],
}


def _claim(text: str, piece: str, canonical: str, kind: str, start: int = 0) -> dict:
    s = text.index(piece, start)
    return {"span": [s, s + len(piece)], "attribution": "indirect", "sources": [{"mention": canonical, "canonical": canonical, "kind": kind}]}


def test_scores_a_tiny_case_by_overlap_source_and_kind():
    article = score_conflict.prepare(ANNOTATION, TEXT, "tiny")
    body = TEXT.index("The army")
    preds = [
        # content runs on past the gold edge but overlaps all of the shorter span: a match, right source and kind
        _claim(TEXT, "its lines held, while", "the army", "organisation"),
        # right content, right source, wrong kind
        _claim(TEXT, "they took the town", "rebels", "person", body),
        # a headline is no claim: counts against precision
        _claim(TEXT, "They Took the Town", "Rebels", "organisation"),
    ]
    res = score_conflict.score([article], lambda text: preds)
    assert res["gold"] == 2 and res["predicted"] == 3
    assert res["content"]["r"] == 1.0 and abs(res["content"]["p"] - 2 / 3) < 0.01
    assert res["content_and_source"]["r"] == 1.0
    assert res["content_source_kind"]["r"] == 0.5
    assert res["by_construction"]["while-clause"]["wrong kind"] == 1
    assert res["by_construction"]["headline"]["false positive"] == 1


def test_a_claim_naming_a_source_the_gold_lacks_has_the_wrong_source():
    article = score_conflict.prepare(ANNOTATION, TEXT, "tiny")
    pred = _claim(TEXT, "its lines held", "the army", "organisation")
    pred["sources"].append({"mention": "rebels", "canonical": "Rebels", "kind": "organisation"})
    res = score_conflict.score([article], lambda text: [pred])
    assert res["content"]["r"] == 0.5 and res["content_and_source"]["r"] == 0.0


@pytest.mark.parametrize(("folder", "n_articles", "n_attributed"), [("conflict", 12, 150), ("wire", 4, 100), ("fresh", 3, 70), ("field", 3, 50), ("dispatch", 3, 60), ("bulletin", 3, 60), ("courier", 3, 60), ("gazette", 3, 60), ("ledger", 3, 60)])
def test_every_annotation_is_well_formed(folder, n_articles, n_attributed):
    directory = ROOT / "tests" / "articles" / folder
    articles = score_conflict.load(directory)  # raises where a content is not in its text
    assert len(articles) >= n_articles
    attributed = 0
    for path in sorted(directory.glob("*.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        text = (directory / ann["article"]).read_text(encoding="utf-8")
        for c in ann["claims"]:
            assert text.count(c["content"]) == 1, (path.name, c["content"])  # scored where it first occurs
            assert c["attribution"] in ("direct", "indirect", "inherited", "unattributed"), c
            assert c["polarity"] in ("asserted", "denied"), c
            for s in c["sources"] + c.get("relayed_by", []):
                assert s == "UNATTRIBUTED" or ann["kinds"].get(s) in ("person", "organisation", "anonymous", "vague", "outlet"), (path.name, s)
            attributed += c["attribution"] != "unattributed"
    assert attributed >= n_attributed


def test_polarity_is_scored_on_matched_claims():
    text = "Town Changes Hands\n\nThe army denied that the town had fallen, while the rebels said they took the town.\n"
    ann = {"article": "tiny.txt", "aliases": ANNOTATION["aliases"], "kinds": ANNOTATION["kinds"], "claims": [
        {"content": "the town had fallen", "sources": ["Army"], "attribution": "indirect", "polarity": "denied"},
        {"content": "they took the town", "sources": ["Rebels"], "attribution": "indirect", "polarity": "asserted"},
    ]}
    article = score_conflict.prepare(ann, text, "tiny")
    body = text.index("The army")
    denial = {**_claim(text, "the town had fallen", "the army", "organisation"), "polarity": "denied"}
    taken = {**_claim(text, "they took the town", "rebels", "organisation", body), "polarity": "denied"}
    res = score_conflict.score([article], lambda _: [denial, taken])
    assert res["polarity_matched"] == 2 and res["polarity_agreement"] == 0.5
    assert res["denials"] == {"p": 0.5, "r": 1.0, "gold": 1, "predicted": 2, "right": 1}
    assert any("polarity" in e and "they took the town" in e for e in res["errors"])
    # a prediction without the field is not scored on it
    assert score_conflict.score([article], lambda _: [_claim(text, "the town had fallen", "the army", "organisation")])[
        "polarity_matched"] == 0


def test_relays_are_scored_on_matched_claims():
    text = "A deserter told guards he had burned the depot, the army said, while the rebels said they took the town.\n"
    ann = {"article": "tiny.txt", "aliases": {**ANNOTATION["aliases"], "Deserter": ["a deserter"]},
           "kinds": {**ANNOTATION["kinds"], "Deserter": "anonymous"}, "claims": [
        {"content": "he had burned the depot", "sources": ["Deserter"], "relayed_by": ["Army"], "attribution": "indirect"},
        {"content": "they took the town", "sources": ["Rebels"], "attribution": "indirect"},
    ]}
    article = score_conflict.prepare(ann, text, "tiny")
    burned = {**_claim(text, "he had burned the depot", "a deserter", "anonymous"), "relayed_by": [{"mention": "the army"}]}
    # a relay the gold does not have counts against precision
    taken = {**_claim(text, "they took the town", "rebels", "organisation"), "relayed_by": [{"mention": "the army"}]}
    res = score_conflict.score([article], lambda _: [burned, taken])
    assert res["relays"] == {"p": 0.5, "r": 1.0, "gold": 1, "predicted": 2, "right": 1}
    assert any("relay" in e and "they took the town" in e for e in res["errors"])
