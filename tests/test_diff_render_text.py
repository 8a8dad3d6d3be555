"""styr diff as text: one sentence per kind of change, grouped, escaped for a terminal."""

from __future__ import annotations

import json
import re

import pytest
from diff_render_samples import (
    BOARD_NAME,
    COMPANY_NAME,
    EVERY_KIND,
    FIXED,
    HOSTILE,
    INTRODUCED,
    NAMES,
    change,
    every_kind,
    one,
    repository,
    result,
)
from hypothesis import example, given, settings
from hypothesis import strategies as st

from styr.diff.changes import ChangeKind, FindingRecord, FindingsDelta
from styr.diff.render_github import render_github
from styr.diff.render_json import render_json
from styr.diff.render_markdown import render_markdown
from styr.diff.render_text import render_text
from styr.diff.sentences import PLAIN, sentence
from styr.diff.texts import KIND_LABELS
from styr.escape import terminal

# What the sentence of each sample change says, in Swedish and in English.
EXPECTED: dict[ChangeKind, tuple[str, str]] = {
    ChangeKind.ADDED: (
        "Målet ”Fler elever når målen” lades till",
        "The goal “Fler elever når målen” was added",
    ),
    ChangeKind.REMOVED: (
        "Indikatorn ”Andel behöriga” togs bort",
        "The indicator “Andel behöriga” was removed",
    ),
    ChangeKind.RENAMED: (
        "bytte beteckning från ”bun-mal-1” till ”bun-mal-skola” (innehållet är detsamma)",
        "changed its designation from “bun-mal-1” to “bun-mal-skola” (the content is the same)",
    ),
    ChangeKind.MOVED: (
        "Målet ”Fler unga i arbete” flyttades från Helsingborgshem AB till "
        "Barn- och utbildningsnämnden",
        "The goal “Fler unga i arbete” was moved from Helsingborgshem AB to "
        "Barn- och utbildningsnämnden",
    ),
    ChangeKind.REWORDED: (
        "rubriken ändrades: Fler [-elever-] {+barn+} klarar skolan",
        "the title was reworded: Fler [-elever-] {+barn+} klarar skolan",
    ),
    ChangeKind.LINK_MOVED: (
        "kopplingen flyttades från ”Livslångt lärande” till ”Ett rikt liv”",
        "the link moved from “Livslångt lärande” to “Ett rikt liv”",
    ),
    ChangeKind.FIELD_CHANGED: (
        "Målet ”Fler i arbete”: tidshorisonten ändrades från 2026 till 2030",
        "The goal “Fler i arbete”: the horizon changed from 2026 to 2030",
    ),
    ChangeKind.AMBITION_LOWERED: (
        "målvärdet för 2026 sänktes från 91 till 88,5: lägre ambition (högre värde är bättre)"
        " – utan kommentar som förklarar det",
        "the target value for 2026 was lowered from 91 to 88.5: lower ambition"
        " (a higher value is better) – without a comment that explains it",
    ),
    ChangeKind.AMBITION_RAISED: (
        "målvärdet för 2027 sänktes från 30 till 20: högre ambition (lägre värde är bättre)",
        "the target value for 2027 was lowered from 30 to 20: higher ambition"
        " (a lower value is better)",
    ),
    ChangeKind.TARGET_CHANGED: (
        "”Antal invånare”: målvärdet för 2026 höjdes från 150\u00a0000 till 155\u00a0000",
        "“Antal invånare”: the target value for 2026 was raised from 150,000 to 155,000",
    ),
    ChangeKind.TARGET_ADDED: (
        "målvärde för 2027 lades till: 80",
        "a target value for 2027 was added: 80",
    ),
    ChangeKind.TARGET_REMOVED: (
        "målvärdet för 2025 togs bort (det var 75)",
        "the target value for 2025 was removed (it was 75)",
    ),
    ChangeKind.BASELINE_CHANGED: (
        "utgångsvärdet ändrades från 70 (2022) till 72,4 (2023)",
        "the baseline changed from 70 (2022) to 72.4 (2023)",
    ),
    ChangeKind.UNIT_CHANGED: (
        "enheten ändrades från procent till antal",
        "the unit changed from procent to antal",
    ),
    ChangeKind.KOLADA_CHANGED: (
        "nyckeltalet i Kolada ändrades från N15419 till N15420",
        "the Kolada key figure changed from N15419 to N15420",
    ),
    ChangeKind.BETTER_CHANGED: (
        "det som räknas som bättre ändrades från ett högre värde till ett lägre värde",
        "what counts as better changed from a higher value to a lower value",
    ),
    ChangeKind.GOAL_COUNT_CHANGED: (
        f"{BOARD_NAME} har nu 4 mål (förut 3), fler än de högst 3 som rekommenderas",
        f"{BOARD_NAME} now has 4 goals (before: 3), more than the recommended 3 at most",
    ),
    ChangeKind.MISSION_SOURCE_CHANGED: (
        f"{COMPANY_NAME}: uppdragets källa ändrades från reglementet till ägardirektivet",
        f"{COMPANY_NAME}: the source of the mission changed from the charter to the owner"
        " directive",
    ),
    ChangeKind.DOCUMENT_ADOPTED: (
        "Styrdokumentet ”Miljöprogram” antogs av Kommunfullmäktige 2026-05-12",
        "The steering document “Miljöprogram” was adopted by Kommunfullmäktige on 2026-05-12",
    ),
    ChangeKind.DOCUMENT_REPEALED: (
        "Styrdokumentet ”Trafikplan” upphävs 2026-12-31",
        "The steering document “Trafikplan” is repealed on 2026-12-31",
    ),
    ChangeKind.DOCUMENT_EXTENDED: (
        "Styrdokumentet ”Kulturpolicy” gäller nu tills vidare (gällde till 2026-12-31)",
        "The steering document “Kulturpolicy” now applies until further notice"
        " (it applied until 2026-12-31)",
    ),
    ChangeKind.DOCUMENT_LIMITED: (
        "Styrdokumentet ”Trafikplan” gäller nu till 2028-12-31 (gällde tills vidare)",
        "The steering document “Trafikplan” now applies until 2028-12-31"
        " (it applied until further notice)",
    ),
    ChangeKind.REVIEW_MOVED: (
        "nästa översyn flyttades från 2026-06-01 till 2027-06-01",
        "the next review moved from 2026-06-01 to 2027-06-01",
    ),
    ChangeKind.OUTCOME_ADDED: (
        "Indikatorn ”Nöjda brukare”: utfall 2025 lades till: 72,8",
        "The indicator “Nöjda brukare”: outcome 2025 was added: 72.8",
    ),
    ChangeKind.OUTCOME_REVISED: (
        "utfall 2024 ändrat från 71 till 74",
        "outcome 2024 changed from 71 to 74",
    ),
    ChangeKind.OUTCOME_REMOVED: (
        "utfall 2024-T2 togs bort (det var 70)",
        "outcome 2024-T2 was removed (it was 70)",
    ),
    ChangeKind.MODEL_CHANGED: (
        "Styrmodellen ändrades: delen ”uppdrag” lades till",
        "The steering model changed: the kind “uppdrag” was added",
    ),
    ChangeKind.REPOSITORY_ADDED: ("Kommunen lades till", "The municipality was added"),
    ChangeKind.REPOSITORY_REMOVED: ("Kommunen togs bort", "The municipality was removed"),
}


def test_every_kind_of_change_has_a_sample_an_expected_sentence_and_a_label() -> None:
    assert set(EVERY_KIND) == set(ChangeKind)
    assert set(EXPECTED) == set(ChangeKind)
    assert set(KIND_LABELS) == {kind.value for kind in ChangeKind}


@pytest.mark.parametrize("kind", list(ChangeKind), ids=str)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_kind_of_change_is_one_sentence_in_the_language_of_the_run(
    kind: ChangeKind, language: str
) -> None:
    swedish, english = EXPECTED[kind]
    expected = swedish if language == "sv" else english
    said = sentence(EVERY_KIND[kind], language, PLAIN, NAMES)
    assert expected in said
    assert expected in render_text(one(kind), language)
    assert "\n" not in said


def test_the_text_is_grouped_by_municipality_then_model_council_level_and_organisations() -> None:
    lines = render_text(every_kind(), "sv").splitlines()
    headings = [
        line.strip() for line in lines if line.startswith("  ") and not line.startswith("    ")
    ]
    assert headings == [
        "Kommunen lades till",
        "Kommunen togs bort",
        "Styrmodellens uppbyggnad",
        "Kommunfullmäktiges nivå",
        BOARD_NAME,
        COMPANY_NAME,
        "Fynd från styr lint: 1 ny varning, 1 åtgärdat",
    ]
    assert "Helsingborg (1283)" in lines
    model = lines.index("  Styrmodellens uppbyggnad")
    assert lines[model + 1].startswith("    helsingborg/styr.yaml:12:5  Styrmodellen ändrades:")


def test_every_change_line_starts_with_its_place_from_where_styr_diff_ran() -> None:
    text = render_text(
        result(repository([EVERY_KIND[ChangeKind.ADDED]], path="kommuner/hbg")), "sv"
    )
    assert (
        "    kommuner/hbg/organisation/bun.yaml:12:5  Målet ”Fler elever når målen” lades till"
        in text
    )
    at_root = render_text(result(repository([EVERY_KIND[ChangeKind.ADDED]], path=".")), "sv")
    assert "    organisation/bun.yaml:12:5  Målet" in at_root


def test_what_was_removed_is_placed_in_the_old_side() -> None:
    text = render_text(one(ChangeKind.REMOVED), "sv")
    assert "helsingborg/organisation/bun.yaml:12:5 (i mal-och-budget-2025)  Indikatorn" in text


def test_a_place_without_a_line_or_a_column_shows_what_it_has() -> None:
    whole_file = render_text(one(ChangeKind.ADDED, line=0, column=0), "sv")
    assert "    helsingborg/organisation/bun.yaml  Målet" in whole_file
    no_column = render_text(one(ChangeKind.ADDED, column=0), "sv")
    assert "    helsingborg/organisation/bun.yaml:12  Målet" in no_column


def test_the_summary_counts_the_changes_by_kind_the_findings_and_the_unchanged() -> None:
    lines = render_text(every_kind(), "sv").splitlines()
    assert lines[0] == "Från mal-och-budget-2025 till arbetskopian"
    assert lines[1].startswith(f"{len(ChangeKind)} ändringar (Tillagt: 1, Borttaget: 1,")
    assert lines[2] == "Fynd från styr lint: 1 ny varning, 1 åtgärdat"
    assert lines[3] == "2 kommuner oförändrade"
    english = render_text(every_kind(), "en").splitlines()
    assert english[0] == "From mal-och-budget-2025 to arbetskopian"
    assert english[2] == "Findings from styr lint: 1 new warning, 1 fixed"


@pytest.mark.parametrize(
    ("introduced", "fixed", "expected"),
    [
        (["warning", "warning"], 5, "2 nya varningar, 5 åtgärdade"),
        (["error"], 1, "1 nytt fel, 1 åtgärdat"),
        (["error", "error", "info"], 0, "2 nya fel, 1 ny info"),
        ([], 3, "3 åtgärdade"),
    ],
)
def test_the_findings_delta_takes_the_plural_its_numbers_take(
    introduced: list[str], fixed: int, expected: str
) -> None:
    def record(severity: str) -> FindingRecord:
        return FindingRecord("X001", severity, "styr.yaml", 1, 1, "Ett fynd.")

    delta = FindingsDelta([record(s) for s in introduced], [record("warning")] * fixed)
    text = render_text(result(repository([], findings=delta)), "sv")
    assert f"Fynd från styr lint: {expected}" in text.splitlines()


def test_each_finding_shows_whether_it_is_new_or_fixed_its_rule_and_place() -> None:
    delta = FindingsDelta([INTRODUCED], [FIXED])
    text = render_text(result(repository([], findings=delta)), "sv")
    assert (
        "    Ny varning  G001  helsingborg/organisation/bun.yaml:3:1  "
        "Nämnden har 4 mål; högst 3 rekommenderas."
    ) in text
    assert (
        "    Åtgärdat fel  S001  helsingborg/inriktningar.yaml:8:3 (i mal-och-budget-2025)  "
        "Fältet title saknas."
    ) in text


def test_with_two_folders_what_was_removed_or_fixed_is_in_the_old_folder() -> None:
    # styr diff --from styrning-2025 --to styrning-2026: the old side is a folder of its own.
    delta = FindingsDelta([INTRODUCED], [FIXED])
    removed = EVERY_KIND[ChangeKind.REMOVED]
    two_folders = repository(
        [removed], findings=delta, path="styrning-2026", old_path="styrning-2025"
    )
    text = render_text(result(two_folders), "sv")
    assert "styrning-2025/organisation/bun.yaml:12:5 (i mal-och-budget-2025)  Indikatorn" in text
    assert "Åtgärdat fel  S001  styrning-2025/inriktningar.yaml:8:3 (i mal-och-budget-2025)" in text
    assert "Ny varning  G001  styrning-2026/organisation/bun.yaml:3:1  " in text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_an_empty_diff_says_there_are_no_changes(language: str) -> None:
    text = render_text(result(repository([]), unchanged=3), language)
    expected = "Inga ändringar" if language == "sv" else "No changes"
    assert text.splitlines()[1] == expected
    assert "Helsingborg" not in text
    unchanged = "3 kommuner oförändrade" if language == "sv" else "3 municipalities unchanged"
    assert unchanged in text


def test_only_findings_changed_says_no_changes_as_an_empty_diff_does() -> None:
    delta = FindingsDelta([INTRODUCED], [])
    lines = render_text(result(repository([], findings=delta)), "sv").splitlines()
    assert lines[1] == "Inga ändringar"
    assert lines[2] == "Fynd från styr lint: 1 ny varning"


def test_an_organisations_direction_is_its_inriktning() -> None:
    params = {"field": "direction.text", "words": [["=", "Fler "], ["+", "barn"]]}
    changed = change(ChangeKind.REWORDED, "organisation", "Grundskolenämnden", params=params)
    assert (
        sentence(changed, "sv", PLAIN) == "Grundskolenämnden: inriktningen ändrades: Fler {+barn+}"
    )


def test_a_hostile_title_can_neither_act_on_a_terminal_nor_start_a_line() -> None:
    hostile = change(ChangeKind.ADDED, "goal", HOSTILE)
    named = {"bun": "Nämnden\x1b]0;titel\x07\u202e"}
    text = render_text(result(repository([hostile], organisation_names=named)), "sv")
    assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
    assert "\\u001b[31mröd" in text
    line = next(line for line in text.splitlines() if "lades till" in line)
    assert "<script>alert(1)</script>" in line and "ny rad" in line  # one line, shown as written


def test_colour_styles_the_lines_but_never_lets_a_title_act_on_the_terminal() -> None:
    hostile = change(
        ChangeKind.AMBITION_LOWERED, "indicator", "[bold]Röd[/bold] \x1b[2J", params={}
    )
    coloured = render_text(result(repository([hostile])), "sv", colour=True)
    assert "\x1b[" in coloured  # rich's own styles
    assert "\x1b[2J" not in coloured
    assert "[bold]Röd[/bold]" in coloured  # shown as written, never read as markup
    plain = render_text(result(repository([hostile])), "sv")
    assert "\x1b" not in plain


def test_a_width_wraps_long_lines_under_their_first_word() -> None:
    text = render_text(every_kind(), "sv", width=60)
    lines = text.splitlines()
    assert all(len(line) <= 60 for line in lines if " " in line.strip())
    lowered = next(i for i, line in enumerate(lines) if "Andel behöriga till" in line)
    assert lines[lowered + 1].startswith("        ")
    unwrapped = render_text(every_kind(), "sv")
    assert any(len(line) > 60 for line in unwrapped.splitlines())


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {
                "year": 2026,
                "old": 91,
                "new": 88,
                "better": "higher",
                "explained": True,
                "comment": "Ny mätmetod från 2025",
            },
            "sänktes från 91 till 88: lägre ambition (högre värde är bättre). "
            "Kommentar: ”Ny mätmetod från 2025”",
        ),
        (
            {"year": 2026, "old": 10, "new": 14, "better": "lower", "explained": False},
            "målvärdet för 2026 höjdes från 10 till 14: lägre ambition (lägre värde är bättre)"
            " – utan kommentar som förklarar det",
        ),
        (
            {
                "year": 2024,
                "old": 84,
                "new": 80,
                "better": "higher",
                "milestone": True,
                "explained": False,
            },
            "etappmålet för 2024 sänktes från 84 till 80: lägre ambition",
        ),
        (
            {
                "field": "range",
                "year": None,
                "old": {"min": 90, "max": 100},
                "new": {"min": 85, "max": None},
                "better": "range",
                "explained": False,
            },
            "intervallet vidgades från 90–100 till minst 85: lägre ambition"
            " (värdet ska ligga inom ett intervall) – utan kommentar",
        ),
    ],
)
def test_a_lowered_ambition_says_how_and_whether_a_comment_explains_it(
    params: dict[str, object], expected: str
) -> None:
    lowered = change(ChangeKind.AMBITION_LOWERED, "indicator", "Andel", params=params)
    assert expected in sentence(lowered, "sv", PLAIN)


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        (
            {"removed": [], "added": ["kf-b"], "added_titles": ["Ett rikt liv"]},
            "Målet ”Mål” bidrar nu också till ”Ett rikt liv”",
        ),
        (
            {"removed": ["kf-a", "kf-c"], "added": [], "removed_titles": ["A", "C"]},
            "bidrar inte längre till ”A” och ”C”",
        ),
        ({"removed": ["kf-a"], "added": ["kf-b"]}, "kopplingen flyttades från ”kf-a” till ”kf-b”"),
    ],
)
def test_a_link_added_removed_or_moved_names_its_targets(
    params: dict[str, object], expected: str
) -> None:
    linked = change(ChangeKind.LINK_MOVED, "goal", "Mål", params=params)
    assert expected in sentence(linked, "sv", PLAIN)


def test_a_long_reworded_text_shows_the_words_next_to_the_change_only() -> None:
    before = " ".join(f"ord{i}" for i in range(40))
    words = [["=", before + " "], ["-", "gammalt"], ["+", "nytt"], ["=", " " + before]]
    reworded = change(ChangeKind.REWORDED, "goal", "Mål", params={"field": "text", "words": words})
    said = sentence(reworded, "sv", PLAIN)
    assert "texten ändrades: … ord34 ord35" in said
    assert "ord39 [-gammalt-] {+nytt+} ord0 ord1" in said
    assert "ord20" not in said


def test_swedish_numbers_have_a_decimal_comma_and_years_no_thousands_space() -> None:
    revised = change(
        ChangeKind.OUTCOME_REVISED,
        "follow_up",
        "Invånare",
        params={"period": "2025-H1", "old": 12345.5, "new": 1000000, "field": "women"},
    )
    said = sentence(revised, "sv", PLAIN)
    assert said.endswith(
        "utfall 2025-H1 för kvinnor ändrat från 12\u00a0345,5 till 1\u00a0000\u00a0000"
    )
    assert re.search(r"\b2025-H1\b", said)


def test_a_kind_no_sentence_knows_is_still_said() -> None:
    unknown = change(ChangeKind.ADDED, "new_category", "Något")
    assert sentence(unknown, "sv", PLAIN) == "”Något” lades till"


def test_styr_diff_asks_for_colour_where_colour_is_wanted_and_never_in_a_pipe(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Where the command decides how text is rendered (click strips colour from a pipe itself).
    from styr.cli_diff import _rendered

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b" not in _rendered(every_kind(), "text", "sv", None)
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in _rendered(every_kind(), "text", "sv", None)
    assert "\x1b" not in _rendered(every_kind(), "text", "sv", "diff.txt")  # a file: plain


@pytest.mark.parametrize(
    ("kind", "category", "params", "expected"),
    [
        (
            ChangeKind.REWORDED,
            "indicator",
            {"field": "milestones.text", "year": 2024, "words": [["+", "Ny text"]]},
            "Indikatorn ”X”: texten till etappmålet för 2024 ändrades: {+Ny text+}",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "indicator",
            {"field": "targets.comment", "year": 2026, "old": None, "new": "Ny metod"},
            "Indikatorn ”X”: kommentaren till målvärdet för 2026 ändrades från inget till"
            " ”Ny metod”",
        ),
        (
            ChangeKind.REWORDED,
            "follow_up",
            {"field": "outcome.comment", "period": "2024-T2", "words": [["-", "Gammal"]]},
            "Indikatorn ”X”: kommentaren till utfall 2024-T2 ändrades: [-Gammal-]",
        ),
        (
            ChangeKind.REWORDED,
            "goal",
            {"field": "analysis", "period": "2025", "words": [["=", "Bra "], ["+", "år"]]},
            "Målet ”X”: analysen för 2025 ändrades: Bra {+år+}",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "goal",
            {"field": "horizon.end", "old": 2026, "new": 2027},
            "Målet ”X”: tidshorisontens slut ändrades från 2026 till 2027",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "goal",
            {"field": "agenda2030", "old": ["4.1"], "new": ["4.1", "4.2"]},
            "Målet ”X”: ”4.2” lades till i målen i Agenda 2030",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "goal",
            {"field": "agenda2030", "old": ["4.1", "4.2", "16"], "new": ["4.1"]},
            "Målet ”X”: ”4.2” och ”16” togs bort ur målen i Agenda 2030",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "goal",
            {"field": "agenda2030", "old": ["4.1"], "new": ["4.5"]},
            "Målet ”X”: i målen i Agenda 2030 lades ”4.5” till och ”4.1” togs bort",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "goal",
            {"field": "agenda2030", "old": None, "new": ["4.5"]},
            "Målet ”X”: ”4.5” lades till i målen i Agenda 2030",
        ),
        (
            ChangeKind.FIELD_CHANGED,
            "organisation",
            {"field": "brand_new_key", "old": True, "new": False},
            "X: värdet ”brand_new_key” ändrades från ja till nej",
        ),
        (
            ChangeKind.REWORDED,
            "organisation",
            {"field": "name.sv", "words": [["-", "Kultur"], ["+", "Fritid"]]},
            "X: namnet ändrades: [-Kultur-] {+Fritid+}",
        ),
    ],
)
def test_a_field_is_named_in_words_with_whose_it_is(
    kind: ChangeKind, category: str, params: dict[str, object], expected: str
) -> None:
    assert sentence(change(kind, category, "X", params=params), "sv", PLAIN) == expected


def test_a_value_that_names_an_organisation_is_said_by_its_name() -> None:
    names = {"kf": "Kommunfullmäktige", "ks": "Kommunstyrelsen"}
    adopted = change(
        ChangeKind.DOCUMENT_ADOPTED,
        "steering_document",
        "Klimatstrategi",
        params={"adopted_on": "2026-11-24", "adopted_by": "kf"},
    )
    assert sentence(adopted, "sv", PLAIN, names).endswith("antogs av Kommunfullmäktige 2026-11-24")
    assert sentence(adopted, "sv", PLAIN).endswith("antogs av kf 2026-11-24")  # no names known
    owner = change(
        ChangeKind.FIELD_CHANGED, "goal", "Mål", params={"field": "owner", "old": "kf", "new": "ks"}
    )
    assert sentence(owner, "sv", PLAIN, names).endswith(
        "ägaren ändrades från ”Kommunfullmäktige” till ”Kommunstyrelsen”"
    )
    kept = change(
        ChangeKind.FIELD_CHANGED, "goal", "Mål", params={"field": "kind", "old": "kf", "new": "x"}
    )
    assert sentence(kept, "sv", PLAIN, names).endswith("från ”kf” till ”x”")
    shown = render_text(result(repository([adopted], organisation_names=names)), "sv")
    assert "antogs av Kommunfullmäktige 2026-11-24" in shown


def test_a_document_repealed_by_removing_it_is_placed_in_the_old_side() -> None:
    removed = change(
        ChangeKind.DOCUMENT_REPEALED,
        "steering_document",
        "Trafikplan",
        params={"valid_until": None},
    )
    text = render_text(result(repository([removed])), "sv")
    assert "bun.yaml:12:5 (i mal-och-budget-2025)  Styrdokumentet ”Trafikplan” upphävdes" in text
    dated = render_text(one(ChangeKind.DOCUMENT_REPEALED), "sv")
    assert "(i mal-och-budget-2025)" not in dated


_SCALAR = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
_NESTED = _SCALAR | st.lists(_SCALAR, max_size=3) | st.dictionaries(st.text(max_size=6), _SCALAR)
# Plain JSON values two levels deep, as params hold them.
_JSON = (
    _NESTED
    | st.lists(_NESTED, max_size=3)
    | st.dictionaries(st.text(max_size=6), _NESTED, max_size=3)
)
_KEYS = st.sampled_from(
    [
        "old",
        "new",
        "year",
        "field",
        "words",
        "better",
        "explained",
        "comment",
        "milestone",
        "limit",
        "over_limit",
        "period",
        "part",
        "what",
        "id",
        "valid_until",
        "adopted_on",
        "adopted_by",
        "removed",
        "added",
        "removed_titles",
        "added_titles",
        "old_id",
        "similarity",
        "name",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    kind=st.sampled_from(list(ChangeKind)),
    category=st.sampled_from(["goal", "indicator", "organisation", "model", "follow_up", "x"]),
    params=st.dictionaries(_KEYS, _JSON, max_size=8),
)
@example(kind=ChangeKind.MOVED, category="goal", params={"old": ""})  # moved from no one
@example(kind=ChangeKind.MOVED, category="goal", params={"old": "0"})  # from a board named "0"
def test_any_params_give_a_sentence_never_an_error(
    kind: ChangeKind, category: str, params: dict[str, object]
) -> None:
    odd = change(kind, category, "Mål", params=params)
    diff = result(repository([odd]))
    # A move is listed under the organisation it left too, when it names one.
    giving = params.get("old") if kind is ChangeKind.MOVED else None
    twice = isinstance(giving, str) and giving not in ("", odd.organisation)
    for language in ("sv", "en"):
        said = sentence(odd, language, PLAIN)
        assert said and "\n" not in said
        assert terminal(said) in render_text(diff, language)
        tables = 0 if kind.value.startswith("repository") else 2 if twice else 1
        rows = [line for line in render_markdown(diff, language).splitlines() if line[:2] == "| "]
        assert len(rows) == 3 * tables  # a head, a delimiter and the change's row, per table
        written = json.loads(render_json(diff, language))["repositories"][0]["changes"][0]
        assert written["text"] == said
        assert render_github(diff, language).count("<details>") == tables


def test_an_element_is_named_by_the_kind_the_model_gives_it() -> None:
    named = change(
        ChangeKind.ADDED, "council_area", "Trygg stad", params={"kind_name": "stadens inriktning"}
    )
    generic = change(ChangeKind.ADDED, "council_area", "Trygg stad")
    assert sentence(named, "sv", PLAIN) == "Stadens inriktning ”Trygg stad” lades till"
    assert sentence(named, "en", PLAIN) == "Stadens inriktning “Trygg stad” was added"
    assert sentence(generic, "sv", PLAIN).startswith("Inriktningen eller målområdet ”Trygg stad”")


def test_a_link_of_the_model_names_its_kinds_by_their_names() -> None:
    params = {
        "part": "links",
        "what": "removed",
        "id": "malbild",
        "old": ["vision", "okänt"],
        "new": None,
        "names": {"malbild": "Målbild", "vision": "Vision"},
    }
    removed = change(ChangeKind.MODEL_CHANGED, "model", "malbild", params=params)
    assert sentence(removed, "sv", PLAIN) == (
        "Styrmodellen ändrades: ”Målbild” får inte längre bidra till ”Vision” och ”okänt”"
    )


@pytest.mark.parametrize(
    ("field", "old", "new", "expected"),
    [
        ("illustrative", None, True, "Målet ”Trygg stad” markerades som exempeltext"),
        ("illustrative", True, False, "Målet ”Trygg stad”: markeringen som exempeltext togs bort"),
        ("illustrative", True, None, "Målet ”Trygg stad”: markeringen som exempeltext togs bort"),
        (
            "milestones.term",
            "short",
            "long",
            "Målet ”Trygg stad”: sikten till etappmålet för 2024 ändrades från kort sikt till "
            "lång sikt",
        ),
        (
            "citation.title",
            "FAQ",
            "Frågor och svar",
            "Målet ”Trygg stad”: källans titel ändrades från ”FAQ” till ”Frågor och svar”",
        ),
    ],
)
def test_a_value_is_said_in_a_readers_words(
    field: str, old: object, new: object, expected: str
) -> None:
    params = {"field": field, "old": old, "new": new, "year": 2024}
    changed = change(ChangeKind.FIELD_CHANGED, "goal", "Trygg stad", params=params)
    assert sentence(changed, "sv", PLAIN) == expected


@pytest.mark.parametrize(
    ("band", "old", "new", "expected"),
    [
        (
            "goal_rule",
            "worst",
            "majority",
            "regeln för hur ett mål bedöms ändrades från ”den sämst uppfyllda indikatorn avgör” "
            "till ”de flesta indikatorerna avgör”",
        ),
        (
            "round_to_whole_percent",
            False,
            True,
            "avrundningen till hela procent ändrades från nej till ja",
        ),
        # The limits are percent of fulfilment: a 0.9 written for 90 % reads as what it is.
        ("met_from", 100.0, 0.9, "gränsen för uppfyllt ändrades från 100 procent till 0,9 procent"),
        (
            "partly_met_above",
            90.0,
            85.5,
            "gränsen för delvis uppfyllt ändrades från 90 procent till 85,5 procent",
        ),
    ],
)
def test_a_band_of_the_scale_is_said_by_what_it_means(
    band: str, old: object, new: object, expected: str
) -> None:
    params = {"part": "bands", "what": "changed", "id": band, "old": old, "new": new}
    changed = change(ChangeKind.MODEL_CHANGED, "model", band, params=params)
    assert sentence(changed, "sv", PLAIN) == f"Styrmodellen ändrades: {expected}"


@pytest.mark.parametrize(
    ("field", "old", "new", "expected"),
    [
        (
            "municipality.name",
            "Helsingborgs stad",
            "Helsingborg",
            "namnet ändrades från ”Helsingborgs stad” till ”Helsingborg”",
        ),
        ("municipality.code", "1283", "1284", "kommunkoden ändrades från ”1283” till ”1284”"),
        ("term_of_office.end", 2026, 2030, "mandatperiodens slut ändrades från 2026 till 2030"),
        ("language", "sv", "en", "språket ändrades från svenska till engelska"),
    ],
)
def test_the_municipality_itself_is_said_in_a_readers_words(
    field: str, old: object, new: object, expected: str
) -> None:
    params = {"field": field, "old": old, "new": new}
    changed = change(ChangeKind.FIELD_CHANGED, "municipality", "Helsingborg", params=params)
    assert sentence(changed, "sv", PLAIN) == f"Kommunen ”Helsingborg”: {expected}"


@pytest.mark.parametrize(
    ("part", "prop", "old", "new", "expected"),
    [
        (
            "organisation_types",
            "name",
            {"sv": "Förvaltning", "en": "Administration"},
            {"sv": "Förvaltning", "en": "Department"},
            "organisationstypen ”Förvaltning”: namnet på engelska ändrades från "
            "”Administration” till ”Department”",
        ),
        (
            "element_kinds",
            "category",
            "goal",
            "council_goal",
            "delen ”Förvaltning”: vad styr läser den som ändrades från ”Mål” till "
            "”Fullmäktiges mål”",
        ),
        (
            "element_kinds",
            "requires_contributors",
            None,
            True,
            "delen ”Förvaltning”: kravet att något ska bidra till var och en lades till",
        ),
        (
            "organisation_types",
            "requires",
            ["mission", "direction"],
            ["mission"],
            "organisationstypen ”Förvaltning”: kravet att ha en inriktning togs bort",
        ),
        (
            "levels",
            "description",
            None,
            "Ny",
            "nivån ”Förvaltning”: beskrivningen lades till: ”Ny”",
        ),
    ],
)
def test_a_part_of_the_model_kept_says_what_changed_in_it(
    part: str, prop: str, old: object, new: object, expected: str
) -> None:
    params = {
        "part": part,
        "what": "changed",
        "id": "forvaltning",
        "property": prop,
        "old": old,
        "new": new,
        "entry_name": {"sv": "Förvaltning", "en": "Department"},
    }
    changed = change(ChangeKind.MODEL_CHANGED, "model", "forvaltning", params=params)
    assert sentence(changed, "sv", PLAIN) == f"Styrmodellen ändrades: {expected}"


@pytest.mark.parametrize(
    ("field", "old", "new", "expected"),
    [
        (
            "direction.decision.state",
            "proposed",
            "decided",
            "Kommunstyrelsen: beslutet om inriktningen ändrades: läget från förslag till beslutad",
        ),
        (
            "direction.decision.by",
            "kf",
            "ks",
            "Kommunstyrelsen: beslutet om inriktningen ändrades: beslutande organ från "
            "Kommunfullmäktige till Kommunstyrelsen",
        ),
        (
            "mission.decision.date",
            "2026-10-20",
            "2026-11-24",
            "Kommunstyrelsen: beslutet om uppdraget ändrades: beslutsdatumet från 2026-10-20 "
            "till 2026-11-24",
        ),
        (
            "decision.paragraph",
            None,
            12,
            "Kommunstyrelsen: beslutet ändrades: paragrafen i protokollet lades till: § 12",
        ),
        (
            "decision.case_number",
            "KS-2026/301",
            None,
            "Kommunstyrelsen: beslutet ändrades: diarienumret togs bort (förut ”KS-2026/301”)",
        ),
    ],
)
def test_a_decision_changed_is_said_key_by_key_with_the_organs_name(
    field: str, old: object, new: object, expected: str
) -> None:
    names = {"kf": "Kommunfullmäktige", "ks": "Kommunstyrelsen"}
    params = {"field": field, "old": old, "new": new}
    changed = change(ChangeKind.FIELD_CHANGED, "organisation", "Kommunstyrelsen", params=params)
    assert sentence(changed, "sv", PLAIN, names) == expected
