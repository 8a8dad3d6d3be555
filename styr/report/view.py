"""The report's view of one repository: what it shows, in a stable order, ready to render.

Everything a template shows is decided here: which elements, in which order,
under which anchor, with which labels. Templates only lay it out. Text from
the YAML stays text; escaping is the renderer's job.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from styr.report import formatting as fmt
from styr.report.links import sdg_goal_of
from styr.report.reach import Reach, count_linked_goals
from styr.report.toc import SECTIONS
from styr.report.view_council import CouncilViews
from styr.report.view_organisations import OrganisationViews
from styr.report.view_types import Ref, RepositoryView, Stats

# What other modules take from here (the view's types are defined in view_types).
__all__ = ["Ref", "RepositoryView", "ViewBuilder"]


class ViewBuilder(CouncilViews, OrganisationViews):
    """Builds the view of one repository; one instance per repository and language.

    Single elements are built in `view_elements`, the council-level sections in
    `view_council`, the organisations in `view_organisations`; here the whole.
    """

    def stats(self, reach: Reach | None = None) -> Stats:
        index = self.index
        indicators = index.of_category("indicator")
        sdg_goals = {
            goal
            for element in index.elements
            for reference in fmt.string_list(element.data.get("agenda2030"))
            if (goal := sdg_goal_of(reference)) is not None
        }
        return Stats(
            organisations=len(index.organisations),
            council_areas=len(index.of_category("council_area")),
            council_goals=len(index.of_category("council_goal")),
            goals=len(index.of_category("goal")),
            linked_goals=count_linked_goals(index, reach),
            indicators=len(indicators),
            indicators_with_targets=sum(1 for i in indicators if _has_targets(i.data)),
            indicators_with_kolada=sum(1 for i in indicators if fmt.text(i.data.get("kolada"))),
            sdg_goals=len(sdg_goals),
            assignments=len(index.of_category("assignment")),
            work_plans=len(index.of_category("work_plan")),
            activities=len(index.of_category("activity")),
            documents=len(index.of_category("steering_document")),
        )

    def build(self, reach: Reach | None = None, *, updated: date | None = None) -> RepositoryView:
        """The full view: every section of the report (`reach`: the index's, if made already).

        `updated` is the date the pages say the content was last updated
        (`--date`); without it, the content's last git commit (styr.branding).
        """
        groups, other_plans = self.groups()
        return self._view(
            reach,
            vision=self.vision(),
            waypoints=self.simple("waypoint"),
            values=self.simple("value"),
            programmes=self.simple("programme"),
            council_areas=self.council_areas(),
            council_goals=[self.goal(e) for e in self.top_level[("council_goal", None)]],
            documents=[self.document(e) for e in self.top_level[("steering_document", None)]],
            groups=groups,
            other_work_plans=other_plans,
            branding=_branding(self.repository, self.language, updated),
        )

    def summary(self) -> RepositoryView:
        """What a comparison of many municipalities shows: the figures, not the sections."""
        return self._view(None, council_areas=self.council_areas())

    def _view(self, reach: Reach | None, **sections: Any) -> RepositoryView:
        repository = self.repository
        term = repository.term
        empty: dict[str, Any] = {
            "vision": None,
            "waypoints": [],
            "values": [],
            "programmes": [],
            "council_areas": [],
            "council_goals": [],
            "documents": [],
            "groups": [],
            "other_work_plans": [],
        }
        return RepositoryView(
            municipality=repository.municipality_name,
            code=repository.municipality_code or "",
            term=f"{term[0]}–{term[1]}" if term else "",
            model_name=repository.model.name,
            levels=[name for _, name in repository.model.levels],
            anchor=self.anchors.section("kommun"),
            stats=self.stats(reach),
            section_anchors={name: self.anchors.section(name) for name in SECTIONS},
            follow_up_period=self.follow.period,
            follow_up_summary=self.follow.summary,
            unreadable=self.unreadable,
            **(empty | sections),
        )


def _branding(repository: Any, language: str, updated: date | None) -> Any:
    # Imported here: styr.branding uses the report's formatting and labels itself.
    from styr.branding import branding_of

    return branding_of(repository, language, updated)


def _has_targets(data: dict[str, Any]) -> bool:
    targets = data.get("targets")
    return isinstance(targets, list) and any(isinstance(t, dict) for t in targets)
