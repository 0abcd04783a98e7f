"""Reports over more claims than fit a page or a screen: the HTML as an index and a page per article
(or the first articles and a note), the terminal table as a summary and the first claims."""

from __future__ import annotations

from pathlib import Path

import pytest

from verify.reports import html

from _claims import HOSTILE, seed
from test_report_html import Page


@pytest.fixture
def small_pages(monkeypatch):
    # the seeded store has 7 claims in 2 articles: a page limit of 3 makes it "large"
    monkeypatch.setattr(html, "PAGE_CLAIMS", 3)


def _page(path: Path) -> tuple[str, Page]:
    doc = path.read_text(encoding="utf-8")
    p = Page()
    p.feed(doc)
    return doc, p


def test_a_large_html_report_is_an_index_with_a_page_per_article(store, db_url, cli, tmp_path, small_pages):
    ids = seed(store)
    out = tmp_path / "desk report.html"
    r = cli("report", "--format", "html", "--output", out, "--db", db_url)
    assert r.exit_code == 0, r.stderr
    pages = tmp_path / "desk report-files"
    names = sorted(p.name for p in pages.iterdir())
    assert names == sorted(f"article-{ids[a]}.html" for a in ("river", "hostile"))
    doc, p = _page(out)
    assert "7 claims in 2 articles" in doc
    links = [a.get("href") for t, a in p.tags if t == "a" and (a.get("href") or "").startswith("desk%20report-files/")]
    assert sorted(links) == sorted(f"desk%20report-files/{n}" for n in names)
    assert 'class="claim' not in doc  # the claims are on the article pages, not here
    assert "Sources and their record" in doc
    for name in names:
        page_doc, page = _page(pages / name)
        assert page_doc.startswith("<!DOCTYPE html>")
        assert "Content-Security-Policy" in page_doc and "default-src 'none'" in page_doc
        assert [t for t, _ in page.tags if t in ("script", "img", "link", "iframe")] == []
        assert HOSTILE not in page_doc
        assert ('href="../desk%20report.html"') in page_doc
    river, _ = _page(pages / f"article-{ids['river']}.html")
    river_p = Page()
    river_p.feed(river)
    assert river_p.claims[f"claim-{ids['bridge']}"] == "a pontoon bridge near the island had been destroyed on Sunday"
    assert f'id="row-{ids["bridge"]}"' in river


def test_a_smaller_report_later_takes_the_old_pages_away(store, db_url, cli, tmp_path, monkeypatch):
    seed(store)
    out = tmp_path / "r.html"
    monkeypatch.setattr(html, "PAGE_CLAIMS", 3)
    assert cli("report", "--format", "html", "-o", out, "--db", db_url).exit_code == 0
    assert len(list((tmp_path / "r-files").iterdir())) == 2
    monkeypatch.setattr(html, "PAGE_CLAIMS", 2_000)
    assert cli("report", "--format", "html", "-o", out, "--db", db_url).exit_code == 0
    assert not (tmp_path / "r-files").exists()
    assert 'class="claim' in out.read_text(encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]  # nothing half-written left behind


def test_a_directory_of_other_files_is_never_replaced(store, db_url, cli, tmp_path, small_pages):
    seed(store)
    (tmp_path / "r-files").mkdir()
    (tmp_path / "r-files" / "notes.txt").write_text("mine")
    r = cli("report", "--format", "html", "-o", tmp_path / "r.html", "--db", db_url)
    assert r.exit_code != 0 and "holds other files" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert (tmp_path / "r-files" / "notes.txt").read_text() == "mine"
    assert not (tmp_path / "r.html").exists()


def test_a_large_html_report_to_the_terminal_shows_the_first_articles_and_says_so(store, db_url, cli, small_pages):
    seed(store)
    r = cli("report", "--format", "html", "--db", db_url)
    assert r.exit_code == 0
    p = Page()
    p.feed(r.stdout)
    assert "7 claims in 2 articles" in r.stdout
    assert "This page shows the first 1 article" in r.stdout and "--output report.html" in r.stdout
    assert 0 < len(p.claims) < 7


def test_the_table_lists_the_first_claims_and_counts_them_all(store, db_url, cli):
    seed(store)
    r = cli("report", "--limit", "2", "--db", db_url)
    assert r.exit_code == 0, r.stderr
    assert "7 claims in 2 articles" in r.stdout
    assert "2 of 7 claims listed" in r.stdout and "--all" in r.stdout and "verify claims list" in r.stdout
    every = cli("report", "--all", "--db", db_url).stdout
    assert "claims listed" not in every
    assert "river rose by half" in every and "river rose by half" not in r.stdout  # the 5th claim
    assert cli("report", "--db", db_url).stdout == every  # 7 claims are under the default limit


@pytest.mark.parametrize("args, says", [
    (["--format", "csv", "--limit", "5"], "apply to --format table only"),
    (["--all", "--limit", "5"], "not both"),
])
def test_limit_and_all_are_refused_where_they_mean_nothing(store, db_url, cli, args, says):
    seed(store)
    r = cli("report", *args, "--db", db_url)
    assert r.exit_code != 0 and says in r.stderr and len(r.stderr.strip().splitlines()) == 1
