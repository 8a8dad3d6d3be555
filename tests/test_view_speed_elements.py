"""The element views' shortcuts give what the plain reading of each field gives.

A target without a note skips the words of a note; a field that is not written
(no links, no Global Goals, no decision, no citation, no Kolada id) gives
nothing without being read; a kind is named once; an element's children are
the index's. Each is held here to the reading written out the long way.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from report_helpers import ROOT, rich_repository

from styr.followup.evaluate import stands_as_goal
from styr.model.index import Element, shared_index
from styr.model.repository import load_repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.decision_words import decision_facts
from styr.report.followup import follow_up
from styr.report.links import kolada, sdg
from styr.report.provenance import citation_text, provenance_facts, provenance_text
from styr.report.texts import Labels, category_name
from styr.report.view import ViewBuilder
from styr.report.view_types import Fact, IndicatorView, ItemView, Ref, ValueAt


@pytest.fixture(scope="module")
def builders(tmp_path_factory: pytest.TempPathFactory) -> dict[str, ViewBuilder]:
    """A builder in each language over the rich test repository and over each example."""
    rich = rich_repository(tmp_path_factory.mktemp("speed") / "testby")
    examples = {name: ROOT / "examples" / name for name in ("helsingborg", "huddinge")}
    roots = {"rich": rich, **examples}
    made = {}
    for name, root in roots.items():
        repository = load_repository(root)
        for language in ("sv", "en"):
            index = shared_index(repository)
            made[f"{name}-{language}"] = ViewBuilder(repository, index, Labels(language), Anchors())
    return made


def _all(builders: dict[str, ViewBuilder]) -> Iterator[ViewBuilder]:
    return iter(builders.values())


# --- values at a year ------------------------------------------------------------------


def _value_at_the_long_way(builder: ViewBuilder, value: Any) -> ValueAt | None:
    if not isinstance(value, dict):
        return None
    year = value.get("year")
    note_parts = []
    term = value.get("term")
    if term == "short" or term == "long":
        note_parts.append(builder.t.get(f"term_{term}"))
    written = fmt.one_line(value.get("text"))
    if written:
        note_parts.append(written)
    comment = fmt.one_line(value.get("comment"))
    if comment:
        note_parts.append(comment)
    return ValueAt(
        year=str(year) if type(year) is int else "",
        value=fmt.number(value.get("value"), builder.language),
        note=", ".join(note_parts),
    )


def _values_at_the_long_way(builder: ViewBuilder, value: Any) -> list[ValueAt]:
    items = [_value_at_the_long_way(builder, v) for v in value] if isinstance(value, list) else []
    present = [item for item in items if item is not None]
    if len(present) < 2:
        return present
    return sorted(present, key=lambda v: (v.year == "", v.year))


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 2030),
    st.floats(allow_nan=False, width=32),
    st.sampled_from(["short", "long", "", " sänkt \n\n mål ", "2026"]),
)
_values = st.dictionaries(
    st.sampled_from(["year", "value", "term", "text", "comment", "other", 1]), _scalars, max_size=5
)
_value_or_not = st.one_of(_values, _scalars, st.lists(_scalars, max_size=2))


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(["rich-sv", "rich-en"]), _value_or_not)
@example("rich-sv", {"year": 2026, "value": 80})
@example("rich-sv", {"year": 2026, "value": 80, "term": "long", "comment": "sänkt"})
@example("rich-en", {"value": 80, "text": "a note"})
@example("rich-en", {"year": True, "value": 1.5, "other": "x"})
def test_a_value_at_a_year_is_the_reading_written_out(
    builders: dict[str, ViewBuilder], name: str, value: Any
) -> None:
    builder = builders[name]
    assert builder.value_at(value) == _value_at_the_long_way(builder, value)


@settings(deadline=None, max_examples=300)
@given(
    st.sampled_from(["rich-sv", "rich-en"]),
    st.one_of(st.lists(_value_or_not, max_size=4), _value_or_not),
)
@example("rich-sv", [{"year": 2026, "value": 80}])
@example("rich-sv", [None])
@example("rich-sv", [{"year": 2030, "value": 90}, {"value": 1}, {"year": 2026, "value": 80}])
@example("rich-en", [7, {"year": 2026}])
def test_values_at_years_are_the_reading_written_out(
    builders: dict[str, ViewBuilder], name: str, value: Any
) -> None:
    builder = builders[name]
    assert builder.values_at(value) == _values_at_the_long_way(builder, value)


# --- fields most elements do not write ----------------------------------------------------

_ids = st.sampled_from(["skolnamnden", "kf-mal-1", "saknas", "sfn-mal-1", "", "4", "4.1"])
_lists = st.one_of(st.none(), st.lists(st.one_of(_ids, st.integers(0, 20)), max_size=3), _ids)
_decisions = st.one_of(
    st.none(),
    st.just("beslutad"),
    st.fixed_dictionaries(
        {"by": st.sampled_from(["kommunfullmaktige", "okänd"]), "date": st.just("2025-11-24")},
        optional={"illustrative": st.booleans(), "state": st.sampled_from(["proposed", "x"])},
    ),
)
_citations = st.one_of(
    st.none(),
    st.just("en text"),
    st.fixed_dictionaries({}, optional={"title": st.just("Plan"), "year": st.just(2024)}),
)
_element_data = st.fixed_dictionaries(
    {},
    optional={
        "contributes_to": _lists,
        "agenda2030": _lists,
        "decision": _decisions,
        "citation": _citations,
        "illustrative": st.one_of(st.booleans(), st.just("true")),
        "title": st.just("Ett mål"),
    },
)


def _provenance_facts_the_long_way(data: dict[str, Any], labels: Labels) -> list[Fact]:
    citation = citation_text(data.get("citation"))
    if citation:
        return [Fact(labels.text_citation, citation)]
    if data.get("illustrative") is True:
        return [Fact(labels.text_illustrative, labels.text_illustrative_note, own=True)]
    return []


@settings(deadline=None, max_examples=300)
@given(st.sampled_from(["rich-sv", "rich-en"]), _element_data)
@example("rich-sv", {})
@example("rich-sv", {"contributes_to": ["kf-mal-1", "saknas"], "agenda2030": ["4.1", "99"]})
@example("rich-en", {"decision": {"by": "kommunfullmaktige", "illustrative": True}})
@example("rich-sv", {"citation": {"title": "Plan"}, "illustrative": True})
def test_unwritten_fields_give_what_reading_them_gives(
    builders: dict[str, ViewBuilder], name: str, data: dict[str, Any]
) -> None:
    builder = builders[name]
    assert builder.refs(data) == [
        builder.ref(t) for t in fmt.string_list(data.get("contributes_to"))
    ]
    assert builder.refs(data, "agenda2030") == [
        builder.ref(t) for t in fmt.string_list(data.get("agenda2030"))
    ]
    assert builder.sdgs(data) == [
        sdg(reference, builder.t) for reference in fmt.string_list(data.get("agenda2030"))
    ]
    assert builder.decision(data) == decision_facts(data, builder.index, builder.t)
    assert provenance_facts(data, builder.t) == _provenance_facts_the_long_way(data, builder.t)
    long_text = "; ".join(
        f"{f.label}: {f.text}" for f in _provenance_facts_the_long_way(data, builder.t)
    )
    assert provenance_text(data, builder.t) == long_text


def test_a_missing_reference_is_shown_as_written(builders: dict[str, ViewBuilder]) -> None:
    assert builders["rich-sv"].refs({"contributes_to": ["saknas"]}) == [
        Ref("saknas", "saknas", None)
    ]


def test_an_indicator_without_a_kolada_id_has_no_comparison(
    builders: dict[str, ViewBuilder],
) -> None:
    builder = builders["helsingborg-sv"]
    assert builder.peers.table.values  # the example compares itself with others
    compared = [e for e in builder.index.of_category("indicator") if "kolada" in e.data]
    assert compared and any(builder.indicator(e).peers is not None for e in compared)
    for element in builder.index.of_category("indicator"):
        if "kolada" not in element.data:
            assert builder.indicator(element).peers is None
            assert builder.peers.of(element.data) is None


# --- kinds and children -------------------------------------------------------------------


def _kind_the_long_way(builder: ViewBuilder, element: Element) -> str:
    if element.category == "organisation":
        org_type = builder.repository.model.organisation_types.get(element.kind_name or "")
        return org_type.label(builder.language) if org_type else (element.kind_name or "")
    if element.kind is not None:
        return element.kind.label(builder.language)
    return category_name(element.category, builder.language)


def test_each_kind_is_named_as_the_model_names_it(builders: dict[str, ViewBuilder]) -> None:
    for builder in _all(builders):
        for _ in range(2):  # the second time from the names already found
            for element in builder.index.elements:
                assert builder.kind(element) == _kind_the_long_way(builder, element)


def test_an_elements_children_are_those_written_under_it(
    builders: dict[str, ViewBuilder],
) -> None:
    for builder in _all(builders):
        elements = builder.index.elements
        categories = {element.category for element in elements}
        for parent in elements:
            for category in categories:
                assert builder.kids(parent, category) == [
                    e for e in elements if e.parent is parent and e.category == category
                ]


def test_the_fixture_covers_what_the_shortcuts_skip(builders: dict[str, ViewBuilder]) -> None:
    """The repositories above hold both shapes: fields written and not, kinds and none."""
    data = [e.data for b in _all(builders) for e in b.index.elements]
    for key in ("contributes_to", "agenda2030", "decision", "kolada"):
        assert any(key in d for d in data), key
        assert any(key not in d for d in data), key
    assert any(e.kind is None for b in _all(builders) for e in b.index.elements)


# --- views made in the fields' order ------------------------------------------------------


def _indicator_the_long_way(builder: ViewBuilder, element: Element) -> IndicatorView:
    data = element.data
    kpi = fmt.text(data.get("kolada"))
    anchor = builder.anchors.element(element)
    decision = builder.decision(data)
    return IndicatorView(
        id=element.id or "",
        anchor=anchor,
        title=fmt.one_line(element.title),
        kind=builder.kind(element),
        paragraphs=fmt.paragraphs(data.get("text")),
        unit=fmt.text(data.get("unit")),
        better=builder.better(data),
        baseline=_value_at_the_long_way(builder, data.get("baseline")),
        targets=_values_at_the_long_way(builder, data.get("targets")),
        milestones=_values_at_the_long_way(builder, data.get("milestones")),
        kolada=kolada(kpi, builder.repository.municipality_code, builder.t) if kpi else None,
        agenda2030=[sdg(r, builder.t) for r in fmt.string_list(data.get("agenda2030"))],
        contributes_to=[builder.ref(t) for t in fmt.string_list(data.get("contributes_to"))],
        gender_breakdown=data.get("gender_breakdown") is True,
        source=fmt.text(data.get("source")),
        outcome=builder.follow.outcomes.get(id(element), chart_id=f"graf-{anchor}"),
        provenance=provenance_text(data, builder.t),
        peers=builder.peers.of(data),
        decision=" · ".join(f"{f.label}: {f.text}" for f in decision),
        stands_as_goal=stands_as_goal(element),
        status=builder.follow.goals.get(id(element)),
    )


def _item_the_long_way(builder: ViewBuilder, element: Element) -> ItemView:
    data = element.data
    return ItemView(
        id=element.id or "",
        anchor=builder.anchors.element(element),
        category=element.category,
        kind=builder.kind(element),
        title=fmt.one_line(element.title),
        paragraphs=fmt.paragraphs(data.get("text")),
        facts=decision_facts(data, builder.index, builder.t) + provenance_facts(data, builder.t),
        contributes_to=[builder.ref(t) for t in fmt.string_list(data.get("contributes_to"))],
        agenda2030=[sdg(r, builder.t) for r in fmt.string_list(data.get("agenda2030"))],
        indicators=[
            _indicator_the_long_way(builder, e)
            for e in builder.index.elements
            if e.parent is element and e.category == "indicator"
        ],
        status=builder.follow.goals.get(id(element)),
        analysis=builder.follow.analyses.get(id(element), []),
    )


def test_each_elements_view_is_the_one_made_field_by_field(
    builders: dict[str, ViewBuilder],
) -> None:
    shown = 0
    for builder in _all(builders):
        for element in builder.index.elements:
            assert builder.item(element) == _item_the_long_way(builder, element)
            if element.category == "indicator":
                assert builder.indicator(element) == _indicator_the_long_way(builder, element)
                shown += 1
    assert shown > 20


def test_the_views_are_made_with_their_follow_up() -> None:
    """With outcomes and goals judged, as the report makes them: the same views."""
    repository = load_repository(ROOT / "examples" / "helsingborg")
    index = shared_index(repository)
    labels = Labels("sv")
    builder = ViewBuilder(
        repository, index, labels, Anchors(), follow_up(repository, index, labels.language)
    )
    goals = [e for e in index.elements if e.category == "goal"]
    assert any(builder.item(goal).status is not None for goal in goals)
    indicators = [e for e in index.elements if e.category == "indicator"]
    assert any(builder.indicator(e).outcome is not None for e in indicators)
    for element in goals + indicators:
        assert builder.item(element) == _item_the_long_way(builder, element)
    for element in indicators:
        assert builder.indicator(element) == _indicator_the_long_way(builder, element)


# --- references and periods ---------------------------------------------------------------


def _ref_the_long_way(builder: ViewBuilder, target: str) -> Ref:
    element = builder.index.by_id.get(target)
    if element is None:
        return Ref(target, target, None)
    anchor = builder.anchors.of(element)
    href = f"#{anchor}" if anchor else None
    return Ref(target, element.title, href, _kind_the_long_way(builder, element), element.category)


def test_a_reference_is_made_as_the_element_it_names_says(
    builders: dict[str, ViewBuilder],
) -> None:
    for builder in _all(builders):
        targets = [*builder.index.by_id, "saknas", ""]
        for _ in range(2):  # the second time, the shared ones from the first
            for target in targets:
                assert builder.ref(target) == _ref_the_long_way(builder, target)
        shared = [t for t, e in builder.index.by_id.items() if e.owner is None]
        assert shared and all(builder.ref(t) is builder.ref(t) for t in shared)


def _period_the_long_way(value: Any) -> str:
    if not isinstance(value, dict):
        return ""
    start, end = fmt.year(value.get("start")), fmt.year(value.get("end"))
    if start is not None and end is not None:
        return str(start) if start == end else f"{start}–{end}"
    return str(start if start is not None else end if end is not None else "")


@settings(deadline=None, max_examples=300)
@given(st.one_of(st.dictionaries(st.sampled_from(["start", "end", "x"]), _scalars), _scalars))
@example({"start": 2023, "end": 2026})
@example({"start": 2026, "end": 2026})
@example({"start": True, "end": 2026})
@example({"end": 2030})
@example({"start": 2023.0})
def test_a_period_is_the_reading_written_out(value: Any) -> None:
    assert fmt.period(value) == _period_the_long_way(value)
