"""``verify export`` and ``verify import``: the whole store as one file, to keep or to move to
another database (SQLite to a shared PostgreSQL and back)."""

from __future__ import annotations

import sys
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from .common import DbOption, err, out


@contextmanager
def _progress(what: str):
    """A progress bar on stderr for a person at a terminal (rows, as they go), else nothing."""
    if not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # redirect_stdout=False: the export itself may be going to standard output
    progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                        console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False)
    task = progress.add_task(what, total=None)

    def on_rows(table: str, n: int, total: int) -> None:
        progress.update(task, advance=n, total=total, description=f"{what} {table}")

    with progress:
        yield on_rows


def register(app: typer.Typer) -> None:
    @app.command("export")
    def export_cmd(
        output: Annotated[Path | None, typer.Option("--output", "-o", help="The file to write (default: standard output).",
                                                    show_default=False)] = None,
        db: DbOption = None,
    ) -> None:
        """Write the whole store as JSON Lines: every table, with its schema version. A backup, or a
        move: `verify import FILE --db URL` reads it into an empty database of either backend."""
        from ..api import export_store, open_store

        with open_store(db) as store, _progress("exporting") as on_rows:
            done = export_store(store, output if output is not None else sys.stdout, on_rows=on_rows)
        said = (f"exported {done.rows} rows of {len(done.tables)} tables (schema {done.schema_revision}) "
                f"from {done.database}")
        # where the export itself goes to standard output, what was done goes beside it
        (out if output is not None else err).print(Text(f"{said} to {output}" if output is not None else said))

    @app.command("import")
    def import_cmd(
        file: Annotated[str, typer.Argument(help="An export of `verify export` (- for standard input).",
                                            show_default=False, metavar="FILE")],
        db: DbOption = None,
    ) -> None:
        """Read an export into an empty database (SQLite or PostgreSQL), setting up its schema first.

        A database that holds anything is refused, as is an export of a newer verify; a cut or
        garbled file imports nothing.
        """
        from ..api import import_store

        with _progress("importing") as on_rows:
            done = import_store(db, file, on_rows=on_rows)
        out.print(Text(f"imported {done.rows} rows of {len(done.tables)} tables (schema {done.schema_revision}) "
                       f"into {done.database}"))
