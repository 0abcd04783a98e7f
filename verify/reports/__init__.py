"""Reports over the stored claims, one module per format, all fed by one summary pass.

``write_report(db, "html", out)`` writes a report to a text stream; the CLI's ``verify report`` is a
thin layer over it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from rich.console import Console

from ..cycles import no_cycle_collection
from ..errors import VerifyError
from ..filters import ClaimFilter, means_last
from . import claimreview, csv, html, json, markdown, table
from .common import Report
from .files import checked_target, last_written, pages_beside, pages_dir, record_written, replaced, stamp_path

FORMATS = ("table", "markdown", "html", "json", "csv", "claimreview")
_WRITERS = {
    "markdown": markdown.write,
    "json": json.write,
    "csv": csv.write,
    "claimreview": claimreview.write,
}

__all__ = ["FORMATS", "Report", "WrittenReport", "write_report", "write_report_file"]


def write_report(
    db: Any,
    fmt: str,
    out: TextIO | None = None,
    *,
    console: Console | None = None,
    include_unreviewed: bool = False,
    claim_filter: ClaimFilter | None = None,
    limit: int | None = table.LIMIT,
    pages: html.Pages | None = None,
    **filters: Any,
) -> None:
    """Write the report in ``fmt`` to ``out`` (the table format may print to a rich ``console``).

    The claims are those ``claim_filter`` selects, or the ``filters`` given by name (``status``,
    ``flag``, ``since``, ...: :class:`verify.filters.ClaimFilter`). ``include_unreviewed`` is for
    ``claimreview`` only: also publish claims only the rules rated. ``limit`` is for ``table`` only:
    list at most that many claims (None: all), the summary still counting every one. ``pages`` is for
    ``html`` only: where a report too large for one page puts a page per article
    (``verify.reports.html``; ``write_report_file`` gives it one beside the file).
    """
    if fmt not in FORMATS:
        raise VerifyError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if include_unreviewed and fmt != "claimreview":
        raise VerifyError("--include-unreviewed applies to --format claimreview only")
    if limit is not None and limit < 0:
        raise VerifyError(f"--limit must be 0 or more, not {limit}")
    chosen = claim_filter if claim_filter is not None else ClaimFilter.of(**filters)
    # an unknown source, article, outlet or flag fails before a byte is written
    chosen.check(db)
    report = Report(db, chosen)
    with no_cycle_collection():
        _write(report, fmt, out, console, include_unreviewed, limit, pages)


def _write(report: Report, fmt: str, out: TextIO | None, console: Console | None, include_unreviewed: bool,
           limit: int | None, pages: html.Pages | None) -> None:
    if fmt == "table":
        table.write(report, out, console=console, limit=limit)
    elif fmt == "html":
        if out is None:
            raise ValueError("out is required for this format")
        html.write(report, out, pages=pages)
    elif fmt == "claimreview":
        if out is None:
            raise ValueError("out is required for this format")
        claimreview.write(report, out, include_unreviewed=include_unreviewed)
    else:
        if out is None:
            raise ValueError("out is required for this format")
        _WRITERS[fmt](report, out)


@dataclass(frozen=True)
class WrittenReport:
    """A report written to a file: where, the moment it began reading the store, and, for
    ``changed_since="last"``, the earlier report's moment it took changes since (None: there was no
    earlier report to that file, so it took every claim)."""

    path: Path
    read_at: datetime
    since_last: datetime | None = None
    pages: Path | None = None  # a large HTML report's directory of article pages


def write_report_file(
    db: Any,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    include_unreviewed: bool = False,
    changed_since: Any = None,
    limit: int | None = table.LIMIT,
    **filters: Any,
) -> WrittenReport:
    """Write the report to the file ``path``, whole or not at all, and remember when (beside it, see
    ``verify.reports.files``). ``changed_since="last"`` takes the claims changed since the last report
    written to that file (every claim, the first time); from then on every report to that file is
    remembered. A file never written with it gets no record beside it. An HTML report too large for
    one page gets its article pages in ``NAME-files/`` beside ``NAME.html``, replaced as a whole
    (``pages_beside``); ``limit`` is that of ``write_report``."""
    target = checked_target(path)
    since_last = None
    track = stamp_path(target).exists()
    if means_last(changed_since):
        since_last = changed_since = last_written(target)
        track = True
    chosen = ClaimFilter.of(changed_since=changed_since, **filters)
    # taken before a claim is read: a change made while the report is written is in the next one
    read_at = datetime.now(timezone.utc)
    with pages_beside(target, fmt == "html") as pages, replaced(target) as f:
        write_report(db, fmt, f, include_unreviewed=include_unreviewed, claim_filter=chosen, limit=limit,
                     pages=pages)
    if track:
        record_written(target, read_at, fmt, chosen.given())
    placed = pages_dir(target)
    return WrittenReport(target, read_at, since_last, placed if fmt == "html" and placed.is_dir() else None)
