"""Kolada's municipality group ids, as the client asks for them and `styr lint` checks them.

A module of its own, without the network client, so that lint can import it.
"""

from __future__ import annotations

import re

# Kolada's group ids are a letter or two and digits (G124026); nothing else goes in the path.
_GROUP_ID = re.compile(r"[A-Za-z]{0,2}[0-9]{1,12}")


def is_group_id(value: object) -> bool:
    """A Kolada municipality group id as the client asks for one (`styr lint` checks by it)."""
    return isinstance(value, str) and _GROUP_ID.fullmatch(value) is not None
