"""Reports over the stored claims, one module per format, all fed by one summary pass.

``write_report(db, "html", out)`` writes a report to a text stream; the CLI's ``verify report`` is a
thin layer over it.
"""

from __future__ import annotations

from typing import Any, TextIO

from rich.console import Console

from ..errors import VerifyError
from ..store.records import check_article, check_status, find_source_ids
from . import claimreview, csv, html, json, markdown, table
from .common import Report

FORMATS = ("table", "markdown", "html", "json", "csv", "claimreview")
_WRITERS = {
    "markdown": markdown.write,
    "html": html.write,
    "json": json.write,
    "csv": csv.write,
    "claimreview": claimreview.write,
}

__all__ = ["FORMATS", "Report", "write_report"]


def write_report(
    db: Any,
    fmt: str,
    out: TextIO | None = None,
    *,
    status: str | None = None,
    source: str | None = None,
    article: int | None = None,
    console: Console | None = None,
    include_unreviewed: bool = False,
) -> None:
    """Write the report in ``fmt`` to ``out`` (the table format may print to a rich ``console``).

    ``include_unreviewed`` is for ``claimreview`` only: also publish claims only the rules rated.
    """
    if fmt not in FORMATS:
        raise VerifyError(f"unknown report format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if include_unreviewed and fmt != "claimreview":
        raise VerifyError("--include-unreviewed applies to --format claimreview only")
    if status is not None:
        check_status(status)
    # an unknown source or article fails before a byte is written
    if source is not None:
        find_source_ids(db, source)
    if article is not None:
        check_article(db, article)
    report = Report(db, status=status, source=source, article=article)
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
