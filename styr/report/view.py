"""The report's view of one repository: what it shows, in a stable order, ready to render.

Everything a template shows is decided here: which elements, in which order,
under which anchor, with which labels. Templates only lay it out. Text from
the YAML stays text; escaping is the renderer's job.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from operator import attrgetter, methodcaller
from typing import Any

from styr.followup.evaluate import smart_goals
from styr.model.index import Index
from styr.report import formatting as fmt
from styr.report.headings import kind_heading
from styr.report.language import content_lang_attribute
from styr.report.links import sdg_goal_of
from styr.report.reach import Reach, count_linked_goals
from styr.report.toc import SECTIONS
from styr.report.view_council import CouncilViews
from styr.report.view_organisations import OrganisationViews
from styr.report.view_types import Count, ItemView, LevelGroup, Ref, RepositoryView, Stats

# What other modules take from here (the view's types are defined in view_types).
__all__ = ["Ref", "RepositoryView", "ViewBuilder"]

# What the overview counts, in its order; the organisations come after the council level.
COUNTED_BEFORE_ORGANISATIONS = ("council_area", "council_goal")
COUNTED_AFTER_ORGANISATIONS = ("goal", "indicator", "assignment", "activity")


class ViewBuilder(CouncilViews, OrganisationViews):
    """Builds the view of one repository; one instance per repository and language.

    Single elements are built in `view_elements`, the council-level sections in
    `view_council`, the organisations in `view_organisations`; here the whole.
    """

    def stats(self, reach: Reach | None = None) -> Stats:
        index = self.index
        # Each category counted in one pass, not a pass over every element per category.
        number = Counter(map(_category, index.elements))
        indicators = list(map(_data, index.of_category("indicator")))
        # An indicator that stands as a goal of its own is counted with the goals: at the
        # council level when no organisation owns it (Huddinge's smart goals, both levels).
        organisations = {element.id for element in index.organisations}
        smart = [goal.owner in organisations for goal in smart_goals(index)]
        return Stats(
            organisations=number["organisation"],
            council_areas=number["council_area"],
            council_goals=number["council_goal"] + smart.count(False),
            goals=number["goal"] + smart.count(True),
            linked_goals=count_linked_goals(index, reach),
            indicators=len(indicators),
            indicators_with_targets=sum(map(_has_targets, indicators)),
            indicators_with_kolada=sum(map(_has_kolada, indicators)),
            sdg_goals=len(_sdg_goals(index)),
            assignments=number["assignment"],
            work_plans=number["work_plan"],
            activities=number["activity"],
            documents=number["steering_document"],
        )

    def build(self, reach: Reach | None = None, *, updated: date | None = None) -> RepositoryView:
        """The full view: every section of the report (`reach`: the index's, if made already).

        `updated` is the date the pages say the content was last updated
        (`--date`); without it, the content's last git commit (styr.branding).
        """
        groups, other_plans = self.groups()
        sections: dict[str, Any] = {
            "vision": self.vision(),
            "waypoints": self.simple("waypoint"),
            "values": self.simple("value"),
            "programmes": self.simple("programme"),
            "council_areas": self.council_areas(),
            "council_goals": [self.goal(e) for e in self.top_level[("council_goal", None)]],
            "documents": [self.document(e) for e in self.top_level[("steering_document", None)]],
        }
        return self._view(
            reach,
            **sections,
            groups=groups,
            other_work_plans=other_plans,
            headings=self.headings(**sections),
            counts=self.counts(groups),
            readings_by_area=self.readings_by_area(),
            branding=_branding(self.repository, self.language, updated),
        )

    def headings(
        self,
        vision: ItemView | None,
        waypoints: list[ItemView],
        values: list[ItemView],
        programmes: list[ItemView],
        council_areas: list[ItemView],
        council_goals: list[ItemView],
        documents: list[ItemView],
    ) -> dict[str, str]:
        """Each section's heading in the model's own words (see `styr.report.headings`)."""
        t = self.t
        values_heading = kind_heading((v.kind for v in values), t.values, t)
        # "Vision och målbild" only where there is a målbild: else the vision's own name.
        vision_kinds = ([vision.kind] if vision else []) + [w.kind for w in waypoints]
        goals_in_areas = [goal.kind for area in council_areas for goal in area.children]
        council_kinds = [a.kind for a in council_areas] + goals_in_areas
        return {
            "vision": kind_heading(vision_kinds, values_heading, t),
            "vision_areas": kind_heading(
                (a.kind for a in vision.children) if vision else (), t.vision_areas, t
            ),
            "values": values_heading,
            "programme": kind_heading((p.kind for p in programmes), t.programme, t),
            "council": kind_heading(council_kinds + [g.kind for g in council_goals], t.council, t),
            "council_goals": kind_heading((g.kind for g in council_goals), t.council_goals, t),
            "steering_documents": kind_heading(
                (d.kind for d in documents), t.steering_documents, t
            ),
        }

    def counts(self, groups: list[LevelGroup]) -> list[Count]:
        """The overview's figures: each kind under its own name, the organisations by level.

        A municipality whose model has no goals of its own (Huddinge follows its
        smarta mål as indicators) gets no "0 mål": only what there is is counted.
        """
        tally = self.tally_by_kind(COUNTED_BEFORE_ORGANISATIONS + COUNTED_AFTER_ORGANISATIONS)

        def of(categories: tuple[str, ...]) -> list[Count]:
            return [
                Count(kind, number, category)
                for category in categories
                for (counted, kind), number in tally.items()
                if counted == category
            ]

        organisations = [Count(g.name, len(g.members), "organisation") for g in groups if g.members]
        return of(COUNTED_BEFORE_ORGANISATIONS) + organisations + of(COUNTED_AFTER_ORGANISATIONS)

    def tally_by_kind(self, categories: tuple[str, ...]) -> Counter[tuple[str, str]]:
        """How many elements of the categories there are of each (category, kind's name), in
        the order each is first met."""
        elements = self.index.elements
        # Counted in C (`Counter` over maps of every element), not in a generator; each
        # kind's name is found once (`kind`).
        every = Counter(zip(map(_category, elements), map(self.kind, elements), strict=True))
        return Counter({key: number for key, number in every.items() if key[0] in categories})

    def summary(self) -> RepositoryView:
        """What a comparison of many municipalities shows: the figures, not the sections."""
        return self._view(None, council_areas=self.council_areas())

    def _view(self, reach: Reach | None, **sections: Any) -> RepositoryView:
        repository = self.repository
        term = repository.term
        content = repository.language or "sv"
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
            content_language=content,
            xl=content_lang_attribute(content, self.language),
            **(empty | sections),
        )


def _branding(repository: Any, language: str, updated: date | None) -> Any:
    # Imported here: styr.branding uses the report's formatting and labels itself.
    from styr.branding import branding_of

    return branding_of(repository, language, updated)


_category = attrgetter("category")
_data = attrgetter("data")
_agenda2030 = methodcaller("get", "agenda2030")


def _has_targets(data: dict[str, Any]) -> bool:
    targets = data.get("targets")
    if isinstance(targets, list):
        for target in targets:
            if isinstance(target, dict):
                return True
    return False


def _has_kolada(data: dict[str, Any]) -> bool:
    kpi = data.get("kolada")
    return kpi is not None and fmt.text(kpi) != ""


def _sdg_goals(index: Index) -> set[str]:
    """The Global Goals the elements name, by number."""
    goals = set()
    for references in map(_agenda2030, map(_data, index.elements)):
        if references is None:  # most elements name none: no list to read
            continue
        for reference in fmt.string_list(references):
            goal = sdg_goal_of(reference)
            if goal is not None:
                goals.add(goal)
    return goals
