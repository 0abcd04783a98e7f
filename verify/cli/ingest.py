"""``verify ingest PATH...``: read, extract and store articles."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.text import Text

from ..store import open_store
from ..store.repository import load_registry
from .common import DbOption, err, out


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        paths: Annotated[list[str], typer.Argument(help="Article files (plain text, Markdown or HTML).", show_default=False)],
        db: DbOption = None,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: one per CPU).")] = None,
        registry: Annotated[list[str] | None, typer.Option("--registry", help="Extra source registry file (TOML); may be repeated. Its sources are stored.")] = None,
    ) -> None:
        """Extract each article's claims and store them. Articles already stored are left as they are."""
        with open_store(db) as store:
            reg = load_registry(store, registry or [])
            new = old = failed = claims = 0
            worst = 0
            for outcome in store.ingest_paths(paths, registry=reg, jobs=jobs):
                if outcome.error is not None:
                    failed += 1
                    worst = max(worst, outcome.error.exit_code)
                    msg = str(outcome.error)
                    if outcome.path not in msg:
                        msg = f"{outcome.path}: {msg}"
                    err.print(Text(f"verify: error: {msg}"))
                    continue
                r = outcome.result
                if r.created:
                    new += 1
                    claims += r.claims
                    out.print(Text(f"new             {outcome.path}: {r.claims} claims (article {r.article_id})"))
                else:
                    old += 1
                    out.print(Text(f"already stored  {outcome.path}: {r.claims} claims (article {r.article_id})"))
                for note in outcome.notes:
                    err.print(Text(f"verify: note: {outcome.path}: {note}"))
            total = new + old + failed
            summary = f"{total} file{'s' if total != 1 else ''}: {new} new, {old} already stored"
            if failed:
                summary += f", {failed} failed"
            out.print(Text(f"{summary}; {claims} claims stored"))
        if failed:
            raise typer.Exit(worst or 1)
