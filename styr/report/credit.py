"""The credit a value fetched from Kolada carries where it is shown: "Källa: Kolada".

Kolada's terms ask for raw values to be credited "Källa: Kolada", and for
one's own processing of them not to be. `styr kolada pull` marks every
outcome it writes with `source: Kolada`; such an outcome is shown with the
credit and the key figure's id, so that a reader can look the figure up.

The decision is one function, `credit_for(figure, source, kpi, language)`:
every rendering (the report's HTML and Markdown, the Word and PDF documents,
the site) shows the credit the view holds, and the view asks this function
for each figure it shows. A raw figure (`RAW`: the municipality's outcome,
the country's value, one peer's value, as Kolada gives them) from Kolada is
credited; a figure styr works out (fulfilment and status, a trend, a peer
median or spread, how many peers have data) never is, whatever it was
worked out from. The peer comparison asks with `Figure.PEER_MEDIAN` and the
others, and so gets "" for its own figures. A value marked `illustrative: true`
(an invented example, as Helsingborg's follow-up is) is never credited, even
with `source: Kolada`: the report shows the example note by it instead
(`outcome_note`).
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Any

from styr.followup.kolada_revisions import is_kolada_source
from styr.i18n import N_, translate
from styr.report import formatting as fmt

if TYPE_CHECKING:
    from styr.followup.evaluate import OutcomeEntry

CREDIT = N_("Source: Kolada")
CREDIT_WITH_ID = N_("Source: Kolada ({kpi})")
# Shown instead by a made-up value (`illustrative: true`), as the follow-up report marks one.
EXAMPLE_NOTE = N_("Example text – not the municipality's own")


class Figure(Enum):
    """A figure the report can show of an indicator, raw or styr's own."""

    OUTCOME = "outcome"  # the municipality's value as fetched
    NATIONAL = "national"  # the country's value (Riket) as Kolada gives it
    PEER_VALUE = "peer-value"  # one comparable municipality's value as fetched
    FULFILMENT = "fulfilment"  # the outcome against the target, and its status
    TREND = "trend"  # the change between periods
    PEER_MEDIAN = "peer-median"  # the median of the comparable municipalities
    PEER_SPREAD = "peer-spread"  # their lowest and highest, or quartiles
    PEER_COUNT = "peer-count"  # how many of them have a value


# The figures shown as Kolada gives them: only these may carry its credit.
RAW = frozenset({Figure.OUTCOME, Figure.NATIONAL, Figure.PEER_VALUE})


def credit_for(
    figure: Figure, source: Any, kpi: Any, language: str, *, illustrative: bool = False
) -> str:
    """The credit `figure` carries: "Källa: Kolada (N15428)" for a raw figure from Kolada, else "".

    `source` is where the figure's value came from (an outcome's `source:`),
    `kpi` the indicator's Kolada id, shown in the credit when known. An
    invented value (`illustrative: true`) is never credited, whatever its
    `source:` says: Kolada never gave it.
    """
    # The source first: most values name none, and hashing an Enum for `in RAW` runs in Python.
    if illustrative or not is_kolada_source(source) or figure not in RAW:
        return ""
    kpi_id = fmt.one_line(kpi)
    if kpi_id:
        return translate(CREDIT_WITH_ID, language, kpi=kpi_id)
    return translate(CREDIT, language)


def kolada_credit(source: Any, kpi: Any, language: str, *, illustrative: bool = False) -> str:
    """The credit for an outcome (a raw figure) whose source is Kolada, else ""."""
    return credit_for(Figure.OUTCOME, source, kpi, language, illustrative=illustrative)


def outcome_note(outcome: OutcomeEntry | None, kpi: Any, language: str) -> str:
    """What the report shows by an outcome's figure, where the credit goes: the example
    note for an invented one ("Exempeltext – inte kommunens egen"), Kolada's credit for
    one fetched from Kolada, else ""."""
    if outcome is None:
        return ""
    if outcome.illustrative:
        return translate(EXAMPLE_NOTE, language)
    if outcome.source is None:  # most outcomes name none: nothing to credit, nothing to ask
        return ""
    return kolada_credit(outcome.source, kpi, language)
