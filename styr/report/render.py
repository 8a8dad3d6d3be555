"""Rendering the view with Jinja: the bundled templates, or a folder that overrides some of them.

HTML is autoescaped: every piece of text from the YAML reaches the page as
text. Markdown templates escape it with the `md` filter. The one stylesheet is
inlined and allowed by its hash in the page's Content-Security-Policy, so the
page loads nothing and runs nothing. Templates from `--templates` are read only
inside their folder and run in a sandbox bounded in time and size
(`styr.report.sandbox`).
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from styr.errors import UsageError
from styr.escape import published, published_utf8
from styr.report.columns import indicator_columns
from styr.report.compiled_templates import SignedBytecode
from styr.report.html_escape import passed_on
from styr.report.indicators_html import indicator_table_html
from styr.report.indicators_md import indicator_table_md
from styr.report.item_html import item_html, items_html
from styr.report.item_md import item_md, items_md
from styr.report.language import kind_lang, kind_words, labelled, told
from styr.report.macro_origin import is_bundled
from styr.report.markdown import md
from styr.report.sandbox import BoundedSandbox
from styr.report.sandbox_errors import cannot_be_used, failed, written_wrong
from styr.report.sandbox_loader import FolderLoader, TemplateRefused
from styr.report.sandbox_sizes import MAX_SIZE, TemplateLimit
from styr.resources import data_dir

STYLESHEET = "style.css.j2"
# styr's own filters and functions for templates: every one is added here, so that a
# sandbox bounds each (`BoundedSandbox.add_helpers`).
HELPER_FILTERS: dict[str, Callable[..., Any]] = {"md": md}
HELPER_FUNCTIONS: dict[str, Callable[..., Any]] = {
    "indicator_columns": indicator_columns,
    "indicator_table_html": indicator_table_html,
    "indicator_table_md": indicator_table_md,
    "item_html": item_html,
    "item_md": item_md,
    "items_html": items_html,
    "items_md": items_md,
    "told": told,
    "passed_on": passed_on,
    "labelled": labelled,
    "kind_lang": kind_lang,
    "kind_words": kind_words,
    "bundled_macro": is_bundled,
}
_CHARACTERS_PER_BATCH = 1 << 16
# What the tidying of a batch would change: an empty line (in Markdown two in a row), or a
# space or a tab at a line's end. Searched from its line end, the rarer character.
_UNTIDY = {
    "html": re.compile(r"\n(?:\n|(?<=[ \t]\n))"),
    "md": re.compile(r"\n(?:\n\n|(?<=[ \t]\n))"),
}


@functools.cache
def environment(fmt: str, templates: Path | None) -> jinja2.Environment:
    """A Jinja environment: the user's folder first, then the bundled templates.

    One per format and folder, so that a template is compiled once a run (and
    Jinja still notices a template file that changes on disk).

    Templates from a folder the user names run sandboxed; the bundled ones are
    the project's own code and run without the sandbox's per-attribute checks,
    which cost more than half of the rendering time on large reports.
    """
    return new_environment(fmt, templates)


def new_environment(
    fmt: str, templates: Path | None, *, auto_reload: bool = True
) -> jinja2.Environment:
    """A fresh environment as `environment` makes it (the website keeps one of its own).

    Without `auto_reload` a compiled template is used as it is, its file not
    looked at again: the website renders thousands of pages from a few templates.
    """
    loaders: list[jinja2.BaseLoader] = []
    if templates is not None:
        if not templates.is_dir():
            raise UsageError("report-templates-missing", path=str(templates))
        loaders.append(FolderLoader(templates))  # read only inside the folder (see sandbox)
    loaders.append(jinja2.FileSystemLoader(str(data_dir("templates"))))
    kind = BoundedSandbox if templates is not None else jinja2.Environment
    env = kind(
        loader=jinja2.ChoiceLoader(loaders),
        # Compiled code kept between runs for the bundled templates alone: never for a
        # folder of the user's, whose templates run sandboxed (`compiled_templates`).
        bytecode_cache=SignedBytecode(fmt) if templates is None else None,
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
        auto_reload=auto_reload,
    )
    if isinstance(env, BoundedSandbox):
        env.folder = templates  # its templates' errors are named by file and line
        env.add_helpers(HELPER_FILTERS, HELPER_FUNCTIONS)  # bounded as the sandbox's own
    else:
        env.filters.update(HELPER_FILTERS)
        env.globals.update(HELPER_FUNCTIONS)
    return env


def prepare(fmt: str, name: str, templates: Path | None) -> None:
    """Compile a template (and what it imports) ahead of `render`, e.g. while workers run."""
    env = environment(fmt, templates)
    with _template_errors(name, env):
        env.get_template(name)
        env.get_template(STYLESHEET)


def render(fmt: str, name: str, context: dict[str, Any], templates: Path | None) -> str:
    """Render the template `name` (e.g. report.html.j2) and tidy its whitespace."""
    return "".join(render_pieces(fmt, name, context, templates))


def render_pieces(
    fmt: str,
    name: str,
    context: dict[str, Any],
    templates: Path | None,
    *,
    with_stylesheet: bool = True,
) -> Iterator[str]:
    """What `render` gives, in pieces as the template writes them: a report of 100,000
    goals is 190 million characters, written out piece by piece instead of held whole.

    The template is compiled (and its errors raised) before the first piece.
    Without `with_stylesheet` the caller gives `css` and `css_hash` itself (the
    website's pages: a stylesheet of their own, tidied with `tidied`).
    """
    env = environment(fmt, templates)
    prepare(fmt, name, templates)
    if fmt == "html" and with_stylesheet:
        # Tidied before hashing: the hash must match the text the page ends up with.
        css = "".join(_tidied("html", _chunks(env, STYLESHEET, {}))).rstrip("\n")
        context = {**context, "css": Markup(css), "css_hash": csp_hash(css)}
    return _tidied(fmt, _chunks(env, name, context))


def tidied(fmt: str, text: str) -> str:
    """A text tidied as every page is (see `_tidied`): a page of the website, or what a
    stylesheet's hash is taken of.

    A text that is one clean batch comes back as that batch (`Encoded`), so that the
    writer of the file (`styr.files_staging.made_utf8`) writes the UTF-8 it was checked as:
    joined, it was encoded a second time.
    """
    pieces = list(_tidied(fmt, [text]))
    return pieces[0] if len(pieces) == 1 else "".join(pieces)


def _tidied(fmt: str, chunks: Iterable[str]) -> Iterator[str]:
    """The chunks as one text, in pieces: no trailing spaces, no blank lines at either end,
    one line end at the end; in Markdown at most one blank line in a row, in HTML none (no
    `<pre>` here).

    Tidied a batch of lines at a time as the template writes: joining the page
    first, then tidying it with a pattern or two, held three or four copies of
    it at once. The bundled templates and writers write tidy text, so a batch
    is searched once for anything to tidy and, found clean, passed on whole:
    splitting every batch into lines and joining them again was a tenth of the
    time of a large report. A batch that needs it is tidied line by line.
    """
    untidy = _UNTIDY[fmt]
    written = False  # a line has been given out
    blank = False  # an empty line since the last line written (Markdown keeps one)
    for text in _text_batches(chunks):
        if text.startswith("\n"):  # empty lines before the batch's first
            blank = True
            text = text.lstrip("\n")
        ends_empty = text.endswith("\n\n")
        if ends_empty:  # and after its last: in Markdown one stays if a line follows
            text = text.rstrip("\n") + "\n"
        if not text:
            continue
        utf8 = published_utf8(text)
        if utf8 is not None and untidy.search(text) is None:
            if blank and written and fmt == "md":
                yield "\n"
            yield Encoded.of(text, utf8)
            written = True
            blank = ends_empty
            continue
        # Escaping never writes or removes a line break, a space or a tab: done before
        # the tidying, it leaves the same lines to tidy as after. A batch whose bytes hold
        # nothing to escape (`utf8`) is as `published` would leave it: not searched again.
        shown = text if utf8 is not None else published(text)
        kept, blank = _tidy_lines(fmt, shown.split("\n")[:-1], blank, written)
        blank = blank or ends_empty
        if kept:
            kept.append("")  # the line end after the batch's last line
            yield "\n".join(kept)
            written = True
    if not written:
        yield "\n"


class Encoded(str):
    """A piece of a page with its UTF-8 made already (`utf8`): the writer of a file
    (`styr.files`) writes those bytes, the piece is not encoded a second time."""

    utf8: bytes

    @classmethod
    def of(cls, text: str, utf8: bytes) -> Encoded:
        piece = cls(text)
        piece.utf8 = utf8
        return piece


def _tidy_lines(fmt: str, lines: list[str], blank: bool, written: bool) -> tuple[list[str], bool]:
    """The lines of a batch that stay, tidied, and whether an empty line ends it (in
    Markdown, after `blank`: an empty line before them, and `written`: lines before that).

    An HTML batch is filtered in one comprehension: a line at a time in Python
    was a second for every 200 MB of page.
    """
    if fmt != "md":
        return [tidy for line in lines if (tidy := line.rstrip(" \t"))], False
    kept: list[str] = []
    for line in lines:
        line = line.rstrip(" \t")
        if not line:
            blank = True
            continue
        if blank and (written or kept):
            kept.append("")
        blank = False
        kept.append(line)
    return kept, blank


def _text_batches(chunks: Iterable[str]) -> Iterator[str]:
    """The text the chunks make up, a batch of chunks' worth of whole lines at a time, each
    ending with its line end (the text's last line is given one).

    A batch ends in the first chunk with a line end once it is long enough: only that
    chunk is cut, and the unfinished line after its last line end starts the next batch.
    Cut after the join, the batch was copied once more, and an organisation's blocks
    (a chunk of a megabyte, which ends in no line end) were copied with it. A large chunk
    of whole lines that starts a line (the goal blocks `_repository.html.j2` writes, their
    last line ended) is a batch of its own, as it is: not copied at all.
    """
    pending: list[str] = []
    size = 0
    line_ended = True  # the text so far ends with a line end (or is none)
    for chunk in chunks:
        if not chunk:
            continue
        if line_ended and len(chunk) >= _CHARACTERS_PER_BATCH and chunk.endswith("\n"):
            # A large text of whole lines after whole lines (an organisation's goal blocks):
            # a batch of its own as it is, not copied into one with the text before it.
            if pending:
                yield "".join(pending)
                pending, size = [], 0
            yield chunk
            continue
        line_ended = chunk.endswith("\n")
        pending.append(chunk)
        size += len(chunk)
        if size >= _CHARACTERS_PER_BATCH and (end := chunk.rfind("\n") + 1):
            if end < len(chunk):
                pending[-1] = chunk[:end]
            yield "".join(pending)
            pending = [chunk[end:]] if end < len(chunk) else []
            size = 0  # as before: the carried line counts to no batch, however long it is
    text = "".join(pending)
    if text:
        yield text if text.endswith("\n") else text + "\n"


def render_whole(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    """Template `name` of `env` rendered as one text, untidied, its errors as `render`'s."""
    with _template_errors(name, env):
        return env.get_template(name).render(context)


def compile_templates(env: jinja2.Environment, names: Iterable[str]) -> None:
    """Compile the templates (and their errors raised) before any is rendered."""
    for name in names:
        with _template_errors(name, env):
            env.get_template(name)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline stylesheet."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _chunks(env: jinja2.Environment, name: str, context: dict[str, Any]) -> Iterator[str]:
    """The text of template `name` as the template writes it, piece by piece."""
    with _template_errors(name, env):
        template = env.get_template(name)
        if isinstance(env, BoundedSandbox):
            yield from env.bounded_chunks(template, context)
        else:
            yield from template.generate(context)


@contextmanager
def _template_errors(name: str, env: jinja2.Environment) -> Iterator[None]:
    """Whatever a template does wrong, as a usage error that names the template."""
    try:
        yield
    except TemplateRefused as error:
        params = error.refused.finding_params()
        raise UsageError("report-template-refused", name=error.name, **params) from None
    except TemplateLimit as error:
        raise UsageError(error.key, name=name, **error.params) from None
    except RecursionError:
        raise UsageError("report-template-too-deep", name=name) from None
    except MemoryError:
        raise UsageError("report-template-too-large", name=name, limit=MAX_SIZE) from None
    except jinja2.TemplateNotFound as error:
        raise cannot_be_used(error, name) from None
    except jinja2.TemplateSyntaxError as error:
        raise written_wrong(error, name) from None
    except jinja2.exceptions.SecurityError as error:
        raise cannot_be_used(error, name) from None
    except Exception as error:
        folder = env.folder if isinstance(env, BoundedSandbox) else None
        raise failed(error, name, folder) from None
