"""Editor help that survives copying: asked of yaml-language-server itself, as VS Code would.

The server (the engine of VS Code's YAML extension) is started over stdio and
given the repository's own `.vscode/settings.json`; completion and hover are
asked on files of a repository copied or moved away from this checkout.
`.ci/browser-setup` installs the server into node_modules/. Outside CI (no
`CI` in the environment) the editor tests skip when it is missing; in CI they
fail.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT
from lsp_client import LanguageServer

from styr.editor import SCHEMA_FOLDER, refreshed_files, schema_files, schema_globs
from styr.model.repository import repository_files
from styr.resources import data_dir
from styr.scaffold import init_repository

SERVER = ROOT / "node_modules" / "yaml-language-server" / "bin" / "yaml-language-server"
WAIT = 30.0  # seconds for the server to load its settings and the schemas


def _server_command() -> list[str]:
    node = shutil.which("node")
    if node is None or not SERVER.is_file():
        reason = "yaml-language-server (and Node) not installed: run .ci/browser-setup"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return [node, str(SERVER), "--stdio"]


def _schema(kind: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(schema_files()[f"{kind}.schema.json"])
    return document


def _swedish(description: str) -> str:
    """A schema description's Swedish: the paragraph before the English one."""
    return description.split("\n\n")[0]


@pytest.fixture
def editor(tmp_path: Path) -> Iterator[tuple[LanguageServer, Path]]:
    """The Helsingborg example copied far from the checkout, opened as VS Code's workspace."""
    repository = tmp_path / "någon-annanstans" / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", repository)
    with _server(repository) as server:
        yield server, repository


def _server(repository: Path) -> LanguageServer:
    vscode = json.loads((repository / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    settings = {
        "yaml": {
            "schemas": vscode["yaml.schemas"],
            "validate": True,
            "hover": True,
            "completion": True,
            # Only the repository's own schemas: the public schema catalogue would be
            # fetched over the network, which tests must not need (and it is slow).
            "schemaStore": {"enable": False},
        }
    }
    server = LanguageServer(_server_command(), settings)
    server.initialize(repository)
    return server


def _hover(server: LanguageServer, uri: str, line: int, character: int, wait: float = WAIT) -> str:
    """The hover text at a place, asked again until the server has its settings."""
    deadline = time.monotonic() + wait
    while True:
        answer = server.at("textDocument/hover", uri, line, character)
        if answer:
            contents = answer["contents"]
            return str(contents["value"] if isinstance(contents, dict) else contents)
        if time.monotonic() > deadline:
            return ""
        time.sleep(0.2)


def _completion(server: LanguageServer, uri: str, line: int) -> set[str]:
    deadline = time.monotonic() + WAIT
    while True:
        answer = server.at("textDocument/completion", uri, line, 0)
        items = answer["items"] if isinstance(answer, dict) else answer or []
        if items or time.monotonic() > deadline:
            return {item["label"] for item in items}
        time.sleep(0.2)


def _line_of(file: Path, start: str) -> int:
    lines = file.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines) if line.startswith(start))


def _assert_top_level_completion(server: LanguageServer, file: Path, kind: str) -> None:
    """Completion on a new line offers the schema's keys that the file does not have yet."""
    uri = server.open(file)
    text = file.read_text(encoding="utf-8")
    properties = set(_schema(kind)["properties"])
    present = {line.split(":")[0] for line in text.splitlines() if line[:1].isalpha()}
    offered = _completion(server, uri, len(text.splitlines()))
    assert properties - present, "the file should leave some keys to complete"
    assert properties - present <= offered
    assert offered <= properties


def test_a_board_file_in_a_copied_repository_has_completion_and_swedish_hover(
    editor: tuple[LanguageServer, Path],
) -> None:
    server, repository = editor
    board = repository / "organisation" / "miljonamnden.yaml"
    uri = server.open(board)
    hover = _hover(server, uri, _line_of(board, "mission:"), 1)
    assert _swedish(_schema("organisation")["properties"]["mission"]["description"]) in hover
    _assert_top_level_completion(server, board, "organisation")


def test_the_checkouts_old_modeline_gives_no_help_in_a_copy(
    editor: tuple[LanguageServer, Path],
) -> None:
    """The control: the test tells help from no help (a modeline into ../../schemas breaks)."""
    server, repository = editor
    board = repository / "organisation" / "miljonamnden.yaml"
    line = _line_of(board, "mission:")
    assert _hover(server, server.open(board), line, 1)  # the server is ready
    broken = board.with_name("gammal.yaml")
    text = board.read_text(encoding="utf-8").split("\n", 1)[1]
    broken.write_text(
        f"# yaml-language-server: $schema=../../../schemas/organisation.schema.json\n{text}"
    )
    assert _hover(server, server.open(broken), line, 1, wait=2) == ""


def test_a_follow_up_file_typed_by_hand_has_help_without_a_modeline(
    editor: tuple[LanguageServer, Path],
) -> None:
    server, repository = editor
    typed = repository / "uppfoljning" / "2026.yaml"
    typed.write_text('kind: follow_up\nperiod: "2026"\n', encoding="utf-8")
    hover = _hover(server, server.open(typed), 1, 1)
    assert _swedish(_schema("follow_up")["properties"]["period"]["description"]) in hover
    _assert_top_level_completion(server, typed, "follow_up")


def test_the_file_kolada_pull_writes_has_help(editor: tuple[LanguageServer, Path]) -> None:
    server, repository = editor
    pulled = repository / "uppfoljning" / "kolada.yaml"  # as `styr kolada pull` starts it
    pulled.write_text(
        "kind: follow_up\ntitle: Utfall från Kolada\noutcomes: []\n", encoding="utf-8"
    )
    hover = _hover(server, server.open(pulled), 1, 1)
    assert _swedish(_schema("follow_up")["properties"]["title"]["description"]) in hover


def test_a_repository_moved_after_init_keeps_its_help(tmp_path: Path) -> None:
    first = tmp_path / "först" / "kommun"
    init_repository(first, "huddinge", "Nyby", "0999")
    moved = tmp_path / "sedan" / "annat-namn"
    moved.parent.mkdir()
    shutil.move(first, moved)
    with _server(moved) as server:
        board = moved / "organisation" / "exempelnamnden.yaml"
        hover = _hover(server, server.open(board), _line_of(board, "direction:"), 1)
        assert _swedish(_schema("organisation")["properties"]["direction"]["description"]) in hover
        plan = moved / "arbetsplaner" / "exempelforvaltningen.yaml"
        hover = _hover(server, server.open(plan), _line_of(plan, "work_plan:"), 1)
        assert _swedish(_schema("work_plan")["properties"]["work_plan"]["description"]) in hover


def test_the_examples_carry_their_editor_help_as_init_would_write_it() -> None:
    """Each example holds the schemas, modelines and settings styr gives a repository.

    After a schema change: `styr schema --export examples/NAME`.
    """
    for example in sorted(p for p in EXAMPLES.iterdir() if p.is_dir()):
        files = [example / "styr.yaml", *repository_files(example)]
        texts = {f.relative_to(example).as_posix(): f.read_text(encoding="utf-8") for f in files}
        for path, wanted in refreshed_files(texts).items():
            hint = f"run: styr schema --export examples/{example.name}"
            assert (example / path).read_text(encoding="utf-8") == wanted, f"{path}: {hint}"


def test_every_file_kind_of_every_starter_and_example_is_covered_by_a_glob() -> None:
    folders = [*(p for p in EXAMPLES.iterdir() if p.is_dir()), *data_dir("starters").iterdir()]
    for folder in folders:
        settings = json.loads(refreshed_files(_texts(folder))[".vscode/settings.json"])
        globs = settings["yaml.schemas"]
        for path, text in _texts(folder).items():
            kind = "manifest" if path == "styr.yaml" else text.split("kind: ", 1)[1].split()[0]
            patterns = globs[f"./{SCHEMA_FOLDER}/{kind}.schema.json"]
            top = PurePosixPath(path).parts[0]
            assert path in patterns or f"{top}/**/*.yaml" in patterns, (folder.name, path)
        assert "uppfoljning/**/*.yaml" in globs[f"./{SCHEMA_FOLDER}/follow_up.schema.json"]


def test_globs_cover_a_whole_folder_and_name_top_level_files() -> None:
    globs = schema_globs(
        {
            PurePosixPath("styr.yaml"): "manifest",
            PurePosixPath("fokusomraden.yaml"): "council",
            PurePosixPath("organisation/bolag/hamnen.yaml"): "organisation",
        }
    )
    assert globs["./schemas/council.schema.json"] == [
        "fokusomraden.yaml",
        "inriktningar.yaml",
        "malomraden.yaml",
    ]
    assert globs["./schemas/organisation.schema.json"] == ["organisation/**/*.yaml"]
    assert globs["./schemas/manifest.schema.json"] == ["styr.yaml"]


def test_every_kind_has_a_glob_before_it_has_a_file() -> None:
    """A blank repository has no work plan yet; the planner's first one still gets help."""
    globs = schema_globs({PurePosixPath("styr.yaml"): "manifest"})
    kinds = {path.removeprefix("./schemas/").removesuffix(".schema.json") for path in globs}
    assert kinds == {f.removesuffix(".schema.json") for f in schema_files()} - {"common"}
    assert globs["./schemas/work_plan.schema.json"] == ["arbetsplaner/**/*.yaml"]
    assert globs["./schemas/follow_up.schema.json"] == ["uppfoljning/**/*.yaml"]


def test_a_file_of_another_kind_under_a_conventional_name_keeps_its_kind() -> None:
    globs = schema_globs({PurePosixPath("program.yaml"): "council"})
    assert "program.yaml" in globs["./schemas/council.schema.json"]
    assert "./schemas/programme.schema.json" not in globs


def _texts(folder: Path) -> dict[str, str]:
    files = [folder / "styr.yaml", *repository_files(folder)]
    return {f.relative_to(folder).as_posix(): f.read_text(encoding="utf-8") for f in files}
