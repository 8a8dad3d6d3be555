"""The rule catalogue: every rule `styr lint` applies, by code and by name."""

from __future__ import annotations

from styr.rules import chain, loading, schema
from styr.rules.base import Rule

ALL_RULES: tuple[Rule, ...] = (*loading.RULES, *schema.RULES, *chain.RULES)
BY_CODE: dict[str, Rule] = {rule.code: rule for rule in ALL_RULES}
BY_NAME: dict[str, Rule] = {rule.name: rule for rule in ALL_RULES}


def find_rule(code_or_name: str) -> Rule | None:
    text = code_or_name.strip()
    return BY_CODE.get(text.upper()) or BY_NAME.get(text.lower())
