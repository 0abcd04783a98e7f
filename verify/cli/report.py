"""``verify report``: the stored claims summarised and listed, in six formats."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..errors import VerifyError
from ..filters import means_last
from ..reports import write_report, write_report_file
from ..reports.table import LIMIT as table_limit
from ..store import open_store
from .common import DbOption, err, out
from .filters import (
    ArticleOption,
    ChangedSinceLastOption,
    FlagOption,
    KindOption,
    NeedsReviewOption,
    OutletOption,
    PolarityOption,
    SinceOption,
    SourceOption,
    StatusOption,
    UntilOption,
    claim_filter,
)


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
        status: StatusOption = None,
        source: SourceOption = None,
        article: ArticleOption = None,
        flag: FlagOption = None,
        kind: KindOption = None,
        polarity: PolarityOption = None,
        outlet: OutletOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        changed_since: ChangedSinceLastOption = None,
        needs_review: NeedsReviewOption = False,
        include_unreviewed: Annotated[
            bool,
            typer.Option(
                "--include-unreviewed",
                help="claimreview only: also publish claims that only the rules rated (default: only claims a person reviewed).",
            ),
        ] = False,
        limit: Annotated[int | None, typer.Option("--limit", min=0, help=f"table only: list at most N claims (default {table_limit}; the summary counts them all).", show_default=False)] = None,
        all_claims: Annotated[bool, typer.Option("--all", help="table only: list every claim.")] = False,
        db: DbOption = None,
    ) -> None:
        """A summary of the stored claims (by status, source, attribution; what they rest on), then
        each article with its claims and each source with its record; every filter given must hold."""
        last = means_last(changed_since)
        chosen = claim_filter(status=status, source=source, article=article, flag=flag, kind=kind, polarity=polarity,
                              outlet=outlet, since=since, until=until,
                              changed_since=None if last and output else changed_since, needs_review=needs_review)
        if (limit is not None or all_claims) and fmt is not ReportFormat.table:
            raise VerifyError("--limit and --all apply to --format table only (the other formats hold every claim)")
        if limit is not None and all_claims:
            raise VerifyError("give --limit N or --all, not both")
        listed = None if all_claims else (table_limit if limit is None else limit)
        with open_store(db) as store:
            if output is None:
                if fmt is ReportFormat.table:
                    write_report(store, "table", console=out, include_unreviewed=include_unreviewed, claim_filter=chosen,
                                 limit=listed)
                else:
                    write_report(store, fmt.value, sys.stdout, include_unreviewed=include_unreviewed, claim_filter=chosen)
                _say_unchecked(store)  # after the report: a refused report stays one line
                return
            given = chosen.model_dump(exclude={"changed_since"})
            done = write_report_file(store, fmt.value, output, include_unreviewed=include_unreviewed,
                                     changed_since="last" if last else chosen.changed_since, limit=listed, **given)
            _say_unchecked(store)
        if last:
            err.print(Text(f"claims changed since {done.since_last.isoformat(timespec='seconds')}, when the last report"
                           f" to {done.path} began" if done.since_last else
                           f"no earlier report written to {done.path}: every claim is in this one"))
        err.print(Text(f"wrote {done.path}" + (f" and a page per article in {done.pages}" if done.pages else "")))


def _say_unchecked(store) -> None:
    """A store an interrupted ingest left half-checked reads as "all unverified": say so, on stderr
    (the report itself stays what was asked for)."""
    from ..store.health import FINISH, unchecked_claims

    n = unchecked_claims(store)
    if n:
        err.print(Text(f"verify: note: {n} stored claim(s) are not checked yet, so they show as unverified;"
                       f" run `{FINISH}` to finish"))
