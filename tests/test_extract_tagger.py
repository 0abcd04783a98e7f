"""The learned tagger: the shipped model loads and tags, its provenance matches it, and
``verify extract --tagger`` adds what the grammar misses without losing what it finds."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from process_support import CLI_CODE

pytest.importorskip("pycrfsuite")

from verify.config import PACKAGE_DIR  # noqa: E402
from verify.extract import extract_claims  # noqa: E402
from verify.extract.tagger import extract_with_tagger, model_info, tag_claims, tag_paragraph  # noqa: E402
from verify.extract.tagfeatures import grammar_roles, read_paragraphs  # noqa: E402


REPORT = (
    "Shelling Reported Near the Port\n"
    "\n"
    "The regional governor said that four civilians were killed when shells hit the port overnight.\n"
    "\n"
    "\"We will rebuild the terminal,\" the harbour master told reporters.\n"
)


def test_the_shipped_model_matches_its_provenance():
    info = model_info()
    model = (PACKAGE_DIR / "data" / info["model"]).read_bytes()
    assert hashlib.sha256(model).hexdigest() == info["sha256"]
    assert info["trained_on"]["split"] == "train" and info["tuned_on"] == "dev"
    assert len(model) < 5_000_000
    assert {"tagger", "combined"} <= set(info["dev_scores"])


def test_the_model_tags_a_sentence_with_source_cue_and_content():
    text = "The regional governor said that four civilians were killed in the shelling on Monday."
    (par,) = read_paragraphs(text)
    # the tagger reads the grammar's decisions as features, as it does in use
    tags = tag_paragraph(par, grammar_roles(extract_claims(text), par.tokens.starts, par.tokens.ends))
    words = par.tokens.words
    by_word = dict(zip(words, tags))
    assert by_word["governor"].endswith("SRC")
    assert by_word["said"].endswith("CUE")
    assert by_word["civilians"].endswith("CON")


def test_tagged_claims_carry_a_resolved_source():
    claims = tag_claims(REPORT)
    killed = [c for c in claims if "four civilians were killed" in c.text]
    assert killed, [c.text for c in claims]
    (src,) = killed[0].sources
    assert "governor" in src.mention and src.kind in ("person", "anonymous")
    assert REPORT[killed[0].span[0]:killed[0].span[1]].startswith(("four", "that four"))


def test_tagged_claims_get_the_grammars_polarity_check():
    text = "The defence ministry denied that its artillery had shelled the port on Monday."
    denied = [c for c in tag_claims(text) if "shelled the port" in c.text]
    assert denied and denied[0].polarity == "denied", denied
    assert denied[0].sources and "ministry" in denied[0].sources[0].mention
    (killed,) = [c for c in tag_claims(REPORT) if "four civilians were killed" in c.text]
    assert killed.polarity == "asserted"


def test_the_combination_keeps_every_attributed_claim_of_the_grammar():
    grammar = [c for c in extract_claims(REPORT) if c.attribution != "unattributed"]
    combined = extract_with_tagger(REPORT)
    for g in grammar:
        assert g in combined


def test_verify_extract_with_the_tagger_prints_the_claims(tmp_path):
    path = tmp_path / "port.txt"
    path.write_text(REPORT, encoding="utf-8")
    res = subprocess.run([sys.executable, "-c", CLI_CODE, "extract", str(path), "--tagger", "--format", "json"],
                         capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    quoted = [c for c in out["claims"] if "We will rebuild" in c["text"]]
    assert quoted and quoted[0]["attribution"] == "direct"
    assert any("governor" in s["mention"] for c in out["claims"] for s in c["sources"])


def test_the_combination_reads_no_claim_in_a_headline_or_a_byline():
    # the grammar reads neither as copy; the tagger must not fill them in behind it
    text = ("Drone Hits Depot, Governor Says Fires Are Out\n"
            "\n"
            "By Mara Lind; Editing by Tom Reyes\n"
            "\n"
            "The regional governor said on Tuesday that the fires at the fuel depot were out.\n")
    claims = extract_with_tagger(text)
    assert [c.text for c in claims] == ["the fires at the fuel depot were out"]
