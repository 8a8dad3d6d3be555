"""Where an element's text comes from, as the report shows it.

An element (or a whole organisation file) may name the published document its
text is taken from (`citation:`) or say that the text is a made-up example
(`illustrative: true`). The report shows either by the text, so that a reader
never takes an example for the municipality's own decision. A steering document
whose title and facts are real but whose dates are partly invented lists only
those (`illustrative: [next_review]`), and the report names them.
"""

from __future__ import annotations

from typing import Any

from styr.report import formatting as fmt
from styr.report.texts import Labels
from styr.report.view_types import Fact

__all__ = ["provenance_facts", "provenance_text"]


def provenance_facts(data: dict[str, Any], labels: Labels) -> list[Fact]:
    """The element's own mark as a labelled detail, or nothing when it has none: a citation
    in the files' words, an example's note in the page's own (`Fact.own`)."""
    if "citation" not in data and "illustrative" not in data:  # asked of every element
        return []
    citation = citation_text(data.get("citation"))
    marked = data.get("illustrative")
    facts = []
    if citation:
        facts.append(Fact(labels.text_citation, citation))
    elif marked is True:
        facts.append(Fact(labels.text_illustrative, labels.text_illustrative_note, own=True))
    # Dates listed as made up say so beside a citation too: the source is for the text.
    dates = made_up_dates(marked, labels) if isinstance(marked, list) else []
    if dates:
        facts.append(Fact(labels.text_illustrative, dates_sentence(dates, labels), own=True))
    return facts


# The fields a steering document may mark one by one, in the order its facts show them.
MARKABLE = ("adopted_on", "valid_until", "next_review")


def made_up_dates(marked: list[Any], labels: Labels) -> list[str]:
    """The words for each field listed (`[next_review]`), in the order the facts come."""
    return [labels.get(f"made_up_{field}") for field in MARKABLE if field in marked]


def dates_sentence(dates: list[str], labels: Labels) -> str:
    """`datumet för nästa översyn är påhittat …`, or both dates named, joined by "och"."""
    named = (
        dates[0]
        if len(dates) == 1
        else labels.get("names_and", names=", ".join(dates[:-1]), last=dates[-1])
    )
    return labels.counted("text_illustrative_dates", len(dates), dates=named)


def provenance_text(data: dict[str, Any], labels: Labels) -> str:
    """The same mark on one line (`Exempeltext: inte kommunens egen text …`), for tables."""
    facts = provenance_facts(data, labels)
    if not facts:  # asked of every indicator; most carry no mark
        return ""
    return "; ".join(f"{fact.label}: {fact.text}" for fact in facts)


def citation_text(value: Any) -> str:
    """`Title, Publisher, 2024, https://…`: the parts that are written, in that order."""
    if not isinstance(value, dict):
        return ""
    year = fmt.year(value.get("year"))
    parts = [
        fmt.one_line(value.get("title")),
        fmt.one_line(value.get("publisher")),
        "" if year is None else str(year),
        fmt.one_line(value.get("url")),
    ]
    return ", ".join(part for part in parts if part)
