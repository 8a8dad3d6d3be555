"""One KPI as Kolada's /v3/kpi describes it, read from Kolada's answer or from a snapshot.

Read strictly: an entry whose id or title is missing, or a field of the wrong
type, is refused (`KoladaResponseError`), so nothing half-read is stored.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from styr.kolada.answer import bad_shape

_KPI_ID = re.compile(r"[NU][0-9]{5}")
_TEXT_FIELDS = (
    "description",
    "operating_area",
    "municipality_type",
    "publication_date",
    "prel_publication_date",
    "publ_period",
    "perspective",
    "auspice",
)


@dataclass(frozen=True, slots=True)
class KpiInfo:
    """One KPI as Kolada describes it; the texts are "" where Kolada gives none."""

    id: str
    title: str
    description: str = ""
    operating_area: str = ""
    divided_by_gender: bool = False
    # "K" municipalities, "L" regions (landsting), "A" both; Kolada documents these three.
    municipality_type: str = ""
    has_ou_data: bool = False
    publication_date: str = ""
    prel_publication_date: str = ""
    publ_period: str = ""
    perspective: str = ""
    auspice: str = ""

    @property
    def municipality_level(self) -> bool:
        """Kolada has values for municipalities (not only for regions)."""
        return any(part.strip() in {"K", "A"} for part in self.municipality_type.split(","))


def parse_kpi(entry: object, url: str, where: str) -> KpiInfo:
    """One entry of /v3/kpi; `where` says which, for the message when it is not Kolada's shape."""
    if not isinstance(entry, dict):
        raise bad_shape(url, where)
    kpi_id = entry.get("id")
    if not isinstance(kpi_id, str) or not _KPI_ID.fullmatch(kpi_id):
        raise bad_shape(url, f"{where}.id")
    title = entry.get("title")
    if not isinstance(title, str):
        raise bad_shape(url, f"{where}.title")
    texts = {name: _text(entry, name, url, where) for name in _TEXT_FIELDS}
    return KpiInfo(
        id=kpi_id,
        title=title,
        divided_by_gender=_flag(entry, "is_divided_by_gender", url, where),
        has_ou_data=_flag(entry, "has_ou_data", url, where),
        **texts,
    )


def _text(entry: dict[str, object], name: str, url: str, where: str) -> str:
    value = entry.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise bad_shape(url, f"{where}.{name}")
    return value


def _flag(entry: dict[str, object], name: str, url: str, where: str) -> bool:
    # Kolada's documentation gives is_divided_by_gender as 0/1, has_ou_data as true/false.
    value = entry.get(name)
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return value == 1
    raise bad_shape(url, f"{where}.{name}")


def kpi_from_entry(entry: object, source: str, where: str) -> KpiInfo:
    """A KPI as a snapshot stores it (Kolada's field names), read as strictly as Kolada's."""
    return parse_kpi(entry, source, where)


def kpi_to_entry(kpi: KpiInfo) -> dict[str, object]:
    """The KPI under Kolada's own field names, as the snapshot stores it."""
    entry: dict[str, object] = asdict(kpi)
    entry["is_divided_by_gender"] = entry.pop("divided_by_gender")
    return entry
