"""The terminal report: what a new user sees first, with rich markup in stored strings kept as text."""

from __future__ import annotations

import io

from rich.console import Console

from verify.reports import write_report
from verify.reviews import review_claim

from _claims import seed


def _text(store, width=120, **kw):
    buf = io.StringIO()
    write_report(store, "table", console=Console(file=buf, width=width, force_terminal=False, no_color=True), **kw)
    return buf.getvalue()


def test_summary_then_each_article_with_source_status_grade_flags(store):
    ids = seed(store)
    review_claim(store, ids["struck"], "confirmed", note="checked", reviewer="ana")
    out = _text(store)
    assert "7 claims in 2 articles" in out
    assert "Claims by status" in out and "What the claims rest on" in out
    assert "one party to the conflict" in out
    assert f"Article {ids['river']}: Crossing Lost on the Lower Dnipro (Example Wire)" in out
    line = next(ln for ln in out.splitlines() if "a pontoon bridge" in ln)
    assert "Government of Ukraine" in line and "single-source" in line
    assert "C3" in out and "⚑ party-to-conflict" in out
    assert "confirmed ✓" in out  # a person's review is marked
    assert "≠ single-source" in out  # and where the rules disagree, that shows
    assert "unnamed officer" in out and "(anonymous)" in out
    assert "Sources and their record" in out


def test_rich_markup_in_stored_strings_is_printed_as_is(store):
    seed(store)
    out = _text(store)
    assert "[bold red]markup[/]" in out
    assert "⚑ [red]x[/red]" in out
    assert '<script>alert("x")</script>' in out  # a terminal shows it; nothing runs it


def test_empty_store_says_what_to_do(store):
    out = _text(store)
    assert "0 claims" in out and "verify ingest" in out


def test_plain_text_to_a_file_has_no_colour_codes(store):
    from verify.reports import Report
    from verify.reports.table import write

    seed(store)
    buf = io.StringIO()
    write(Report(store), buf)
    assert "\x1b[" not in buf.getvalue() and "Crossing Lost" in buf.getvalue()


def test_control_characters_never_reach_the_terminal(store):
    seed(store)
    out = _text(store)
    assert "\x1b" not in out and "\x07" not in out
    assert "<b>Outlet</b>\ufffd]0;pwned\ufffd" in out


def test_columns_line_up_and_wide_characters_fit():
    from verify.models import ClaimRecord, SourceView
    from verify.reports.table import claims_block

    src = SourceView(canonical="Держприкордонслужба", kind="organisation", mention="прикордонники")
    recs = [
        ClaimRecord(id=7, article_id=1, text="короткий", span=(0, 1), attribution="indirect", sources=[src],
                    status="confirmed", review_status="confirmed", reliability="B", credibility="2"),
        ClaimRecord(id=12345, article_id=1, text="国境の町で停電が三日続いたと住民が話した" * 4, span=(0, 1),
                    attribution="unattributed", flags=["unattributed"]),
    ]
    lines = claims_block("Article 1: x", recs, 80).plain.splitlines()
    assert lines[0] == "Article 1: x"
    body = [ln for ln in lines[4:] if ln.strip()]
    status_col = lines[2].index("Status · grade")
    first = next(ln for ln in body if ln.lstrip().startswith("7 "))
    assert first[status_col:].startswith("confirmed ✓")
    from rich.cells import cell_len

    assert all(cell_len(ln) <= 80 for ln in lines)
    assert any("B2" in ln for ln in body)
