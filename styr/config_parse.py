"""What a lint configuration's settings may be: `select`, `ignore`, `severity`, `options`.

A setting that names no rule, is of the wrong shape or gives a rule an option
it does not have is a configuration error that says which setting and why;
the values of a rule's options are checked by `styr.config_options`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.config import KEYS, LintConfig, matches
from styr.config_options import check_option, check_order, check_range
from styr.errors import ConfigError
from styr.findings import Severity
from styr.i18n import N_, both_languages

if TYPE_CHECKING:
    from styr.rules.base import Rule


def parse_config(data: Any, source: Path, rules: tuple[Rule, ...]) -> LintConfig:
    if data is None:
        return LintConfig(source=source)
    if not isinstance(data, dict):
        raise invalid(source, N_("lint: must be a mapping"))
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise invalid(
            source,
            N_("unknown key '{key}'; allowed: {allowed}"),
            key=unknown[0],
            allowed=", ".join(KEYS),
        )
    config = LintConfig(source=source)
    config.select = _selectors(data.get("select", ["ALL"]), "select", source, rules)
    config.ignore = _selectors(data.get("ignore", []), "ignore", source, rules)
    per_path = data.get("per_path_ignores", {})
    if not isinstance(per_path, dict):
        raise _not_a_mapping(source, "per_path_ignores")
    config.per_path_ignores = {
        str(pattern): _selectors(selectors, f"per_path_ignores.{pattern}", source, rules)
        for pattern, selectors in per_path.items()
    }
    config.severity = _severities(data.get("severity", {}), source, rules)
    config.options = _options(data.get("options", {}), source, rules)
    if "fail_on" in data:
        config.fail_on = _severity(data["fail_on"], "fail_on", source)
    return config


def invalid(source: Path, problem: str, /, **params: Any) -> ConfigError:
    """The configuration cannot be used: `problem` (a marked text) says why."""
    return ConfigError(
        "config-invalid", path=str(source), **both_languages("problem", problem, **params)
    )


def _not_a_mapping(source: Path, key: str) -> ConfigError:
    """The setting `key` is not a mapping (`options.too-many-goals: 3`)."""
    return invalid(source, N_("{key}: a mapping"), key=key)


def _selectors(value: Any, key: str, source: Path, rules: tuple[Rule, ...]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise invalid(source, N_("{key}: a list of codes"), key=key)
    for selector in value:
        if not any(matches(selector, rule) for rule in rules):
            raise ConfigError("config-unknown-rule", path=str(source), setting=key, name=selector)
    return list(value)


def _find(name: str, key: str, source: Path, rules: tuple[Rule, ...]) -> Rule:
    for rule in rules:
        if name.upper() == rule.code or name.lower() == rule.name:
            return rule
    raise ConfigError("config-unknown-rule", path=str(source), setting=key, name=name)


def _severities(value: Any, source: Path, rules: tuple[Rule, ...]) -> dict[str, Severity]:
    if not isinstance(value, dict):
        raise _not_a_mapping(source, "severity")
    result = {}
    for name, level in value.items():
        rule = _find(str(name), "severity", source, rules)
        result[rule.code] = _severity(level, f"severity.{name}", source)
    return result


def _severity(value: Any, key: str, source: Path) -> Severity:
    try:
        return Severity.parse(str(value))
    except ValueError:
        raise invalid(source, N_("{key}: error, warning or info"), key=key) from None


def _options(value: Any, source: Path, rules: tuple[Rule, ...]) -> dict[str, dict[str, Any]]:
    if not isinstance(value, dict):
        raise _not_a_mapping(source, "options")
    result: dict[str, dict[str, Any]] = {}
    for name, given in value.items():
        rule = _find(str(name), "options", source, rules)
        if not isinstance(given, dict):
            raise _not_a_mapping(source, f"options.{name}")
        unknown = sorted(set(given) - set(rule.options))
        if unknown:
            raise invalid(
                source,
                N_("options.{name}: unknown option '{option}' (known: {known})"),
                name=name,
                option=unknown[0],
                known=", ".join(rule.options) or "–",
            )
        for key, chosen in given.items():
            check_option(f"options.{name}.{key}", chosen, rule.options[key], source)
            check_range(f"options.{name}.{key}", chosen, rule.option_range.get(key), source)
        check_order(name, rule.options | given, rule.option_order, source)
        result[rule.code] = dict(given)
    return result
