"""K020–K025: the comparison with other municipalities, its file and styr.yaml's `peers:`.

The comparison file (kind `peer_values`) is written by `styr kolada pull
--peers`; these rules catch what would change the comparison without a word:
a figure written twice, a key figure that is not Kolada's, a group that is no
longer the one styr.yaml asks for, a group of no one, and a value Kolada has
changed since it was fetched (as F006 does for the follow-up).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from styr.findings import Finding, Severity
from styr.followup.peers import COUNTRY, PEER_VALUES, read_values
from styr.i18n import N_, both_languages
from styr.kolada.group_id import is_group_id
from styr.load.document import Document
from styr.rules.base import Rule
from styr.rules.context import RuleContext
from styr.rules.references import is_kolada_id

REPEATED = Rule(
    code="K020",
    name="peer-value-repeated",
    severity=Severity.ERROR,
    summary=N_("A comparison value written twice"),
    message=N_(
        "{kpi} for municipality {municipality} in {year} is written twice in the comparison "
        "file (first on line {first_line}); the comparison uses only the last one, so the median "
        "can be wrong. Keep one of them."
    ),
    doc=N_("""Reports a value in the comparison file for a key figure, municipality and year that
the file already has.

Why: the comparison takes one value per key figure, municipality and year. With
two, the last one is used and the first is ignored without a word; the median
and the spread shift. `styr kolada pull --peers` never writes two: the second
was typed or copied by hand.

Failing example: two lines `{kpi: "N15428", municipality: "1380", year: 2025, …}`.
Instead: keep one, or run `styr kolada pull --peers` to fetch the values again.
"""),
)

NOT_A_KOLADA_ID = Rule(
    code="K021",
    name="peer-kpi-malformed",
    severity=Severity.ERROR,
    summary=N_("A comparison value for a malformed Kolada id"),
    message=N_(
        "'{value}' is not a Kolada id; they are a letter (N or U) and five digits, e.g. N15428. "
        "No indicator can be compared with this value."
    ),
    doc=N_("""Reports a value in the comparison file whose key figure is not a Kolada id (N or U
and five digits).

Why: the report compares an indicator with the values of its `kolada:` id. A
value under a malformed id is never shown, and the comparison of the key
figure meant lacks it.

Failing example: `{kpi: "n15428", municipality: "1380", year: 2025, value: 80}`.
Instead: `kpi: "N15428"`.
"""),
)

GROUP_CHANGED = Rule(
    code="K022",
    name="peer-group-changed",
    severity=Severity.WARNING,
    summary=N_("The comparison file is for another group than styr.yaml names"),
    message=N_(
        "The comparison file holds the values of {fetched}, but peers: in styr.yaml now names "
        "{asked}. The report compares with the old group until you run styr kolada pull --peers."
    ),
    doc=N_("""Reports a comparison file fetched for another group of municipalities than the one
`peers:` in styr.yaml names now.

Why: when the group is changed in styr.yaml, the report, the site and `styr
status` go on comparing with the municipalities the file was fetched for, and
nothing on the page says so. The file records the group it was fetched for
(`group:`), so the two can be compared.

Instead: run `styr kolada pull --peers` to fetch the values of the group
styr.yaml names, or change `peers:` back.
"""),
)

ONLY_ITSELF = Rule(
    code="K023",
    name="peers-only-itself",
    severity=Severity.ERROR,
    summary=N_("peers: names no other municipality"),
    message=N_(
        "peers.municipalities names only the municipality itself ({code}); there is no one to "
        "compare with. Add the codes of the municipalities to compare with, e.g. "
        '["0580", "1880"].'
    ),
    doc=N_("""Reports `peers.municipalities` in styr.yaml that names no municipality other than the
municipality itself.

Why: the municipality is never its own peer, so the comparison would have no
median, no spread and no municipality with a value.

Failing example: `municipalities: ["1283"]` in Helsingborg's styr.yaml.
Instead: `municipalities: ["1280", "1880", "0580"]`, or a municipality group
in Kolada (`kolada_group: G124026`).
"""),
)

NOT_A_GROUP_ID = Rule(
    code="K024",
    name="peer-group-malformed",
    severity=Severity.ERROR,
    summary=N_("Malformed Kolada municipality group"),
    message=N_(
        "'{value}' is not the id of a municipality group in Kolada; write it as Kolada does, a "
        "letter and digits, e.g. G124026. styr kolada pull --peers cannot fetch it."
    ),
    doc=N_("""Reports a `kolada_group` that is not written as Kolada's group ids are (a letter or
two and digits).

Why: `styr kolada pull --peers` asks Kolada for the group's municipalities by
the id; a malformed id fetches nothing.

Failing example: `kolada_group: liknande kommuner`.
Instead: `kolada_group: G124026` (Kolada's list of municipality groups gives
the ids).
"""),
)

REVISED = Rule(
    code="K025",
    name="peer-value-revised-by-kolada",
    severity=Severity.INFO,
    summary=N_("Kolada changed a comparison value fetched before"),
    message=N_(
        "Kolada changed {kpi} for {whose} in {year} from {old} to {new} (fetched "
        "{old_fetched_on} and {new_fetched_on}). The comparison shows the new value; a report "
        "published before shows the old one."
    ),
    doc=N_("""Reports a value in the comparison file that Kolada has changed since an earlier
fetch: another municipality's, the country's or the municipality's own.

Why: Kolada revises published values without notice. `styr kolada pull
--peers` writes the new value and keeps the old one under the value's
`revised:`, with when it was fetched. A median or a comparison published
before may now read differently; the finding says so, once, where the value
is.

It is information, not a fault. When the change has been looked at,
acknowledge it with a comment on the value's line, e.g. `# styr:
ignore[K025] Kolada rättade värdet`.

Example: `{kpi: "N15428", municipality: "1380", year: 2025, value: 82,
fetched_on: "2026-03-01", revised: [{value: 80, fetched_on: "2025-03-01"}]}`.
"""),
)

RULES = (REPEATED, NOT_A_KOLADA_ID, GROUP_CHANGED, ONLY_ITSELF, NOT_A_GROUP_ID, REVISED)

_GROUP_NAMED = N_("the municipality group {group} in Kolada")
_MUNICIPALITY = N_("municipality {code}")
_COUNTRY = N_("the whole country")
_EARLIER = N_("earlier")
_CODES_NAMED = N_("the municipalities {codes}")


def _peer_files(context: RuleContext) -> list[Document]:
    return [
        document
        for document in context.repository.documents
        if document.kind == PEER_VALUES and isinstance(document.data, dict)
    ]


def _figures(document: Document) -> Iterator[tuple[int, dict[str, Any]]]:
    figures = document.data.get("figures") if isinstance(document.data, dict) else None
    for position, item in enumerate(figures if isinstance(figures, list) else []):
        if isinstance(item, dict):
            yield position, item


def _at(rule: Rule, document: Document, path: tuple[Any, ...], **params: Any) -> Finding:
    line, column = document.locate(path)
    return rule.at(document.file, line, column, path, **params)


def check_repeated(context: RuleContext) -> Iterator[Finding]:
    """Every value after the first for its key figure, municipality and year, in each file."""
    for document in _peer_files(context):
        first: dict[tuple[Any, Any, Any], int] = {}
        for position, item in _figures(document):
            key = (item.get("kpi"), item.get("municipality"), item.get("year"))
            if not all(isinstance(part, str | int) for part in key):
                continue  # the schema reports a value without them
            earlier = first.setdefault(key, position)
            if earlier == position:
                continue
            first_line, _ = document.locate(("figures", earlier))
            yield _at(
                REPEATED,
                document,
                ("figures", position),
                kpi=str(key[0]),
                municipality=str(key[1]),
                year=str(key[2]),
                first_line=first_line,
            )


def check_kpi_ids(context: RuleContext) -> Iterator[Finding]:
    for document in _peer_files(context):
        for position, item in _figures(document):
            kpi = item.get("kpi")
            if isinstance(kpi, str) and not is_kolada_id(kpi):
                yield _at(NOT_A_KOLADA_ID, document, ("figures", position, "kpi"), value=kpi)


def _peers(context: RuleContext) -> dict[str, Any]:
    data = context.repository.manifest_data
    peers = data.get("peers") if isinstance(data, dict) else None
    return peers if isinstance(peers, dict) else {}


def _listed(peers: dict[str, Any]) -> list[str] | None:
    codes = peers.get("municipalities")
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        return None
    return codes


def check_only_itself(context: RuleContext) -> Iterator[Finding]:
    codes = _listed(_peers(context))
    own = context.repository.municipality_code
    if codes and own and set(codes) == {own}:
        manifest = context.repository.manifest
        yield _at(ONLY_ITSELF, manifest, ("peers", "municipalities"), code=own)


def check_group_ids(context: RuleContext) -> Iterator[Finding]:
    """A malformed group in styr.yaml's peers: and in every comparison file's group:."""
    places: list[tuple[Document, tuple[Any, ...], Any]] = [
        (
            context.repository.manifest,
            ("peers", "kolada_group"),
            _peers(context).get("kolada_group"),
        )
    ]
    for document in _peer_files(context):
        group = document.data.get("group")
        if isinstance(group, dict):
            places.append((document, ("group", "kolada_group"), group.get("kolada_group")))
    for document, path, value in places:
        if isinstance(value, str) and not is_group_id(value):
            yield _at(NOT_A_GROUP_ID, document, path, value=value)


def check_group_changed(context: RuleContext) -> Iterator[Finding]:
    """A file fetched for another Kolada group, or for other municipalities, than peers: names."""
    peers = _peers(context)
    asked_group = peers.get("kolada_group")
    asked_codes = _listed(peers)
    own = context.repository.municipality_code
    if not isinstance(asked_group, str) and not asked_codes:
        return  # no group, or one the schema reports
    asked = _named(asked_group, [code for code in asked_codes or [] if code != own])
    for document in _peer_files(context):
        group = document.data.get("group")
        if not isinstance(group, dict):
            continue
        fetched_group = group.get("kolada_group")
        members = group.get("members")
        fetched_codes = (
            [c for c in members if isinstance(c, str)] if isinstance(members, list) else []
        )
        fetched = _named(fetched_group if isinstance(fetched_group, str) else None, fetched_codes)
        if fetched == asked:
            continue
        yield _at(
            GROUP_CHANGED,
            document,
            ("group",),
            **_described("fetched", fetched),
            **_described("asked", asked),
        )


def _named(group: Any, codes: list[str]) -> tuple[str, tuple[str, ...]]:
    """What a group is, to compare: Kolada's group by its id, or the codes in order."""
    if isinstance(group, str):
        return group, ()
    return "", tuple(sorted(set(codes)))


def _described(name: str, named: tuple[str, tuple[str, ...]]) -> dict[str, str]:
    group, codes = named
    if group:
        return both_languages(name, _GROUP_NAMED, group=group)
    return both_languages(name, _CODES_NAMED, codes=", ".join(codes))


def check_revised(context: RuleContext) -> Iterator[Finding]:
    """The newest revision of every value the file records one for."""
    for document in _peer_files(context):
        for position, item in _figures(document):
            value = next(iter(read_values([item])), None)
            if value is None or not value.revised or value.value is None:
                continue
            earlier = value.revised[-1]
            if earlier.value == value.value:
                continue
            whose = (
                both_languages("whose", _COUNTRY)
                if value.municipality == COUNTRY
                else both_languages("whose", _MUNICIPALITY, code=value.municipality)
            )
            yield _at(
                REVISED,
                document,
                ("figures", position, "value"),
                kpi=value.kpi,
                year=str(value.year),
                old=earlier.value,
                new=value.value,
                **whose,
                **_dated("old_fetched_on", earlier.fetched_on),
                **_dated("new_fetched_on", value.fetched_on),
            )


def _dated(name: str, day: str) -> dict[str, str]:
    return {name: day, f"{name}_en": day} if day else both_languages(name, _EARLIER)
