"""The ``verify`` command: a thin layer over the library, one module per command group."""

from __future__ import annotations

import os
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
    except Exception as e:
        if os.environ.get("VERIFY_DEBUG"):
            raise
        # SQLAlchemy is imported only by commands that use a database, so look for it, don't import it
        sa_exc = sys.modules.get("sqlalchemy.exc")
        if sa_exc is not None and isinstance(e, sa_exc.SQLAlchemyError):
            # a store failure no command translated (disk full, connection dropped): still one line
            first = (str(getattr(e, "orig", None) or e).strip().splitlines() or [type(e).__name__])[0]
            print(f"verify: error: the database failed: {first}", file=sys.stderr)
            sys.exit(5)
        # a bug: say so in one line; VERIFY_DEBUG=1 shows the traceback
        print(f"verify: internal error: {type(e).__name__}: {e} (run again with VERIFY_DEBUG=1 for details)", file=sys.stderr)
        sys.exit(70)
