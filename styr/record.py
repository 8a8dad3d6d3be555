"""Equality and a readable repr for the plain classes on the path of a cached `styr lint`.

A run answered from the cache takes about a tenth of a second, and a dataclass
costs it half a millisecond or more at import: its methods are compiled from
source there, and `dataclasses` itself imports `inspect`. For the dozen classes
that run needs, that was a tenth of it. So these classes write their
`__init__` out (the fastest to call, too) and take equality and repr from
here; everywhere else, dataclasses are the rule.
"""

from __future__ import annotations

from typing import ClassVar


class Record:
    """Equal when of the same class with equal `_fields`; shown by them. Mutable: no hash."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    __hash__ = None  # type: ignore[assignment]  # equal by value and mutable: not a key

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self._fields)
        return f"{type(self).__name__}({shown})"
