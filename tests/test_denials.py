"""A claim its source denies, as a desk sees it: marked as denied in every listing, report and view of
it, and picked out (or left out) by ``--polarity``; over two small articles of our own, one stating
what the other's source denies."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

import verify
from verify.cli.queue import claim_lines
from verify.queue import ReviewQueue
from verify.reports.json import schema

from test_queue import Session
from cli_support import one_line_error as _one_line_error

DENIAL = Path(__file__).parent / "articles" / "denial"
WITNESSES, MINISTRY = DENIAL / "market-witnesses.txt", DENIAL / "market-ministry.txt"
MARK = "denied by its source"
LINE = "Polarity: denied (its source denies what the claim states)"


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


def _rows_after(stdout: str, claim_id: int) -> list[str]:
    """The lines of a terminal listing from the row of ``claim_id`` to the next claim's row."""
    lines = stdout.splitlines()
    start = next(i for i, ln in enumerate(lines) if re.match(rf"\s*{claim_id}\s", ln))
    rest = lines[start + 1:]
    end = next((i for i, ln in enumerate(rest) if re.match(r"\s*\d+\s", ln)), len(rest))
    return [lines[start], *rest[:end]]


def test_claims_list_and_the_table_report_mark_the_denied_claim_under_its_text(cli, market):
    for args in (("claims", "list"), ("report", "--all")):
        out = cli(*args).stdout
        # the report's articles come after its across-articles table (tested below)
        out = out.split("\nArticle 1:", 1)[-1]
        assert out.count(MARK) == 1, args
        rows = _rows_after(out, market["denied"])
        assert "its forces had shelled the market" in rows[0] and "defence ministry" in rows[0]
        assert MARK in rows[1], rows
        assert MARK not in "\n".join(_rows_after(out, market["stated"]))


def test_markdown_marks_the_denial_beside_the_attribution(cli, market):
    md = cli("report", "--format", "markdown").stdout
    row = next(ln for ln in md.splitlines() if ln.startswith(f"| {market['denied']} |"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[1:4] == ["its forces had shelled the market on Saturday morning", "defence ministry (organisation)",
                          f"indirect, **{MARK}**"]
    assert md.count(MARK) == 2  # and once in the across-articles section (tested below)


def test_html_marks_the_denial_in_its_row_and_in_the_highlight(cli, market):
    page = cli("report", "--format", "html").stdout
    i = market["denied"]
    row = re.search(rf'<tr id="row-{i}">.*?</tr>', page).group(0)
    assert f"<td>indirect, <strong>{MARK}</strong> — cue: denied</td>" in row
    tip = re.search(rf'<a class="claim [^"]*" id="claim-{i}"[^>]*>(.*?)</a>', page).group(1)
    assert html.unescape(re.sub("<[^>]+>", "", tip)).endswith(
        f"(claim {i}: Single source; source: defence ministry (organisation); {MARK})")
    # the mark once in the row and once in the tip, and once in the across-articles section (tested
    # below): no other claim carries it
    assert page.count(MARK) == 3


def test_claims_show_and_the_review_queue_say_the_source_denies_it(cli, store, db_url, market):
    assert LINE in cli("claims", "show", market["denied"]).stdout
    assert "Polarity" not in cli("claims", "show", market["stated"]).stdout
    queue = ReviewQueue(store, "ana", source="defence ministry")
    assert queue.claim_id == market["denied"]
    shown = [ln.plain for ln in claim_lines(queue.view, queue)]
    assert LINE in shown
    assert shown.index(LINE) == next(i for i, ln in enumerate(shown) if ln.startswith("Attribution: indirect")) + 1
    witnesses = ReviewQueue(store, "ana", source="witnesses")
    assert LINE not in [ln.plain for ln in claim_lines(witnesses.view, witnesses)]
    # and on the screen of `verify review`, in an 80×24 terminal
    session = Session(db_url, "--source", "defence ministry", reviewer="ben")
    session.expect(f"claim {market['denied']} · ben")
    session.expect(LINE)
    session.quit()


def test_compare_marks_the_denial_and_names_the_change_of_polarity(cli, market):
    r = cli("compare", WITNESSES, MINISTRY)
    assert r.exit_code == 0, r.stderr
    assert f"defence ministry · indirect, {MARK}" in r.stdout
    assert "witnesses · indirect · “said”" in r.stdout
    assert "• polarity: asserted → denied" in r.stdout
    files = json.loads(cli("compare", WITNESSES, MINISTRY, "--format", "json").stdout)
    stored = json.loads(cli("compare", "1", "2", "--format", "json").stdout)
    for data in (files, stored):
        shelled = next(p for p in data["pairs"] if "shelled" in p["a"]["text"])
        assert (shelled["a"]["polarity"], shelled["b"]["polarity"]) == ("asserted", "denied")
        assert "polarity: asserted → denied" in shelled["differences"]
        wounded = next(p for p in data["pairs"] if "wounded" in p["a"]["text"])
        assert not any(d.startswith("polarity") for d in wounded["differences"])


def test_a_denied_claims_stored_strings_stay_inert_beside_the_mark(cli, store):
    from sqlalchemy import update

    from _claims import seed
    from verify.store.tables import ClaimRow

    ids = seed(store)
    hostile = "<b>x</b>|*\x1b[2J"  # the column holds 16 characters
    with store.session() as s:
        s.execute(update(ClaimRow).where(ClaimRow.id == ids["evil"]).values(polarity="denied", attribution=hostile))
        s.commit()
    md = cli("report", "--format", "markdown").stdout
    # the summary's count by attribution kind shows the stored kind too
    assert "<b>" not in md and "\x1b" not in md
    row = next(ln for ln in md.splitlines() if ln.startswith(f"| {ids['evil']} |"))
    assert f"| \\<b\\>x\\</b\\>\\|\\*\ufffd\\[2J, **{MARK}** |" in row
    page = cli("report", "--format", "html").stdout
    assert "<b>x" not in page and "\x1b" not in page
    row = re.search(rf'<tr id="row-{ids["evil"]}">.*?</tr>', page).group(0)
    assert f"<td>&lt;b&gt;x&lt;/b&gt;|*\ufffd[2J, <strong>{MARK}</strong> — cue: said</td>" in row
    for args in (("claims", "list"), ("report", "--all")):
        out = cli(*args).stdout
        assert MARK in out and "\x1b" not in out, args


# -- a denial matched with the statement it denies ----------------------------------------------

DENIES = "B denies what A states"


def _pair(market) -> tuple[int, int]:
    """The matched pair (A, B) of the shelling: the witnesses' account is stored first, so it is A."""
    assert market["stated"] < market["denied"]
    return market["stated"], market["denied"]


def test_matches_list_marks_the_denied_side_and_says_it_denies(cli, market):
    a, b = _pair(market)
    out = cli("matches", "list").stdout
    rows = out.splitlines()
    first = next(i for i, ln in enumerate(rows) if ln.lstrip().startswith(f"{a} (article 1)"))
    # the mark under claim B's text, in its row; the match says which side denies
    block = "\n".join(rows[first:first + 4])
    assert f"{b} (article 2): its forces had shelled" in block and MARK in block
    marked = next(ln for ln in rows[first:first + 4] if MARK in ln)
    assert marked.index(MARK) == rows[first].index(f"{b} (article 2)")  # in claim B's column
    assert DENIES in block
    # the pair of the wounded, stated in both, is neither marked nor said to deny
    assert out.count(MARK) == 1 and out.count(DENIES) == 1
    pairs = json.loads(cli("matches", "list", "--format", "json").stdout)
    shelled = next(p for p in pairs if p["a"]["id"] == a)
    assert (shelled["a"]["polarity"], shelled["b"]["polarity"], shelled["b"]["id"]) == ("asserted", "denied", b)
    wounded = next(p for p in pairs if p["a"]["id"] != a)
    assert (wounded["a"]["polarity"], wounded["b"]["polarity"]) == ("asserted", "asserted")


def test_every_reports_across_articles_section_marks_the_denial(cli, market):
    a, b = _pair(market)
    md = cli("report", "--format", "markdown").stdout
    across = md.split("## Across articles", 1)[1].split("\n## ", 1)[0]
    row = next(ln for ln in across.splitlines() if ln.startswith(f"| {a} (article 1)"))
    cells = [c.strip() for c in row.strip("|").split(" | ")]
    assert cells[1] == f"{b} (article 2): its forces had shelled the market on Saturday morning, **{MARK}**"
    assert cells[0].endswith("on Saturday morning") and cells[2].startswith(DENIES + "; 0.")
    assert across.count(MARK) == 1 and across.count(DENIES) == 1

    page = cli("report", "--format", "html").stdout
    across = page.split('id="across-h"', 1)[1].split("</section>", 1)[0]
    row = re.search(rf"<tr><td>{a} \(article 1\).*?</tr>", across).group(0)
    assert f"<td>{b} (article 2): its forces had shelled the market on Saturday morning, <strong>{MARK}</strong></td>" in row
    assert f"<td>{DENIES}; 0." in row and across.count(MARK) == 1

    table = cli("report").stdout
    across = table.split("Across articles", 1)[1].split("\nArticle 1:", 1)[0]
    rows = across.splitlines()
    first = next(i for i, ln in enumerate(rows) if ln.lstrip().startswith(f"{a} (article 1)"))
    block = "\n".join(rows[first:first + 4])
    assert MARK in block and DENIES in block and across.count(MARK) == 1

    doc = json.loads(cli("report", "--format", "json").stdout)
    jsonschema.validate(doc, schema())
    shelled = next(p for p in doc["across_articles"] if p["a"]["id"] == a)
    assert (shelled["a"]["polarity"], shelled["b"]["polarity"]) == ("asserted", "denied")
    # each claim's own matches, in the JSON report, carry the other side's polarity
    claims = {c["id"]: c for c in doc["claims"]}
    assert [m["other_polarity"] for m in claims[a]["matches"]] == ["denied"]
    assert [m["other_polarity"] for m in claims[b]["matches"]] == ["asserted"]

    rows = {int(r["id"]): r for r in csv.DictReader(io.StringIO(cli("report", "--format", "csv").stdout))}
    assert rows[a]["matched"].startswith(f"{b} (article 2, 0.") and f", {MARK}" in rows[a]["matched"]
    assert MARK not in rows[b]["matched"]


def test_claims_show_and_the_queue_say_which_side_denies_the_other(cli, store, market):
    a, b = _pair(market)
    shown = cli("claims", "show", a).stdout.split("Stated in other articles:", 1)[1].splitlines()
    head = next(i for i, ln in enumerate(shown) if ln.strip().startswith(f"claim {b} (article 2)"))
    assert "denies what this claim states" in shown[head]
    assert shown[head + 1].strip() == "its forces had shelled the market on Saturday morning"
    assert shown[head + 2].strip() == MARK
    shown = cli("claims", "show", b).stdout.split("Stated in other articles:", 1)[1]
    assert "states what this claim denies" in shown and MARK not in shown
    # the wounded, stated in both articles: neither
    wounded = next(i for i in market["all"] if i not in (a, b))
    assert "denies" not in cli("claims", "show", wounded).stdout.split("Stated in other articles:", 1)[1]
    queue = ReviewQueue(store, "ana", source="witnesses")
    assert queue.claim_id == a
    lines = [ln.plain for ln in claim_lines(queue.view, queue)]
    assert any(ln.startswith(f"  in article 2: claim {b} (0.") and f", proposed, {MARK}): its forces" in ln for ln in lines)


def test_review_polarity_denied_queues_only_the_denied_claims(cli, store, db_url, market):
    from verify.queue import queue_items

    assert [i.claim_id for i in queue_items(store, polarity="denied")] == [market["denied"]]
    assert sorted(i.claim_id for i in queue_items(store, polarity="asserted")) == sorted(
        i for i in market["all"] if i != market["denied"])
    assert verify.review_queue(store, "ana", polarity="denied").order == [market["denied"]]
    session = Session(db_url, "--polarity", "denied")
    session.expect(f"Queue 1/1 · claim {market['denied']} · ana")
    session.expect(LINE)
    session.quit()


def test_review_with_a_bad_polarity_or_with_an_id_is_one_line(cli, market):
    _one_line_error(cli("review", "--polarity", "denies"), "unknown polarity 'denies'", "asserted, denied")
    _one_line_error(cli("review", market["denied"], "--status", "disputed", "--note", "x", "--polarity", "denied"),
                    "--polarity", "narrow the queue")


def _page(path: Path, url: str, title: str, text: Path) -> Path:
    paras = "".join(f"<p>{p}</p>" for p in text.read_text(encoding="utf-8").split("\n\n")[1:] if p.strip())
    path.write_text(f'<html><head><title>{title}</title><link rel="canonical" href="{url}"></head>'
                    f"<body><article><h1>{title}</h1>{paras}</article></body></html>", encoding="utf-8")
    return path


def test_claimreview_lists_no_article_that_denies_a_claim_as_an_appearance_of_it(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("VERIFY_PUBLISHER_NAME", "Example Fact Desk")
    monkeypatch.setenv("VERIFY_PUBLISHER_URL", "https://desk.example/")
    witnesses = _page(tmp_path / "w.html", "https://witnesses.example/market", "Shelling Hits Central Market", WITNESSES)
    ministry = _page(tmp_path / "m.html", "https://ministry.example/market", "Ministry Rejects Market Account", MINISTRY)
    assert cli("ingest", witnesses, ministry, "--jobs", "1").exit_code == 0
    claims = json.loads(cli("claims", "list", "--format", "json").stdout)
    first = [c for c in claims if c["article_id"] == min(c["article_id"] for c in claims)]
    shelled = next(c["id"] for c in first if "shelled the market" in c["text"])
    wounded = next(c["id"] for c in first if "12 people were wounded" in c["text"])
    for cid in (shelled, wounded):
        assert cli("review", cid, "--status", "single-source", "--note", "one side only", "--reviewer", "ben").exit_code == 0
    reviews = {int(r["url"].rsplit("-", 1)[1]): r for r in json.loads(cli("report", "--format", "claimreview").stdout)}
    # the ministry's page states the wounded count too: an appearance; it denies the shelling: none
    pages = {}
    for cid in (shelled, wounded):
        seen = reviews[cid]["itemReviewed"].get("appearance", [])
        pages[cid] = [w["url"] for w in ([seen] if isinstance(seen, dict) else seen)]
    assert "https://ministry.example/market" in pages[wounded]
    assert "https://ministry.example/market" not in pages[shelled]
