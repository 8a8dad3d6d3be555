"""A search's KPIs as a table for the terminal or as JSON (schemas/kolada_search.schema.json)."""

from __future__ import annotations

import json
from collections.abc import Callable

from styr.kolada.kpi import KpiInfo
from styr.kolada.lookup import Searched

Say = Callable[[str], str]  # a message key in the reader's language

# The title is the column that varies; a very long one is cut, the JSON has it whole.
TITLE_WIDTH = 70


def levels(kpi: KpiInfo) -> list[str]:
    """Message keys of the levels Kolada has values for: municipality, region, unit."""
    types = {part.strip() for part in kpi.municipality_type.split(",")}
    found = []
    if types & {"K", "A"}:
        found.append("kolada-level-municipality")
    if types & {"L", "R", "A"}:
        found.append("kolada-level-region")
    if kpi.has_ou_data:
        found.append("kolada-level-unit")
    return found


def published(kpi: KpiInfo) -> str:
    return kpi.publication_date or kpi.prel_publication_date


def table(searched: Searched, say: Say) -> list[str]:
    heads = [
        say(key)
        for key in (
            "kolada-column-id",
            "kolada-column-title",
            "kolada-column-area",
            "kolada-column-gender",
            "kolada-column-level",
            "kolada-column-published",
        )
    ]
    rows = [
        [
            kpi.id,
            _cut(kpi.title),
            kpi.operating_area,
            say("kolada-yes" if kpi.divided_by_gender else "kolada-no"),
            ", ".join(say(key) for key in levels(kpi)),
            published(kpi),
        ]
        for kpi in searched.found.kpis
    ]
    widths = [max(len(row[i]) for row in [heads, *rows]) for i in range(len(heads))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in [heads, *rows]
    ]


def _cut(title: str) -> str:
    return title if len(title) <= TITLE_WIDTH else title[: TITLE_WIDTH - 1] + "…"


def as_json(searched: Searched, text: str) -> str:
    stored = searched.snapshot
    document = {
        "format_version": 1,
        "query": text,
        "source": "snapshot" if stored is not None else "kolada",
        "snapshot": None
        if stored is None
        else {"path": str(stored.path), "fetched_at": stored.fetched_at.isoformat()},
        "total": searched.found.total,
        "kpis": [_kpi_json(kpi) for kpi in searched.found.kpis],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _kpi_json(kpi: KpiInfo) -> dict[str, object]:
    return {
        "id": kpi.id,
        "title": kpi.title,
        "description": kpi.description,
        "operating_area": kpi.operating_area,
        "divided_by_gender": kpi.divided_by_gender,
        "municipality_type": kpi.municipality_type,
        "municipality_level": kpi.municipality_level,
        "has_ou_data": kpi.has_ou_data,
        "publication_date": kpi.publication_date or None,
        "prel_publication_date": kpi.prel_publication_date or None,
    }
