"""One value of a target, a milestone or an outcome changed: reworded, or a changed field."""

from __future__ import annotations

from typing import Any

from styr.diff.changes import ChangeKind
from styr.diff.content import plain
from styr.diff.words import word_diff
from styr.load.text_fields import is_text_field


def value_change(
    key: str, field: str, was: Any, now: Any
) -> tuple[ChangeKind, dict[str, Any]] | None:
    """The kind and params of `key` going from `was` to `now`, or None where a reader sees none.

    A free text (`text`, `comment`) written on both sides is reworded, with a
    word diff, unless only its spacing changed; any other value (a term, a
    source), or a text given or taken away, is a changed field. `field` is
    what the params name it by (`milestones.text`).
    """
    if was == now:
        return None
    if is_text_field((key,)) and isinstance(was, str) and isinstance(now, str):
        if was.split() == now.split():
            return None
        words = word_diff(was, now)
        return ChangeKind.REWORDED, {"field": field, "old": was, "new": now, "words": words}
    return ChangeKind.FIELD_CHANGED, {"field": field, "old": plain(was), "new": plain(now)}
