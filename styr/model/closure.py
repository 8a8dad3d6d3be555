"""What every element reaches along links, worked out once, in time linear in the links.

Several questions walk the goal chain upwards: which council-level columns a
goal reaches (the report's diagram and figures), which goal areas a goal
counts under (follow-up). A walk per element is quadratic in the depth of a
chain and in the length of a cycle; `closure` answers for every element at
once. The elements are grouped into strongly connected components (Tarjan's
algorithm, without recursion, so a chain 100,000 deep is no problem), so
that a cycle is one node; a component reaches its own marks and everything
the components it links to reach, and Tarjan's algorithm closes a component
only after those.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Sequence
from typing import Generic, TypeVar

Node = TypeVar("Node")
Mark = TypeVar("Mark", bound=Hashable)

_NOTHING: frozenset[object] = frozenset()


class Closure(Generic[Node, Mark]):
    """The marks each node reaches: its own, and those of every node it links to, onwards.

    `marks(node)` are what a node gives directly (a goal's direct link to a
    council area); `onward(node)` the nodes a walk goes on to. Nodes are told
    apart by identity, so they need not be hashable. Neither function is kept
    once the marks are worked out.
    """

    def __init__(
        self,
        nodes: Iterable[Node],
        marks: Callable[[Node], Iterable[Mark]],
        onward: Callable[[Node], Sequence[Node]],
    ) -> None:
        self._reached: dict[int, frozenset[Mark]] = {}
        self._interned: dict[frozenset[Mark], frozenset[Mark]] = {}
        number: dict[int, int] = {}
        low: dict[int, int] = {}
        stack: list[Node] = []
        on_stack: set[int] = set()
        for start in nodes:
            if id(start) in number:
                continue
            work: list[tuple[Node, Sequence[Node], int]] = [(start, onward(start), 0)]
            while work:
                node, targets, position = work.pop()
                key = id(node)
                if position == 0:
                    number[key] = low[key] = len(number)
                    stack.append(node)
                    on_stack.add(key)
                if position < len(targets):
                    work.append((node, targets, position + 1))
                    target = targets[position]
                    if id(target) not in number:
                        work.append((target, onward(target), 0))
                    elif id(target) in on_stack:
                        low[key] = min(low[key], number[id(target)])
                    continue
                for target in targets:
                    if id(target) in on_stack:
                        low[key] = min(low[key], low[id(target)])
                if low[key] == number[key]:
                    self._close(node, stack, on_stack, marks, onward)

    def reached(self, node: Node) -> frozenset[Mark]:
        """The marks a node reaches (nothing for a node that was not given)."""
        return self._reached.get(id(node), _NOTHING)  # type: ignore[arg-type]

    def _close(
        self,
        root: Node,
        stack: list[Node],
        on_stack: set[int],
        marks: Callable[[Node], Iterable[Mark]],
        onward: Callable[[Node], Sequence[Node]],
    ) -> None:
        """Pop the component of `root` off the stack; all of it reaches the same marks."""
        members: list[Node] = []
        while True:
            member = stack.pop()
            on_stack.discard(id(member))
            members.append(member)
            if member is root:
                break
        found: set[Mark] = set()
        shared: frozenset[Mark] | None = None
        for member in members:
            found.update(marks(member))
            for target in onward(member):
                reached = self._reached.get(id(target))
                if reached is not None:  # None: in this component, not closed yet
                    found |= reached
                    shared = reached
        # Along a chain every step reaches the same marks: share one set, not one a step;
        # and many goals that reach the same column share that one set too.
        result = shared if shared is not None and found == shared else frozenset(found)
        result = self._interned.setdefault(result, result)
        for member in members:
            self._reached[id(member)] = result
