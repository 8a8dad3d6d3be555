"""Small pieces of the HTML report written in Python: escaped text, a reference, a link.

Shared by the parts of the page written in one pass (`indicators_html`,
`item_html`), byte for byte what the macros `ref_link` and `external` of
`_macros.html.j2` write. Every text goes through markupsafe's `escape`, as
Jinja's autoescape does.
"""

from __future__ import annotations

import functools

from styr.report.html_escape import escaped
from styr.report.links import ExternalLink
from styr.report.texts import Labels
from styr.report.view_types import Ref

# A label, a year, a value or a status comes back block after block: escaped once each.
escaped_short = functools.lru_cache(maxsize=8192)(escaped)


def ref_link(ref: Ref, t: Labels) -> str:
    """A link to another element, or its id in words where it is missing."""
    if ref.missing:
        return (
            f'<span class="missing" title="{escaped_short(t.missing_reference_title)}">'
            f"{escaped(ref.title)} ({escaped_short(t.missing_reference)})</span>"
        )
    return f'<a href="{escaped(ref.href)}">{escaped(ref.title)}</a>'


def external_link(link: ExternalLink) -> str:
    """A link out of the report (Kolada, Agenda 2030), or its text where it has no address."""
    if link.href:
        return (
            f'<a href="{escaped(link.href)}" title="{escaped(link.title)}"'
            f' rel="noopener noreferrer">{escaped(link.text)}</a>'
        )
    return escaped(link.text)
