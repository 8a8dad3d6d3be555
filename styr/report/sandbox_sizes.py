"""What a user template's call would build, reckoned before it runs (see styr.report.sandbox).

The sandbox refuses a call whose result would be too large before the call
allocates it: the sizes of texts and lists, of `%` and format widths, of
`*`, `**` and `+`, of string methods and of `lipsum` are worked out here
from the arguments alone. Past `MAX_SIZE`, `TemplateLimit` is raised.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jinja2.utils import Namespace

MAX_SIZE = 10_000_000  # characters of one text, items of one list, or a number argument

# One conversion of a %-format: its mapping key, flags, width, precision and type.
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.S)
# The width and precision of a format spec ("{:>10.3f}"): [[fill]align][sign][z][#][0]width.
FORMAT_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d*))?", re.S)
_WIDTH_DIGITS = 8  # a width of more digits than this is past MAX_SIZE whatever it says


class TemplateLimit(Exception):
    """A user template went past one of its bounds: `key` names the message, with params."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


def too_large() -> TemplateLimit:
    return TemplateLimit("report-template-too-large", limit=MAX_SIZE)


def check_size(value: Any) -> Any:
    """`value` itself, if it is not a text or a collection longer than MAX_SIZE."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_SIZE:
        raise too_large()
    return value


def check_arguments(args: Iterable[Any]) -> None:
    for argument in args:
        if isinstance(argument, int) and not isinstance(argument, bool):
            if abs(argument) > MAX_SIZE:
                raise too_large()
        else:
            check_size(argument)


def check_expected(size: int) -> None:
    """Refuses a result reckoned to be longer than MAX_SIZE, before it is built."""
    if size > MAX_SIZE:
        raise too_large()


def text_size(value: Any, limit: int = MAX_SIZE) -> int:
    """An upper bound of the length of `value` as text, counted only until it passes `limit`.

    A list holding one long text a million times is small to hold and huge to
    print: what printing, joining or formatting it would build is reckoned
    here first. Anything else (the view's objects, numbers) counts as its
    `repr`, once per object.
    """
    total = 0
    pending = [value]
    seen: dict[int, int] = {}
    while pending and total <= limit:
        item = pending.pop()
        if isinstance(item, str | bytes):
            # In a list's text a character may be written as up to 10 (`\U0001f600`).
            total += len(item) if item is value else 10 * len(item) + 2
        elif isinstance(item, dict):
            total += 2 + 4 * len(item)
            pending.extend(item.keys())
            pending.extend(item.values())
        elif isinstance(item, list | tuple | set | frozenset):
            total += 2 + 2 * len(item)
            pending.extend(item)
        elif isinstance(item, Namespace):  # a template's own object: its attributes are text
            total += 13
            pending.append(object.__getattribute__(item, "_Namespace__attrs"))
        elif isinstance(item, int):
            total += item.bit_length() // 3 + 2  # its digits, without writing them
        else:
            if id(item) not in seen:
                seen[id(item)] = len(repr(item))
            total += seen[id(item)]
    return total


def width_of(digits: str) -> int:
    """A width or precision written in a format; one of more digits than any bound is too large."""
    if len(digits) > _WIDTH_DIGITS:
        raise too_large()
    return int(digits) if digits else 0


def percent_size(form: str, values: Any) -> int:
    """An upper bound of the length of `form % values`, from its widths and its values."""
    if isinstance(values, Mapping):
        return len(form) + sum(_percent_widths(form, [])) + text_size(values)
    given = list(values) if isinstance(values, tuple) else [values]
    size = len(form)
    for width in _percent_widths(form, given):
        size += width
    return size + text_size(given)


def _percent_widths(form: str, given: list[Any]) -> Iterator[int]:
    """The widths and precisions of the conversions in `form`; a `*` takes one from `given`."""
    position = 0
    for match in _PERCENT_SPEC.finditer(form):
        width, precision, kind = match.groups()
        if kind == "%":
            continue
        for part in (width, precision):
            if part == "*":
                number = given[position] if position < len(given) else 0
                position += 1
                yield abs(number) if isinstance(number, int) else 0
            elif part:
                yield width_of(part)
        position += 1  # the value this conversion writes


def expected_size(operator: str, left: Any, right: Any) -> int:
    """An upper bound of the length of `left <operator> right`, without computing it."""
    sized = (str, bytes, list, tuple)
    if operator == "*":
        if isinstance(left, sized) and isinstance(right, int):
            return len(left) * max(right, 0)
        if isinstance(right, sized) and isinstance(left, int):
            return len(right) * max(left, 0)
    if operator == "+" and isinstance(left, sized) and isinstance(right, sized):
        return len(left) + len(right)
    if operator == "**" and isinstance(left, int | float) and isinstance(right, int | float):
        # A power's digits: beyond MAX_SIZE of them a number is no longer a figure.
        return int(abs(right) * len(str(int(abs(left)) or 1))) if abs(left) > 1 else 0
    if operator == "%" and isinstance(left, str):
        return percent_size(left, right)
    return 0


def method_size(text: str, name: str, args: tuple[Any, ...]) -> int:
    """An upper bound of the length of what the text method `name` gives (0: not a builder).

    `center`, `ljust`, `rjust` and `zfill` give at most their width, which the
    check of every number argument keeps within MAX_SIZE; these multiply.
    """
    if name == "expandtabs":
        tabsize = args[0] if args and isinstance(args[0], int) else 8
        return len(text) + text.count("\t") * max(tabsize, 0)
    if name == "replace" and len(args) >= 2 and isinstance(args[0], str):
        old, new = args[0], args[1]
        times = len(text) + 1 if not old else text.count(old)
        return len(text) + times * len(new) if isinstance(new, str) else 0
    if name == "join" and args and isinstance(args[0], list | tuple):
        return len(text) * max(len(args[0]) - 1, 0) + text_size(list(args[0]))
    return 0


def lipsum_size(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> int:
    """The words `lipsum(n, html, min, max)` may write at most (the names are Jinja's)."""
    del html, min  # neither makes the text longer than n paragraphs of `max` words
    return n * max
