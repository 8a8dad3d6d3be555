"""The sentences of schema findings, in Swedish and English.

Each is a whole sentence with `{placeholders}`; `styr.schema_advice` chooses
one and fills it. Values are shown through `shown()`, never as a Python repr.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from styr.i18n import N_, Text, translate

ADVICE: dict[str, Text] = {
    "schema-unknown-key": N_(
        "Unknown key '{key}'{in_where}.{did_you_mean} Keys allowed here: {allowed}."
    ),
    "schema-did-you-mean": N_(" Did you mean '{suggestion}'?"),
    "schema-indented-too-far": N_(
        "The key '{key}' is indented one step too far: it does not belong to '{inside}' but to the "
        "level above. Move the line to the left so that '{key}' stands in the same column as "
        "'{inside}'; the lines below it go with it."
    ),
    "schema-hint-unlist": N_(" Write the value without square brackets: {value}."),
    "schema-kind-did-you-mean": N_("'{value}', did you mean '{suggestion}'?"),
    "schema-missing-key": N_(
        "The key '{key}' ({title}) is missing{in_where}; it is required. Add it."
    ),
    "schema-bad-id": N_(
        "{where}: '{value}' cannot be an id. An id has only lower-case letters a–z, digits, "
        "hyphens (-), underscores (_) and dots, and starts with a letter or digit; å, ä and ö are "
        "written a, a and o. Write '{suggestion}'."
    ),
    "schema-bad-reference": N_(
        "{where}: '{value}' is not an id. Refer by the id, not by the title or name: lower-case "
        "letters a–z, digits, hyphens (-), underscores (_) and dots; å, ä and ö are written a, a "
        "and o. Did you mean '{suggestion}'?"
    ),
    "schema-bad-id-example": N_(
        "{where}: '{value}' cannot be an id. An id has only lower-case letters a–z, digits, "
        "hyphens (-), underscores (_) and dots, and starts with a letter or digit, e.g. "
        "'inriktning-trygghet'."
    ),
    "schema-bad-date": N_(
        "{where}: '{value}' is not a date in the right form. Write dates as YYYY-MM-DD in quotes: "
        '"{suggestion}".'
    ),
    "schema-bad-date-example": N_(
        "{where}: '{value}' is not a date in the right form. Write dates as YYYY-MM-DD in quotes, "
        'e.g. "2026-06-30".'
    ),
    "schema-not-a-date": N_(
        '{where}: "{value}" is not a date in the calendar. Check the month and the day.'
    ),
    "schema-bad-period": N_(
        "{where}: '{value}' is no period styr knows. Write a year (2027), a tertial (2027-T1, "
        "2027-T2 or 2027-T3) or a half-year (2027-H1 or 2027-H2).{did_you_mean}"
    ),
    "schema-bad-municipality-code": N_(
        "{where}: '{value}' is not a municipality code. The code is four digits in quotes, e.g. "
        '"{suggestion}".'
    ),
    "schema-bad-form": N_("{where}: '{value}' does not have the form required here. {description}"),
    "schema-wrong-type": N_("{where}: must be {expected}, but is {actual}.{hint}"),
    "schema-hint-list": N_(" Write a list in square brackets: [{value}]."),
    "schema-hint-quote": N_(' Write the value in quotes: "{value}".'),
    "schema-hint-unquote": N_(" Write the number without quotes: {value}."),
    "schema-hint-decimal": N_(" Write decimals with a point: {value}."),
    "schema-hint-empty": N_(
        " The value is empty: write something after the colon or remove the line."
    ),
    "schema-hint-boolean": N_(" Write true or false."),
    "schema-hint-example": N_(" For example: {example}."),
    "schema-not-allowed": N_(
        "{where}: '{value}' is not allowed here; choose one of: {options}.{did_you_mean}"
    ),
    "schema-must-be": N_("{where}: must be '{expected}', but is '{value}'."),
    "schema-empty-text": N_("{where}: the text is empty; write a text or remove the line."),
    "schema-too-few-items": N_("{where}: the list needs at least {count} values."),
    "schema-too-few-keys": N_("{where}: give at least one of the keys {allowed}."),
    "schema-too-small": N_("{where}: {value} is less than the smallest allowed, {limit}."),
    "schema-too-large": N_("{where}: {value} is greater than the greatest allowed, {limit}."),
    "schema-bad-year": N_(
        "{where}: {value} is not a year styr accepts; write a year from {minimum} to {maximum}, "
        "e.g. 2027."
    ),
    "schema-repeated": N_(
        "{where}: '{value}' is in the list more than once; remove the repetition."
    ),
    "schema-other": N_("{where}: the value does not follow the schema ({title})."),
    "schema-strict-only": N_(
        "The file does not follow the schema: a value has the wrong form, e.g. a line break at the "
        "end of a code. Remove the line break inside the quotes."
    ),
    "schema-huge-number": N_(
        "{where}: the number has {digits} digits, more than any value in a steering model needs. "
        "Write a reasonable number."
    ),
}

WORDS: dict[str, str] = {
    "document": N_("the document"),
    "in": N_(" in "),
    "none": N_("empty"),
    "or": N_(" or "),
    "a list": N_("a list"),
    "a mapping": N_("a mapping (keys and values)"),
    "the text": N_("the text"),
    "the number": N_("the number"),
}

# What a schema type is called in a sentence.
TYPE_NAMES: dict[str, str] = {
    "string": N_("text"),
    "integer": N_("a whole number"),
    "number": N_("a number"),
    "boolean": N_("true or false"),
    "array": WORDS["a list"],
    "object": WORDS["a mapping"],
    "null": WORDS["none"],
}

LANGUAGES = ("sv", "en")

# A pair of texts, one per language, where a parameter differs by language.
Pair = tuple[str, str]


def both(sentence: str, /, **params: Any) -> Pair:
    """The sentence `key` in Swedish and in English; a Pair parameter gives each its own."""
    rendered = []
    for position, language in enumerate(LANGUAGES):
        chosen = {
            name: value[position] if isinstance(value, tuple) else value
            for name, value in params.items()
        }
        rendered.append(translate(ADVICE[sentence], language, **chosen))
    return rendered[0], rendered[1]


def _pair(text: Text) -> Pair:
    return translate(text, LANGUAGES[0]), translate(text, LANGUAGES[1])


def word(name: str) -> Pair:
    return _pair(WORDS[name])


def type_name(name: str) -> Pair:
    """A schema type as a sentence names it; a type without a name as it is."""
    return _pair(TYPE_NAMES[name]) if name in TYPE_NAMES else (name, name)


# What a message shows of a value: a planner's words, never a repr.
MAX_SHOWN = 60
_INT_DIGITS_SHOWN = 30


def shown(value: Any) -> str:
    """A value as a message shows it: short, on one line, control characters made visible."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        digits = digit_count(value)
        if digits > _INT_DIGITS_SHOWN:
            return f"{'-' if value < 0 else ''}10^{digits - 1}…"
        return str(value)
    if isinstance(value, float):
        return repr(value) if math.isfinite(value) else str(value)
    if isinstance(value, str):
        return _capped(_visible(value))
    if isinstance(value, list):
        return _capped("[" + ", ".join(shown(v) for v in value[:5]) + ("…" if value[5:] else "]"))
    if isinstance(value, dict):
        keys = ", ".join(_visible(str(k)) for k in list(value)[:5])
        return _capped("{" + keys + ("…" if len(value) > 5 else "}"))
    return _capped(_visible(type(value).__name__))


def digit_count(value: int) -> int:
    """How many digits an integer has, without turning it into text (which may be refused)."""
    magnitude = abs(value)
    if magnitude < 10**_INT_DIGITS_SHOWN:
        return len(str(magnitude))
    estimate = int(magnitude.bit_length() * math.log10(2))
    return estimate + 1 if magnitude >= 10**estimate else estimate


def _visible(text: str) -> str:
    out = []
    for char in text:
        if char == "\n":
            out.append("\\n")
        elif char == "\t":
            out.append("\\t")
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co", "Zl", "Zp"):
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return "".join(out)


def _capped(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 1] + "…"
