"""The texts of `styr status`' table cells: figures as a reader writes them, each worded once."""

from __future__ import annotations

from typing import Any

from styr.escape import terminal
from styr.followup.fulfilment import SYMBOLS, TREND_SYMBOLS, Status, Trend
from styr.i18n import N_, translate
from styr.messages import message
from styr.plain_values import number

# By an outcome Kolada marks preliminary, as the report says it.
PRELIMINARY = N_("preliminary")


def _status(value: str) -> Status:
    return Status(value)


def _trend(value: Any) -> Trend:
    return Trend(value) if value else Trend.UNKNOWN


class CellTexts:
    """The texts of a table's cells; each figure and next target worded once per table.

    A large repository repeats the same few figures (targets, units) on
    thousands of rows: the Swedish number formatter and the message are asked
    once for each, not once a row.
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._numbers: dict[tuple[type, Any, str | None], str] = {}
        self._next_targets: dict[tuple[str, Any], str] = {}

    def cells(self, row: dict[str, Any]) -> list[str]:
        """One row of the table as the texts of its eight cells."""
        symbol = SYMBOLS[_status(row.get("status", row["goal_status"]))]
        return [
            terminal(row["organisation_name"]),  # what comes from the files: never a control code
            terminal(row["goal"]),
            terminal(row.get("indicator", "–")),
            self._outcome(row),
            self._target(row),
            self.number(row.get("fulfilment"), "procent"),
            f"{symbol} {row.get('status_label', row['goal_status_label'])}",
            f"{TREND_SYMBOLS[_trend(row.get('trend'))]} {row.get('trend_label', '')}".strip(),
        ]

    def _outcome(self, row: dict[str, Any]) -> str:
        shown = self.number(row.get("outcome"), row.get("unit"))
        if row.get("preliminary") and row.get("outcome") is not None:
            return f"{shown} ({translate(PRELIMINARY, self.language)})"
        return shown

    def _target(self, row: dict[str, Any]) -> str:
        """This period's target, or where it has none the next one and its year."""
        upcoming = row.get("next_target")
        if row.get("target") is None and upcoming:
            value = self.number(upcoming["value"], row.get("unit"))
            key = (value, upcoming["year"])
            found = self._next_targets.get(key)
            if found is None:
                found = self._next_targets[key] = message(
                    "status-next-target", self.language, value=value, year=upcoming["year"]
                )
            return found
        return self.number(row.get("target"), row.get("unit"))

    def number(self, value: Any, unit: Any) -> str:
        if unit is not None and not isinstance(unit, str):
            return _number(value, unit, self.language)  # a unit written wrong: not a key
        # By type too: 80 and 80.0 are equal keys but may be written differently.
        key = (type(value), value, unit)
        found = self._numbers.get(key)
        if found is None:
            found = self._numbers[key] = _number(value, unit, self.language)
        return found


def _number(value: Any, unit: Any, language: str) -> str:
    """A number as a reader writes it: decimal comma in Swedish, % for percent."""
    if value is None:
        return "–"
    # The one Swedish number formatter, as the report writes it: 107 800, 86,6. Its
    # no-break space is a plain one here: both of the table's drawers wrap alike at it.
    shown = number(value, language).replace("\u00a0", " ")
    if unit == "procent":
        return f"{shown} %"
    return f"{shown} {terminal(unit)}" if isinstance(unit, str) else shown
