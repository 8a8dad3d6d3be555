"""Small pieces of the Markdown report written in Python: a reference and a link.

Shared by the parts of the page written in one pass (`indicators_md`,
`item_md`), byte for byte what the macros `ref_link` and `external` of
`_macros.md.j2` write. Every text from the files goes through `md`.
"""

from __future__ import annotations

import functools

from styr.report.links import ExternalLink
from styr.report.markdown import md
from styr.report.texts import Labels
from styr.report.view_types import Ref

# A value, a year or a status comes back block after block: escaped once each (and a unit,
# a source, a target group, the title of a council-level goal that goal after goal names).
md_short = functools.lru_cache(maxsize=8192)(md)


def ref_link(ref: Ref, t: Labels) -> str:
    """A link to another element, or its id in words where it is missing."""
    if ref.missing:
        return f"*{md_short(ref.title)} ({t.missing_reference})*"
    return f"[{md_short(ref.title)}]({ref.href})"


def external_link(link: ExternalLink) -> str:
    """A link out of the report (Kolada, Agenda 2030), or its text where it has no address."""
    if link.href:
        return f"[{md(link.text)}]({link.href})"
    return md(link.text)


def ends_with_empty_line(parts: list[str]) -> bool:
    """Whether the text the parts make up ends with an empty line (two line ends in a row)."""
    tail = ""
    for part in reversed(parts):
        tail = part + tail
        if len(tail) >= 2:
            break
    return tail.endswith("\n\n")
