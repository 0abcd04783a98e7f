"""A claim its source denies, as a desk sees it: marked as denied in every listing, report and view of
it, and picked out (or left out) by ``--polarity``; over two small articles of our own, one stating
what the other's source denies."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import verify
from verify.reports.json import schema

DENIAL = Path(__file__).parent / "articles" / "denial"
WITNESSES, MINISTRY = DENIAL / "market-witnesses.txt", DENIAL / "market-ministry.txt"


def _one_line_error(r, *words):
    assert r.exit_code != 0 and r.stdout == "" and "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("verify: error: "), r.stderr
    for w in words:
        assert w in lines[0], lines[0]


@pytest.fixture
def market(cli, db_url) -> dict[str, int]:
    """The two articles ingested and checked: the claim the ministry denies, the witnesses' account of
    the same shelling, and every claim's ID."""
    r = cli("ingest", WITNESSES, MINISTRY, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    assert cli("check").exit_code == 0
    claims = json.loads(cli("claims", "list", "--format", "json").stdout)
    denied = [c for c in claims if c["polarity"] == "denied"]
    assert [(c["text"], c["sources"][0]["canonical"]) for c in denied] == [
        ("its forces had shelled the market on Saturday morning", "defence ministry")]
    stated = next(c for c in claims if c["text"].endswith("had shelled the market on Saturday morning")
                  and c["polarity"] == "asserted")
    return {"denied": denied[0]["id"], "stated": stated["id"], "all": [c["id"] for c in claims]}


def _ids(stdout: str) -> list[int]:
    return [c["id"] for c in json.loads(stdout)]


def test_polarity_filter_takes_exactly_the_denied_claim_or_the_others(cli, db_url, market):
    denied, others = [market["denied"]], [i for i in market["all"] if i != market["denied"]]
    assert _ids(cli("claims", "list", "--format", "json", "--polarity", "denied").stdout) == denied
    assert _ids(cli("claims", "list", "--format", "json", "--polarity", "asserted").stdout) == others
    report = json.loads(cli("report", "--format", "json", "--polarity", "denied").stdout)
    assert [c["id"] for c in report["claims"]] == denied and report["filters"]["polarity"] == "denied"
    assert report["summary"]["claims"] == 1
    jsonschema.validate(report, schema())
    # it combines with the other filters: every one given must hold
    assert _ids(cli("claims", "list", "--format", "json", "--polarity", "denied", "--source", "witnesses").stdout) == []
    assert _ids(cli("claims", "list", "--format", "json", "--polarity", "asserted", "--source", "witnesses").stdout) == [
        market["stated"]]
    md = cli("report", "--format", "markdown", "--polarity", "denied").stdout
    assert "Filters: polarity=denied." in md and "1 claim in 1 article" in md
    with verify.open_store(db_url) as store:
        assert [c.id for c in verify.claims(store, polarity="denied")] == denied
        doc = json.loads(verify.report(store, "json", polarity="asserted"))
        assert [c["id"] for c in doc["claims"]] == others
        with pytest.raises(verify.VerifyError, match="unknown polarity 'negated'"):
            verify.claims(store, polarity="negated")


def test_a_bad_polarity_is_one_line_and_a_non_zero_exit(cli, market):
    for cmd in (("claims", "list"), ("report",), ("report", "--format", "html")):
        _one_line_error(cli(*cmd, "--polarity", "denies"), "unknown polarity 'denies'", "asserted, denied")
    _one_line_error(cli("claims", "list", "--polarity", ""), "unknown polarity ''")
