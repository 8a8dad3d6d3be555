"""Links out of the report: Kolada key figures and the UN's pages on the Global Goals.

They are plain links a reader may follow, never resources the page loads.
"""

from __future__ import annotations

import json
import re
import urllib.parse
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from styr.report.texts import Labels

KOLADA_SEARCH = "https://www.kolada.se/verktyg/fri-sokning/"
SDG_GOAL_PAGE = "https://sdgs.un.org/goals/goal{goal}"
_KOLADA_ID = re.compile(r"[A-Z][0-9]{5}\Z")
_SDG = re.compile(r"([0-9]{1,2})(?:\.([0-9]{1,2}|[a-z]))?\Z")


@dataclass(frozen=True, slots=True)
class ExternalLink:
    text: str  # what the link says
    href: str | None  # None when the value is malformed: shown as text only
    title: str  # what it leads to, in words


def kolada(kpi: str, municipality_code: str | None, labels: Labels) -> ExternalLink:
    """Kolada's free search for one key figure, for this municipality when its code is known."""
    if not _KOLADA_ID.match(kpi):
        return ExternalLink(kpi, None, kpi)
    query = {"kpis": kpi}
    if municipality_code:
        query["municipals"] = municipality_code
    href = f"{KOLADA_SEARCH}?{urllib.parse.urlencode(query)}"
    return ExternalLink(kpi, href, labels.get("kolada_link", kpi=kpi))


def sdg(reference: str, labels: Labels) -> ExternalLink:
    """The UN page of the goal a reference ("4" or "4.1") belongs to."""
    match = _SDG.match(reference)
    titles = sdg_titles()
    if not match or match.group(1) not in titles:
        return ExternalLink(reference, None, reference)
    goal = match.group(1)
    title = labels.get("sdg_goal", goal=goal, title=titles[goal].get(labels.language, goal))
    if match.group(2):
        title = f"{title}, {labels.get('sdg_target', target=reference)}"
    return ExternalLink(reference, SDG_GOAL_PAGE.format(goal=goal), title)


@cache
def sdg_titles() -> dict[str, dict[str, str]]:
    """Each Global Goal's number and its short title in Swedish and English."""
    path = Path(__file__).resolve().parents[1] / "data" / "agenda2030.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    return {str(goal["goal"]): dict(goal["title"]) for goal in data["goals"]}


def sdg_goal_of(reference: str) -> str | None:
    match = _SDG.match(reference)
    return match.group(1) if match and match.group(1) in sdg_titles() else None
