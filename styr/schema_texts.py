"""The sentences of schema findings, in Swedish and English.

Each is a whole sentence with `{placeholders}`; `styr.schema_advice` chooses
one and fills it. Values are shown through `shown()`, never as a Python repr.
"""

from __future__ import annotations

import math
import unicodedata
from typing import Any

from styr.i18n import Text, translate

ADVICE: dict[str, Text] = {
    "schema-unknown-key": {
        "sv": "Okänd nyckel '{key}'{in_where}.{did_you_mean} Tillåtna nycklar här: {allowed}.",
        "en": "Unknown key '{key}'{in_where}.{did_you_mean} Keys allowed here: {allowed}.",
    },
    "schema-did-you-mean": {
        "sv": " Menade du '{suggestion}'?",
        "en": " Did you mean '{suggestion}'?",
    },
    "schema-missing-key": {
        "sv": "Nyckeln '{key}' ({title}) saknas{in_where}; den måste finnas. Lägg till den.",
        "en": "The key '{key}' ({title}) is missing{in_where}; it is required. Add it.",
    },
    "schema-bad-id": {
        "sv": "{where}: '{value}' kan inte vara ett id. Ett id har bara små bokstäver a–z, "
        "siffror, bindestreck (-), understreck (_) och punkt, och börjar med en bokstav eller "
        "siffra; å, ä och ö skrivs a, a och o. Skriv '{suggestion}'.",
        "en": "{where}: '{value}' cannot be an id. An id has only lower-case letters a–z, "
        "digits, hyphens (-), underscores (_) and dots, and starts with a letter or digit; "
        "å, ä and ö are written a, a and o. Write '{suggestion}'.",
    },
    "schema-bad-reference": {
        "sv": "{where}: '{value}' är inget id. Hänvisa med id:t, inte med rubriken eller "
        "namnet: små bokstäver a–z, siffror, bindestreck (-), understreck (_) och punkt; "
        "å, ä och ö skrivs a, a och o. Menade du '{suggestion}'?",
        "en": "{where}: '{value}' is not an id. Refer by the id, not by the title or name: "
        "lower-case letters a–z, digits, hyphens (-), underscores (_) and dots; å, ä and ö "
        "are written a, a and o. Did you mean '{suggestion}'?",
    },
    "schema-bad-id-example": {
        "sv": "{where}: '{value}' kan inte vara ett id. Ett id har bara små bokstäver a–z, "
        "siffror, bindestreck (-), understreck (_) och punkt, och börjar med en bokstav eller "
        "siffra, t.ex. 'inriktning-trygghet'.",
        "en": "{where}: '{value}' cannot be an id. An id has only lower-case letters a–z, "
        "digits, hyphens (-), underscores (_) and dots, and starts with a letter or digit, "
        "e.g. 'inriktning-trygghet'.",
    },
    "schema-bad-date": {
        "sv": "{where}: '{value}' är inget datum i rätt form. Skriv datum som ÅÅÅÅ-MM-DD "
        'inom citattecken: "{suggestion}".',
        "en": "{where}: '{value}' is not a date in the right form. Write dates as YYYY-MM-DD "
        'in quotes: "{suggestion}".',
    },
    "schema-bad-date-example": {
        "sv": "{where}: '{value}' är inget datum i rätt form. Skriv datum som ÅÅÅÅ-MM-DD "
        'inom citattecken, t.ex. "2026-06-30".',
        "en": "{where}: '{value}' is not a date in the right form. Write dates as YYYY-MM-DD "
        'in quotes, e.g. "2026-06-30".',
    },
    "schema-not-a-date": {
        "sv": '{where}: "{value}" är inget datum som finns i kalendern. Kontrollera månad och dag.',
        "en": '{where}: "{value}" is not a date in the calendar. Check the month and the day.',
    },
    "schema-bad-period": {
        "sv": "{where}: '{value}' är ingen period styr känner. Skriv ett år (2027), en tertial "
        "(2027-T1, 2027-T2 eller 2027-T3) eller ett halvår (2027-H1 eller 2027-H2).{did_you_mean}",
        "en": "{where}: '{value}' is no period styr knows. Write a year (2027), a tertial "
        "(2027-T1, 2027-T2 or 2027-T3) or a half-year (2027-H1 or 2027-H2).{did_you_mean}",
    },
    "schema-bad-municipality-code": {
        "sv": "{where}: '{value}' är ingen kommunkod. Kommunkoden är fyra siffror inom "
        'citattecken, t.ex. "{suggestion}".',
        "en": "{where}: '{value}' is not a municipality code. The code is four digits in "
        'quotes, e.g. "{suggestion}".',
    },
    "schema-bad-form": {
        "sv": "{where}: '{value}' har inte den form som krävs här. {description}",
        "en": "{where}: '{value}' does not have the form required here. {description}",
    },
    "schema-wrong-type": {
        "sv": "{where}: ska vara {expected}, men är {actual}.{hint}",
        "en": "{where}: must be {expected}, but is {actual}.{hint}",
    },
    "schema-hint-list": {
        "sv": " Skriv en lista inom hakparenteser: [{value}].",
        "en": " Write a list in square brackets: [{value}].",
    },
    "schema-hint-quote": {
        "sv": ' Skriv värdet inom citattecken: "{value}".',
        "en": ' Write the value in quotes: "{value}".',
    },
    "schema-hint-unquote": {
        "sv": " Skriv talet utan citattecken: {value}.",
        "en": " Write the number without quotes: {value}.",
    },
    "schema-hint-decimal": {
        "sv": " Skriv decimaltal med punkt: {value}.",
        "en": " Write decimals with a point: {value}.",
    },
    "schema-hint-empty": {
        "sv": " Värdet är tomt: skriv något efter kolonet eller ta bort raden.",
        "en": " The value is empty: write something after the colon or remove the line.",
    },
    "schema-hint-boolean": {
        "sv": " Skriv true (ja) eller false (nej).",
        "en": " Write true or false.",
    },
    "schema-hint-example": {
        "sv": " Till exempel: {example}.",
        "en": " For example: {example}.",
    },
    "schema-not-allowed": {
        "sv": "{where}: '{value}' är inte tillåtet här; välj en av: {options}.{did_you_mean}",
        "en": "{where}: '{value}' is not allowed here; choose one of: {options}.{did_you_mean}",
    },
    "schema-must-be": {
        "sv": "{where}: ska vara '{expected}', men är '{value}'.",
        "en": "{where}: must be '{expected}', but is '{value}'.",
    },
    "schema-empty-text": {
        "sv": "{where}: texten är tom; skriv en text eller ta bort raden.",
        "en": "{where}: the text is empty; write a text or remove the line.",
    },
    "schema-too-few-items": {
        "sv": "{where}: listan behöver minst {count} värden.",
        "en": "{where}: the list needs at least {count} values.",
    },
    "schema-too-few-keys": {
        "sv": "{where}: ange minst en av nycklarna {allowed}.",
        "en": "{where}: give at least one of the keys {allowed}.",
    },
    "schema-too-small": {
        "sv": "{where}: {value} är mindre än det minsta tillåtna, {limit}.",
        "en": "{where}: {value} is less than the smallest allowed, {limit}.",
    },
    "schema-too-large": {
        "sv": "{where}: {value} är större än det största tillåtna, {limit}.",
        "en": "{where}: {value} is greater than the greatest allowed, {limit}.",
    },
    "schema-bad-year": {
        "sv": "{where}: {value} är inget årtal styr godtar; skriv ett år från {minimum} till "
        "{maximum}, t.ex. 2027.",
        "en": "{where}: {value} is not a year styr accepts; write a year from {minimum} to "
        "{maximum}, e.g. 2027.",
    },
    "schema-repeated": {
        "sv": "{where}: '{value}' står mer än en gång i listan; ta bort dubbletten.",
        "en": "{where}: '{value}' is in the list more than once; remove the repetition.",
    },
    "schema-other": {
        "sv": "{where}: värdet följer inte schemat ({title}).",
        "en": "{where}: the value does not follow the schema ({title}).",
    },
    "schema-strict-only": {
        "sv": "Filen följer inte schemat: ett värde har fel form, t.ex. en radbrytning sist i "
        "en kod. Ta bort radbrytningen inom citattecknen.",
        "en": "The file does not follow the schema: a value has the wrong form, e.g. a line "
        "break at the end of a code. Remove the line break inside the quotes.",
    },
    "schema-huge-number": {
        "sv": "{where}: talet har {digits} siffror, fler än något värde i en styrmodell behöver. "
        "Skriv ett rimligt tal.",
        "en": "{where}: the number has {digits} digits, more than any value in a steering "
        "model needs. Write a reasonable number.",
    },
}

WORDS: dict[str, tuple[str, str]] = {
    "document": ("dokumentet", "the document"),
    "in": (" i ", " in "),
    "none": ("tomt", "empty"),
    "or": (" eller ", " or "),
    "a list": ("en lista", "a list"),
    "a mapping": ("en mappning (nycklar och värden)", "a mapping (keys and values)"),
    "the text": ("texten", "the text"),
    "the number": ("talet", "the number"),
}

TYPE_NAMES: dict[str, tuple[str, str]] = {
    "string": ("text", "text"),
    "integer": ("ett heltal", "a whole number"),
    "number": ("ett tal", "a number"),
    "boolean": ("true eller false", "true or false"),
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


def word(name: str) -> Pair:
    return WORDS[name]


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
