"""The Markdown report: tables that hold together, stored strings that stay text."""

from __future__ import annotations

import io

from verify.reports import write_report
from verify.reports.markdown import md

from _claims import seed


def _doc(store, **kw):
    buf = io.StringIO()
    write_report(store, "markdown", buf, **kw)
    return buf.getvalue()


def test_escape():
    assert md("a | b") == "a \\| b"
    assert md("<script>x</script>") == "\\<script\\>x\\</script\\>"
    assert md("[link](javascript:x)") == "\\[link\\](javascript:x)"
    assert md("*bold* _it_ `code`") == "\\*bold\\* \\_it\\_ \\`code\\`"
    assert md("two\nlines") == "two lines"
    assert md("&amp;") == "&amp;amp;"
    assert md("back\\slash") == "back\\\\slash"
    assert md("bell\x07 esc\x1b[2J") == "bell\ufffd esc\ufffd\\[2J"


def test_every_table_row_has_its_columns(store):
    ids = seed(store)
    doc = _doc(store)
    claim_rows = [ln for ln in doc.splitlines() if ln.startswith((f"| {ids['bridge']} |", f"| {ids['markup']} |", f"| {ids['evil']} |"))]
    assert len(claim_rows) == 3
    for ln in claim_rows:
        # 9 columns: 10 unescaped pipes
        unescaped = ln.replace("\\|", "")
        assert unescaped.count("|") == 10, ln


def test_content(store):
    ids = seed(store)
    doc = _doc(store)
    assert doc.startswith("# verify report\n")
    assert "### Crossing Lost on the Lower Dnipro" in doc
    assert "| one party to the conflict | 3 | 43% |" in doc
    assert "| nobody (unattributed) | 2 | 29% |" in doc
    assert "<script>" not in doc and "<b>" not in doc
    assert "\\[bold red\\]markup\\[/\\]" in doc
    bridge = next(ln for ln in doc.splitlines() if ln.startswith(f"| {ids['bridge']} |"))
    assert "Government of Ukraine (organisation)" in bridge and "Single source" in bridge and "C3" in bridge


def test_a_review_the_rules_contradict_is_shown(store):
    from verify.reviews import review_claim

    ids = seed(store)
    review_claim(store, ids["bridge"], "confirmed", note="checked", reviewer="ana")
    row = next(ln for ln in _doc(store).splitlines() if ln.startswith(f"| {ids['bridge']} |"))
    assert "Confirmed (reviewed by ana on " in row and "); the rules now say single-source" in row
