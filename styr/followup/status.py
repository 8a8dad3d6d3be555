"""`styr status`: the follow-up of one or more repositories as rows, for a table or JSON."""

from __future__ import annotations

import io
from collections.abc import Callable, Generator, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from styr.cache import LintCache
from styr.collation import sort_key
from styr.errors import UsageError
from styr.escape import terminal
from styr.followup.evaluate import FollowUp, GoalResult, IndicatorResult, evaluate
from styr.followup.fulfilment import (
    SYMBOLS,
    Scale,
    Status,
    Trend,
    read_scale,
    shown_percent,
    trend_name,
)
from styr.followup.peers import peer_table
from styr.followup.periods import parse_period
from styr.followup.plain_table import table_pieces
from styr.followup.status_cells import CellTexts
from styr.followup.status_peers import peer_fields, peer_rows, peer_table_rich
from styr.followup.table_widths import column_widths
from styr.i18n import N_, translate
from styr.json_writing import json_pieces
from styr.lint import LintResult, load_and_lint
from styr.messages import message
from styr.model.index import Index, shared_index
from styr.model.repository import Repository, collector_paused, find_repositories
from styr.publishing import ERRORS_ONLY, check_publishable, error_count


@dataclass(slots=True)
class RepositoryStatus:
    repository: Repository
    scale: Scale
    follow_up: FollowUp
    errors: int = 0  # lint errors, followed up anyway (--allow-errors)
    council: tuple[str, str] = ("", "")  # the council's own organisation: id and name
    index: Index | None = None  # the model's elements, for the indicators outside the goals


def collect(
    paths: list[Path],
    period_text: str | None,
    *,
    allow_errors: bool = False,
    today: date | None = None,
    cache: LintCache | None = None,
) -> list[RepositoryStatus]:
    """The follow-up of every repository the paths name.

    The repositories are linted first: with errors, a goal, an indicator or
    an outcome may be missing without a word, so `ErrorsBlockPublishing` is
    raised unless `allow_errors` is set (the table then says so). With a
    `cache`, what `styr lint` has just checked is not checked again.
    """
    period = None
    if period_text is not None:
        period = parse_period(period_text)
        if period is None:
            raise UsageError("bad-period", value=period_text)
    day = today or date.today()
    roots = find_repositories(paths)
    loaded = [load_and_lint(root, day, cache, only=ERRORS_ONLY) for root in roots]
    repositories = [repository for repository, _ in loaded]
    linted = [result for _, result in loaded]
    check_publishable(LintResult(linted), allow_errors=allow_errors)
    statuses = []
    for repository, result in zip(repositories, linted, strict=True):
        index = shared_index(repository)  # the one the lint's guard built, when it ran
        scale = read_scale(repository.manifest_data.get("follow_up"))
        with collector_paused():  # what is judged lives until the status is written
            follow_up = evaluate(repository, index, scale, period)
        errors = error_count(LintResult([result]))
        statuses.append(
            RepositoryStatus(
                repository, scale, follow_up, errors, _council(repository, index), index
            )
        )
    return statuses


def _council(repository: Repository, index: Index) -> tuple[str, str]:
    """The organisation whose goals are the council's own: its type is at the model's top level.

    Without one (a model that gives the council no file), the municipality's
    name from the manifest stands for it.
    """
    model = repository.model
    for organisation in index.organisations:
        org_type = model.organisation_types.get(organisation.kind_name or "")
        if (
            org_type is not None
            and org_type.level is not None
            and org_type.level == model.top_level
        ):
            return organisation.id or "", organisation.title
    return "", repository.municipality_name


def rows(status: RepositoryStatus, language: str) -> list[dict[str, Any]]:
    """One row per indicator of every goal, with the goal's own status on each."""
    result = []
    council_id, council_name = status.council
    names = status.follow_up.organisation_names
    # Worded once per run, not once a row: a repository of 100,000 goals has six statuses.
    # An enum member's `value` is a property, and asked three times a row it was a tenth
    # of the rows' making.
    labels = {state: status.scale.label(state, language) for state in Status}
    states = {state: state.value for state in Status}
    trends = {change: (change.value, trend_name(change, language)) for change in Trend}
    owners: dict[str, str] = {}
    indicator_fields = _indicator_fields(status, labels, states, trends)
    for goal in _by_organisation(status):
        owner = goal.goal.owner or council_id  # the council's own goals have no owner
        owner_name = owners.get(owner)
        if owner_name is None:
            owner_name = owners[owner] = names.get(owner) or (
                council_name if owner == council_id else owner
            )
        goal_fields = {
            "organisation": owner,
            "organisation_name": owner_name,
            "goal_id": goal.goal.id,
            "goal": goal.goal.title,
            "goal_status": states[goal.status],
            "goal_status_label": labels[goal.status],
        }
        if not goal.indicators:  # a goal without indicators still shows
            result.append(goal_fields)
        for indicator in goal.indicators:
            result.append({**goal_fields, **indicator_fields(indicator)})
    return result


def _indicator_fields(
    status: RepositoryStatus,
    labels: dict[Status, str],
    states: dict[Status, str],
    trends: dict[Trend, tuple[str, str]],
) -> Callable[[IndicatorResult], dict[str, Any]]:
    """How an indicator's fields of a row are made, with what every row shares found once."""
    repository, period, scale = status.repository, status.follow_up.period, status.scale
    # Without a comparison file no indicator has peers: peer_fields would say None each time.
    compared = bool(peer_table(repository).values)

    def fields(indicator: IndicatorResult) -> dict[str, Any]:
        outcome = indicator.outcome
        element = indicator.indicator
        trend_value, trend_label = trends[indicator.trend]
        return {
            "indicator_id": element.id,
            "indicator": element.title,
            "unit": element.data.get("unit"),
            "outcome": outcome.value if outcome else None,
            "women": outcome.women if outcome else None,
            "men": outcome.men if outcome else None,
            # Kolada marks the value preliminary: the status can change with the final one.
            "preliminary": outcome is not None and outcome.preliminary,
            "target": indicator.target,
            "next_target": _next_target(indicator),
            # As printed: rounded so that it never contradicts the status.
            "fulfilment": shown_percent(indicator.percent, indicator.status, scale)
            if indicator.percent is not None
            else None,
            "status": states[indicator.status],
            "status_label": labels[indicator.status],
            "trend": trend_value,
            "trend_label": trend_label,
            # Beside other municipalities' values, where there is a comparison file.
            "peers": peer_fields(repository, element, period) if compared else None,
        }

    return fields


def _by_organisation(status: RepositoryStatus) -> list[GoalResult]:
    """The goals, the council's first, then by organisation in Swedish alphabetical order.

    Within an organisation the goals keep the order they are written in.
    """
    council_id, council_name = status.council
    names = status.follow_up.organisation_names
    # One key per organisation, not per goal: a board has many goals.
    keys: dict[str | None, tuple[bool, tuple[str, str]]] = {}

    def key(goal: GoalResult) -> tuple[bool, tuple[str, str]]:
        owner = goal.goal.owner
        found = keys.get(owner)
        if found is None:
            own = owner is None or owner == council_id
            name = council_name if own else names.get(owner or "", owner or "")
            found = keys[owner] = (not own, sort_key(name))
        return found

    return sorted(status.follow_up.goals, key=key)


def render_json(statuses: list[RepositoryStatus], language: str) -> Iterator[str]:
    """The follow-up as a JSON document, in pieces (`styr.json_writing`)."""
    document = [
        {
            "municipality": s.repository.municipality_name,
            "code": s.repository.municipality_code,
            "period": s.follow_up.period.text if s.follow_up.period else None,
            "errors": s.errors,  # lint errors, shown anyway with --allow-errors
            "rows": (listed := rows(s, language)),
            # Every indicator compared with other municipalities, the directions' too.
            "peers": peer_rows(s.repository, s.index, s.follow_up.period, listed),
            "by_area": {
                area: {
                    status.value: count
                    for status, count in sorted(counter.items(), key=lambda i: i[0].value)
                }
                for area, counter in sorted(s.follow_up.by_area.items())
            },
        }
        for s in statuses
    ]
    return json_pieces(document)


# Past this many rows the table is drawn line by line (plain_table), not by rich: rich
# takes about a millisecond a row, 40 seconds for 100,000 goals.
DRAWN_BY_RICH_UP_TO = 2000

_HEADINGS = (
    N_("Board/company"),
    N_("Goal"),
    N_("Indicator"),
    N_("Outcome"),
    N_("Target"),
    N_("Fulfilment"),
    N_("Status"),
    N_("Trend"),
    N_("Period"),
)


def render_table(
    statuses: list[RepositoryStatus], language: str, colour: bool, width: int = 100
) -> Iterator[str]:
    """The follow-up as tables `width` columns wide (the terminal's, as the CLI passes it),
    in pieces as they are drawn.

    A table of 100,000 goals is 40 MB of text: given as it is drawn, not copied
    into the buffer rich prints to and out of it again, which held it three times.
    """
    from rich.console import Console
    from rich.text import Text

    buffer = io.StringIO()
    console = Console(file=buffer, force_terminal=colour, no_color=not colour, width=max(width, 40))
    headings = [translate(heading, language) for heading in _HEADINGS]
    for status in statuses:
        if status.errors:
            notice = message("status-notice", language, count=status.errors)
            console.print(Text(notice, style="bold red"))
        period = status.follow_up.period.text if status.follow_up.period else "–"
        title = f"{terminal(status.repository.municipality_name)} – {headings[8]} {period}"
        compared_rows = yield from _print_goals(
            console, buffer, status, language, headings, title, colour
        )
        if compared_rows is None:  # an empty table says nothing: it said why instead
            continue
        compared = peer_table_rich(compared_rows, language, console.width)
        if compared is not None:
            console.print(compared)
        if status.follow_up.by_area:
            console.print(_area_table(status, language, console.width))
    yield buffer.getvalue()


def _print_goals(
    console: Any,
    buffer: io.StringIO,
    status: RepositoryStatus,
    language: str,
    headings: list[str],
    title: str,
    colour: bool,
) -> Generator[str, None, list[dict[str, Any]] | None]:
    """The table of a repository's goals, in pieces; then the rows of its comparison with
    other municipalities.

    None, and a sentence saying why, when there is nothing to show. Its rows
    and cells are let go when it returns: at 100,000 goals they are a few
    hundred MB.
    """
    from rich.table import Table
    from rich.text import Text

    listed = rows(status, language)
    texts = CellTexts(language)
    cells = [texts.cells(row) for row in listed]
    if not cells:
        key = "status-no-goals" if status.follow_up.period else "status-no-outcomes"
        console.print(message(key, language, name=status.repository.municipality_name))
        return None
    names: Sequence[str] = headings[:8]
    widths = column_widths(names, cells, console.width, text_columns=3)
    if widths is None:  # a narrow terminal: goal and indicator, figures, status and trend
        names = [translate(heading, language) for heading in _COMPACT_HEADINGS]
        cells = [_compact(line) for line in cells]
        widths = column_widths(names, cells, console.width, text_columns=2)
    if widths is not None and len(cells) > DRAWN_BY_RICH_UP_TO:
        yield buffer.getvalue()  # what rich has printed before it
        buffer.seek(0)
        buffer.truncate()
        yield from table_pieces(title, names, cells, widths, colour=colour)
    else:
        table = Table(title=Text(title))
        for position, heading in enumerate(names):
            # Without widths that fit (a very narrow terminal), rich shares what there is.
            column_width = widths[position] if widths else None
            table.add_column(heading, overflow="fold", width=column_width)
        for line in cells:
            table.add_row(*map(Text, line))  # text as written: never read as rich markup
        console.print(table)
    return peer_rows(status.repository, status.index, status.follow_up.period, listed)


_COMPACT_HEADINGS = (
    N_("Board/company"),
    N_("Goal and indicator"),
    N_("Outcome / target (fulfilment)"),
    N_("Status, trend"),
)


def _compact(cells: list[str]) -> list[str]:
    """The eight cells of a row as four, for a terminal too narrow for eight columns."""
    organisation, goal, indicator, outcome, target, fulfilment, state, trend = cells
    return [
        organisation,
        f"{goal}\n↳ {indicator}",
        f"{outcome} / {target} ({fulfilment})",
        f"{state}\n{trend}",
    ]


def _area_table(status: RepositoryStatus, language: str, width: int) -> Any:
    """The council-level view: how many goals under each area are in each status."""
    from rich.table import Table
    from rich.text import Text

    names = status.follow_up.area_names
    table = Table(title=translate(N_("Goals per area"), language))
    shown = (
        Status.MET,
        Status.PARTLY_MET,
        Status.NOT_MET,
        Status.NOT_FOLLOWED_UP,
        Status.NO_TARGET,
        Status.NO_INDICATOR,
    )
    headings = [translate(N_("Area"), language)]
    headings += [f"{SYMBOLS[state]} {status.scale.label(state, language)}" for state in shown]
    areas = sorted(status.follow_up.by_area.items(), key=lambda i: sort_key(names.get(i[0], i[0])))
    cells = [
        [terminal(names.get(area, area)), *(str(counts.get(state, 0)) for state in shown)]
        for area, counts in areas
    ]
    # Widths as the main table gets them: names wrap between words, never inside one.
    widths = column_widths(headings, cells, width, text_columns=1)
    for position, heading in enumerate(headings):
        table.add_column(
            heading,
            overflow="fold",
            justify="left" if position == 0 else "right",
            width=widths[position] if widths else None,
        )
    for line in cells:
        table.add_row(*map(Text, line))
    return table


def _next_target(indicator: IndicatorResult) -> dict[str, float | int] | None:
    if indicator.next_target is None:
        return None
    year, value = indicator.next_target
    return {"year": year, "value": value}
