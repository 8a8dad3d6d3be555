"""Every word the report writes itself, by key, in one place.

Templates never hold prose of their own: they look labels up here (`t.goals`).
Each label is its English original marked with `N_()` (or `NC_()` where the same
English needs other Swedish); the Swedish is in the gettext catalogue
styr/locale/sv/LC_MESSAGES/styr.po (docs/translations.md), so a report in
another language is a new catalogue, not new templates.

Adding a label: `"key": N_("English")` in TEXTS and its Swedish in styr.po; a
test fails while the Swedish is missing.
"""

from __future__ import annotations

from styr.i18n import LANGUAGES, N_, NC_, NP_, Text, count_text, template, translate
from styr.report.period_words import period_words
from styr.report.texts_followup import FOLLOWUP_TEXTS
from styr.report.texts_peers import PEER_TEXTS

__all__ = [
    "LANGUAGES",
    "Labels",
    "category_name",
    "document_type",
    "mission_source",
]

TEXTS: dict[str, Text] = {
    **PEER_TEXTS,  # the comparison with other municipalities (styr.report.texts_peers)
    **FOLLOWUP_TEXTS,  # the follow-up report (styr.report.texts_followup)
    "report_title": N_("Goals and steering"),
    "index_title": N_("Steering models side by side"),
    "index_comparison_only": N_(
        "With this many municipalities the page shows the comparison only."
    ),
    "skip_link": N_("Skip to content"),
    "contents": N_("Contents"),
    "municipality_code": N_("Municipality code"),
    "term": N_("Term of office"),
    "steering_model": N_("Steering model"),
    "levels": N_("Levels"),
    "overview": N_("Overview"),
    "chain_overview": N_("The goal chain in figures"),
    "vision": N_("Vision and waypoints"),
    "vision_areas": N_("Areas of the vision"),
    "waypoints": N_("Waypoints"),
    "values": N_("Core values"),
    "programme": N_("Programme for the term"),
    "council": N_("Council directions and goal areas"),
    "council_goals": N_("Council goals"),
    "council_indicators": N_("Indicators the council follows"),
    "steering_documents": N_("Steering documents"),
    "chain": N_("The goal chain"),
    "chain_caption": N_(
        "The goal chain: the boards' and companies' goals and indicators, grouped under what they "
        "contribute to at the council level."
    ),
    "chain_matrix": N_("Contributions per board and company"),
    "chain_matrix_caption": N_(
        "Number of goals and indicators per board or company that contribute to each part of the "
        "council level."
    ),
    "chain_none": N_("Nothing contributes yet."),
    "chain_summarised": N_(
        "The goals and indicators make more than {limit} contributions, too many to list one by "
        "one here. Each direction or goal area shows how many contribute to it, and the table "
        "below shows how many come from each board and company. Every goal is shown under its "
        "board or company."
    ),
    "contributes_here": N_("contribute here"),
    "unlinked": N_("Goals and indicators not linked to the council level"),
    "unlinked_status": N_("Not linked"),
    "organisations": N_("Boards, companies and administrations"),
    "other_organisations": N_("Other organisations"),
    "notice_heading": N_("Note: this report may be incomplete"),
    "notice_unreadable": N_("Parts that could not be read and are therefore missing here:"),
    "notice_wrong": N_("The errors are in these parts:"),
    "board_unreadable": N_(
        "This part could not be read, so its mission, direction, goals and indicators are missing "
        "here."
    ),
    "answers_to": N_("Answers to"),
    "mission": N_("Mission"),
    "mission_source": N_("The mission comes from"),
    "mission_document": N_("Based on"),
    "direction": N_("Direction"),
    "direction_indicators": N_("Indicators followed"),
    "area_readings": N_("Reading of the goal areas"),
    "area_readings_of": N_("Reading of {names}"),  # "Tolkning av stadens inriktning"
    "goals": N_("Goals"),
    "goal": N_("Goal"),
    "indicators": N_("Indicators"),
    "indicator": N_("Indicator"),
    "assignments": N_("Assignments to the administration"),
    "assignment_to": N_("To"),
    "due": N_("Due"),
    "work_plans": N_("Work plans"),
    "other_work_plans": N_("Work plans without a known owner"),
    "operational_plans": N_("Operational plans"),
    "reported_to": N_("Reported to"),
    "carries_out": N_("Carries out"),
    "carried_out_by": N_("Carried out by"),
    "work_plan_owner": N_("Owner"),
    "based_on": NC_("texts based_on", "Based on"),
    "year": N_("Year"),
    "activities": N_("Activities"),
    "activity": N_("Activity"),
    "responsible": N_("Responsible"),
    "period": N_("Period"),
    "target_group": N_("Target group"),
    "horizon": N_("Horizon"),
    "contributes_to": N_("Contributes to"),
    "agenda2030": N_("Agenda 2030"),
    "sdg_goal": N_("Global Goal {goal}: {title}"),
    "sdg_target": N_("target {target}"),
    "kolada": N_("Kolada"),
    "kolada_link": N_("Key figure {kpi} in Kolada"),
    "unit": N_("Unit"),
    "better": NC_("texts better", "Direction"),
    "better_higher": N_("higher is better"),
    "better_lower": N_("lower is better"),
    "better_range": N_("within range"),
    "baseline": N_("Baseline"),
    "targets": N_("Target values"),
    "milestones": N_("Milestones"),
    "term_short": N_("short term"),
    "term_long": N_("long term"),
    "gender_breakdown": N_("Followed for women and men"),
    "source": N_("Source"),
    # By a figure Kolada marks preliminary: "74,2 (preliminärt)".
    "preliminary": N_("preliminary"),
    "links": N_("Links"),
    "none": N_("–"),
    "no_values": N_("No values are given yet."),
    "missing_reference": N_("missing"),
    "missing_reference_title": N_("This points to nothing in the steering model"),
    "document_type": N_("Document type"),
    "document_area": N_("Area"),
    "adopted_by": N_("Adopted by"),
    "adopted_on": N_("Date of decision"),
    # A decision (styr/report/decision_words.py): "Beslut: Beslutad av Kommunfullmäktige
    # 2025-11-24, § 123, diarienummer KS-2025/123".
    "decision": NC_("decision", "Decision"),
    "decision_proposed": NC_("decision", "Proposal"),
    "decision_decided": NC_("decision", "Decided"),
    "decision_revised": NC_("decision", "Revised"),
    "decision_repealed": NC_("decision", "Repealed"),
    "decision_by": NC_("decision", "{state} by {organ}"),
    "decision_to": NC_("decision", "{state} to {organ}"),
    "decision_case_number": NC_("decision", "case number {number}"),
    "decision_illustrative_note": N_(
        "the decision's date, paragraph and case number are a made-up example, not the "
        "municipality's own"
    ),
    "valid": N_("Valid"),  # "Gäller: till 2027-12-31", "Gäller: tills vidare"
    "valid_until": N_("until {date}"),
    "until_further_notice": N_("until further notice"),
    "owner": NC_("texts owner", "Owner"),
    "next_review": N_("Next review"),
    "findings": N_("Review (styr lint)"),
    "findings_clean": N_("No findings."),
    "findings_summary": N_("{errors}, {warnings}, {infos}."),  # counted phrases
    "severity": N_("Level"),
    "rule": N_("Rule"),
    "place": N_("Place"),
    "message": N_("Message"),
    "measure": N_("Measure"),
    "outcome": N_("Outcome"),
    "outcome_in": N_("Outcome {period}"),
    "fulfilment": N_("Goal fulfilment"),
    "fulfilment_in": N_("Goal fulfilment {period}"),
    "fulfilment_percent": N_("fulfilment"),
    "next_target": N_("next target: {value} ({year})"),
    # The same, as the label of its own line in a list of facts (the site's indicator).
    "next_target_label": N_("Next target"),
    "analysis": N_("Analysis"),
    "women": N_("women"),
    "men": N_("men"),
    "goals_by_status": N_("Goals by status"),
    "count": N_("Number"),
    "compare": N_("Comparison"),
    "compare_caption": N_("The municipalities' steering models side by side."),
    "council_kinds": N_("Council level"),
    "organisations_count": N_("Boards, companies and administrations"),
    "goals_count": N_("Goals of boards and companies"),
    "council_goals_count": NC_("texts council_goals_count", "Council goals"),
    "indicators_count": N_("Indicators"),
    "indicators_with_targets": N_("Indicators with target values"),
    "indicators_with_kolada": N_("Indicators with a key figure in Kolada"),
    "sdg_goals_count": N_("Global Goals named"),
    "assignments_count": N_("Assignments"),
    "work_plans_count": N_("Work plans"),
    "activities_count": N_("Activities"),
    "documents_count": N_("Steering documents"),
    "linked_share": N_("Goals linked to the council level"),
    "findings_count": N_("Findings (errors / warnings / info)"),
    "read_report": N_("Read the report for {name}"),
    "generated_by": N_("Made with styr {version}."),
    "back_to_top": N_("Back to the top"),
    # Where an element's text comes from (`citation:` / `illustrative:` in the YAML).
    "text_citation": N_("Source of the text"),
    "text_illustrative": N_("Example text"),
    "text_illustrative_note": N_("not the municipality's own text but a made-up example"),
    # A steering document's dates made up one by one (`illustrative: [next_review]`), as they
    # read after "the date": "datumet för nästa översyn är påhittat …".
    "made_up_adopted_on": N_("of the decision"),
    "made_up_valid_until": N_("when the document stops being valid"),
    "made_up_next_review": N_("of the next review"),
    # Two names in one heading ("Vision och målbild"); more are listed before the last.
    "names_and": N_("{names} and {last}"),
    # An indicator's chart (styr.report.chart): its words, and the trend beside it.
    "chart_target": NC_("chart", "Target"),
    "chart_caption": N_("{title}: outcomes and targets by period"),
    "chart_better_higher": N_("A higher value is better"),
    "chart_better_lower": N_("A lower value is better"),
    "chart_better_range": N_("Best within {range}"),
    "chart_outcomes": N_("Outcomes {values}."),
    "chart_targets": N_("Targets {values}."),
    "chart_range": N_("Target: within {range}."),
    "chart_baseline": N_("Baseline {year}: {value}."),
    "chart_baseline_period": N_("{year} (baseline)"),
    "trend_higher": N_("Higher than in {period}"),
    "trend_lower": N_("Lower than in {period}"),
    "trend_same": N_("The same as in {period}"),
    "trend_judged": N_("{movement} – {judgement}"),
    "trend_better": N_("better"),
    "trend_worse": N_("worse"),
    "trend_legend_higher": N_("higher than the period before"),
    "trend_legend_lower": N_("lower than the period before"),
    "trend_legend_same": N_("the same as the period before"),
    # The PDF's footer and the Word document (styr.report.pdf, styr.report.docx*).
    "page_of": N_("Page {page} of {pages}"),
    "status_column": N_("Status"),
    "count_what": N_("What is counted"),
}

# Texts said of a number, in the form the number takes (`t.counted("index_intro", 1)`).
COUNTED: dict[str, tuple[Text, Text]] = {
    "index_intro": NP_(
        "A comparison of {count} municipality's steering model, goals and indicators.",
        "A comparison of {count} municipalities' steering models, goals and indicators.",
    ),
    "contributes_here": NP_("{count} contributes here", "{count} contribute here"),
    "notice_errors": NP_(
        "A check of what the report is made from found {count} error. The report was published "
        "anyway, so parts may be missing or wrong here.",
        "A check of what the report is made from found {count} errors. The report was published "
        "anyway, so parts may be missing or wrong here.",
    ),
    "goals": NP_("{count} goal", "{count} goals"),
    "text_illustrative_dates": NP_(
        "the date {dates} is made up for the example, not the municipality's own",
        "the dates {dates} are made up for the example, not the municipality's own",
    ),
}

# Words from the file format (enumerations) as readers say them.
MISSION_SOURCES: dict[str, Text] = {
    "reglemente": N_("the charter"),
    "ägardirektiv": N_("the owner directive"),
    "bolagsordning": N_("the articles of association"),
    "lag": N_("the law"),
}

DOCUMENT_TYPES: dict[str, Text] = {
    "policy": N_("policy"),
    "strategi": N_("strategy"),
    "program": N_("programme"),
    "plan": N_("plan"),
    "handlingsplan": N_("action plan"),
    "riktlinje": N_("guideline"),
    "regler": N_("rules"),
    "bestämmelse": N_("regulation"),
    "föreskrift": N_("ordinance"),
    "rutin": N_("procedure"),
    "reglemente": N_("charter"),
    "ägardirektiv": N_("owner directive"),
    "bolagsordning": N_("articles of association"),
}


_FILLED_KEPT = 4096  # texts with their values filled in kept by each `Labels`


class Labels:
    """The report's texts in one language, read as attributes in templates: `t.goals`."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._filled: dict[tuple[object, ...], str] = {}  # `get`'s texts, by key and values

    def __getattr__(self, key: str) -> str:
        try:
            text = TEXTS[key]
        except KeyError:
            raise AttributeError(key) from None
        # Kept on the instance, so that the next read is a plain attribute: a report of
        # 100,000 goals reads a label more than two million times.
        # A template: `get`, `said` and `told` fill its placeholders.
        translated = self.__dict__[key] = template(text, self.language)
        return translated

    def get(self, key: str, **params: object) -> str:
        """A text with its placeholders filled: `t.get('sdg_goal', goal='4', title=...)`.

        Kept by its key and values: the same few ("Måluppfyllelse 2025") are asked
        for on every goal of a report. A `period` is a follow-up period's code ("2025-T2"),
        written in words (`period_words`) in every text that says one.
        """
        filled = (key, *params.items())
        try:
            return self._filled[filled]
        except KeyError:
            pass
        except TypeError:  # a value that cannot be a key: filled in every time
            return self.fill(TEXTS[key], params)
        text = self.fill(TEXTS[key], params)
        if len(self._filled) < _FILLED_KEPT:
            self._filled[filled] = text
        return text

    def fill(self, text: Text, params: dict[str, object]) -> str:
        """A marked text in this language with its placeholders filled, a `period` in words."""
        period = params.get("period")
        if isinstance(period, str):
            params = {**params, "period": period_words(period, self.language)}
        return translate(text, self.language, **params)

    def counted(self, key: str, count: int, **params: object) -> str:
        """A text said of a number, in the number's form: `t.counted('goals', 1)` is "1 mål"."""
        return count_text(COUNTED[key], count, self.language, **params)


def _word(table: dict[str, Text], value: str, language: str) -> str:
    """A word of the file format as readers say it; words the table lacks stay as written."""
    text = table.get(value)
    return value if text is None else translate(text, language)


def mission_source(value: str, language: str) -> str:
    """Where a mission comes from, said after "Uppdraget kommer från"; "" for `annat` (other),
    which tells a reader nothing."""
    text = MISSION_SOURCES.get(value)
    return "" if text is None else translate(text, language)


def document_type(value: str, language: str) -> str:
    return _word(DOCUMENT_TYPES, value, language)


# What an element is called when the steering model declares no kind for it.
CATEGORY_NAMES: dict[str, Text] = {
    "vision": N_("Vision"),
    "vision_area": N_("Area of the vision"),
    "waypoint": N_("Waypoint"),
    "value": N_("Core value"),
    "programme": N_("Programme"),
    "council_area": N_("Direction or goal area"),
    "council_goal": N_("Council goal"),
    "indicator": N_("Indicator"),
    "steering_document": N_("Steering document"),
    "goal": N_("Goal"),
    "assignment": N_("Assignment"),
    "operational_plan": N_("Operational plan"),
    "work_plan": N_("Work plan"),
    "activity": N_("Activity"),
    "organisation": N_("Organisation"),
}


def category_name(category: str, language: str) -> str:
    return _word(CATEGORY_NAMES, category, language)
