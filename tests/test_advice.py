"""Schema findings as advice: no regular expressions, every unknown key, "menade du", the fix."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import column_of, line_of, replace_in

from styr.findings import Finding
from styr.lint import lint_paths
from styr.rules.catalogue import BY_CODE
from styr.schema_texts import shown
from styr.written_forms import suggested_date, suggested_period

BOARD = Path("organisation") / "exempelnamnden.yaml"
GOAL_LINE = "    horizon: {start: 2027, end: 2030}\n"
# What a regular expression or a Python repr would show.
MACHINE_TEXT = re.compile(r"\^|\$'|\[a-z|\{4\}|\\d|\(\?|\bu'|\\x[0-9a-f]{2}|'\s*is not")


def _schema(repo: Path, language: str = "sv") -> list[tuple[Finding, str]]:
    findings = lint_paths([repo]).findings
    return [(f, BY_CODE[f.code].render(f, language)) for f in findings if f.code == "S002"]


def _messages(repo: Path, language: str = "sv") -> list[str]:
    return [message for _, message in _schema(repo, language)]


def _no_machine_text(messages: list[str]) -> None:
    for text in messages:
        assert not MACHINE_TEXT.search(text), text


def test_every_unknown_key_of_a_mapping_is_its_own_finding_at_its_key(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, GOAL_LINE, GOAL_LINE + "    malgrupp: invånare\n    horisont: 2030\n")
    found = _schema(blank_repo)
    places = [(f.line, f.column) for f, _ in found]
    assert places == [(line_of(board, "malgrupp:"), 5), (line_of(board, "horisont:"), 5)]
    messages = [message for _, message in found]
    assert "'malgrupp'" in messages[0] and "Menade du 'target_group'?" in messages[0]
    assert "'horisont'" in messages[1] and "Menade du 'horizon'?" in messages[1]
    _no_machine_text(messages)


def test_misspelt_keys_get_the_closest_key(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(
        board,
        "    contributes_to: [malomrade-1]\n    indicators",
        ("    contributes_too: [malomrade-1]\n    indicators"),
    )
    replace_in(board, "        baseline:", "        basline:")
    messages = _messages(blank_repo)
    assert any("'contributes_too'" in m and "Menade du 'contributes_to'?" in m for m in messages)
    assert any("'basline'" in m and "Menade du 'baseline'?" in m for m in messages)


def test_english_messages_say_did_you_mean(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, GOAL_LINE, GOAL_LINE + "    malgrupp: invånare\n")
    [message] = _messages(blank_repo, "en")
    assert (
        message.startswith("Unknown key 'malgrupp'") and "Did you mean 'target_group'?" in message
    )
    assert "Menade" not in message


def test_an_id_with_swedish_letters_gets_the_corrected_id(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "id: exempelnamnden-mal-1", "id: trygghetsnämnden-mål-2")
    [(finding, message)] = _schema(blank_repo)
    assert (finding.line, finding.column) == (line_of(board, "mål-2"), 9)
    assert "Skriv 'trygghetsnamnden-mal-2'" in message
    assert "små bokstäver a–z" in message
    _no_machine_text([message])
    [english] = _messages(blank_repo, "en")
    assert "Write 'trygghetsnamnden-mal-2'" in english


def test_a_reference_written_as_a_title_gets_the_id_that_exists(blank_repo: Path) -> None:
    # Corrected, "Kommun Fullmäktige" is kommun-fullmaktige; the id that exists
    # is kommunfullmaktige, and that is the one to suggest.
    replace_in(blank_repo / BOARD, "parent: kommunfullmaktige", "parent: Kommun Fullmäktige")
    [message] = _messages(blank_repo)
    assert "inte med rubriken" in message and "Menade du 'kommunfullmaktige'?" in message
    [english] = _messages(blank_repo, "en")
    assert "Did you mean 'kommunfullmaktige'?" in english


def test_a_reference_to_nothing_close_gets_the_corrected_id(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "parent: kommunfullmaktige", "parent: Stadsdelsnämnd Öst")
    [message] = _messages(blank_repo)
    assert "Menade du 'stadsdelsnamnd-ost'?" in message


@pytest.mark.parametrize(
    ("written", "accepted"),
    [
        ("24 november 2026", "2026-11-24"),
        ("24 nov. 2026", "2026-11-24"),
        ("2026-11-2", "2026-11-02"),
        ("31/12/2030", "2030-12-31"),
        ("2030.12.31", "2030-12-31"),
        ("20261124", "2026-11-24"),
        ("Den 1 maj 2027", "2027-05-01"),
    ],
)
def test_a_date_written_another_way_gets_the_accepted_form(written: str, accepted: str) -> None:
    assert suggested_date(written) == accepted


@pytest.mark.parametrize("written", ["snart", "31 februari 2026", "2026-13-01", "november"])
def test_no_date_is_made_up(written: str) -> None:
    assert suggested_date(written) is None


def test_a_date_finding_says_what_to_write(blank_repo: Path) -> None:
    programme = blank_repo / "program.yaml"
    with programme.open("a", encoding="utf-8") as stream:
        stream.write('  adopted_on: "24 november 2026"\n')
    [(finding, message)] = _schema(blank_repo)
    assert finding.line == line_of(programme, "adopted_on")
    assert 'Skriv datum som ÅÅÅÅ-MM-DD inom citattecken: "2026-11-24"' in message
    _no_machine_text([message])


@pytest.mark.parametrize(
    ("written", "accepted"),
    [
        ("2027-Q2", "2027-T2"),
        ("2027-Q1", "2027-T1"),
        ("2027-Q4", "2027-T3"),
        ("T2 2027", "2027-T2"),
        ("2027 t2", "2027-T2"),
        ("tertial 3 2027", "2027-T3"),
        ("halvår 1 2027", "2027-H1"),
        ("2027H2", "2027-H2"),
        ("år 2027", "2027"),
    ],
)
def test_a_period_written_another_way_gets_the_accepted_form(written: str, accepted: str) -> None:
    assert suggested_period(written) == accepted


@pytest.mark.parametrize("written", ["2027-T4", "2027-H3", "snart", "2026-2027"])
def test_no_period_is_made_up(written: str) -> None:
    assert suggested_period(written) is None


def _follow_up(repo: Path, period: str) -> Path:
    path = repo / "uppfoljning.yaml"
    path.write_text(
        "kind: follow_up\n"
        f'period: "{period}"\n'
        "outcomes:\n"
        "  - {indicator: exempelnamnden-ind-1, value: 72}\n",
        encoding="utf-8",
    )
    return path


def test_a_period_finding_names_the_accepted_forms(blank_repo: Path) -> None:
    path = _follow_up(blank_repo, "2027-Q2")
    [(finding, message)] = _schema(blank_repo)
    assert (finding.line, finding.column) == (2, column_of(path, '"2027-Q2"'))
    assert "2027-T1, 2027-T2 eller 2027-T3" in message and "Menade du '2027-T2'?" in message
    _no_machine_text([message])


def test_a_municipality_code_without_its_leading_zero(blank_repo: Path) -> None:
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', 'code: "999"')
    [message] = _messages(blank_repo)
    assert "fyra siffror" in message and '"0999"' in message


def test_a_value_outside_a_choice_gets_the_choices_and_a_suggestion(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "better: higher", "better: högre")
    [message] = _messages(blank_repo)
    assert "higher, lower, range" in message and "Menade du 'higher'?" in message


def test_a_decimal_comma_and_a_year_out_of_range(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "{year: 2026, value: 70}", '{year: 20260, value: "70,5"}')
    messages = _messages(blank_repo)
    assert any("Skriv decimaltal med punkt: 70.5" in m for m in messages)
    assert any("20260" in m and "från 1900 till 2100" in m for m in messages)
    _no_machine_text(messages)


def test_a_missing_key_is_named_once_with_its_title(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "    title: Fler invånare är nöjda med nämndens service\n", "")
    [message] = _messages(blank_repo)
    assert message.startswith("Nyckeln 'title' (Rubrik) saknas i mål 1;")  # no title to name it by


def test_a_list_written_as_one_value(blank_repo: Path) -> None:
    replace_in(
        blank_repo / BOARD,
        "    contributes_to: [malomrade-1]\n    indicators",
        "    contributes_to: malomrade-1\n    indicators",
    )
    [message] = _messages(blank_repo)
    assert "ska vara en lista, men är texten 'malomrade-1'" in message
    assert "[malomrade-1]" in message


def test_values_are_shown_short_on_one_line_and_never_as_a_repr() -> None:
    assert shown("rad ett\nrad två\t\x07") == "rad ett\\nrad två\\t\\u0007"
    assert len(shown("x" * 10_000)) <= 60
    assert shown(None) == "null" and shown(True) == "true"
    assert shown(10**5000).startswith("10^5000")  # never str() of a huge integer
    assert shown(["a", 1]) == "[a, 1]"


def test_a_huge_number_is_a_finding_not_an_internal_error(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "value: 70}", "value: " + "9" * 5000 + "}")
    findings = lint_paths([blank_repo]).findings
    messages = [BY_CODE[f.code].render(f, "sv") for f in findings]
    assert messages, "a number of 5000 digits must give a finding"
    assert all(len(m) < 1000 for m in messages)


def test_a_huge_integer_is_described_without_turning_it_into_text() -> None:
    from styr.load import Document
    from styr.schema_check import check

    data = {"kind": "programme", "programme": {"id": "p", "title": "P", "year": 10**5000}}
    result = check(Document(Path("program.yaml"), data), "programme")
    [finding] = result.findings
    assert "5001 siffror" in BY_CODE["S002"].render(finding, "sv")
    assert result.unusable == [("programme", "year")]


def test_a_misspelt_file_kind_gets_the_kind_it_means(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "kind: organisation", "kind: organistion")
    findings = [f for f in lint_paths([blank_repo]).findings if f.code == "S001"]
    [finding] = findings
    rule = BY_CODE["S001"]
    assert "'organistion', menade du 'organisation'?" in rule.render(finding, "sv")
    assert "'organistion', did you mean 'organisation'?" in rule.render(finding, "en")


def test_a_misspelt_organisation_type_gets_the_type_it_means(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "type: namnd", "type: namd")
    [finding] = [f for f in lint_paths([blank_repo]).findings if f.code == "C009"]
    assert "(menade du 'namnd'?)" in BY_CODE["C009"].render(finding, "sv")
    assert "(did you mean 'namnd'?)" in BY_CODE["C009"].render(finding, "en")


def test_an_unknown_reference_gets_the_closest_id(blank_repo: Path) -> None:
    replace_in(
        blank_repo / BOARD,
        "contributes_to: [malomrade-1]\n    indicators",
        ("contributes_to: [malomrade-l]\n    indicators"),
    )
    [finding] = [f for f in lint_paths([blank_repo]).findings if f.code == "C001"]
    assert "Menade du 'malomrade-1'?" in BY_CODE["C001"].render(finding, "sv")


@pytest.mark.parametrize(("written", "meant"), [("4,1", "4.1"), ("SDG 4.1", "4.1"), ("4.A", "4.a")])
def test_an_agenda_2030_target_written_another_way(
    blank_repo: Path, written: str, meant: str
) -> None:
    replace_in(
        blank_repo / BOARD,
        "    contributes_to: [malomrade-1]\n    indicators",
        f'    agenda2030: ["{written}"]\n    contributes_to: [malomrade-1]\n    indicators',
    )
    [finding] = [f for f in lint_paths([blank_repo]).findings if f.code == "A001"]
    assert BY_CODE["A001"].render(finding, "sv").endswith(f"; skriv '{meant}'.")
    assert BY_CODE["A001"].render(finding, "en").endswith(f"; write '{meant}'.")


@pytest.mark.parametrize(
    ("written", "says"),
    [("2027-02-30", "inget datum som finns i kalendern"), ("2027-2-3", '"2027-02-03"')],
)
def test_a_date_that_is_not_in_the_calendar_is_one_finding(
    blank_repo: Path, written: str, says: str
) -> None:
    programme = blank_repo / "program.yaml"
    with programme.open("a", encoding="utf-8") as stream:
        stream.write(f'  adopted_on: "{written}"\n')
    [message] = _messages(blank_repo)
    assert says in message


def test_a_value_the_reader_already_reported_gets_no_second_finding(blank_repo: Path) -> None:
    # A number too long to use is reported where it stands and kept as text;
    # the schema would only add "must be a number", a second finding for one mistake.
    replace_in(blank_repo / BOARD, "value: 70}", "value: " + "9" * 40 + "}")
    path = ("goals", 0, "indicators", 0, "baseline", "value")
    at_the_value = [f for f in lint_paths([blank_repo]).findings if f.path == path]
    assert len(at_the_value) == 1 and at_the_value[0].code != "S002"


def test_a_word_written_as_a_list_of_one(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "better: higher", "better: [lower]")
    replace_in(blank_repo / BOARD, "parent: kommunfullmaktige", "parent: [kommunfullmaktige]")
    messages = _messages(blank_repo)
    assert any("Skriv värdet utan hakparenteser: kommunfullmaktige." in m for m in messages)
    assert any("'[lower]'" in m and "Menade du 'lower'?" in m for m in messages)


def test_a_very_long_value_in_an_id_gives_a_short_message(blank_repo: Path) -> None:
    replace_in(blank_repo / BOARD, "id: exempelnamnden-mal-1", "id: " + "Långt Mål " * 500)
    [message] = _messages(blank_repo)
    assert len(message) < 600


def test_a_repeated_item_in_a_long_list_is_found_in_linear_time() -> None:
    import time

    from styr.load import Document
    from styr.schema_check import check

    types = [{"id": "namnd", "name": {"sv": "Nämnd"}, "requires": ["mission"] * 100_000}]
    data = {
        "municipality": {"name": "Testby", "code": "0999"},
        "term_of_office": {"start": 2027, "end": 2030},
        "steering_model": {"element_kinds": [], "organisation_types": types},
    }
    started = time.perf_counter()
    [finding] = check(Document(Path("styr.yaml"), data), "manifest").findings
    assert time.perf_counter() - started < 20  # comparing each item with every other: hours
    assert "'mission' står mer än en gång" in finding.params["problem"]


def test_a_long_list_of_mappings_where_words_belong_is_checked_in_linear_time() -> None:
    import time

    from styr.load import Document
    from styr.schema_check import check

    types = [
        {"id": "namnd", "name": {"sv": "Nämnd"}, "requires": [{"a": n} for n in range(20_000)]}
    ]
    data = {
        "municipality": {"name": "Testby", "code": "0999"},
        "term_of_office": {"start": 2027, "end": 2030},
        "steering_model": {"element_kinds": [], "organisation_types": types},
    }
    started = time.perf_counter()
    findings = check(Document(Path("styr.yaml"), data), "manifest").findings
    # jsonschema's own check of uniqueItems compares every pair of mappings: minutes.
    assert time.perf_counter() - started < 30
    assert len(findings) == 20_000  # one per item: none of them is a part's name


def test_a_required_key_written_wrong_is_one_finding_at_the_key(blank_repo: Path) -> None:
    board = blank_repo / BOARD
    replace_in(board, "    title: Fler invånare", "    titel: Fler invånare")
    [(finding, message)] = _schema(blank_repo)
    assert (finding.line, finding.column) == (line_of(board, "titel:"), 5)
    assert "'titel'" in message and "Menade du 'title'?" in message
