"""The CSV report: one row per claim, and no cell a spreadsheet would run as a formula."""

from __future__ import annotations

import csv
import io

from verify.reports import write_report
from verify.reports.csv import COLUMNS, cell

from _claims import seed


def _rows(store, **kw):
    buf = io.StringIO()
    write_report(store, "csv", buf, **kw)
    return list(csv.DictReader(io.StringIO(buf.getvalue())))


def test_one_row_per_claim_with_its_parts(store):
    ids = seed(store)
    rows = _rows(store)
    assert len(rows) == 7
    assert list(rows[0]) == list(COLUMNS)
    bridge = next(r for r in rows if r["id"] == str(ids["bridge"]))
    assert bridge["claim"] == "a pontoon bridge near the island had been destroyed on Sunday"
    assert bridge["sources"] == "Government of Ukraine (organisation)"
    assert bridge["cue"] == "said" and bridge["status"] == "single-source" and bridge["grade"] == "C3"
    assert "features/rulebook/parties.feature:12 A party to the conflict speaking alone" in bridge["rules"]


def test_formula_cells_are_neutralised(store):
    ids = seed(store)
    evil = next(r for r in _rows(store) if r["id"] == str(ids["evil"]))
    assert evil["claim"] == "'=HYPERLINK(\"http://evil.example\") was true"
    for r in _rows(store):
        for v in r.values():
            assert not v.startswith(("=", "+", "-", "@")), v


def test_cell_guard():
    assert cell("=1+1") == "'=1+1"
    assert cell("+44 20") == "'+44 20"
    assert cell("-3") == "'-3"
    assert cell("@SUM(A1)") == "'@SUM(A1)"
    assert cell("\t=1") == "'\t=1"
    assert cell("plain = text") == "plain = text"
    assert cell(None) == ""


def test_control_characters_never_reach_the_terminal(store, cli):
    ids = seed(store)
    # a rule name stored with an escape sequence that would clear the screen
    out = cli("report", "--format", "csv").stdout
    assert not any(c in out for c in ("\x1b", "\x07", "\x9b", "\r"))
    evil = next(r for r in csv.DictReader(io.StringIO(out)) if r["id"] == str(ids["evil"]))
    assert 'Evil "<rule>"\ufffd[2J' in evil["rules"]


def test_cells_replace_escape_sequences_but_keep_tabs_and_newlines():
    link = "\x1b]8;;http://evil.example\x07click\x1b]8;;\x07 \x1b[31mred\x1b[0m \x9b2J"
    got = cell(link)
    assert not any(c in got for c in ("\x1b", "\x07", "\x9b"))
    assert got == "\ufffd]8;;http://evil.example\ufffdclick\ufffd]8;;\ufffd \ufffd[31mred\ufffd[0m \ufffd2J"
    assert cell("line one\nline two\tcol") == "line one\nline two\tcol"
    assert cell("\r=1+1") == "\ufffd=1+1"  # a carriage return cannot hide the formula behind it either
