"""Rendering the view with Jinja: the bundled templates, or a folder that overrides some of them.

HTML is autoescaped: every piece of text from the YAML reaches the page as
text. Markdown templates escape it with the `md` filter. The one stylesheet is
inlined and allowed by its hash in the page's Content-Security-Policy, so the
page loads nothing and runs nothing.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import re
from pathlib import Path
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment
from markupsafe import Markup

from styr.errors import UsageError
from styr.report.markdown import md
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
        loaders.append(jinja2.FileSystemLoader(str(templates)))
    loaders.append(jinja2.FileSystemLoader(str(data_dir("templates"))))
    kind = SandboxedEnvironment if templates is not None else jinja2.Environment
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
    try:
        return env.get_template(name).render(context)
    except jinja2.TemplateNotFound as error:
        raise UsageError("report-template-error", name=name, problem=f"{error.name} ?") from None
    except jinja2.TemplateSyntaxError as error:
        where = f"{error.name or name}:{error.lineno}"
        raise UsageError("report-template-error", name=where, problem=error.message) from None
    except (jinja2.UndefinedError, jinja2.exceptions.SecurityError) as error:
        raise UsageError("report-template-error", name=name, problem=str(error)) from None
