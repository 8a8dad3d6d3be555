"""The rule catalogue as Markdown: what `docs/rules.md` is generated from."""

from __future__ import annotations

from styr.rules.catalogue import ALL_RULES


def rules_markdown() -> str:
    lines = [
        "# Rules",
        "",
        "Generated from the rules' own documentation by `styr rules --markdown`;",
        "do not edit by hand. `styr rule CODE` shows the same text in a terminal.",
        "",
        "| code | name | level | what it reports |",
        "| --- | --- | --- | --- |",
    ]
    for rule in ALL_RULES:
        lines.append(
            f"| [{rule.code}](#{rule.code.lower()}-{rule.name}) | `{rule.name}` "
            f"| {rule.severity.label} | {rule.summary['sv']} / {rule.summary['en']} |"
        )
    for rule in ALL_RULES:
        lines += ["", f"## {rule.code} {rule.name}", ""]
        lines.append(
            f"*{rule.summary['sv']}* — {rule.summary['en']}. Level: **{rule.severity.label}**."
        )
        if rule.options:
            options = ", ".join(
                f"`{key}` (default `{value}`)" for key, value in rule.options.items()
            )
            lines += ["", f"Options: {options}."]
        lines += ["", "```text", rule.doc.strip(), "```"]
    return "\n".join(lines) + "\n"
