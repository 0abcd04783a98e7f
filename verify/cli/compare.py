"""``verify compare A B``: two articles side by side; ``verify matches``: review what matching found."""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from typing import Annotated

import typer
from rich import box
from rich.table import Table
from rich.text import Text

from ..config import reviewer_name
from .common import DbOption, out
from .links import IdArg, NoteOption, OtherArg, ReviewerOption


class CompareFormat(str, Enum):
    table = "table"
    json = "json"


def _side(value: str) -> str | int:
    # a stored article's ID, unless a file of that name is here
    return int(value) if value.isdigit() and not os.path.exists(value) else value


def register(app: typer.Typer) -> None:
    @app.command("compare")
    def compare_cmd(
        a: Annotated[str, typer.Argument(help="The earlier article: a file, or a stored article's ID.",
                                         show_default=False, metavar="ARTICLE_A")],
        b: Annotated[str, typer.Argument(help="The later article: a file, or a stored article's ID.",
                                         show_default=False, metavar="ARTICLE_B")],
        fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="table or json.")] = CompareFormat.table,
        db: DbOption = None,
    ) -> None:
        """Two articles' claims side by side: which match, and every difference in source, attribution,
        cue and numbers, with the drift flags matching gives them.

        Files are read and extracted (nothing is stored); a number names a stored article.
        """
        from ..api import compare
        from ..store import open_store

        sa, sb = _side(a), _side(b)
        if isinstance(sa, int) or isinstance(sb, int):
            with open_store(db) as store:
                result = compare(sa, sb, store=store)
        else:
            result = compare(sa, sb)
        if fmt is CompareFormat.json:
            sys.stdout.write(result.model_dump_json(indent=2) + "\n")
            return
        render(result)

    matches = typer.Typer(help="Claims that matching found stated in more than one article: confirm or reject them.",
                          no_args_is_help=True)
    app.add_typer(matches, name="matches")

    @matches.command("run")
    def run_cmd(db: DbOption = None) -> None:
        """Match every stored article not matched yet (`verify ingest` matches new articles itself)."""
        from ..api import match_articles
        from ..store import open_store

        with open_store(db) as store:
            done = match_articles(store)
        out.print(Text(f"{done.articles} article{'s' if done.articles != 1 else ''} matched, "
                       f"{done.found} match{'es' if done.found != 1 else ''} found; run `verify check` to apply"))

    @matches.command("list")
    def list_cmd(
        state: Annotated[str | None, typer.Option("--state", help="proposed, confirmed or rejected (default: all but rejected).",
                                                  show_default=False)] = None,
        fmt: Annotated[CompareFormat, typer.Option("--format", "-f", help="table or json.")] = CompareFormat.table,
        db: DbOption = None,
    ) -> None:
        """The matched claim pairs, best first, with why they match and the drift of each side."""
        from ..reports.common import drift_lines, pair_dict, pair_texts
        from ..reports.table import pair_cells, safe
        from ..store import open_store
        from ..store.matches import match_pairs

        with open_store(db) as store:
            pairs = match_pairs(store, state=state)
        if fmt is CompareFormat.json:
            sys.stdout.write(json.dumps([pair_dict(p) for p in pairs], ensure_ascii=False, indent=2) + "\n")
            return
        t = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
        for name in ("Claim A", "Claim B", "Match"):
            t.add_column(name, ratio=1, overflow="fold")
        t.add_column("State · drift", width=len("A: attribution-mismatch"))
        for p in pairs:
            a, b, how, _drift = pair_texts(p)
            t.add_row(*pair_cells(p, a, b), safe(how, style="dim"), safe("\n".join([p.state, *drift_lines(p)])))
        out.print(t)
        out.print(Text(f"{len(pairs)} match{'es' if len(pairs) != 1 else ''}; `verify matches confirm|reject A B` "
                       "to decide one", style="dim"))

    for state, verb, doc in (
        ("confirmed", "confirm", "Confirm that claims A and B state the same thing."),
        ("rejected", "reject", "Reject the match of claims A and B: the next check neither counts it nor flags its drift."),
    ):
        _state_command(matches, state, verb, doc)


def _state_command(group: typer.Typer, state: str, verb: str, doc: str) -> None:
    def cmd(a: IdArg, b: OtherArg, note: NoteOption = None, reviewer: ReviewerOption = None, db: DbOption = None) -> None:
        from ..api import review_match
        from ..store import open_store
        from .claims import parse_id

        ida, idb = parse_id(a), parse_id(b)
        with open_store(db) as store:
            view = review_match(store, ida, idb, state, reviewer=reviewer_name(reviewer), note=note)
        out.print(Text(f"match of claims {ida} and {view.other} {state} (by {view.reviewer}); run `verify check` to apply"))

    cmd.__doc__ = doc
    group.command(verb)(cmd)


def _claim_cell(c, drift: list[str]) -> Text:
    from ..reports.common import attribution_text
    from ..reports.table import safe

    t = safe(f"{c.index}. {c.text}")
    who = ", ".join(c.sources) or "no source"
    t.append_text(safe(f"\n{who} · {attribution_text(c)}" + (f" · “{c.cue}”" if c.cue else ""), style="dim"))
    if c.numbers:
        t.append_text(safe("\n# " + ", ".join(c.numbers), style="dim"))
    if drift:
        t.append_text(safe("\n⚑ " + ", ".join(drift), style="yellow"))
    return t


def render(result) -> None:
    from ..reports.table import safe

    head = Text()
    head.append_text(safe(f"A: {result.article_a}\nB: {result.article_b}\n"))
    head.append(f"{len(result.pairs)} matched, {len(result.only_a)} only in A, {len(result.only_b)} only in B; "
                f"{result.shared_wording:.0%} of B's wording is A's", style="dim")
    out.print(head)
    t = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False)
    t.add_column("A", ratio=1, overflow="fold")
    t.add_column("B", ratio=1, overflow="fold")
    t.add_column("Match · differences", ratio=1, overflow="fold")
    for p in result.pairs:
        why = safe(f"{p.score:.2f}: {p.reason}")
        why.append("\nindependent sources" if p.independent else
                   "\nsame wording" if p.rewrite else "\nsame source", style="dim")
        for d in p.differences:
            why.append_text(safe(f"\n• {d}"))
        t.add_row(_claim_cell(p.a, p.drift_a), _claim_cell(p.b, p.drift_b), why)
    for c in result.only_a:
        t.add_row(_claim_cell(c, []), Text("-", style="dim"), Text("only in A", style="dim"))
    for c in result.only_b:
        t.add_row(Text("-", style="dim"), _claim_cell(c, []), Text("only in B", style="dim"))
    out.print(t)
