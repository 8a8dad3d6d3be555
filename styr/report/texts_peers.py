"""The report's and the site's words for the comparison with other municipalities.

Taken into `styr.report.texts.TEXTS`, so templates read them as every label
(`t.peers_median`). The words never rank: above or below the median is said
as better or worse only where the indicator says which way is better.
"""

from __future__ import annotations

from styr.i18n import N_, Text, translate

PEER_TEXTS: dict[str, Text] = {
    "peers_caption": N_("Compared with other municipalities: {group}"),
    "peers_caption_plain": N_("Compared with other municipalities"),
    "peers_year": N_("Year"),
    "peers_own": N_("The municipality's value"),
    "peers_median": N_("Median of the municipalities compared with"),
    "peers_spread": N_("Lowest–highest"),
    "peers_middle_half": N_("Middle half"),
    "peers_with_data": N_("Municipalities with a value"),
    "peers_with_data_count": N_("{with_data} of {members}"),
    "peers_country": N_("The whole country"),
    "peers_above": N_("Above the median"),
    "peers_below": N_("Below the median"),
    "peers_at": N_("At the median"),
    "peers_above_better": N_("Above the median, which is better here"),
    "peers_above_worse": N_("Above the median, which is worse here"),
    "peers_below_better": N_("Below the median, which is better here"),
    "peers_below_worse": N_("Below the median, which is worse here"),
    "peers_derived_note": N_(
        "The median, the lowest and highest values, the middle half and the number of "
        "municipalities with a value are worked out from Kolada's values; they are not figures "
        "Kolada publishes."
    ),
    "peers_illustrative_note": N_(
        "Example values: made up to show the comparison, not fetched from Kolada."
    ),
}


def peer_reading(position: str | None, judgement: str | None, language: str) -> str:
    """Above or below the median in words; better or worse only where the indicator says."""
    if not position:
        return ""
    key = f"peers_{position}"
    if judgement in ("better", "worse"):
        key = f"{key}_{judgement}"
    return translate(PEER_TEXTS[key], language)
