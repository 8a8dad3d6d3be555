"""One catalogue for every human text: Swedish by default, English on request.

The msgids are English and marked in the code (styr.i18n); the Swedish is in
styr/locale/sv/LC_MESSAGES/styr.po, compiled to the committed styr.mo.
"""

from __future__ import annotations

import ast
import gettext
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import click
import pytest
import typer.main
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from conftest import CliResult
from helpers import replace_in

import styr
from styr import i18n
from styr.cli import app
from styr.findings import Finding, Severity
from styr.i18n import N_, NC_, UNFILLED, fill, template, translate
from styr.messages import MESSAGES, counted, message, severity_name
from styr.report.texts import CATEGORY_NAMES, DOCUMENT_TYPES, MISSION_SOURCES, TEXTS, Labels
from styr.rules.catalogue import ALL_RULES, BY_CODE
from styr.schema_texts import ADVICE

Run = Callable[..., CliResult]

ROOT = Path(__file__).resolve().parents[1]
PO = ROOT / "styr" / "locale" / "sv" / "LC_MESSAGES" / "styr.po"
MO = PO.with_suffix(".mo")
# How styr's code marks texts (docs/translations.md gives the same to pybabel).
KEYWORDS = {
    "_": None,
    "gettext": None,
    "ngettext": (1, 2),
    "N_": None,
    "NC_": ((1, "c"), 2),
    "NP_": (1, 2),
}
# What click and typer write in English around a --help when nothing translates them.
CLICK_ENGLISH = (
    "Usage:",
    "Options",
    "Arguments",
    "Commands",
    "Show this message and exit",
    "[default:",
    "[required]",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "INTEGER",
)
PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)[^{}]*\}")


@cache
def catalogue() -> Catalog:
    with PO.open("rb") as handle:
        return read_po(handle, locale="sv")


def used_msgids() -> Iterator[tuple[str | tuple[str, ...], str | None, str]]:
    """(msgid, context, where) of every text the code and the templates mark."""
    for folder in ("styr", "templates"):
        found = extract_from_dir(
            str(ROOT / folder),
            [("**.py", "python"), ("**.j2", "jinja2")],
            keywords=KEYWORDS,
        )
        for filename, lineno, msgid, _comments, context in found:
            if msgid:
                yield msgid, context, f"{folder}/{filename}:{lineno}"


def placeholders(text: str) -> set[str]:
    return set(PLACEHOLDER.findall(text))


def one_line(text: str) -> str:
    return " ".join(text.split())


def test_every_marked_text_has_a_swedish_translation_with_the_same_placeholders() -> None:
    problems = []
    count = 0
    for msgid, context, where in used_msgids():
        count += 1
        singular = msgid[0] if isinstance(msgid, tuple) else msgid
        entry = catalogue().get(singular, context=context)
        if entry is None or entry.fuzzy:
            problems.append(f"{where}: no Swedish for {singular[:60]!r}")
            continue
        originals = msgid if isinstance(msgid, tuple) else (msgid,)
        swedish = [
            str(text or "")
            for text in (
                entry.string if isinstance(entry.string, (tuple, list)) else [entry.string]
            )
        ]
        if not all(text.strip() for text in swedish):
            problems.append(f"{where}: empty Swedish for {singular[:60]!r}")
            continue
        for original, translated in zip(originals, swedish, strict=False):
            if placeholders(original) != placeholders(translated):
                problems.append(f"{where}: placeholders differ in {singular[:60]!r}")
    assert count > 300  # the extraction found the code's texts at all
    assert problems == [], "\n".join(problems)


def test_the_catalogue_passes_babels_checks() -> None:
    # What `pybabel compile` checks, e.g. a msgid Babel takes for %-formatting ("90 % in").
    problems = [(entry.id, errors) for entry, errors in catalogue().check()]
    assert problems == []


def test_the_committed_mo_is_what_the_po_compiles_to() -> None:
    compiled = io.BytesIO()
    write_mo(compiled, catalogue(), use_fuzzy=False)
    compiled.seek(0)
    fresh = gettext.GNUTranslations(compiled)
    with MO.open("rb") as handle:
        committed = gettext.GNUTranslations(handle)
    # Compare what gettext reads, not bytes: Babel releases may lay the file out differently.
    assert committed._catalog == fresh._catalog, "compile: see docs/translations.md"  # type: ignore[attr-defined]


def test_a_text_is_english_in_the_code_and_swedish_from_the_catalogue() -> None:
    assert translate(MESSAGES["path-missing"], "en", path="x") == "The path x does not exist."
    assert translate(MESSAGES["path-missing"], "sv", path="x") == "Sökvägen x finns inte."
    assert message("no-such-key", "sv") == "no-such-key"


def test_a_context_keeps_apart_texts_that_share_their_english() -> None:
    assert Labels("en").owner == Labels("en").work_plan_owner == "Owner"
    assert Labels("sv").owner != Labels("sv").work_plan_owner
    assert translate(NC_("nowhere", "Owner"), "en") == "Owner"


def test_a_value_a_check_gives_per_language_is_picked_for_its_language() -> None:
    text = N_("{kind} is missing")
    assert translate(text, "en", kind="mål", kind_en="goal") == "goal is missing"
    assert translate(text, "sv", kind="mål", kind_en="goal") == "mål is missing"


def test_every_text_in_the_code_is_one_msgid_not_a_pair_of_languages() -> None:
    tables = [MESSAGES, TEXTS, CATEGORY_NAMES, MISSION_SOURCES, DOCUMENT_TYPES, ADVICE]
    pairs = [key for table in tables for key, text in table.items() if not isinstance(text, str)]
    for rule in ALL_RULES:
        texts = {"summary": rule.summary, "message": rule.message, "doc": rule.doc}
        pairs += [
            f"{rule.code} {name}" for name, text in texts.items() if not isinstance(text, str)
        ]
    assert pairs == []


def test_every_rule_is_documented_in_both_languages() -> None:
    for rule in ALL_RULES:
        swedish, english = rule.doc_in("sv"), rule.doc_in("en")
        assert swedish.strip() and english.strip(), rule.code
        assert swedish != english, f"{rule.code}: the documentation has no Swedish"
        assert rule.summary_in("sv") and rule.summary_in("en"), rule.code


def test_severity_names_are_swedish_everywhere_in_swedish(run_cli: Run, blank_repo: Path) -> None:
    warning = severity_name(Severity.WARNING, "sv")
    assert warning != Severity.WARNING.label
    listing = run_cli("rules").out
    g001 = next(line for line in listing.splitlines() if line.startswith("G001"))
    assert f" {warning} " in g001 and " warning " not in g001
    assert f"({warning})" in run_cli("rule", "G001").out.splitlines()[0]
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0126")
    text = run_cli("lint", blank_repo).out
    assert f" {severity_name(Severity.ERROR, 'sv')} " in text
    machine = run_cli("lint", "--format", "json", blank_repo).out
    assert '"severity": "error"' in machine  # machine formats keep machine values
    english = run_cli("rules", "--lang", "en").out
    assert " warning " in next(line for line in english.splitlines() if line.startswith("G001"))


def test_rule_output_headings_follow_the_language(run_cli: Run) -> None:
    swedish = run_cli("rule", "G001").out
    english = run_cli("rule", "G001", "--lang", "en").out
    assert translate(N_("Options:"), "sv") in swedish and "Options:" not in swedish
    assert "Options:" in english
    assert BY_CODE["G001"].doc_in("sv").strip() in swedish


# ---------------------------------------------------------------- the language of a run


@pytest.mark.parametrize(
    ("arguments", "expected"),
    [
        (["lint", "--lang", "en"], "en"),
        (["--lang=sv", "lint"], "sv"),
        (["lint", "--", "--lang", "en"], None),
        (["lint"], None),
    ],
)
def test_the_language_is_read_from_the_command_line(
    arguments: list[str], expected: str | None
) -> None:
    assert i18n.language_from_arguments(arguments) == expected


def test_styr_lang_chooses_english_and_lang_overrides_it(
    run_cli: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STYR_LANG", "en")
    assert run_cli("rule", "NO-SUCH").err.startswith("styr: There is no rule")
    assert run_cli("rule", "NO-SUCH", "--lang", "sv").err.startswith("styr: Det finns ingen regel")
    monkeypatch.setenv("STYR_LANG", "fi")
    result = run_cli("rules")
    assert result.code == 2 and "fi" in result.err


def test_the_manifest_language_counts_unless_the_run_says_otherwise(
    run_cli: Run, blank_repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    replace_in(blank_repo / "styr.yaml", "language: sv", "language: en")
    replace_in(blank_repo / "styr.yaml", 'code: "0999"', "code: 0126")
    assert "error" in run_cli("lint", blank_repo).out
    monkeypatch.setenv("STYR_LANG", "sv")
    assert f" {severity_name(Severity.ERROR, 'sv')} " in run_cli("lint", blank_repo).out


def test_styr_version_does_not_load_the_catalogue() -> None:
    code = (
        "import sys; sys.argv = ['styr', '--version']\n"
        "from styr.entry import main; main()\n"
        "print(sorted({'styr.i18n', 'gettext', 'babel'} & set(sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.splitlines()[-1] == "[]"


# ---------------------------------------------------------------- --help


def command_paths() -> list[tuple[str, ...]]:
    """Every command and subcommand of `styr`, as the words that reach it."""
    paths: list[tuple[str, ...]] = [()]

    def walk(command: click.Command, prefix: tuple[str, ...]) -> None:
        if isinstance(command, click.Group):
            for name, child in command.commands.items():
                paths.append((*prefix, name))
                walk(child, (*prefix, name))

    walk(typer.main.get_command(app), ())
    return paths


def translated_pairs() -> list[tuple[str, str]]:
    """(English, Swedish) of the catalogue's sentences whose Swedish differs."""
    pairs = []
    for entry in catalogue():
        if not isinstance(entry.id, str) or not entry.id or not isinstance(entry.string, str):
            continue
        english, swedish = one_line(entry.id), one_line(entry.string)
        if english != swedish and len(english) >= 12 and " " in english:
            pairs.append((english, swedish))
    return pairs


@pytest.mark.parametrize("path", command_paths(), ids=lambda path: " ".join(path) or "styr")
def test_help_in_swedish_has_no_english(run_cli: Run, path: tuple[str, ...]) -> None:
    result = run_cli(*path, "--help")
    assert result.code == 0, result.err
    text = one_line(result.out)
    for english in CLICK_ENGLISH:
        assert english not in text, (english, result.out)
    for english, _swedish in translated_pairs():
        assert english not in text, (english, result.out)
    assert "\\[" not in text  # typer's escaping for rich must not show


def help_texts(command: click.Command) -> Iterator[tuple[str, str]]:
    yield command.name or "styr", command.help or ""
    for parameter in command.params:
        yield f"{command.name} {parameter.name}", getattr(parameter, "help", None) or ""
    if isinstance(command, click.Group):
        for child in command.commands.values():
            yield from help_texts(child)


def test_every_help_text_is_a_msgid_of_the_catalogue() -> None:
    # A help= written straight in Swedish (or English nobody translated) would show the
    # same in both languages: each must be marked and have its Swedish.
    missing = [
        (where, text)
        for where, text in help_texts(typer.main.get_command(app))
        if text and not (catalogue().get(str(text)) and catalogue()[str(text)].string)
    ]
    assert missing == []


def styr_in_a_new_process(*arguments: str, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "styr", *arguments],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return one_line(done.stdout)


@pytest.mark.parametrize("path", command_paths(), ids=lambda path: " ".join(path) or "styr")
def test_help_in_english_on_request(run_cli: Run, path: tuple[str, ...]) -> None:
    english = one_line(run_cli("--lang", "en", *path, "--help").out)
    assert "Usage:" in english and "Show this message and exit." in english
    for _english, swedish in translated_pairs():
        assert swedish not in english, swedish


def test_the_installed_command_chooses_the_language_before_anything_else() -> None:
    english = styr_in_a_new_process("--lang", "en", "lint", "--help")
    assert "Usage:" in english and "Show this message and exit." in english
    assert styr_in_a_new_process("lint", "--help", env={"STYR_LANG": "en"}) == english
    swedish = styr_in_a_new_process("lint", "--help", env={"STYR_LANG": ""})
    assert "Usage:" not in swedish and "Show this message" not in swedish


def test_help_shows_defaults_unescaped_and_click_errors_in_swedish(run_cli: Run) -> None:
    text = one_line(run_cli("report", "--help").out)
    assert f"[{translate('default: {default}', 'sv', default='html')}]" in text
    result = run_cli("lint", "--jobs", "many")
    assert result.code == 2
    prefix = template("Invalid value for {param_hint}: {message}", "sv").split("{")[0]
    assert prefix in result.err and translate("integer", "sv") in result.err
    english = run_cli("lint", "--jobs", "many", "--lang", "en").err
    assert "integer" in english and translate("integer", "sv") not in english


def test_a_mistyped_command_gets_one_suggestion(run_cli: Run) -> None:
    result = run_cli("lnt")
    assert result.code == 2
    suggestion = template("Did you mean {possibility}?", "sv").split("{")[0]
    assert result.err.count(suggestion) == 1 and "'lint'" in result.err
    assert "Did you mean" not in result.err


def test_a_finding_is_rendered_in_both_languages() -> None:
    rule = BY_CODE["Y009"]
    finding = Finding(rule.code, rule.severity, None, 1, 1, (), {"value": "0126", "yaml11": 86})
    assert rule.render(finding, "sv") != rule.render(finding, "en")
    assert "0126" in rule.render(finding, "sv") and "0126" in rule.render(finding, "en")


def test_a_configuration_problem_is_told_in_the_language_of_the_run(
    run_cli: Run, blank_repo: Path
) -> None:
    manifest = blank_repo / "styr.yaml"
    manifest.write_text(
        manifest.read_text(encoding="utf-8") + "lint:\n  unknown_key: 1\n", encoding="utf-8"
    )
    swedish, english = run_cli("lint", blank_repo), run_cli("lint", blank_repo, "--lang", "en")
    assert swedish.code == english.code == 2
    assert (
        translate(N_("unknown key '{key}'; allowed: {allowed}"), "sv").split("'")[0] in swedish.err
    )
    assert "unknown key 'unknown_key'" in english.err


@pytest.mark.parametrize(
    ("what", "count", "language", "expected"),
    [
        ("warnings", 1, "sv", "1 varning"),
        ("warnings", 2, "sv", "2 varningar"),
        ("warnings", 0, "sv", "0 varningar"),
        ("files", 1, "sv", "1 fil"),
        ("files", 21, "sv", "21 filer"),
        ("repositories", 1, "sv", "1 repositorium"),
        ("repositories", 3, "sv", "3 repositorier"),
        ("errors", 1, "sv", "1 fel"),
        ("files", 1, "en", "1 file"),
        ("repositories", 2, "en", "2 repositories"),
    ],
)
def test_a_number_takes_the_form_of_its_noun(
    what: str, count: int, language: str, expected: str
) -> None:
    assert counted(what, count, language) == expected


def test_the_lint_summary_says_one_repository_in_the_singular() -> None:
    from styr.lint import lint_paths
    from styr.output.text import render

    text = render(lint_paths([ROOT / "examples" / "huddinge"]), "sv")
    assert text.strip().endswith("filer (1 repositorium).")


# --- No placeholder ever reaches a reader unfilled ------------------------------------------


def test_a_placeholder_the_caller_leaves_out_shows_as_an_ellipsis_never_raw() -> None:
    text = N_("The configuration in {path} cannot be used: {problem}.")
    for language in ("sv", "en"):
        shown = translate(text, language, path="styr.yaml")
        assert "{" not in shown and "styr.yaml" in shown and UNFILLED in shown
        assert "{" not in translate(text, language)


def test_braces_that_are_no_placeholder_stay_as_written() -> None:
    example = "targets: [{year: 2026, value: 80}], period: {start, end}, {0} { }"
    assert fill(example, {"year": 1, "start": 2}) == example
    assert fill("{count} mål av {total}", {"count": 3, "total": 2.5}) == "3 mål av 2.5"


def test_a_finding_without_its_parameters_renders_without_a_placeholder() -> None:
    for rule in BY_CODE.values():
        finding = rule.at(Path("x.yaml"), 1, 1)
        for language in ("sv", "en"):
            assert "{" not in rule.render(finding, language), (rule.code, language)


def _text_of_call(node: ast.Call, name: str) -> str | None:
    """The marked text a call of `name` fills, when the code names it by a literal."""
    first = node.args[0] if node.args else None
    if name in KEYED_CALLS and isinstance(first, ast.Constant) and isinstance(first.value, str):
        return MESSAGES.get(first.value)
    if (
        name == "translate"
        and isinstance(first, ast.Call)
        and getattr(first.func, "id", "") == "N_"
    ):
        marked = first.args[0]
        return marked.value if isinstance(marked, ast.Constant) else None
    return None


# The calls that name a CLI message by its key (TemplateLimit's messages get the template's
# name where the report names the template, so they are left out).
KEYED_CALLS = frozenset({"UsageError", "ConfigError", "StyrError", "message"})


def test_every_call_that_names_a_text_gives_each_of_its_placeholders() -> None:
    missing = []
    for path in sorted(Path(styr.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or any(k.arg is None for k in node.keywords):
                continue  # a call passing **params is checked where the params are made
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", "")
            text = _text_of_call(node, name)
            given = {keyword.arg for keyword in node.keywords}
            if text is not None and placeholders(text) - given:
                missing.append(f"{path.name}:{node.lineno} {sorted(placeholders(text) - given)}")
    assert missing == []
