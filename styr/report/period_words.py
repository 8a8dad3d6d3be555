"""A follow-up period as a reader says it: "2025-T2" is "januari–augusti 2025".

Kept apart from the report's labels (`styr.report.texts`), which write a
`period` this way in every text that says one, and used as well by the
charts, whose axis has room for the short form only.
"""

from __future__ import annotations

import functools

from styr.followup.periods import parse_period
from styr.i18n import N_, Text, translate

# A part of a year (2025-T2, 2025-H1) by the months it covers, counted from January as a
# municipality's interim report counts them ("Delårsrapport januari–augusti"): its outcomes
# are the year so far, so the last tertial and the second half-year are all of it. A reader
# knows months; "2025-T2" or "tertial 2" they would need explained.
# Each in full, and short for the chart's axis, where "januari–augusti 2025" does not fit.
PERIOD_PARTS: dict[str, tuple[Text, Text]] = {
    "T1": (N_("January–April {year}"), N_("Jan–Apr {year}")),
    "T2": (N_("January–August {year}"), N_("Jan–Aug {year}")),
    "T3": (N_("January–December {year}"), N_("Jan–Dec {year}")),
    "H1": (N_("January–June {year}"), N_("Jan–Jun {year}")),
    "H2": (N_("January–December {year}"), N_("Jan–Dec {year}")),
}


@functools.lru_cache(maxsize=1024)  # a few periods a report, written on every chart and goal
def period_words(period: str, language: str, *, short: bool = False) -> str:
    """A follow-up period as a reader says it: "2025-T2" is "januari–augusti 2025" (with
    `short`, "jan–aug 2025"), a year stays "2025"; a text that names no period as written."""
    parsed = parse_period(period)
    if parsed is None:
        return period
    # By the code's part, not `is_year`: 2025-T3 and 2025-H2 end with the year, too.
    part = parsed.text.partition("-")[2]
    if not part:
        return parsed.text
    full, brief = PERIOD_PARTS[part]
    return translate(brief if short else full, language, year=str(parsed.year))
