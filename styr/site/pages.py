"""What the website arranges from the view: what contributes to each area, the goal list,
the register of steering documents, the breadcrumbs.

Everything here is derived from the report's view objects (`RepositoryView`,
`OrganisationView`, `ItemView`), never from the files again. Organisations are
read from the view one at a time; what the area pages and the goal list need
of them is kept as a light `Contribution` each.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from styr.report.followup import StatusView
from styr.report.html_escape import escaped as _e
from styr.report.language import kind_lang
from styr.report.view_types import (
    Fact,
    IndicatorView,
    ItemView,
    OrganisationView,
    Ref,
    RepositoryView,
)
from styr.site.texts import SiteLabels


@dataclass(frozen=True, slots=True)
class Crumb:
    """One step of the breadcrumbs: a title and the page it leads to (None: this page)."""

    title: str
    page: str | None = None
    from_files: bool = False  # a name from the files, in the files' language


def breadcrumbs(crumbs: list[Crumb], to: Callable[[str], str], xl: str, label: str) -> str:
    """The breadcrumbs as `_layout.html.j2` shows them (`label` their name), or nothing for a
    page with one step or none: written once a page in Python, where a Jinja loop made a
    call through its context and three escapes for each step of each of a site's pages."""
    if len(crumbs) < 2:
        return ""
    lines = [f'<nav class="breadcrumbs" aria-label="{_e(label)}">\n<ol class="wrap">\n']
    last = len(crumbs) - 1
    for number, crumb in enumerate(crumbs):
        title = _e(crumb.title)
        if crumb.page:
            shown = f'<a href="{_e(to(crumb.page))}">{title}</a>'
        elif number == last:
            shown = f'<span aria-current="page">{title}</span>'
        else:
            shown = title
        lang = _e(xl) if crumb.from_files else kind_lang(crumb.title, _e(xl))
        lines.append(f"<li{lang}>{shown}</li>\n")
    lines.append("</ol>\n</nav>\n")
    return "".join(lines)


@dataclass(frozen=True, slots=True)
class OrganisationLink:
    id: str
    name: str
    page: str


@dataclass(frozen=True, slots=True)
class Contribution:
    """A goal (or an organisation's own indicator or direction) and what it contributes to."""

    ref: Ref  # a link to it
    kind: str
    status: StatusView | None
    contributes_to: tuple[Ref, ...]
    organisation: OrganisationLink
    goal: bool = True  # a goal or an indicator; False for an organisation's direction
    # Counted as a goal by the follow-up summary (`stands_as_goal`): the goal list's sections
    # by status hold these only, so that each holds as many as the start page counts.
    stands_as_goal: bool = True


@dataclass(frozen=True, slots=True)
class AreaContribution:
    """A contribution as an area page lists it: directly, or through `via`."""

    contribution: Contribution
    via: Ref | None = None


@dataclass(slots=True)
class Arrangement:
    """Which area each element belongs to, and what contributes to each area."""

    area_of: dict[str, str] = field(default_factory=dict)  # council-level element id → area id
    contributions: list[Contribution] = field(default_factory=list)
    by_area: dict[str, list[AreaContribution]] = field(default_factory=dict)
    reached: dict[int, list[str]] = field(default_factory=dict)  # by id() of a contribution

    @classmethod
    def of(cls, view: RepositoryView, council: OrganisationLink | None = None) -> Arrangement:
        """The areas of the view; with `council`, the council level's own goals as its
        contributions (`council_contributions`), before any organisation's."""
        arrangement = cls()
        if council is not None:
            arrangement.contributions.extend(council_contributions(view, council))
        for area in view.council_areas:
            arrangement.area_of[area.id] = area.id
            for indicator in area.indicators:
                arrangement.area_of.setdefault(indicator.id, area.id)
            for goal in area.children:
                arrangement.area_of.setdefault(goal.id, area.id)
                for indicator in goal.indicators:
                    arrangement.area_of.setdefault(indicator.id, area.id)
            arrangement.by_area[area.id] = []
        return arrangement

    def add(self, organisation: OrganisationView, page: str, labels: SiteLabels) -> None:
        """An organisation's contributions, read once as its page is written."""
        self.contributions.extend(contributions_of(organisation, page, labels))

    def finish(self) -> None:
        """Place every contribution under the areas it reaches, directly or through the chain."""
        by_id = {c.ref.id: c for c in self.contributions if c.ref.id}
        known = self._areas_by_target(by_id)
        for contribution in self.contributions:
            reached = self.areas_reached(contribution, by_id, known)
            self.reached[id(contribution)] = [area for area, _ in reached]
            for area, via in reached:
                self.by_area.setdefault(area, []).append(AreaContribution(contribution, via))

    def areas_reached(
        self,
        contribution: Contribution,
        by_id: dict[str, Contribution],
        known: dict[str, list[str]] | None = None,
    ) -> list[tuple[str, Ref | None]]:
        """The areas a contribution reaches, each once, with the first step on the way.

        `known` gives each target's areas where the chain has no loop (`_areas_by_target`):
        then no walk starts again from every goal along a chain, which was a pass over the
        rest of the chain for each of its goals.
        """
        own = contribution.ref.id
        if own and by_id.get(own) is not contribution:
            known = None  # its id named twice: the chain goes on from the other one, not it
        reached: dict[str, Ref | None] = {}
        for first in contribution.contributes_to:
            if known is None or first.id == own:
                areas: Iterable[str] = self._areas_from(first.id, by_id, {contribution.ref.id})
            else:
                areas = self._known_areas(first.id, known)
            for area in areas:
                via = None if first.id == area else first
                reached.setdefault(area, via)
        return list(reached.items())

    def _known_areas(self, target: str, known: dict[str, list[str]]) -> list[str]:
        found = known.get(target)
        if found is not None:
            return found
        area = self.area_of.get(target)
        return [area] if area is not None else []

    def _areas_by_target(self, by_id: dict[str, Contribution]) -> dict[str, list[str]] | None:
        """Each goal's areas, in the order a walk from it meets them; None where the chain has
        a loop, or an element has no id (the walks then go as `_areas_from` goes).

        Without a loop, a walk from a goal meets the areas of the goals it names one after
        the other, each once: so a goal's areas are its targets' areas in turn, each kept
        where it first comes, and each goal's are worked out once, after its targets'.
        """
        if "" in self.area_of:
            return None
        known: dict[str, list[str]] = {}
        for start in by_id:
            pending: list[tuple[str, bool]] = [(start, False)]
            walking: set[str] = set()  # on the way from `start` to where the walk stands
            while pending:
                target, targets_known = pending.pop()
                step = by_id.get(target)
                if targets_known and step is not None:
                    walking.discard(target)
                    areas = (
                        self._known_areas(further.id, known) for further in step.contributes_to
                    )
                    known[target] = list(dict.fromkeys(a for found in areas for a in found))
                    continue
                if target in known or target in self.area_of or step is None:
                    continue
                if target in walking:
                    return None  # a loop
                walking.add(target)
                pending.append((target, True))
                pending.extend((further.id, False) for further in step.contributes_to)
        return known

    def _areas_from(
        self, target: str, by_id: dict[str, Contribution], seen: set[str]
    ) -> Iterator[str]:
        """The areas reached from `target`, depth first, each step's targets in the order it
        names them. A loop over a stack rather than a call for each step: a chain of a
        thousand goals went past Python's limit on nested calls. A target is looked at when
        it is taken off the stack, as the call for it once looked, so the order is the same."""
        pending = [target]
        while pending:
            current = pending.pop()
            if current in seen:
                continue
            seen.add(current)
            area = self.area_of.get(current)
            if area is not None:
                yield area
                continue
            step = by_id.get(current)
            if step is not None:
                pending.extend(further.id for further in reversed(step.contributes_to))

    def areas_of(self, contribution: Contribution) -> list[str]:
        """The areas a contribution reaches (once `finish` has placed them)."""
        return self.reached.get(id(contribution), [])


def contributions_of(
    organisation: OrganisationView, page: str, labels: SiteLabels
) -> Iterator[Contribution]:
    """An organisation's goals, its own indicators and its direction, as light summaries."""
    owner = OrganisationLink(organisation.id, organisation.name, page)
    if organisation.direction_contributes_to:
        yield Contribution(
            # Named by its organisation: the lists write its kind before it ("Inriktning:").
            Ref("", organisation.name, f"#{organisation.anchor}"),
            labels.direction,
            None,
            tuple(organisation.direction_contributes_to),
            owner,
            goal=False,
            stands_as_goal=False,
        )
    for goal in organisation.goals:
        yield _of_goal(goal, owner)
    for indicator in organisation.indicators:
        yield _of_indicator(indicator, owner)


def council_contributions(view: RepositoryView, owner: OrganisationLink) -> Iterator[Contribution]:
    """The council level's goals, and its indicators that stand as goals of their own
    (Huddinge's smart goals): the follow-up summary counts them as it counts the boards'.

    What is written under an area contributes to it, whether or not it names the area.
    """
    for area in view.council_areas:
        area_ref = (Ref(area.id, area.title, f"#{area.anchor}", area.kind, area.category),)
        for indicator in area.indicators:
            if indicator.stands_as_goal:
                yield _of_indicator(indicator, owner, area_ref)
        for goal in area.children:
            yield _of_goal(goal, owner, area_ref)
    for goal in view.council_goals:
        yield _of_goal(goal, owner)


def _of_goal(goal: ItemView, owner: OrganisationLink, under: tuple[Ref, ...] = ()) -> Contribution:
    ref = Ref(goal.id, goal.title, f"#{goal.anchor}", goal.kind, goal.category)
    return Contribution(ref, goal.kind, goal.status, (*under, *goal.contributes_to), owner)


def _of_indicator(
    indicator: IndicatorView, owner: OrganisationLink, under: tuple[Ref, ...] = ()
) -> Contribution:
    ref = Ref(indicator.id, indicator.title, f"#{indicator.anchor}", indicator.kind, "indicator")
    # As a goal of its own, its status as one (also when it has no outcome in the period:
    # "not followed up"); else what its outcome says, shown beside it but not counted.
    status = indicator.status
    if not indicator.stands_as_goal and indicator.outcome is not None:
        status = indicator.outcome.status
    return Contribution(
        ref,
        indicator.kind,
        status,
        (*under, *indicator.contributes_to),
        owner,
        stands_as_goal=indicator.stands_as_goal,
    )


def by_status(
    contributions: Iterable[Contribution],
) -> dict[str, tuple[StatusView, list[Contribution]]]:
    """The goals the follow-up judges, under each status they have, in the order they come."""
    found: dict[str, tuple[StatusView, list[Contribution]]] = {}
    for c in contributions:
        if c.stands_as_goal and c.status is not None:
            found.setdefault(c.status.key, (c.status, []))[1].append(c)
    return found


def grouped_by_organisation(
    items: Iterable[AreaContribution],
) -> list[tuple[OrganisationLink, list[AreaContribution]]]:
    """Contributions under their organisations, in the order they came."""
    groups: dict[str, tuple[OrganisationLink, list[AreaContribution]]] = {}
    for item in items:
        owner = item.contribution.organisation
        groups.setdefault(owner.page, (owner, []))[1].append(item)
    return list(groups.values())


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One steering document in the register, its facts by what they say."""

    item: ItemView
    type: Fact | None
    adopted_by: Fact | None
    adopted_on: Fact | None
    valid: Fact | None
    next_review: Fact | None
    decision: Fact | None = None  # "Beslutad av … , § 123", under the title
    # Where the document's details come from ("Exempeltext: …", "Källa för texten: …"),
    # under the title as the report shows them by the text: the register has no column
    # for them, and a reader must not take an invented document for a decided one.
    provenance: tuple[Fact, ...] = ()
    # What the files say besides: the area it covers and who is responsible for it (`owner`),
    # as the reports show them by the document.
    area: Fact | None = None
    owner: Fact | None = None


def document_rows(documents: list[ItemView], labels: SiteLabels) -> list[DocumentRow]:
    def fact(item: ItemView, label: str) -> Fact | None:
        return next((f for f in item.facts if f.label == label), None)

    marks = {labels.text_illustrative, labels.text_citation}
    return [
        DocumentRow(
            item,
            fact(item, labels.document_type),
            fact(item, labels.adopted_by),
            fact(item, labels.adopted_on),
            fact(item, labels.valid),
            fact(item, labels.next_review),
            fact(item, labels.decision),
            tuple(f for f in item.facts if f.label in marks),
            fact(item, labels.document_area),
            fact(item, labels.owner),
        )
        for item in documents
    ]


def kind_groups(items: list[ItemView]) -> list[tuple[str, list[ItemView]]]:
    """Items under the names the model gives their kinds, in the order the kinds first come."""
    groups: dict[str, list[ItemView]] = {}
    for item in items:
        groups.setdefault(item.kind, []).append(item)
    return list(groups.items())


def goal_count(contributions: Iterable[AreaContribution]) -> int:
    """How many of the contributions are goals (or indicators), not directions."""
    return sum(1 for item in contributions if item.contribution.goal)


def status_counts(contributions: Iterable[AreaContribution]) -> list[tuple[StatusView, int]]:
    """How many of the contributions have each status (those without one left out)."""
    counts: dict[str, tuple[StatusView, int]] = {}
    for item in contributions:
        status = item.contribution.status
        if status is not None:
            known = counts.get(status.key)
            counts[status.key] = (status, (known[1] if known else 0) + 1)
    return list(counts.values())
