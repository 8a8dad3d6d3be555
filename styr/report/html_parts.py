"""Small pieces of the HTML report written in Python: escaped text, a reference, a link.

Shared by the parts of the page written in one pass (`indicators_html`,
`item_html`), byte for byte what the macros `ref_link` and `external` of
`_macros.html.j2` write. Every text goes through markupsafe's `escape`, as
Jinja's autoescape does.
"""

from __future__ import annotations

from styr.report.html_escape import escaped_text as escaped
from styr.report.language import in_files
from styr.report.links import ExternalLink
from styr.report.texts import Labels
from styr.report.view_types import Ref


def ref_link(ref: Ref, t: Labels, xl: str = "") -> str:
    """A link to another element, or its id in words where it is missing; `xl`, the `lang`
    attribute of its title where the page speaks another language than the files."""
    href = ref.href
    if href is None:  # `ref.missing`, its address read once
        return (
            f'<span class="missing" title="{escaped(t.missing_reference_title)}">'
            f"{in_files(escaped(ref.title), xl)} ({escaped(t.missing_reference)})</span>"
        )
    return f'<a href="{escaped(href)}"{xl}>{escaped(ref.title)}</a>'


def external_link(link: ExternalLink) -> str:
    """A link out of the report (Kolada, Agenda 2030), or its text where it has no address."""
    if link.href:
        return (
            f'<a href="{escaped(link.href)}" title="{escaped(link.title)}"'
            f' rel="noopener noreferrer">{escaped(link.text)}</a>'
        )
    return escaped(link.text)
