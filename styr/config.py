"""Lint configuration: from the manifest's `lint:` or `[tool.styr]` in pyproject.toml.

The closest configuration wins, whole: the manifest's `lint:` section (it sits
in the repository itself), else the nearest `pyproject.toml` with a
`[tool.styr]` table in the repository's folder or above. The two are not
merged, so what applies can always be read in one place.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.errors import ConfigError
from styr.findings import Finding, Severity
from styr.i18n import N_, both_languages, translate
from styr.load import limits
from styr.load.access import Refused, read_inside
from styr.record import Record

if TYPE_CHECKING:  # the rules (and what they import) only where a miss checks a repository
    from styr.rules.base import Rule

KEYS = ("select", "ignore", "per_path_ignores", "severity", "options", "fail_on")


class LintConfig(Record):
    """What a repository's `lint:` settings choose. Not a dataclass: see `styr.record`."""

    _fields = ("select", "ignore", "per_path_ignores", "severity", "options", "fail_on", "source")
    __slots__ = _fields

    def __init__(
        self,
        select: list[str] | None = None,
        ignore: list[str] | None = None,
        per_path_ignores: dict[str, list[str]] | None = None,
        severity: dict[str, Severity] | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        fail_on: Severity | None = None,
        source: Path | None = None,
    ) -> None:
        self.select: list[str] = ["ALL"] if select is None else select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.per_path_ignores: dict[str, list[str]] = (
            {} if per_path_ignores is None else per_path_ignores
        )
        self.severity: dict[str, Severity] = {} if severity is None else severity
        self.options: dict[str, dict[str, Any]] = {} if options is None else options
        self.fail_on = fail_on
        self.source = source

    def enabled(self, rule: Rule) -> bool:
        return any(_matches(s, rule) for s in self.select) and not any(
            _matches(s, rule) for s in self.ignore
        )

    def ignored_at(self, rule: Rule, relative: str) -> bool:
        return any(
            fnmatch.fnmatch(relative, pattern) and any(_matches(s, rule) for s in selectors)
            for pattern, selectors in self.per_path_ignores.items()
        )

    def severity_of(self, rule: Rule) -> Severity:
        return self.severity.get(rule.code) or self.severity.get(rule.name) or rule.severity

    def options_of(self, rule: Rule) -> dict[str, Any]:
        given = self.options.get(rule.code) or self.options.get(rule.name) or {}
        return {**rule.options, **given}

    def apply(self, finding: Finding, rule: Rule, relative: str) -> Finding | None:
        """The finding as configured, or None when configuration turns it off."""
        if not self.enabled(rule) or self.ignored_at(rule, relative):
            return None
        severity = self.severity_of(rule)
        if severity is finding.severity:
            return finding
        return Finding(
            finding.code,
            severity,
            finding.file,
            finding.line,
            finding.column,
            finding.path,
            finding.params,
        )


def _matches(selector: str, rule: Rule) -> bool:
    """A selector is ALL, a rule's code, its name, or a prefix of codes (G, G00)."""
    return (
        selector == "ALL"
        or selector.upper() == rule.code
        or selector.lower() == rule.name
        or (selector[:1].isalpha() and rule.code.startswith(selector.upper()))
    )


def load_config(repository_root: Path, manifest_data: Any, rules: tuple[Rule, ...]) -> LintConfig:
    """The configuration that applies to one repository."""
    if isinstance(manifest_data, dict) and "lint" in manifest_data:
        return parse_config(manifest_data["lint"], repository_root / "styr.yaml", rules)
    for folder in [repository_root.resolve(), *repository_root.resolve().parents]:
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _tool_styr(pyproject)
            if table is not None:
                return parse_config(table, pyproject, rules)
    return LintConfig()


def _tool_styr(pyproject: Path) -> dict[str, Any] | None:
    # Read as every file styr opens is (styr.load.access): a FIFO does not block
    # and the size is capped. The file's own folder is its root, since it may
    # stand above the repository.
    import tomllib  # here: a run answered from the lint cache reads no configuration

    try:
        raw = read_inside(pyproject.parent, pyproject, max_bytes=limits.MAX_FILE_BYTES)
    except Refused as refused:
        raise _unreadable(pyproject, refused.reason("sv"), refused.reason("en")) from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _unreadable(pyproject, *_both("config-not-utf8")) from None
    except tomllib.TOMLDecodeError as error:
        # tomllib's own text is English; only its place is kept.
        place = re.search(r"line (\d+), column (\d+)", str(error))
        where = f"{pyproject}:{place[1]}:{place[2]}" if place else str(pyproject)
        raise _unreadable(pyproject, *_both("config-not-toml"), where=where) from None
    except ValueError:
        # Python refuses to read an integer of more digits than it turns into a number.
        where = _line_of_long_number(pyproject, raw)
        raise _unreadable(pyproject, *_both("config-number-too-long"), where=where) from None
    except RecursionError:
        raise _unreadable(pyproject, *_both("config-too-deep")) from None
    return _styr_table(data, pyproject)


def _styr_table(data: dict[str, Any], pyproject: Path) -> dict[str, Any] | None:
    """`[tool.styr]`, None when there is none; a `tool` or `tool.styr` that is not a table
    is an error, since settings written there would otherwise be silently ignored."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise _invalid(pyproject, N_("'tool' must be a heading [tool] with settings below it"))
    table = tool.get("styr")
    if table is not None and not isinstance(table, dict):
        raise _invalid(
            pyproject,
            N_("'styr' under [tool] must be a heading [tool.styr] with settings below it"),
        )
    return table


# More digits than this in one number are more than Python reads (sys.int_info).
_DIGITS = re.compile(rb"[0-9_]{4301,}")


def _line_of_long_number(pyproject: Path, raw: bytes) -> str:
    """Where the first too long number stands, as `file:line` (the file when not found)."""
    found = _DIGITS.search(raw)
    if found is None:
        return str(pyproject)
    line = raw.count(b"\n", 0, found.start()) + 1
    return f"{pyproject}:{line}"


def _both(key: str) -> tuple[str, str]:
    from styr.messages import message  # the sentences only where a configuration is read

    return message(key, "sv"), message(key, "en")


def _unreadable(
    pyproject: Path, swedish: str, english: str, *, where: str | None = None
) -> ConfigError:
    return ConfigError(
        "config-unreadable", path=where or str(pyproject), reason=swedish, reason_en=english
    )


def parse_config(data: Any, source: Path, rules: tuple[Rule, ...]) -> LintConfig:
    if data is None:
        return LintConfig(source=source)
    if not isinstance(data, dict):
        raise _invalid(source, N_("lint: must be a mapping"))
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise _invalid(
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


def _invalid(source: Path, problem: str, /, **params: Any) -> ConfigError:
    """The configuration cannot be used: `problem` (a marked text) says why."""
    return ConfigError(
        "config-invalid", path=str(source), **both_languages("problem", problem, **params)
    )


def _not_a_mapping(source: Path, key: str) -> ConfigError:
    """The setting `key` is not a mapping (`options.too-many-goals: 3`)."""
    return _invalid(source, N_("{key}: a mapping"), key=key)


def _selectors(value: Any, key: str, source: Path, rules: tuple[Rule, ...]) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _invalid(source, N_("{key}: a list of codes"), key=key)
    for selector in value:
        if not any(_matches(selector, rule) for rule in rules):
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
        raise _invalid(source, N_("{key}: error, warning or info"), key=key) from None


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
            raise _invalid(
                source,
                N_("options.{name}: unknown option '{option}' (known: {known})"),
                name=name,
                option=unknown[0],
                known=", ".join(rule.options) or "–",
            )
        for key, chosen in given.items():
            _check_option(f"options.{name}.{key}", chosen, rule.options[key], source)
            _check_range(f"options.{name}.{key}", chosen, rule.option_range.get(key), source)
        _check_order(name, rule.options | given, rule.option_order, source)
        result[rule.code] = dict(given)
    return result


def _check_range(
    setting: str, value: Any, bounds: tuple[float | None, float | None] | None, source: Path
) -> None:
    """Refuse a number outside what the rule can use (`similarity: -5`, `max: -1`)."""
    if bounds is None or isinstance(value, bool) or not isinstance(value, int | float):
        return
    low, high = bounds
    if (low is None or value >= low) and (high is None or value <= high):
        return
    if high is None:
        wanted = N_("at least {low}")
    elif low is None:
        wanted = N_("at most {high}")
    else:
        wanted = N_("between {low} and {high}")
    raise ConfigError(
        "config-option-type",  # the same sentence: what it must be, and what it is
        path=str(source),
        setting=setting,
        **both_languages("expected", wanted, low=_shown(low), high=_shown(high)),
        actual=_described(value, "sv"),
        actual_en=_described(value, "en"),
    )


def _check_order(
    name: str, values: dict[str, Any], pairs: tuple[tuple[str, str], ...], source: Path
) -> None:
    """Refuse a lower limit above its upper one (`min_years: 5` with `max_years: 2`).

    The defaults count too: `min_years: 6` alone is above the default `max_years: 4`.
    """
    for lower, upper in pairs:
        if values[lower] > values[upper]:
            raise ConfigError(
                "config-option-order",
                path=str(source),
                lower=f"options.{name}.{lower}",
                upper=f"options.{name}.{upper}",
                low=_shown(values[lower]),
                high=_shown(values[upper]),
            )


def _shown(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _check_option(setting: str, value: Any, default: Any, source: Path) -> None:
    """Refuse an option whose value is not of the sort its default is (D18).

    The default says what a rule reads: a whole number (`max: 3`), a number
    (`similarity: 0.9`) or a list of words (`extra_groups: []`). A wrong sort
    would otherwise crash the rule or, worse, be accepted and mean nothing.
    """
    expected = _sort_of(default)
    if _fits(value, expected):
        return
    raise ConfigError(
        "config-option-type",
        path=str(source),
        setting=setting,
        expected=translate(_EXPECTED[expected], "sv"),
        expected_en=translate(_EXPECTED[expected], "en"),
        actual=_described(value, "sv"),
        actual_en=_described(value, "en"),
    )


def _sort_of(default: Any) -> str:
    if isinstance(default, bool):
        return "boolean"
    if isinstance(default, int):
        return "integer"
    if isinstance(default, float):
        return "number"
    if isinstance(default, list):
        return "words"
    return "text"


def _fits(value: Any, expected: str) -> bool:
    if expected == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool):  # YAML's true/false is never a number here
        return False
    if expected == "integer":
        return isinstance(value, int)
    if expected == "number":
        return isinstance(value, int | float)
    if expected == "words":
        return isinstance(value, list) and all(
            isinstance(item, str) and item.strip() for item in value
        )
    return isinstance(value, str)


_EXPECTED = {
    "boolean": N_("true or false"),
    "integer": N_("a whole number, for example 3"),
    "number": N_("a number, for example 0.9"),
    "words": N_("a list of words in square brackets, for example [pupils, users]"),
    "text": N_("a text"),
}


def _described(value: Any, language: str) -> str:
    """What the value is, as a planner reads it (never a Python repr)."""
    if value is None:
        return translate(N_("empty"), language)
    if isinstance(value, bool):
        return translate(N_("the truth value {value}"), language, value=str(value).lower())
    if isinstance(value, int | float):
        return translate(N_("the number {value}"), language, value=f"{value:g}")
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:40] + "…"
        return translate(N_('the text "{value}"'), language, value=shown)
    if isinstance(value, list):
        return translate(N_("a list of which not all are words"), language)
    if isinstance(value, dict):
        return translate(N_("a mapping (key: value)"), language)
    return translate(N_("something else"), language)
