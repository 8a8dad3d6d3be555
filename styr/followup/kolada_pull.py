"""`styr kolada pull`: outcomes from Kolada written into a follow-up file, by round-trip editing.

The file is edited with ruamel.yaml so that comments, order and quoting that
planners wrote stay as they were (the merging is styr.followup.kolada_merge's).
A value typed by hand (any `source` other than Kolada) is never overwritten
unless asked. A value fetched from Kolada before is the pull's own wherever it
is written: one in another follow-up file of the repository
(`uppfoljning/2024.yaml`) is updated there, its revision recorded, rather than
kept as if typed by hand. Every file is written after every fetch has
succeeded, all of them or none. The whole fetch has a time limit (`timeout`, seconds).
"""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from styr.editor import SCHEMA_FOLDER, with_modeline
from styr.errors import UsageError
from styr.files import AsRead, write_atomic
from styr.files_many import write_files
from styr.findings import Finding
from styr.followup.evaluate import read_outcomes
from styr.followup.kolada_merge import merge, update_in_place
from styr.followup.kolada_revisions import Revision, is_kolada_source
from styr.kolada import fetch_outcomes
from styr.kolada.session import run_time_limit
from styr.load import limits, parse_document
from styr.load.access import Refused, read_inside
from styr.messages import message
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository
from styr.rules.catalogue import BY_CODE
from styr.schema_validators import SCHEMA_SUFFIX

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
    limit = run_time_limit(timeout)
    root = find_repositories([path])[0]
    repository = load_repository(root)
    code = repository.municipality_code
    indicators = _kolada_indicators(build_index(repository))
    if not indicators:
        raise UsageError("kolada-no-indicators", path=str(root))
    target = _target_file(root, file)
    new = not target.exists()
    # Fail on an unusable file before fetching anything.
    document, as_read = read_follow_up(root, target)
    elsewhere, owned = _reported_elsewhere(repository, target)
    others = {
        path: read_follow_up(root, path)
        for path in _files_with_kolada_values(repository, target, indicators, years)
    }
    outcomes = fetch_outcomes(
        sorted(indicators), code or "", years, base_url=base_url, total_timeout=limit
    )
    fetched_on = (today or date.today()).isoformat()
    merged = merge(document, outcomes, indicators, overwrite, fetched_on, elsewhere, set(owned))
    writes: dict[Path, tuple[str, AsRead]] = {}
    for path, (other, other_as_read) in others.items():
        updated = update_in_place(other, outcomes, indicators, fetched_on)
        if updated.updated or updated.unchanged:  # fetched again: its fetched_on is new
            merged.absorb(updated)
            writes[path] = (dump_round_trip(other), other_as_read)
    if not (new and writes and merged.added == 0):  # no empty new file beside the updated ones
        text = dump_round_trip(document)
        writes[target] = (with_schema_modeline(root, target, text) if new else text, as_read)
    _write_all(root, writes)
    written = sorted(writes, key=lambda path: path != target)  # the pull's own file first
    return {
        "file": ", ".join(str(path) for path in written),
        "files": [str(path) for path in written],
        "fetched": len(outcomes),
        **merged.counts(),
        "revised": len(merged.revisions),
        "revisions": merged.revisions,
    }


def _write_all(root: Path, writes: dict[Path, tuple[str, AsRead]]) -> None:
    """Write every file the pull changed: all of them or none.

    The fetch can take minutes: a file a planner saved meanwhile is never
    overwritten (`file-changed-since-read`), and then no file is written.
    """
    if len(writes) == 1:
        ((path, (text, as_read)),) = writes.items()
        write_atomic(path, text, unchanged_since=as_read)
        return
    for path, (_, as_read) in writes.items():
        if _bytes_now(path) != as_read.data:
            raise UsageError("file-changed-since-read", path=str(path))
    base = root.resolve()
    relative = {
        path.resolve().relative_to(base).as_posix(): text for path, (text, _) in writes.items()
    }
    write_files(base, relative, overwrite=True)


def _bytes_now(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None


# The line of the pull's summary for a revised figure, by the figure.
_REVISED_LINES = {
    "value": "kolada-revised-value",
    "women": "kolada-revised-women",
    "men": "kolada-revised-men",
}


def revision_lines(revisions: list[Revision], language: str) -> list[str]:
    """The pull's summary of the values Kolada revised: a heading and one line each ([] if none)."""
    from styr.report.formatting import number

    if not revisions:
        return []
    lines = [message("kolada-revised", language, revised=len(revisions))]
    for revision in revisions:
        line = message(
            _REVISED_LINES[revision.field],
            language,
            indicator=revision.indicator,
            period=revision.period,
            old=number(revision.old, language),
            new=number(revision.new, language),
        )
        if revision.old_fetched_on:
            fetched = message("kolada-revised-fetched", language, date=revision.old_fetched_on)
            line = f"{line} {fetched}"
        lines.append(line)
    return lines


def _reported_elsewhere(
    repository: Repository, target: Path
) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(indicator, period) of the outcomes in the repository's other follow-up files:
    those typed by hand, and those from Kolada (`source: Kolada`).

    A second outcome beside one of these would be a duplicate (F005) that status
    silently ignores. One typed by hand is kept as it is; one from Kolada is
    the pull's own, updated where it is written (`update_in_place`).
    """
    own = target.resolve()
    by_hand: set[tuple[str, str]] = set()
    from_kolada: set[tuple[str, str]] = set()
    for outcome in read_outcomes(repository)[0]:
        if outcome.document.file.resolve() != own:
            found = from_kolada if is_kolada_source(outcome.source) else by_hand
            found.add((outcome.indicator, outcome.period.text))
    return by_hand - from_kolada, from_kolada


def _files_with_kolada_values(
    repository: Repository, target: Path, indicators: dict[str, list[str]], years: list[int]
) -> list[Path]:
    """The other follow-up files holding a value from Kolada that this pull fetches again."""
    own = target.resolve()
    wanted = {ids for ids_of_kpi in indicators.values() for ids in ids_of_kpi}
    periods = {str(year) for year in years}
    files = {
        outcome.document.file
        for outcome in read_outcomes(repository)[0]
        if outcome.indicator in wanted
        and outcome.period.text in periods
        and is_kolada_source(outcome.source)
        and outcome.document.file.resolve() != own
    }
    return sorted(files)


def _kolada_indicators(index: Any) -> dict[str, list[str]]:
    """Kolada KPI id → the ids of the indicators that name it."""
    found: dict[str, list[str]] = {}
    for element in index.of_category("indicator"):
        kpi = element.data.get("kolada")
        if isinstance(kpi, str) and _KPI.match(kpi) and element.id:
            found.setdefault(kpi, []).append(element.id)
    return found


def _target_file(root: Path, file: Path | None) -> Path:
    if file == Path("-"):
        # The pull merges into a file it reads first: standard output cannot be that file.
        raise UsageError("kolada-file-stdout")
    target = root / (file or DEFAULT_FILE) if file is None or not file.is_absolute() else file
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError("kolada-file-outside", path=str(target)) from None
    return target


def round_trip_yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: keeps comments, order and quoting
    yaml.preserve_quotes = True
    yaml.width = 4096  # a long line a planner wrote is never folded onto two
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def read_follow_up(root: Path, target: Path) -> tuple[Any, AsRead]:
    """The follow-up file to merge into, as ruamel's round-trip tree (a new one if none),
    and the bytes it was read from (so that the write can tell whether it changed since).

    The file is read as every repository file is (`styr.load.access`: no FIFO,
    no link out of the repository, a size cap) and checked by styr's own
    loader first, so that a broken file is reported in Swedish at its line and
    column, as `styr lint` reports it, and not in the round-trip parser's English.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if not target.exists():
        document = CommentedMap()
        document["kind"] = "follow_up"
        document["title"] = "Utfall från Kolada"
        document["outcomes"] = CommentedSeq()
        return document, AsRead(None)
    try:
        raw = read_inside(root, target, max_bytes=limits.MAX_FILE_BYTES)
    except Refused as refused:
        raise _unusable(target, refused.reason("sv"), refused.reason("en")) from None
    checked = parse_document(target, raw)
    if checked.failure is not None or checked.text is None:
        raise _broken(target, checked.failure)
    try:
        document = round_trip_yaml().load(checked.text)
    except Exception:  # styr's loader took it; the round-trip parser is stricter still
        raise _unusable(target, *_both("kolada-problem-yaml")) from None
    if not isinstance(document, dict) or document.get("kind") != "follow_up":
        raise _unusable(target, *_both("kolada-problem-not-follow-up"))
    if document.get("outcomes") is None:
        document["outcomes"] = CommentedSeq()
    if not isinstance(document["outcomes"], list):
        raise _unusable(target, *_both("kolada-problem-outcomes"))
    return document, AsRead(raw)


def _both(key: str) -> tuple[str, str]:
    return message(key, "sv"), message(key, "en")


def _unusable(target: Path, swedish: str, english: str, where: str | None = None) -> UsageError:
    """The usage error for a follow-up file that cannot be merged into, the problem in both
    languages (`problem` and `problem_en`, as `styr.i18n.localised` picks them)."""
    return UsageError(
        "kolada-file-unusable",
        path=where or str(target),
        problem=swedish.rstrip("."),
        problem_en=english.rstrip("."),
    )


def _broken(target: Path, failure: Finding | None) -> UsageError:
    """The usage error for a file styr's loader could not read, with lint's own finding."""
    if failure is None:
        return _unusable(target, *_both("kolada-problem-yaml"))
    rule = BY_CODE[failure.code]
    where = f"{target}:{failure.line}:{failure.column}"
    return _unusable(target, rule.render(failure, "sv"), rule.render(failure, "en"), where)


def with_schema_modeline(root: Path, target: Path, text: str) -> str:
    """A new file's text with the modeline that gives it editor help, when the repository
    has its schema copy (`styr init`, `styr schema --export`) for it to point at."""
    if not (root / SCHEMA_FOLDER / f"follow_up{SCHEMA_SUFFIX}").is_file():
        return text
    relative = PurePosixPath(target.resolve().relative_to(root.resolve()).as_posix())
    return with_modeline(text, relative)


def dump_round_trip(document: Any) -> str:
    stream = io.StringIO()
    round_trip_yaml().dump(document, stream)
    return stream.getvalue()
