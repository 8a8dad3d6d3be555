"""The fast path: a file with nothing to report, read by a compiled YAML 1.2 parser.

Most steering files are plain mappings of words and numbers. For those, the
careful reader in `yaml_reader` (PyYAML's C composer, then our own value
builder) spends most of its time creating a Python object per node only to
find nothing to say. yaml-rs parses the same text to plain values about ten
times faster, but it reads YAML 1.2 silently: it would turn `0126` into 126
and follow aliases without a word.

So the fast path takes a file only when nothing in it can be something the
careful reader reports or reads differently. Two looks decide, each erring on
the side of "maybe" (a false alarm only costs time):

* the text (`styr.load.screen`): anchors, aliases, tags, directives, more
  than one document, complex keys, tabs and characters YAML forbids,
  bidirectional controls, numbers written with a leading zero or
  underscores, unquoted dates and base-60 numbers, a comment after a value,
  and flow collections that are not tame;
* the values yaml-rs built (`_plain_values`): keys that are not text, text
  that may have been a YAML 1.1 boolean (`no`, quoted or not), and numbers
  too large or too small to use, infinite or not a number (Y016);
* only where it built a float, the text again (`_doubtful_floats`): an
  exponent (`1e5`, `1.e5`, Y017) and a sign before the point (`-.5`); where a float
  is 0.0, also a long run of zeros (a decimal so small that it became 0).
  Scanning every digit of every file would cost as much as the rest of the
  screen.

Everything else, including every file yaml-rs refuses, goes to the careful
reader, which finds the problem and its position.
"""

from __future__ import annotations

import re
import sys
from typing import Any

from styr.load.limits import MAX_NUMBER_DIGITS, deeply_indented
from styr.load.screen import forbidden_character, screen
from styr.load.text_checks import ESCAPED_BIDI

try:
    import yaml_rs
except ImportError:  # pragma: no cover - a platform without a wheel: the careful reader only
    yaml_rs = None  # type: ignore[assignment]

# Text behind a float that the careful reader doubts (Y016, Y017): an exponent
# after a digit or a point (`1e5`, `1.e5`; looked for from the letter: a
# pattern that starts with one character is found several times faster than
# one that starts with a class), a sign before the point (`-.5`), and the
# zeros of a decimal so small that it became 0.0 (below 1e-323 it has more
# than 300 of them after the point; written with an exponent, the exponent is
# found instead). Digits in a text are a cheap false alarm.
_EXPONENT_AFTER = (
    re.compile(r"e(?<=[0-9.]e)[-+]?[0-9]"),
    re.compile(r"E(?<=[0-9.]E)[-+]?[0-9]"),
)
_SIGN_BEFORE_POINT = re.compile(r"\.(?<=[-+]\.)[0-9]")
_MANY_ZEROS = "0" * 16
# Numbers the careful reader accepts lie within these (see limits.MAX_NUMBER_DIGITS).
_LARGEST = 10**MAX_NUMBER_DIGITS
_SMALLEST = 10.0**-(MAX_NUMBER_DIGITS)
# Text that a plain scalar would have made a YAML 1.1 boolean (Y010); yaml-rs
# keeps them as text, so they are looked for among the values.
_YAML11_WORDS = frozenset(
    {"y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO"}
    | {"on", "On", "ON", "off", "Off", "OFF"}
)
# The screen's test of characters (`styr.load.screen`), by its name of old here.
_forbidden_character = forbidden_character


def read_plain(text: str, *, share: bool = True, utf8: bytes | None = None) -> Any | None:
    """The text's data when the fast path may take it, else None.

    Only a mapping or a list at the top is taken: an empty file, a lone scalar
    and several documents all have something to report. With `share`, keys,
    short texts and whole numbers that repeat are one object each (see
    `_plain_values`); without, the same values are checked a little faster.
    `utf8`, when given, must be exactly `text.encode("utf-8")`: the bytes of a
    file that was UTF-8 without a byte-order mark, which yaml-rs then parses
    as they are instead of the text being encoded again.
    """
    if yaml_rs is None or screen(text) or deeply_indented(text) or _escaped_bidi(text):
        return None  # (deep flow nesting never gets past the screen)
    try:
        data = _parsed(text if utf8 is None else utf8)
    except BaseException as error:  # yaml-rs reports a Rust panic as a BaseException
        if isinstance(error, KeyboardInterrupt | SystemExit | MemoryError):
            raise
        return None
    kind = type(data)
    # yaml-rs returns several documents as a list too; a top-level list starts
    # with its first entry (the screen has already sent away `---`).
    if kind is dict or (kind is list and text.lstrip().startswith(("-", "["))):
        values = _plain_values(data) if share else _unshared_plain_values(data)
        if values is _PLAIN or (values is not _DOUBTED and not _doubtful_floats(text, values)):
            return data
    return None


def _parsed(text: str | bytes) -> Any:
    """yaml-rs's values for the text, parsed from its UTF-8 bytes (given, or made here).

    Given the text itself, yaml-rs asks Python for its UTF-8 form, and Python
    keeps that form inside the text for as long as the text lives: a file
    with an å in it then took twice its size for as long as its text is kept
    for the findings' positions (100,000 goals: about 50 MB). Bytes made here
    are let go as soon as they are parsed. A text that cannot be UTF-8 (a lone
    surrogate) raises here, as yaml-rs raised for the text.
    """
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    return yaml_rs.load(raw, parse_datetime=False, encoding="utf-8", encoder_errors="strict")


def _escaped_bidi(text: str) -> bool:
    """A bidi control written as an escape: the careful reader reports it (Y018)."""
    return "\\" in text and ESCAPED_BIDI.search(text) is not None


def _doubtful_floats(text: str, values: str) -> bool:
    if any(exponent.search(text) for exponent in _EXPONENT_AFTER):
        return True
    if "." in text and _SIGN_BEFORE_POINT.search(text):
        return True
    return values is _WITH_ZERO_FLOATS and _MANY_ZEROS in text


# What the walk found: something to doubt, plain values, plain values with
# floats, and with floats of which one is 0.0.
_DOUBTED, _PLAIN, _WITH_FLOATS, _WITH_ZERO_FLOATS = "doubted", "plain", "floats", "zero"


def _plain_values(root: dict[Any, Any] | list[Any]) -> str:
    """No key that is not text (Y008), no text that may have been a YAML 1.1 boolean,
    no number outside what the careful reader accepts (Y016); and whether floats are there.

    The same walk shares every key, every short text and every whole number
    as one object however often it occurs: the parser makes a new string for each key of
    each mapping, and a repository of 100,000 goals held 'title', 'unit',
    'procent' and 'higher' hundreds of thousands of times each, about a third
    of its memory. (Data that is doubted is thrown away, shared or not.)

    A mapping's keys can only be shared by making the mapping again: each
    mapping below the top is read into a new one, which takes its place (the
    top one is emptied and refilled, so that the caller's object holds the
    data). Reading the old mapping's items as they come cost less than
    listing them first and refilling the same mapping. A key that is not text
    is found by `sys.intern`, which refuses it (TypeError), and a key that was
    a YAML 1.1 boolean by one look at the new mapping's keys: no test per key.

    Lists are replaced by copies of themselves: the parser makes a list by
    appending, which leaves room for more (a list of one item, as most
    `contributes_to`, `indicators` and `targets` are, had room for four),
    and a copy is made exactly as long (100,000 goals: 10 MB).

    Walked without recursion and without a call per value: this runs over
    every value of every file. The pending stack holds lists, and mappings
    as two entries: the new mapping under the old one it is read from.
    """
    try:
        return _shared_walk(root)
    except TypeError:  # a key that is not text: sys.intern takes only text
        return _DOUBTED


def _shared_walk(root: dict[Any, Any] | list[Any]) -> str:
    words = _YAML11_WORDS
    largest = _LARGEST
    intern, shared_up_to = sys.intern, _SHARED_UP_TO
    # Whole numbers too (years, target values): each is an object of its own
    # past 256, four per goal. Shared within the file.
    numbers: dict[int, int] = {}
    share_number = numbers.setdefault
    found = _PLAIN
    new: dict[str, Any]  # a mapping made again
    pending: list[Any] = [root]
    if type(root) is dict:
        pending = [root, dict(root)]
        root.clear()  # refilled in the same order, with shared keys
    pop, push = pending.pop, pending.append
    while pending:
        container = pop()
        if type(container) is dict:
            target = pop()
            for key, value in container.items():
                kind = type(value)
                if kind is str:
                    if len(value) <= shared_up_to:
                        if value in words:
                            return _DOUBTED
                        value = intern(value)
                elif kind is dict:
                    push(new := {})
                    push(value)
                    value = new
                elif kind is list:
                    value = value[:]  # exactly as long as it is (see above)
                    push(value)
                elif kind is int:
                    if not -largest < value < largest:
                        return _DOUBTED
                    value = share_number(value, value)
                elif kind is float:
                    found = _float_kind(value, found)
                    if found is _DOUBTED:
                        return _DOUBTED
                target[intern(key)] = value
            if not words.isdisjoint(target):
                return _DOUBTED
        else:
            for position, value in enumerate(container):
                kind = type(value)
                if kind is str:
                    if len(value) <= shared_up_to:
                        if value in words:
                            return _DOUBTED
                        container[position] = intern(value)
                elif kind is dict:
                    container[position] = new = {}
                    push(new)
                    push(value)
                elif kind is list:
                    container[position] = value = value[:]
                    push(value)
                elif kind is int:
                    if not -largest < value < largest:
                        return _DOUBTED
                    container[position] = share_number(value, value)
                elif kind is float:
                    found = _float_kind(value, found)
                    if found is _DOUBTED:
                        return _DOUBTED
    return found


def _unshared_plain_values(root: dict[Any, Any] | list[Any]) -> str:
    """`_plain_values` without sharing anything: the same verdict, the values left as built.

    For a small repository, whose values are let go as soon as it is
    linted, sharing them costs more time than the memory it saves is worth.
    """
    words = _YAML11_WORDS
    largest = _LARGEST
    found = _PLAIN
    pending: list[Any] = [root]
    pop, push = pending.pop, pending.append
    while pending:
        container = pop()
        if type(container) is dict:
            for key in container:
                if type(key) is not str or (len(key) < 4 and key in words):
                    return _DOUBTED
            values = container.values()
        else:
            values = container
        for value in values:
            kind = type(value)
            if kind is str:
                if len(value) < 4 and value in words:
                    return _DOUBTED
            elif kind is dict or kind is list:
                push(value)
            elif kind is int:
                if not -largest < value < largest:
                    return _DOUBTED
            elif kind is float:
                found = _float_kind(value, found)
                if found is _DOUBTED:
                    return _DOUBTED
    return found


# Texts up to this long are shared when they repeat (units, directions, sources).
_SHARED_UP_TO = 24


def _float_kind(value: float, found: str) -> str:
    """What the walk has found, with this float: doubted, with floats, or with a 0.0."""
    if value == 0.0:
        return _WITH_ZERO_FLOATS
    if _SMALLEST <= abs(value) < _LARGEST:  # False for infinity and NaN too
        return found if found is _WITH_ZERO_FLOATS else _WITH_FLOATS
    return _DOUBTED
