"""Rules about the goal chain (målkedjan): ids, references and the declared model.

The rules are declared in `chain_rules`; the checks live by what they look at:
`chain_references` (ids, kinds, references and the links the model allows),
`chain_cycles`, and `chain_coverage` (what the model requires: links up,
contributors, parts). This module runs them in one fixed order.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from styr.findings import Finding
from styr.rules.chain_coverage import check_coverage
from styr.rules.chain_cycles import check_cycles
from styr.rules.chain_references import check_references
from styr.rules.chain_rules import (
    CONTRIBUTES_TO_NOTHING,
    CYCLE,
    DUPLICATE_ID,
    LINK_NOT_ALLOWED,
    MISSING_PART,
    NOTHING_CONTRIBUTES,
    RULES,
    UNKNOWN_KIND,
    UNKNOWN_REFERENCE,
    WRONG_REFERENCE_TYPE,
)

if TYPE_CHECKING:
    from styr.model.index import Index
    from styr.model.repository import Repository

__all__ = [
    "CONTRIBUTES_TO_NOTHING",
    "CYCLE",
    "DUPLICATE_ID",
    "LINK_NOT_ALLOWED",
    "MISSING_PART",
    "NOTHING_CONTRIBUTES",
    "RULES",
    "UNKNOWN_KIND",
    "UNKNOWN_REFERENCE",
    "WRONG_REFERENCE_TYPE",
    "check_chain",
]


def check_chain(repository: Repository, index: Index) -> list[Finding]:
    """Every goal-chain finding of one repository."""
    findings: list[Finding] = []
    for check in (check_references, check_cycles, check_coverage):
        findings.extend(check(repository, index))
    return findings
