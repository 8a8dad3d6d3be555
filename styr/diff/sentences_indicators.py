"""The sentences of an indicator's changes and of the follow-up's.

A target (or milestone, or range) changed is said with its movement
("sänktes från 91 till 88") and, where the indicator says which way is
better, judged: "lägre ambition (högre värde är bättre)"; a lower ambition
without a comment on the new target says so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from styr.diff.changes import ChangeKind
from styr.diff.sentence_values import Said
from styr.diff.texts import BETTER_NONE, BETTER_REASONS, BETTER_VALUES, text
from styr.i18n import translate


def _target_prefix(c: Said) -> str:
    if c.params.get("field") == "range":
        return "range"
    return "milestone" if c.params.get("milestone") else "target"


def _target_value(c: Said, value: Any) -> str:
    return text("no_value", c.language) if value is None else c.value(value)


def say_ambition(c: Said) -> str:
    """A changed target (or milestone, or range), judged as a higher or lower ambition."""
    old, new = c.params.get("old"), c.params.get("new")
    kind = c.change.kind
    prefix = _target_prefix(c)
    if prefix == "range":
        movement = {
            ChangeKind.AMBITION_LOWERED: "lowered",
            ChangeKind.AMBITION_RAISED: "raised",
        }.get(kind, "changed")
    elif isinstance(old, int | float) and isinstance(new, int | float) and new != old:
        movement = "lowered" if new < old else "raised"
    else:
        movement = "changed"
    old_shown, new_shown = _target_value(c, old), _target_value(c, new)
    said = c.say(f"{prefix}_{movement}", year=c.year(), old=old_shown, new=new_shown)
    if kind in (ChangeKind.AMBITION_LOWERED, ChangeKind.AMBITION_RAISED):
        said = _judged(c, said, lowered=kind is ChangeKind.AMBITION_LOWERED)
    return _with_comment(c, said)


def _judged(c: Said, change: str, lowered: bool) -> str:
    judgement = text("lower_ambition" if lowered else "higher_ambition", c.language)
    reason = BETTER_REASONS.get(str(c.params.get("better")))
    if reason is None:
        return text("judged", c.language, change=change, judgement=judgement)
    better = translate(reason, c.language)
    return text("judged_better", c.language, change=change, judgement=judgement, better=better)


def _with_comment(c: Said, said: str) -> str:
    """The target's comment after the sentence; a lower ambition without one says so."""
    comment = c.params.get("comment")
    if isinstance(comment, str) and comment.strip():
        return text("explained", c.language, sentence=said, comment=c.style.value(comment))
    if c.change.kind is ChangeKind.AMBITION_LOWERED and c.params.get("explained") is False:
        return text("unexplained", c.language, sentence=said)
    return said


def say_target_added(c: Said) -> str:
    new = _target_value(c, c.params.get("new"))
    return _with_comment(c, c.say(f"{_target_prefix(c)}_added", year=c.year(), new=new))


def say_target_removed(c: Said) -> str:
    old = _target_value(c, c.params.get("old"))
    return c.say(f"{_target_prefix(c)}_removed", year=c.year(), old=old)


def _from_to(c: Said, key: str, shown: Callable[[Any], str] | None = None) -> str:
    """`{key}_changed`, `{key}_added` or `{key}_removed`, as the params have an old and a new."""
    show = shown or c.value
    old, new = c.params.get("old"), c.params.get("new")
    if old is None and new is not None:
        return c.say(f"{key}_added", new=show(new))
    if new is None and old is not None:
        return c.say(f"{key}_removed", old=show(old))
    return c.say(f"{key}_changed", old=show(old), new=show(new))


def say_baseline(c: Said) -> str:
    return _from_to(c, "baseline")


def say_unit(c: Said) -> str:
    return _from_to(c, "unit")


def say_kolada(c: Said) -> str:
    return _from_to(c, "kolada")


def say_better(c: Said) -> str:
    def shown(value: Any) -> str:
        return translate(BETTER_VALUES.get(str(value), BETTER_NONE), c.language)

    old, new = c.params.get("old"), c.params.get("new")
    return c.say("better_changed", old=shown(old), new=shown(new))


def _period(c: Said) -> str:
    return c.style.value(str(c.params.get("period", "")))


# An outcome's figure (or a goal's analysis) added or removed on its own: the sentence's key.
_OUTCOME_FIELD_KEYS = {"women": "_women", "men": "_men"}


def say_outcome_added(c: Said) -> str:
    if c.params.get("field") == "analysis":
        return c.say("analysis_added", period=_period(c))
    key = "outcome_added" + _OUTCOME_FIELD_KEYS.get(str(c.params.get("field")), "")
    return c.say(key, period=_period(c), new=_target_value(c, c.params.get("new")))


def say_outcome_revised(c: Said) -> str:
    field = c.params.get("field")
    key = {"women": "outcome_revised_women", "men": "outcome_revised_men"}.get(
        str(field), "outcome_revised"
    )
    if c.params.get("revised_by") == "Kolada":
        key += "_by_kolada"  # Kolada changed a value it had published: said as Kolada's
    old, new = _target_value(c, c.params.get("old")), _target_value(c, c.params.get("new"))
    return c.say(key, period=_period(c), old=old, new=new)


def say_outcome_preliminary(c: Said) -> str:
    """Kolada's value made final (`preliminary: true` taken away by a pull), or marked so again."""
    final = c.params.get("new") is not True
    key = "outcome_final_by_kolada" if final else "outcome_preliminary_by_kolada"
    return c.say(key, period=_period(c), value=_target_value(c, c.params.get("value")))


def say_outcome_removed(c: Said) -> str:
    if c.params.get("field") == "analysis":
        return c.say("analysis_removed", period=_period(c))
    key = "outcome_removed" + _OUTCOME_FIELD_KEYS.get(str(c.params.get("field")), "")
    return c.say(key, period=_period(c), old=_target_value(c, c.params.get("old")))
