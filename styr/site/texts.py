"""Every word the website writes itself, by key: its own, then the report's.

As in `styr.report.texts`: each text is its English original marked with
`N_()`, the Swedish is in the gettext catalogue. A key the site does not
define is looked up among the report's labels, so that the site and the
report say the same thing the same way (`t.baseline`, `t.targets`).
"""

from __future__ import annotations

from styr.i18n import N_, NP_, Text, count_text, template
from styr.report.texts import TEXTS as REPORT_TEXTS
from styr.report.texts import Labels

SITE_TEXTS: dict[str, Text] = {
    "site_title": N_("How {name} is steered"),
    "site_home": N_("Start"),
    "breadcrumbs": N_("You are here"),
    "site_menu": N_("Site menu"),
    "all_goals": N_("All goals"),
    "documents_page": N_("Steering documents"),
    "symbols_page": N_("Symbols and words for status"),
    "accessibility_page": N_("Accessibility statement"),
    "updated": N_("Last updated {date}"),
    "publisher": N_("Published by {name}"),
    "made_with": N_("Made with styr {version}."),
    "council_level": N_("The council level"),
    # Goals and the boards' directions: a direction is not counted as a goal (`goal_count`).
    "area_goals": N_("What contributes"),
    "area_board_readings": N_("What the area means for each board"),
    "area_goals_none": N_("No goal contributes to this yet."),
    "area_goals_count": N_("{count} goals contribute"),
    "through": N_("through {title}"),
    "organisations_heading": N_("Boards, companies and administrations"),
    "status_at_a_glance": N_("Follow-up {period} at a glance"),
    "status_goals_link": N_("See every goal"),
    "no_status": N_("Not followed up"),
    "goals_by_area": N_("Goals by area"),
    "goals_by_organisation": N_("Goals by board or company"),
    "goals_by_status": N_("Goals by status"),
    "goals_without_area": N_("Not linked to an area"),
    "filter": N_("Show only"),
    "filter_area": N_("Area"),
    "filter_organisation": N_("Board or company"),
    "filter_all": N_("All"),
    "filter_hint": N_(
        "Choose an area or a board to show only its goals. The choice works without scripts."
    ),
    "filter_no_match": N_("No goal fits the choice."),
    "goals_by_status_all": N_(
        "The numbers after each status are for all goals, whatever is chosen above."
    ),
    "goal_count": N_("Goals: {count}"),
    "document_title": N_("Document"),
    # An empty cell of a table: said in words, as a bare dash says nothing to a screen reader.
    "not_given": N_("Not given"),
    "documents_caption": N_(
        "The steering documents: type, area, who adopted them and when, validity, who is "
        "responsible and the next review."
    ),
    "documents_none": N_("No steering documents are published yet."),
    "symbols_intro": N_(
        "A status is always shown as a symbol and a word, never by colour alone. These are the "
        "symbols and words used on this website."
    ),
    "symbols_status": N_("Goal fulfilment"),
    "symbols_trend": N_("Trend"),
    "symbols_other": N_("Other marks"),  # what is not a status or a trend: "(missing)"
    "symbols_caption": N_("Status symbols and what they mean"),
    "symbol": N_("Symbol"),
    "meaning": N_("Meaning"),
    "symbol_missing": N_("missing"),
    "site_publisher": N_("the publisher of this website"),
    "symbol_missing_meaning": N_("A link to something that is not published here."),
    "accessibility_intro": N_(
        "{publisher} wants as many people as possible to be able to use this website. This "
        "statement describes how the website meets the Swedish law on accessibility to digital "
        "public services (DOS-lagen), known limitations, and how to tell us about problems."
    ),
    "accessibility_standard_heading": N_("How accessible the website is"),
    # Only what is true of every municipality's site: styr's own tests check its page
    # templates on its examples, not this site's texts (what the manifest says of those follows).
    "accessibility_standard": N_(
        "The website is made with the tool styr, whose page templates are tested automatically "
        "against WCAG 2.1 at level AA (EN 301 549) on styr's own example websites: with axe-core "
        "in a browser, by keyboard, at 320 pixels width and at 200 percent zoom. Status is always "
        "shown with a symbol and a word, and every chart has a table with the same numbers."
    ),
    "accessibility_not_assessed": N_(
        "How the texts and pages of this particular website meet the requirements has not been "
        "assessed yet."
    ),
    "accessibility_contact_heading": N_("Tell us about problems"),
    "accessibility_contact": N_(
        "If something on the website does not work for you, contact {publisher}"
    ),
    "accessibility_each": N_(
        "Each municipality's own accessibility statement says whom to contact about its pages:"
    ),
    "accessibility_shortcomings": N_("Known shortcomings"),
    "accessibility_assessed_heading": N_("How we assessed the website"),
    "accessibility_assessed_on": N_("The website was last assessed on {date}."),
    "accessibility_assessed_by": N_("The assessment was made by {name}"),
    "accessibility_response_time": N_("We answer within {time}"),
    "accessibility_supervision_heading": N_("Supervision"),
    "accessibility_supervision": N_(
        "The Agency for Digital Government (Myndigheten för digital förvaltning, Digg) supervises "
        "the law. If you are not satisfied with how we handle your comments, you can tell Digg."
    ),
    "notice_heading": N_("Note: this website may be incomplete"),
    "notice_errors": N_(
        "The steering documents have errors ({count}) that could not be corrected before "
        "publishing, so some information may be missing or wrong here."
    ),
    "notice_unreadable": N_("These parts could not be read and are missing:"),
    "board_unreadable": N_("The information about {name} could not be read and is missing here."),
    # A board whose file says no name: its heading is already the notice's "A part whose
    # content could not be read", so the sentence names it no more (the report's words).
    "part_unreadable": REPORT_TEXTS["board_unreadable"],
    "missing_title": N_("Not published here"),
    "compare_title": N_("Steering of {count} municipalities"),
    "compare_intro": N_(
        "The steering models of {count} municipalities side by side. Choose a municipality to read "
        "its website."
    ),
    "compare_caption": N_("The municipalities' steering models side by side."),
    "all_municipalities": N_("All municipalities"),
    "covers": N_("This website brings together the steering of {names}."),
    "municipality": N_("Municipality"),
    "open_site": N_("The website of {name}"),
    "contributes_from": N_("Contributed to by"),
    "indicator_table_caption": N_("Indicators: {title}"),
    "sitemap_left_out": N_(
        "Not listed: {count} pages whose full address is not known. The pages at the root get "
        "one when each municipality's address in its manifest is one address followed by its "
        "folder here (for example https://styrning.example.se/1283/)."
    ),
    "sitemap_note": N_(
        "The addresses below are relative to the website's root. Give the website's address in the "
        "manifest to get full addresses."
    ),
}


# Texts said of a number, in the form the number takes (`t.counted("notice_placeholders", 2)`).
SITE_COUNTED: dict[str, tuple[Text, Text]] = {
    "notice_errors": NP_(
        "A check of what the website is made from found {count} error. The website was published "
        "anyway, so parts may be missing or wrong here.",
        "A check of what the website is made from found {count} errors. The website was published "
        "anyway, so parts may be missing or wrong here.",
    ),
    "notice_placeholders": NP_(
        "{count} text on this website is not written yet: it still says what is to be written "
        "there.",
        "{count} texts on this website are not written yet: they still say what is to be written "
        "there.",
    ),
}

# What ends a sentence already, so that `sentence` adds no full stop after it.
_SENTENCE_ENDS = (".", "!", "?", "…", ":")


def sentence(text: str) -> str:
    """`text` ended with a full stop, unless it ends with one (or "!", "?") already.

    For a template's sentence that ends with a text from the files, which may
    end with its own full stop ("… webbredaktionen.").
    """
    stripped = text.rstrip()
    return stripped if not stripped or stripped.endswith(_SENTENCE_ENDS) else f"{stripped}."


class SiteLabels(Labels):
    """The website's texts in one language: its own first, then the report's (`t.goals`)."""

    def __getattr__(self, key: str) -> str:
        text = SITE_TEXTS.get(key)
        if text is None:
            return super().__getattr__(key)
        # A template: `get` and `told` fill its placeholders.
        translated = self.__dict__[key] = template(text, self.language)
        return translated

    def get(self, key: str, **params: object) -> str:
        text = SITE_TEXTS.get(key)
        if text is None:
            return super().get(key, **params)
        return self.fill(text, params)

    def counted(self, key: str, count: int, **params: object) -> str:
        forms = SITE_COUNTED.get(key)
        if forms is None:
            return super().counted(key, count, **params)
        return count_text(forms, count, self.language, **params)


# The report's texts a site page may show (all of them, for the catalogue check).
__all__ = ["REPORT_TEXTS", "SITE_COUNTED", "SITE_TEXTS", "SiteLabels", "sentence"]
