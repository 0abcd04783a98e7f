"""The reference article against its hand annotation, scored the way ../shared/tools/seed_score.py does."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from verify.extract import extract_claims

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ARTICLE = SHARED / "corpus" / "kursk-north-korean-soldiers.txt"
GOLD = SHARED / "corpus" / "kursk-gold.json"
SCORER = SHARED / "tools" / "seed_score.py"


@pytest.fixture
def shared_dir() -> Path:
    if not (ARTICLE.exists() and GOLD.exists() and SCORER.exists()):
        pytest.skip("../shared is absent")
    return SHARED


def test_reference_article_claims_sources_and_kinds(shared_dir: Path, tmp_path: Path) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    claims = extract_claims(text)
    pred = tmp_path / "pred.json"
    pred.write_text(json.dumps({"path": str(ARTICLE), "article": {}, "claims": [c.model_dump(mode="json") for c in claims]}))
    res = subprocess.run([sys.executable, str(SCORER), str(GOLD), str(pred), str(ARTICLE)], capture_output=True, text=True, check=True)
    figures = json.loads(res.stdout)
    assert figures["recall"] >= 0.95, figures
    assert figures["source_accuracy"] >= 0.95, figures
    assert figures["kind_accuracy"] >= 0.95, figures
    done, total = figures["unattributed_flagged"].split("/")
    assert done == total


def test_reference_article_sources_resolve_through_the_registry(shared_dir: Path) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    claims = extract_claims(text)
    canon = {s.canonical for c in claims for s in c.sources}
    assert {"Volodymyr Zelenskyy", "Security Service of Ukraine", "senior Ukrainian military official",
            "Government of Ukraine", "White House", "Pentagon", "captured North Korean soldier"} <= canon
    relayed = [c for c in claims if c.relayed_by]
    assert relayed and all(r.canonical == "Security Service of Ukraine" for c in relayed for r in c.relayed_by)
    anon = [s for c in claims for s in c.sources if s.canonical == "senior Ukrainian military official"]
    assert anon and all(s.kind == "anonymous" for s in anon)
    # nothing from the author box at the end (after its "Author" heading) becomes a claim
    author_box = text.index("\nAuthor\n")
    assert all(c.span[1] < author_box for c in claims)
