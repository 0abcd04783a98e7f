"""The ``verify`` command: a thin layer over the library, one module per command group."""

from __future__ import annotations

import importlib
import os
import sys

import typer

from ..errors import VerifyError

# the module that registers each command; `verify CMD` imports only that one, so a command does not
# pay at start-up for the database and report code of the others
COMMAND_MODULES = {
    "extract": "extract", "ingest": "ingest", "check": "rules", "rules": "rules", "link": "links",
    "unlink": "links", "claims": "claims", "review": "review", "report": "report",
    "sources": "sources", "db": "db", "compare": "compare", "matches": "compare", "undo": "history",
    "export": "backup", "import": "backup",
}
MODULE_ORDER = ("extract", "ingest", "rules", "links", "compare", "claims", "review", "history", "report", "sources",
                "db", "backup")


def build_app(module: str | None = None) -> typer.Typer:
    """The ``verify`` command with every command group, or only the one in ``module``."""
    app = typer.Typer(
        name="verify",
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        add_completion=False,
    )

    @app.callback()
    def verify() -> None:
        """Who says so, can they know, who confirms it: source attribution for conflict reporting."""

    for name in (module,) if module else MODULE_ORDER:
        importlib.import_module(f"{__name__}.{name}").register(app)
    return app


def __getattr__(name: str):
    # `verify.cli.app`: the whole command, for callers that drive it from Python
    if name == "app":
        return build_app()
    raise AttributeError(name)


def main() -> None:
    command = next((a for a in sys.argv[1:] if not a.startswith("-")), None)
    try:
        build_app(COMMAND_MODULES.get(command))()
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
