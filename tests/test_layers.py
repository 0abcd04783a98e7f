"""The store is the one door to the database: rules, reviews and reports ask it, never the tables; the
store imports nothing of extraction or the reports; and no module imports itself round a circle."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "verify"


def _modules() -> dict[str, Path]:
    out = {}
    for f in PKG.rglob("*.py"):
        parts = list(f.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


def _imports(name: str, path: Path) -> set[str]:
    """Every module ``name`` imports, anywhere in it (inside functions too), as dotted names."""
    base = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                b = base
                for _ in range(node.level - 1):
                    b = b.rpartition(".")[0]
                full = f"{b}.{node.module}" if node.module else b
            else:
                full = node.module or ""
            found.add(full)
            found.update(f"{full}.{a.name}" for a in node.names)
    return found


def _runtime_nodes(tree: ast.AST):
    """Every node but those under ``if TYPE_CHECKING:``: imports for type hints only never run."""
    todo = [tree]
    while todo:
        node = todo.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                todo.extend(child.orelse)
                continue
            todo.append(child)


def _under(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_rules_reviews_and_reports_reach_the_database_only_through_the_store():
    for name, path in _modules().items():
        if _under(name, "verify.rules", "verify.reviews", "verify.reports"):
            bad = {i for i in _imports(name, path) if _under(i, "sqlalchemy", "verify.store.tables")}
            assert not bad, f"{name} imports {sorted(bad)}"


def test_the_store_imports_nothing_of_extraction_articles_or_reports():
    for name, path in _modules().items():
        if _under(name, "verify.store"):
            bad = {i for i in _imports(name, path) if _under(i, "verify.extract", "verify.articles", "verify.reports")}
            assert not bad, f"{name} imports {sorted(bad)}"


def test_no_import_circle():
    mods = _modules()

    def resolve(name: str) -> str | None:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in mods.items():
        edges = set()
        for i in _imports(name, path):
            target = resolve(i) if i.startswith("verify") else None
            # importing a submodule runs its packages' __init__ first, but a module's own packages are
            # already running when it is imported
            while target:
                if target != name and not name.startswith(target + "."):
                    edges.add(target)
                target = target.rpartition(".")[0] or None
        graph[name] = edges
    state: dict[str, int] = {}
    path: list[str] = []

    def visit(m: str) -> None:
        state[m] = 1
        path.append(m)
        for t in sorted(graph[m]):
            if state.get(t) == 1:
                raise AssertionError("import circle: " + " -> ".join(path[path.index(t):] + [t]))
            if t not in state:
                visit(t)
        path.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)


def test_no_module_grows_much_past_500_lines():
    # a reader should see a module whole; a module past this splits by what it does
    long = {name: n for name, path in _modules().items() if (n := len(path.read_text(encoding="utf-8").splitlines())) > 520}
    assert not long, long
