"""Where things live: the database URL, the default rulebook and registry, the reviewer's name."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

from platformdirs import user_data_dir

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = PACKAGE_DIR.parent
DEFAULT_RULEBOOK = PROJECT_DIR / "features" / "rulebook"
MIGRATIONS_DIR = PROJECT_DIR / "db"
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
