"""The Gherkin rulebook: policies in .feature files, applied to stored claims.

    book = load_rulebook("features/rulebook")      # RulebookError unless it lints clean
    report = check(store, book)                     # CheckReport (store: verify.store.open_store)
    problems = lint("my-rules").problems            # every problem, file:line

Plug-ins (a ``steps.py`` in the rulebook directory) add steps with ``given``, ``when`` and ``then``
from this package, and load only with ``allow_plugins=True`` or ``VERIFY_ALLOW_PLUGINS=1``.
"""

from . import vocabulary as _vocabulary  # noqa: F401 - registers the built-in steps
from . import across as _across  # noqa: F401 - and those about matches across articles
from .engine import STATUS_ORDER, CheckReport, RuleReport, check, decide, last_rulebooks
from .facts import Fact, NumberFact, SourceFact
from .loader import Problem, Rule, Rulebook, lint, load_rulebook, read_rulebook
from .plugins import ENV_ALLOW, PLUGIN_NAME, plugins_allowed
from .steps import BUILTIN, Outcome, StepDef, StepError, given, then, when

__all__ = [
    "BUILTIN", "ENV_ALLOW", "PLUGIN_NAME", "STATUS_ORDER", "CheckReport", "Fact", "NumberFact", "Outcome",
    "Problem", "Rule", "RuleReport", "Rulebook", "SourceFact", "StepDef", "StepError", "check", "decide",
    "given", "last_rulebooks", "lint", "load_rulebook", "plugins_allowed", "read_rulebook", "then", "when",
]
