"""A001 unknown-sdg-target and K001 malformed-kolada-id: outside references that must exist."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from styr.findings import Finding, Severity
from styr.i18n import N_, Text, both_languages
from styr.rules.base import Rule
from styr.rules.context import RuleContext

UNKNOWN_SDG = Rule(
    code="A001",
    name="unknown-sdg-target",
    severity=Severity.ERROR,
    summary=N_("Unknown Agenda 2030 target"),
    message=N_("'{value}' is none of Agenda 2030's 17 goals or 169 targets{hint}."),
    doc=N_("""Reports an `agenda2030` reference that is no real SDG goal ("4") or target ("4.1").

Why: a mistyped reference silently connects a goal to the wrong global goal,
and reports that group goals by SDG then show them in the wrong place.
The list of the 17 goals and 169 targets ships with styr.

Failing example: `agenda2030: ["4.8"]` (goal 4 has targets 4.1–4.7 and 4.a–4.c).
Instead: `agenda2030: ["4.1"]`.
"""),
)

MALFORMED_KOLADA = Rule(
    code="K001",
    name="malformed-kolada-id",
    severity=Severity.ERROR,
    summary=N_("Malformed Kolada id"),
    message=N_(
        "'{value}' is not a Kolada id; they are a letter (N or U) and five digits, e.g. N15428."
    ),
    doc=N_("""Reports a `kolada` value that is not a Kolada KPI id (N or U and five digits).

Why: the id is what fetches outcomes from Kolada; a malformed one fetches
nothing, and nobody notices until the follow-up is empty.

Failing example: `kolada: n15428` or `kolada: "15428"`.
Instead: `kolada: N15428`.
"""),
)

RULES = (UNKNOWN_SDG, MALFORMED_KOLADA)
_KOLADA = re.compile(r"[NU][0-9]{5}\Z")


@cache
def sdg_ids() -> frozenset[str]:
    path = Path(__file__).resolve().parents[1] / "data" / "agenda2030.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    ids = set()
    for goal in data["goals"]:
        ids.add(goal["goal"])
        ids.update(goal["targets"])
    return frozenset(ids)


def check_sdg(context: RuleContext) -> Iterator[Finding]:
    known = sdg_ids()
    for element in context.index.elements:
        references = element.data.get("agenda2030")
        if not isinstance(references, list):
            continue  # most elements: no list to go through
        for position, value in enumerate(references):
            text = str(value)
            if text in known:
                continue
            meant = sdg_meant(text)
            goal = text.split(".")[0]
            hint: Text = N_("; goal {goal} has the targets {targets}") if goal in known else ""
            if meant is not None:
                hint = _WRITE_INSTEAD
            targets = _targets_of(goal) if goal in known else ""
            yield context.at(
                UNKNOWN_SDG,
                element,
                "agenda2030",
                position,
                value=text,
                **both_languages("hint", hint, goal=goal, targets=targets, meant=meant),
            )


_WRITE_INSTEAD = N_("; write '{meant}'")


def sdg_meant(text: str) -> str | None:
    """The goal or target a reference written another way means: "4,1", "SDG 4.1", "4.01"."""
    cleaned = re.sub(r"(?i)\b(sdg|mål|mal|goal|delmål|target)\b", " ", text).strip(" .")
    cleaned = cleaned.replace(",", ".").replace(" ", "")
    parts = cleaned.split(".")
    if not cleaned or len(parts) > 2 or not parts[0].isdigit():
        return None
    parts = [part.lstrip("0") or "0" if part.isdigit() else part.lower() for part in parts]
    candidate = ".".join(parts)
    return candidate if candidate != text and candidate in sdg_ids() else None


def _targets_of(goal: str) -> str:
    targets = sorted(
        (t for t in sdg_ids() if t.startswith(goal + ".")),
        key=lambda t: (
            not t.split(".")[1].isdigit(),
            int(t.split(".")[1]) if t.split(".")[1].isdigit() else 0,
            t,
        ),
    )
    return f"{targets[0]}–{targets[-1]}" if targets else "–"


def check_kolada(context: RuleContext) -> Iterator[Finding]:
    for indicator in context.of_category("indicator"):
        value = indicator.data.get("kolada")
        if value is not None and not (isinstance(value, str) and is_kolada_id(value)):
            yield context.at(MALFORMED_KOLADA, indicator, "kolada", value=str(value))


def is_kolada_id(value: str) -> bool:
    """A Kolada KPI id as K001 accepts it; the snapshot rules (K002–K006) check only these."""
    return _KOLADA.match(value) is not None
