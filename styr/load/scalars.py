"""Scalars to values: the YAML 1.2 core schema, and every YAML 1.1 surprise named.

A plain (unquoted) scalar is read the YAML 1.2 way. Where a YAML 1.1 reader
(PyYAML, and many tools built on it) would read the same text as something
else, or where the value is a number no steering file can use, the scalar
comes back with a `Surprise`: the rule to report and its parameters.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from styr.load.limits import MAX_NUMBER_DIGITS
from styr.messages import message
from styr.rules import loading as rules
from styr.rules.base import Rule

# The tag our resolver gives plain (unquoted, untagged) scalars, so that we can
# tell `0126` from `"0126"` and from `!!str 0126`.
PLAIN = "styr:plain"
CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (CORE + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ = CORE + "map", CORE + "seq"

_INT = re.compile(r"[-+]?[0-9]+\Z")
_LEADING_ZERO = re.compile(
    r"[-+]?0[0-9_]+\Z|0o[0-7]+\Z|[-+]?0b[01_]+\Z|[-+]?[0-9][0-9]*(_[0-9]+)+\Z"
)
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
# Further numbers to PyYAML's YAML 1.1 resolver that are text to YAML 1.2 (Y009):
# a decimal with underscores anywhere after its first digit (`1_`, `1__0`,
# `1_000.5`, `.5_`, `1.0_e+5`), and a hexadecimal number with a sign or an
# underscore (`-0x10`, `0x1_0`). These are PyYAML's own int and float patterns,
# narrowed to what YAML 1.2 does not read as the same number.
_YAML11_ONLY_NUMBER = re.compile(
    r"[-+]?[1-9][0-9]*_[0-9_]*\Z"
    r"|(?=[^_]*_)[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?\Z"
    r"|(?=[^_]*_)[-+]?\.[0-9][0-9_]*([eE][-+][0-9]+)?\Z"
    r"|[-+]0x[0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*\Z"
    r"|(?=[^_]*_)0x[0-9a-fA-F_]*[0-9a-fA-F][0-9a-fA-F_]*\Z"
)
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
# What PyYAML's YAML 1.1 resolver reads as a float: a dot is required, and an
# exponent needs its sign (`1e5`, `6.8e1` and `-.5` are text there).
_YAML11_FLOAT = re.compile(
    r"[-+]?[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?\Z|\.[0-9][0-9_]*([eE][-+][0-9]+)?\Z"
)
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
# YAML 1.1 base 60 starts with 1–9: "08:30" is text there, "1:20" is 80.
_SEXAGESIMAL = re.compile(r"[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\Z")
_DATE = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?"
    r"([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?\Z"
)
_PREFIXED = re.compile(r"[-+]?0([xob])([0-9a-fA-F_]+)\Z")
# A YAML 1.2 float in parts: the digits before the point, after it, the exponent.
_FLOAT_PARTS = re.compile(r"[-+]?([0-9]*)(?:\.([0-9]*))?(?:[eE]([-+]?[0-9]+))?\Z")
_LONGEST_EXPONENT = 6
_OUT_OF_RANGE = 10_000_000  # more digits than any number with a shorter exponent has
NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_YAML11_TRUE = frozenset(("y", "Y", "yes", "Yes", "YES", "on", "On", "ON"))
_YAML11_FALSE = frozenset(("n", "N", "no", "No", "NO", "off", "Off", "OFF"))
# Plain scalars starting with any other letter are always text: the fast path.
MAYBE_SPECIAL_LETTERS = frozenset("yYnNoOtTfF")
_BASES = {"x": 16, "o": 8, "b": 2}
# Long values are shortened in messages: the start and the end say enough.
_SHOWN_LENGTH = 24


@dataclass(frozen=True, slots=True)
class Surprise:
    """What to report about a scalar: a rule and its message parameters."""

    rule: Rule
    params: dict[str, Any]


def resolve_plain(text: str) -> tuple[Any, Surprise | None]:
    """A plain scalar's value, and what to report about it (None when nothing).

    A scalar that YAML 1.1 reads differently, or a number too large to use,
    is handed on as its text; a float YAML 1.1 would keep as text stays a float.
    """
    if _INT.match(text) and len(text) <= MAX_NUMBER_DIGITS and text.lstrip("+-")[:1] != "0":
        return int(text), None  # the common case after words: a year or a count
    surprise = _yaml11_boolean(text) or number_problem(text) or _yaml11_text(text)
    if surprise is not None:
        return text, surprise
    value = core_value(text)
    if type(value) is float:
        if not math.isfinite(value):
            return text, _unusable(text, "load-number-not-finite")
        if not _YAML11_FLOAT.match(text):
            return value, Surprise(
                rules.FLOAT_AS_TEXT, {"value": text, "plain": _written_out(text)}
            )
    return value, None


def _yaml11_boolean(text: str) -> Surprise | None:
    """`yes`, `no`, `on`, `off`, `y`, `n`: booleans to YAML 1.1, text to YAML 1.2 (Y010)."""
    if text not in _YAML11_TRUE and text not in _YAML11_FALSE:
        return None
    truth = text in _YAML11_TRUE
    meaning = "sant (true)" if truth else "falskt (false)"
    return Surprise(
        rules.AMBIGUOUS_BOOLEAN,
        {"value": text, "meaning": meaning, "meaning_en": "true" if truth else "false"},
    )


def _yaml11_text(text: str) -> Surprise | None:
    """Text that YAML 1.1 reads as a number (Y009, Y012) or a date (Y011)."""
    for pattern, rule in _YAML11_NUMBERS:
        if pattern.match(text):
            reading = _yaml11_reading(text)
            params = {"value": text, "yaml11": reading, "yaml11_en": reading}
            if reading == text:  # YAML 1.1 has no 0o, nor a 0b without digits: it keeps the text
                params |= {"yaml11": f"texten '{text}'", "yaml11_en": f"the text '{text}'"}
            return Surprise(rule, params)
    if _DATE.match(text):
        return Surprise(rules.UNQUOTED_DATE, {"value": text})
    return None


_YAML11_NUMBERS = (
    (_LEADING_ZERO, rules.AMBIGUOUS_NUMBER),
    (_YAML11_ONLY_NUMBER, rules.AMBIGUOUS_NUMBER),
    (_SEXAGESIMAL, rules.SEXAGESIMAL),
)


def resolve_tagged(text: str, tag: str) -> tuple[Any, Surprise | None]:
    """A scalar with an explicit core tag (`!!int 3`): its value if it fits the tag."""
    if tag in (INT, FLOAT):
        unusable = number_problem(text)
        if unusable is not None:
            return None, unusable
    if tag in (INT, FLOAT, BOOL, NULL):
        value = core_value(text)
        if _core_tag_of(value) == tag or (tag == FLOAT and isinstance(value, int)):
            value = float(value) if tag == FLOAT else value
            if isinstance(value, float) and not math.isfinite(value):
                return None, _unusable(text, "load-number-not-finite")
            return value, None
    return None, Surprise(rules.TAG, {"tag": short_tag(tag)})


def number_problem(text: str) -> Surprise | None:
    """Why a number-like text cannot be used as a number (None when it can, or is no number).

    Checked before any conversion: Python refuses to turn an integer of more
    than 4,300 digits into text, and a float past 1e308 becomes infinity.
    """
    if len(text) <= MAX_NUMBER_DIGITS and "e" not in text and "E" not in text:
        return None
    digits = _integer_digits(text)
    if digits is None:
        return None
    if digits > MAX_NUMBER_DIGITS:
        return _unusable(text, "load-number-too-long", digits=digits)
    if digits < -MAX_NUMBER_DIGITS:
        return _unusable(text, "load-number-too-small")
    return None


def _integer_digits(text: str) -> int | None:
    """How many digits the number has before its point when written out in full.

    Negative for a number below one: -3 for 0.0001 (its first digit stands
    four places after the point). None when the text is not a number.
    """
    prefixed = _PREFIXED.match(text)
    if prefixed is not None:
        base = _BASES.get(prefixed.group(1))
        body = prefixed.group(2).replace("_", "")
        if base is None or not body:
            return None
        try:
            value = int(body, base)  # bases 2, 8 and 16 have no length limit
        except ValueError:
            return None
        return value.bit_length() * 30103 // 100000 + 1
    if _SEXAGESIMAL.match(text):
        return sum(c.isdigit() for c in text)
    underscored = _LEADING_ZERO.match(text) or _YAML11_ONLY_NUMBER.match(text)
    body = text.replace("_", "") if underscored else text
    parts = _FLOAT_PARTS.match(body)
    if parts is None:
        return None
    whole: str = parts.group(1) or ""
    fraction: str = parts.group(2) or ""
    exponent: str = parts.group(3) or ""
    if whole.strip("0"):
        lead = len(whole.lstrip("0"))
    elif fraction.strip("0"):
        lead = -(len(fraction) - len(fraction.lstrip("0")))
    else:
        return 1  # zero, whatever its exponent
    # An exponent is read as a number only while it is short: `1e` followed
    # by thousands of digits must not reach int() either.
    power = exponent.lstrip("+-").lstrip("0")
    if len(power) > _LONGEST_EXPONENT:
        return -_OUT_OF_RANGE if exponent.startswith("-") else _OUT_OF_RANGE
    return lead + (int(exponent) if exponent else 0)


def _unusable(text: str, reason: str, **params: Any) -> Surprise:
    return Surprise(
        rules.UNUSABLE_NUMBER,
        {
            "value": shown(text),
            "reason": message(reason, "sv", limit=MAX_NUMBER_DIGITS, **params),
            "reason_en": message(reason, "en", limit=MAX_NUMBER_DIGITS, **params),
        },
    )


def shown(text: str) -> str:
    """A value as a message quotes it: long ones shortened to their start and end."""
    if len(text) <= _SHOWN_LENGTH:
        return text
    return f"{text[: _SHOWN_LENGTH - 8]}…{text[-4:]}"


def _written_out(text: str) -> str:
    """The number without an exponent, as a planner would write it: `1e5` → 100000."""
    number = Decimal(text)  # its exponent is small: number_problem has passed it
    if number == number.to_integral_value():
        return f"{number.to_integral_value():f}"
    return f"{number:f}"


def _yaml11_reading(text: str) -> str:
    """What a YAML 1.1 reader makes of a number-looking scalar, for the message."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    if ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)
        number = sign * value
        return str(int(number)) if number.is_integer() else str(number)
    if digits.startswith("0o"):
        return text
    if digits.startswith("0x"):
        return str(sign * int(digits[2:], 16))
    if "." in digits:
        return _written_out(("-" if sign < 0 else "") + digits)
    if digits.startswith("0b"):
        # `0b_` fits YAML 1.1's pattern for a binary number but has no digit:
        # no number to tell of (PyYAML itself fails on it), so the text stays.
        return str(sign * int(digits[2:], 2)) if digits[2:] else text
    if len(digits) > 1 and digits.startswith("0"):
        try:
            return str(sign * int(digits, 8))
        except ValueError:
            return str(sign * int(digits))
    return str(sign * int(digits))


def core_value(text: str) -> Any:
    """A plain scalar read by the YAML 1.2 core schema (its size checked already)."""
    if text in NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _HEX.match(text):
        return int(text, 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def is_null(text: str) -> bool:
    return text in NULLS


def _core_tag_of(value: Any) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT
    return STR


def short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag
