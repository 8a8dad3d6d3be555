"""Every word `styr diff` writes, by key, in one place.

As in `styr.report.texts`: each text is its English original marked with
`N_()` (`NC_("diff", …)` for short words whose English another text of styr
shares), the Swedish is in the gettext catalogue. The sentences are built
from these in `styr.diff.sentences`; the renderings only lay them out.

A sentence about an element starts with its subject, the element named the
way a reader says it ("Målet ”Fler elever i arbete”"): `SUBJECTS` has one per
category of the model's index, so a reader never sees the file format's
own words (id, category, element).
"""

from __future__ import annotations

from styr.i18n import N_, NC_, NP_, Text, count_text, translate

# The subject of a sentence about an element of each category (`Change.category`).
SUBJECTS: dict[str, Text] = {
    "vision": N_("The vision “{title}”"),
    "vision_area": N_("The area of the vision “{title}”"),
    "waypoint": N_("The waypoint “{title}”"),
    "value": N_("The core value “{title}”"),
    "programme": N_("The programme “{title}”"),
    "council_area": N_("The direction or goal area “{title}”"),
    "council_goal": N_("The council goal “{title}”"),
    "indicator": N_("The indicator “{title}”"),
    "steering_document": N_("The steering document “{title}”"),
    "goal": N_("The goal “{title}”"),
    "assignment": N_("The assignment “{title}”"),
    "operational_plan": N_("The operational plan “{title}”"),
    "work_plan": N_("The work plan “{title}”"),
    "activity": N_("The activity “{title}”"),
    # An organisation's name says what it is: "Kulturnämnden lades till".
    "organisation": NC_("diff subject", "{title}"),
    # What styr.yaml says of the municipality itself (its name, code, term of office).
    "municipality": N_("The municipality “{title}”"),
    # Outcomes are about an indicator; the change's title is the indicator's.
    "follow_up": N_("The indicator “{title}”"),
    # A value of the comparison with other municipalities (styr.diff.peer_changes).
    "peer_values": N_("The comparison with other municipalities, “{title}”"),
    "peer_values_country": N_("The whole country's value in the comparison, “{title}”"),
}
# An element of a kind the steering model names: its name, then the title.
SUBJECT_KIND: Text = N_("{kind} “{title}”")
# Any other category: the title alone, in quotes.
SUBJECT_OTHER: Text = N_("“{title}”")
UNTITLED: Text = NC_("diff", "untitled")

# A reworded text field (`params.field`, dotted), said after the subject.
FIELDS: dict[str, Text] = {
    "title": NC_("diff field", "the title"),
    "name": NC_("diff field", "the name"),
    "text": NC_("diff field", "the text"),
    "description": NC_("diff field", "the description"),
    "statement": NC_("diff field", "the statement"),
    "target_group": NC_("diff field", "the target group"),
    "mission.text": NC_("diff field", "the mission"),
    "direction.text": NC_("diff field", "the direction"),
    "unit": NC_("diff field", "the unit"),
    "comment": NC_("diff field", "the comment"),
    "analysis": NC_("diff field", "the analysis"),
    "source": NC_("diff field", "the source"),
    "horizon": NC_("diff field", "the horizon"),
    "horizon.start": NC_("diff field", "the start of the horizon"),
    "horizon.end": NC_("diff field", "the end of the horizon"),
    "period.start": NC_("diff field", "the start of the period"),
    "period.end": NC_("diff field", "the end of the period"),
    "agenda2030": NC_("diff field", "the Agenda 2030 goals"),
    "parent": NC_("diff field", "what it belongs under"),
    "owner": NC_("diff field", "the owner"),
    "responsible": NC_("diff field", "who is responsible"),
    "kind": NC_("diff field", "what kind it is"),
    "type": NC_("diff field", "the type of organisation"),
    "level": NC_("diff field", "the level"),
    "area": NC_("diff field", "the area"),
    "based_on": NC_("diff field", "what it is based on"),
    "document": NC_("diff field", "the steering document"),
    "adopted_on": NC_("diff field", "the date of adoption"),
    "adopted_by": NC_("diff field", "who adopted it"),
    "due": NC_("diff field", "the due date"),
    "start": NC_("diff field", "the start"),
    "end": NC_("diff field", "the end"),
    "period": NC_("diff field", "the period"),
    "term": NC_("diff field", "the term"),
    "citation": NC_("diff field", "the citation"),
    "citation.title": NC_("diff field", "the title of the source"),
    "municipality.code": NC_("diff field", "the municipality code"),
    "term_of_office.start": NC_("diff field", "the start of the term of office"),
    "term_of_office.end": NC_("diff field", "the end of the term of office"),
    "language": NC_("diff field", "the language"),
    "publisher": NC_("diff field", "the publisher"),
    "citation.publisher": NC_("diff field", "the publisher of the source"),
    "illustrative": NC_("diff field", "whether it is an example text"),
    "url": NC_("diff field", "the web address"),
    "web": NC_("diff field", "the web address"),
}
# The field of a target, a milestone, an outcome or an analysis (its first key), said with
# whose it is.
OWNED_FIELDS: dict[str, Text] = {
    "targets": N_("{field} of the target value for {year}"),
    "milestones": N_("{field} of the milestone for {year}"),
    "range": N_("{field} of the range"),
    "outcome": N_("{field} of outcome {period}"),
    "analysis": N_("{field} for {period}"),
}
# A milestone's term (`term:`), as a value: "från kort sikt till lång sikt".
TERMS: dict[str, Text] = {
    "short": N_("the short term"),
    "long": N_("the long term"),
}
# The languages a manifest may give (`language:`), as values.
LANGUAGE_NAMES: dict[str, Text] = {
    "sv": N_("Swedish"),
    "en": N_("English"),
}
# A reworded text no entry above names, and any other value, by its key as written.
FIELD_OTHER: Text = NC_("diff field", "a text")
FIELD_NAMED: Text = NC_("diff field", "the value “{field}”")
FIELD_UNNAMED: Text = NC_("diff field", "a value")

# The short name of each kind of change: the first column of a table, the summary's counts.
KIND_LABELS: dict[str, Text] = {
    "added": NC_("diff change", "Added"),
    "removed": NC_("diff change", "Removed"),
    "renamed": NC_("diff change", "New designation"),
    "moved": NC_("diff change", "Moved"),
    "reworded": NC_("diff change", "Reworded"),
    "link-moved": NC_("diff change", "Link moved"),
    "ambition-lowered": NC_("diff change", "Lower ambition"),
    "ambition-raised": NC_("diff change", "Higher ambition"),
    "target-added": NC_("diff change", "Target value added"),
    "target-removed": NC_("diff change", "Target value removed"),
    "baseline-changed": NC_("diff change", "Baseline changed"),
    "unit-changed": NC_("diff change", "Unit changed"),
    "kolada-changed": NC_("diff change", "Kolada key figure changed"),
    "better-changed": NC_("diff change", "What is better changed"),
    "goal-count-changed": NC_("diff change", "Number of goals"),
    "mission-source-changed": NC_("diff change", "Source of the mission"),
    "document-adopted": NC_("diff change", "Adopted"),
    "document-repealed": NC_("diff change", "Repealed"),
    "document-extended": NC_("diff change", "Extended"),
    "document-limited": NC_("diff change", "Validity shortened"),
    "review-moved": NC_("diff change", "Review moved"),
    "outcome-added": NC_("diff change", "Outcome added"),
    "outcome-revised": NC_("diff change", "Outcome revised"),
    "outcome-removed": NC_("diff change", "Outcome removed"),
    "model-changed": NC_("diff change", "Steering model changed"),
    "repository-added": NC_("diff change", "Municipality added"),
    "repository-removed": NC_("diff change", "Municipality removed"),
    "field-changed": NC_("diff change", "Value changed"),
    "target-changed": NC_("diff change", "Target value changed"),
}
KIND_OTHER: Text = NC_("diff change", "Changed")

# One sentence per kind of change (several where the params make the sentence differ).
SENTENCES: dict[str, Text] = {
    "added": N_("{subject} was added"),
    "moved": N_("{subject} was moved from {old} to {new}"),
    "removed": N_("{subject} was removed"),
    "renamed": N_(
        "{subject} changed its designation from {old} to {new} (the content is the same)"
    ),
    "renamed_nearly": N_(
        "{subject} changed its designation from {old} to {new} (the content is nearly the same)"
    ),
    "reworded": N_("{subject}: {field} was reworded: {words}"),
    "link_moved": N_("{subject}: the link moved from {old} to {new}"),
    "link_added": N_("{subject} now also contributes to {new}"),
    "link_removed": N_("{subject} no longer contributes to {old}"),
    "target_lowered": N_("{subject}: the target value for {year} was lowered from {old} to {new}"),
    "target_raised": N_("{subject}: the target value for {year} was raised from {old} to {new}"),
    "target_changed": N_("{subject}: the target value for {year} changed from {old} to {new}"),
    "milestone_lowered": N_("{subject}: the milestone for {year} was lowered from {old} to {new}"),
    "milestone_raised": N_("{subject}: the milestone for {year} was raised from {old} to {new}"),
    "milestone_changed": N_("{subject}: the milestone for {year} changed from {old} to {new}"),
    "judged": N_("{change}: {judgement}"),
    "judged_better": N_("{change}: {judgement} ({better})"),
    "lower_ambition": N_("lower ambition"),
    "higher_ambition": N_("higher ambition"),
    "range_lowered": N_("{subject}: the range was widened from {old} to {new}"),
    "range_raised": N_("{subject}: the range was narrowed from {old} to {new}"),
    "range_changed": N_("{subject}: the range changed from {old} to {new}"),
    "range_added": N_("{subject}: a range was added: {new}"),
    "range_removed": N_("{subject}: the range was removed (it was {old})"),
    "unexplained": N_("{sentence} – without a comment that explains it"),
    "explained": N_("{sentence}. Comment: “{comment}”"),
    "target_added": N_("{subject}: a target value for {year} was added: {new}"),
    "milestone_added": N_("{subject}: a milestone for {year} was added: {new}"),
    "target_removed": N_("{subject}: the target value for {year} was removed (it was {old})"),
    "milestone_removed": N_("{subject}: the milestone for {year} was removed (it was {old})"),
    "baseline_changed": N_("{subject}: the baseline changed from {old} to {new}"),
    "baseline_added": N_("{subject}: a baseline was added: {new}"),
    "baseline_removed": N_("{subject}: the baseline was removed (it was {old})"),
    "value_in_year": N_("{value} ({year})"),
    "unit_changed": N_("{subject}: the unit changed from {old} to {new}"),
    "unit_added": N_("{subject}: the unit {new} was added"),
    "unit_removed": N_("{subject}: the unit {old} was removed"),
    "kolada_changed": N_("{subject}: the Kolada key figure changed from {old} to {new}"),
    "kolada_added": N_("{subject}: the Kolada key figure {new} was added"),
    "kolada_removed": N_("{subject}: the Kolada key figure {old} was removed"),
    "better_changed": N_("{subject}: what counts as better changed from {old} to {new}"),
    "source_changed": N_("{subject}: the source of the mission changed from {old} to {new}"),
    "mission_document_changed": N_(
        "{subject}: the steering document the mission is set out in changed from {old} to {new}"
    ),
    "adopted_by_on": N_("{subject} was adopted by {by} on {date}"),
    "adopted_on": N_("{subject} was adopted on {date}"),
    "adopted_by": N_("{subject} was adopted by {by}"),
    "adopted": N_("{subject} was adopted"),
    "repealed_on": N_("{subject} is repealed on {date}"),
    "repealed": N_("{subject} was repealed and removed from the steering documents"),
    "extended": N_("{subject} was extended to {new} (it applied until {old})"),
    "extended_from_open": N_("{subject} was extended to {new}"),
    "until_further_notice": N_(
        "{subject} now applies until further notice (it applied until {old})"
    ),
    "until_further_notice_from_open": N_("{subject} now applies until further notice"),
    "review_moved": N_("{subject}: the next review moved from {old} to {new}"),
    "review_added": N_("{subject}: the next review is set for {new}"),
    "review_removed": N_("{subject}: the date of the next review, {old}, was removed"),
    "outcome_added": N_("{subject}: outcome {period} was added: {new}"),
    "outcome_revised": N_("{subject}: outcome {period} changed from {old} to {new}"),
    "outcome_revised_women": N_(
        "{subject}: outcome {period} for women changed from {old} to {new}"
    ),
    "outcome_revised_men": N_("{subject}: outcome {period} for men changed from {old} to {new}"),
    # Kolada's value made final (the pull took preliminary: true away), or preliminary again.
    "outcome_final_by_kolada": N_(
        "{subject}: Kolada has made outcome {period} final: {value}, preliminary before"
    ),
    "outcome_preliminary_by_kolada": N_(
        "{subject}: Kolada now gives outcome {period} as preliminary: {value}"
    ),
    "outcome_revised_by_kolada": N_(
        "{subject}: Kolada revised outcome {period} from {old} to {new}"
    ),
    "outcome_revised_women_by_kolada": N_(
        "{subject}: Kolada revised outcome {period} for women from {old} to {new}"
    ),
    "outcome_revised_men_by_kolada": N_(
        "{subject}: Kolada revised outcome {period} for men from {old} to {new}"
    ),
    "outcome_removed": N_("{subject}: outcome {period} was removed (it was {old})"),
    "outcome_by_sex": N_("{value} (women {women}, men {men})"),
    "model_added": N_("The steering model changed: {part} {name} was added"),
    "model_removed": N_("The steering model changed: {part} {name} was removed"),
    "model_changed": N_("The steering model changed: {part} {name} was changed"),
    "model_changed_from": N_(
        "The steering model changed: {part} {name} was changed from {old} to {new}"
    ),
    "model_links_changed": N_(
        "The steering model changed: what {name} may contribute to changed from {old} to {new}"
    ),
    "model_links_added": N_("The steering model changed: {name} may now contribute to {new}"),
    "model_links_removed": N_(
        "The steering model changed: {name} may no longer contribute to {old}"
    ),
    "model_level_order": N_(
        "The steering model changed: the order of the levels changed from {old} to {new}"
    ),
    "field_changed": N_("{subject}: {field} changed from {old} to {new}"),
    # A list of values (the Agenda 2030 goals) said by what came and went, as links are.
    "list_added": N_("{subject}: {added} was added to {field}"),
    "list_removed": N_("{subject}: {removed} was removed from {field}"),
    "list_changed": N_("{subject}: in {field}, {added} was added and {removed} removed"),
    # `illustrative:` given or taken away: said as the marking, not as a yes or no.
    "marked_illustrative": N_("{subject} was marked as an example text"),
    "unmarked_illustrative": N_("{subject}: the marking as an example text was removed"),
    "no_value": N_("no value"),
    "repository_added": N_("The municipality was added"),
    "repository_removed": N_("The municipality was removed"),
    "other": N_("{subject} was changed"),
    "quoted": N_("“{text}”"),
    "listed": N_("{first} and {last}"),
    "none": NC_("diff value", "none"),
    "yes": NC_("diff value", "yes"),
    "no": NC_("diff value", "no"),
    "range_between": N_("{low}–{high}"),
    "range_from": N_("at least {low}"),
    "range_to": N_("at most {high}"),
    "limited": N_("{subject} now applies until {new} (it applied until {old})"),
    "limited_from_open": N_("{subject} now applies until {new} (it applied until further notice)"),
    "outcome_added_women": N_("{subject}: outcome {period} for women was added: {new}"),
    "outcome_added_men": N_("{subject}: outcome {period} for men was added: {new}"),
    "outcome_removed_women": N_("{subject}: outcome {period} for women was removed (it was {old})"),
    "outcome_removed_men": N_("{subject}: outcome {period} for men was removed (it was {old})"),
    "analysis_added": N_("{subject}: an analysis of {period} was added"),
    "analysis_removed": N_("{subject}: the analysis of {period} was removed"),
}

# What counts as better (`better:` of an indicator), in a judgement's parentheses.
BETTER_REASONS: dict[str, Text] = {
    "higher": N_("a higher value is better"),
    "lower": N_("a lower value is better"),
    "range": N_("the value should lie within a range"),
}
# The same, as a value: "från ett högre värde till ett lägre värde".
BETTER_VALUES: dict[str, Text] = {
    "higher": N_("a higher value"),
    "lower": N_("a lower value"),
    "range": N_("a value within the range"),
}
BETTER_NONE: Text = N_("nothing stated")

# Where a mission comes from, as a value; the report's words for the known sources.
SOURCE_OTHER: Text = N_("another source")
SOURCE_NONE: Text = N_("no source stated")

# Headings, columns and the words around the changes.
TEXTS: dict[str, Text] = {
    "sides": N_("From {old} to {new}"),
    "no_changes": N_("No changes"),
    "summary": N_("{changes} ({kinds})"),
    # A label then its number, as a reader counts them: "Ny lydelse: 2".
    "kind_count": N_("{label}: {count}"),
    "model_heading": N_("The structure of the steering model"),
    "model_note": N_(
        "Changes to the steering model itself: which kinds, links, levels and assessment "
        "limits it has. They change how every file is read."
    ),
    "council_heading": N_("The council level"),
    "findings_heading": N_("Findings from styr lint"),
    "findings_none": N_("No new or fixed findings"),
    "findings_summary": N_("Findings from styr lint: {delta}"),
    "change_column": NC_("diff column", "Change"),
    "what_column": NC_("diff column", "What"),
    "where_column": NC_("diff column", "Where"),
    "rule_column": NC_("diff column", "Rule"),
    "finding_column": NC_("diff column", "Finding"),
    "old_side_place": N_("{place} (in {side})"),
    "repository_heading": N_("{name} ({code})"),
    "details_summary": N_("{name} ({changes})"),
}

# A finding that the new side brings or that it no longer has, by severity.
INTRODUCED: dict[str, Text] = {
    "error": N_("New error"),
    "warning": N_("New warning"),
    "info": N_("New info"),
}
FIXED: dict[str, Text] = {
    "error": N_("Fixed error"),
    "warning": N_("Fixed warning"),
    "info": N_("Fixed info"),
}
INTRODUCED_OTHER: Text = N_("New finding")
FIXED_OTHER: Text = N_("Fixed finding")

# Texts said of a number, in the form the number takes.
COUNTED: dict[str, tuple[Text, Text]] = {
    "changes": NP_("{count} change", "{count} changes"),
    "findings": NP_("{count} finding", "{count} findings"),
    "unchanged": NP_("{count} municipality unchanged", "{count} municipalities unchanged"),
    "new_error": NP_("{count} new error", "{count} new errors"),
    "new_warning": NP_("{count} new warning", "{count} new warnings"),
    "new_info": NP_("{count} new info", "{count} new info"),
    "new_finding": NP_("{count} new finding", "{count} new findings"),
    "fixed": NP_("{count} fixed", "{count} fixed"),
    "left_out": NP_(
        "The comment is shortened here: {count} more change or finding is not shown. styr diff "
        "with --format text or json shows everything.",
        "The comment is shortened here: {count} more changes and findings are not shown. styr "
        "diff with --format text or json shows everything.",
    ),
    "goal_count": NP_(
        "{subject} now has {count} goal (before: {old})",
        "{subject} now has {count} goals (before: {old})",
    ),
    "goal_count_over": NP_(
        "{subject} now has {count} goal (before: {old}), more than the recommended {limit} at most",
        "{subject} now has {count} goals (before: {old}), more than the recommended {limit} at "
        "most",
    ),
}


def text(key: str, language: str, /, **params: object) -> str:
    """A word or sentence of `TEXTS` or `SENTENCES` in `language`, placeholders filled."""
    return translate(TEXTS.get(key) or SENTENCES[key], language, **params)


def counted(key: str, count: int, language: str, /, **params: object) -> str:
    """A text of `COUNTED` in the form `count` takes: "1 ändring", "2 ändringar"."""
    return count_text(COUNTED[key], count, language, **params)


def kind_label(kind: str, language: str) -> str:
    """The short name of a kind of change: "Lägre ambition"."""
    return translate(KIND_LABELS.get(kind, KIND_OTHER), language)
