"""The house as docs/architecture.md draws it: layers without cycles, small rooms, unique names."""

from __future__ import annotations

import ast
import re
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
PACKAGE = REPO / "briefing"
MAX_LINES = 450


def _modules() -> dict[str, Path]:
    """Every module of the package by dotted name (a package by its own name)."""
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(REPO).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _imports(name: str, path: Path, modules: dict[str, Path]) -> set[str]:
    """The package's modules this one imports, wherever the import is (a lazy one still ties
    two modules together), but not under `if TYPE_CHECKING:` (annotations only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    typing_only = {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for part in node.body
        for inner in ast.walk(part)
    }
    named: list[str] = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            named += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            named += [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
    found = set()
    for dotted in named:
        while dotted and dotted not in modules:
            dotted = dotted.rpartition(".")[0]
        if dotted and dotted != name and not dotted.startswith(name + "."):
            found.add(dotted)
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Groups of modules that import each other, directly or round a loop (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for other in graph[module]:
            if other not in index:
                visit(other)
                low[module] = min(low[module], low[other])
            elif other in stack:
                low[module] = min(low[module], index[other])
        if low[module] == index[module]:
            group = []
            while (top := stack.pop()) != module:
                group.append(top)
            group.append(module)
            if len(group) > 1:
                groups.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return groups


def test_cycle_finder_finds_a_cycle():
    """The check below could not pass by accident: a loop of three is found, a chain is not."""
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycles():
    modules = _modules()
    graph = {name: _imports(name, path, modules) for name, path in modules.items()}
    assert _cycles(graph) == []


def test_the_model_and_the_format_know_nothing_of_the_views():
    """Data flows one way: YAML -> format -> model -> views (render, tui)."""
    modules = _modules()
    lower = [name for name in modules if name == "briefing.model" or name.startswith("briefing.format")]
    for name in lower:
        imported = _imports(name, modules[name], modules)
        views = sorted(
            m for m in imported if m.startswith(("briefing.tui", "briefing.render", "briefing.cli"))
        )
        assert views == [], name


def test_no_module_is_too_long_to_read_in_one_sitting():
    lengths = {name: len(path.read_text(encoding="utf-8").splitlines()) for name, path in _modules().items()}
    assert {name: n for name, n in lengths.items() if n > MAX_LINES} == {}


def test_no_two_modules_share_a_name():
    names = Counter(path.name for path in PACKAGE.rglob("*.py") if path.name != "__init__.py")
    assert [name for name, count in names.items() if count > 1] == []


def test_the_map_names_every_module_and_only_modules_that_exist():
    """docs/architecture.md has one line per module, each naming its path in backticks."""
    text = (REPO / "docs" / "architecture.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`(briefing/[\w/]+\.py)`", text))
    present = {str(path.relative_to(REPO)) for path in PACKAGE.rglob("*.py") if path.name != "__init__.py"}
    assert sorted(named - present) == [], "named in the map but not in the tree"
    assert sorted(present - named) == [], "in the tree but not in the map"


def test_every_package_ships_in_the_wheel():
    """pyproject.toml lists the packages a wheel holds: one left out installs a reader that
    cannot start (the editable install the tests use would not notice)."""
    import tomllib

    listed = set(
        tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    packages = {name for name, path in _modules().items() if path.name == "__init__.py"}
    assert packages - listed == set()
