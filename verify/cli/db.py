"""``verify db upgrade`` and ``verify db path``: the database itself."""

from __future__ import annotations

import typer
from rich.text import Text

from ..config import database_url
from ..store.db import check_connection, head_revision, make_engine, mask_url, migrate, parse_url
from .common import DbOption, out


def register(app: typer.Typer) -> None:
    db_app = typer.Typer(help="The database: where it is, and bringing its schema up to date.", no_args_is_help=True)
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
