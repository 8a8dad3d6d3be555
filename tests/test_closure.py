"""The closure of a graph (`styr.model.closure`) against a plain walk from every node."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from styr.model.closure import Closure


class _Node:
    """Told apart by identity, as the index's elements are (not hashable)."""

    __hash__ = None  # type: ignore[assignment]

    def __init__(self, marks: set[int]) -> None:
        self.marks = marks
        self.onward: list[_Node] = []


def _graph(size: int, edges: list[tuple[int, int]], marks: list[set[int]]) -> list[_Node]:
    nodes = [_Node(marks[position % len(marks)] if marks else set()) for position in range(size)]
    for source, target in edges:
        nodes[source % size].onward.append(nodes[target % size])
    return nodes


def _walked(node: _Node) -> set[int]:
    """What a node reaches, read straight from the rule: its marks and all it links to, onwards."""
    found: set[int] = set()
    seen: set[int] = set()
    pending = [node]
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        found |= current.marks
        pending.extend(current.onward)
    return found


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=30),
    st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=80),
    st.lists(st.sets(st.integers(0, 5), max_size=3), max_size=8),
    st.integers(min_value=0, max_value=30),
)
def test_every_node_reaches_what_a_walk_from_it_finds(
    size: int, edges: list[tuple[int, int]], marks: list[set[int]], left_out: int
) -> None:
    nodes = _graph(size, edges, marks)
    given_nodes = nodes[left_out % size :] + nodes[: left_out % size]
    closure = Closure(given_nodes, lambda node: node.marks, lambda node: node.onward)
    for node in nodes:
        assert closure.reached(node) == _walked(node)


def test_a_long_cycle_and_a_deep_chain_share_one_set() -> None:
    cycle = [_Node(set()) for _ in range(50_000)]
    for position, node in enumerate(cycle):
        node.onward.append(cycle[(position + 1) % len(cycle)])
    cycle[123].marks = {7}
    chain = [_Node(set()) for _ in range(20_000)]
    for above, below in pairwise(chain):
        below.onward.append(above)
    chain[0].onward.append(cycle[0])
    closure = Closure([*chain, *cycle], lambda node: node.marks, lambda node: node.onward)
    reached = {id(closure.reached(node)) for node in [*chain, *cycle]}
    assert len(reached) == 1
    assert closure.reached(chain[-1]) == {7}


def test_a_node_not_given_reaches_nothing() -> None:
    node = _Node({1})
    closure: Closure[_Node, int] = Closure([], lambda n: n.marks, lambda n: n.onward)
    assert closure.reached(node) == frozenset()
