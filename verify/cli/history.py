"""``verify claims history ID`` and ``verify undo EVENT``: a claim's append-only history, and the
event that reverses another."""

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
from ..models import Event, undone_ids
from ..printable import printable
from ..store import open_store
from .common import DbOption, out, parse_id


class HistoryFormat(str, Enum):
    table = "table"
    json = "json"


def event_dict(e: Event, undone_by: dict[int, int]) -> dict:
    d = e.model_dump(mode="json")
    d["undone_by"] = undone_by.get(e.id)
    return d


def undone_by(events: list[Event]) -> dict[int, int]:
    """Event ID -> the undo that reverses it, for the events that stay undone."""
    gone = undone_ids(events)
    return {e.undoes: e.id for e in events if e.action == "undo" and e.undoes in gone}


def print_history(events: list[Event], fmt: HistoryFormat, title: str) -> None:
    by = undone_by(events)
    if fmt is HistoryFormat.json:
        sys.stdout.write(json.dumps([event_dict(e, by) for e in events], ensure_ascii=False, indent=2) + "\n")
        return
    if not events:
        out.print(Text(f"{printable(title)}: no events"))
        return
    t = Table(title=printable(title), box=box.SIMPLE_HEAD, pad_edge=False, title_justify="left")
    t.add_column("Event", justify="right", no_wrap=True)
    t.add_column("When (UTC)", no_wrap=True)
    t.add_column("Who", overflow="fold")
    t.add_column("What", ratio=1, overflow="fold")
    t.add_column("Why", ratio=1, overflow="fold")
    for e in events:
        what = Text(printable(f"{e.source}: " if e.source else ""), style="bold")
        what.append(printable(f"undid event {e.undoes}" if e.action == "undo" else e.what()))
        if e.from_status or e.to_status:
            what.append(printable(f" ({e.from_status or '-'} → {e.to_status or '-'})"), style="dim")
        if e.evidence_url:
            what.append(printable(f"\n{e.evidence_url}"), style="dim")
        if e.changes and "fields" in e.changes:
            for k, (a, b) in e.changes["fields"].items():
                what.append(printable(f"\n{k}: {a} → {b}"), style="dim")
        if e.id in by:
            what.append(f"\nundone by event {by[e.id]}", style="yellow")
        t.add_row(str(e.id), f"{e.at:%Y-%m-%d %H:%M}", Text(printable(e.reviewer)), what, Text(printable(e.note or "")))
    out.print(t)


def register_claims(claims: typer.Typer) -> None:
    @claims.command("history")
    def history_cmd(
        claim_id: Annotated[str, typer.Argument(metavar="ID", help="The claim's ID.", show_default=False)],
        fmt: Annotated[HistoryFormat, typer.Option("--format", help="table or json.")] = HistoryFormat.table,
        db: DbOption = None,
    ) -> None:
        """A claim's history, oldest first: reviews, notes, evidence, links, status changes by a check, undos."""
        cid = parse_id(claim_id)
        with open_store(db) as store:
            events = api.history(store, cid)
        print_history(events, fmt, f"Claim {cid}")


def register(app: typer.Typer) -> None:
    @app.command("undo")
    def undo_cmd(
        event_id: Annotated[str, typer.Argument(metavar="EVENT", help="The event to reverse (see `verify claims history ID`).",
                                                show_default=False)],
        note: Annotated[str | None, typer.Option("--note", help="Why.")] = None,
        reviewer: Annotated[
            str | None, typer.Option("--reviewer", help="Who undoes it (default: $VERIFY_REVIEWER, else your login name).")
        ] = None,
        db: DbOption = None,
    ) -> None:
        """Reverse an event with a new one: nothing is deleted from the history."""
        eid = parse_id(event_id, "event")
        with open_store(db) as store:
            ev = api.undo(store, eid, reviewer=reviewer, note=note)
        subject = f"claim {ev.claim_id}" if ev.claim_id is not None else f"source {ev.source}"
        out.print(Text(printable(f"{subject}: {ev.reviewer} {ev.what()} (event {ev.id})")))
