"""The report as CSV: one row per claim, safe to open in a spreadsheet and to print to a terminal.

A cell that starts with ``=``, ``+``, ``-``, ``@`` (or a tab or carriage return) would be run as a
formula by Excel, LibreOffice or Google Sheets; such cells get a leading apostrophe, which those
programs show as text. Control characters other than tab and newline (terminal escape sequences,
OSC-8 hyperlinks, a carriage return that overwrites a line) are replaced by U+FFFD in every cell, as
in the other text formats: the CSV goes to the terminal unless ``--output`` is given. A newline
inside a cell stays; the cell is quoted.

``polarity`` is ``asserted``, or ``denied`` where the source denies the claim (``claim`` is then what
it denies). ``grade`` is the grade as shown (a person's status sets the information credibility, see
``verify.reports.reviewed``); ``rule_grade`` is the one the rules gave. ``needs_review`` is the rules'
review reason as it stands: open, or answered by a person. ``rules`` gives each rule that fired once,
one a line, with its outcomes ("file:line Name: status single-source; credibility 3"). ``matched``
lists the claims of other articles that state the same thing, each with its article, the match's
score, ``denied by its source`` where that claim is denied, and this claim's drift. ``reviewer``, ``reviewed_at`` (UTC) and ``review_note`` are those of the
latest status a person gave the claim; ``evidence`` is every piece of evidence attached to it.
"""

from __future__ import annotations

import csv
import re
from typing import TextIO

from ..models import ClaimRecord
from ..store.matches import match_pairs
from ..printable import CONTROL_CHARS, printable
from .common import DENIED_MARK, Report, review_parts, review_text, rules_text, shown_grade, sources_text

COLUMNS = (
    "id",
    "article_id",
    "article",
    "claim",
    "sources",
    "attribution",
    "polarity",
    "cue",
    "status",
    "reviewed",
    "grade",
    "flags",
    "rules",
    "rule_grade",
    "needs_review",
    "matched",
    "reviewer",
    "reviewed_at",
    "review_note",
    "evidence",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(_FORMULA_START)
_CONTROL = re.compile(f"[{CONTROL_CHARS}]")


def cell(value: object) -> str:
    s = "" if value is None else printable(value)
    return "'" + s if s.startswith(_FORMULA_START) else s


def row(rec: ClaimRecord, matched: dict[int, list[str]] | None = None) -> list[str]:
    texts = [
        rec.article_title or rec.article_path or "",
        rec.text,
        sources_text(rec),
        rec.attribution,
        rec.cue.text if rec.cue else "",
        rec.status,
        shown_grade(rec) or "",
        "; ".join(rec.flags),
        rules_text(rec),
        rec.grade or "",
        review_text(rec) or "",
        "; ".join((matched or {}).get(rec.id, ())),
        *review_parts(rec),
    ]
    # the usual row holds no control character: checked once for the row, not cell by cell
    if _CONTROL.search("".join(texts)):
        texts = [printable(t) for t in texts]
    (article, text, sources, attribution, cue, status, grade, flags, rules, rule_grade, review, matches,
     reviewer, reviewed_at, note, evidence) = [("'" + t if t[:1] in _FORMULA_CHARS else t) for t in texts]
    return [str(rec.id), str(rec.article_id), article, text, sources, attribution, rec.polarity, cue, status,
            "yes" if rec.review_status else "no", grade, flags, rules, rule_grade, review, matches,
            reviewer, reviewed_at, note, evidence]


def write(report: Report, out: TextIO) -> None:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    # each claim's matches in other articles: "6 (article 2, 0.98, attribution-mismatch)", and
    # "6 (article 2, 0.98, denied by its source)" where that claim is denied
    matched: dict[int, list[str]] = {}
    for p in match_pairs(report.db):
        for me, other, art, drift, polarity in ((p.a, p.b, p.article_b, p.drift_a, p.polarity_b),
                                                (p.b, p.a, p.article_a, p.drift_b, p.polarity_a)):
            notes = ([DENIED_MARK] if polarity == "denied" else []) + list(drift)
            matched.setdefault(me, []).append(
                f"{other} (article {art}, {p.score:.2f}" + (f", {', '.join(notes)})" if notes else ")"))
    w.writerows(row(rec, matched) for rec in report.claims())
