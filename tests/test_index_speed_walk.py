"""The index's walk over generated files gives the index the walk written the long way gives.

`styr.model.index._walk` follows a layout made ready for its level once
(`_plan`) and adds each element and its links itself; the files generated
here hold what it must tell apart: entries that are not mappings, ids that
are not text or repeat, kinds named, undeclared or not text, links that are
not lists or hold more than text, plans of owners at other levels, and the
same layouts at several levels.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from test_view_speed_index import _described, _index_the_long_way

from styr.load import Document
from styr.model.index import build_index
from styr.model.repository import Repository, load_repository

_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "helsingborg"
_MODEL = load_repository(_EXAMPLE).model
_IDS = st.sampled_from(["a", "b", "c", "mal-1", "ind-1", "namnd-1", "plan-1"])
_KINDS = st.sampled_from([*_MODEL.kinds, "odeklarerad"])
_TEXT = st.one_of(_IDS, st.integers(0, 3), st.none())


@st.composite
def _entry(draw: st.DrawFn, children: tuple[str, ...] = ()) -> Any:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["text", 5, None, ["x"]]))  # not an element
    entry: dict[str, Any] = {}
    if draw(st.booleans()):
        entry["id"] = draw(_TEXT)
    if draw(st.integers(0, 3)) == 0:
        entry["kind"] = draw(st.one_of(_KINDS, st.integers(0, 2)))
    if draw(st.booleans()):
        entry["contributes_to"] = draw(st.one_of(st.lists(_TEXT, max_size=3), _TEXT))
    for key in ("owner", "to", "based_on", "reported_to", "title"):
        if draw(st.integers(0, 3)) == 0:
            entry[key] = draw(_TEXT)
    if draw(st.integers(0, 3)) == 0:
        entry["area_readings"] = [{"area": draw(_TEXT)}, "not a reading"]
    for key in children:
        if draw(st.booleans()):
            entry[key] = draw(_entries())
    return entry


def _entries(*children: str) -> st.SearchStrategy[Any]:
    listed = st.lists(_entry(children), max_size=3)
    return st.one_of(listed, listed, listed, st.sampled_from(["no list", None, {}]))


_ORGANISATION = st.fixed_dictionaries(
    {"kind": st.just("organisation"), "id": _TEXT, "type": st.sampled_from(["namnd", "x", 1])},
    optional={
        "goals": _entries("indicators"),
        "indicators": _entries(),
        "assignments": _entries(),
        "direction": st.fixed_dictionaries({"contributes_to": st.lists(_TEXT, max_size=2)}),
    },
)
_COUNCIL = st.fixed_dictionaries(
    {"kind": st.just("council")},
    optional={"areas": _entries("indicators", "goals"), "goals": _entries("indicators")},
)
_VISION = st.fixed_dictionaries(
    {"kind": st.just("vision")},
    optional={
        "vision": _entry(("areas",)),
        "waypoints": _entries(),
        "values": _entries(),
    },
)
_PLANS = st.one_of(
    st.fixed_dictionaries(
        {"kind": st.just("work_plan"), "work_plan": _entry(("activities",))},
    ),
    st.fixed_dictionaries(
        {"kind": st.just("operational_plan"), "operational_plan": _entry()},
    ),
    st.fixed_dictionaries(
        {"kind": st.just("steering_documents"), "documents": _entries()},
    ),
)
_DOCUMENT = st.one_of(_ORGANISATION, _ORGANISATION, _COUNCIL, _VISION, _PLANS)


@settings(derandomize=True, max_examples=200, deadline=None)
@given(st.lists(_DOCUMENT, min_size=1, max_size=6))
def test_the_walk_over_generated_files_is_the_long_way(files: list[dict[str, Any]]) -> None:
    documents = [Document(Path(f"{number}.yaml"), data) for number, data in enumerate(files)]
    repository = Repository(Path("."), Document(Path("styr.yaml"), {}), documents, _MODEL)
    assert _described(build_index(repository)) == _described(_index_the_long_way(repository))
