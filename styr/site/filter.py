"""The goal list's filter without scripts: radio buttons, and CSS rules that hide the rest.

Choosing an area (or a board) checks a radio button; for each one a rule
`body:has(#visa-omrade-x:checked) .goal-item:not(.omrade-x)` hides every goal
that does not belong to it. The rules name only slugs (`a-z0-9-`), never text
from the files, so nothing a municipality writes can reach the stylesheet.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_SLUG = re.compile(r"[a-z0-9-]+")


def filter_rules(
    areas: list[str], organisations: list[str], shown: Iterable[tuple[str, str]] = ()
) -> str:
    """The stylesheet rules for the goal list's filter (areas' and organisations' slugs).

    `shown` are the (area, organisation) pairs that have a goal in common; for
    every other choice of the two (an organisation left at "all" is "alla")
    a rule shows the list's "no goal fits the choice" line (`.no-match`).
    """
    rules = []
    for group, slugs in (("omrade", areas), ("org", organisations)):
        for slug in slugs:
            _check(slug)
            chosen = f"body:has(#visa-{group}-{slug}:checked)"
            rules.append(
                f"{chosen} .goal-item:not(.{group}-{slug}),\n"
                f"{chosen} .goal-group.by-{group}:not(.{group}-{slug}) {{ display: none; }}"
            )
    if not rules:
        return ""
    return "\n" + "\n".join([*rules, *_no_match_rules(areas, organisations, set(shown))]) + "\n"


def _no_match_rules(
    areas: list[str], organisations: list[str], shown: set[tuple[str, str]]
) -> list[str]:
    """`.no-match` hidden, and shown for each choice of area and organisation with no goal."""
    having = {area for area, _ in shown}
    empty = [(area, "alla") for area in areas if area not in having]
    empty += [(a, o) for a in areas for o in organisations if (a, o) not in shown]
    choices = [
        f"body:has(#visa-omrade-{_check(a)}:checked):has(#visa-org-{_check(o)}:checked) .no-match"
        for a, o in empty
    ]
    rules = [".no-match { display: none; }"]
    if choices:
        rules.append(",\n".join(choices) + " { display: block; }")
    return rules


def _check(slug: str) -> str:
    if not _SLUG.fullmatch(slug):
        raise ValueError(f"not a slug: {slug!r}")
    return slug
