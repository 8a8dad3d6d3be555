"""One sentence per change, in the run's language, for any output format.

`sentence(change, language, style)` says a `Change` the way a planner reads
it ("Målet ”Fler i arbete”: målvärdet för 2026 sänktes från 91 till 88:
lägre ambition (högre värde är bättre)"). Every value taken from the files
(titles, ids, units, texts, dates) passes through `style.value` before it is
put into a sentence, so each format escapes exactly what came from the
files and nothing of its own words; the word diff of a reworded text is
marked by `style.deleted` and `style.inserted` (`styr.diff.sentence_values`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from styr.diff.changes import Change, ChangeKind
from styr.diff.sentence_values import (
    PLAIN,
    Said,
    Style,
    field_name,
    listed,
    plain_words,
    quoted,
    quoted_value,
    word_diff,
)
from styr.diff.sentences_decision import say_decision
from styr.diff.sentences_indicators import (
    say_ambition,
    say_baseline,
    say_better,
    say_kolada,
    say_outcome_added,
    say_outcome_preliminary,
    say_outcome_removed,
    say_outcome_revised,
    say_target_added,
    say_target_removed,
    say_unit,
)
from styr.diff.sentences_model import say_model
from styr.diff.texts import (
    FIELD_OTHER,
    LANGUAGE_NAMES,
    SOURCE_NONE,
    SOURCE_OTHER,
    TERMS,
    counted,
    text,
)
from styr.i18n import Text, translate
from styr.report.texts import MISSION_SOURCES

__all__ = ["PLAIN", "Style", "plain_words", "sentence"]


def sentence(
    change: Change, language: str, style: Style, names: Mapping[str, str] | None = None
) -> str:
    """The change said in one sentence, without a full stop (the layout decides).

    `names` (organisation id -> name, `RepositoryDiff.organisation_names`) lets a
    value that names an organisation be said by its name.
    """
    say = _SAYERS.get(change.kind, _other)
    return say(Said(change, language, style, names or {}))


# ---------------------------------------------------------------------------
# Elements
# ---------------------------------------------------------------------------


def _added(c: Said) -> str:
    return c.say("added")


def _removed(c: Said) -> str:
    return c.say("removed")


def _renamed(c: Said) -> str:
    similarity = c.params.get("similarity")
    same = not isinstance(similarity, int | float) or similarity >= 1
    old = quoted(c.style.value(str(c.params.get("old_id") or "")), c.language)
    new = quoted(c.style.value(c.change.id or ""), c.language)
    return c.say("renamed" if same else "renamed_nearly", old=old, new=new)


def _moved(c: Said) -> str:
    """By the organisations' names: "… flyttades från Miljönämnden till Stadsbyggnadsnämnden"."""
    old, new = c.params.get("old"), c.params.get("new")
    return c.say("moved", old=c.organisation(old), new=c.organisation(new))


def _reworded(c: Said) -> str:
    field = field_name(c, FIELD_OTHER)
    words = word_diff(c.params.get("words"), c.style)
    if not words:  # no word diff given: the new wording as a whole
        words = c.style.inserted(c.style.value(str(c.params.get("new") or "")))
    return c.say("reworded", field=field, words=words)


# Where `preliminary` is Kolada's mark on a value: outcomes and the comparison's values.
_KOLADA_MARKED = frozenset({"follow_up", "peer_values", "peer_values_country"})
# Fields whose value names an organisation: said by the organisation's name.
_NAMING_AN_ORGANISATION = frozenset({"owner", "parent", "adopted_by", "to"})


def _field_changed(c: Said) -> str:
    decision = say_decision(c)
    if decision is not None:
        return decision
    field = field_name(c)
    old, new = c.params.get("old"), c.params.get("new")
    key = str(c.params.get("field") or "").rpartition(".")[2]
    if key == "illustrative" and (old is True or new is True):
        return c.say("marked_illustrative" if new is True else "unmarked_illustrative")
    if key == "preliminary" and c.change.category in _KOLADA_MARKED:  # Kolada's mark
        return say_outcome_preliminary(c)
    # Values of a few words each (a term, a language): said in words, not as written.
    words = _VALUE_WORDS.get(key)
    if words is not None and _one_of(old, words) and _one_of(new, words):
        said = [_in_words(c, value, words) for value in (old, new)]
        return c.say("field_changed", field=field, old=said[0], new=said[1])
    if _a_list(old, new):
        return _list_changed(c, field, old or [], new or [])
    if key in _NAMING_AN_ORGANISATION:
        shown = [
            quoted(c.organisation(v), c.language) if isinstance(v, str) else quoted_value(c, v)
            for v in (old, new)
        ]
        return c.say("field_changed", field=field, old=shown[0], new=shown[1])
    return c.say("field_changed", field=field, old=quoted_value(c, old), new=quoted_value(c, new))


def _a_list(old: Any, new: Any) -> bool:
    """Whether both values are lists of plain values (one may be missing), as `agenda2030`."""
    values = [value for value in (old, new) if value is not None]
    return bool(values) and all(
        isinstance(value, list) and all(_scalar(item) for item in value) for value in values
    )


def _list_changed(c: Said, field: str, old: list[Any], new: list[Any]) -> str:
    """A list said by what was added to it and taken from it, as links are ("”4.5” lades till")."""
    added = [item for item in new if item not in old]
    removed = [item for item in old if item not in new]
    if not added and not removed:  # the same values in another order or repeated
        return c.say(
            "field_changed", field=field, old=quoted_value(c, old), new=quoted_value(c, new)
        )
    said_added = listed([quoted(c.value(item), c.language) for item in added], c.language)
    said_removed = listed([quoted(c.value(item), c.language) for item in removed], c.language)
    if added and removed:
        return c.say("list_changed", field=field, added=said_added, removed=said_removed)
    if added:
        return c.say("list_added", field=field, added=said_added)
    return c.say("list_removed", field=field, removed=said_removed)


# The keys whose values are one of a few words, and those words.
_VALUE_WORDS: dict[str, Mapping[str, Text]] = {"term": TERMS, "language": LANGUAGE_NAMES}


def _one_of(value: Any, words: Mapping[str, Text]) -> bool:
    return value is None or (isinstance(value, str) and value in words)


def _in_words(c: Said, value: Any, words: Mapping[str, Text]) -> str:
    """A value of a few words as a reader says it ("kort sikt", "svenska"), or none given."""
    return translate(words[value], c.language) if value else text("none", c.language)


def _names(c: Said, ids_key: str, titles_key: str) -> str:
    ids = c.params.get(ids_key)
    titles = c.params.get(titles_key)
    ids = ids if isinstance(ids, list) else []
    titles = titles if isinstance(titles, list) and len(titles) == len(ids) else []
    names = [str(t or i) for t, i in zip(titles, ids, strict=True)] if titles else map(str, ids)
    return listed([quoted(c.style.value(name), c.language) for name in names], c.language)


def _link_moved(c: Said) -> str:
    removed = c.params.get("removed") or []
    added = c.params.get("added") or []
    if removed and added:
        old = _names(c, "removed", "removed_titles")
        new = _names(c, "added", "added_titles")
        return c.say("link_moved", old=old, new=new)
    if added:
        return c.say("link_added", new=_names(c, "added", "added_titles"))
    if removed:
        return c.say("link_removed", old=_names(c, "removed", "removed_titles"))
    return c.say(
        "link_moved", old=_names(c, "old", "old_titles"), new=_names(c, "new", "new_titles")
    )


# ---------------------------------------------------------------------------
# Organisations and steering documents
# ---------------------------------------------------------------------------


def _goal_count(c: Said) -> str:
    new, old, limit = c.params.get("new"), c.params.get("old"), c.params.get("limit")
    count = new if isinstance(new, int) and not isinstance(new, bool) else 0
    key = "goal_count_over" if c.params.get("over_limit") and limit is not None else "goal_count"
    return counted(
        key, count, c.language, subject=c.subject, old=c.value(old), limit=c.value(limit)
    )


def _mission_source(c: Said) -> str:
    if str(c.params.get("field")) == "mission.document":
        old, new = c.params.get("old"), c.params.get("new")
        return c.say(
            "mission_document_changed", old=_quoted_or_none(c, old), new=_quoted_or_none(c, new)
        )

    def shown(value: Any) -> str:
        if value is None:
            return translate(SOURCE_NONE, c.language)
        known = MISSION_SOURCES.get(str(value))
        return translate(known if known is not None else SOURCE_OTHER, c.language)

    return c.say("source_changed", old=shown(c.params.get("old")), new=shown(c.params.get("new")))


def _quoted_or_none(c: Said, value: Any) -> str:
    return text("none", c.language) if value is None else quoted(c.value(value), c.language)


def _adopted(c: Said) -> str:
    on, by = c.params.get("adopted_on"), c.params.get("adopted_by")
    if on is not None and by:
        return c.say("adopted_by_on", by=c.organisation(by), date=c.value(on))
    if on is not None:
        return c.say("adopted_on", date=c.value(on))
    if by:
        return c.say("adopted_by", by=c.organisation(by))
    return c.say("adopted")


def _repealed(c: Said) -> str:
    until = c.params.get("valid_until")
    if until is None:
        return c.say("repealed")
    return c.say("repealed_on", date=c.value(until))


def _extended(c: Said) -> str:
    old, new = c.params.get("old"), c.params.get("new")
    key = "extended" if new is not None else "until_further_notice"
    if old is None:
        key += "_from_open"
    return c.say(key, old=c.value(old), new=c.value(new))


def _limited(c: Said) -> str:
    old, new = c.params.get("old"), c.params.get("new")
    key = "limited" if old is not None else "limited_from_open"
    return c.say(key, old=c.value(old), new=c.value(new))


def _review(c: Said) -> str:
    old, new = c.params.get("old"), c.params.get("new")
    if old is None and new is not None:
        return c.say("review_added", new=c.value(new))
    if new is None and old is not None:
        return c.say("review_removed", old=c.value(old))
    return c.say("review_moved", old=c.value(old), new=c.value(new))


# ---------------------------------------------------------------------------
# Follow-up, the steering model, whole municipalities
# ---------------------------------------------------------------------------


def _scalar(value: Any) -> bool:
    return isinstance(value, str | int | float) and not isinstance(value, bool)


def _repository_added(c: Said) -> str:
    return text("repository_added", c.language)


def _repository_removed(c: Said) -> str:
    return text("repository_removed", c.language)


def _other(c: Said) -> str:
    return c.say("other")


_SAYERS: dict[ChangeKind, Callable[[Said], str]] = {
    ChangeKind.ADDED: _added,
    ChangeKind.REMOVED: _removed,
    ChangeKind.RENAMED: _renamed,
    ChangeKind.MOVED: _moved,
    ChangeKind.REWORDED: _reworded,
    ChangeKind.LINK_MOVED: _link_moved,
    ChangeKind.FIELD_CHANGED: _field_changed,
    ChangeKind.AMBITION_LOWERED: say_ambition,
    ChangeKind.AMBITION_RAISED: say_ambition,
    ChangeKind.TARGET_CHANGED: say_ambition,
    ChangeKind.TARGET_ADDED: say_target_added,
    ChangeKind.TARGET_REMOVED: say_target_removed,
    ChangeKind.BASELINE_CHANGED: say_baseline,
    ChangeKind.UNIT_CHANGED: say_unit,
    ChangeKind.KOLADA_CHANGED: say_kolada,
    ChangeKind.BETTER_CHANGED: say_better,
    ChangeKind.GOAL_COUNT_CHANGED: _goal_count,
    ChangeKind.MISSION_SOURCE_CHANGED: _mission_source,
    ChangeKind.DOCUMENT_ADOPTED: _adopted,
    ChangeKind.DOCUMENT_REPEALED: _repealed,
    ChangeKind.DOCUMENT_EXTENDED: _extended,
    ChangeKind.DOCUMENT_LIMITED: _limited,
    ChangeKind.REVIEW_MOVED: _review,
    ChangeKind.OUTCOME_ADDED: say_outcome_added,
    ChangeKind.OUTCOME_REVISED: say_outcome_revised,
    ChangeKind.OUTCOME_REMOVED: say_outcome_removed,
    ChangeKind.MODEL_CHANGED: say_model,
    ChangeKind.REPOSITORY_ADDED: _repository_added,
    ChangeKind.REPOSITORY_REMOVED: _repository_removed,
}
