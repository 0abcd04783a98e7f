"""Options and helpers that every command group shares."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

out = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)

DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (default: $VERIFY_DATABASE_URL, else the embedded SQLite file).", show_default=False),
]
