"""The report as Markdown (CommonMark with GitHub tables), every stored string escaped.

Each claim is a table row: its rules each once, one a line, with their outcomes, and the latest
review a person gave it (who, when, the note) with the evidence attached to the claim.
"""

from __future__ import annotations

import re
from typing import Any, TextIO

from ..models import STATUSES, ClaimRecord
from ..store.views import ClaimView
from ..printable import CONTROL_CHARS, printable
from .common import (
    Memo,
    ACROSS_NOTE,
    DENIED_MARK,
    STATUS_LABELS,
    Report,
    copy_spool,
    grade_note,
    pair_marks,
    pair_texts,
    plural,
    review_text,
    review_parts,
    reviewed_by,
    rule_lines_of,
    sources_text,
    spool,
)

# CommonMark lets any ASCII punctuation be backslash-escaped; these start emphasis, code, links,
# HTML, headings' closing marks and table cells wherever they stand (stored text only ever lands
# mid-line: in a cell or after "### ")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]#|~<>])")
_SPACES = re.compile(r"\s+")


# anything md() would change, with a space at either end (most cells hold none of it and are
# returned as they are): a run of whitespace is two spaces or holds another whitespace character
_MD_CHANGES = re.compile(r"[\\`*_\[\]#|~<>&" + CONTROL_CHARS + r"]|[^\S ]|  ")


def md(value: object) -> str:
    """A stored string made inert inside Markdown: one line, markup and HTML escaped, ``|`` too."""
    s = value if isinstance(value, str) else str(value)
    if not _MD_CHANGES.search(s) and s[:1] != " " and s[-1:] != " ":
        return s
    s = _SPACES.sub(" ", printable(s)).strip()
    s = s.replace("&", "&amp;")  # no entity or character reference survives
    return _MD_SPECIAL.sub(r"\\\1", s)


def _pct(n: int, total: int) -> str:
    return f"{(100 * n / total):.0f}%" if total else "-"


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |\n"


def write(report: Report, out: TextIO) -> None:
    with spool() as body:
        _write_articles(report, body)
        _write_summary(report, out)
        _write_across(report, out)
        out.write("\n## Articles\n")
        copy_spool(body, out)
    _write_sources(report, out)


def _write_summary(report: Report, out: TextIO) -> None:
    s = report.summary
    out.write("# verify report\n\n")
    out.write(f"{plural(s.claims, 'claim')} in {plural(len(s.articles), 'article')}, generated {report.generated_at.isoformat()}.\n")
    filters = ", ".join(f"{k}={md(v)}" for k, v in report.filters().items() if v is not None)
    if filters:
        out.write(f"Filters: {filters}.\n")
    out.write("\n## Summary\n\n")
    out.write(_row(["Status", "Claims", "Share"]))
    out.write(_row(["---", "---:", "---:"]))
    for st in STATUSES:
        n = s.by_status.get(st, 0)
        out.write(_row([STATUS_LABELS[st], str(n), _pct(n, s.claims)]))
    out.write("\n")
    out.write(_row(["Claims rest on", "Claims", "Share"]))
    out.write(_row(["---", "---:", "---:"]))
    for label, n in s.rests_on_rows():
        out.write(_row([label, str(n), _pct(n, s.claims)]))
    out.write("\n")
    out.write(_row(["Attribution", "Claims", "Share"]))
    out.write(_row(["---", "---:", "---:"]))
    for kind, n in s.by_attribution.items():
        out.write(_row([md(kind), str(n), _pct(n, s.claims)]))


def _write_across(report: Report, out: TextIO) -> None:
    pairs = report.across()
    out.write("\n## Across articles\n\n")
    if not pairs:
        out.write("No claim is matched to a claim of another article.\n")
        return
    out.write(ACROSS_NOTE + "\n\n")
    out.write(_row(["Claim A", "Claim B", "Match", "Drift"]))
    out.write(_row(["---", "---", "---", "---"]))
    for p in pairs:
        a, b, how, drift = pair_texts(p)
        mark_a, mark_b = pair_marks(p)
        out.write(_row([md(a) + (f", **{md(mark_a)}**" if mark_a else ""), md(b) + (f", **{md(mark_b)}**" if mark_b else ""),
                        md(how), md(drift)]))


def _write_articles(report: Report, out: TextIO) -> None:
    current: int | None = None
    # written an article at a time: a spool's write is a Python call
    lines: list[str] = []
    for rec in report.walk():
        if rec.article_id != current:
            out.write("".join(lines))
            lines = []
            current = rec.article_id
            art = report.summary.articles[rec.article_id]
            lines.append(f"\n### {md(art.label)}\n\n")
            meta = [md(x) for x in (art.outlet, art.published, art.url, art.path) if x]
            if meta:
                lines.append(" · ".join(meta) + "\n\n")
            lines.append(_row(["ID", "Claim", "Source(s)", "Attribution", "Status", "Grade", "Flags", "Rules",
                               "Latest review"]))
            lines.append(_row(["---:", "---", "---", "---", "---", "---", "---", "---", "---"]))
        lines.append(_claim_row(rec))
    out.write("".join(lines))
    if current is None:
        out.write("\nNo claims match.\n")


def _write_sources(report: Report, out: TextIO) -> None:
    s = report.summary
    out.write("\n## Sources\n\n")
    out.write(_row(["Source", "Kind", "Affiliation", "Claims", "Relayed"] + [STATUS_LABELS[x] for x in STATUSES]))
    out.write(_row(["---", "---", "---", "---:", "---:"] + ["---:"] * len(STATUSES)))
    for src in s.sources_by_claims():
        out.write(
            _row(
                [md(src.canonical), md(src.kind), md(src.affiliation or ""), str(src.claims), str(src.relayed)]
                + [str(src.by_status.get(x, 0)) for x in STATUSES]
            )
        )
    out.write(
        "\nGrades follow the Admiralty code: source reliability A (completely reliable) to F (cannot be "
        "judged), information credibility 1 (confirmed) to 6 (cannot be judged). Where a person reviewed a "
        "claim, the credibility follows the review and the rules' grade is shown beside it.\n"
    )


def _claim_row(rec: ClaimRecord) -> str:
    # each cell escaped on its own; those that recur claim after claim are escaped once
    if rec.history:
        status, grade = _verdict(rec)
        latest = md(_latest_review(rec))
    else:
        # without a history, the status and grade follow from these six alone, and there is no review
        status, grade = _VERDICTS[(rec.status, rec.review_status, rec.rule_status, rec.reliability,
                                   rec.credibility, rec.needs_review)]
        latest = ""
    flags, rules = rec.flags, rec.rules
    # each rule once, on a line of its own within the cell; <br>, and the ** of a denial marked beside
    # the attribution, are the only markup not escaped
    attribution = _MD[rec.attribution] if rec.polarity != "denied" else _DENIED[rec.attribution]
    return _row([str(rec.id), md(rec.text), _MD[sources_text(rec)], attribution, status, grade,
                 _FLAGS[flags] if type(flags) is tuple else md(", ".join(flags)),
                 _RULES[rules] if type(rules) is tuple else _rules_cell(rules), latest])


def _verdict(rec: ClaimRecord) -> tuple[str, str]:
    """The claim's status cell (with its review, any disagreement and review reason) and grade cell."""
    status = STATUS_LABELS.get(rec.status, rec.status)
    if rec.review_status:
        status += f" ({reviewed_by(rec)})"
    if rec.disagreement:
        status += f"; the rules now say {rec.rule_status}"
    review = review_text(rec)
    if review:
        status += f"; {review}"
    return md(status), md(grade_note(rec))


def _no_history(key: tuple[Any, ...]) -> tuple[str, str]:
    status, review_status, rule_status, reliability, credibility, needs_review = key
    return _verdict(ClaimView(*([None] * len(ClaimView._fields)))._replace(
        status=status, review_status=review_status, rule_status=rule_status, reliability=reliability,
        credibility=credibility, needs_review=needs_review, history=()))


def _rules_cell(rules: Any) -> str:
    return "<br>".join(md(line) for line in rule_lines_of(rules))


_MD = Memo(md)
_DENIED = Memo(lambda attribution: f"{md(attribution)}, **{md(DENIED_MARK)}**")
_FLAGS = Memo(lambda flags: md(", ".join(flags)))
_RULES = Memo(_rules_cell)
_VERDICTS = Memo(_no_history)


def _latest_review(rec: ClaimRecord) -> str:
    """ "ana, 2026-12-06T10:00:00Z: the note; evidence: https://..." or "" for a claim no person reviewed."""
    reviewer, at, note, evidence = review_parts(rec)
    text = f"{reviewer}, {at}" + (f": {note}" if note else "") if reviewer else ""
    if evidence:
        text += ("; " if text else "") + f"evidence: {evidence}"
    return text
