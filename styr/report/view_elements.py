"""The report's view of single elements: references, items, indicators and goals.

The base of `ViewBuilder` (in `view`): what every section builds on. The
sections are built in `view_council` and `view_organisations`.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from styr.followup.evaluate import stands_as_goal
from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.report import formatting as fmt
from styr.report.anchors import Anchors
from styr.report.decision_words import decision_facts
from styr.report.followup import FollowUpLookup
from styr.report.language import kind_label
from styr.report.links import ExternalLink, kolada, sdg
from styr.report.provenance import provenance_facts, provenance_text
from styr.report.texts import Labels, category_name
from styr.report.unreadable import unreadable_files
from styr.report.view_peers import PeerViews
from styr.report.view_types import Fact, IndicatorView, ItemView, Ref, ValueAt


class ElementViews:
    """Views of one repository's elements; one instance per repository and language."""

    def __init__(
        self,
        repository: Repository,
        index: Index,
        labels: Labels,
        anchors: Anchors,
        follow: FollowUpLookup | None = None,
    ) -> None:
        self.repository = repository
        self.follow = follow or FollowUpLookup()
        self.peers = PeerViews(repository, labels, self.follow.period)
        self.index = index
        self.t = labels
        self.language = labels.language
        self.anchors = anchors
        self.unreadable = unreadable_files(repository, labels.language)
        # Each kind's label, asked for every element and every reference to one: the
        # words of the language, found once per kind (the kinds live as long as the model).
        self._kind_labels: dict[int, str] = {}
        # The references to what no organisation owns (the council level, the organisations
        # themselves, the plans), made once each: nearly every goal names a council-level
        # target, and the same few are named again and again. Kept, they are as many as
        # those elements; an organisation's goals, named by few, are made each time.
        self._shared_refs: dict[str, Ref] = {}
        # The plain values (a year and a number) and the goals' details (a target group, a
        # horizon) that come back element after element, made once each and shared, as the
        # references above: the first `_SHARED_KEPT` of each, so that a repository of values
        # all its own holds no more than before.
        self._shared_values: dict[tuple[object, ...], ValueAt] = {}
        self._shared_facts: dict[tuple[str, str], Fact] = {}
        self.top_level: dict[tuple[str, str | None], list[Element]] = defaultdict(list)
        for element in index.elements:
            if element.parent is None:
                self.top_level[(element.category, element.owner)].append(element)
        anchors.elements(index.elements)  # in written order: never dependent on the template

    # --- references -------------------------------------------------------------------

    def ref(self, target: str) -> Ref:
        shared = self._shared_refs.get(target)
        if shared is not None:
            return shared
        element = self.index.by_id.get(target)
        if element is None:
            return Ref(target, target, None)
        anchor = self.anchors.of(element)  # every element's is given before any reference
        href = f"#{anchor}" if anchor else None
        made = Ref(target, element.title, href, self.kind(element), element.category)
        if element.owner is None:  # the council level, an organisation, a plan
            self._shared_refs[target] = made
        return made

    def refs(self, data: dict[str, Any], key: str = "contributes_to") -> list[Ref]:
        targets = data.get(key)
        if targets is None:  # asked of every goal and indicator; most indicators link nowhere
            return []
        return [self.ref(target) for target in fmt.string_list(targets)]

    def organisation_or_text(self, value: Any) -> tuple[str, tuple[Ref, ...]]:
        """An `adopted_by`-like field: an organisation's id becomes a link, other text stays."""
        shown = fmt.text(value)
        if shown in self.index.by_id:
            return "", (self.ref(shown),)
        return shown, ()

    def kind(self, element: Element) -> str:
        kind = element.kind
        if kind is not None and element.category != "organisation":
            label = self._kind_labels.get(id(kind))
            if label is None:
                label = self._kind_labels[id(kind)] = kind_label(kind, self.language)
            return label
        if element.category == "organisation":
            org_type = self.repository.model.organisation_types.get(element.kind_name or "")
            return kind_label(org_type, self.language, element.kind_name or "")
        return category_name(element.category, self.language)

    def sdgs(self, data: dict[str, Any]) -> list[ExternalLink]:
        references = data.get("agenda2030")
        if references is None:  # asked of every goal and indicator; most name no target
            return []
        return [sdg(reference, self.t) for reference in fmt.string_list(references)]

    # --- elements ---------------------------------------------------------------------

    def item(self, element: Element, facts: list[Fact] | None = None) -> ItemView:
        data = element.data
        key = id(element)
        # The fields most elements do not write (a text, links, SDG targets) looked for here,
        # not in a call each: made for every goal of a report.
        text, links, sdgs = data.get("text"), data.get("contributes_to"), data.get("agenda2030")
        # In the fields' order, not by keyword: made for every goal of a report, and
        # keywords took half as long again as the making itself.
        return ItemView(
            element.id or "",
            self.anchors.element(element),
            element.category,
            self.kind(element),
            fmt.one_line(element.title),
            [] if text is None else fmt.paragraphs(text),
            self.facts_of(data, facts),
            "",  # lead: a council area's heading, set by its section
            [] if links is None else self.refs(data),  # contributes_to
            [] if sdgs is None else self.sdgs(data),  # agenda2030
            self.indicators_under(element),
            [],  # children: set by the sections that have them
            self.follow.goals.get(key),  # status
            self.follow.analyses.get(key) or [],
        )

    def facts_of(self, data: dict[str, Any], own: list[Fact] | None) -> list[Fact]:
        """An element's details: its own (`own`, a list made for it, which this extends),
        its decision, where its text comes from."""
        shown = own if own is not None else []
        if "decision" in data:  # most elements record none, nor any mark (one list, not three)
            shown += decision_facts(data, self.index, self.t)
        if "citation" in data or "illustrative" in data:
            shown += provenance_facts(data, self.t)
        return shown

    def decision(self, data: dict[str, Any]) -> list[Fact]:
        """Who decided the element and when, or nothing for an element without a decision."""
        if "decision" not in data:  # asked of every goal and indicator; most record none
            return []
        return decision_facts(data, self.index, self.t)

    def kids(self, element: Element, category: str) -> list[Element]:
        # The index's children, in written order: shared with the lint, found once for both.
        return [e for e in self.index.children(element) if e.category == category]

    def indicators_under(self, element: Element) -> list[IndicatorView]:
        # `kids`, written out: asked of every goal.
        children = self.index.children(element)
        return [self.indicator(e) for e in children if e.category == "indicator"]

    def indicator(self, element: Element) -> IndicatorView:
        data = element.data
        get = data.get
        kpi = fmt.text(data["kolada"]) if "kolada" in data else ""
        anchor = self.anchors.element(element)
        decision = decision_facts(data, self.index, self.t) if "decision" in data else None
        # The fields most indicators do not write, looked for here, not in a call each.
        text, milestones = get("text"), get("milestones")
        sdgs, links = get("agenda2030"), get("contributes_to")
        marked = "citation" in data or "illustrative" in data  # where its text comes from
        # In the fields' order, not by keyword: made for every indicator of a report, and
        # its nineteen keywords took longer than the making itself.
        return IndicatorView(
            element.id or "",
            anchor,
            fmt.one_line(element.title),
            self.kind(element),
            [] if text is None else fmt.paragraphs(text),
            fmt.text(get("unit")),
            self.better(data),
            self.value_at(get("baseline")),
            self.values_at(get("targets")),
            [] if milestones is None else self.values_at(milestones),
            kolada(kpi, self.repository.municipality_code, self.t) if kpi else None,
            [] if sdgs is None else self.sdgs(data),  # agenda2030
            [] if links is None else self.refs(data),  # contributes_to
            get("gender_breakdown") is True,
            fmt.text(get("source")),
            self.follow.outcomes.get(id(element), f"graf-{anchor}"),  # by position: no keyword
            provenance_text(data, self.t) if marked else "",
            " · ".join(f"{f.label}: {f.text}" for f in decision) if decision else "",
            self.peers.of(data) if "kolada" in data else None,  # nothing to compare by
            stands_as_goal(element),
            self.follow.goals.get(id(element)),  # status as a goal of its own
        )

    def better(self, data: dict[str, Any]) -> str:
        better = data.get("better")
        if better == "higher":
            return self.t.better_higher
        if better == "lower":
            return self.t.better_lower
        if better == "range":
            bounds = as_mapping(data.get("range"))
            low = fmt.number(bounds.get("min"), self.language)
            high = fmt.number(bounds.get("max"), self.language)
            span = f" {low}–{high}" if low or high else ""
            return f"{self.t.better_range}{span}"
        return ""

    def value_at(self, value: Any) -> ValueAt | None:
        if not isinstance(value, dict):
            return None
        year, number = value.get("year"), value.get("value")
        plain = type(number) in _NUMBERS and type(year) in _YEARS
        if not plain or not _NOTE_KEYS.isdisjoint(value):
            return self._value_at(year, number, value)
        # Most values are a year and a number, and the same few come back (a baseline of
        # 2022, a target of 80): nothing to note, made once each. By type too: 1 and 1.0 are
        # one key, but not always one text.
        key = (year, number, type(year), type(number))
        shared = self._shared_values.get(key)
        if shared is None:
            shared = self._value_at(year, number, value)
            if len(self._shared_values) < _SHARED_KEPT:
                self._shared_values[key] = shared
        return shared

    def _value_at(self, year: Any, number: Any, value: dict[str, Any]) -> ValueAt:
        note = "" if _NOTE_KEYS.isdisjoint(value) else self.note(value)
        return ValueAt(
            str(year) if type(year) is int else "", fmt.number(number, self.language), note
        )

    def note(self, value: dict[str, Any]) -> str:
        """What a baseline, target or milestone says besides its year and number."""
        note_parts = []
        term = value.get("term")
        if term == "short" or term == "long":
            note_parts.append(self.t.get(f"term_{term}"))
        written = fmt.one_line(value.get("text"))
        if written:
            note_parts.append(written)
        comment = fmt.one_line(value.get("comment"))  # why the value is set so (a lowered target)
        if comment:
            note_parts.append(comment)
        return ", ".join(note_parts)

    def values_at(self, value: Any) -> list[ValueAt]:
        if not isinstance(value, list):
            return []
        if len(value) == 1:  # most indicators have one target: nothing to sort
            only = self.value_at(value[0])
            return [] if only is None else [only]
        present = [item for item in map(self.value_at, value) if item is not None]
        if len(present) < 2:
            return present
        return sorted(present, key=lambda v: (v.year == "", v.year))

    def goal(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        target_group = fmt.one_line(data.get("target_group"))
        if target_group:
            facts.append(self.shared_fact(self.t.target_group, target_group))
        horizon = fmt.period(data.get("horizon"))
        if horizon:
            facts.append(self.shared_fact(self.t.horizon, horizon))
        return self.item(element, facts)

    def shared_fact(self, label: str, text: str) -> Fact:
        """A detail of a label and a text, made once for each that comes back (`Målgrupp:
        elever`) and shared by the elements that show it."""
        shared = self._shared_facts.get((label, text))
        if shared is None:
            shared = Fact(label, text)
            if len(self._shared_facts) < _SHARED_KEPT:
                self._shared_facts[label, text] = shared
        return shared


# The keys of a baseline, target or milestone that `ElementViews.note` words.
_NOTE_KEYS = frozenset(("term", "text", "comment"))
# The types of a plain value's number and year, which it is shared by (any other may not hash).
_NUMBERS = frozenset((int, float))
_YEARS = frozenset((int, type(None), str))
# Plain values and details shared per repository, at most (see `ElementViews.__init__`).
_SHARED_KEPT = 4096


def as_mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}
