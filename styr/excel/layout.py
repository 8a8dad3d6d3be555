"""The workbook's sheets and columns: one place that the export writes and the import reads."""

from __future__ import annotations

from styr.i18n import LANGUAGES, NC_, translate

ORGANISATIONS = NC_("excel sheet", "Organisations")
GOALS = NC_("excel sheet", "Goals")
INDICATORS = NC_("excel sheet", "Indicators")
OUTCOMES = NC_("excel sheet", "Outcomes")
STATUS = NC_("excel sheet", "Status")
# The first column of every sheet in a workbook of several municipalities.
MUNICIPALITY = NC_("excel column", "Municipality")
# The workbook's properties name the municipality a workbook of one was exported for:
# the subject its name, the identifier its code after this prefix.
MUNICIPALITY_MARK = "styr-municipality:"

ORGANISATION_HEADERS = (
    NC_("excel column", "Id"),
    NC_("excel column", "Name"),
    NC_("excel column", "Type"),
    NC_("excel column", "Level"),
    NC_("excel column", "Parent organisation"),
)
GOAL_HEADERS = (
    NC_("excel column", "Organisation"),
    NC_("excel column", "Kind"),
    NC_("excel column", "Id"),
    NC_("excel column", "Title"),
    NC_("excel column", "Target group"),
    NC_("excel column", "Horizon"),
    NC_("excel column", "Contributes to"),
)
# The indicator sheet's fixed columns; one column per target year follows, then Kolada's id.
INDICATOR_HEADERS = (
    NC_("excel column", "Id"),
    NC_("excel column", "Title"),
    NC_("excel column", "Goal"),
    NC_("excel column", "Organisation"),
    NC_("excel column", "Unit"),
    NC_("excel column", "Better is"),
    NC_("excel column", "Baseline year"),
    NC_("excel column", "Baseline"),
)
TARGET_YEAR = NC_("excel column", "Target {year}")
KOLADA_ID = NC_("excel column", "Kolada id")
BETTER = {
    "higher": NC_("excel better", "higher"),
    "lower": NC_("excel better", "lower"),
    "range": NC_("excel better", "range"),
}
STATUS_HEADERS = (
    NC_("excel column", "Organisation"),
    NC_("excel column", "Goal id"),
    NC_("excel column", "Goal"),
    NC_("excel column", "Period"),
    NC_("excel column", "Status"),
    NC_("excel column", "Indicators met"),
    NC_("excel column", "Indicators"),
)

# The outcome sheet, the one a controller fills. The import finds each column
# by its heading in the first row and each row by its indicator id and period.
INDICATOR_ID = NC_("excel column", "Indicator id")
PERIOD = NC_("excel column", "Period")
VALUE = NC_("excel column", "Outcome")
WOMEN = NC_("excel column", "Women")
MEN = NC_("excel column", "Men")
SOURCE = NC_("excel column", "Source")
COMMENT = NC_("excel column", "Comment")
OUTCOME_HEADERS = (
    INDICATOR_ID,
    PERIOD,
    NC_("excel column", "Organisation"),
    NC_("excel column", "Indicator"),
    NC_("excel column", "Unit"),
    NC_("excel column", "Target"),
    VALUE,
    WOMEN,
    MEN,
    SOURCE,
    COMMENT,
)
# The columns the import reads, by the key an outcome has in a follow-up file.
READ_COLUMNS = {
    "indicator": INDICATOR_ID,
    "period": PERIOD,
    "value": VALUE,
    "women": WOMEN,
    "men": MEN,
    "source": SOURCE,
    "comment": COMMENT,
}
NUMBER_KEYS = ("value", "women", "men")
TEXT_KEYS = ("source", "comment")


def names_in_every_language(text: str) -> set[str]:
    """What a sheet or column is called in any language styr writes, as the import accepts."""
    return {translate(text, language) for language in LANGUAGES}
