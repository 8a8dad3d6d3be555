"""The steering model a repository declares in its manifest.

A municipality's model is data: element kinds mapped onto the categories
`styr` understands, which kind may contribute to which, and the types of
organisation with the parts each must have. Reading it never fails: the schema
reports malformed declarations, and whatever is malformed is left out here.
"""

from __future__ import annotations

from typing import Any

from styr.record import Record

CATEGORIES = (
    "vision",
    "vision_area",
    "waypoint",
    "value",
    "programme",
    "council_area",
    "council_goal",
    "indicator",
    "steering_document",
    "goal",
    "assignment",
    "operational_plan",
    "work_plan",
    "activity",
)

# What the council itself decides for the boards and companies to contribute to.
_COUNCIL_CATEGORIES = frozenset(("council_area", "council_goal"))


# The language the model's names fall back to: the one every municipality's model is written in.
FALLBACK_LANGUAGE = "sv"


def labelled(name: dict[str, str], id: str, language: str) -> tuple[str, str]:
    """A kind's or an organisation type's name in `language`, else in Swedish, else its id; with
    the language the name is in ("" for the id, which is in no language of its own).

    The one place the fallback is made, so that a page can tell a name in its own language
    from the Swedish one or the id it fell back to, and mark those as the files' words."""
    for tongue in (language, FALLBACK_LANGUAGE):
        if text := name.get(tongue):
            return text, tongue
    return id, ""


# Plain classes, not dataclasses: every cached `styr lint` imports this module (styr.record).
class ElementKind(Record):
    """A kind of element the model declares, mapped onto one of `CATEGORIES`; never changed."""

    _fields = ("id", "category", "name", "level", "requires_link", "requires_contributors")
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        category: str,
        name: dict[str, str],
        level: str | None = None,
        requires_link: bool = False,
        requires_contributors: bool = False,
    ) -> None:
        self.id = id
        self.category = category
        self.name = name
        self.level = level
        self.requires_link = requires_link
        self.requires_contributors = requires_contributors

    def label(self, language: str) -> str:
        return labelled(self.name, self.id, language)[0]

    def label_and_language(self, language: str) -> tuple[str, str]:
        return labelled(self.name, self.id, language)


class OrganisationType(Record):
    """A type of organisation the model declares, with the parts each must have. Not changed."""

    _fields = ("id", "name", "level", "mission_source", "requires")
    __slots__ = _fields

    def __init__(
        self,
        id: str,
        name: dict[str, str],
        level: str | None = None,
        mission_source: str | None = None,
        requires: tuple[str, ...] = (),
    ) -> None:
        self.id = id
        self.name = name
        self.level = level
        self.mission_source = mission_source
        self.requires = requires

    def label(self, language: str) -> str:
        return labelled(self.name, self.id, language)[0]

    def label_and_language(self, language: str) -> tuple[str, str]:
        return labelled(self.name, self.id, language)


class SteeringModel(Record):
    """The model a manifest declares: complete once `read_steering_model` has read it."""

    __slots__ = ("_defaults", "kinds", "levels", "links", "name", "organisation_types")
    _fields = ("name", "levels", "kinds", "links", "organisation_types")

    def __init__(
        self,
        name: str = "",
        levels: list[tuple[str, str]] | None = None,
        kinds: dict[str, ElementKind] | None = None,
        links: dict[str, set[str]] | None = None,
        organisation_types: dict[str, OrganisationType] | None = None,
    ) -> None:
        self.name = name
        self.levels: list[tuple[str, str]] = [] if levels is None else levels
        self.kinds: dict[str, ElementKind] = {} if kinds is None else kinds
        self.links: dict[str, set[str]] = {} if links is None else links
        self.organisation_types: dict[str, OrganisationType] = (
            {} if organisation_types is None else organisation_types
        )
        # `default_kind`'s answers, asked for every element that names no kind.
        self._defaults: dict[tuple[str, str | None], ElementKind | None] = {}

    @property
    def top_level(self) -> str | None:
        return self.levels[0][0] if self.levels else None

    def kinds_of(self, category: str) -> list[ElementKind]:
        return [kind for kind in self.kinds.values() if kind.category == category]

    def default_kind(self, category: str, level: str | None) -> ElementKind | None:
        """The kind an element gets when it names none: same category, same level first."""
        key = (category, level)
        if key not in self._defaults:
            self._defaults[key] = self._find_default_kind(category, level)
        return self._defaults[key]

    def _find_default_kind(self, category: str, level: str | None) -> ElementKind | None:
        candidates = self.kinds_of(category)
        for kind in candidates:
            if kind.level is not None and kind.level == level:
                return kind
        return candidates[0] if candidates else None

    def allows(self, source_kind: str, target_kind: str) -> bool:
        return target_kind in self.links.get(source_kind, ())

    def direction_targets(self) -> set[str]:
        """The kinds a board's or company's direction may contribute to.

        A direction is the council's word to the organisation, so it names the
        council-level areas and goals (Helsingborg's city directions, Huddinge's
        goal areas); never the organisation's own goals, another organisation's
        elements or the vision above them. Where the model links its goals to
        some of those kinds, the direction names the same ones.
        """
        council = {k.id for k in self.kinds.values() if k.category in _COUNCIL_CATEGORIES}
        reached: set[str] = set()
        for kind in self.kinds_of("goal"):
            reached |= self.links.get(kind.id, set()) & council
        return reached or council


def read_steering_model(data: Any) -> SteeringModel:
    """Build the model from the manifest's `steering_model` mapping."""
    model = SteeringModel()
    if not isinstance(data, dict):
        return model
    model.name = _text(data.get("name"))
    for level in _mappings(data.get("levels")):
        if isinstance(level.get("id"), str):
            model.levels.append((level["id"], _text(level.get("name")) or level["id"]))
    for entry in _mappings(data.get("element_kinds")):
        kind_id, category = entry.get("id"), entry.get("category")
        if isinstance(kind_id, str) and category in CATEGORIES:
            model.kinds[kind_id] = ElementKind(
                id=kind_id,
                category=category,
                name=_names(entry.get("name"), kind_id),
                level=entry.get("level") if isinstance(entry.get("level"), str) else None,
                requires_link=entry.get("requires_link") is True,
                requires_contributors=entry.get("requires_contributors") is True,
            )
    for link in _mappings(data.get("links")):
        source, targets = link.get("from"), link.get("to")
        if isinstance(source, str):
            wanted = targets if isinstance(targets, list) else [targets]
            model.links.setdefault(source, set()).update(t for t in wanted if isinstance(t, str))
    for entry in _mappings(data.get("organisation_types")):
        type_id = entry.get("id")
        if isinstance(type_id, str):
            requires = entry.get("requires")
            model.organisation_types[type_id] = OrganisationType(
                id=type_id,
                name=_names(entry.get("name"), type_id),
                level=entry.get("level") if isinstance(entry.get("level"), str) else None,
                mission_source=_text(entry.get("mission_source")) or None,
                requires=tuple(r for r in requires if isinstance(r, str))
                if isinstance(requires, list)
                else (),
            )
    return model


def _mappings(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _names(value: Any, fallback: str) -> dict[str, str]:
    if isinstance(value, str):
        return {"sv": value}
    if isinstance(value, dict):
        return {k: v for k, v in value.items() if isinstance(v, str)} or {"sv": fallback}
    return {"sv": fallback}
