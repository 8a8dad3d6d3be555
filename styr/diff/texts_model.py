"""The words `styr diff` says a change of the declared steering model with.

As `styr.diff.texts`, of which they are a part: the model's parts, a kind's
or a type's properties, the requirements a kind or a type sets and the
follow-up scale's bands, each an English original marked for translation.
`styr.diff.sentences_model` builds the sentences from them.
"""

from __future__ import annotations

from styr.i18n import N_, NC_, Text

# The parts of the declared steering model (`params.part` of a model change).
MODEL_PARTS: dict[str, Text] = {
    "element_kinds": NC_("diff model", "the kind"),
    "links": NC_("diff model", "the link"),
    "levels": NC_("diff model", "the level"),
    "organisation_types": NC_("diff model", "the type of organisation"),
    "bands": NC_("diff model", "the assessment scale"),
}
MODEL_PART_OTHER: Text = NC_("diff model", "a part")
# The bands of the follow-up scale, by their key in styr.yaml.
BANDS: dict[str, Text] = {
    "met_from": N_("the limit for met"),
    "partly_met_above": N_("the limit for partly met"),
    "labels": N_("the words for the assessments"),
    "round_to_whole_percent": N_("the rounding to whole percent"),
    "goal_rule": N_("the rule for how a goal is assessed"),
}

# The rules for how a goal is assessed from its indicators (`follow_up.goal_rule`), as values.
GOAL_RULES: dict[str, Text] = {
    "worst": N_("the least fulfilled indicator decides"),
    "majority": N_("most of the indicators decide"),
    "all_met": N_("met only when every indicator is met"),
}

# A property of a kind, a level or a type of organisation that changed (`params.property`),
# where `styr.diff.texts.FIELDS` has no word for it.
MODEL_PROPERTIES: dict[str, Text] = {
    "category": NC_("diff model", "what styr reads it as"),
    "mission_source": N_("the source of the mission"),
}
# The requirements a kind or a type sets, said as they are added or removed.
REQUIREMENTS: dict[str, Text] = {
    "requires_link": N_("the requirement that each contributes to something"),
    "requires_contributors": N_("the requirement that something contributes to each"),
}
# What an organisation of a type must have (`requires:`), as a reader names it.
REQUIRED_PARTS: dict[str, Text] = {
    "mission": N_("a mission"),
    "direction": N_("a direction"),
    "goals": N_("goals"),
    "indicators": N_("indicators"),
    "parent": N_("an organisation above it"),
}
# The bands that are a percentage of fulfilment (`styr.followup.fulfilment.read_scale`).
PERCENT_BANDS = frozenset({"met_from", "partly_met_above"})

MODEL_SENTENCES: dict[str, Text] = {
    "property_changed": N_(
        "The steering model changed: {part} {name}: {property} changed from {old} to {new}"
    ),
    "property_added": N_("The steering model changed: {part} {name}: {property} was added: {new}"),
    "property_removed": N_(
        "The steering model changed: {part} {name}: {property} was removed (it was {old})"
    ),
    "requirement_added": N_("The steering model changed: {part} {name}: {requirement} was added"),
    "requirement_removed": N_(
        "The steering model changed: {part} {name}: {requirement} was removed"
    ),
    "required_parts": N_("the requirement to have {parts}"),
    "percent": N_("{value} percent"),
    # A name in one language changed, the name in the run's language the same.
    "name_in": N_("the name in {language}"),
}
