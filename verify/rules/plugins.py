"""Rulebook plug-ins: a ``steps.py`` beside the .feature files that adds step definitions.

A plug-in is Python code and rulebooks travel between newsrooms, so it runs only with the user's
explicit permission: ``--allow-plugins`` or ``VERIFY_ALLOW_PLUGINS=1``. Opening, linting or listing a
rulebook never runs it by itself; without permission its steps are unknown and lint says why.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sys
import traceback
from pathlib import Path

from ..errors import RulebookError
from .steps import BUILTIN, StepError, StepRegistry, collecting

PLUGIN_NAME = "steps.py"
ENV_ALLOW = "VERIFY_ALLOW_PLUGINS"


def plugins_allowed(explicit: bool | None = None) -> bool:
    """``--allow-plugins`` first, then ``VERIFY_ALLOW_PLUGINS`` (1, true, yes)."""
    if explicit:
        return True
    return os.environ.get(ENV_ALLOW, "").strip().lower() in ("1", "true", "yes", "on")


def plugin_path(rulebook_dir: Path) -> Path | None:
    p = rulebook_dir / PLUGIN_NAME
    return p if p.is_file() else None


def load_plugin(path: Path, shown: str) -> StepRegistry:
    """The built-in steps plus those ``path`` defines with ``@given/@when/@then``."""
    registry = BUILTIN.copy()
    digest = hashlib.sha1(str(path.resolve()).encode()).hexdigest()[:12]
    name = f"verify_rulebook_steps_{digest}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise RulebookError(f"{shown}: cannot load the plug-in")
    module = importlib.util.module_from_spec(spec)
    with collecting(registry, shown):
        try:
            sys.modules[name] = module
            spec.loader.exec_module(module)
        except (StepError, Exception) as e:  # noqa: BLE001 - any failure of user code is reported as one line
            line = _line_in(e, path)
            where = f"{shown}:{line}" if line else shown
            msg = str(e).splitlines()[0] if str(e) else type(e).__name__
            raise RulebookError(f"{where}: the plug-in failed to load: {type(e).__name__}: {msg}") from None
        finally:
            sys.modules.pop(name, None)
    return registry


def _line_in(exc: BaseException, path: Path) -> int | None:
    if isinstance(exc, SyntaxError) and exc.lineno:
        return exc.lineno
    line = None
    for frame in traceback.extract_tb(exc.__traceback__):
        if Path(frame.filename).resolve() == path.resolve():
            line = frame.lineno
    return line
