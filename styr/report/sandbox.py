"""User templates (`--templates`): read only from their folder, and bounded in time and size.

A template folder may come from anyone (a shared repository, a colleague's
zip file), so its templates run in Jinja's sandbox, and two more things hold:

* **What may be read.** `FolderLoader` reads a template only through
  `styr.load.access.read_inside`: a regular file whose real path lies inside
  the folder, so `{% include %}` cannot follow a link to any file on disk.
* **What a template may cost.** `BoundedSandbox` stops a template that runs
  longer than `SECONDS`, loops more than `STEPS` times in all, builds a text
  or list longer than `MAX_SIZE` or writes more than `MAX_OUTPUT`
  characters: `range()` is capped, every `for` loop and every `~` is counted
  (the template's syntax tree is rewritten before it is compiled), `*`, `**`,
  `+` and `%` are checked before they compute, and so are the arguments of
  every filter and method call. Exceeding a bound raises `TemplateLimit`.
* **What one call may cost.** The time bound is looked at between calls, so
  no single call may build much: whatever writes a text from widths or
  repeats (`lipsum`, `expandtabs`, `join`, `indent`, format widths in `%`,
  `format` and `str.format`, a list printed whole) has the length of its
  result reckoned from its arguments before it runs, and the items a
  filter's generator or a `range` gives are counted as loop steps.
  `wordwrap`, which takes a second for every million characters, is given at
  most `WORDWRAP_CHARACTERS`.
* **What styr's own helpers may cost.** The filters and functions the report
  adds for its templates (`md`, `item_html`, `items_html`, `told`, …) are
  added through `add_helpers`, which checks their arguments as a filter's
  are, counts the items they are given as loop steps, refuses any other
  object than the report's labels as their labels (`t`: a template's own
  object would give them texts of its choosing to fill), and reckons before
  they run what the template can make them repeat: the texts written once an
  item or a value (`REPEATED_PARAMETERS`) and an item given more than once.

The bundled templates are the project's own code and run without all this.
"""

from __future__ import annotations

import functools
import inspect
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from types import GeneratorType
from typing import Any, overload

import jinja2
from jinja2 import nodes
from jinja2.filters import do_format, do_indent, do_join, do_wordwrap, make_attrgetter
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.utils import Namespace, generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import EscapeFormatter, Markup

from styr.i18n import N_, Text, both_languages
from styr.load.access import Refused, read_inside

SECONDS = 120.0
STEPS = 20_000_000  # loop iterations in all; the bundled report of 100,000 goals needs ~2 million
MAX_SIZE = 10_000_000  # characters of one text, items of one list, or a number argument
MAX_OUTPUT = 200_000_000  # characters the template writes in all
MAX_TEMPLATE_BYTES = 1_000_000
LIPSUM_WORDS = 100_000  # words `lipsum` may write at most (n paragraphs of up to `max` words)
WORDWRAP_CHARACTERS = 1_000_000  # about a second of `wordwrap`, which no deadline can stop
# The parameters of styr's helpers whose text is written once for every item they are given
# or every value they fill, not once a call: the language attribute, a class, a heading.
REPEATED_PARAMETERS = frozenset({"xl", "css_class", "section"})
LABELS_PARAMETER = "t"  # a helper's labels: only the report's own may be given
REPEATED_ITEM = 100  # characters an item given twice costs at least: its block written again
# One conversion of a %-format: its mapping key, flags, width, precision and type.
_PERCENT_SPEC = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d*)(?:\.(\*|\d*))?[hlL]?(.)", re.S)
# The width and precision of a format spec ("{:>10.3f}"): [[fill]align][sign][z][#][0]width.
_FORMAT_SPEC = re.compile(r"(?:.?[<>=^])?[-+ ]?z?#?0?(\d*)[,_]?(?:\.(\d*))?", re.S)
_WIDTH_DIGITS = 8  # a width of more digits than this is past MAX_SIZE whatever it says


class TemplateLimit(Exception):
    """A user template went past one of its bounds: `key` names the message, with params."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class NotTheLabels(TypeError):
    """A helper given, as its labels `t`, something else than the report's own: a template's
    object would let a helper fill a text of the template's choosing."""

    _DETAIL: Text = N_("{helper}: t must be the report's own labels, the t the template is given")

    def __init__(self, helper: str) -> None:
        super().__init__(f"{helper}: {LABELS_PARAMETER} must be the labels")
        self.helper = helper

    def problem(self) -> dict[str, str]:
        """The detail in both languages, for the message around it (`problem`, `problem_en`):
        it is styr's own text, not Jinja's, so it is translated as the message is."""
        return both_languages("problem", self._DETAIL, helper=self.helper)


class TemplateRefused(Exception):
    """A template file that exists but may not be read (a link out of the folder, a FIFO)."""

    def __init__(self, name: str, refused: Refused) -> None:
        super().__init__(name)
        self.name = name
        self.refused = refused


def template_line(error: BaseException, folder: Path) -> tuple[str, int] | None:
    """The template of `folder` and the line in it where `error` arose, if it arose in one.

    Jinja rewrites a traceback so that a template's own frames carry its file
    name and its line; the innermost of the folder's is where the template
    went wrong (an error from styr's own code, with no such frame, is not).
    """
    inside = os.path.abspath(folder) + os.sep
    where = None
    trace = error.__traceback__
    while trace is not None:
        filename = os.path.abspath(trace.tb_frame.f_code.co_filename)
        if filename.startswith(inside):
            where = (Path(filename[len(inside) :]).as_posix(), trace.tb_lineno)
        trace = trace.tb_next
    return where


class FolderLoader(jinja2.BaseLoader):
    """Templates from one folder, read only as regular files inside it (never by a link out)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def get_source(
        self, environment: jinja2.Environment, template: str
    ) -> tuple[str, str, Callable[[], bool]]:
        path = self.folder.joinpath(*split_template_path(template))  # refuses ".."
        if not os.path.lexists(path):
            raise jinja2.TemplateNotFound(template)  # the bundled template is used instead
        try:
            data = read_inside(self.folder, path, max_bytes=MAX_TEMPLATE_BYTES)
        except Refused as refused:
            raise TemplateRefused(template, refused) from None
        modified = os.stat(path).st_mtime

        def unchanged() -> bool:
            try:
                return os.stat(path).st_mtime == modified
            except OSError:
                return False

        return data.decode("utf-8", errors="replace"), str(path), unchanged


class _Counted(NodeTransformer):
    """Rewrites a template so that every `for` loop and every `~` goes through the budget."""

    def visit_For(self, node: nodes.For) -> nodes.Node:
        self.generic_visit(node)
        node.iter = nodes.Filter(node.iter, "styr_counted", [], [], None, None, lineno=node.lineno)
        return node

    def visit_Concat(self, node: nodes.Concat) -> nodes.Node:
        self.generic_visit(node)
        parts = nodes.List(node.nodes, lineno=node.lineno)
        return nodes.Filter(parts, "styr_concat", [], [], None, None, lineno=node.lineno)


class Budget:
    """What one rendering may still spend."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + SECONDS
        self.steps = 0
        self.written = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > STEPS:  # said as what it is: a count of steps, not a time
            raise TemplateLimit(
                "report-template-too-many-steps", steps=f"{STEPS:,}".replace(",", " ")
            )
        if self.steps % 1024 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimit("report-template-too-slow", seconds=int(SECONDS))

    def write(self, text: str) -> None:
        self.written += len(text)
        if self.written > MAX_OUTPUT:
            raise TemplateLimit("report-template-too-large", limit=MAX_OUTPUT)
        if time.monotonic() > self.deadline:
            raise TemplateLimit("report-template-too-slow", seconds=int(SECONDS))


def _too_large() -> TemplateLimit:
    return TemplateLimit("report-template-too-large", limit=MAX_SIZE)


def _check_size(value: Any) -> Any:
    """`value` itself, if it is not a text or a collection longer than MAX_SIZE."""
    if isinstance(value, str | bytes | list | tuple | dict | set) and len(value) > MAX_SIZE:
        raise _too_large()
    return value


def _check_arguments(args: Iterable[Any]) -> None:
    for argument in args:
        if isinstance(argument, int) and not isinstance(argument, bool):
            if abs(argument) > MAX_SIZE:
                raise _too_large()
        else:
            _check_size(argument)


def _check_expected(size: int) -> None:
    """Refuses a result reckoned to be longer than MAX_SIZE, before it is built."""
    if size > MAX_SIZE:
        raise _too_large()


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


def _width(digits: str) -> int:
    """A width or precision written in a format; one of more digits than any bound is too large."""
    if len(digits) > _WIDTH_DIGITS:
        raise _too_large()
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
                yield _width(part)
        position += 1  # the value this conversion writes


def _expected_size(operator: str, left: Any, right: Any) -> int:
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


def _method_size(text: str, name: str, args: tuple[Any, ...]) -> int:
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


class _BoundedFormatter(SandboxedFormatter):
    """`str.format` as the sandbox does it, each field's width reckoned before it is written."""

    def __init__(self, env: jinja2.Environment, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self.size = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        spec = _FORMAT_SPEC.match(format_spec)
        widths = sum(_width(part or "") for part in spec.groups()) if spec else 0
        self.size += widths + text_size(value)
        _check_expected(self.size)
        return super().format_field(value, format_spec)


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    """The same for `Markup.format`, which escapes each field."""


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with bounds on time, loops, sizes and output (see the module)."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])
    folder: Path | None = None  # the folder of the user's templates

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.finalize = _printable  # what `{{ … }}` prints is reckoned before it is made text
        self.globals["range"] = self._range
        self.globals["lipsum"] = self._lipsum
        self.filters = {name: self._checked(f) for name, f in self.filters.items()}
        self.filters["join"] = self._checked(self._join)
        self.filters["indent"] = self._checked(self._indent)
        self.filters["format"] = self._checked(self._format)
        self.filters["wordwrap"] = self._checked(self._wordwrap)
        self.filters["styr_counted"] = self._counted
        self.filters["styr_concat"] = self._concat

    def start(self) -> None:
        """A fresh budget, for one rendering."""
        self.budget = Budget()

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        counted = _Counted().visit(tree)
        assert isinstance(counted, nodes.Template)
        return counted

    def _range(self, *args: int) -> CountedRange:
        _check_arguments(args)
        numbers = range(*args)
        if len(numbers) > MAX_SIZE:
            raise _too_large()
        return CountedRange(numbers, self.budget)

    def _lipsum(self, *args: Any, **kwargs: Any) -> Markup | str:
        words = lipsum_size(*args, **kwargs)  # a wrong argument fails here, as in Jinja
        if words > LIPSUM_WORDS:
            raise _too_large()
        return generate_lorem_ipsum(*args, **kwargs)

    def _counted(self, iterable: Any) -> Iterator[Any]:
        if isinstance(iterable, CountedRange):
            iterable = iterable.numbers  # counted here, once
        budget = self.budget
        for item in iterable:
            budget.step()
            yield item

    def _concat(self, parts: list[Any]) -> str:
        _check_expected(sum(text_size(part) for part in parts))
        texts = [str(part) for part in parts]
        self.budget.step()
        return "".join(texts)

    @jinja2.pass_eval_context
    def _join(self, eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
        items = list(value)  # counted as it is read, if it is a generator or a range
        if attribute is not None:
            items = list(map(make_attrgetter(self, attribute), items))
        _check_expected(len(str(d)) * max(len(items) - 1, 0) + text_size(items))
        joined: str = do_join(eval_ctx, items, d)
        return joined

    def _indent(self, text: str, width: int | str = 4, *args: Any, **kwargs: Any) -> str:
        # Each line gets `width` (a number of spaces, or a text) in front of it.
        lines = str(text).count("\n") + 1
        _check_expected(len(str(text)) + lines * text_size(width))
        return do_indent(text, width, *args, **kwargs)

    def _format(self, value: str, *args: Any, **kwargs: Any) -> str:
        _check_expected(percent_size(str(value), kwargs or args))
        formatted: str = do_format(value, *args, **kwargs)
        return formatted

    @jinja2.pass_environment
    def _wordwrap(self, environment: jinja2.Environment, s: str, *args: Any, **kwargs: Any) -> str:
        # textwrap's loop runs in one call: its text is bounded, not its time.
        if len(str(s)) > WORDWRAP_CHARACTERS:
            raise _too_large()
        wrapstring = kwargs.get("wrapstring", args[2] if len(args) > 2 else None)
        # At worst every character ends a line, each end written as the wrap string.
        line_end = len(str(wrapstring)) if wrapstring is not None else 2
        _check_expected(len(str(s)) * (1 + line_end))
        wrapped: str = do_wordwrap(environment, s, *args, **kwargs)
        return wrapped

    def add_helpers(
        self, filters: Mapping[str, Callable[..., Any]], functions: Mapping[str, Callable[..., Any]]
    ) -> None:
        """styr's own filters and functions for templates, each bounded (see the module)."""
        self.filters.update({name: self._helper(f) for name, f in filters.items()})
        self.globals.update({name: self._helper(f) for name, f in functions.items()})

    def _helper(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """`function` with its arguments checked and what it would repeat reckoned first."""
        from styr.report.texts import Labels  # the report's labels; texts imports no sandbox

        names = list(inspect.signature(function).parameters)

        @functools.wraps(function)  # keeps Jinja's pass_context mark
        def bounded(*args: Any, **kwargs: Any) -> Any:
            _check_arguments(args)
            _check_arguments(kwargs.values())
            named = {**dict(zip(names, args, strict=False)), **kwargs}
            labels = named.get(LABELS_PARAMETER)
            if labels is not None and not isinstance(labels, Labels):
                raise NotTheLabels(function.__name__)
            items = [v for v in named.values() if isinstance(v, list | tuple | CountedRange)]
            count = sum(map(len, items))
            repeated = sum(
                len(given) - len({id(item) for item in given})
                for given in items
                if not isinstance(given, CountedRange)  # numbers, not items
            )
            words = sum(
                text_size(value) for name, value in named.items() if name in REPEATED_PARAMETERS
            )
            _check_expected(words * (1 + count + len(kwargs)) + repeated * REPEATED_ITEM)
            self.budget.step(1 + count)
            return _check_size(function(*args, **kwargs))

        return bounded

    def _checked(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter whose number arguments and result are checked against MAX_SIZE, and the
        items of whose generator (`map`, `select`, …) count as loop steps."""
        counted = self._counted

        @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
        def checked(*args: Any, **kwargs: Any) -> Any:
            _check_arguments(args)
            _check_arguments(kwargs.values())
            result = function(*args, **kwargs)
            return counted(result) if isinstance(result, GeneratorType) else _check_size(result)

        return checked

    def wrap_str_format(self, value: Any) -> Callable[..., str] | None:
        """`str.format` as Jinja's sandbox wraps it, with a formatter that reckons widths."""
        wrapped = super().wrap_str_format(value)
        if wrapped is None:
            return None
        text = value.__self__
        is_map = value.__name__ == "format_map"
        escape = getattr(text, "escape", None)

        def bounded(*args: Any, **kwargs: Any) -> str:
            if is_map and (kwargs or len(args) != 1):
                return wrapped(*args, **kwargs)  # Jinja's own error for a wrong call
            formatter = (
                _BoundedEscapeFormatter(self, escape=escape)
                if isinstance(text, Markup)
                else _BoundedFormatter(self)
            )
            written = (
                formatter.vformat(text, (), args[0])
                if is_map
                else formatter.vformat(text, args, kwargs)
            )
            result: str = type(text)(written)
            return result

        return functools.update_wrapper(bounded, value)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if _expected_size(operator, left, right) > MAX_SIZE:
            raise _too_large()
        self.budget.step()
        return super().call_binop(context, operator, left, right)

    def call(  # the parameter names are Jinja's (positional only)
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        _check_arguments(args)
        _check_arguments(kwargs.values())
        text = getattr(__obj, "__self__", None)
        if isinstance(text, str):
            if getattr(__obj, "__name__", None) == "join" and args:
                args = (list(args[0]), *args[1:])  # measured whole before it is joined
            _check_expected(_method_size(text, getattr(__obj, "__name__", ""), args))
        __self.budget.step()
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def bounded_chunks(self, template: jinja2.Template, context: dict[str, Any]) -> Iterator[str]:
        """What `template` writes, piece by piece, stopping at any bound."""
        self.start()
        for chunk in template.generate(context):
            self.budget.write(chunk)
            yield chunk


class CountedRange(Sequence[int]):
    """A template's `range`: the numbers it gives, however read, count as loop steps.

    `range(9000000) | map('string') | join` is one call that loops in Python;
    counted, it stops at the bound on steps and time like a `for` loop.
    """

    def __init__(self, numbers: range, budget: Budget) -> None:
        self.numbers = numbers
        self.budget = budget

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> CountedRange: ...
    def __getitem__(self, index: int | slice) -> int | CountedRange:
        if isinstance(index, slice):
            return CountedRange(self.numbers[index], self.budget)
        return self.numbers[index]

    def __iter__(self) -> Iterator[int]:
        budget = self.budget
        for number in self.numbers:
            budget.step()
            yield number

    def __contains__(self, value: object) -> bool:
        return value in self.numbers

    def __repr__(self) -> str:
        return repr(self.numbers)


def _printable(value: Any) -> Any:
    """`value` as `{{ … }}` prints it, refused first if its text would be past MAX_SIZE."""
    if not isinstance(value, str):
        _check_expected(text_size(value))
    return value
