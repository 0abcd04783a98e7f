"""``verify link A B --corroborates|--contradicts``: a person's judgement that two claims agree or clash."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from ..config import reviewer_name
from ..errors import InputError
from .common import DbOption, out


def register(app: typer.Typer) -> None:
    @app.command("link")
    def link_cmd(
        a: Annotated[int, typer.Argument(help="A claim ID.", show_default=False)],
        b: Annotated[int, typer.Argument(help="The other claim's ID.", show_default=False)],
        corroborates: Annotated[bool, typer.Option("--corroborates", help="The claims confirm each other.")] = False,
        contradicts: Annotated[bool, typer.Option("--contradicts", help="The claims contradict each other.")] = False,
        note: Annotated[str | None, typer.Option("--note", help="Why.", show_default=False)] = None,
        reviewer: Annotated[str | None, typer.Option("--reviewer", help="Who decides (default: $VERIFY_REVIEWER, else your login).", show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Link two claims as corroborating or contradicting; `verify check` then counts the link."""
        from ..store import open_store
        from ..store.links import link_claims

        if corroborates == contradicts:
            raise InputError("give exactly one of --corroborates or --contradicts")
        relation = "corroborates" if corroborates else "contradicts"
        with open_store(db) as store:
            view = link_claims(store, a, b, relation, reviewer=reviewer_name(reviewer), note=note)
        out.print(Text(f"claim {a} {relation} claim {view.other} (by {view.reviewer}); run `verify check` to apply"))
