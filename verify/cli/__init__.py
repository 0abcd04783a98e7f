"""The ``verify`` command: a thin layer over the library, one module per command group."""

from __future__ import annotations

import os
import sys

import typer
from sqlalchemy.exc import SQLAlchemyError

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
    except SQLAlchemyError as e:
        # a store failure no command translated (disk full, connection dropped): still one line
        if os.environ.get("VERIFY_DEBUG"):
            raise
        first = str(getattr(e, "orig", None) or e).strip().splitlines()[0]
        print(f"verify: error: the database failed: {first}", file=sys.stderr)
        sys.exit(5)
    except Exception as e:  # a bug: say so in one line; VERIFY_DEBUG=1 shows the traceback
        if os.environ.get("VERIFY_DEBUG"):
            raise
        print(f"verify: internal error: {type(e).__name__}: {e} (run again with VERIFY_DEBUG=1 for details)", file=sys.stderr)
        sys.exit(70)
