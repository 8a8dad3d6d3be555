"""The follow-up report's own words (styr report --period; styr.report.followup_report).

Taken into `styr.report.texts.TEXTS`, so templates read them as every label
(`t.followup_summary`). A `{period}` in them is a follow-up period's code,
written in words where the label is filled (`styr.report.period_words`).
"""

from __future__ import annotations

from styr.i18n import N_, NC_, Text

FOLLOWUP_TEXTS: dict[str, Text] = {
    "followup_eyebrow": N_("Follow-up of goals and results"),
    "followup_title_year": N_("Follow-up {period}"),
    "followup_title_part": N_("Interim report {period}"),
    "followup_summary": N_("Summary"),
    "followup_summary_intro": N_("How the goals stand in {period}, all goals and by area."),
    "followup_all_goals": N_("All goals"),
    "followup_area": N_("Area"),
    "followup_goal": N_("Goal"),
    "followup_organisation": N_("Responsible"),
    "followup_status": N_("Status"),
    "followup_indicator": N_("Indicator"),
    "followup_target": N_("Target"),
    "followup_trend": N_("Since the period before"),
    "followup_outcomes_caption": N_("Outcome against target for “{goal}”"),
    "followup_area_caption": N_("Goals under “{area}” by status"),
    "followup_no_goals": N_("No goal under this area is followed up."),
    "followup_no_analysis": N_("No analysis has been written for this period."),
    "followup_actions": N_("What we will do"),
    "followup_other_goals": N_("Other goals"),
    "followup_other_goals_intro": N_("Goals that do not contribute to any area of the council."),
    "followup_changes": N_("Changes since the previous follow-up"),
    "followup_changes_intro": N_("Compared with the follow-up of {period}."),
    "followup_no_changes": N_("Nothing has changed since the follow-up of {period}."),
    "followup_no_previous": N_("There is no earlier follow-up to compare with."),
    "followup_changes_caption": N_("Changes since {period}"),
    "followup_change": N_("Change"),
    "followup_subject": N_("Goal or indicator"),
    "followup_before": N_("Before"),
    "followup_after": N_("Now"),
    # Goals not in force (styr.decisions.in_force): listed apart, never counted.
    "followup_proposals": N_("Proposals not yet decided"),
    "followup_proposals_intro": N_(
        "These goals are proposed but not yet decided. They are not counted in the summary."
    ),
    "followup_repealed": NC_("followup heading", "Repealed"),
    "followup_repealed_intro": N_(
        "These goals have been repealed. They are not counted in the summary."
    ),
    # A target of a later year, where the period has none: "74 procent (mål 2026)".
    "followup_target_year": N_("(target {year})"),
    # By invented outcomes and analyses (`illustrative: true` in a follow-up file).
    "followup_example_note": N_("Example text – not the municipality's own"),
    "change_goal_added": N_("Followed up for the first time"),
    "change_status_changed": N_("Status changed"),
    "change_outcome_added": N_("New outcome"),
}
