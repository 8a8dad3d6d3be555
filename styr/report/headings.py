"""Headings in the municipality's own words: the names its steering model gives its kinds.

A section holds elements of one or a few kinds; its heading is their names
("Förhållningssätt i tillitsbaserad styrning", "Vision och målbild", "KF
fokusområde och prioriterat mål"). A section whose elements have no declared
kind keeps the report's own word (`fallback`).

A heading keeps where its words come from (`styr.report.language`): a name the model gives
in the files' language only stays a `FilesWord`, names joined by the report's "och" make a
`Phrase`, and the fallback is the report's own text; an HTML page marks the files' words
with their language from that alone (`kind_words`).
"""

from __future__ import annotations

from collections.abc import Iterable

from styr.report.language import FilesWord, listed, phrase
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
    return phrase(labels, "names_and", names=listed([first, *later[:-1]]), last=later[-1])


def inside_a_sentence(name: str) -> str:
    """A name as it reads after "och": "Målbild" → "målbild", "KF fokusområde" stays; the
    files' word still theirs."""
    if len(name) > 1 and name[0].isupper() and name[1].islower():
        lowered = name[0].lower() + name[1:]
        return FilesWord(lowered) if isinstance(name, FilesWord) else lowered
    return name


def readings_heading(areas: Iterable[str], labels: Labels) -> str:
    """The heading of an organisation's readings of the council's areas, by the model's name
    for them ("Tolkning av stadens inriktning"); the report's own words where they have none."""
    read = kind_heading(areas, "", labels)
    if not read:
        return labels.area_readings
    return phrase(labels, "area_readings_of", names=inside_a_sentence(read))
