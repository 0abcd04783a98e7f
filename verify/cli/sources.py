"""``verify sources list|show|add|alias|set``: the source registry as the database holds it."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..printable import printable

from ..store import open_store
from ..store.sources import SourceSummary, make_source
from .common import DbOption, out


class Format(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ReviewerOption = Annotated[
    str | None, typer.Option("--reviewer", help="Who makes the change (default: $VERIFY_REVIEWER, else your login name).")
]


def summary_dict(x: SourceSummary) -> dict:
    s = x.source
    return {
        "canonical": s.canonical,
        "kind": s.kind,
        "aliases": list(s.aliases),
        "affiliation": s.affiliation,
        "affiliation_chain": x.chain[1:],
        "tags": list(s.tags),
        "reliability": s.reliability,
        "description": s.description,
        "claims": x.claims,
        "relayed": x.relayed,
    }


def _print_json(data) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


def _show(x: SourceSummary) -> None:
    s = x.source
    t = Table(show_header=False, box=None, pad_edge=False)
    t.add_column(style="bold")
    t.add_column()
    rows = [
        ("Source", s.canonical),
        ("Kind", s.kind),
        ("Affiliation", " > ".join(x.chain[1:]) or "-"),
        ("Aliases", ", ".join(s.aliases) or "-"),
        ("Tags", ", ".join(s.tags) or "-"),
        ("Reliability", s.reliability or "not graded"),
        ("Claims", f"{x.claims} as source, {x.relayed} relayed"),
    ]
    if s.description:
        rows.append(("Description", s.description))
    for k, v in rows:
        # every stored string is shown as plain text, never as rich markup
        t.add_row(Text(k), Text(printable(v)))
    out.print(t)


def register(app: typer.Typer) -> None:
    src_app = typer.Typer(help="The source registry: who is who, their aliases, affiliations and grades.", no_args_is_help=True)
    app.add_typer(src_app, name="sources")

    @src_app.command("list")
    def list_cmd(db: DbOption = None, fmt: FormatOption = Format.table) -> None:
        """Every known source with how many stored claims cite or relay it."""
        with open_store(db) as store:
            items = store.list_sources()
        if fmt is Format.json:
            _print_json([summary_dict(x) for x in items])
            return
        t = Table(title="Sources")
        t.add_column("Source", ratio=3)
        t.add_column("Kind", no_wrap=True)
        t.add_column("Affiliation", ratio=3)
        t.add_column("Tags", ratio=2, overflow="fold")
        t.add_column("Grade", no_wrap=True)
        t.add_column("Claims", justify="right", no_wrap=True)
        t.add_column("Relayed", justify="right", no_wrap=True)
        for x in items:
            s = x.source
            t.add_row(
                Text(printable(s.canonical)),
                Text(printable(s.kind)),
                Text(printable(s.affiliation or "")),
                Text(printable(", ".join(s.tags))),
                Text(printable(s.reliability or "")),
                Text(str(x.claims)),
                Text(str(x.relayed)),
            )
        out.print(t)

    @src_app.command("show")
    def show_cmd(
        name: Annotated[str, typer.Argument(help="Canonical name or any alias.")],
        db: DbOption = None,
        fmt: FormatOption = Format.table,
    ) -> None:
        """One source: aliases, affiliation chain, tags, grade, its claims with their outcomes, the
        reliability grade its record suggests, and its history."""
        from .. import api

        with open_store(db) as store:
            x = store.source_summary(name)
            record = api.source_record(store, name)
            events = api.source_history(store, name)
        if fmt is Format.json:
            data = summary_dict(x)
            data["track_record"] = record.model_dump(mode="json")
            data["history"] = [e.model_dump(mode="json") for e in events]
            _print_json(data)
        else:
            _show(x)
            show_record(record)
            if events:
                from .history import HistoryFormat, print_history

                print_history(events, HistoryFormat.table, "History")

    @src_app.command("merge")
    def merge_cmd(
        name: Annotated[str, typer.Argument(metavar="A", help="The source to merge away (name or alias).")],
        into: Annotated[str, typer.Argument(metavar="B", help="The source it is (name or alias); it keeps its name.")],
        note: Annotated[str | None, typer.Option("--note", help="Why they are one source.")] = None,
        reviewer: ReviewerOption = None,
        db: DbOption = None,
    ) -> None:
        """Merge source A into source B: two names that turn out to be one source. Every claim, alias and
        event is kept; A's names become B's aliases; the merge is an event (`verify undo EVENT` reverses it)."""
        from .. import api

        with open_store(db) as store:
            ev = api.merge_sources(store, name, into, reviewer=reviewer, note=note)
            x = store.source_summary(ev.source)
        out.print(Text(printable(f"{ev.changes['merge']['from_name']} merged into {ev.source} (event {ev.id})")))
        _show(x)

    @src_app.command("add")
    def add_cmd(
        name: Annotated[str, typer.Argument(help="The source's canonical name.")],
        kind: Annotated[str, typer.Option("--kind", help="person, organisation, anonymous, vague or outlet.")],
        affiliation: Annotated[str | None, typer.Option("--affiliation", help="Government or parent organisation it speaks for.")] = None,
        alias: Annotated[list[str] | None, typer.Option("--alias", help="Another name it goes by; may be repeated.")] = None,
        tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag such as party-to-conflict; may be repeated.")] = None,
        reliability: Annotated[str | None, typer.Option("--reliability", help="Admiralty source reliability A-F.")] = None,
        description: Annotated[str | None, typer.Option("--description")] = None,
        db: DbOption = None,
    ) -> None:
        """Add a source to the registry."""
        src = make_source(
            name, kind, affiliation=affiliation, aliases=alias or [], tags=tag or [],
            reliability=reliability, description=description,
        )
        with open_store(db) as store:
            store.add_source(src)
            x = store.source_summary(src.canonical)
        out.print(Text(f"added {printable(x.source.canonical)}"))
        _show(x)

    @src_app.command("alias")
    def alias_cmd(
        name: Annotated[str, typer.Argument(help="Canonical name or any alias of a known source.")],
        alias: Annotated[str, typer.Argument(help="The new alias.")],
        reviewer: ReviewerOption = None,
        db: DbOption = None,
    ) -> None:
        """Give a source another name (an event of its history)."""
        with open_store(db) as store:
            src = store.add_alias(name, alias, reviewer=reviewer)
        out.print(Text(f"{printable(alias)} now names {printable(src.canonical)}"))

    @src_app.command("set")
    def set_cmd(
        name: Annotated[str, typer.Argument(help="Canonical name or any alias.")],
        kind: Annotated[str | None, typer.Option("--kind")] = None,
        affiliation: Annotated[str | None, typer.Option("--affiliation", help='Its government or parent organisation ("" to clear).')] = None,
        tag: Annotated[list[str] | None, typer.Option("--tag", help="Replaces its tags; may be repeated (--tag \"\" clears them).")] = None,
        reliability: Annotated[str | None, typer.Option("--reliability", help='Admiralty reliability A-F ("" to clear).')] = None,
        description: Annotated[str | None, typer.Option("--description")] = None,
        reviewer: ReviewerOption = None,
        db: DbOption = None,
    ) -> None:
        """Change a source's kind, affiliation, tags or reliability grade (an event of its history, with
        each field before and after)."""
        with open_store(db) as store:
            src = store.set_source(
                name, kind=kind, affiliation=affiliation, tags=tag, reliability=reliability, description=description,
                reviewer=reviewer,
            )
            x = store.source_summary(src.canonical)
        out.print(Text(f"updated {printable(x.source.canonical)}"))
        _show(x)


OUTCOME_STYLE = {"confirmed": "green", "corroborated": "green", "disputed": "yellow", "refuted": "red", "open": "dim"}


def show_record(record) -> None:
    """A source's claims with their outcomes, the counts and the suggested grade."""
    from rich import box

    counts = ", ".join(f"{n} {o}" for o, n in record.counts.items())
    out.print(Text(f"Track record: {counts}"))
    line = Text("Suggested reliability: ")
    line.append(record.suggested, style="bold")
    line.append(printable(f" ({record.why})"), style="dim")
    out.print(line)
    if record.merged:
        out.print(Text(printable(f"Merged into it: {', '.join(record.merged)}"), style="dim"))
    if not record.claims:
        return
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    t.add_column("ID", justify="right", no_wrap=True)
    t.add_column("Art.", justify="right", no_wrap=True)
    t.add_column("Claim", ratio=1, overflow="fold")
    t.add_column("Outcome", no_wrap=True)
    for c in record.claims:
        outcome = Text(c.outcome, style=OUTCOME_STYLE.get(c.outcome, ""))
        if c.reviewed:
            outcome.append(" ✓", style="dim")
        if c.role == "relay":
            outcome.append(" (relayed)", style="dim")
        t.add_row(str(c.id), str(c.article_id), Text(printable(c.text)), outcome)
    out.print(t)
    out.print(Text("✓ set by a person.  Relayed claims are listed but not counted.", style="dim"))
