"""Headings in the municipality's own words: the names its steering model gives its kinds.

A section holds elements of one or a few kinds; its heading is their names
("Förhållningssätt i tillitsbaserad styrning", "Vision och målbild", "KF
fokusområde och prioriterat mål"). A section whose elements have no declared
kind keeps the report's own word (`fallback`).
"""

from __future__ import annotations

from collections.abc import Iterable

from styr.report.texts import Labels


def kind_heading(names: Iterable[str], fallback: str, labels: Labels) -> str:
    """The distinct `names`, in order, joined as a heading; `fallback` when there are none."""
    distinct = list(dict.fromkeys(name for name in names if name))
    if not distinct:
        return fallback
    first, *rest = distinct
    if not rest:
        return first
    later = [inside_a_sentence(name) for name in rest]
    return labels.get("names_and", names=", ".join([first, *later[:-1]]), last=later[-1])


def inside_a_sentence(name: str) -> str:
    """A name as it reads after "och": "Målbild" → "målbild", "KF fokusområde" stays."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        return name[0].lower() + name[1:]
    return name
