"""Count the package's import graph: nodes, layers and arrows, at two zoom levels.

Usage:
    python scripts/import_graph.py [--dot]

Reads every module under ``plugins/antarkerja`` (imports anywhere in a file, lazy ones too)
and prints three lines (and any loop between collapsed entries):

* ``modules``: one node per module file; an arrow per module that imports another.
* ``entries``: one node per entry a newcomer sees when opening a folder: a module file, or a
  subpackage folder collapsed into one node, at the package top and inside each layer folder
  (``records/``, ``site/``, ``tools/``); arrows between those nodes.
* ``top``: the same with each layer folder collapsed too: what the package top shows.

``layers`` is the number of nodes on the longest chain of imports, so it says how deep one
must read to understand the top. Modules have no import cycle (``tests/test_layout.py``);
collapsed entries can (a folder imports a module that imports back into the folder): such a
loop counts as one node on the chain and is listed. ``docs/architecture.md`` quotes the figures before and after the move into layers.
``--dot`` prints the entries graph in Graphviz format instead.
"""

from __future__ import annotations

import ast
import sys
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "plugins" / "antarkerja"
LAYERS = ("records", "site", "tools")


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(path: Path, known: set[str]) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name in known)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                out.add(sub if sub in known else node.module)
    return {m for m in out if m in known}


def entry_of(module: str, inside_layers: bool = True) -> str:
    """The folder entry a module belongs to: antarkerja.site.outputs.feeds -> site.outputs
    (or -> site when the layers are collapsed too)."""
    parts = module.split(".")[1:]
    if not parts:
        return "antarkerja"
    depth = 2 if inside_layers and parts[0] in LAYERS and len(parts) > 1 else 1
    return ".".join(parts[:depth])


def collapse(module_graph: dict[str, set[str]], inside_layers: bool) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for name, targets in module_graph.items():
        here = entry_of(name, inside_layers)
        graph.setdefault(here, set()).update(entry_of(t, inside_layers) for t in targets)
    graph.pop("antarkerja", None)
    for node, targets in graph.items():
        targets.discard("antarkerja")
        targets.discard(node)
    return graph


def strongly_connected(graph: dict[str, set[str]]) -> list[set[str]]:
    """Tarjan's components: nodes that import each other, directly or around a loop."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    components: list[set[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = set()
            while True:
                member = stack.pop()
                component.add(member)
                if member == node:
                    break
            components.append(component)

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return components


def measure(graph: dict[str, set[str]]) -> tuple[int, int, int, list[set[str]]]:
    """Nodes, layers (longest chain, a loop counted as one node), arrows, and the loops."""
    components = strongly_connected(graph)
    owner = {node: i for i, component in enumerate(components) for node in component}
    dag = {i: {owner[t] for n in c for t in graph.get(n, ()) if owner[t] != i} for i, c in enumerate(components)}

    @cache
    def depth(i: int) -> int:
        return 1 + max((depth(j) for j in dag[i]), default=0)

    arrows = sum(len(targets) for targets in graph.values())
    loops = [c for c in components if len(c) > 1]
    return len(graph), max(map(depth, dag), default=0), arrows, loops


def main(argv: list[str]) -> int:
    mods = modules()
    known = set(mods)
    module_graph = {name: imports(path, known) - {name, "antarkerja"} for name, path in mods.items()}
    entry_graph = collapse(module_graph, inside_layers=True)
    top_graph = collapse(module_graph, inside_layers=False)
    if "--dot" in argv:
        print("digraph antarkerja {")
        for node, targets in sorted(entry_graph.items()):
            for target in sorted(targets):
                print(f'  "{node}" -> "{target}";')
        print("}")
        return 0
    for label, graph in (("modules", module_graph), ("entries", entry_graph), ("top", top_graph)):
        nodes, layers, arrows, loops = measure(graph)
        print(f"{label}: {nodes} nodes, {layers} layers, {arrows} arrows")
        for loop in loops:
            print(f"  {label} that import each other: {', '.join(sorted(loop))}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
