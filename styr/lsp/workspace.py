"""The repositories of an editor's workspace, with the planner's unsaved buffers over the disk.

No editor protocol here: the server (`styr.lsp.server`) tells the workspace
what the editor did (a buffer opened, changed or closed, a file changed on
disk) and asks it to lint a repository. Linting is `styr lint`'s own
`lint_repository` on a repository built from the buffers and the disk, so the
findings are exactly the command's.

What makes a re-lint after a keystroke cheap: each file's bytes from disk are
kept with the file's stamp (modification time and size), and each file's
parse is kept by its content, so an edit re-parses only the buffer that
changed; the cross-file checks then run over the kept documents of the rest.
The repository's folders are listed and its files stamped at every lint (half
a millisecond for a municipality), so a file changed, added or removed on
disk counts even where the editor does not report changes on disk.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from styr.lint import RepositoryResult, lint_repository
from styr.load import Document, parse_document
from styr.load.access import InsideReader, Refused
from styr.load.document import did_not_load
from styr.load.limits import MAX_FILE_BYTES
from styr.model.index import Index, build_index
from styr.model.repository import (
    MANIFEST,
    SHARE_FROM_BYTES,
    YAML_SUFFIXES,
    Repository,
    find_repositories,
    repository_names,
)
from styr.model.steering_model import read_steering_model


@dataclass(slots=True)
class Linted:
    """One repository as last linted: its documents, its findings and (when asked) its index."""

    repository: Repository
    result: RepositoryResult
    _index: Index | None = field(default=None, repr=False)

    @property
    def index(self) -> Index:
        """The ids and references of the documents as linted, built when first asked."""
        if self._index is None:
            self._index = build_index(self.repository)
        return self._index

    def document(self, file: Path) -> Document | None:
        for document in self.repository.all_documents():
            if document.file == file:
                return document
        return None


class Workspace:
    """The repositories under the workspace folders and what the editor holds of their files."""

    def __init__(self, folders: list[Path], today: date | None = None) -> None:
        self.folders = [folder.resolve() for folder in folders]
        self._today = today
        self.roots: list[Path] = []
        self._buffers: dict[Path, str] = {}
        self._disk: dict[Path, tuple[tuple[int, int], bytes | None]] = {}
        self._parsed: dict[Path, tuple[bytes, Document]] = {}
        self.linted: dict[Path, Linted] = {}
        # The last lint in which each file loaded: where its elements stood while
        # the planner is half-way through typing something that does not load.
        self.last_loaded: dict[Path, Linted] = {}

    # --- what there is ---------------------------------------------------

    def discover(self) -> list[Path]:
        """Find the repositories under the folders (a walk of folders; no file is read)."""
        roots: list[Path] = []
        for folder in self.folders:
            try:
                found = find_repositories([folder])
            except Exception:  # a folder without repositories: a UsageError for the command line
                continue
            roots.extend(root.resolve() for root in found if root.resolve() not in roots)
        self.roots = roots
        return roots

    def root_of(self, file: Path) -> Path | None:
        """The repository a file belongs to: the nearest folder above it holding styr.yaml."""
        for folder in file.parents:
            if folder in self.roots:
                return folder
            if (folder / MANIFEST).is_file():
                self.roots.append(folder)  # opened from outside the workspace folders
                return folder
            if (folder / ".git").exists():
                return None
        return None

    def is_steering_file(self, file: Path) -> bool:
        return file.name.endswith(YAML_SUFFIXES) and not file.name.startswith(".")

    def _new_in(self, root: Path, file: Path) -> bool:
        """Whether the buffer of a file not on disk is one of the repository's, as lint sees them.

        Not in a hidden folder (`.github/workflows/*.yml` is no steering file) and
        not in a repository of its own below.
        """
        if not self.is_steering_file(file) or file.exists() or self.root_of(file) != root:
            return False
        return not any(part.startswith(".") for part in file.relative_to(root).parts)

    # --- what the editor says --------------------------------------------

    def set_buffer(self, file: Path, text: str) -> Path | None:
        """A buffer opened or changed: it stands for the file until closed. Its repository."""
        self._buffers[file] = text
        return self.root_of(file)

    def close_buffer(self, file: Path) -> Path | None:
        self._buffers.pop(file, None)
        return self.root_of(file)

    def buffer(self, file: Path) -> str | None:
        return self._buffers.get(file)

    def open_files(self, root: Path) -> list[Path]:
        """The files of a repository the editor has open."""
        return [file for file in self._buffers if self.root_of(file) == root]

    def disk_changed(self, file: Path, *, created_or_deleted: bool) -> list[Path]:
        """A file changed on disk: forget what was read of it. The repositories to lint again."""
        self._disk.pop(file, None)
        if file.name == MANIFEST and created_or_deleted:
            self.discover()  # a repository more or less; its neighbours' files change hands
            return [root for root in self.roots if root in self.linted or file.parent == root]
        root = self.root_of(file)
        return [root] if root is not None and root in self.linted else []

    def forget_dropped(self) -> list[Path]:
        """The repositories linted before whose styr.yaml is gone, forgotten.

        Their files are no repository's now (or a repository's above, linted
        again as any other), so what was published of them is to be cleared.
        """
        gone = [root for root in self.linted if not (root / MANIFEST).is_file()]
        for root in gone:
            del self.linted[root]
            if root in self.roots:
                self.roots.remove(root)
        if gone:
            self.last_loaded = {
                file: linted
                for file, linted in self.last_loaded.items()
                if linted.repository.root not in gone
            }
        return gone

    # --- linting ---------------------------------------------------------

    def lint(self, root: Path) -> Linted:
        """Lint a repository as the editor sees it: buffers where open, the disk elsewhere."""
        files = [root / MANIFEST, *(root / name for name in repository_names(root))]
        # Buffers of files not on disk yet (a new file, unsaved) belong to it as well.
        files += [file for file in self._buffers if file not in files and self._new_in(root, file)]
        contents = {file: self._bytes(root, file) for file in files}
        given = sum(len(raw) for raw in contents.values() if raw is not None)
        share = given >= SHARE_FROM_BYTES
        documents = [self._document(root, file, raw, share) for file, raw in contents.items()]
        manifest, rest = documents[0], documents[1:]
        steering = manifest.data.get("steering_model") if isinstance(manifest.data, dict) else None
        repository = Repository(
            root=root, manifest=manifest, documents=rest, model=read_steering_model(steering)
        )
        result = lint_repository(repository, today=self._today or date.today())
        linted = Linted(repository, result)
        self.linted[root] = linted
        for document in documents:
            if document.data is not None:
                self.last_loaded[document.file] = linted
        return linted

    def _bytes(self, root: Path, file: Path) -> bytes | None:
        text = self._buffers.get(file)
        if text is not None:
            return text.encode("utf-8", errors="surrogatepass")
        stamp = _stamp(file)
        kept = self._disk.get(file)
        if kept is not None and kept[0] == stamp:
            return kept[1]
        try:
            raw: bytes | None = InsideReader(root).read(file, max_bytes=MAX_FILE_BYTES)
        except Refused:
            raw = None  # the loader says why, as lint does
        self._disk[file] = (stamp, raw)
        return raw

    def _document(self, root: Path, file: Path, raw: bytes | None, share: bool) -> Document:
        if raw is None:
            return _refused(root, file)
        if len(raw) > MAX_FILE_BYTES:
            return _too_large(file, len(raw))
        kept = self._parsed.get(file)
        if kept is not None and kept[0] == raw:
            return kept[1]
        document = parse_document(file, raw, share=share)
        self._parsed[file] = (raw, document)
        return document


def _stamp(file: Path) -> tuple[int, int]:
    """What tells a file's bytes changed without reading them: its modification time and size."""
    try:
        info = os.stat(file)
    except OSError:
        return (-1, -1)
    return (info.st_mtime_ns, info.st_size)


def _refused(root: Path, file: Path) -> Document:
    """The document of a file that may not be read, with the loader's own finding why."""
    from styr.load import load_document

    return load_document(file, root)


def _too_large(file: Path, size: int) -> Document:
    """A buffer larger than a file may be: the finding the loader gives such a file."""
    from styr.rules import loading

    refused = Refused("load-refused-too-large", size=size, limit=MAX_FILE_BYTES)
    return did_not_load(file, loading.UNREADABLE.at(file, 1, 1, **refused.finding_params()))
