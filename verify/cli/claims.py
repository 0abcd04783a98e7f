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

from ..errors import VerifyError
from ..models import ClaimRecord
from ..report.common import (
    STATUS_LABELS,
    claim_dict,
    claim_json,
    grade_note,
    needs_review_open,
    printable,
    printable_data,
    review_text,
    reviewed_by,
    shown_grade,
)
from ..report.table import safe, short_sources, status_text
from ..store import open_store
from ..store.records import get_claim, list_claims
from .common import DbOption, out

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
# rows per rich table while streaming a long list, so 100,000 claims never sit in one table
CHUNK = 200


class ListFormat(str, Enum):
    table = "table"
    json = "json"


class ShowFormat(str, Enum):
    text = "text"
    json = "json"


def parse_id(value: str, what: str = "claim") -> int:
    """A claim (or article) ID from the command line; a clear line for anything else."""
    try:
        n = int(value.strip())
    except ValueError:
        n = 0
    if n <= 0:
        raise VerifyError(f"not {'an' if what[0] in 'aeiou' else 'a'} {what} ID: {value!r} ({what} IDs are whole numbers; see `verify claims list`)")
    return n


def parse_article(value: str | None) -> int | None:
    return None if value is None else parse_id(value, "article")


def grade_text(rec: ClaimRecord) -> str:
    grade = shown_grade(rec)
    if not grade:
        return "not graded yet (run `verify check`)"
    r, c = grade[0], grade[1:]
    text = f"{grade}: source {RELIABILITY.get(r, r)}, information {CREDIBILITY.get(c, c)}"
    # the person's status decides the information's credibility (verify.report.reviewed)
    if rec.grade and rec.grade != grade:
        text += f" (from the review as {rec.review_status}; the rules gave {rec.grade})"
    elif not rec.grade:
        text += f" (from the review as {rec.review_status}; the rules have not graded it)"
    return text


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


def show_text(rec: ClaimRecord) -> None:
    # every stored string made safe for a terminal once, here, before any of it is printed
    rec = ClaimRecord.model_validate(printable_data(rec.model_dump()))
    p = out.print
    head = Text(f"Claim {rec.id}  ", style="bold")
    head.append_text(status_text(rec.status))
    if shown_grade(rec):
        head.append(f"  {shown_grade(rec)}")
    p(head)
    p(Text(f"  “{rec.text}”"))
    art = Text(f"Article {rec.article_id}: ")
    art.append(rec.article_title or rec.article_path or "(untitled)")
    if rec.outlet:
        art.append(f" ({rec.outlet})")
    for extra in (rec.article_url, rec.article_path if rec.article_title else None):
        if extra:
            art.append(f"  {extra}", style="dim")
    art.append(f"  characters {rec.span[0]}-{rec.span[1]}", style="dim")
    p(art)
    attr = Text(f"Attribution: {rec.attribution}")
    if rec.cue:
        attr.append(f", cue “{rec.cue.text}”")
    p(attr)

    def source_lines(title: str, views) -> None:
        p(Text(title))
        for v in views:
            line = Text(f"  {v.canonical} ({v.kind})")
            if v.affiliation:
                line.append(f", affiliation {v.affiliation}")
            if v.mention and v.mention != v.canonical:
                line.append(f", named as “{v.mention}”", style="dim")
            if v.tags:
                line.append(f"  [{', '.join(v.tags)}]", style="dim")
            if v.reliability:
                line.append(f"  reliability {v.reliability}")
            p(line)

    if rec.sources:
        source_lines("Sources:", rec.sources)
    else:
        p(Text("Sources: none; " + ("the outlet's own assertion" if rec.attribution == "unattributed" else "no source found")))
    if rec.relayed_by:
        source_lines("Relayed by:", rec.relayed_by)
    if rec.numbers:
        p(Text("Numbers: " + "; ".join(_number(n) for n in rec.numbers)))
    status = Text("Status: ")
    status.append_text(status_text(rec.status))
    set_by = f"reviewed as {rec.review_status}" if rec.review_status else "not reviewed"
    status.append(f" (by the rules: {rec.rule_status or 'none yet'}; {set_by})", style="dim")
    if rec.review_status:
        status.append(f"  {reviewed_by(rec)}", style="dim")
    p(status)
    if rec.disagreement:
        p(Text(f"Disagreement: {rec.disagreement}", style="yellow"))
    p(Text(f"Grade: {grade_text(rec)}"))
    p(Text(f"Flags: {', '.join(rec.flags) if rec.flags else '-'}"))
    if rec.needs_review:
        text = review_text(rec) or ""
        line = text[0].upper() + text[1:]
        p(Text(line, style="yellow" if needs_review_open(rec) else "dim"))
    p(Text("Rules that fired:" if rec.rules else "Rules that fired: none (run `verify check`)"))
    previous = None
    for h in rec.rules:
        # one heading per rule, its outcomes beneath it
        if h.rule != previous:
            p(Text(f"  {h.rule}"))
            previous = h.rule
        did = Text(f"      {h.outcome} {h.value}", style="" if h.applied else "dim")
        if not h.applied:
            did.append(" (not applied)")
        if h.reason:
            did.append(f" — {h.reason}", style="dim")
        p(did)
    if rec.links:
        p(Text("Links:"))
        for ln in rec.links:
            line = Text(f"  {ln.relation} claim {ln.other}  ({ln.reviewer}, {ln.at:%Y-%m-%d %H:%M} UTC)")
            if ln.note:
                line.append(f" — {ln.note}", style="dim")
            p(line)
    p(Text("Review history:" if rec.history else "Review history: none"))
    for e in rec.history:
        line = Text(f"  {e.at:%Y-%m-%d %H:%M} UTC  {e.reviewer}  ")
        if e.action == "status":
            line.append(f"{e.from_status or '-'} → {e.to_status}")
        else:
            line.append(e.action)
        p(line)
        if e.note:
            p(Text(f"      note: {e.note}"))
        if e.evidence_url:
            p(Text(f"      evidence: {e.evidence_url}"))


def _number(n) -> str:
    if n.value is not None and n.unit:
        return f"{n.text} (= {n.value:g} {n.unit})"
    if n.value is not None:
        return f"{n.text} (= {n.value:g})"
    return n.text


def register(app: typer.Typer) -> None:
    claims = typer.Typer(help="Stored claims: list them with filters, show one in full.", no_args_is_help=True)
    app.add_typer(claims, name="claims")

    @claims.command("list")
    def list_cmd(
        status: Annotated[str | None, typer.Option("--status", help="Only claims with this status.")] = None,
        source: Annotated[str | None, typer.Option("--source", help="Only claims a source (name or alias) made or relayed.")] = None,
        flag: Annotated[str | None, typer.Option("--flag", help="Only claims carrying this flag.")] = None,
        article: Annotated[str | None, typer.Option("--article", help="Only claims of this article ID.")] = None,
        attribution: Annotated[str | None, typer.Option("--attribution", help="Only direct, indirect, inherited or unattributed claims.")] = None,
        limit: Annotated[int | None, typer.Option("--limit", min=0, help="At most N claims (default: all).")] = None,
        fmt: Annotated[ListFormat, typer.Option("--format", help="table or json.")] = ListFormat.table,
        db: DbOption = None,
    ) -> None:
        """List stored claims with their sources, status, grade and flags."""
        with open_store(db) as store:
            records = list_claims(
                store, status=status, source=source, flag=flag, article=parse_article(article), attribution=attribution, limit=limit
            )
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
            sys.stdout.write(json.dumps(claim_dict(rec), ensure_ascii=False, indent=2) + "\n")
        else:
            show_text(rec)


def _chain(first, rest):
    if first is not None:
        yield first
        yield from rest
