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

from ..errors import VerifyError
from ..filters import ClaimFilter, means_last
from . import claimreview, csv, html, json, markdown, table
from .common import Report
from .files import checked_target, last_written, record_written, replaced, stamp_path

FORMATS = ("table", "markdown", "html", "json", "csv", "claimreview")
_WRITERS = {
    "markdown": markdown.write,
    "html": html.write,
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
    **filters: Any,
) -> None:
    """Write the report in ``fmt`` to ``out`` (the table format may print to a rich ``console``).

    The claims are those ``claim_filter`` selects, or the ``filters`` given by name (``status``,
    ``flag``, ``since``, ...: :class:`verify.filters.ClaimFilter`). ``include_unreviewed`` is for
    ``claimreview`` only: also publish claims only the rules rated.
    """
    if fmt not in FORMATS:
        raise VerifyError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if include_unreviewed and fmt != "claimreview":
        raise VerifyError("--include-unreviewed applies to --format claimreview only")
    chosen = claim_filter if claim_filter is not None else ClaimFilter.of(**filters)
    # an unknown source, article, outlet or flag fails before a byte is written
    chosen.check(db)
    report = Report(db, chosen)
    if fmt == "table":
        table.write(report, out, console=console)
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


def write_report_file(
    db: Any,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    include_unreviewed: bool = False,
    changed_since: Any = None,
    **filters: Any,
) -> WrittenReport:
    """Write the report to the file ``path``, whole or not at all, and remember when (beside it, see
    ``verify.reports.files``). ``changed_since="last"`` takes the claims changed since the last report
    written to that file (every claim, the first time); from then on every report to that file is
    remembered. A file never written with it gets no record beside it."""
    target = checked_target(path)
    since_last = None
    track = stamp_path(target).exists()
    if means_last(changed_since):
        since_last = changed_since = last_written(target)
        track = True
    chosen = ClaimFilter.of(changed_since=changed_since, **filters)
    # taken before a claim is read: a change made while the report is written is in the next one
    read_at = datetime.now(timezone.utc)
    with replaced(target) as f:
        write_report(db, fmt, f, include_unreviewed=include_unreviewed, claim_filter=chosen)
    if track:
        record_written(target, read_at, fmt, chosen.given())
    return WrittenReport(target, read_at, since_last)
