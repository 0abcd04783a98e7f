"""Reading a rulebook: .feature files parsed with gherkin-official, each Scenario one rule.

Background steps, ``Rule:`` blocks and Scenario Outlines are compiled the way Cucumber compiles them
(gherkin's pickles): an Outline gives one rule per Examples row, located at that row. ``lint`` reports
every problem with file and line; ``load_rulebook`` refuses a rulebook with any error.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from gherkin.errors import CompositeParserException, ParserException
from gherkin.parser import Parser
from gherkin.pickles.compiler import Compiler
from rapidfuzz import fuzz, process

from ..config import DEFAULT_RULEBOOK, PROJECT_DIR
from ..errors import RulebookError
from ..registry import Registry
from .facts import today_utc
from .plugins import PLUGIN_NAME, load_plugin, plugin_path, plugins_allowed
from .steps import BUILTIN, Outcome, StepDef, StepError, StepRegistry

MAX_FILE_BYTES = 2_000_000
KNOWN_TAGS = ("@warning", "@noskip", "@skip-until:YYYY-MM-DD", "@label:<word>")
_SKIP_UNTIL = re.compile(r"^@skip-until:(.*)$")
_LABEL = re.compile(r"^@label:\S+$")
_KEYWORD_KIND = {"Context": "given", "Action": "when", "Outcome": "then"}


@dataclass(frozen=True)
class Problem:
    """One lint finding, located at a file and line."""

    file: str
    line: int | None  # None: the problem is the directory's, not a line's
    message: str
    severity: str = "error"  # or "warning"
    suggestions: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        s = f"{where}: {self.severity}: {self.message}"
        if self.suggestions:
            s += "; closest known: " + " | ".join(self.suggestions)
        return s

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.file, "line": self.line, "severity": self.severity, "message": self.message,
            "suggestions": list(self.suggestions),
        }


@dataclass
class RuleStep:
    keyword: str
    text: str
    line: int
    definition: StepDef
    match: re.Match
    table: list[list[str]] | None
    doc: str | None


@dataclass
class Rule:
    """One Scenario (or one Examples row of an Outline): select claims, then set outcomes."""

    file: str
    line: int
    name: str
    feature: str
    tags: tuple[str, ...]
    steps: list[RuleStep]
    warning: bool = False
    noskip: bool = False
    skip_until: date | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line} {self.name}"

    def compile(self, ctx: StepContext) -> tuple[list, list[Outcome]]:
        """The rule's tests (predicates) and outcomes; StepError names the step at fault."""
        tests, outcomes = [], []
        ctx.rule_name = self.name
        for st in self.steps:
            ctx.line = st.line
            made = st.definition.build(st.match, ctx, st.table, st.doc)
            if st.definition.kind == "then":
                items = made if isinstance(made, (list, tuple)) else [made]
                for o in items:
                    if not isinstance(o, Outcome):
                        raise StepError(f"{st.definition.origin}: a Then step must give Outcome(s), got {type(o).__name__}")
                    outcomes.append(o)
            else:
                if not callable(made):
                    raise StepError(f"{st.definition.origin}: a Given/When step must give a predicate")
                tests.append(made)
        return tests, outcomes

    def skipped(self, today: date) -> bool:
        return self.skip_until is not None and today < self.skip_until


class StepContext:
    """What a step factory may use: the registry (to resolve names), today, the rule's name."""

    def __init__(self, registry: Registry, today: date, file: str = "") -> None:
        self.registry = registry
        self.today = today
        self.file = file
        self.rule_name = ""
        self.line = 0
        self.warnings: list[Problem] = []

    def resolve(self, name: str) -> str:
        """The canonical name a rule's source name stands for (unknown names are kept as written)."""
        hit = self.registry.resolve(name, fuzzy=False)
        if hit is None:
            self.warnings.append(
                Problem(self.file, self.line, f"the registry knows no source {name!r}: the rule matches only"
                        " sources stored under exactly that name", "warning")
            )
            return name.strip()
        return hit.canonical


@dataclass
class Rulebook:
    path: Path
    shown: str
    rules: list[Rule] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    steps: StepRegistry = field(default_factory=lambda: BUILTIN)
    plugin: str | None = None  # the plug-in's path as shown, where one exists
    plugin_loaded: bool = False
    # the directories (or files) read, as absolute paths: what a check records, so a later check
    # (``verify ingest``'s) can apply the same rulebooks
    paths: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]


def _absolute(p: Path) -> str:
    try:
        return str(p.resolve())
    except OSError:
        return str(p.absolute())


def _shown_dir(directory: Path) -> str:
    try:
        if directory.resolve() == DEFAULT_RULEBOOK.resolve():
            return str(DEFAULT_RULEBOOK.relative_to(PROJECT_DIR))
    except OSError:
        pass
    return str(directory)


def _join(shown_dir: str, rel: Path) -> str:
    return str(Path(shown_dir) / rel) if shown_dir not in ("", ".") else str(rel)


def read_rulebook(directory: str | Path | None = None, *, allow_plugins: bool | None = None,
                  registry: Registry | None = None, today: date | None = None) -> Rulebook:
    """Parse and check every .feature file under ``directory`` (default: the shipped rulebook).

    Never raises for what is inside the files (that is what ``problems`` holds); raises RulebookError
    when the directory itself is missing, and when an allowed plug-in fails to load.
    """
    d = Path(directory) if directory is not None else DEFAULT_RULEBOOK
    if not d.exists():
        raise RulebookError(f"{d}: no such file or directory (a rulebook is a directory of .feature files, or one .feature file)")
    if d.is_file() and d.suffix == ".feature":
        # one file on its own: a rulebook of that file (a plug-in needs a directory)
        book = Rulebook(path=d, shown=str(d), paths=[_absolute(d)])
        _read_file(book, d, str(d), registry if registry is not None else Registry.starter(), today or today_utc())
        return book
    if not d.is_dir():
        raise RulebookError(f"{d}: a rulebook is a directory of .feature files (or one .feature file)")
    shown = _shown_dir(d)
    book = Rulebook(path=d, shown=shown, paths=[_absolute(d)])
    plug = plugin_path(d)
    if plug is not None:
        book.plugin = _join(shown, Path(PLUGIN_NAME))
        if plugins_allowed(allow_plugins):
            book.steps = load_plugin(plug, book.plugin)
            book.plugin_loaded = True
    files = sorted(p for p in d.rglob("*.feature") if not any(part.startswith(".") for part in p.relative_to(d).parts))
    if not files:
        book.problems.append(Problem(shown, None, "no .feature files in this directory"))
        return book
    reg = registry if registry is not None else Registry.starter()
    when = today or today_utc()
    for f in files:
        _read_file(book, f, _join(shown, f.relative_to(d)), reg, when)
    if plug is not None and not book.plugin_loaded and any("no step definition matches" in p.message for p in book.problems):
        book.problems.append(
            Problem(book.plugin, None, f"this rulebook has a plug-in ({PLUGIN_NAME}) that was not loaded, so its steps"
                    " are unknown; allow it with --allow-plugins or VERIFY_ALLOW_PLUGINS=1 if you trust it",
                    "warning")
        )
    return book


def _read_file(book: Rulebook, path: Path, shown: str, reg: Registry, today: date) -> None:
    problems = book.problems
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            problems.append(Problem(shown, 1, f"file larger than {MAX_FILE_BYTES} bytes; not a rulebook file"))
            return
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as e:
        problems.append(Problem(shown, 1, f"not UTF-8 text ({e.reason} at byte {e.start})"))
        return
    except OSError as e:
        problems.append(Problem(shown, 1, f"cannot read: {e.strerror or e}"))
        return
    if "\x00" in text:
        problems.append(Problem(shown, 1, "binary file, not a .feature file"))
        return
    try:
        doc = Parser().parse(text)
    except CompositeParserException as e:
        for err in e.errors:
            problems.append(Problem(shown, err.location["line"], _parser_message(err)))
        return
    except ParserException as e:
        problems.append(Problem(shown, e.location["line"], _parser_message(e)))
        return
    feature = doc.get("feature")
    if not feature:
        problems.append(Problem(shown, 1, "no Feature in this file", "warning"))
        return
    doc["uri"] = shown
    nodes: dict[str, dict] = {}
    _index(doc, nodes)
    seen: set[tuple] = set()

    def add(p: Problem) -> None:
        k = (p.file, p.line, p.message)
        if k not in seen:
            seen.add(k)
            problems.append(p)

    pickles = Compiler().compile(doc)
    if not pickles:
        add(Problem(shown, feature["location"]["line"], "this Feature holds no rules (no Scenario with steps)", "warning"))
    for pk in pickles:
        rule_line = pk["location"]["line"]
        rule = Rule(file=shown, line=rule_line, name=pk["name"].strip(), feature=feature["name"].strip(),
                    tags=tuple(t["name"] for t in pk["tags"]), steps=[])
        ok = True
        for t in pk["tags"]:
            tline = nodes.get(t["astNodeId"], {}).get("location", {}).get("line", rule_line)
            name = t["name"]
            if name == "@warning":
                rule.warning = True
            elif name == "@noskip":
                rule.noskip = True
            elif m := _SKIP_UNTIL.match(name):
                try:
                    rule.skip_until = date.fromisoformat(m.group(1))
                except ValueError:
                    add(Problem(shown, tline, f"{name}: the date must be YYYY-MM-DD"))
                    ok = False
                    continue
                if rule.skip_until <= today:
                    add(Problem(shown, tline, f"{name}: this exception expired; the rule is active again"
                                " (remove the tag)", "warning"))
            elif not _LABEL.match(name):
                near = process.extract(name, ["@warning", "@noskip", "@skip-until:", "@label:"], scorer=fuzz.ratio,
                                       limit=1, score_cutoff=60)
                add(Problem(shown, tline, f"unknown tag {name} (known: {', '.join(KNOWN_TAGS)})", "error",
                            tuple(n[0] for n in near)))
                ok = False
        if not rule.name:
            add(Problem(shown, rule_line, "a rule without a name: results will not say which rule it was", "warning"))
        if not pk["steps"]:
            add(Problem(shown, rule_line, f"rule {rule.name!r} has no steps"))
            continue
        for ps in pk["steps"]:
            node = nodes.get(ps["astNodeIds"][0], {})
            line = node.get("location", {}).get("line", rule_line)
            keyword = node.get("keyword", "").strip() or "*"
            step = _match_step(book, add, shown, line, keyword, ps)
            if step is None:
                ok = False
            else:
                rule.steps.append(step)
        if not ok:
            continue
        kinds = [s.definition.kind for s in rule.steps]
        if "then" not in kinds:
            add(Problem(shown, rule_line, f"rule {rule.name!r} has no Then step: it would change nothing"))
            continue
        if not any(k != "then" for k in kinds):
            add(Problem(shown, rule_line, f"rule {rule.name!r} selects no claims: start it with a Given step"
                        " (\"Given any claim\" selects every claim)"))
            continue
        ctx = StepContext(reg, today, shown)
        try:
            _tests, outcomes = rule.compile(ctx)
        except StepError as e:
            add(Problem(shown, ctx.line, str(e)))
            continue
        except Exception as e:  # noqa: BLE001 - a plug-in's factory that fails is this step's problem
            add(Problem(shown, ctx.line, f"the step failed: {type(e).__name__}: {e}"))
            continue
        for w in ctx.warnings:
            add(w)
        if rule.warning and any(o.kind in ("status", "reliability", "credibility") for o in outcomes):
            add(Problem(shown, rule_line, f"rule {rule.name!r} is @warning: its status and grades are reported,"
                        " never applied", "warning"))
        book.rules.append(rule)


def _match_step(book: Rulebook, add, shown: str, line: int, keyword: str, ps: dict) -> RuleStep | None:
    text = ps["text"]
    arg = ps.get("argument") or {}
    table = [[c["value"] for c in row["cells"]] for row in arg["dataTable"]["rows"]] if "dataTable" in arg else None
    doc = arg["docString"].get("content") if "docString" in arg else None
    found = book.steps.matches(text)
    if not found:
        add(Problem(shown, line, f"no step definition matches: {keyword} {text}", "error", suggest(book.steps, text)))
        return None
    if len(found) > 1:
        origins = "; ".join(f"{d.shown} ({d.origin})" for d, _ in found)
        add(Problem(shown, line, f"more than one step definition matches: {keyword} {text} -> {origins}"))
        return None
    d, m = found[0]
    kind = _KEYWORD_KIND.get(ps.get("type", ""), None)
    if kind == "then" and d.kind != "then":
        add(Problem(shown, line, f"{keyword} {text}: this step selects claims; write it under Given or When"))
        return None
    if kind in ("given", "when") and d.kind == "then":
        add(Problem(shown, line, f"{keyword} {text}: this step sets an outcome; write it under Then"))
        return None
    if kind is None:
        add(Problem(shown, line, f"{keyword} {text}: a rule's first step needs Given, When or Then"))
        return None
    if table is not None and not d.table:
        add(Problem(shown, line, f"{keyword} {text}: this step takes no data table"))
        return None
    if doc is not None and not d.doc:
        add(Problem(shown, line, f"{keyword} {text}: this step takes no doc string"))
        return None
    return RuleStep(keyword, text, line, d, m, table, doc)


def suggest(steps: StepRegistry, text: str, limit: int = 3) -> tuple[str, ...]:
    """The known phrasings closest to an unknown step, as the listing shows them."""
    choices = {}
    for d in steps:
        choices[d.shown] = d.shown
        choices[d.example.split("\n")[0].split(" ", 1)[1]] = d.shown
    out: list[str] = []
    for key, _score, _index in process.extract(text, list(choices), scorer=fuzz.WRatio, limit=limit * 3):
        shown = choices[key]
        if shown not in out:
            out.append(shown)
        if len(out) == limit:
            break
    return tuple(out)


# the Gherkin parser's token names, in the words of someone writing a rulebook
_TOKEN_WORDS = {
    "#FeatureLine": "a 'Feature:' line",
    "#RuleLine": "a 'Rule:' line",
    "#BackgroundLine": "a 'Background:' line",
    "#ScenarioLine": "a 'Scenario:' line",
    "#ExamplesLine": "an 'Examples:' line",
    "#StepLine": "a step (Given, When, Then, And, But)",
    "#TableRow": "a table row (| ... |)",
    "#DocStringSeparator": 'the line that closes a text block (""" or ```)',
    "#TagLine": "a tag (@...)",
    "#EOF": "the end of the file",
}
_EXPECTED = re.compile(r"^(?P<eof>unexpected end of file, )?expected: (?P<tokens>[#\w, ]+?)(?:, got '(?P<got>.*)')?$")


def _parser_message(err: ParserException) -> str:
    """What is wrong in plain words, with the parser's own message after it."""
    own = re.sub(r"^\(\d+:\d+\):\s*", "", str(err))
    if own == "inconsistent cell count within the table":
        return f"this table row has a different number of cells from the rows above it (parser: {own})"
    m = _EXPECTED.match(own)
    if not m:
        return own
    wanted = [_TOKEN_WORDS[t] for t in (x.strip() for x in m["tokens"].split(",")) if t in _TOKEN_WORDS]
    if m["got"] is not None and "#FeatureLine" in m["tokens"] and "#ScenarioLine" not in m["tokens"]:
        plain = f"a rulebook file begins with a 'Feature:' line; '{m['got']}' comes before it"
    elif m["eof"]:
        plain = "the file ends too early" + (f": expected {' or '.join(wanted)}" if wanted else "")
    else:
        plain = f"'{m['got']}' cannot stand here" + (f": expected {' or '.join(wanted)}" if wanted else "")
    return f"{plain} (parser: {own})"


def _index(node: Any, out: dict[str, dict]) -> None:
    if isinstance(node, dict):
        if "id" in node and "location" in node:
            out[node["id"]] = node
        for v in node.values():
            _index(v, out)
    elif isinstance(node, list):
        for v in node:
            _index(v, out)


def lint(directory: str | Path | None = None, *, allow_plugins: bool | None = None,
         registry: Registry | None = None, today: date | None = None) -> Rulebook:
    """Every problem of a rulebook (``.problems``; errors make ``verify rules lint`` exit non-zero)."""
    return read_rulebook(directory, allow_plugins=allow_plugins, registry=registry, today=today)


def load_rulebook(directory: str | Path | list[str | Path] | None = None, allow_plugins: bool | None = None, *,
                  registry: Registry | None = None, today: date | None = None,
                  with_default: bool = False) -> Rulebook:
    """A rulebook ready to check; RulebookError (one line, file:line) unless it lints clean.

    Several directories make one rulebook: their rules are applied together under the one
    precedence. ``with_default`` puts the shipped rulebook first (what ``verify check --rules DIR``
    does: house rules add to the shipped policy); a directory named twice is read once. No
    directory at all means the shipped rulebook. A rulebook with no rules is refused: checking with
    it would clear every claim's outcomes.
    """
    dirs = list(directory) if isinstance(directory, (list, tuple)) else ([] if directory is None else [directory])
    if with_default or not dirs:
        dirs.insert(0, DEFAULT_RULEBOOK)
    books: list[Rulebook] = []
    seen: set[str] = set()
    for d in dirs:
        if Path(d).exists() and _absolute(Path(d)) in seen:
            continue
        b = read_rulebook(d, allow_plugins=allow_plugins, registry=registry, today=today)
        seen.update(b.paths)
        books.append(b)
    book = books[0]
    if len(books) > 1:
        book = Rulebook(
            path=books[0].path, shown=" + ".join(b.shown for b in books),
            rules=[r for b in books for r in b.rules], problems=[p for b in books for p in b.problems],
            plugin=", ".join(b.plugin for b in books if b.plugin) or None,
            plugin_loaded=any(b.plugin_loaded for b in books),
            paths=[p for b in books for p in b.paths],
        )
    errors = book.errors
    if errors:
        # lint reads one directory: name a command per directory with problems, each runnable as written
        runs = " and ".join(f"`verify rules lint {shlex.quote(b.shown)}`" for b in books if b.errors)
        more = f" (and {len(errors) - 1} more problem(s); run {runs})" if len(errors) > 1 else ""
        raise RulebookError(f"rulebook does not lint clean: {errors[0]}{more}")
    for b in books:
        if not b.rules:
            raise RulebookError(f"{b.shown}: this rulebook holds no rules (no Scenario with steps); nothing was checked")
    return book
