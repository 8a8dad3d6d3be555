"""Where an element's text comes from, as the report shows it.

An element (or a whole organisation file) may name the published document its
text is taken from (`citation:`) or say that the text is a made-up example
(`illustrative: true`). The report shows either by the text, so that a reader
never takes an example for the municipality's own decision.
"""

from __future__ import annotations

from typing import Any

from styr.report import formatting as fmt
from styr.report.texts import Labels
from styr.report.view_types import Fact

__all__ = ["provenance_facts", "provenance_text"]


def provenance_facts(data: dict[str, Any], labels: Labels) -> list[Fact]:
    """The element's own mark as a labelled detail, or nothing when it has none."""
    if "citation" not in data and "illustrative" not in data:  # asked of every element
        return []
    citation = citation_text(data.get("citation"))
    if citation:
        return [Fact(labels.text_citation, citation)]
    if data.get("illustrative") is True:
        return [Fact(labels.text_illustrative, labels.text_illustrative_note)]
    return []


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
