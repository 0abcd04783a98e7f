"""``verify link A B --corroborates|--contradicts`` and ``verify unlink A B``: a person's judgement that
two claims agree or clash, and its withdrawal."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from ..config import reviewer_name
from ..errors import InputError
from .common import DbOption, out

# IDs are read as text and parsed like `verify claims show` does, so "abc" or a 30-digit number gets
# the same one line there as here
IdArg = Annotated[str, typer.Argument(help="A claim ID.", show_default=False, metavar="A")]
OtherArg = Annotated[str, typer.Argument(help="The other claim's ID.", show_default=False, metavar="B")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why.", show_default=False)]
ReviewerOption = Annotated[
    str | None,
    typer.Option("--reviewer", help="Who decides (default: $VERIFY_REVIEWER, else your login).", show_default=False),
]


def register(app: typer.Typer) -> None:
    @app.command("link")
    def link_cmd(
        a: IdArg,
        b: OtherArg,
        corroborates: Annotated[bool, typer.Option("--corroborates", help="The claims confirm each other.")] = False,
        contradicts: Annotated[bool, typer.Option("--contradicts", help="The claims contradict each other.")] = False,
        note: NoteOption = None,
        reviewer: ReviewerOption = None,
        db: DbOption = None,
    ) -> None:
        """Link two claims as corroborating or contradicting; `verify check` then counts the link.

        A link made by mistake is withdrawn with `verify unlink A B`.
        """
        from ..store import open_store
        from ..store.links import link_claims
        from .claims import parse_id

        ida, idb = parse_id(a), parse_id(b)
        if corroborates == contradicts:
            raise InputError("give exactly one of --corroborates or --contradicts")
        relation = "corroborates" if corroborates else "contradicts"
        with open_store(db) as store:
            view = link_claims(store, ida, idb, relation, reviewer=reviewer_name(reviewer), note=note)
        out.print(Text(f"claim {ida} {relation} claim {view.other} (by {view.reviewer}); run `verify check` to apply"))

    @app.command("unlink")
    def unlink_cmd(
        a: IdArg,
        b: OtherArg,
        note: NoteOption = None,
        reviewer: ReviewerOption = None,
        db: DbOption = None,
    ) -> None:
        """Withdraw the link between two claims. Both claims' histories keep the link and its withdrawal
        (who, when, why); `verify check` then stops counting it."""
        from ..store import open_store
        from ..store.links import unlink_claims
        from .claims import parse_id

        ida, idb = parse_id(a), parse_id(b)
        with open_store(db) as store:
            unlink_claims(store, ida, idb, reviewer=reviewer_name(reviewer), note=note)
        out.print(Text(f"claims {ida} and {idb} are no longer linked; run `verify check` to apply"))
