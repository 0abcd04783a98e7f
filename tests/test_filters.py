"""The claim filters as a desk uses them: each on `verify claims list` and on `verify report`, over a store
built from our own example articles (examples/, tests/articles/desk with outlets and publication dates,
tests/articles/across), each selecting exactly the claims it should."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

import verify
from cli_support import one_line_error as _one_line_error

ROOT = Path(__file__).resolve().parents[1]
DESK = ROOT / "tests" / "articles" / "desk"
ACROSS = ROOT / "tests" / "articles" / "across"
ARTICLES = [ROOT / "examples", DESK, ACROSS / "vovchansk-first.txt", ACROSS / "power-iaea.txt"]


@pytest.fixture
def desk(cli, db_url):
    r = cli("ingest", *ARTICLES, "--jobs", "1")
    assert r.exit_code == 0, r.stderr
    with verify.open_store(db_url) as store:
        claims = list(verify.claims(store))
    assert len(claims) > 20
    return claims


def _listed(cli, *args) -> list[int]:
    r = cli("claims", "list", "--format", "json", *args)
    assert r.exit_code == 0, r.stderr
    return [c["id"] for c in json.loads(r.stdout)]


def _reported(cli, *args) -> list[int]:
    r = cli("report", "--format", "json", *args)
    assert r.exit_code == 0, r.stderr
    return [c["id"] for c in json.loads(r.stdout)["claims"]]


def _both(cli, *args) -> list[int]:
    """The claims `verify claims list` selects with ``args``, checked to be those `verify report` takes."""
    listed = _listed(cli, *args)
    assert _reported(cli, *args) == listed
    return listed


def _ids(claims, keep) -> list[int]:
    return [c.id for c in claims if keep(c)]


def test_outlet_takes_the_articles_of_one_outlet_whatever_the_case(cli, desk):
    courier = _ids(desk, lambda c: c.outlet == "The Harbour Courier")
    assert courier and len({c.article_id for c in desk if c.id in courier}) == 2
    assert _both(cli, "--outlet", "the harbour COURIER") == courier
    assert _both(cli, "--outlet", "Steppe Ledger") == _ids(desk, lambda c: c.outlet == "Steppe Ledger")
    r = cli("claims", "list", "--outlet", "Harbor Courier")
    _one_line_error(r, "no article from outlet 'Harbor Courier'", "'Steppe Ledger'", "'The Harbour Courier'")
    _one_line_error(cli("report", "--outlet", "Harbor Courier"), "no article from outlet")


def test_flag_takes_the_claims_carrying_it_and_an_unknown_flag_is_refused(cli, desk):
    estimate = _ids(desk, lambda c: "estimate" in c.flags)
    assert estimate and len(estimate) < len(desk)
    assert _both(cli, "--flag", "estimate") == estimate
    # a flag the rulebook can set but no claim carries yet selects nothing, and is no error
    assert not any("said-in-captivity" in c.flags for c in desk)
    assert _both(cli, "--flag", "said-in-captivity") == []
    for cmd in (("claims", "list"), ("report",)):
        _one_line_error(cli(*cmd, "--flag", "estimat"), "unknown flag 'estimat'", "estimate", "party-to-conflict")


def test_kind_takes_one_attribution_kind(cli, desk):
    for kind in ("direct", "indirect", "unattributed"):
        expected = _ids(desk, lambda c: c.attribution == kind)
        assert expected, kind
        assert _both(cli, "--kind", kind) == expected
    # the older name of the option still works
    assert _listed(cli, "--attribution", "direct") == _ids(desk, lambda c: c.attribution == "direct")
    for cmd in (("claims", "list"), ("report",)):
        _one_line_error(cli(*cmd, "--kind", "quoted"), "unknown attribution kind 'quoted'",
                        "direct, indirect, inherited, unattributed")
        _one_line_error(cli(*cmd, "--status", "true"), "unknown status 'true'", "confirmed")


def test_since_and_until_go_by_publication_date_else_ingest_time(cli, desk):
    dated = {c.article_id: c.published for c in desk}
    assert sorted(str(d) for d in set(dated.values()) if d) == ["2026-11-20", "2026-11-28", "2026-12-02"]
    # a date is its whole day, at both ends
    assert _both(cli, "--since", "2026-11-28", "--until", "2026-12-02") == _ids(
        desk, lambda c: c.published is not None and c.published.isoformat() >= "2026-11-28")
    assert _both(cli, "--until", "2026-11-20") == _ids(desk, lambda c: str(c.published) == "2026-11-20")
    # a date and time with an offset: 09:00 at +02:00 is 07:00 UTC on 2 December
    assert _listed(cli, "--since", "2026-12-02T09:00+02:00", "--until", "2026-12-02T23:59Z") == _ids(
        desk, lambda c: str(c.published) == "2026-12-02")
    # articles without a publication date go by the time they were ingested: a minute ago is after
    # every publication date and before every ingest
    recent = (datetime.now(timezone.utc) - timedelta(minutes=1)).isoformat()
    undated = _ids(desk, lambda c: c.published is None)
    assert undated and _both(cli, "--since", recent) == undated
    assert _both(cli, "--until", recent) == _ids(desk, lambda c: c.published is not None)
    for cmd in (("claims", "list"), ("report",)):
        for bad in ("02/12/2026", "yesterday", "2026-13-01"):
            _one_line_error(cli(*cmd, "--since", bad), f"not a date: '{bad}'", "ISO date")
        _one_line_error(cli(*cmd, "--since", "2026-12-05", "--until", "2026-12-01"), "is after --until")


def _state(claims) -> dict[int, tuple]:
    return {c.id: (c.status, tuple(c.flags), c.grade, c.needs_review, c.review_status) for c in claims}


def test_changed_since_takes_new_claims_claims_a_check_changed_and_reviewed_ones(cli, db_url, desk):
    before = _state(desk)
    t0 = datetime.now(timezone.utc).isoformat()
    assert _both(cli, "--changed-since", t0) == []
    reviewed = desk[0].id
    assert cli("review", reviewed, "--status", "confirmed", "--note", "seen by our stringer", "--reviewer", "ana").exit_code == 0
    # a rewrite of a stored article: its claims are new, and matching changes the flags of the first's
    assert cli("ingest", ACROSS / "vovchansk-rewrite.txt", "--jobs", "1").exit_code == 0
    with verify.open_store(db_url) as store:
        after = _state(verify.claims(store))
    new = sorted(set(after) - set(before))
    changed = sorted(i for i in before if before[i] != after[i])
    assert new and reviewed in changed and len(changed) > 1, changed
    assert _both(cli, "--changed-since", t0) == sorted(set(new) | set(changed))
    _one_line_error(cli("claims", "list", "--changed-since", "last"), "--changed-since last", "--output")
    _one_line_error(cli("report", "--changed-since", "Monday"), "not a time: 'Monday'")


def test_changed_since_last_takes_what_changed_since_the_last_report_to_that_file(cli, db_url, desk, tmp_path):
    target = tmp_path / "desk.json"
    args = ("report", "--format", "json", "--output", target, "--changed-since", "last")

    def claims_in_file() -> list[int]:
        return [c["id"] for c in json.loads(target.read_text())["claims"]]

    r = cli(*args)
    assert r.exit_code == 0, r.stderr
    assert "no earlier report written to" in r.stderr
    assert claims_in_file() == [c.id for c in desk]
    r = cli(*args)
    assert r.exit_code == 0 and claims_in_file() == [] and "claims changed since" in r.stderr
    cli("review", desk[3].id, "--status", "disputed", "--note", "the port denies it", "--reviewer", "ana")
    cli("review", desk[5].id, "--note", "asked the ministry", "--reviewer", "ana")
    assert cli(*args).exit_code == 0
    assert claims_in_file() == [desk[3].id, desk[5].id]
    # a report to the file without the option is remembered too: the next takes changes since it
    cli("review", desk[1].id, "--status", "refuted", "--note", "satellite images show no damage", "--reviewer", "ana")
    assert cli("report", "--format", "json", "--output", target).exit_code == 0
    assert len(claims_in_file()) == len(desk)
    assert cli(*args).exit_code == 0 and claims_in_file() == []
    # the library does the same with a path
    cli("review", desk[2].id, "--note", "photos from the port", "--reviewer", "ana")
    with verify.open_store(db_url) as store:
        assert verify.report(store, "json", target, changed_since="last") is None
    assert claims_in_file() == [desk[2].id]
    # another file has its own record: never written, so every claim
    other = tmp_path / "other.json"
    assert cli("report", "--format", "json", "--output", other, "--changed-since", "last").exit_code == 0
    assert len(json.loads(other.read_text())["claims"]) == len(desk)


def test_needs_review_lists_exactly_what_check_counts(cli, desk):
    def check_count() -> int:
        r = cli("check")
        assert r.exit_code == 0, r.stderr
        return int(re.search(r"(\d+) claim\(s\) need review", r.stdout).group(1))

    n = check_count()
    waiting = _both(cli, "--needs-review")
    assert n > 1 and len(waiting) == n
    assert waiting == _ids(desk, lambda c: c.needs_review and not c.review_status)
    assert cli("review", waiting[0], "--status", "corroborated", "--note", "two agencies", "--reviewer", "ana").exit_code == 0
    assert _both(cli, "--needs-review") == waiting[1:]
    assert check_count() == n - 1
    # a note answers nothing: the claim still waits for a status
    assert cli("review", waiting[1], "--note", "calling the port", "--reviewer", "ana").exit_code == 0
    assert _listed(cli, "--needs-review") == waiting[1:]
    # a check that changes the reviewed claim's outcomes after the review puts it back in the queue,
    # and check counts it again
    assert cli("link", waiting[0], waiting[1], "--contradicts", "--reviewer", "ana").exit_code == 0
    assert check_count() == n
    assert _both(cli, "--needs-review") == waiting


def test_filters_combine_and_the_library_takes_the_same_ones(cli, db_url, desk):
    expected = _ids(desk, lambda c: c.outlet == "The Harbour Courier" and c.attribution == "indirect"
                    and c.published is not None and c.published.isoformat() <= "2026-11-30")
    assert expected
    args = ("--outlet", "The Harbour Courier", "--kind", "indirect", "--until", "2026-11-30")
    assert _both(cli, *args) == expected
    with verify.open_store(db_url) as store:
        got = [c.id for c in verify.claims(store, outlet="The Harbour Courier", kind="indirect", until="2026-11-30")]
        assert got == expected
        doc = json.loads(verify.report(store, "json", outlet="The Harbour Courier", kind="indirect", until="2026-11-30"))
        assert [c["id"] for c in doc["claims"]] == expected
        assert doc["filters"]["outlet"] == "The Harbour Courier" and doc["filters"]["until"] == "2026-11-30"
        with pytest.raises(verify.VerifyError, match="unknown flag 'nope'"):
            verify.claims(store, flag="nope")
        with pytest.raises(verify.VerifyError, match="not a date"):
            verify.report(store, "json", since="last week")
    # the Markdown report says which filters made it
    md = cli("report", "--format", "markdown", *args).stdout
    assert "Filters: kind=indirect, outlet=The Harbour Courier, until=2026-11-30." in md
