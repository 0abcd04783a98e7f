"""``verify extract PATH...``: claims and their sources, printed, without touching a database."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ..errors import VerifyError

if TYPE_CHECKING:  # imported where used: `verify --help` and other commands need none of it
    from rich.table import Table
    from rich.text import Text

    from ..models import Claim, Extraction


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


def register(app: typer.Typer) -> None:
    app.command("extract")(extract)


def extract(
    # parser=Path: each argument made a path as it is, with no check (an unreadable file is reported
    # by the reader, one line, and the others still run); typer's own path type would build a
    # pydantic validator for every argument, 70 ms for the 840 files of a PolNeAR run
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .md, .html) or directories of them.",
                                                show_default=False, metavar="PATH", parser=Path)],
    fmt: Annotated[Format, typer.Option("--format", "-f", metavar="json|jsonl|table", help="json: one object (one file) or a list; "
                                        "jsonl: one object a line, streamed; table: for reading.")] = Format.json,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, show_default=False, metavar="N",
                                             help="Worker processes (default: one per CPU).")] = None,
    registry_files: Annotated[list[Path] | None, typer.Option("--registry", show_default=False, metavar="FILE",
                                                              help="Extra source registry (TOML); may repeat.")] = None,
    tagger: Annotated[bool, typer.Option("--tagger", help="Add the attributed claims the learned tagger finds and the "
                                         "grammar misses (slower; see README).")] = False,
) -> None:
    """Extract claims and their sources from articles and print them (nothing is stored)."""
    from ..articles import expand_paths
    from ..pipeline import extract_files
    from ..registry import Registry

    registry = Registry.load(*registry_files) if registry_files else None
    files = list(expand_paths(paths))
    # one object only where one file was named; a directory always gives a list, whatever it holds
    single = len(paths) == 1 and len(files) == 1 and not paths[0].is_dir()
    worst = 0  # the highest exit code of a file that failed
    progress = _progress(len(files))
    say = _stderr_writer(progress)
    printer = _Printer(fmt, single)
    results = None
    try:
        try:
            # workers start before the progress bar's thread does, so they can be forked cleanly
            results = extract_files(files, jobs=jobs, registry=registry, on_note=lambda n: say(f"verify: note: {n}"),
                                    tagger=tagger)
            if progress is not None:
                progress.start()
                task = progress.add_task("extracting", total=len(files))
            for result in results:
                if isinstance(result, VerifyError):
                    worst = max(worst, result.exit_code)
                    say(f"verify: error: {result}")
                else:
                    printer.add(result)
                if progress is not None:
                    progress.advance(task)
        finally:
            if results is not None:
                results.close()
            if progress is not None:
                progress.stop()
        printer.finish()
    except BrokenPipeError:
        # the reader went away (`| head -1`): what it wanted was written; stop quietly
        _silence_stdout()
        raise typer.Exit(0) from None
    except KeyboardInterrupt:
        # said here, once: typer would otherwise turn Ctrl-C into its own "Aborted!"
        sys.stderr.write("verify: interrupted\n")
        sys.stderr.flush()
        raise typer.Exit(130) from None
    if worst:
        raise typer.Exit(worst)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's last flush cannot fail on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


# -- output ----------------------------------------------------------------------------------------


class _Printer:
    """Writes results as they come: nothing is held back except for the single-object json form."""

    def __init__(self, fmt: Format, single: bool) -> None:
        self.fmt = fmt
        self.single = single
        self.count = 0
        self.console = None
        if fmt is Format.table:
            from rich.console import Console

            self.console = Console(highlight=False)
            self.console.on_broken_pipe = _broken_pipe  # rich's own handler exits 1


    def add(self, ex: Extraction) -> None:
        # pydantic's own serialiser: the same JSON as model_dump(mode="json"), several times faster
        out = sys.stdout
        if self.fmt is Format.jsonl:
            out.write(ex.model_dump_json() + "\n")
            out.flush()
        elif self.fmt is Format.json:
            if self.single:
                out.write(ex.model_dump_json(indent=2) + "\n")
            else:
                out.write(("[\n" if self.count == 0 else ",\n") + _indent(ex.model_dump_json(indent=2)))
        else:
            self.console.print(_table(ex))
        self.count += 1

    def finish(self) -> None:
        if self.fmt is Format.json and not self.single:
            sys.stdout.write("[]\n" if self.count == 0 else "\n]\n")
        sys.stdout.flush()


def _broken_pipe() -> None:
    raise BrokenPipeError


def _indent(s: str) -> str:
    return "\n".join("  " + line for line in s.splitlines())


def _table(ex: Extraction) -> Table:
    """A readable table of one article's claims; every stored string is shown as plain text, and
    control characters (escape sequences, hyperlinks, bells) as U+FFFD, as in every terminal view."""
    from rich.table import Table

    from ..reports.table import safe

    title = ex.article.title or ex.path
    table = Table(title=safe(f"{title} ({len(ex.claims)} claims)"), show_lines=True, expand=True,
                  title_justify="left")
    table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim", ratio=6)
    table.add_column("kind", no_wrap=True)
    table.add_column("source", ratio=3)
    table.add_column("cue", ratio=2)
    table.add_column("numbers", ratio=2)
    for i, c in enumerate(ex.claims, 1):
        table.add_row(str(i), safe(c.text), safe(c.attribution), _sources(c), safe(c.cue.text if c.cue else ""),
                      safe("; ".join(n.text for n in c.numbers)))
    return table


def _sources(c: Claim) -> Text:
    from rich.text import Text

    from ..printable import printable

    t = Text()
    for i, s in enumerate(c.sources):
        if i:
            t.append("\n")
        t.append(printable(s.canonical), style="bold")
        t.append(f" ({printable(s.kind)})")
        if s.mention != s.canonical:
            t.append(f"\n  “{printable(s.mention)}”", style="dim")
    for s in c.relayed_by:
        t.append(f"\nvia {printable(s.canonical)}", style="italic")
    return t


# -- stderr ----------------------------------------------------------------------------------------


def _progress(n: int):
    """A progress bar on stderr, for a person watching several files go by while the results go to a
    file or a pipe (where they go to the terminal, they show the progress themselves)."""
    if n < 2 or not sys.stderr.isatty() or sys.stdout.isatty():
        return None
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    # redirect_*=False: by default rich routes everything written to stdout while the bar is drawn
    # onto its own console (stderr), so `> out.json` would receive nothing
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), transient=True, redirect_stdout=False, redirect_stderr=False)


def _stderr_writer(progress):
    """One line to stderr, unwrapped; through the progress bar's console while it is drawn."""
    if progress is None:
        def say(line: str) -> None:
            sys.stderr.write(line.replace("\n", " ") + "\n")
            sys.stderr.flush()
    else:
        from rich.markup import escape

        def say(line: str) -> None:
            progress.console.print(escape(line.replace("\n", " ")), soft_wrap=True, highlight=False)
    return say
