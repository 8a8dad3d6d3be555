"""`styr status`' comparison with other municipalities: a field of each row, and a table of them.

The numbers are `styr.followup.peers`'; the words are the report's
(`styr.report.texts_peers`), so a planner reads the same sentence in the
terminal as a resident reads on the site.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from styr.escape import terminal
from styr.followup.kolada_revisions import KOLADA
from styr.followup.peers import compare, comparison_year, peer_table
from styr.followup.periods import Period
from styr.followup.table_widths import column_widths
from styr.i18n import N_, translate
from styr.model.index import Element, Index
from styr.model.repository import Repository
from styr.plain_values import number
from styr.report.credit import Figure, credit_for
from styr.report.texts import TEXTS
from styr.report.texts_peers import PEER_TEXTS, peer_reading

_HEADINGS = (
    N_("Indicator"),
    N_("Year"),
    N_("Value"),
    N_("Median of peers"),
    N_("Lowest–highest"),
    N_("With a value"),
    N_("Country"),
)
_COMPACT_FIGURES = N_("Figures")


def peer_fields(
    repository: Repository, indicator: Element, period: Period | None
) -> dict[str, Any] | None:
    """The indicator's comparison for `styr status --format json`, or None without one."""
    kpi = indicator.data.get("kolada")
    table = peer_table(repository)
    if not isinstance(kpi, str) or not table.values:
        return None
    year = comparison_year(table, kpi, period.year if period else None)
    if year is None:
        return None
    result = compare(
        table, kpi, year, repository.municipality_code or "", indicator.data.get("better")
    )
    return {
        "group": table.name or None,
        "year": year,
        "value": result.own.value if result.own else None,
        "median": result.median,
        "lowest": result.lowest,
        "highest": result.highest,
        "lower_quartile": result.lower_quartile,
        "upper_quartile": result.upper_quartile,
        "with_data": result.with_data,
        "members": result.members,
        "country": result.country.value if result.country else None,
        "position": result.position or None,
        "judgement": result.judgement or None,
        "preliminary": result.preliminary,  # some value compared is preliminary
        "value_preliminary": result.own is not None and result.own.preliminary,
        "country_preliminary": result.country is not None and result.country.preliminary,
        "peers_preliminary": result.peers_preliminary,  # so the median may change
        "illustrative": table.illustrative,  # made-up example values, not Kolada's
    }


def peer_rows(
    repository: Repository,
    index: Index | None,
    period: Period | None,
    goal_rows: Sequence[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Every indicator compared, once: the goals' rows', then the other indicators with a
    Kolada id (a direction's), as the report and the site compare them all."""
    compared = [row for row in goal_rows if row.get("peers")]
    seen = {row.get("indicator_id") for row in compared}
    for element in index.of_category("indicator") if index is not None else ():
        if element.id in seen:
            continue
        fields = peer_fields(repository, element, period)
        if fields is not None:
            seen.add(element.id)
            compared.append(
                {"indicator_id": element.id, "indicator": element.title, "peers": fields}
            )
    return [
        {"indicator_id": row["indicator_id"], "indicator": row["indicator"], "peers": row["peers"]}
        for row in compared
    ]


def peer_table_rich(rows: Sequence[dict[str, Any]], language: str, width: int = 100) -> Any | None:
    """The rows' comparisons as one rich table `width` wide, or None when no row has one."""
    from rich.table import Table
    from rich.text import Text

    compared = [row for row in rows if row.get("peers")]
    if not compared:
        return None
    first = compared[0]["peers"]
    title = translate(PEER_TEXTS["peers_caption_plain"], language)
    if first["group"]:
        title = translate(PEER_TEXTS["peers_caption"], language, group=terminal(first["group"]))
    headings = [translate(heading, language) for heading in _HEADINGS]
    cells = _cells(compared, language)
    widths = _widths(headings, cells, width)
    if widths is None:  # a narrow terminal: the name, and the figures on lines of their own
        headings = [headings[0], translate(_COMPACT_FIGURES, language)]
        cells = [[line[0], _compact(line, language)] for line in cells]
        widths = _widths(headings, cells, width)
    table = Table(title=Text(title), caption=Text(_notes(first, language)))
    for position, heading in enumerate(headings):
        table.add_column(
            heading,
            overflow="fold",
            justify="left" if position == 0 or len(headings) == 2 else "right",
            width=widths[position] if widths else None,
        )
    for line in cells:
        table.add_row(*map(Text, line))
    return table


def _widths(headings: list[str], cells: list[list[str]], width: int) -> list[int] | None:
    """Widths that wrap between words, as the main table's (styr.followup.table_widths)."""
    return column_widths(headings, cells, width, text_columns=1)


def _compact(line: list[str], language: str) -> str:
    """The figures of a row as "Heading: figure" lines, for a column of their own."""
    names = [translate(heading, language) for heading in _HEADINGS]
    return "\n".join(f"{name}: {figure}" for name, figure in zip(names[1:], line[1:], strict=True))


def _cells(compared: list[dict[str, Any]], language: str) -> list[list[str]]:
    seen: set[str] = set()
    lines = []
    for row in compared:
        if row["indicator_id"] in seen:  # an indicator under two goals: once is enough
            continue
        seen.add(row["indicator_id"])
        peers = row["peers"]
        count = translate(
            PEER_TEXTS["peers_with_data_count"],
            language,
            with_data=peers["with_data"],
            members=peers["members"],
        )
        reading = peer_reading(peers["position"], peers["judgement"], language)
        lines.append(
            [
                # The reading under the name: a column of its own leaves the name too narrow.
                f"{terminal(row['indicator'])}\n↳ {reading}"
                if reading
                else terminal(row["indicator"]),
                str(peers["year"]),
                _marked(peers["value"], peers["value_preliminary"], language),
                _marked(peers["median"], peers["peers_preliminary"], language),
                _spread(peers, language),
                count,
                _marked(peers["country"], peers["country_preliminary"], language),
            ]
        )
    return lines


def _notes(peers: dict[str, Any], language: str) -> str:
    notes = [translate(PEER_TEXTS["peers_derived_note"], language)]
    if peers["illustrative"]:
        notes.append(translate(PEER_TEXTS["peers_illustrative_note"], language))
    else:  # the values and the country's are Kolada's own; the rest is said to be ours
        notes.append(credit_for(Figure.OUTCOME, KOLADA, None, language))
    return " ".join(notes)


def _marked(value: float | None, preliminary: bool, language: str) -> str:
    """A figure, "(preliminary)" after it when Kolada marks it (or what it rests on) so."""
    shown = _number(value, language)
    if preliminary and value is not None:
        return f"{shown} ({translate(TEXTS['preliminary'], language)})"
    return shown


def _spread(peers: dict[str, Any], language: str) -> str:
    """Lowest–highest, and the middle half under it where there are enough values (the note
    under the table speaks of it)."""
    shown = _span(peers["lowest"], peers["highest"], language)
    if peers["lower_quartile"] is None or peers["upper_quartile"] is None:
        return shown
    middle = _span(peers["lower_quartile"], peers["upper_quartile"], language)
    return f"{shown}\n{translate(PEER_TEXTS['peers_middle_half'], language)}: {middle}"


def _number(value: float | None, language: str) -> str:
    # The derived figures come rounded (styr.followup.peers.DERIVED_DECIMALS); Kolada's as given.
    return "–" if value is None else number(value, language)


def _span(low: float | None, high: float | None, language: str) -> str:
    if low is None or high is None:
        return "–"
    return f"{_number(low, language)}–{_number(high, language)}"
