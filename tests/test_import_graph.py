"""No import circles between the project's modules: of two modules, one may depend on the other
only. Every import counts (at the top, inside a function, or for type checking only); a
package's __init__, which only names what its modules define, is left out."""

from __future__ import annotations

import ast
from pathlib import Path

SOURCE = Path(__file__).resolve().parent.parent / "src"


def module_imports() -> dict[str, set[str]]:
    paths = {".".join(path.relative_to(SOURCE).with_suffix("").parts): path
             for path in (SOURCE / "quellenlage").rglob("*.py") if path.name != "__init__.py"}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name.rsplit(".", 1)[0]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*parts, base] if base else parts)
                targets = [base, *(f"{base}.{alias.name}" for alias in node.names)]
            else:
                continue
            graph[name].update(target for target in targets if target in paths and target != name)
    return graph


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
    assert "quellenlage.ingest.runner" in graph["quellenlage.archive.archive"]
    circles = [circle for name in sorted(graph) if (circle := cycle_through(graph, name))]
    assert circles == [], "\n".join(" -> ".join(circle) for circle in circles)
