"""``verify report``: the stored claims summarised and listed, in six formats."""

from __future__ import annotations

import os
import sys
import tempfile
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..errors import VerifyError
from ..reports import write_report
from ..store import open_store
from .claims import parse_article
from .common import DbOption, err, out


class ReportFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"
    json = "json"
    csv = "csv"
    claimreview = "claimreview"


def register(app: typer.Typer) -> None:
    @app.command("report")
    def report_cmd(
        fmt: Annotated[ReportFormat, typer.Option("--format", help="table (terminal), markdown, html, json, csv or claimreview (JSON-LD).")] = ReportFormat.table,
        output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of the terminal.", show_default=False)] = None,
        status: Annotated[str | None, typer.Option("--status", help="Only claims with this status.")] = None,
        source: Annotated[str | None, typer.Option("--source", help="Only claims a source (name or alias) made or relayed.")] = None,
        article: Annotated[str | None, typer.Option("--article", help="Only claims of this article ID.")] = None,
        include_unreviewed: Annotated[
            bool,
            typer.Option(
                "--include-unreviewed",
                help="claimreview only: also publish claims that only the rules rated (default: only claims a person reviewed).",
            ),
        ] = False,
        db: DbOption = None,
    ) -> None:
        """A summary of the stored claims (by status, source, attribution; what they rest on), then
        each article with its claims and each source with its record."""
        kw = {"status": status, "source": source, "article": parse_article(article)}
        if include_unreviewed:
            kw["include_unreviewed"] = True
        with open_store(db) as store:
            if output is None:
                if fmt is ReportFormat.table:
                    write_report(store, "table", console=out, **kw)
                else:
                    write_report(store, fmt.value, sys.stdout, **kw)
                _say_unchecked(store)  # after the report: a refused report stays one line
                return
            target = output.expanduser()
            if target.is_dir():
                raise VerifyError(f"cannot write the report to {target}: it is a directory")
            parent = target.parent if str(target.parent) else Path(".")
            if not parent.is_dir():
                raise VerifyError(f"cannot write the report to {target}: no directory {parent}")
            # written beside the target and moved over it at the end: never a half-written report
            try:
                fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
            except OSError as e:
                raise VerifyError(f"cannot write the report to {target}: {e.strerror or e}") from None
            try:
                umask = os.umask(0)
                os.umask(umask)
                os.chmod(tmp, 0o666 & ~umask)  # mkstemp's file is private; a report is not
                with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                    write_report(store, fmt.value, f, **kw)
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            _say_unchecked(store)
        err.print(Text(f"wrote {target}"))


def _say_unchecked(store) -> None:
    """A store an interrupted ingest left half-checked reads as "all unverified": say so, on stderr
    (the report itself stays what was asked for)."""
    from ..store.health import FINISH, unchecked_claims

    n = unchecked_claims(store)
    if n:
        err.print(Text(f"verify: note: {n} stored claim(s) are not checked yet, so they show as unverified;"
                       f" run `{FINISH}` to finish"))
