"""The words `styr diff` says a change of a decision (`decision:`) with.

As `styr.diff.texts`: each an English original marked for translation. A
decision's keys are said as the report names them (the organ by its name,
the state as a word: förslag, beslutad), never by the file's keys.
"""

from __future__ import annotations

from styr.i18n import N_, NC_, Text

# Whose decision it is: the element's own, or that on its direction or mission.
DECISION_OF: dict[str, Text] = {
    "": N_("the decision"),
    "direction": N_("the decision on the direction"),
    "mission": N_("the decision on the mission"),
}
# Each key of a decision, as a reader names it.
DECISION_KEYS: dict[str, Text] = {
    "state": NC_("decision key", "the state"),
    "by": NC_("decision key", "the deciding body"),
    "date": NC_("decision key", "the date of the decision"),
    "paragraph": NC_("decision key", "the paragraph in the minutes"),
    "case_number": NC_("decision key", "the case number"),
}
# A decision's states (`state:`), as values.
DECISION_STATES: dict[str, Text] = {
    "proposed": NC_("decision state", "proposal"),
    "decided": NC_("decision state", "decided"),
    "revised": NC_("decision state", "revised"),
    "repealed": NC_("decision state", "repealed"),
}
DECISION_SENTENCES: dict[str, Text] = {
    "changed": N_("{subject}: {decision} changed: {key} from {old} to {new}"),
    "added": N_("{subject}: {decision} changed: {key} was added: {new}"),
    "removed": N_("{subject}: {decision} changed: {key} was removed (it was {old})"),
}
