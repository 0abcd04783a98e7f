"""``verify db upgrade``, ``verify db path`` and ``verify db check``: the database itself."""

from __future__ import annotations

import typer
from rich.text import Text

from ..config import database_url
from ..store.db import check_connection, head_revision, make_engine, mask_url, migrate, parse_url
from .common import DbOption, out


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="The database: where it is, bringing its schema up to date, and whether it is whole.",
                         no_args_is_help=True)
    app.add_typer(db_app, name="db")

    @db_app.command("upgrade")
    def upgrade_cmd(db: DbOption = None) -> None:
        """Create the database's tables, or bring them to the newest schema."""
        engine = make_engine(db)
        try:
            check_connection(engine)
            before, after = migrate(engine, "head")
        finally:
            engine.dispose()
        where = mask_url(engine.url)
        if before == after:
            out.print(Text(f"{where}: already at schema {after}"))
        else:
            out.print(Text(f"{where}: upgraded from schema {before or '(empty)'} to {after or head_revision()}"))

    @db_app.command("path")
    def path_cmd(db: DbOption = None) -> None:
        """Print the database URL in use (passwords masked)."""
        out.print(Text(mask_url(parse_url(database_url(db)))))

    @db_app.command("check")
    def check_cmd(db: DbOption = None) -> None:
        """Check that the database is whole: the database's own check, claims, rule results and the
        match index consistent, and how many stored claims are not checked yet.

        Exits 1 when something is damaged; claims only waiting for `verify check` are not damage.
        """
        from rich.table import Table

        from ..store import open_store
        from ..store.health import check_store

        with open_store(db) as store:
            health = check_store(store)
            where = store.url
        table = Table(title=f"{where}: {health.articles} articles, {health.claims} claims", title_justify="left")
        for col in ("check", "found", "detail", "to do"):
            table.add_column(col)
        for f in health.findings:
            found = "ok" if f.ok else (f"{f.count} problem(s)" if f.problem else str(f.count))
            table.add_row(Text(f.check), Text(found), Text(f.detail), Text("" if f.ok else f.remedy))
        out.print(table)
        if health.unchecked:
            out.print(Text(f"{health.unchecked} stored claim(s) are not checked yet: run `verify check` to finish"))
        if health.damaged:
            out.print(Text(f"damaged: {', '.join(f.check for f in health.damaged)}"))
            raise typer.Exit(1)
