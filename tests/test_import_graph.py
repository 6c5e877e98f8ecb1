"""No import circles between the project's modules: of two modules, one may depend on the other
only. Every import counts, at the top, inside a function (an import put there to hide a circle
is still one) or for type checking, with one exception: a module may name, for type checking
only, the types of a module that imports it at its top (`text.document` imports
`text.morphology`, which annotates with `Document`). A package's __init__, which only names
what its modules define, is left out."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src"
TOP, INSIDE, TYPING = "top", "inside a function", "for type checking"


def _imported(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")[: len(package.split(".")) - node.level + 1]
        base = ".".join([*parts, base] if base else parts)
    return [base, *(f"{base}.{alias.name}" for alias in node.names)]


def _imports(tree: ast.AST, package: str, where: str = TOP) -> list[tuple[str, str]]:
    """(module, how) of every import below `tree`."""
    found: list[tuple[str, str]] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.extend((name, where) for name in _imported(node, package))
        elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found.extend(_imports(node, package, TYPING))
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            found.extend(_imports(node, package, INSIDE if where == TOP else where))
        else:
            found.extend(_imports(node, package, where))
    return found


def module_imports() -> dict[str, dict[str, str]]:
    """Each module -> the modules it imports, and how (TOP, INSIDE or TYPING)."""
    paths = {".".join(path.relative_to(SOURCE).with_suffix("").parts): path
             for path in (SOURCE / "quellenlage").rglob("*.py") if path.name != "__init__.py"}
    graph: dict[str, dict[str, str]] = {name: {} for name in paths}
    for name, path in paths.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for target, how in _imports(tree, name.rsplit(".", 1)[0]):
            if target in paths and target != name and graph[name].get(target) != TOP:
                graph[name][target] = how
    return graph


def dependencies(graph: dict[str, dict[str, str]]) -> dict[str, set[str]]:
    """The edges that count: all but the type-checking names of a module that imports this
    one at its top."""
    return {
        name: {target for target, how in targets.items()
               if not (how == TYPING and graph[target].get(name) == TOP)}
        for name, targets in graph.items()
    }


def cycle_through(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A path of imports from `start` back to it, or None."""
    paths = [[start]]
    seen = {start}
    while paths:
        path = paths.pop()
        for following in sorted(graph[path[-1]]):
            if following == start:
                return [*path, start]
            if following not in seen:
                seen.add(following)
                paths.append([*path, following])
    return None


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = module_imports()
    assert graph["quellenlage.archive.archive"]["quellenlage.ingest.runner"] == INSIDE
    edges = dependencies(graph)
    circles = [circle for name in sorted(edges) if (circle := cycle_through(edges, name))]
    assert circles == [], "\n".join(" -> ".join(circle) for circle in circles)
