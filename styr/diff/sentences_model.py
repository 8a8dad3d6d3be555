"""A change of the declared steering model in one sentence ("Styrmodellen ändrades: …").

A kind, level or type of organisation added or removed is said by its name;
one kept is said property by property, each in words: "nivån ändrades från
”Nämnder och bolag” till ”Förvaltningar”", "kravet att var och en ska bidra
till något togs bort". A link by the kinds' names; a band of the follow-up
scale by what it means, its limits in percent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from styr.diff.sentence_values import (
    Said,
    listed,
    plain_words,
    quoted,
    quoted_value,
    shown_value,
)
from styr.diff.texts import FIELD_NAMED, FIELDS, LANGUAGE_NAMES, SOURCE_OTHER, text
from styr.diff.texts_model import (
    BANDS,
    GOAL_RULES,
    MODEL_PART_OTHER,
    MODEL_PARTS,
    MODEL_PROPERTIES,
    MODEL_SENTENCES,
    PERCENT_BANDS,
    REQUIRED_PARTS,
    REQUIREMENTS,
)
from styr.i18n import translate
from styr.report.texts import CATEGORY_NAMES, MISSION_SOURCES

__all__ = ["say_model"]


def say_model(c: Said) -> str:
    """A change of the declared steering model, said as such ("Styrmodellen ändrades: …")."""
    part = str(c.params.get("part") or "")
    entry = c.params.get("id")
    what = str(c.params.get("what") or "changed")
    old, new = c.params.get("old"), c.params.get("new")
    prop = c.params.get("property")
    if part == "links" and entry is not None:
        return _model_links(c, str(entry), what, old, new)
    if part == "levels" and entry is None:
        return text(
            "model_level_order", c.language, old=quoted_value(c, old), new=quoted_value(c, new)
        )
    if part == "bands" and str(entry) in BANDS:
        return _band(c, str(entry), what, old, new)
    part_name = translate(MODEL_PARTS.get(part, MODEL_PART_OTHER), c.language)
    if isinstance(prop, str) and prop:
        name = _entry_name(c, entry, {"name": c.params.get("entry_name")})
        return plain_words(_property(c, part_name, name, prop, old, new))
    name = _entry_name(c, entry, new if new is not None else old)
    return _said_changed(c, part_name, name, what, old, new)


def _said_changed(c: Said, part_name: str, name: str, what: str, old: Any, new: Any) -> str:
    if what == "changed" and _scalar(old) and _scalar(new):
        said = text(
            "model_changed_from",
            c.language,
            part=part_name,
            name=name,
            old=c.value(old),
            new=c.value(new),
        )
    else:
        key = {"added": "model_added", "removed": "model_removed"}.get(what, "model_changed")
        said = text(key, c.language, part=part_name, name=name)
    return plain_words(said)  # no double space where there is no name


def _band(c: Said, band: str, what: str, old: Any, new: Any) -> str:
    """A band of the scale by what it means: its limits in percent, its rule in words."""
    part_name = translate(BANDS[band], c.language)
    if what != "changed":
        return _said_changed(c, part_name, "", what, old, new)
    if band == "goal_rule":
        shown = [_goal_rule(c, old), _goal_rule(c, new)]
    elif band in PERCENT_BANDS and _number(old) and _number(new):
        # Percent of fulfilment, as `styr.followup.fulfilment.read_scale` reads them.
        shown = [_model_text(c, "percent", value=c.value(v)) for v in (old, new)]
    elif isinstance(old, bool) and isinstance(new, bool):  # round_to_whole_percent: ja, nej
        shown = [text("yes" if v else "no", c.language) for v in (old, new)]
    else:
        return _said_changed(c, part_name, "", what, old, new)
    said = text(
        "model_changed_from", c.language, part=part_name, name="", old=shown[0], new=shown[1]
    )
    return plain_words(said)


def _property(c: Said, part_name: str, name: str, prop: str, old: Any, new: Any) -> str:
    """One property of a kind, level or type kept: "nivån ändrades från … till …"."""
    if prop in REQUIREMENTS and (old is True or new is True):
        requirement = translate(REQUIREMENTS[prop], c.language)
        key = "requirement_added" if new is True else "requirement_removed"
        return _model_text(c, key, part=part_name, name=name, requirement=requirement)
    if prop == "requires" and _parts(old) and _parts(new):
        return _requires(c, part_name, name, old or [], new or [])
    property_name = _property_name(c, prop)
    if prop == "name" and isinstance(old, dict) and isinstance(new, dict):
        language = _name_changed_in(c, old, new)
        if language is not None:  # the run's language's name is the same: say which one changed
            old, new = old.get(language), new.get(language)
            said = translate(LANGUAGE_NAMES[language], c.language)
            property_name = _model_text(c, "name_in", language=said)
    if old is None:
        key, shown = "property_added", {"new": _property_value(c, prop, new)}
    elif new is None:
        key, shown = "property_removed", {"old": _property_value(c, prop, old)}
    else:
        key = "property_changed"
        shown = {"old": _property_value(c, prop, old), "new": _property_value(c, prop, new)}
    return _model_text(c, key, part=part_name, name=name, property=property_name, **shown)


def _requires(c: Said, part_name: str, name: str, old: list[str], new: list[str]) -> str:
    """What a type requires, said as the requirements added and removed."""
    said = []
    for key, parts in (
        ("requirement_added", [p for p in new if p not in old]),
        ("requirement_removed", [p for p in old if p not in new]),
    ):
        if parts:
            words = listed([translate(REQUIRED_PARTS[p], c.language) for p in parts], c.language)
            requirement = _model_text(c, "required_parts", parts=words)
            said.append(_model_text(c, key, part=part_name, name=name, requirement=requirement))
    if not said:  # the same parts in another order
        return _said_changed(c, part_name, name, "changed", old, new)
    return "; ".join(said)


def _parts(value: Any) -> bool:
    """A `requires:` list of parts the sentence has words for (or none written)."""
    return value is None or (
        isinstance(value, list) and all(isinstance(p, str) and p in REQUIRED_PARTS for p in value)
    )


def _name_changed_in(c: Said, old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """The language whose name changed, where the name in the run's language did not."""
    if old.get(c.language) != new.get(c.language):
        return None
    changed = [lang for lang in LANGUAGE_NAMES if old.get(lang) != new.get(lang)]
    return changed[0] if len(changed) == 1 else None


def _property_name(c: Said, prop: str) -> str:
    known = MODEL_PROPERTIES.get(prop) or FIELDS.get(prop)
    if known is not None:
        return translate(known, c.language)
    return translate(FIELD_NAMED, c.language, field=c.style.value(prop))


def _property_value(c: Said, prop: str, value: Any) -> str:
    """A value in words: a level by its name, a mission's source as the report says it."""
    if prop == "level" and isinstance(value, str):
        names = c.params.get("names")
        named = names.get(value) if isinstance(names, dict) else None
        if named is not None:
            return shown_value({"name": named}, c.language, c.style)
    if prop == "mission_source" and isinstance(value, str):
        known = MISSION_SOURCES.get(value)
        return translate(known if known is not None else SOURCE_OTHER, c.language)
    if prop == "name":
        return shown_value({"name": value}, c.language, c.style) or quoted_value(c, value)
    if prop == "category" and isinstance(value, str) and value in CATEGORY_NAMES:
        return quoted(translate(CATEGORY_NAMES[value], c.language), c.language)
    return quoted_value(c, value)


def _model_text(c: Said, key: str, /, **params: object) -> str:
    return translate(MODEL_SENTENCES[key], c.language, **params)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _entry_name(c: Said, entry: Any, written: Any) -> str:
    """A kind, level or type by its name where the entry has one, else by its id, in quotes."""
    if isinstance(written, dict) and written.get("name") is not None:
        named = shown_value({"name": written["name"]}, c.language, c.style)
        if named:
            return named
    return quoted(c.value(entry), c.language) if entry is not None else ""


def _model_links(c: Said, source: str, what: str, old: Any, new: Any) -> str:
    names = c.params.get("names")
    names = names if isinstance(names, dict) else {}
    name = _kind(c, source, names)
    if what == "added":
        return text("model_links_added", c.language, name=name, new=_kinds(c, new, names))
    if what == "removed":
        return text("model_links_removed", c.language, name=name, old=_kinds(c, old, names))
    return text(
        "model_links_changed",
        c.language,
        name=name,
        old=_kinds(c, old, names),
        new=_kinds(c, new, names),
    )


def _kind(c: Said, kind_id: str, names: Mapping[str, Any]) -> str:
    """A kind of a link by the name the model gives it (`params.names`), else by its id."""
    name = names.get(kind_id)
    return quoted(c.style.value(name if isinstance(name, str) and name else kind_id), c.language)


def _kinds(c: Said, kinds: Any, names: Mapping[str, Any]) -> str:
    if not isinstance(kinds, list) or not all(isinstance(kind, str) for kind in kinds):
        return quoted_value(c, kinds)
    return listed([_kind(c, kind, names) for kind in kinds], c.language)


def _goal_rule(c: Said, rule: Any) -> str:
    """A goal rule by what it means (”den sämst uppfyllda indikatorn avgör”), not its key."""
    if isinstance(rule, str) and rule in GOAL_RULES:
        return quoted(translate(GOAL_RULES[rule], c.language), c.language)
    return quoted_value(c, rule)


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)
