"""``verify claims list`` and ``verify claims show ID``: the stored claims, filtered or one in full."""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from .. import api
from ..describe import render_claim
from ..reports.common import (
    DENIED_MARK,
    claim_dict,
    claim_json,
    grade_note,
    needs_review_open,
    review_text,
)
from ..printable import printable
from ..reports.table import safe, short_sources, status_text
from ..store import open_store
from ..store.records import get_claim
from .common import DbOption, out, parse_article, parse_id  # noqa: F401  (imported from here)
from .filters import (
    ArticleOption,
    ChangedSinceOption,
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

# rows per rich table while streaming a long list, so 100,000 claims never sit in one table
CHUNK = 200


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


def _list_table(first: bool) -> Table:
    # ratio widths depend on the console's width only, so the chunks of a long list line up
    t = Table(box=box.SIMPLE_HEAD, show_header=first, expand=True, pad_edge=False)
    t.add_column("ID", justify="right", width=5, no_wrap=True)
    t.add_column("Art.", justify="right", width=4, no_wrap=True)
    t.add_column("Claim · flags", ratio=2, overflow="fold")
    t.add_column("Source(s)", ratio=1, overflow="fold")
    t.add_column("Status · grade", width=15, no_wrap=True)
    return t


def print_list(records, fmt: ListFormat) -> int:
    n = 0
    if fmt is ListFormat.json:
        w = sys.stdout.write
        w("[")
        for rec in records:
            w("\n  " if n == 0 else ",\n  ")
            w(claim_json(rec))
            n += 1
        w("\n]\n" if n else "]\n")
        return n
    table = _list_table(True)
    for rec in records:
        claim = safe(rec.text)
        if rec.polarity == "denied":
            claim.append("\n" + DENIED_MARK, style="bold")
        if rec.flags:
            claim.append(printable("\n⚑ " + ", ".join(rec.flags)), style="yellow")
        if needs_review_open(rec):
            claim.append(printable(f"\n{review_text(rec)}"), style="yellow")
        status = status_text(rec.status)
        if rec.review_status:
            status.append(" ✓", style="dim")
        status.append(printable(f"\n{grade_note(rec) or '-'}"))
        table.add_row(
            str(rec.id),
            str(rec.article_id),
            claim,
            safe(short_sources(rec), style="dim" if not rec.sources else ""),
            status,
        )
        n += 1
        if n % CHUNK == 0:
            out.print(table)
            table = _list_table(False)
    if table.row_count:
        out.print(table)
    out.print(Text(f"{n} claim{'s' if n != 1 else ''}", style="dim"))
    return n


def register(app: typer.Typer) -> None:
    claims = typer.Typer(help="Stored claims: list them with filters, show one in full, its history.", no_args_is_help=True)
    app.add_typer(claims, name="claims")
    from .history import register_claims

    register_claims(claims)

    @claims.command("list")
    def list_cmd(
        status: StatusOption = None,
        source: SourceOption = None,
        flag: FlagOption = None,
        article: ArticleOption = None,
        kind: KindOption = None,
        polarity: PolarityOption = None,
        outlet: OutletOption = None,
        since: SinceOption = None,
        until: UntilOption = None,
        changed_since: ChangedSinceOption = None,
        needs_review: NeedsReviewOption = False,
        limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N claims (default: all).")] = None,
        fmt: Annotated[ListFormat, typer.Option("--format", help="table or json.")] = ListFormat.table,
        db: DbOption = None,
    ) -> None:
        """List stored claims with their sources, status, grade and flags; every filter given must hold."""
        chosen = claim_filter(status=status, source=source, article=article, flag=flag, kind=kind, polarity=polarity,
                              outlet=outlet, since=since, until=until, changed_since=changed_since,
                              needs_review=needs_review)
        with open_store(db) as store:
            records = api.claims(store, claim_filter=chosen, limit=limit)
            # the first page is read before anything is printed, so a bad filter leaves no half output
            first = next(records, None)
            print_list(_chain(first, records), fmt)

    @claims.command("show")
    def show_cmd(
        claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's ID.", show_default=False)],
        fmt: Annotated[ShowFormat, typer.Option("--format", help="text or json.")] = ShowFormat.text,
        db: DbOption = None,
    ) -> None:
        """Everything about one claim: article, sources, cue, status, grade, flags, rules, links, history."""
        cid = parse_id(claim_id)
        with open_store(db) as store:
            rec = get_claim(store, cid)
        if fmt is ShowFormat.json:
            from ..evidence import evidence_of

            data = claim_dict(rec)
            # each file checked against its recorded SHA-256 now (the report's JSON leaves this out)
            data["evidence"] = [e.model_dump(mode="json") for e in evidence_of(rec)]
            sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        else:
            render_claim(rec, out)


def _chain(first, rest):
    if first is not None:
        yield first
        yield from rest
