"""Where a repository's lint configuration comes from: the manifest's `lint:` or pyproject.toml.

The closest configuration wins, whole: the manifest's `lint:` section (it sits
in the repository itself), else the nearest `pyproject.toml` with a
`[tool.styr]` table in the repository's folder or above. The two are not
merged, so what applies can always be read in one place. What the settings
may be is checked by `styr.config_parse`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from styr.config import LintConfig
from styr.config_parse import invalid, parse_config
from styr.errors import ConfigError
from styr.i18n import N_
from styr.load import limits
from styr.load.access import Refused, read_inside

if TYPE_CHECKING:
    from styr.rules.base import Rule


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
        raise invalid(pyproject, N_("'tool' must be a heading [tool] with settings below it"))
    table = tool.get("styr")
    if table is not None and not isinstance(table, dict):
        raise invalid(
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
