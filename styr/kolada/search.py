"""Finding KPIs by words: the same matching online (Kolada's list) and offline (a snapshot).

A KPI matches when every word of the question is found in its id, title,
description or operating area, in any order, without regard to case or
accents, a Swedish ending or not: "behorighet", "Behörighet" and "behörig
gymnasie" all find "Elever i åk. 9 som är behöriga till ett yrkesprogram".
Title matches come first: a word in the title says more than one in a long
description.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from styr.kolada.kpi import KpiInfo


@dataclass(frozen=True)
class Found:
    """The KPIs that match, best first (at most `limit`), and how many matched in all."""

    kpis: list[KpiInfo]
    total: int


def fold(text: str) -> str:
    """Lower case without accents: what a planner typing quickly may write (ö → o, é → e)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def words(text: str) -> list[str]:
    return fold(text).split()


# Swedish endings, longest first: "behörighet" finds "behöriga", "skolorna" finds "skolor".
_ENDINGS = (
    "heterna", "ningarna", "heten", "heter", "ningar", "arna", "erna", "orna", "ning", "ande",
    "ende", "het", "ar", "er", "or", "en", "et", "na", "a", "e",
)  # fmt: skip
_SHORTEST_STEM = 5  # shorter stems find too much ("elev" in "elevhälsa" is fine, "ar" is not)


def stem(word: str) -> str:
    """`word` without a Swedish ending, if enough is left to say something; else `word`."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return word[: -len(ending)]
    return word


def _found_in(word: str, text: str) -> bool:
    return word in text or stem(word) in text


def search(kpis: Iterable[KpiInfo], text: str, limit: int | None = None) -> Found:
    wanted = words(text)
    ranked: list[tuple[int, str, KpiInfo]] = []
    for kpi in kpis:
        rank = _rank(kpi, wanted)
        if rank is not None:
            ranked.append((rank, kpi.id, kpi))
    ranked.sort(key=lambda item: (item[0], item[1]))
    chosen = ranked if limit is None else ranked[:limit]
    return Found([kpi for _, _, kpi in chosen], len(ranked))


def _rank(kpi: KpiInfo, wanted: list[str]) -> int | None:
    """0 the id itself, 1 every word in the title, 2 elsewhere too; None if a word is missing."""
    if not wanted:
        return None
    identity = fold(kpi.id)
    title = fold(kpi.title)
    everything = " ".join((identity, title, fold(kpi.description), fold(kpi.operating_area)))
    if not all(_found_in(word, everything) for word in wanted):
        return None
    if wanted == [identity]:
        return 0
    return 1 if all(_found_in(word, title) for word in wanted) else 2
