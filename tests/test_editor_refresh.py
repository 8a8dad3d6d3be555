"""`styr schema --export REPO`: a repository's editor help brought up to date, all or nothing."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import CliResult

from styr.editor import schema_files
from styr.scaffold import init_repository

Run = Callable[..., CliResult]


def _repository(tmp_path: Path) -> Path:
    repo = tmp_path / "kommun"
    init_repository(repo, "huddinge", "Nyby", "0999")
    return repo


def _first_line(file: Path) -> str:
    return file.read_text(encoding="utf-8").splitlines()[0]


def test_an_old_repository_gets_settings_modelines_and_fresh_schemas(
    run_cli: Run, tmp_path: Path
) -> None:
    repo = _repository(tmp_path)
    shutil.rmtree(repo / ".vscode")  # made before styr wrote VS Code settings
    (repo / "schemas" / "organisation.schema.json").write_text("{}", encoding="utf-8")
    moved = repo / "organisation" / "namnder" / "exempelnamnden.yaml"
    moved.parent.mkdir()
    (repo / "organisation" / "exempelnamnden.yaml").rename(moved)  # one level further down
    typed = repo / "uppfoljning" / "2027.yaml"
    typed.parent.mkdir()
    typed.write_text('kind: follow_up\nperiod: "2027"\noutcomes: []\n', encoding="utf-8")
    before = {p: p.read_text(encoding="utf-8") for p in repo.rglob("*.yaml")}

    result = run_cli("schema", "--export", repo)

    assert result.code == 0, result.err
    assert "uppdaterad" in result.out
    assert _first_line(moved) == (
        "# yaml-language-server: $schema=../../schemas/organisation.schema.json"
    )
    assert _first_line(typed) == "# yaml-language-server: $schema=../schemas/follow_up.schema.json"
    for path, text in before.items():  # only the first line changes, and only where it must
        after = path.read_text(encoding="utf-8")
        assert after.endswith(text.split("\n", 1)[1] if text.startswith("# yaml") else text)
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert "uppfoljning/**/*.yaml" in settings["yaml.schemas"]["./schemas/follow_up.schema.json"]
    copy = (repo / "schemas" / "organisation.schema.json").read_text(encoding="utf-8")
    assert copy == schema_files()["organisation.schema.json"]
    assert run_cli("lint", repo).code == 0


def test_a_second_run_changes_nothing(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    assert run_cli("schema", "--export", repo).code == 0
    again = run_cli("schema", "--export", repo)
    assert again.code == 0 and "(0 filer ändrade)" in again.out


def test_the_users_own_settings_are_kept(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    own = {
        "editor.tabSize": 2,
        "yaml.schemas": {
            "https://json.schemastore.org/github-workflow.json": [".github/workflows/*.yml"],
            "./schemas/vision.schema.json": ["gammal.yaml"],
        },
    }
    (repo / ".vscode" / "settings.json").write_text(json.dumps(own), encoding="utf-8")
    (repo / ".vscode" / "extensions.json").write_text(
        json.dumps({"recommendations": ["ms-python.python"]}), encoding="utf-8"
    )
    assert run_cli("schema", "--export", repo).code == 0
    settings = json.loads((repo / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["editor.tabSize"] == 2
    schemas = settings["yaml.schemas"]
    assert schemas["https://json.schemastore.org/github-workflow.json"] == [
        ".github/workflows/*.yml"
    ]
    assert schemas["./schemas/vision.schema.json"] == ["vision.yaml"]  # ours, as styr writes it
    extensions = json.loads((repo / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert extensions["recommendations"] == ["ms-python.python", "redhat.vscode-yaml"]


def test_settings_with_comments_stop_everything(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    commented = '{\n  // mina inställningar\n  "editor.tabSize": 2\n}\n'
    (repo / ".vscode" / "settings.json").write_text(commented, encoding="utf-8")
    (repo / "schemas" / "vision.schema.json").write_text("{}", encoding="utf-8")
    result = run_cli("schema", "--export", repo)
    assert result.code == 2
    assert "settings.json" in result.err and "kommentarer" in result.err
    assert (repo / ".vscode" / "settings.json").read_text(encoding="utf-8") == commented
    assert (repo / "schemas" / "vision.schema.json").read_text(encoding="utf-8") == "{}"


def test_line_ends_and_a_byte_order_mark_are_kept(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    windows = repo / "program.yaml"
    body = windows.read_text(encoding="utf-8").split("\n", 1)[1]
    windows.write_bytes(body.replace("\n", "\r\n").encode("utf-8"))
    marked = repo / "vision.yaml"
    marked.write_bytes(b"\xef\xbb\xbf" + marked.read_bytes())
    assert run_cli("schema", "--export", repo).code == 0
    assert windows.read_bytes().startswith(
        b"# yaml-language-server: $schema=schemas/programme.schema.json\r\nkind: programme\r\n"
    )
    assert marked.read_bytes().startswith(b"\xef\xbb\xbf# yaml-language-server: $schema=")
    assert marked.read_bytes().count(b"yaml-language-server") == 1
    assert run_cli("lint", repo).code == 0


def test_a_file_that_is_not_utf8_is_left_alone(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    latin = repo / "organisation" / "latin.yaml"
    data = "kind: organisation\nid: x\nname: Nämnd\n".encode("latin-1")
    latin.write_bytes(data)
    assert run_cli("schema", "--export", repo).code == 0
    assert latin.read_bytes() == data


def test_a_file_of_no_known_kind_keeps_no_modeline(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    notes = repo / "anteckningar.yaml"
    notes.write_text("kind: anteckningar\ntext: mina tankar\n", encoding="utf-8")
    plain = repo / "organisation" / "utan-kind.yaml"
    plain.write_text("id: x\n", encoding="utf-8")
    assert run_cli("schema", "--export", repo).code == 0
    assert notes.read_text(encoding="utf-8") == "kind: anteckningar\ntext: mina tankar\n"
    assert plain.read_text(encoding="utf-8") == "id: x\n"


def test_a_linked_file_is_left_alone(run_cli: Run, tmp_path: Path) -> None:
    repo = _repository(tmp_path)
    elsewhere = tmp_path / "delad.yaml"
    elsewhere.write_text("kind: organisation\nid: delad\ntype: namnd\nname: Delad\n", "utf-8")
    try:
        (repo / "organisation" / "delad.yaml").symlink_to(elsewhere)
    except OSError:
        pytest.skip("this system does not let the user make symbolic links")
    result = run_cli("schema", "--export", repo)
    assert result.code == 0, result.err
    assert elsewhere.read_text(encoding="utf-8").startswith("kind: organisation")
