"""The report as CSV: one row per claim, safe to open in a spreadsheet.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be run as a
formula by Excel, LibreOffice or Google Sheets; such cells get a leading apostrophe, which those
programs show as text.
"""

from __future__ import annotations

import csv
from typing import TextIO

from ..models import ClaimRecord
from .common import Report, rules_text, sources_text

COLUMNS = (
    "id",
    "article_id",
    "article",
    "claim",
    "sources",
    "attribution",
    "cue",
    "status",
    "reviewed",
    "grade",
    "flags",
    "rules",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> str:
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def row(rec: ClaimRecord) -> list[str]:
    article = rec.article_title or rec.article_path or ""
    return [
        str(rec.id),
        str(rec.article_id),
        cell(article),
        cell(rec.text),
        cell(sources_text(rec)),
        rec.attribution,
        cell(rec.cue.text if rec.cue else ""),
        rec.status,
        "yes" if rec.review_status else "no",
        rec.grade or "",
        cell("; ".join(rec.flags)),
        cell(rules_text(rec)),
    ]


def write(report: Report, out: TextIO) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for rec in report.claims():
        w.writerow(row(rec))
