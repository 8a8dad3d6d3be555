"""The goal list's filter without scripts: radio buttons, and CSS rules that hide the rest.

Choosing an area (or a board) checks a radio button; for each one a rule
`body:has(#visa-omrade-x:checked) .goal-item:not(.omrade-x)` hides every goal
that does not belong to it. The rules name only slugs (`a-z0-9-`), never text
from the files, so nothing a municipality writes can reach the stylesheet.
"""

from __future__ import annotations

import re

_SLUG = re.compile(r"[a-z0-9-]+")


def filter_rules(areas: list[str], organisations: list[str]) -> str:
    """The stylesheet rules for the goal list's filter (areas' and organisations' slugs)."""
    rules = []
    for group, slugs in (("omrade", areas), ("org", organisations)):
        for slug in slugs:
            if not _SLUG.fullmatch(slug):
                raise ValueError(f"not a slug: {slug!r}")
            chosen = f"body:has(#visa-{group}-{slug}:checked)"
            rules.append(
                f"{chosen} .goal-item:not(.{group}-{slug}),\n"
                f"{chosen} .goal-group.by-{group}:not(.{group}-{slug}) {{ display: none; }}"
            )
    return "\n" + "\n".join(rules) + "\n" if rules else ""
