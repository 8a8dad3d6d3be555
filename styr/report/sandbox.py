"""User templates (`--templates`): read only from their folder, and bounded in time and size.

A template folder may come from anyone (a shared repository, a colleague's
zip file), so its templates run in Jinja's sandbox, and two more things hold:

* **What may be read.** `FolderLoader` (`styr.report.sandbox_loader`) reads
  a template only through `styr.load.access.read_inside`: a regular file whose
  real path lies inside the folder, so `{% include %}` cannot follow a link to
  any file on disk.
* **What a template may cost.** `BoundedSandbox` stops a template that runs
  longer than `SECONDS`, loops more than `STEPS` times in all, builds a text
  or list longer than `MAX_SIZE` or writes more than `MAX_OUTPUT`
  characters (the budget of one rendering: `styr.report.sandbox_budget`):
  `range()` is capped, every `for` loop and every `~` is counted (the
  template's syntax tree is rewritten before it is compiled), `*`, `**`, `+`
  and `%` are checked before they compute, and so are the arguments of every
  filter and method call. Exceeding a bound raises `TemplateLimit`.
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

What a call would build is reckoned in `styr.report.sandbox_sizes`. This
module is the environment that puts the bounds together. The bundled templates
are the project's own code and run without all this.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from types import GeneratorType
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.filters import do_format, do_indent, do_join, do_wordwrap, make_attrgetter
from jinja2.sandbox import SandboxedEnvironment, SandboxedFormatter
from jinja2.utils import generate_lorem_ipsum
from jinja2.visitor import NodeTransformer
from markupsafe import EscapeFormatter, Markup

from styr.i18n import N_, Text
from styr.report.sandbox_budget import Budget, CountedRange
from styr.report.sandbox_labels import labels_to_fill, refuse_unfilled
from styr.report.sandbox_sizes import (
    FORMAT_SPEC,
    MAX_SIZE,
    check_arguments,
    check_expected,
    check_size,
    expected_size,
    lipsum_size,
    method_size,
    percent_size,
    text_size,
    too_large,
    width_of,
)
from styr.report.texts import Labels

LIPSUM_WORDS = 100_000  # words `lipsum` may write at most (n paragraphs of up to `max` words)
WORDWRAP_CHARACTERS = 1_000_000  # about a second of `wordwrap`, which no deadline can stop
# The parameters of styr's helpers whose text is written once for every item they are given
# or every value they fill, not once a call: the language attribute, a class, a heading.
REPEATED_PARAMETERS = frozenset({"xl", "css_class", "section"})
LABELS_PARAMETER = "t"  # a helper's labels: only the report's own may be given
REPEATED_ITEM = 100  # characters an item given twice costs at least: its block written again


class NotTheLabels(TypeError):
    """A helper given, as its labels `t`, something else than the report's own: a template's
    object would let a helper fill a text of the template's choosing."""

    # styr's own text, not Jinja's: the refusal says it in the reader's language
    # (`styr.report.sandbox_errors`).
    DETAIL: Text = N_("{helper}: t must be the report's own labels, the t the template is given")

    def __init__(self, helper: str) -> None:
        super().__init__(f"{helper}: {LABELS_PARAMETER} must be the labels")
        self.helper = helper


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


class _BoundedFormatter(SandboxedFormatter):
    """`str.format` as the sandbox does it, each field's width reckoned before it is written."""

    def __init__(self, env: jinja2.Environment, **kwargs: Any) -> None:
        super().__init__(env, **kwargs)
        self.size = 0

    def format_field(self, value: Any, format_spec: str) -> Any:
        spec = FORMAT_SPEC.match(format_spec)
        widths = sum(width_of(part or "") for part in spec.groups()) if spec else 0
        self.size += widths + text_size(value)
        check_expected(self.size)
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
        self.labels_to_fill = labels_to_fill()  # looked at on every attribute a template reads
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
        check_arguments(args)
        numbers = range(*args)
        if len(numbers) > MAX_SIZE:
            raise too_large()
        return CountedRange(numbers, self.budget)

    def _lipsum(self, *args: Any, **kwargs: Any) -> Markup | str:
        words = lipsum_size(*args, **kwargs)  # a wrong argument fails here, as in Jinja
        if words > LIPSUM_WORDS:
            raise too_large()
        return generate_lorem_ipsum(*args, **kwargs)

    def _counted(self, iterable: Any) -> Iterator[Any]:
        if isinstance(iterable, CountedRange):
            iterable = iterable.numbers  # counted here, once
        budget = self.budget
        for item in iterable:
            budget.step()
            yield item

    def _concat(self, parts: list[Any]) -> str:
        check_expected(sum(text_size(part) for part in parts))
        texts = [str(part) for part in parts]
        self.budget.step()
        return "".join(texts)

    @jinja2.pass_eval_context
    def _join(self, eval_ctx: Any, value: Iterable[Any], d: str = "", attribute: Any = None) -> str:
        items = list(value)  # counted as it is read, if it is a generator or a range
        if attribute is not None:
            items = list(map(make_attrgetter(self, attribute), items))
        check_expected(len(str(d)) * max(len(items) - 1, 0) + text_size(items))
        joined: str = do_join(eval_ctx, items, d)
        return joined

    def _indent(self, text: str, width: int | str = 4, *args: Any, **kwargs: Any) -> str:
        # Each line gets `width` (a number of spaces, or a text) in front of it.
        lines = str(text).count("\n") + 1
        check_expected(len(str(text)) + lines * text_size(width))
        return do_indent(text, width, *args, **kwargs)

    def _format(self, value: str, *args: Any, **kwargs: Any) -> str:
        check_expected(percent_size(str(value), kwargs or args))
        formatted: str = do_format(value, *args, **kwargs)
        return formatted

    @jinja2.pass_environment
    def _wordwrap(self, environment: jinja2.Environment, s: str, *args: Any, **kwargs: Any) -> str:
        # textwrap's loop runs in one call: its text is bounded, not its time.
        if len(str(s)) > WORDWRAP_CHARACTERS:
            raise too_large()
        wrapstring = kwargs.get("wrapstring", args[2] if len(args) > 2 else None)
        # At worst every character ends a line, each end written as the wrap string.
        line_end = len(str(wrapstring)) if wrapstring is not None else 2
        check_expected(len(str(s)) * (1 + line_end))
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
        names = list(inspect.signature(function).parameters)

        @functools.wraps(function)  # keeps Jinja's pass_context mark
        def bounded(*args: Any, **kwargs: Any) -> Any:
            check_arguments(args)
            check_arguments(kwargs.values())
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
            check_expected(words * (1 + count + len(kwargs)) + repeated * REPEATED_ITEM)
            self.budget.step(1 + count)
            return check_size(function(*args, **kwargs))

        return bounded

    def _checked(self, function: Callable[..., Any]) -> Callable[..., Any]:
        """A filter whose number arguments and result are checked against MAX_SIZE, and the
        items of whose generator (`map`, `select`, …) count as loop steps."""
        counted = self._counted

        @functools.wraps(function)  # keeps Jinja's pass_context / pass_environment marks
        def checked(*args: Any, **kwargs: Any) -> Any:
            check_arguments(args)
            check_arguments(kwargs.values())
            result = function(*args, **kwargs)
            return counted(result) if isinstance(result, GeneratorType) else check_size(result)

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

    def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
        """Jinja's check of every attribute a template reads (`t.x`, `t["x"]`, `t | attr("x")`),
        which also refuses a label with places to fill read unfilled (`styr.report.sandbox_labels`).
        """
        if attr in self.labels_to_fill and isinstance(obj, Labels) and self.folder is not None:
            refuse_unfilled(attr, self.folder)
        # Named, not super(): this runs on every attribute a template reads.
        return SandboxedEnvironment.is_safe_attribute(self, obj, attr, value)

    def call_binop(
        self, context: jinja2.runtime.Context, operator: str, left: Any, right: Any
    ) -> Any:
        if expected_size(operator, left, right) > MAX_SIZE:
            raise too_large()
        self.budget.step()
        return super().call_binop(context, operator, left, right)

    def call(  # the parameter names are Jinja's (positional only)
        __self, __context: jinja2.runtime.Context, __obj: Any, *args: Any, **kwargs: Any
    ) -> Any:
        check_arguments(args)
        check_arguments(kwargs.values())
        text = getattr(__obj, "__self__", None)
        if isinstance(text, str):
            if getattr(__obj, "__name__", None) == "join" and args:
                args = (list(args[0]), *args[1:])  # measured whole before it is joined
            check_expected(method_size(text, getattr(__obj, "__name__", ""), args))
        __self.budget.step()
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def bounded_chunks(self, template: jinja2.Template, context: dict[str, Any]) -> Iterator[str]:
        """What `template` writes, piece by piece, stopping at any bound."""
        self.start()
        for chunk in template.generate(context):
            self.budget.write(chunk)
            yield chunk


def _printable(value: Any) -> Any:
    """`value` as `{{ … }}` prints it, refused first if its text would be past MAX_SIZE."""
    if not isinstance(value, str):
        check_expected(text_size(value))
    return value
