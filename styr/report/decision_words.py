"""A decision as the report and the site say it: "Beslutad av Kommunfullmäktige 2025-11-24, § 123".

The organ is named by its organisation's name, not its id; the date stays as
written; the paragraph and the case number follow where they are given. A
proposal says plainly that it is one: "Förslag till Kommunfullmäktige". A
decision marked `illustrative: true` shows that mark after it.

The sentence is the page's own words around the body's name, which is the files': an
HTML page in another language than the files marks only the name (`kind_words`).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from styr.decisions import PROPOSED, Decision, decision_of
from styr.model.index import ORGANISATION, Index
from styr.report.language import FilesWord, joined
from styr.report.texts import Labels
from styr.report.view_types import Fact

__all__ = ["decision_facts", "decision_sentence"]

# The label of each state's sentence in TEXTS (styr/report/texts.py).
_STATE_KEYS = {
    "proposed": "decision_proposed",
    "decided": "decision_decided",
    "revised": "decision_revised",
    "repealed": "decision_repealed",
}
# An id no organisation has (a NUL): put where the deciding body's name goes, it shows
# where the sentence's own words end and begin again around the name.
_ORGAN_PLACE = "\x00"


def decision_facts(data: dict[str, Any], index: Index, labels: Labels) -> list[Fact]:
    """The element's decision as one labelled detail, or nothing when it has none."""
    decision = decision_of(data)
    if decision is None:
        return []
    facts = [Fact(labels.decision, decision_sentence(decision, index, labels), own=True)]
    if data["decision"].get("illustrative") is True:
        # Its own words: the element's text may well be the municipality's own.
        note = labels.decision_illustrative_note
        facts.append(Fact(labels.text_illustrative, note, own=True))
    return facts


def decision_sentence(decision: Decision, index: Index, labels: Labels) -> str:
    """ "Decided by Kommunfullmäktige 2022-11-21, § 150" (`_sentence`), with the body's name
    the files' word among the page's own (a `Phrase`), which an HTML page in another language
    than the files marks as theirs and no other format sees."""
    organ = organ_name(decision.by, index)
    if not organ:
        return _sentence(decision, index, labels)
    placed = _sentence(replace(decision, by=_ORGAN_PLACE), index, labels)
    before, found, after = placed.partition(_ORGAN_PLACE)  # the name comes before the date
    if not found:  # a file that names an organisation by a NUL: the sentence as it is
        return _sentence(decision, index, labels)
    return joined(before, FilesWord(organ), after)


def _sentence(decision: Decision, index: Index, labels: Labels) -> str:
    """`Beslutad av Kommunfullmäktige 2025-11-24, § 123, diarienummer KS-2025/123`."""
    state = getattr(labels, _STATE_KEYS[decision.state])
    organ = organ_name(decision.by, index)
    if organ:
        key = "decision_to" if decision.state == PROPOSED else "decision_by"
        state = labels.get(key, state=state, organ=organ)
    head = f"{state} {decision.dated}" if decision.dated else state
    parts = [head, decision.paragraph or ""]
    if decision.case_number:
        parts.append(labels.get("decision_case_number", number=decision.case_number))
    return ", ".join(part for part in parts if part)


def organ_name(by: str | None, index: Index) -> str:
    """The organisation's name for its id; an id that names none, as written."""
    if by is None:
        return ""
    organisation = index.by_id.get(by)
    if organisation is None or organisation.category != ORGANISATION:
        return by
    return organisation.title
