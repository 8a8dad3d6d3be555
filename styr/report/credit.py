"""The credit a value fetched from Kolada carries where it is shown: "Källa: Kolada".

Kolada's terms ask for raw values to be credited "Källa: Kolada". `styr kolada
pull` marks every outcome it writes with `source: Kolada`; such an outcome is
shown with the credit and the key figure's id, so that a reader can look the
figure up. A fulfilment or trend worked out from it is styr's own, and carries
no credit.
"""

from __future__ import annotations

from typing import Any

from styr.followup.kolada_merge import KOLADA
from styr.i18n import N_, translate
from styr.report import formatting as fmt

CREDIT = N_("Source: Kolada")
CREDIT_WITH_ID = N_("Source: Kolada ({kpi})")


def kolada_credit(source: Any, kpi: Any, language: str) -> str:
    """The credit for an outcome whose source is Kolada (with the KPI id if known), else ""."""
    if fmt.one_line(source).casefold() != KOLADA.casefold():
        return ""
    kpi_id = fmt.one_line(kpi)
    if kpi_id:
        return translate(CREDIT_WITH_ID, language, kpi=kpi_id)
    return translate(CREDIT, language)
