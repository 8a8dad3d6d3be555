"""Whether the value given to a rule's option is one the rule can use.

An option's default says its sort (a whole number, a number, a list of words,
a truth value or a text) and the rule may bound it or order two of its options;
a value that breaks either is a configuration error that says, in a planner's
words, what it must be and what it is.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from styr.errors import ConfigError
from styr.i18n import N_, both_languages, translate


def check_range(
    setting: str, value: Any, bounds: tuple[float | None, float | None] | None, source: Path
) -> None:
    """Refuse a number outside what the rule can use (`similarity: -5`, `max: -1`)."""
    if bounds is None or isinstance(value, bool) or not isinstance(value, int | float):
        return
    low, high = bounds
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if high is None:
        wanted = N_("at least {low}")
    elif low is None:
        wanted = N_("at most {high}")
    else:
        wanted = N_("between {low} and {high}")
    raise ConfigError(
        "config-option-type",  # the same sentence: what it must be, and what it is
        path=str(source),
        setting=setting,
        **both_languages("expected", wanted, low=_shown(low), high=_shown(high)),
        actual=_described(value, "sv"),
        actual_en=_described(value, "en"),
    )


def check_order(
    name: str, values: dict[str, Any], pairs: tuple[tuple[str, str], ...], source: Path
) -> None:
    """Refuse a lower limit above its upper one (`min_years: 5` with `max_years: 2`).

    The defaults count too: `min_years: 6` alone is above the default `max_years: 4`.
    """
    for lower, upper in pairs:
        if values[lower] > values[upper]:
            raise ConfigError(
                "config-option-order",
                path=str(source),
                lower=f"options.{name}.{lower}",
                upper=f"options.{name}.{upper}",
                low=_shown(values[lower]),
                high=_shown(values[upper]),
            )


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def check_option(setting: str, value: Any, default: Any, source: Path) -> None:
    """Refuse an option whose value is not of the sort its default is (D18).

    The default says what a rule reads: a whole number (`max: 3`), a number
    (`similarity: 0.9`) or a list of words (`extra_groups: []`). A wrong sort
    would otherwise crash the rule or, worse, be accepted and mean nothing.
    """
    expected = _sort_of(default)
    if _fits(value, expected):
        return
    raise ConfigError(
        "config-option-type",
        path=str(source),
        setting=setting,
        expected=translate(_EXPECTED[expected], "sv"),
        expected_en=translate(_EXPECTED[expected], "en"),
        actual=_described(value, "sv"),
        actual_en=_described(value, "en"),
    )


def _sort_of(default: Any) -> str:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, list):
        return "words"
    return "text"


def _fits(value: Any, expected: str) -> bool:
    if expected == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):  # YAML's true/false is never a number here
        return False
    if expected == "integer":
        return isinstance(value, int)
    if expected == "number":
        return isinstance(value, int | float)
    if expected == "words":
        return isinstance(value, list) and all(
            isinstance(item, str) and item.strip() for item in value
        )
    return isinstance(value, str)


_EXPECTED = {
    "boolean": N_("true or false"),
    "integer": N_("a whole number, for example 3"),
    "number": N_("a number, for example 0.9"),
    "words": N_("a list of words in square brackets, for example [pupils, users]"),
    "text": N_("a text"),
}


def _described(value: Any, language: str) -> str:
    """What the value is, as a planner reads it (never a Python repr)."""
    if value is None:
        return translate(N_("empty"), language)
    if isinstance(value, bool):
        return translate(N_("the truth value {value}"), language, value=str(value).lower())
    if isinstance(value, int | float):
        return translate(N_("the number {value}"), language, value=f"{value:g}")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return translate(N_('the text "{value}"'), language, value=shown)
    if isinstance(value, list):
        return translate(N_("a list of which not all are words"), language)
    if isinstance(value, dict):
        return translate(N_("a mapping (key: value)"), language)
    return translate(N_("something else"), language)
