"""The smallest pieces of the website's markup, shared by the modules that write a page's
blocks (`styr.site.markup`, `markup_indicator`): a line ended, a block's heading, a kind's
name before a title, a term and its description, a label, a value and a status.
"""

from __future__ import annotations

import functools

from styr.report.followup import StatusView
from styr.report.html_escape import escaped as _e
from styr.report.language import kind_and_title, kind_lang
from styr.report.view_types import ValueAt
from styr.site.texts import SiteLabels


def add_lines(parts: list[str], block: str) -> None:
    """`block` (maybe nothing) with its last line ended, and no empty line before or after it:
    the page is written tidy, so that it is passed on whole (`styr.report.render._tidied`)
    instead of being tidied line by line."""
    if block:
        parts.append(block)
    if not parts[-1].endswith("\n"):
        parts.append("\n")


def block_heading(level: int, anchor: str, kind: str, title: str, xl: str) -> str:
    """A block's heading, its kind's name (markup, or "") before its title: marked as the
    files' language as a whole where it holds no kind's name, else the title alone."""
    if kind and xl:
        return f'<h{level} id="{anchor}">{kind_and_title(kind, title, xl)}</h{level}>\n'
    return f'<h{level} id="{anchor}"{xl}>{kind}{title}</h{level}>\n'


def kind_before(kind: str, xl: str) -> str:
    """A kind's name before a title, marked with the files' language where the model names the
    kind in theirs only (an English page of a model with no English name for it)."""
    return f'<span class="kind"{kind_lang(kind, xl)}>{_e(kind)}</span> '


def fact_line(label: str, value: str, xl: str = "") -> str:
    """One term and its description, both markup already; `xl`, the description's `lang`
    attribute when it is a text from the files (a source, a unit), or ""."""
    return f"<div><dt>{label}</dt><dd{xl}>{value}</dd></div>"


@functools.lru_cache(maxsize=512)
def site_label(t: SiteLabels, name: str) -> str:
    """A label of the site (`t.unit`), escaped once: every indicator repeats a dozen."""
    return _e(getattr(t, name))


def value_text(v: ValueAt) -> str:
    """`2030: 85 (note)`."""
    text = f"{_e(v.year)}: " if v.year else ""
    text += _e(v.value)
    return text + (f" ({_e(v.note)})" if v.note else "")


@functools.lru_cache(maxsize=256)  # a handful of statuses, on every goal and indicator
def status_text(st: StatusView) -> str:
    return (
        f'<span class="status status-{_e(st.key)}"><span class="status-symbol" '
        f'aria-hidden="true">{_e(st.symbol)}</span> {_e(st.label)}</span>'
    )
