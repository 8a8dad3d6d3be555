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
        # Each node is numbered in the order the walk meets it; what Tarjan's
        # algorithm keeps about a node is kept by its number, in lists and a
        # byte string, not in one table per thing keyed by identity: for the
        # 200,000 elements of a large report that was 30 MB more at its peak.
        # `_reached` keys on the same numbers of identity the walk made.
        number: dict[int, int] = {}  # a node's identity → its number
        key_of: list[int] = []  # number → identity
        low: list[int] = []  # number → the lowest number it reaches on the stack
        on_stack = bytearray()  # number → 1 while the node is on the stack
        stack: list[Node] = []
        for start in nodes:
            if id(start) in number:
                continue
            first = onward(start)
            if not first:
                self._leaf(start, marks)
                continue
            work: list[tuple[Node, Sequence[Node], int, int]] = [(start, first, 0, 0)]
            while work:
                node, targets, position, mine = work.pop()
                if position == 0:
                    key = id(node)
                    mine = number[key] = len(key_of)
                    key_of.append(key)
                    low.append(mine)
                    on_stack.append(1)
                    stack.append(node)
                if position < len(targets):
                    work.append((node, targets, position + 1, mine))
                    target = targets[position]
                    seen = number.get(id(target))
                    if seen is not None:
                        if on_stack[seen] and seen < low[mine]:
                            low[mine] = seen
                    elif further := onward(target):
                        work.append((target, further, 0, 0))
                    else:
                        self._leaf(target, marks)
                    continue
                for target in targets:  # every one numbered by now, but a leaf
                    seen = number.get(id(target))
                    if seen is not None and on_stack[seen] and low[seen] < low[mine]:
                        low[mine] = low[seen]
                if low[mine] == mine:
                    self._close(node, stack, number, key_of, on_stack, marks, onward)

    def _leaf(self, node: Node, marks: Callable[[Node], Iterable[Mark]]) -> None:
        """A node that links on to nothing reaches its own marks: closed without the walk.

        Most goals link straight to the council level, and most indicators to
        nothing: numbering them for Tarjan's algorithm was most of its work
        and memory. A leaf met again is worked out again, to the same marks.
        """
        found = frozenset(marks(node))
        if found:
            self._reached[id(node)] = self._interned.setdefault(found, found)

    def reached(self, node: Node) -> frozenset[Mark]:
        """The marks a node reaches (nothing for a node that was not given)."""
        return self._reached.get(id(node), _NOTHING)  # type: ignore[arg-type]

    def _close(
        self,
        root: Node,
        stack: list[Node],
        number: dict[int, int],
        key_of: list[int],
        on_stack: bytearray,
        marks: Callable[[Node], Iterable[Mark]],
        onward: Callable[[Node], Sequence[Node]],
    ) -> None:
        """Pop the component of `root` off the stack; all of it reaches the same marks."""
        members: list[Node] = []
        while True:
            member = stack.pop()
            on_stack[number[id(member)]] = 0
            members.append(member)
            if member is root:
                break
        found: set[Mark] = set()
        shared: frozenset[Mark] | None = None
        for member in members:
            found.update(marks(member))
            for target in onward(member):
                reached = self._reached.get(id(target))
                if reached is not None:  # None: reaches nothing, or not closed yet
                    found |= reached
                    shared = reached
        # Along a chain every step reaches the same marks: share one set, not one a step;
        # and many goals that reach the same column share that one set too.
        result = shared if shared is not None and found == shared else frozenset(found)
        if not result:
            return  # `reached` answers nothing for a node it does not hold (half of them)
        result = self._interned.setdefault(result, result)
        for member in members:
            self._reached[key_of[number[id(member)]]] = result
