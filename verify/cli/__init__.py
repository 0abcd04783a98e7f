"""The ``verify`` command: a thin layer over the library, one module per command group."""

from __future__ import annotations

import sys

import typer

from ..errors import VerifyError
from . import claims, db, extract, ingest, links, report, review, rules, sources

app = typer.Typer(
    name="verify",
    help="Who says so, can they know, who confirms it: source attribution for conflict reporting.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)

for module in (extract, ingest, rules, links, claims, review, report, sources, db):
    module.register(app)


def main() -> None:
    try:
        app()
    except VerifyError as e:
        print(f"verify: error: {e}", file=sys.stderr)
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        print("verify: interrupted", file=sys.stderr)
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
