"""The report's council-level sections: vision, waypoints, values, programmes, areas, documents."""

from __future__ import annotations

from typing import Any

from styr.model.index import Element
from styr.report import formatting as fmt
from styr.report.texts import DOCUMENT_TYPES, document_type
from styr.report.view_elements import ElementViews
from styr.report.view_types import Fact, ItemView


class CouncilViews(ElementViews):
    """The sections the council adopts for the whole municipality."""

    def vision(self) -> ItemView | None:
        visions = self.top_level[("vision", None)]
        if not visions:
            return None
        element = visions[0]
        year = fmt.year(element.data.get("year"))
        facts = [Fact(self.t.year, str(year))] if year is not None else []
        view = self.item(element, facts)
        view.children = [self.item(area) for area in self.kids(element, "vision_area")]
        return view

    def simple(self, category: str) -> list[ItemView]:
        return [self.simple_item(e) for e in self.top_level[(category, None)]]

    def simple_item(self, element: Element) -> ItemView:
        data = element.data
        facts: list[Fact] = []
        year = fmt.year(data.get("year"))
        if year is not None:
            facts.append(Fact(self.t.year, str(year)))
        if fmt.period(data.get("period")):
            facts.append(Fact(self.t.period, fmt.period(data.get("period"))))
        facts.extend(self.adoption(data))
        return self.item(element, facts)

    def adoption(self, data: dict[str, Any]) -> list[Fact]:
        facts = []
        if fmt.text(data.get("adopted_by")):
            shown, refs = self.organisation_or_text(data.get("adopted_by"))
            facts.append(Fact(self.t.adopted_by, shown, refs))
        if fmt.text(data.get("adopted_on")):
            facts.append(Fact(self.t.adopted_on, fmt.text(data.get("adopted_on"))))
        return facts

    def council_areas(self) -> list[ItemView]:
        views = []
        for element in self.top_level[("council_area", None)]:
            view = self.item(element)
            view.lead = fmt.one_line(element.data.get("heading"))  # its own words, no label
            view.children = [self.goal(goal) for goal in self.kids(element, "council_goal")]
            views.append(view)
        return views

    def document(self, element: Element) -> ItemView:
        data = element.data
        facts = []
        if fmt.text(data.get("type")):
            # A type the report has a word for is its own; another stays the files' word.
            shown = document_type(data["type"], self.language)
            facts.append(Fact(self.t.document_type, shown, own=data["type"] in DOCUMENT_TYPES))
        if fmt.one_line(data.get("area")):
            facts.append(Fact(self.t.document_area, fmt.one_line(data.get("area"))))
        facts.extend(self.adoption(data))
        if fmt.text(data.get("valid_until")):
            until = self.t.get("valid_until", date=fmt.text(data["valid_until"]))
            facts.append(Fact(self.t.valid, until, own=True))
        elif data.get("until_further_notice") is True:
            facts.append(Fact(self.t.valid, self.t.until_further_notice, own=True))
        if fmt.text(data.get("owner")):
            shown, refs = self.organisation_or_text(data.get("owner"))
            facts.append(Fact(self.t.owner, shown, refs))
        if fmt.text(data.get("next_review")):
            facts.append(Fact(self.t.next_review, fmt.text(data.get("next_review"))))
        return self.item(element, facts)
