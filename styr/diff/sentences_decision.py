"""A change of a decision (`decision:` of a goal, an area, a direction, a mission …).

Said as the decision it is, key by key, in words: "Kommunstyrelsen: beslutet
om inriktningen ändrades: läget från förslag till beslutad", the deciding
body by its name, not its id.
"""

from __future__ import annotations

from typing import Any

from styr.diff.sentence_values import Said, quoted, quoted_value
from styr.diff.texts_decision import (
    DECISION_KEYS,
    DECISION_OF,
    DECISION_SENTENCES,
    DECISION_STATES,
)
from styr.i18n import translate

__all__ = ["say_decision"]

_DECISION = "decision"


def say_decision(c: Said) -> str | None:
    """The change said as a change of a decision, or None where it is none."""
    parts = str(c.params.get("field") or "").split(".")
    if len(parts) < 2 or parts[-2] != _DECISION or parts[-1] not in DECISION_KEYS:
        return None
    whose = DECISION_OF.get(".".join(parts[:-2]))
    if whose is None:
        return None
    key = parts[-1]
    old, new = c.params.get("old"), c.params.get("new")
    said = {
        "subject": c.subject,
        "decision": translate(whose, c.language),
        "key": translate(DECISION_KEYS[key], c.language),
    }
    if old is None:
        return translate(DECISION_SENTENCES["added"], c.language, new=_value(c, key, new), **said)
    if new is None:
        return translate(DECISION_SENTENCES["removed"], c.language, old=_value(c, key, old), **said)
    return translate(
        DECISION_SENTENCES["changed"],
        c.language,
        old=_value(c, key, old),
        new=_value(c, key, new),
        **said,
    )


def _value(c: Said, key: str, value: Any) -> str:
    """A decision's value in words: the state as a word, the body by its name."""
    if key == "state" and isinstance(value, str) and value in DECISION_STATES:
        return translate(DECISION_STATES[value], c.language)
    if key == "by" and isinstance(value, str):
        return c.organisation(value)
    if key == "paragraph" and isinstance(value, int) and not isinstance(value, bool):
        return f"§ {value}"
    if isinstance(value, str):
        return quoted(c.style.value(value), c.language) if key == "case_number" else c.value(value)
    return quoted_value(c, value)
