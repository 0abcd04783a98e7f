"""Where things live: the database URL, the default rulebook and registry, the reviewer's name."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from platformdirs import user_data_dir

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent


def _bundled(in_package: str, in_checkout: str) -> Path:
    """A directory that lives at the top of a checkout (``features/rulebook``, ``db``) and travels
    inside the installed package (``verify/rulebook``, ``verify/migrations``, links in a checkout)."""
    checkout = PROJECT_DIR / in_checkout
    if (PROJECT_DIR / "pyproject.toml").is_file() and checkout.is_dir():
        return checkout
    return PACKAGE_DIR / in_package


DEFAULT_RULEBOOK = _bundled("rulebook", "features/rulebook")
MIGRATIONS_DIR = _bundled("migrations", "db")
STARTER_REGISTRY = PACKAGE_DIR / "data" / "sources.toml"


def default_database_path() -> Path:
    """The embedded SQLite file used when no URL is given (``verify db path`` prints it)."""
    return Path(user_data_dir("verify", appauthor=False)) / "verify.db"


def database_url(explicit: str | None = None) -> str:
    """``--db`` first, then ``VERIFY_DATABASE_URL``, then the embedded SQLite file."""
    if explicit:
        return explicit
    env = os.environ.get("VERIFY_DATABASE_URL")
    if env:
        return env
    return f"sqlite:///{default_database_path()}"


def reviewer_name(explicit: str | None = None) -> str:
    if explicit:
        return explicit
    env = os.environ.get("VERIFY_REVIEWER")
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "unknown"


# ``VERIFY_BARE_VERDICTS=allow`` lets a person confirm, dispute or refute a claim without a note or
# evidence; by default such a verdict is refused, since a verdict nobody can explain is no record
BARE_VERDICTS_ENV = "VERIFY_BARE_VERDICTS"


def bare_verdicts_allowed() -> bool:
    value = os.environ.get(BARE_VERDICTS_ENV, "").strip().lower()
    return value in ("allow", "allowed", "1", "yes", "true")
