"""What a folder holds after a command that must write all or nothing (`styr init`,
`styr schema --export`): its entries' names, in order."""

from __future__ import annotations

from pathlib import Path


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())
