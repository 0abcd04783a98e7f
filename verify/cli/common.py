"""Options and helpers that every command group shares."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from ..errors import VerifyError

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $VERIFY_DATABASE_URL, else the embedded SQLite file).", show_default=False),
]


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
