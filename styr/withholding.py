"""One message per cause: findings that only follow from a file that did not load are withheld.

A file that cannot be read (a YAML syntax error, a wrong encoding, an empty
file, a `kind` no file has) is reported once, where it is broken. Its absence would otherwise show
up again as findings elsewhere: every reference to an id it defined is
"unknown", every outcome for an indicator it held has "no indicator", and an
unreadable `styr.yaml` leaves no declared model, so every kind is
"undeclared". Such findings say nothing about the files they point at.

Each rule says what its findings presume (`Rule.presumes`): the declared
model, or that every file was read. A finding is withheld when a file it
presumes did not load; the result counts what was withheld and names the
files that caused it, so the run can say why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from styr.findings import Finding
from styr.i18n import N_, translate
from styr.load import Document
from styr.messages import message
from styr.model.index import FILE_LAYOUTS
from styr.model.repository import Repository
from styr.rules.base import PRESUMES_EVERY_FILE, PRESUMES_MODEL, Rule


@dataclass(frozen=True, slots=True)
class Withheld:
    """How many findings were withheld, and the files whose failure to load caused it."""

    count: int
    files: tuple[Path, ...]
    # The manifest loaded, but its steering model is misshapen (styr.model.guard).
    model_misshapen: bool = False


def withhold(
    findings: list[Finding],
    repository: Repository,
    rule_of: Callable[[str], Rule],
    *,
    model_misshapen: bool = False,
) -> tuple[list[Finding], Withheld | None]:
    """The findings to show, and what was withheld (None when nothing was).

    `model_misshapen`: the manifest loaded, but the steering model it declares
    is not the one meant (a bad indent moved a part of it), so findings judged
    by it are consequences too.
    """
    unread = not isinstance(repository.manifest.data, dict)
    manifest = repository.manifest.file if unread or model_misshapen else None
    others = tuple(d.file for d in repository.documents if not understood(d))
    if manifest is None and not others:
        return findings, None
    shown: list[Finding] = []
    count = 0
    causes: set[Path] = set()
    for finding in findings:
        presumes = rule_of(finding.code).presumes
        cause: tuple[Path, ...] = ()
        if manifest is not None and PRESUMES_MODEL in presumes:
            cause = (manifest,)
        elif others and PRESUMES_EVERY_FILE in presumes:
            cause = others
        if cause:
            count += 1
            causes.update(cause)
        else:
            shown.append(finding)
    if not count:
        return shown, None
    files = tuple(f for f in (manifest, *others) if f is not None and f in causes)
    return shown, Withheld(count, files, model_misshapen and not unread)


def understood(document: Document) -> bool:
    """Whether the index could take anything from the file: it loaded, as a kind it knows.

    A file with a misspelt `kind` loads, but nothing in it is indexed, so it
    leaves the same gaps as a file with a syntax error.
    """
    return isinstance(document.data, dict) and document.kind in FILE_LAYOUTS


def describe(withheld: Withheld, language: str) -> str:
    """The sentence a person reads: how many findings are not shown, and why.

    Files are named as the findings name them, so that with several
    repositories it is clear which one is meant.
    """
    names = [file.as_posix() for file in withheld.files]
    if withheld.model_misshapen and len(names) == 1:
        return message("lint-withheld-model", language, count=withheld.count, file=names[0])
    if len(names) == 1:
        return message("lint-withheld-one-file", language, count=withheld.count, file=names[0])
    shown = [*names[:5], "…"] if len(names) > 5 else names
    conjunction = translate(N_(" and "), language)
    listed = ", ".join(shown[:-1]) + conjunction + shown[-1]
    return message(
        "lint-withheld-files", language, count=withheld.count, number=len(names), files=listed
    )
