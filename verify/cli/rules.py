"""``verify check``, ``verify rules steps`` and ``verify rules lint``: the rulebook from the terminal."""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer
from rich.text import Text

from ..errors import InputError, RulebookError
from .common import DbOption, err, out

RulesOption = Annotated[
    str | None,
    typer.Option("--rules", help="Rulebook directory of .feature files (default: the shipped rulebook).", show_default=False,
                 metavar="DIR"),
]
PluginsOption = Annotated[
    bool,
    typer.Option("--allow-plugins", help="Run the rulebook's steps.py plug-in (Python code: only if you trust it)."
                 " Also VERIFY_ALLOW_PLUGINS=1."),
]


class Format(str, Enum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    rules_app = typer.Typer(help="The Gherkin rulebook: list its steps, lint it.", no_args_is_help=True)
    app.add_typer(rules_app, name="rules")

    @app.command("check")
    def check_cmd(
        rules: Annotated[
            list[str] | None,
            typer.Option("--rules", help="A rulebook directory (or .feature file) applied on top of the shipped"
                         " rulebook; repeat it for several.", show_default=False, metavar="DIR"),
        ] = None,
        no_default_rules: Annotated[
            bool,
            typer.Option("--no-default-rules", help="Apply only the --rules rulebooks, not the shipped one."),
        ] = False,
        allow_plugins: PluginsOption = False,
        db: DbOption = None,
        fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    ) -> None:
        """Apply the rulebook to every stored claim: statuses, flags, Admiralty grades, review reasons.

        The shipped rulebook always applies, with any --rules rulebooks added to it (unless
        --no-default-rules). Refuses a rulebook that does not lint clean or holds no rules. Exits
        non-zero when a @noskip rule selected nothing.
        """
        from ..rules import check, load_rulebook
        from ..store import open_store

        if no_default_rules and not rules:
            raise InputError("--no-default-rules needs at least one --rules DIR")
        with open_store(db) as store:
            # rules may name sources people added to the store's registry
            book = load_rulebook(rules or None, allow_plugins=allow_plugins, registry=store.registry(),
                                 with_default=not no_default_rules)
            report = check(store, book)
        if fmt is Format.json:
            typer.echo(json.dumps(report.to_dict(), indent=2))
        else:
            _print_check(report, book)
        if report.noskip_failures:
            names = "; ".join(r.where for r in report.noskip_failures)
            err.print(Text(f"verify: error: @noskip rule(s) selected no claim: {names}"), soft_wrap=True)
            raise typer.Exit(1)

    @rules_app.command("steps")
    def steps_cmd(
        rules: RulesOption = None,
        allow_plugins: PluginsOption = False,
        fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    ) -> None:
        """Every step phrasing a rule may use, with what it does and an example.

        With --rules DIR and --allow-plugins, the plug-in's steps are listed too.
        """
        from ..rules import BUILTIN
        from ..rules.loader import read_rulebook

        steps = BUILTIN
        if rules is not None:
            steps = read_rulebook(rules, allow_plugins=allow_plugins).steps
        if fmt is Format.json:
            typer.echo(json.dumps([
                {"keyword": d.kind.capitalize(), "phrasing": d.shown, "description": d.description,
                 "example": d.example, "table": d.table, "doc_string": d.doc, "origin": d.origin}
                for d in steps
            ], indent=2))
            return
        for kind, title in (("given", "Given: select claims"), ("when", "When: narrow the selection"),
                            ("then", "Then: outcomes")):
            out.print(Text(title, style="bold"))
            for d in steps:
                if d.kind != kind:
                    continue
                line = Text("  ")
                line.append(f"{kind.capitalize()} {d.shown}", style="cyan")
                if d.origin != "built-in":
                    line.append(f"  [{d.origin}]")
                out.print(line)
                out.print(Text(f"      {d.description}"))
                for ex in d.example.splitlines():
                    out.print(Text(f"      e.g. {ex}" if ex.startswith(kind.capitalize()) else f"           {ex}", style="dim"))
            out.print()
        out.print(Text("Given and When steps both select; either keyword takes either kind. Precedence and"
                       " tags: docs/rules.md."))

    @rules_app.command("lint")
    def lint_cmd(
        directory: Annotated[str | None, typer.Argument(help="Rulebook directory (default: the shipped rulebook).", show_default=False)] = None,
        allow_plugins: PluginsOption = False,
        db: Annotated[str | None, typer.Option("--db", help="Check source names against this database's registry"
                      " (default: the starter registry).", show_default=False)] = None,
        fmt: Annotated[Format, typer.Option("--format", help="table or json.")] = Format.table,
    ) -> None:
        """Report malformed Gherkin, unknown steps (with the closest phrasings) and unknown tags, by file and line.

        Source names are checked against the starter registry, or with --db against the registry of
        that database (the sources people added there too).
        """
        from ..rules import lint

        registry, against = None, "the starter registry"
        if db is not None:
            from ..store import open_store

            with open_store(db) as store:
                registry = store.registry()
            against = "the database's registry"
        book = lint(directory, allow_plugins=allow_plugins, registry=registry)
        errors = book.errors
        if fmt is Format.json:
            typer.echo(json.dumps({
                "rulebook": book.shown, "rules": len(book.rules), "errors": len(errors),
                "registry": "database" if db is not None else "starter",
                "warnings": len(book.warnings), "plugin": book.plugin, "plugin_loaded": book.plugin_loaded,
                "problems": [p.to_dict() for p in book.problems],
            }, indent=2))
        else:
            for p in book.problems:
                (err if p.severity == "error" else out).print(Text(str(p)), soft_wrap=True)
            verdict = "clean" if not errors else f"{len(errors)} error(s)"
            summary = f"{book.shown}: {len(book.rules)} rule(s), {verdict}"
            if book.warnings:
                summary += f", {len(book.warnings)} warning(s)"
            out.print(Text(f"{summary} (source names checked against {against})"))
        if errors:
            raise typer.Exit(RulebookError.exit_code)


def _print_check(report, book) -> None:
    out.print(Text(f"Rules of {report.rulebook}", style="bold"))
    for r in report.rules:
        line = Text(f"{r.selected:>8}  " if not r.skipped else "       -  ")
        line.append(r.where)
        if r.warning:
            line.append("  @warning", style="cyan")
        if r.skipped:
            line.append(f"  skipped until {r.skipped_until.isoformat()}", style="yellow")
        elif r.selected == 0:
            line.append("  selected nothing" + (" (@noskip)" if r.noskip else ""), style="yellow")
        out.print(line)
    for w in report.warnings:
        w = str(w)
        err.print(Text(w if ": warning: " in w else f"warning: {w}"), soft_wrap=True)
    statuses = ", ".join(f"{k} {v}" for k, v in sorted(report.statuses.items()))
    out.print(Text(f"{report.claims} claim(s) checked in {report.seconds:.2f} s: {statuses or 'none'}"))
    if report.flags:
        out.print(Text("flags: " + ", ".join(f"{k} {v}" for k, v in report.flags.most_common())))
    line = f"{report.changed} status change(s); {report.needs_review} claim(s) need review"
    if report.disagreements:
        line += f"; {report.disagreements} reviewed claim(s) where the rules now disagree"
    out.print(Text(line))
    idle = report.idle
    if idle:
        out.print(Text(f"{len(idle)} rule(s) selected no claim (see above)", style="yellow"))
