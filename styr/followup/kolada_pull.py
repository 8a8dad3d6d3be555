"""`styr kolada pull`: outcomes from Kolada written into a follow-up file, by round-trip editing.

The file is edited with ruamel.yaml so that comments, order and quoting that
planners wrote stay as they were (the merging is styr.followup.kolada_merge's).
A value typed by hand (any `source` other than Kolada) is never overwritten
unless asked; the whole file is written atomically, after every fetch has
succeeded, or not at all. The whole fetch has a time limit (`timeout`, seconds).
"""

from __future__ import annotations

import io
import math
import re
from datetime import date
from pathlib import Path
from typing import Any

from styr.errors import UsageError
from styr.files import write_atomic
from styr.followup.evaluate import read_outcomes
from styr.followup.kolada_merge import merge
from styr.kolada import fetch_outcomes
from styr.kolada.client import DEFAULT_TOTAL_TIMEOUT
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository

DEFAULT_FILE = Path("uppfoljning") / "kolada.yaml"
_YEARS = re.compile(r"([0-9]{4})(?:-([0-9]{4}))?\Z")
_KPI = re.compile(r"[NU][0-9]{5}\Z")


def parse_years(text: str) -> list[int]:
    """'2023,2024' or '2020-2024' (or both, comma-separated) as a sorted list of years."""
    years: set[int] = set()
    for part in (p.strip() for p in text.split(",")):
        match = _YEARS.match(part)
        if match is None:
            raise UsageError("bad-years", value=text)
        first, last = int(match[1]), int(match[2] or match[1])
        if last < first or last - first > 50:
            raise UsageError("bad-years", value=text)
        years.update(range(first, last + 1))
    return sorted(years)


def pull(
    path: Path,
    years: list[int],
    file: Path | None = None,
    *,
    overwrite: bool = False,
    base_url: str = "https://api.kolada.se/v3",
    today: date | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Fetch the repository's Kolada indicators for `years` and merge them into the file.

    `timeout` is the whole fetch's time limit in seconds, retries and waits
    included (DEFAULT_TOTAL_TIMEOUT when None).
    """
    limit = DEFAULT_TOTAL_TIMEOUT if timeout is None else timeout
    if not (math.isfinite(limit) and limit > 0):
        raise UsageError("kolada-bad-timeout", value=timeout)
    root = find_repositories([path])[0]
    repository = load_repository(root)
    code = repository.municipality_code
    indicators = _kolada_indicators(build_index(repository))
    if not indicators:
        raise UsageError("kolada-no-indicators", path=str(root))
    target = _target_file(root, file)
    document = _read(target)  # fail on an unusable file before fetching anything
    outcomes = fetch_outcomes(
        sorted(indicators), code or "", years, base_url=base_url, total_timeout=limit
    )
    fetched_on = (today or date.today()).isoformat()
    elsewhere = _reported_elsewhere(repository, target)
    counts = merge(document, outcomes, indicators, overwrite, fetched_on, elsewhere)
    write_atomic(target, _dump(document))
    return {"file": str(target), "fetched": len(outcomes), **counts}


def _reported_elsewhere(repository: Repository, target: Path) -> set[tuple[str, str]]:
    """(indicator, period) of the outcomes in the repository's other follow-up files.

    A second outcome beside one of these would be a duplicate (F005) that status
    silently ignores; it is kept as it is instead, like a value typed by hand.
    """
    own = target.resolve()
    return {
        (outcome.indicator, outcome.period.text)
        for outcome in read_outcomes(repository)[0]
        if outcome.document.file.resolve() != own
    }


def _kolada_indicators(index: Any) -> dict[str, list[str]]:
    """Kolada KPI id → the ids of the indicators that name it."""
    found: dict[str, list[str]] = {}
    for element in index.of_category("indicator"):
        kpi = element.data.get("kolada")
        if isinstance(kpi, str) and _KPI.match(kpi) and element.id:
            found.setdefault(kpi, []).append(element.id)
    return found


def _target_file(root: Path, file: Path | None) -> Path:
    target = root / (file or DEFAULT_FILE) if file is None or not file.is_absolute() else file
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError("kolada-file-outside", path=str(target)) from None
    return target


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: keeps comments, order and quoting
    yaml.preserve_quotes = True
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _read(target: Path) -> Any:
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not target.exists():
        document = CommentedMap()
        document["kind"] = "follow_up"
        document["title"] = "Utfall från Kolada"
        document["outcomes"] = CommentedSeq()
        return document
    try:
        document = _yaml().load(target.read_text(encoding="utf-8"))
    except Exception as error:
        raise UsageError("kolada-file-unusable", path=str(target), problem=str(error)) from None
    if not isinstance(document, dict) or document.get("kind") != "follow_up":
        problem = "inte en uppföljningsfil (kind: follow_up) / not a follow-up file"
        raise UsageError("kolada-file-unusable", path=str(target), problem=problem)
    if document.get("outcomes") is None:
        document["outcomes"] = CommentedSeq()
    if not isinstance(document["outcomes"], list):
        problem = "outcomes är inte en lista / outcomes is not a list"
        raise UsageError("kolada-file-unusable", path=str(target), problem=problem)
    return document


def _dump(document: Any) -> str:
    stream = io.StringIO()
    _yaml().dump(document, stream)
    return stream.getvalue()
