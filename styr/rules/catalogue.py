"""The rule catalogue: every rule `styr lint` applies, by code and by name.

Structural rules (loading, schema, chain) are applied by the loader and the
chain checks; quality rules are listed in QUALITY_CHECKS with the function
that applies each, so a disabled rule costs nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from styr.findings import Finding
from styr.rules import (
    ambition,
    chain,
    decisions,
    duplicate_goal,
    follow_up,
    follow_up_kolada,
    goal_count,
    goal_horizon,
    goal_indicators,
    goal_wording,
    indicator_complete,
    indicator_repeats_goal,
    kolada_snapshot,
    loading,
    partial_influence,
    peer_values,
    placeholders,
    plans,
    references,
    schema,
    site_settings,
    steering_documents,
    suppressions,
    target_group,
    targeted_direction,
    vague_goal,
)
from styr.rules.base import Rule
from styr.rules.context import RuleContext

Check = Callable[[RuleContext], Iterable[Finding]]

QUALITY_CHECKS: tuple[tuple[Rule, Check], ...] = (
    (goal_count.RULE, goal_count.check),
    (goal_wording.RULE, goal_wording.check),
    (goal_indicators.RULE, goal_indicators.check),
    (indicator_complete.RULE, indicator_complete.check),
    (goal_horizon.RULE, goal_horizon.check),
    (partial_influence.RULE, partial_influence.check),
    (targeted_direction.RULE, targeted_direction.check),
    (target_group.RULE, target_group.check),
    (vague_goal.RULE, vague_goal.check),
    (duplicate_goal.RULE, duplicate_goal.check),
    (indicator_repeats_goal.RULE, indicator_repeats_goal.check),
    (ambition.LOWERED, ambition.check_lowered),
    (ambition.OFF_COURSE, ambition.check_off_course),
    (steering_documents.OUT_OF_DATE, steering_documents.check_out_of_date),
    (steering_documents.LAYERS, steering_documents.check_layers),
    (decisions.OUTSIDE_TERM, decisions.check_outside_term),
    (decisions.UNKNOWN_ORGAN, decisions.check_unknown_organ),
    (decisions.PROPOSAL_FOLLOWED_UP, decisions.check_proposal_followed_up),
    (decisions.WITHOUT_DATE, decisions.check_without_date),
    (placeholders.PLACEHOLDER, placeholders.check),
    (plans.AREA_NOT_READ, plans.check_area_not_read),
    (plans.DUPLICATE_PLAN, plans.check_duplicates),
    (plans.OWNER_LEVEL, plans.check_owner_level),
    (plans.BASED_ON_OUTSIDE_CHAIN, plans.check_based_on),
    (plans.YEAR_OUTSIDE_TERM, plans.check_year_outside_term),
    (references.UNKNOWN_SDG, references.check_sdg),
    (references.MALFORMED_KOLADA, references.check_kolada),
    (kolada_snapshot.UNKNOWN_KPI, kolada_snapshot.check_unknown),
    (kolada_snapshot.REMOVED_KPI, kolada_snapshot.check_removed),
    (kolada_snapshot.NOT_MUNICIPAL, kolada_snapshot.check_municipal),
    (kolada_snapshot.NOT_BY_GENDER, kolada_snapshot.check_gender),
    (kolada_snapshot.OLD_SNAPSHOT, kolada_snapshot.check_old),
    (peer_values.REPEATED, peer_values.check_repeated),
    (peer_values.NOT_A_KOLADA_ID, peer_values.check_kpi_ids),
    (peer_values.GROUP_CHANGED, peer_values.check_group_changed),
    (peer_values.ONLY_ITSELF, peer_values.check_only_itself),
    (peer_values.NOT_A_GROUP_ID, peer_values.check_group_ids),
    (peer_values.REVISED, peer_values.check_revised),
    (kolada_snapshot.DAMAGED_SNAPSHOT, kolada_snapshot.check_damaged),
    (follow_up.UNKNOWN_INDICATOR, follow_up.check_unknown),
    (follow_up.OUTSIDE_HORIZON, follow_up.check_horizon),
    (follow_up.MISSING_OUTCOME, follow_up.check_missing),
    (follow_up.UNIT_MISMATCH, follow_up.check_unit),
    (follow_up.DUPLICATE_OUTCOME, follow_up.check_duplicates),
    (follow_up_kolada.REVISED_BY_KOLADA, follow_up_kolada.check_revised),
    (follow_up_kolada.PRELIMINARY_JUDGED, follow_up_kolada.check_preliminary),
    (site_settings.ACCENT_COLOUR, site_settings.check_accent),
    (site_settings.LOGO_FILE, site_settings.check_logo),
)

ALL_RULES: tuple[Rule, ...] = tuple(
    sorted(
        (
            *loading.RULES,
            *schema.RULES,
            *chain.RULES,
            *(rule for rule, _ in QUALITY_CHECKS),
            *suppressions.RULES,
        ),
        key=lambda rule: ("YSCGDPAKFMX".index(rule.code[0]), rule.code),
    )
)
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in ALL_RULES}


def find_rule(code_or_name: str) -> Rule | None:
    text = code_or_name.strip()
    return BY_CODE.get(text.upper()) or BY_NAME.get(text.lower())
