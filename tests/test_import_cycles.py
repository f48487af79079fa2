"""No import circles in casefile (DESIGN.md), counting every import: module level, inside
functions and under TYPE_CHECKING."""

from __future__ import annotations

from tests.support.import_graph import imports_of, is_module, modules

# Circles allowed to exist: none. A test below fails listing any that appears.
ALLOWED: set[frozenset[str]] = set()


def import_graph() -> dict[str, set[str]]:
    """module -> the casefile modules it imports (a name is taken to the nearest enclosing
    module: ``casefile.core.names.normalise_name`` -> ``casefile.core.names``)."""
    graph: dict[str, set[str]] = {}
    for path, module in modules():
        edges = graph.setdefault(module, set())
        for target, _line, _in_function in imports_of(path, module):
            while target and not is_module(target):
                target = target.rpartition(".")[0]
            if target.startswith("casefile.") and target != module:
                edges.add(target)
    return graph


def circles(graph: dict[str, set[str]]) -> list[frozenset[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[frozenset[str]] = []
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
                    work.append((child, iter(sorted(graph.get(child, ())))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = set()
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.add(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(frozenset(component))
    return found


def test_circles_are_found():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a", "e"}, "e": {"d"}, "f": {"f"},
             "g": set()}
    assert sorted(map(sorted, circles(graph))) == [["a", "b", "c"], ["d", "e"]]


def test_no_new_import_circles():
    found = set(circles(import_graph()))
    new = [", ".join(sorted(c)) for c in found - ALLOWED]
    gone = [", ".join(sorted(c)) for c in ALLOWED - found]
    assert not new, "import circles:\n" + "\n".join(new)
    assert not gone, "no longer circles, remove them from ALLOWED:\n" + "\n".join(gone)
