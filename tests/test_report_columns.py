"""The columns of a table of indicators: shown only where some indicator has a value for them."""

from __future__ import annotations

import re
from typing import Any

import pytest

from styr.report.columns import indicator_columns
from styr.report.followup import OutcomeView, StatusView
from styr.report.links import ExternalLink
from styr.report.render import environment
from styr.report.texts import Labels
from styr.report.view_types import IndicatorView, ValueAt


def indicator(anchor: str, **given: Any) -> IndicatorView:
    fields: dict[str, Any] = {
        "id": anchor,
        "anchor": anchor,
        "title": f"Indikator {anchor}",
        "kind": "Indikator",
        "paragraphs": [],
        "unit": "",
        "better": "",
        "baseline": None,
        "targets": [],
        "milestones": [],
        "kolada": None,
        "agenda2030": [],
        "contributes_to": [],
        "gender_breakdown": False,
        "source": "",
    }
    return IndicatorView(**{**fields, **given})


def outcome(value: str) -> OutcomeView:
    status = StatusView("met", "✓", "Uppfyllt", "2025")
    return OutcomeView("2025", value, "", "", "", status, "", "", "")


BASELINE = indicator("a", baseline=ValueAt("2022", "70"))
LINKED = indicator("b", kolada=ExternalLink("N15428", None, "N15428"))
FOLLOWED = indicator("c", outcome=outcome("61"), milestones=[ValueAt("2024", "75")])
EMPTY = indicator("d")


def test_a_column_only_where_some_indicator_has_a_value_for_it() -> None:
    cols = indicator_columns([BASELINE, LINKED, EMPTY])
    assert (cols.baseline, cols.targets, cols.milestones, cols.links) == (True, False, False, True)
    assert cols.followed == [] and cols.count == 2


def test_the_followed_indicators_in_their_order() -> None:
    later = indicator("e", outcome=outcome("3"))
    cols = indicator_columns([FOLLOWED, BASELINE, later])
    assert cols.followed == [FOLLOWED, later]
    assert (cols.baseline, cols.milestones, cols.targets, cols.links) == (True, True, False, False)
    assert cols.count == 3


def test_no_indicator_with_a_value_has_no_column() -> None:
    cols = indicator_columns([EMPTY])
    assert cols.count == 0 and not (cols.baseline or cols.targets or cols.milestones or cols.links)


_EVERY = [BASELINE, LINKED, FOLLOWED, EMPTY, indicator("f", targets=[ValueAt("2026", "80")])]
_EVERY.append(indicator("g", agenda2030=[ExternalLink("4.1", None, "4.1")], outcome=outcome("")))


@pytest.mark.parametrize("items", [[i] for i in _EVERY] + [_EVERY, _EVERY[::-1], _EVERY[2:4]])
def test_the_columns_of_one_indicator_are_those_of_any_table(items: list[IndicatorView]) -> None:
    """A table of one indicator (most) is decided from its own values alone, as any other."""
    cols = indicator_columns(items)
    assert cols.followed == [i for i in items if i.outcome]
    assert cols.baseline is any(i.baseline for i in items)
    assert cols.targets is any(i.targets for i in items)
    assert cols.milestones is any(i.milestones for i in items)
    assert cols.links is any(i.kolada or i.agenda2030 for i in items)


@pytest.mark.parametrize("fmt", ["html", "md"])
def test_the_table_heads_the_columns_the_indicators_need(fmt: str) -> None:
    macros = environment(fmt, None).get_template(f"_macros.{fmt}.j2").module
    t = Labels("sv")
    items = [BASELINE, FOLLOWED, EMPTY]
    if fmt == "html":
        page = str(macros.indicator_table(items, t, "Indikatorer"))  # type: ignore[attr-defined]
        head = re.search(r"<thead>(.*?)</thead>", page, re.S)
        assert head is not None
        heads = re.findall(r"<th scope=\"col\">(.*?)</th>", head.group(1))
        empty_row = re.search(r'id="d">.*?</tr>', page, re.S)
        assert empty_row is not None and 'colspan="3"' in empty_row.group(0)
    else:
        page = str(macros.indicator_table(items, t))  # type: ignore[attr-defined]
        (heading,) = [line for line in page.splitlines() if line.startswith(f"| {t.indicator} |")]
        heads = [cell.strip() for cell in heading.strip("|").split("|")][1:]
        (row,) = [line for line in page.splitlines() if 'id="d"' in line]
        assert row.count(t.no_values) == 1 and row.count("|") == 5  # its own and three empty
    assert heads[-3:] == [t.baseline, t.milestones, t.get("outcome_in", period="2025")]
    assert t.targets not in heads and t.links not in heads


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_table_heads_its_own_columns_however_many_tables_came_before(language: str) -> None:
    """The heads are kept once made: a table never gets the head of another's columns."""
    from styr.report.indicators_html import indicator_table_text
    from styr.report.indicators_md import indicator_table_md

    t = Labels(language)
    status = StatusView("not_met", "✗", "Ej uppfyllt", "2024")
    later = indicator("h", outcome=OutcomeView("2024", "5", "", "", "", status, "", "", ""))
    tables = [[BASELINE], [FOLLOWED], [BASELINE], [later], [FOLLOWED, LINKED], [EMPTY]]
    for items in tables * 2:
        cols = indicator_columns(items)
        wanted = [t.indicator]
        wanted += [t.baseline] if cols.baseline else []
        wanted += [t.targets] if cols.targets else []
        wanted += [t.milestones] if cols.milestones else []
        first = cols.followed[0].outcome if cols.followed else None
        wanted += [t.get("outcome_in", period=first.period)] if first else []
        wanted += [t.links] if cols.links else []
        html = indicator_table_text(items, t, "Indikatorer", True, lambda _i, _t: "")
        head = re.search(r"<thead>(.*?)</thead>", html, re.S)
        assert head is not None
        assert re.findall(r"<th scope=\"col\">(.*?)</th>", head.group(1)) == wanted
        page = str(indicator_table_md(items, t, lambda _i, _t: ""))
        (heading,) = [line for line in page.splitlines() if line.startswith(f"| {t.indicator} |")]
        assert [cell.strip() for cell in heading.strip("|").split("|")] == wanted
