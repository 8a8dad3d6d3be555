"""What changed in the comparison with other municipalities (the `peer_values` files).

Values are read as the report reads them (`styr.followup.peers.read_values`)
and matched by key figure, municipality and year. As for outcomes
(`styr.diff.outcomes`): a value added or removed is `outcome-added` or
`outcome-removed`, a value changed is `outcome-revised` (with `revised_by:
Kolada` when the new side records the old value under `revised:`, as `styr
kolada pull --peers` writes it), and Kolada's preliminary mark taken away or
given is the field `outcome.preliminary` changed. When a value was fetched is
no change: a new fetch of the same values changes nothing.

A change is about the comparison (category `peer_values`, or
`peer_values_country` for the whole country's value); its title is the
indicator's that has the key figure (the key figure's id without one), and
for another municipality's value its code.
"""

from __future__ import annotations

from collections.abc import Iterator

from styr.diff.changes import Change, ChangeKind
from styr.followup.kolada_revisions import KOLADA, PRELIMINARY
from styr.followup.peers import COUNTRY, PEER_VALUES, PeerValue, read_values
from styr.lint import relative_name
from styr.load import Document
from styr.model.index import Index
from styr.model.repository import Repository

PEERS = PEER_VALUES
PEERS_COUNTRY = "peer_values_country"

Key = tuple[str, str, int]  # key figure, municipality, year
_Placed = tuple[PeerValue, Document, int]  # the value, its file and its position there


def peer_changes(old: Repository, new: Repository, new_index: Index) -> list[Change]:
    """Comparison values added, removed, revised and made final between the two sides."""
    titles = _titles(new_index)
    before, after = _values(old), _values(new)
    changes: list[Change] = []
    for key, placed in after.items():
        was = before.get(key)
        if was is None:
            changes.append(_change(ChangeKind.OUTCOME_ADDED, placed, new, titles, new=_n(placed)))
            continue
        changes.extend(_compared(was[0], placed, new, titles))
    for key, placed in before.items():
        if key not in after:
            changes.append(_change(ChangeKind.OUTCOME_REMOVED, placed, old, titles, old=_n(placed)))
    return changes


def _compared(
    was: PeerValue, placed: _Placed, repository: Repository, titles: dict[str, str]
) -> Iterator[Change]:
    now = placed[0]
    if was.value != now.value:
        if was.value is None:
            yield _change(ChangeKind.OUTCOME_ADDED, placed, repository, titles, new=_n(placed))
        elif now.value is None:
            old = _number(was.value)
            yield _change(ChangeKind.OUTCOME_REMOVED, placed, repository, titles, old=old)
        else:
            by = {"revised_by": KOLADA} if any(e.value == was.value for e in now.revised) else {}
            yield _change(
                ChangeKind.OUTCOME_REVISED,
                placed,
                repository,
                titles,
                old=_number(was.value),
                new=_number(now.value),
                field="value",
                **by,
            )
    if was.preliminary != now.preliminary and now.value is not None:
        yield _change(
            ChangeKind.FIELD_CHANGED,
            placed,
            repository,
            titles,
            field=f"outcome.{PRELIMINARY}",
            old=True if was.preliminary else None,
            new=True if now.preliminary else None,
            value=_n(placed),
        )


def _values(repository: Repository) -> dict[Key, _Placed]:
    """Every comparison value of the side, the first of each key (lint's K020 reports others)."""
    found: dict[Key, _Placed] = {}
    for document in repository.documents:
        data = document.data
        if document.kind != PEER_VALUES or not isinstance(data, dict):
            continue
        figures = data.get("figures")
        for position, item in enumerate(figures if isinstance(figures, list) else []):
            for value in read_values([item]):
                found.setdefault(
                    (value.kpi, value.municipality, value.year), (value, document, position)
                )
    return found


def _titles(index: Index) -> dict[str, str]:
    """Key figure → the title of the first indicator that names it."""
    titles: dict[str, str] = {}
    for element in index.of_category("indicator"):
        kpi = element.data.get("kolada")
        if isinstance(kpi, str):
            titles.setdefault(kpi, element.title)
    return titles


def _number(value: float | None) -> float | int | None:
    # As written (80, not 80.0), so the sentence and the JSON show it so.
    if value is None:
        return None
    return int(value) if value.is_integer() else value


def _n(placed: _Placed) -> float | int | None:
    return _number(placed[0].value)


def _change(
    kind: ChangeKind,
    placed: _Placed,
    repository: Repository,
    titles: dict[str, str],
    **params: object,
) -> Change:
    value, document, position = placed
    line, column = document.locate(("figures", position))
    country = value.municipality == COUNTRY
    named = titles.get(value.kpi, value.kpi)
    return Change(
        kind=kind,
        category=PEERS_COUNTRY if country else PEERS,
        id=value.kpi,
        title=named if country else f"{named} ({value.municipality})",
        file=relative_name(repository, document.file),
        line=line,
        column=column,
        organisation=None,
        params={
            "kpi": value.kpi,
            "municipality": value.municipality,
            "period": str(value.year),
            **params,
        },
    )
