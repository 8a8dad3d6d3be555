"""The rule catalogue as people read it: `styr rules`, `styr rule CODE` and docs/rules.md."""

from __future__ import annotations

from styr.i18n import N_, translate
from styr.messages import severity_name
from styr.rules.base import Rule
from styr.rules.catalogue import ALL_RULES

OPTIONS_HEADING = N_("Options:")
OPTION_DEFAULT = N_("`{key}` (default `{value}`)")


def rules_list(language: str) -> str:
    """One line per rule: code, name, level and what it reports."""
    lines = [
        f"{rule.code}  {rule.name:<24} {severity_name(rule.severity, language):<8} "
        f"{rule.summary_in(language)}"
        for rule in ALL_RULES
    ]
    return "\n".join(lines) + "\n"


def rule_text(rule: Rule, language: str) -> str:
    """`styr rule CODE`: heading, summary, options and the documentation."""
    heading = f"{rule.code} {rule.name} ({severity_name(rule.severity, language)})"
    parts = [f"{heading}\n{rule.summary_in(language)}"]
    if rule.options:
        options = "".join(f"\n  {key} = {value!r}" for key, value in rule.options.items())
        parts.append(translate(OPTIONS_HEADING, language) + options)
    return "\n".join(parts) + "\n\n" + rule.doc_in(language).strip() + "\n"


def rules_markdown() -> str:
    """docs/rules.md: every rule in Swedish, then in English."""
    lines = [
        "# Regler / Rules",
        "",
        "Genererad ur reglernas egen dokumentation med `styr rules --markdown`; redigera",
        "inte för hand. `styr rule KOD` visar samma text i en terminal (`--lang en`",
        "på engelska).",
        "",
        "*Generated from the rules' own documentation by `styr rules --markdown`; do",
        "not edit by hand. `styr rule CODE --lang en` shows the same text in a terminal.*",
        "",
        "| kod | namn | nivå | vad regeln rapporterar / what it reports |",
        "| --- | --- | --- | --- |",
    ]
    for rule in ALL_RULES:
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` "
            f"| {severity_name(rule.severity, 'sv')} "
            f"| {rule.summary_in('sv')} / {rule.summary_in('en')} |"
        )
    for rule in ALL_RULES:
        lines += ["", f"## {rule.code} {rule.name}", ""]
        lines += _section(rule, "sv", "Nivå")
        lines += ["", "English:", ""]
        lines += _section(rule, "en", "Level")
    return "\n".join(lines) + "\n"


def _section(rule: Rule, language: str, level: str) -> list[str]:
    lines = [
        f"*{rule.summary_in(language)}*. {level}: **{severity_name(rule.severity, language)}**."
    ]
    if rule.options:
        options = ", ".join(
            translate(OPTION_DEFAULT, language, key=key, value=value)
            for key, value in rule.options.items()
        )
        lines += ["", f"{translate(OPTIONS_HEADING, language)} {options}."]
    lines += ["", "```text", rule.doc_in(language).strip(), "```"]
    return lines
