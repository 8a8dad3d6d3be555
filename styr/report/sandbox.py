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

The bundled templates are the project's own code and run without all this.
"""

from __future__ import annotations

import functools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.loaders import split_template_path
from jinja2.sandbox import SandboxedEnvironment
from jinja2.visitor import NodeTransformer

from styr.load.access import Refused, read_inside

SECONDS = 120.0
STEPS = 20_000_000  # loop iterations in all; the bundled report of 100,000 goals needs ~2 million
MAX_SIZE = 10_000_000  # characters of one text, items of one list, or a number argument
MAX_OUTPUT = 200_000_000  # characters the template writes in all
MAX_TEMPLATE_BYTES = 1_000_000
# A format whose width or precision would build a huge text: "%0999999999d", "{:999999999}".
_BIG_WIDTH = re.compile(r"%[-#0 +]*\d{8,}|%[-#0 +]*\d*\.\d{8,}|\{[^{}]*:[^{}]*?\d{8,}")


class TemplateLimit(Exception):
    """A user template went past one of its bounds: `key` names the message, with params."""

    def __init__(self, key: str, **params: Any) -> None:
        super().__init__(key)
        self.key = key
        self.params = params


class TemplateRefused(Exception):
    """A template file that exists but may not be read (a link out of the folder, a FIFO)."""

    def __init__(self, name: str, refused: Refused) -> None:
        super().__init__(name)
        self.name = name
        self.refused = refused


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
        elif isinstance(argument, str) and _BIG_WIDTH.search(argument):
            raise _too_large()  # a format with a width that would build a huge text
        else:
            _check_size(argument)


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
        return MAX_SIZE + 1 if _BIG_WIDTH.search(left) else 0
    return 0


class BoundedSandbox(SandboxedEnvironment):
    """Jinja's sandbox with bounds on time, loops, sizes and output (see the module)."""

    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.budget = Budget()
        self.globals["range"] = self._range
        self.filters = {name: _checked(f) for name, f in self.filters.items()}
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

    def _range(self, *args: int) -> range:
        _check_arguments(args)
        numbers = range(*args)
        if len(numbers) > MAX_SIZE:
            raise _too_large()
        return numbers

    def _counted(self, iterable: Any) -> Iterator[Any]:
        budget = self.budget
        for item in iterable:
            budget.step()
            yield item

    def _concat(self, parts: list[Any]) -> str:
        texts = [str(part) for part in parts]
        if sum(map(len, texts)) > MAX_SIZE:
            raise _too_large()
        self.budget.step()
        return "".join(texts)

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
        if getattr(__obj, "__name__", None) == "replace" and isinstance(
            getattr(__obj, "__self__", None), str
        ):
            _check_replace(__obj.__self__, args)
        if isinstance(getattr(__obj, "__self__", None), str) and _BIG_WIDTH.search(__obj.__self__):
            raise _too_large()
        __self.budget.step()
        return _check_size(super().call(__context, __obj, *args, **kwargs))

    def bounded_chunks(self, template: jinja2.Template, context: dict[str, Any]) -> Iterator[str]:
        """What `template` writes, piece by piece, stopping at any bound."""
        self.start()
        for chunk in template.generate(context):
            self.budget.write(chunk)
            yield chunk


def _check_replace(text: str, args: tuple[Any, ...]) -> None:
    """`text.replace(old, new)` would not grow past MAX_SIZE."""
    if len(args) >= 2 and isinstance(args[0], str) and isinstance(args[1], str):
        old, new = args[0], args[1]
        times = len(text) + 1 if not old else text.count(old)
        if len(text) + times * len(new) > MAX_SIZE:
            raise _too_large()


def _checked(function: Callable[..., Any]) -> Callable[..., Any]:
    """A filter whose number arguments and result are checked against MAX_SIZE."""

    @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
    def checked(*args: Any, **kwargs: Any) -> Any:
        _check_arguments(args)
        _check_arguments(kwargs.values())
        return _check_size(function(*args, **kwargs))

    return checked
