"""Goals per organisation, counted and limited as lint's G001 (too-many-goals) does."""

from __future__ import annotations

from styr.diff.changes import Change, ChangeKind
from styr.diff.places import Place, element_change
from styr.errors import ConfigError
from styr.model.index import Element
from styr.model.repository import Repository


def goal_count(organisation: Element) -> int:
    """The goals an organisation has, counted as G001 counts them (the entries under goals:)."""
    goals = organisation.data.get("goals")
    return len(goals) if isinstance(goals, list) else 0


def goal_limit(repository: Repository) -> int:
    """G001's limit as lint reads it for the repository: its configuration, or the rule's own."""
    from styr.config import LintConfig
    from styr.config_load import load_config
    from styr.rules import goal_count as rule
    from styr.rules.catalogue import ALL_RULES

    try:
        config = load_config(repository.root, repository.manifest.data, ALL_RULES)
    except ConfigError:  # lint's findings on both sides say what is wrong with it
        config = LintConfig()
    return int(config.options_of(rule.RULE)["max"])


def goal_count_change(before: int, organisation: Element, limit: int, where: Place) -> Change:
    count = goal_count(organisation)
    params = {"old": before, "new": count, "limit": limit, "over_limit": count > limit}
    return element_change(ChangeKind.GOAL_COUNT_CHANGED, organisation, where, params)
