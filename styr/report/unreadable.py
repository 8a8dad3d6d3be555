"""Files that did not load, as the report shows them: a board never disappears silently.

A file with a YAML error has no data, so nothing in the index comes from it.
What it would have been is read from the top of its text, above the error, as far
as plain top-level lines (`kind: organisation`, `name: Socialnämnden`,
`id: sfn`) tell it beyond doubt (`readable_top`), so that the report can show the
board by name with "could not be read", in the place where it would have stood,
and the board keeps its page's address while its file is broken.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from styr.findings import Finding, Severity
from styr.i18n import N_, Text, translate
from styr.model.repository import Repository
from styr.model.steering_model import SteeringModel
from styr.report.formatting import one_line
from styr.report.language import kind_label, listed
from styr.report.texts import category_name
from styr.withholding import understood

if TYPE_CHECKING:
    from styr.report.view_types import RepositoryView

# A top-level `key: value` line: no indentation, a plain key, a value on the same line.
_TOP_LEVEL = re.compile(r"([a-z_]+):[ \t]+(.+?)[ \t]*$")
_READ = ("kind", "name", "type", "id")  # what the top of a broken file may say it is
_ID = re.compile(r"[a-z0-9][a-z0-9_.-]*")  # an id as the schema writes it
_UNSAFE = re.compile(r"[^a-z0-9_.-]+")


@dataclass(frozen=True, slots=True)
class Part:
    """A part of the steering as the notice names it (`part_name`)."""

    text: str
    from_files: bool = False  # its own name, in the files' language (a board's)
    # The `lang` attribute of the files' words on an HTML page that speaks another language
    # (`RepositoryView.xl`), given by `publishing_notice`: a board's name is marked as a
    # whole, kinds' names the model gives in the files' language only one by one.
    xl: str = ""


@dataclass(frozen=True, slots=True)
class UnreadableFile:
    """A file that could not be read, with what its text says it was (or nothing)."""

    path: str  # relative to the repository, with forward slashes
    kind: str = ""
    id: str = ""
    name: str = ""
    type: str = ""
    part: Part | None = None  # what it holds in a reader's words, never its file's name

    @property
    def title(self) -> str:
        return self.name or self.id or self.path.rsplit("/", 1)[-1]

    @property
    def anchor_name(self) -> str:
        """What its anchor is made from: the id, else the file name, made safe."""
        return _UNSAFE.sub("-", (self.id or self.path).lower()).strip("-") or "fil"


@dataclass(frozen=True, slots=True)
class PublishingNotice:
    """What the top of a report published over errors says (`--allow-errors`)."""

    errors: int
    unreadable: list[UnreadableFile] = field(default_factory=list)
    # The parts the errors are in, in a reader's words (`error_parts`): they may be wrong.
    wrong: list[Part] = field(default_factory=list)


# What a file of each kind holds, by the category whose names in the steering model say it.
_CATEGORY_OF_FILE = {
    "vision": "vision",
    "programme": "programme",
    "council": "council_area",
    "steering_documents": "steering_document",
    "organisation": "organisation",
    "operational_plan": "operational_plan",
    "work_plan": "work_plan",
}
# What a file of a kind that holds no elements holds, in words of our own.
_HOLDS: dict[str, Text] = {
    "manifest": N_("The description of the steering model"),
    "follow_up": N_("Outcomes of the follow-up"),
    "peer_values": N_("Other municipalities' values"),
}
_UNKNOWN_PART: Text = N_("A part whose content could not be read")


def part_name(kind: str, name: str, model: SteeringModel, language: str) -> Part:
    """What a file holds, as a reader would name it: its own name where it has one (a
    board's), else the names the steering model gives what it holds ("Målområde").

    Never the file's name: a resident reading the notice knows no files.
    """
    if name:
        return Part(name, from_files=True)
    category = _CATEGORY_OF_FILE.get(kind)
    if category is None:
        return Part(translate(_HOLDS.get(kind, _UNKNOWN_PART), language))
    names = list(dict.fromkeys(kind_label(k, language) for k in model.kinds_of(category)))
    return Part(listed(names) if names else category_name(category, language))


def unknown_part(language: str) -> str:
    """What names a part whose file tells nothing readable of it: never the file's name."""
    return translate(_UNKNOWN_PART, language)


def unreadable_files(repository: Repository, language: str = "sv") -> list[UnreadableFile]:
    """Every file nothing in the report can come from: it did not load, or as no known kind."""
    files = []
    for document in repository.all_documents():
        is_manifest = document is repository.manifest
        if isinstance(document.data, dict) if is_manifest else understood(document):
            continue
        error_line = document.failure.line if document.failure is not None else None
        said = _what_it_says(document.data, document.text, error_line)
        kind = "manifest" if is_manifest else said.get("kind", "")
        part = part_name(kind, said.get("name", ""), repository.model, language)
        files.append(UnreadableFile(_shown_path(repository, document), **said, part=part))
    return files


def error_parts(
    repository: Repository, findings: Iterable[Finding], language: str = "sv"
) -> list[Part]:
    """The parts the errors among `findings` are in, each once, in the order of the files;
    a file that could not be read is left out (the notice lists it as missing)."""
    wrong = {f.file for f in findings if f.severity >= Severity.ERROR and f.file is not None}
    parts: dict[Part, None] = {}
    for document in repository.all_documents():
        if document.file not in wrong or not isinstance(document.data, dict):
            continue
        if document is not repository.manifest and not understood(document):
            continue
        kind = "manifest" if document is repository.manifest else document.kind or ""
        parts[part_name(kind, _own_name(document.data, kind), repository.model, language)] = None
    return list(parts)


def _own_name(data: dict[str, Any], kind: str) -> str:
    """A board's name, or a plan's title: what names the part where the file has one."""
    if kind == "organisation":
        return one_line(data.get("name"))
    if kind in ("operational_plan", "work_plan"):
        plan = data.get(kind)
        return one_line(plan.get("title")) if isinstance(plan, dict) else ""
    return ""


def _shown_path(repository: Repository, document: Any) -> str:
    try:
        return str(document.file.relative_to(repository.root).as_posix())
    except ValueError:
        return str(document.file.as_posix())


def _what_it_says(data: Any, text: str | None, error_line: int | None) -> dict[str, str]:
    if isinstance(data, dict):  # loaded, but of no kind the report knows
        return {key: data[key] for key in _READ if isinstance(data.get(key), str)}
    return readable_top(text, error_line)


def readable_id(text: str | None, error_line: int | None = None) -> str:
    """The `id` of a file that is not valid YAML, where its text says it beyond doubt; else "".
    The id names the board's page and anchor: a wrong one would take another board's."""
    return readable_top(text, error_line).get("id", "")


def readable_top(text: str | None, error_line: int | None = None) -> dict[str, str]:
    """The `kind`, `name`, `type` and `id` a file that is not valid YAML says it has, each
    where its text says it beyond doubt, the others left out.

    Read only from the top of the file, before the line the error is on (`error_line`,
    1-based), and only while every line above is empty, a comment or a plain top-level
    `key: value`: after anything else (an indented line, a quote, a list or a block left
    open) a line that looks like `name: …` may be inside a text, and a name, a kind or an
    id read there would show the board as one it is not, or give it another's address.
    The first line of each key is its value; an id only as the schema writes one. No YAML
    parser reads the broken text.
    """
    said: dict[str, str] = {}
    for number, line in enumerate((text or "").splitlines(), start=1):
        if error_line is not None and number >= error_line:
            break
        if not line.strip() or line.startswith("#"):
            continue
        match = _TOP_LEVEL.match(line)
        if match is None:
            break
        key, written = match.groups()
        value = _plain(written)
        if not value:  # a quote, a list or a block that may go on below
            break
        if key in _READ and key not in said:
            said[key] = value if key != "id" or _ID.fullmatch(value) else ""
    return {key: value for key, value in said.items() if value}


def _plain(value: str) -> str:
    """A value without its quotes, or without a trailing comment when unquoted."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    if value[:1] in "[{&*!|>'\"":
        return ""  # not a plain text: nothing to show rather than a guess
    return value.split(" #", 1)[0].strip()


def publishing_notice(views: Sequence[RepositoryView | Any]) -> PublishingNotice | None:
    """The notice for a document of these views; None when they have no errors to tell of."""
    errors = sum(view.errors for view in views)
    unreadable = [_in_page(file, view) for view in views for file in view.unreadable]
    if not errors and not unreadable:
        return None
    wrong = [_marked(part, view) for view in views for part in getattr(view, "error_parts", [])]
    return PublishingNotice(errors, unreadable, list(dict.fromkeys(wrong)))


def _in_page(file: UnreadableFile, view: Any) -> UnreadableFile:
    return file if file.part is None else replace(file, part=_marked(file.part, view))


def _marked(part: Part, view: Any) -> Part:
    """The part with the language of its repository's files, where the page speaks another."""
    xl = getattr(view, "xl", "")
    return replace(part, xl=xl) if xl else part
