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
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from styr.errors import UsageError
from styr.report.markdown import md
from styr.report.sandbox import (
    MAX_SIZE,
    BoundedSandbox,
    FolderLoader,
    TemplateLimit,
    TemplateRefused,
)
from styr.resources import data_dir

STYLESHEET = "style.css.j2"
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
_BLANK_LINES = re.compile(r"\n{2,}")


@functools.cache
def environment(fmt: str, templates: Path | None) -> jinja2.Environment:
    """A Jinja environment: the user's folder first, then the bundled templates.

    One per format and folder, so that a template is compiled once a run (and
    Jinja still notices a template file that changes on disk).

    Templates from a folder the user names run sandboxed; the bundled ones are
    the project's own code and run without the sandbox's per-attribute checks,
    which cost more than half of the rendering time on large reports.
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
        autoescape=fmt == "html",
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        extensions=["jinja2.ext.do"],
    )
    env.filters["md"] = md
    return env


def prepare(fmt: str, name: str, templates: Path | None) -> None:
    """Compile a template (and what it imports) ahead of `render`, e.g. while workers run."""
    env = environment(fmt, templates)
    with _template_errors(name):
        env.get_template(name)
        env.get_template(STYLESHEET)


def render(fmt: str, name: str, context: dict[str, Any], templates: Path | None) -> str:
    """Render the template `name` (e.g. report.html.j2) and tidy its whitespace."""
    env = environment(fmt, templates)
    if fmt == "html":
        # Tidied before hashing: the hash must match the text the page ends up with.
        css = _tidy("html", _render_template(env, STYLESHEET, {}))
        context = {**context, "css": Markup(css), "css_hash": csp_hash(css)}
    return _tidy(fmt, _render_template(env, name, context)).strip("\n") + "\n"


def _tidy(fmt: str, text: str) -> str:
    """No trailing spaces; in Markdown at most one blank line, in HTML none (no `<pre>` here)."""
    text = _TRAILING_SPACE.sub("", text)
    if fmt == "md":
        return _BLANK_RUNS.sub("\n\n", text)
    return _BLANK_LINES.sub("\n", text)


def csp_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline stylesheet."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def _render_template(env: jinja2.Environment, name: str, context: dict[str, Any]) -> str:
    with _template_errors(name):
        template = env.get_template(name)
        if isinstance(env, BoundedSandbox):
            return env.generate_bounded(template, context)
        return template.render(context)
    raise AssertionError("unreachable: _template_errors raises or the block returns")


@contextmanager
def _template_errors(name: str) -> Iterator[None]:
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
        raise UsageError("report-template-error", name=name, problem=f"{error.name} ?") from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.name or name}:{error.lineno}"
        raise UsageError("report-template-error", name=where, problem=error.message) from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as error:
        raise UsageError("report-template-error", name=name, problem=str(error)) from None
