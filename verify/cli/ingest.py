"""``verify ingest PATH...``: read, extract and store articles, then apply the rulebook."""

from __future__ import annotations

import sys
from typing import Annotated

import typer
from rich.text import Text

from ..store import open_store
from .common import DbOption, err, out


def register(app: typer.Typer) -> None:
    @app.command("ingest")
    def ingest_cmd(
        paths: Annotated[list[str], typer.Argument(help="Article files (plain text, Markdown or HTML) or directories of them.", show_default=False)],
        db: DbOption = None,
        jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Worker processes for extraction (default: one per CPU).")] = None,
        registry: Annotated[list[str] | None, typer.Option("--registry", help="Extra source registry file (TOML); may be repeated. Its sources are stored.", metavar="FILE")] = None,
        check: Annotated[bool, typer.Option("--check/--no-check", help="Apply the rulebook to the stored claims when something new was stored, or stored claims wait for a check.")] = True,
        rules: Annotated[list[str] | None, typer.Option("--rules", help="House rulebook for the check, added to the shipped one as in `verify check --rules` (default: the rulebooks of the last check); may be repeated.", metavar="DIR", show_default=False)] = None,
        allow_plugins: Annotated[bool, typer.Option("--allow-plugins", help="Run the rulebook's steps.py plug-in (Python code: only if you trust it).")] = False,
    ) -> None:
        """Extract each article's claims and store them, then check them against the rulebook.

        Articles already stored are left as they are. A file that cannot be read gets one line on
        stderr; the others are still stored, and the exit status is non-zero.
        """
        try:
            failed, worst = _ingest(paths, db, jobs, registry, check, rules, allow_plugins)
        except KeyboardInterrupt as e:
            # said here, once: typer would otherwise turn Ctrl-C into a silent exit 130
            sys.stderr.write(f"verify: interrupted{getattr(e, 'unfinished', '')}\n")
            sys.stderr.flush()
            raise typer.Exit(130) from None
        if failed:
            raise typer.Exit(worst or 1)


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C during an ingest, with what it left to do."""

    def __init__(self, unfinished: str) -> None:
        super().__init__()
        self.unfinished = unfinished


def _unfinished(store) -> str:
    """What an interrupted ingest left to do: stored claims it did not check yet (asked of the store
    already open: opening it again could wait on the interrupted work's locks)."""
    from ..store.health import FINISH, unchecked_claims

    try:
        n = unchecked_claims(store)
    except (Exception, KeyboardInterrupt):  # a second Ctrl-C, or a store gone: the plain message
        return ""
    return f"; {n} stored claim(s) are not checked yet: run `{FINISH}` to finish" if n else ""


def _ingest(paths, db, jobs, registry, check, rules, allow_plugins) -> tuple[int, int]:
    from ..api import ingest

    def heard(outcome) -> None:
        for note in outcome.notes:
            # read_article's notes already name the file
            shown = note if note.startswith(f"{outcome.path}:") else f"{outcome.path}: {note}"
            err.print(Text(f"verify: note: {shown}"))
        if outcome.error is not None:
            msg = str(outcome.error)
            if outcome.path not in msg:
                msg = f"{outcome.path}: {msg}"
            err.print(Text(f"verify: error: {msg}"))
            return
        r = outcome.result
        said = "new            " if r.created else "already stored "
        out.print(Text(f"{said} {outcome.path}: {r.claims} claims (article {r.article_id})"))

    with open_store(db) as store:
        try:
            done = ingest(store, paths, jobs=jobs, check=check, rules=rules, allow_plugins=allow_plugins,
                          registries=registry or [], on_file=heard)
        except KeyboardInterrupt:
            raise _Interrupted(_unfinished(store)) from None
    new, old, failed = len(done.new), len(done.already_stored), len(done.failed)
    total = new + old + failed
    summary = f"{total} file{'s' if total != 1 else ''}: {new} new, {old} already stored"
    if failed:
        summary += f", {failed} failed"
    out.print(Text(f"{summary}; {done.claims} claims stored"))
    if done.matched is not None and done.matched.found:
        m = done.matched
        out.print(Text(f"matched {m.found} claim pair{'s' if m.found != 1 else ''} across articles"
                       " (`verify claims show ID` lists a claim's matches)"))
    if done.checked is not None:
        report = done.checked
        statuses = ", ".join(f"{k} {v}" for k, v in sorted(report.statuses.items()))
        out.print(Text(
            f"checked {report.claims} claims against {report.rulebook}: {statuses or 'none'}; "
            f"{report.changed} status change(s)"
        ))
    worst = max((f.error.exit_code for f in done.failed), default=0)
    return failed, worst
