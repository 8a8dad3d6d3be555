"""Schema errors as advice: what is wrong, in a planner's words, and what to write instead.

A pattern is explained by what the field is (an id, a reference, a date, a
period, a municipality code, a year), which the schema says in its
`x-styr-form` annotation, never by the regular expression. Unknown keys are
reported one by one, each with the key it probably should be.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from styr.findings import PathInDocument
from styr.schema_place import capitalised, place
from styr.schema_texts import Pair, both, digit_count, shown, type_name, word
from styr.suggest import corrected_id, suggest_among
from styr.written_forms import suggested_date, suggested_period

FORM = "x-styr-form"


@dataclass(frozen=True, slots=True)
class Advice:
    """One schema finding's place and text (Swedish, English)."""

    path: PathInDocument
    at_key: bool
    problem: str
    problem_en: str
    # For a reference of the wrong form, what was written: once the ids of the
    # repository are known, the suggestion can name one that exists.
    reference: str | None = None
    # The key an unknown key probably is, or the key found missing: a key
    # written wrong is one finding, not also "the key is missing".
    meant_key: str | None = None
    missing_key: str | None = None
    # Where the reference stands, in words: said again when the suggestion is refined.
    where: Pair | None = None


def advise(error: Any, data: Any = None) -> list[Advice]:
    """The advice for one jsonschema error in the document `data` (several for unknown keys)."""
    path = tuple(error.absolute_path)
    where = _where(path, data)
    handler = _HANDLERS.get(str(error.validator), _other)
    return handler(error, path, where)


# ------------------------------------------------------------------ keys


def _unknown_keys(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    allowed = list(error.schema.get("properties", {}))
    extra = [key for key in error.instance if key not in allowed]
    advice = []
    for key in extra:
        suggestion = suggest_among(str(key), allowed) if isinstance(key, str) else None
        did_you_mean = both("schema-did-you-mean", suggestion=suggestion) if suggestion else ""
        sv, en = both(
            "schema-unknown-key",
            key=shown(key),
            in_where=_in(where, path),
            did_you_mean=did_you_mean,
            allowed=", ".join(allowed) or "–",
        )
        advice.append(Advice((*path, key), True, sv, en, meant_key=suggestion))
    return advice


def _required(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    # jsonschema reports each missing key as its own error but names it only
    # in its English message; the missing keys are found here instead, and
    # the caller keeps one advice per key.
    instance = error.instance if isinstance(error.instance, dict) else {}
    properties = error.schema.get("properties", {})
    advice = []
    for key in error.validator_value:
        if key in instance:
            continue
        title = _title(properties.get(key, {})) or (key, key)
        sv, en = both("schema-missing-key", key=key, title=title, in_where=_in(where, path))
        advice.append(Advice(path, False, sv, en, missing_key=key))
    return advice


# ------------------------------------------------------------------ forms


def _pattern(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    value = error.instance
    form = error.schema.get(FORM)
    text = str(value)
    if form in ("id", "reference"):
        corrected = corrected_id(text)
        if form == "reference" and corrected:
            return [reference_advice(path, text, corrected, where)]
        sentence = "schema-bad-id" if corrected else "schema-bad-id-example"
        suggestion = shown(corrected)
        return [_at(path, sentence, where=where, value=shown(value), suggestion=suggestion)]
    if form == "date":
        return [_date_advice(path, where, text)]
    if form == "period":
        period = suggested_period(text)
        did_you_mean = both("schema-did-you-mean", suggestion=period) if period else ""
        return [
            _at(
                path,
                "schema-bad-period",
                where=where,
                value=shown(value),
                did_you_mean=did_you_mean,
            )
        ]
    if form == "municipality_code":
        digits = re.sub(r"\D", "", text)
        suggestion = digits.zfill(4) if 0 < len(digits) <= 4 else "0126"
        return [
            _at(
                path,
                "schema-bad-municipality-code",
                where=where,
                value=shown(value),
                suggestion=suggestion,
            )
        ]
    description = _description(error.schema)
    return [_at(path, "schema-bad-form", where=where, value=shown(value), description=description)]


def reference_advice(
    path: PathInDocument, written: str, suggestion: str, where: Pair | None = None
) -> Advice:
    """A reference that is no id, with the id it probably means."""
    where = where or _where(path)
    sv, en = both(
        "schema-bad-reference", where=where, value=shown(written), suggestion=shown(suggestion)
    )
    return Advice(path, False, sv, en, written, where=where)


def _date_advice(path: PathInDocument, where: Pair, text: str) -> Advice:
    suggestion = suggested_date(text)
    if suggestion is None:
        return _at(path, "schema-bad-date-example", where=where, value=shown(text))
    return _at(path, "schema-bad-date", where=where, value=shown(text), suggestion=suggestion)


# ------------------------------------------------------------------ types and values


def _type(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    value = error.instance
    expected = error.validator_value
    expected_types = expected if isinstance(expected, list) else [expected]
    if error.schema.get(FORM) == "date" and "string" in expected_types:
        return [_date_advice(path, where, shown(value))]
    names = [type_name(str(t)) for t in expected_types]
    expected_text = (
        word("or")[0].join(n[0] for n in names),
        word("or")[1].join(n[1] for n in names),
    )
    hint = _type_hint(value, expected_types, error.schema)
    return [
        _at(
            path,
            "schema-wrong-type",
            where=where,
            expected=expected_text,
            actual=_actual(value),
            hint=hint,
        )
    ]


def _type_hint(value: Any, expected: list[str], schema: dict[str, Any]) -> Pair | str:
    if value is None:
        return both("schema-hint-empty")
    item = _only_item(value) if isinstance(value, list) else None
    if "array" not in expected and isinstance(item, str | int | float):
        return both("schema-hint-unlist", value=shown(item))
    examples = schema.get("examples")
    example = examples[0] if isinstance(examples, list) and examples else None
    if "array" in expected and isinstance(value, str | int | float) and example is None:
        return both("schema-hint-list", value=shown(value))
    numeric = "number" in expected or "integer" in expected
    if numeric and isinstance(value, str):
        candidate = value.strip().replace(" ", "").replace("\u00a0", "")
        if re.fullmatch(r"-?\d+,\d+", candidate):
            return both("schema-hint-decimal", value=shown(candidate.replace(",", ".")))
        if re.fullmatch(r"-?\d+(\.\d+)?", candidate):
            return both("schema-hint-unquote", value=shown(candidate))
    if "string" in expected and isinstance(value, int | float) and not isinstance(value, bool):
        return both("schema-hint-quote", value=shown(value))
    if "boolean" in expected:
        return both("schema-hint-boolean")
    if example is not None:
        return both("schema-hint-example", example=_flow(example))
    return ""


def _only_item(items: list[Any]) -> Any:
    """The one item of a one-item list; None for any other list."""
    return items[0] if len(items) == 1 else None


def _actual(value: Any) -> Pair:
    if value is None:
        return word("none")
    if isinstance(value, bool):
        return (shown(value), shown(value))
    if isinstance(value, int | float):
        the_number = word("the number")
        return (f"{the_number[0]} {shown(value)}", f"{the_number[1]} {shown(value)}")
    if isinstance(value, str):
        the_text = word("the text")
        return (f"{the_text[0]} '{shown(value)}'", f"{the_text[1]} '{shown(value)}'")
    if isinstance(value, list):
        return word("a list")
    return word("a mapping")


def _enum(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    choices = [str(c) for c in error.validator_value]
    value = error.instance
    word_of = _only_item(value) if isinstance(value, list) else value  # [lower] for lower
    if isinstance(word_of, str) and word_of in choices:
        suggestion: str | None = word_of
    else:
        suggestion = suggest_among(word_of, choices, "values") if isinstance(word_of, str) else None
    did_you_mean = both("schema-did-you-mean", suggestion=suggestion) if suggestion else ""
    return [
        _at(
            path,
            "schema-not-allowed",
            where=where,
            value=shown(value),
            options=", ".join(choices),
            did_you_mean=did_you_mean,
        )
    ]


def _const(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    return [
        _at(
            path,
            "schema-must-be",
            where=where,
            expected=shown(error.validator_value),
            value=shown(error.instance),
        )
    ]


def _min_length(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    return [_at(path, "schema-empty-text", where=where)]


def _min_items(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    return [_at(path, "schema-too-few-items", where=where, count=error.validator_value)]


def _min_properties(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    allowed = ", ".join(error.schema.get("properties", {})) or "–"
    return [_at(path, "schema-too-few-keys", where=where, allowed=allowed)]


def _bound(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    schema = error.schema
    if schema.get(FORM) == "year":
        return [
            _at(
                path,
                "schema-bad-year",
                where=where,
                value=shown(error.instance),
                minimum=schema.get("minimum", "–"),
                maximum=schema.get("maximum", "–"),
            )
        ]
    key = "schema-too-small" if error.validator == "minimum" else "schema-too-large"
    return [
        _at(path, key, where=where, value=shown(error.instance), limit=shown(error.validator_value))
    ]


def _unique(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    # Items as JSON text, so that lists and mappings compare too, in linear time.
    seen: set[str] = set()
    repeated: Any = None
    for item in error.instance if isinstance(error.instance, list) else []:
        key = json.dumps(item, sort_keys=True, default=str)
        if key in seen:
            repeated = item
            break
        seen.add(key)
    return [_at(path, "schema-repeated", where=where, value=shown(repeated))]


def _format(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    if error.validator_value == "date":
        return [_at(path, "schema-not-a-date", where=where, value=shown(error.instance))]
    return _other(error, path, where)


def _other(error: Any, path: PathInDocument, where: Pair) -> list[Advice]:
    title = _title(error.schema) or (str(error.validator), str(error.validator))
    return [_at(path, "schema-other", where=where, title=title)]


_HANDLERS = {
    "additionalProperties": _unknown_keys,
    "required": _required,
    "pattern": _pattern,
    "type": _type,
    "enum": _enum,
    "const": _const,
    "minLength": _min_length,
    "minItems": _min_items,
    "minProperties": _min_properties,
    "minimum": _bound,
    "maximum": _bound,
    "uniqueItems": _unique,
    "format": _format,
}


def huge_number_advice(path: PathInDocument, value: int, data: Any = None) -> Advice:
    """For a number too long to show at all: where it is and how long it is."""
    where = _where(path, data)
    sv, en = both("schema-huge-number", where=where, digits=digit_count(value))
    return Advice(path, False, sv, en)


def strict_only_advice(path: PathInDocument = ()) -> Advice:
    """Only the compiled validator refuses the file: most likely a code with a line break."""
    sv, en = both("schema-strict-only")
    return Advice(path, False, sv, en)


# ------------------------------------------------------------------ helpers


def _at(path: PathInDocument, sentence: str, /, **params: Any) -> Advice:
    sv, en = both(sentence, **params)
    return Advice(path, False, sv, en)


def _where(path: PathInDocument, data: Any = None) -> Pair:
    """Where `path` is, in words, as a sentence starts with it: "Målvärdena för indikatorn …"."""
    sv, en = place(data, path) or word("document")
    return capitalised(sv), capitalised(en)


def _in(where: Pair, path: PathInDocument) -> Pair | str:
    """`where` inside a sentence, as in "… in målet ”…”" (its words start lower-case)."""
    if not path:
        return ""
    return (f"{word('in')[0]}{_lowered(where[0])}", f"{word('in')[1]}{_lowered(where[1])}")


def _lowered(where: str) -> str:
    return where[:1].lower() + where[1:]


def _title(schema: Any) -> Pair | None:
    """The schema's title "Svensk (English)" as (Swedish, English)."""
    title = schema.get("title") if isinstance(schema, dict) else None
    if not isinstance(title, str):
        return None
    match = re.fullmatch(r"(.+?) \((.+)\)", title)
    return (match.group(1), match.group(2)) if match else (title, title)


def _description(schema: Any) -> Pair:
    """The schema's description, Swedish before the blank line and English after."""
    text = schema.get("description") if isinstance(schema, dict) else None
    if not isinstance(text, str):
        return ("", "")
    swedish, _, english = text.partition("\n\n")
    return (swedish.strip(), (english or swedish).strip())


def _flow(value: Any) -> str:
    """An example value as one line of YAML: {start: 2023, end: 2026}, [a, b], "0126"."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, str):
        plain = re.fullmatch(r"[a-zåäö][\wåäö .-]*", value, re.IGNORECASE)
        return value if plain else '"' + shown(value) + '"'
    return shown(value)
