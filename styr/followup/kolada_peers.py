"""`styr kolada pull --peers`: the same key figures for the peers, in a file of their own.

The manifest names the group (`peers:` in styr.yaml): a municipality group in
Kolada, or a list of municipality codes, and whether the whole country is
shown too. The municipality's own values are fetched with the group's, so
that a comparison always sets values fetched the same day side by side.

The file (`jamforelse/kolada.yaml`, kind `peer_values`) is machine-written,
one value a line, and written whole after every fetch has succeeded, or not
at all. Values of years not fetched this time are kept as they were, unless
the file held made-up example values (`illustrative: true`): those are never
mixed with Kolada's, so the file then holds only what this pull fetched. The
file's comments at its top (the editor's schema line among them) are kept.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path, PurePosixPath
from typing import Any

from styr.editor import PEER_FOLDER, SCHEMA_FOLDER, with_modeline
from styr.errors import UsageError
from styr.files import write_atomic
from styr.findings import Finding, Severity
from styr.followup.kolada_pull import _kolada_indicators  # the one reading of kolada: ids
from styr.followup.peer_file import earlier_file, kept_header
from styr.followup.peers import COUNTRY, PEER_VALUES, EarlierValue, PeerValue
from styr.i18n import N_, translate
from styr.kolada import Outcome, fetch_group, fetch_outcomes
from styr.kolada.session import run_time_limit
from styr.model.index import build_index
from styr.model.repository import Repository, find_repositories, load_repository
from styr.schema_validators import SCHEMA_SUFFIX

DEFAULT_PEER_FILE = Path(PEER_FOLDER) / "kolada.yaml"
TITLE = N_("Comparison with other municipalities, from Kolada")
HEADER = N_("Written by styr kolada pull --peers. Source: Kolada.")


@dataclass(frozen=True, slots=True)
class PeerGroup:
    """The manifest's comparison group: a Kolada group, or codes written out."""

    name: str
    kolada_group: str | None
    municipalities: tuple[str, ...]
    country: bool


def peer_group(manifest: dict[str, Any]) -> PeerGroup:
    """The group `peers:` in styr.yaml names; a usage error when it names none or both."""
    peers = manifest.get("peers")
    if not isinstance(peers, dict):
        raise UsageError("kolada-no-peers")
    group = peers.get("kolada_group")
    codes = peers.get("municipalities")
    group = group if isinstance(group, str) and group else None
    listed = tuple(c for c in codes if isinstance(c, str)) if isinstance(codes, list) else ()
    if group and listed:
        raise UsageError("kolada-peers-both")
    if not group and not listed:
        raise UsageError("kolada-no-peers")
    name = peers.get("name")
    return PeerGroup(
        name=name if isinstance(name, str) else "",
        kolada_group=group,
        municipalities=listed,
        country=peers.get("country") is not False,
    )


def pull_peers(
    path: Path,
    years: list[int],
    file: Path | None = None,
    *,
    base_url: str = "https://api.kolada.se/v3",
    today: date | None = None,
    timeout: float | None = None,
) -> dict[str, Any]:
    """Fetch the repository's Kolada key figures for itself, its peers and the country.

    `timeout` bounds the whole run (the group's members and the values), in seconds.
    """
    limit = run_time_limit(timeout)
    ends = time.monotonic() + limit
    root = find_repositories([path])[0]
    repository = load_repository(root)
    _refuse_errors_in_peers(repository, today or date.today())
    group = peer_group(repository.manifest_data)
    own = repository.municipality_code or ""
    kpis = sorted(_kolada_indicators(build_index(repository)))
    if not kpis:
        raise UsageError("kolada-no-indicators", path=str(root))
    target = _target_file(root, file)
    earlier = earlier_file(root, target)  # an unusable file stops us before fetching
    title, members = _members(group, own, base_url, limit)
    codes = [own, *members, *([COUNTRY] if group.country else [])]
    left = max(ends - time.monotonic(), 0.001)  # the group's look-up took its share
    outcomes = fetch_outcomes(kpis, codes, years, base_url=base_url, total_timeout=left)
    fetched_on = (today or date.today()).isoformat()
    fresh = [_peer_value(outcome, fetched_on) for outcome in outcomes if outcome.gender == "T"]
    # Made-up example values are never mixed with Kolada's: the file then holds this pull's.
    kept = [] if earlier.illustrative else earlier.values
    merged, revised = _merged(kept, fresh, set(years))
    text = render_peer_file(
        group,
        members,
        merged,
        repository.language or "sv",
        header=kept_header(earlier),
        title=title,
        # An example file's comments are about its made-up values, which are gone.
        line_comments={} if earlier.illustrative else earlier.line_comments,
    )
    if not target.exists() and (root / SCHEMA_FOLDER / f"{PEER_VALUES}{SCHEMA_SUFFIX}").is_file():
        relative = PurePosixPath(target.resolve().relative_to(root.resolve()).as_posix())
        text = with_modeline(text, relative)
    # The fetch can take minutes: a file changed meanwhile is never overwritten.
    write_atomic(target, text, unchanged_since=earlier.as_read)
    with_data = {v.municipality for v in fresh if v.value is not None and v.municipality in members}
    return {
        "file": str(target),
        "fetched": len(fresh),
        "members": len(members),
        "with_data": len(with_data),
        "country": group.country,
        "examples_removed": earlier.illustrative,
        "revised": revised,  # (as it was, as it is now) of each value Kolada changed
    }


def summary_lines(summary: dict[str, Any], language: str) -> list[str]:
    """What `styr kolada pull --peers` says it did: the country's values only when it asked."""
    from styr.messages import message
    from styr.plain_values import number

    key = "kolada-peers-pulled" if summary["country"] else "kolada-peers-pulled-no-country"
    lines = [message(key, language, **summary)]
    if summary["examples_removed"]:
        lines.append(message("kolada-peers-examples-replaced", language, file=summary["file"]))
    for before, now in summary["revised"]:
        lines.append(
            message(
                "kolada-peers-revised-country"
                if now.municipality == COUNTRY
                else "kolada-peers-revised",
                language,
                kpi=now.kpi,
                municipality=now.municipality,
                year=now.year,
                old=number(before.value, language),
                new=number(now.value, language),
            )
        )
    return lines


def _refuse_errors_in_peers(repository: Repository, today: date) -> None:
    """A usage error, before anything is asked of Kolada, when `styr lint` finds an error in
    `peers:` (`country: ja`, a malformed group): the pull would fetch another group than the
    one meant, or none."""
    from styr.lint import lint_repository

    manifest = repository.manifest.file
    for finding in sorted(lint_repository(repository, today=today).findings, key=_place):
        if (
            finding.severity >= Severity.ERROR
            and finding.file == manifest
            and finding.path[:1] == ("peers",)
        ):
            raise UsageError(
                "kolada-peers-invalid",
                line=finding.line,
                column=finding.column,
                code=finding.code,
            )


def _place(finding: Finding) -> tuple[int, int]:
    return finding.line, finding.column


def _members(group: PeerGroup, own: str, base_url: str, limit: float) -> tuple[str, list[str]]:
    """Kolada's title of the group ("" for codes written out) and its municipalities, the
    municipality itself left out."""
    title, members = "", list(group.municipalities)
    if group.kolada_group is not None:
        title, members = fetch_group(group.kolada_group, base_url=base_url, total_timeout=limit)
    return title, list(dict.fromkeys(code for code in members if code != own))


def _peer_value(outcome: Outcome, fetched_on: str) -> PeerValue:
    return PeerValue(
        kpi=outcome.kpi,
        municipality=outcome.municipality,
        year=outcome.year,
        value=outcome.value,
        preliminary=outcome.preliminary,
        fetched_on=fetched_on,
    )


def _merged(
    kept: Iterable[PeerValue], fresh: Iterable[PeerValue], years: set[int]
) -> tuple[list[PeerValue], list[tuple[PeerValue, PeerValue]]]:
    """The earlier pulls' values of other years, and this pull's, in a stable order.

    A value Kolada now gives differently keeps the earlier one under `revised:`
    (as the follow-up's pull does); one Kolada no longer gives is kept as it was.
    Also returned: each value revised, as it was and as it is now.
    """
    earlier = {(v.kpi, v.municipality, v.year): v for v in kept}
    values = {key: v for key, v in earlier.items() if v.year not in years}
    revised = []
    for value in fresh:
        key = (value.kpi, value.municipality, value.year)
        before = earlier.get(key)
        values[key] = _with_history(before, value)
        if before is not None and values[key].revised != before.revised:
            revised.append((before, values[key]))
    return [values[key] for key in sorted(values)], revised


def _with_history(before: PeerValue | None, now: PeerValue) -> PeerValue:
    if before is None:
        return now
    if now.value is None and before.value is not None:
        return before  # Kolada gave no value this time: the one fetched before stays
    history = before.revised
    if before.value is not None and now.value is not None and before.value != now.value:
        history = (*history, EarlierValue(before.value, before.fetched_on))
    return replace(now, revised=history)


def _target_file(root: Path, file: Path | None) -> Path:
    if file == Path("-"):
        raise UsageError("kolada-peers-file-stdout")
    target = file if file is not None and file.is_absolute() else root / (file or DEFAULT_PEER_FILE)
    try:
        target.resolve().relative_to(root.resolve())
    except ValueError:
        raise UsageError("kolada-file-outside", path=str(target)) from None
    return target


# --- the file's text -----------------------------------------------------------------------


def render_peer_file(
    group: PeerGroup,
    members: Sequence[str],
    values: Iterable[PeerValue],
    language: str,
    *,
    header: Sequence[str] = (),
    title: str = "",
    line_comments: Mapping[tuple[str, str, int], str] | None = None,
) -> str:
    """The comparison file: a header, the group as fetched, one value a line (flow style).

    `header` is the earlier file's top comments, kept; ours is added when they lack it.
    `title` is Kolada's name of the group, written when the manifest names it not.
    `line_comments` are the earlier file's comments after its values, kept by their values.
    """
    kept = line_comments or {}
    ours = f"# {translate(HEADER, language)}"
    lines = [
        *header,
        *([] if ours in header else [ours]),
        f"kind: {PEER_VALUES}",
        f"title: {_quoted(translate(TITLE, language))}",
        "group:",
    ]
    if group.name or title:
        lines.append(f"  name: {_quoted(group.name or title)}")
    if group.kolada_group:
        lines.append(f"  kolada_group: {_quoted(group.kolada_group)}")
    lines.append(f"  members: [{', '.join(map(_quoted, members))}]")
    rows = [
        _value_line(value, kept.get((value.kpi, value.municipality, value.year), ""))
        for value in values
    ]
    lines.extend(["figures:", *rows] if rows else ["figures: []"])
    return "\n".join(lines) + "\n"


def _value_line(value: PeerValue, comment: str = "") -> str:
    number = "null" if value.value is None else _number(value.value)
    parts = [
        f"kpi: {_quoted(value.kpi)}",
        f"municipality: {_quoted(value.municipality)}",
        f"year: {value.year}",
        f"value: {number}",
    ]
    if value.preliminary:
        parts.append("preliminary: true")
    if value.fetched_on:
        parts.append(f"fetched_on: {_quoted(value.fetched_on)}")
    if value.revised:
        parts.append(f"revised: [{', '.join(map(_earlier_record, value.revised))}]")
    line = f"  - {{{', '.join(parts)}}}"
    return f"{line}  {comment}" if comment else line


def _earlier_record(earlier: EarlierValue) -> str:
    fetched_on = f", fetched_on: {_quoted(earlier.fetched_on)}" if earlier.fetched_on else ""
    return f"{{value: {_number(earlier.value)}{fetched_on}}}"


def _number(value: float) -> str:
    # repr gives the shortest text that reads back as the same float; 85.0 as 85.
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar: codes keep their leading zeros.
    return json.dumps(text, ensure_ascii=False)
