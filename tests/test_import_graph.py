"""The import graph of ``src/memo_lint`` has no cycle and no upward import (docs/architecture.md).

A small AST walk over every module, function-local (lazy) imports included: a lazy import
still ties two modules together, it only defers the cost. The stages below are the memo's
journey; a module may import its own stage and the stages before it, never a later one.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "memo_lint"

# Lowest first. A module in a package listed here (e.g. a new ``checks/x.py``) takes the
# package's stage. A top-level module not listed yet sits just above the highest stage it
# imports, so a module of an earlier stage that imports it is still caught; list it here.
STAGES: list[tuple[str, set[str]]] = [
    (
        "foundation",
        {
            "errors",
            "model",
            "dutch",
            "messages",
            "patterns",
            "yamlsafe",
            "codes",
            "cache",
            "writes",
            "suppressions",
            "report",
            "spool",
            "citations",
            "laws",
            "text",
            "pack",
        },
    ),
    ("readers", {"readers"}),
    ("analysis", {"analysis"}),
    ("checks", {"checks"}),
    ("packs", {"pack_files", "pack_model", "pack_validation", "packs"}),
    (
        "run",
        {
            "config_validation",
            "config_schema",
            "config",
            "discovery",
            "selection",
            "engine",
            "plan",
        },
    ),
    ("reporters", {"reporters"}),
    ("linter", {"linter"}),
    ("api", {"api", "parallel", "baseline"}),
    (
        "front",
        {
            "memo_lint",
            "__main__",
            "cli",
            "cli_common",
            "cli_project",
            "cli_audit",
            "project_init",
            "memo_template",
            "effective_config",
            "kind_docs",
            "rule_docs",
            "audit",
        },
    ),
]

# Edges that are not layering, each with its reason.
ALLOWED: dict[tuple[str, str], str] = {
    # The package root is the public facade: its __getattr__ lazily hands out api.lint_paths
    # and api.lint_text, while every layer may read the root's __version__ constant.
    ("memo_lint", "memo_lint.api"): "facade re-export",
}
VERSION_ONLY = "memo_lint"  # `from memo_lint import __version__` is no edge to the facade


def _modules() -> dict[str, Path]:
    found = {}
    for path in SRC.rglob("*.py"):
        parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _graph() -> dict[str, set[str]]:
    modules = _modules()

    def owner(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {t for a in node.names if (t := owner(a.name))}
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")[: len(package.split(".")) - node.level + 1]
                    module = ".".join(base + ([node.module] if node.module else []))
                else:
                    module = node.module or ""
                if not module.startswith("memo_lint"):
                    continue
                for alias in node.names:
                    if module == VERSION_ONLY and alias.name == "__version__":
                        continue
                    target = owner(f"{module}.{alias.name}")
                    if target != f"{module}.{alias.name}":
                        target = owner(module)
                    if target:
                        targets.add(target)
        targets.discard(name)
        graph[name] = {t for t in targets if (name, t) not in ALLOWED}
    return graph


def _listed_stage(module: str) -> int | None:
    parts = module.split(".")
    key = parts[1] if len(parts) > 1 else parts[0]
    return next((i for i, (_, members) in enumerate(STAGES) if key in members), None)


def _stages(graph: dict[str, set[str]]) -> dict[str, int]:
    """Every module's stage: listed, or the highest stage among what it imports."""
    found: dict[str, int] = {}

    def stage(module: str, seen: frozenset[str]) -> int:
        if module not in found:
            listed = _listed_stage(module)
            if listed is None:
                below = [stage(t, seen | {module}) for t in graph[module] if t not in seen]
                listed = max(below, default=0)
            found[module] = listed
        return found[module]

    for module in graph:
        stage(module, frozenset())
    return found


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_the_import_graph_has_no_cycle() -> None:
    assert _cycles(_graph()) == []


def test_no_module_imports_a_later_stage() -> None:
    graph = _graph()
    stage = _stages(graph)
    upward = [
        f"{module} ({STAGES[stage[module]][0]}) imports {target} ({STAGES[stage[target]][0]})"
        for module, targets in sorted(graph.items())
        for target in sorted(targets)
        if stage[target] > stage[module]
    ]
    assert upward == []


def test_an_unlisted_module_sits_above_what_it_imports() -> None:
    graph = {
        "memo_lint.model": set(),
        "memo_lint.new": {"memo_lint.engine"},
        "memo_lint.engine": set(),
    }
    stage = _stages(graph)
    assert stage["memo_lint.new"] == stage["memo_lint.engine"] > stage["memo_lint.model"]


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": {"b"}, "b": {"c"}, "c": set()}, []),
        ({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}, [["a", "b", "c"]]),
    ],
)
def test_the_cycle_finder_finds_cycles(
    graph: dict[str, set[str]], expected: list[list[str]]
) -> None:
    assert _cycles(graph) == expected


def test_the_walk_sees_lazy_imports() -> None:
    """packs.load imports pack_validation inside a function: that edge must be in the graph."""
    assert "memo_lint.pack_validation" in _graph()["memo_lint.packs"]
