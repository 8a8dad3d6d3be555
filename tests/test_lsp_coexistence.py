"""`styr lsp` beside yaml-language-server, as in VS Code with the YAML extension: one report each.

Both servers are started over stdio on the same copy of the Helsingborg
example and given the same files: one with a schema problem (an indicator's
`better:` that the schema does not allow), one with a chain problem (a
direction that contributes to a council direction no file defines). With
`schemaDiagnostics: false`, what styr's VS Code extension sends while the
YAML extension validates, exactly one server reports the schema problem and
styr still reports the chain. yaml-language-server is installed by
`.ci/browser-setup`; outside CI the tests skip without it, in CI they fail.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import EXAMPLES, ROOT
from lsp_client import LanguageServer
from test_editor_schemas import _server_command as yaml_server_command
from test_vscode_extension import bundle_module

STYR_SERVER = [sys.executable, "-m", "styr", "lsp"]
EXTENSION = ROOT / "editors" / "vscode"
WAIT = 30.0  # seconds for a server to read the workspace and publish
# yaml-language-server would fetch the public schema catalogue; tests stay on this machine.
OFFLINE = {"schemaStore": {"enable": False}}

SCHEMA_PROBLEM = ("organisation/kulturnamnden.yaml", "better: higher", "better: sometimes")
CHAIN_PROBLEM = (
    "organisation/miljonamnden.yaml",
    "  contributes_to: [inriktning-livskvalitet]\n  indicators:",
    "  contributes_to: [inriktning-som-inte-finns]\n  indicators:",
)


def _break(repository: Path, problem: tuple[str, str, str]) -> tuple[Path, int]:
    """Write the problem into its file (the first place only); the file and the problem's line."""
    relative, old, new = problem
    file = repository / relative
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")
    return file, text[: text.index(old)].count("\n")


@pytest.fixture
def repository(tmp_path: Path) -> Path:
    copy = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", copy)
    return copy


def _yaml_settings(repository: Path) -> dict[str, Any]:
    """What VS Code's YAML extension tells its server: the repository's yaml.schemas."""
    vscode = json.loads((repository / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    return {"yaml": {**OFFLINE, "schemas": vscode["yaml.schemas"], "validate": True}}


@pytest.fixture
def servers(repository: Path) -> Iterator[dict[str, LanguageServer]]:
    """yaml-language-server and `styr lsp`, each with its settings as the extensions send them."""
    with (
        LanguageServer(yaml_server_command(), _yaml_settings(repository)) as yaml_server,
        LanguageServer(STYR_SERVER, {"styr": {"schemaDiagnostics": False}}) as styr_server,
    ):
        yaml_server.initialize(repository)
        styr_server.initialize(repository, {"schemaDiagnostics": False})
        yield {"yaml-language-server": yaml_server, "styr": styr_server}


def _wait_for(condition: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + WAIT
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"waited in vain for {what}")
        time.sleep(0.05)


def _settled(server: LanguageServer, uri: str) -> None:
    """Wait until the server has published what it found so far: it answers a request
    only after the notifications it sent before it."""
    server.request("textDocument/documentSymbol", {"textDocument": {"uri": uri}})


def _on_line(server: LanguageServer, uri: str, line: int) -> list[dict[str, Any]]:
    found = server.diagnostics.get(uri, [])
    return [d for d in found if d["range"]["start"]["line"] <= line <= d["range"]["end"]["line"]]


def _codes(server: LanguageServer, uri: str) -> set[str]:
    return {str(d.get("code")) for d in server.diagnostics.get(uri, [])}


def _open_everywhere(servers: dict[str, LanguageServer], *files: Path) -> list[str]:
    """Each file opened in every server, as the editor does; their URIs."""
    for server in servers.values():
        for file in files:
            server.open(file)
    return [file.as_uri() for file in files]


def test_with_schema_diagnostics_off_one_server_reports_the_schema_problem_and_styr_the_chain(
    repository: Path, servers: dict[str, LanguageServer]
) -> None:
    schema_file, schema_line = _break(repository, SCHEMA_PROBLEM)
    chain_file, chain_line = _break(repository, CHAIN_PROBLEM)
    schema_uri, chain_uri = _open_everywhere(servers, schema_file, chain_file)
    styr, yaml_server = servers["styr"], servers["yaml-language-server"]

    _wait_for(lambda: "C001" in _codes(styr, chain_uri), "styr to report the broken chain")
    _wait_for(lambda: bool(_on_line(yaml_server, schema_uri, schema_line)), "the schema problem")
    _settled(styr, schema_uri)
    reporting = [name for name, s in servers.items() if _on_line(s, schema_uri, schema_line)]
    assert reporting == ["yaml-language-server"]
    assert "S002" not in _codes(styr, schema_uri)
    assert [d["range"]["start"]["line"] for d in _on_line(styr, chain_uri, chain_line)] == [
        chain_line
    ]
    assert yaml_server.diagnostics.get(chain_uri, []) == []  # the chain is styr's alone


def test_the_control_with_schema_diagnostics_on_both_would_report_it(
    repository: Path, servers: dict[str, LanguageServer]
) -> None:
    """Without the setting the problem would be shown twice: the test above tells them apart."""
    schema_file, schema_line = _break(repository, SCHEMA_PROBLEM)
    (schema_uri,) = _open_everywhere(servers, schema_file)
    styr = servers["styr"]
    _settled(styr, schema_uri)
    styr.notify(
        "workspace/didChangeConfiguration", {"settings": {"styr": {"schemaDiagnostics": True}}}
    )
    _wait_for(lambda: "S002" in _codes(styr, schema_uri), "styr to report the schema problem")
    assert {d["range"]["start"]["line"] for d in _on_line(styr, schema_uri, schema_line)} == {
        schema_line
    }
    _wait_for(
        lambda: bool(_on_line(servers["yaml-language-server"], schema_uri, schema_line)),
        "yaml-language-server to report it too",
    )


def _extension_associations(bundle: Path) -> list[dict[str, Any]]:
    """The `json/schemaAssociations` the YAML extension sends from styr's yamlValidation:
    each glob with a leading slash, each schema as a file in the installed extension."""
    package = json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))
    return [
        {
            "uri": (bundle / entry["url"]).resolve().as_uri(),
            "fileMatch": [f"/{glob}" for glob in entry["fileMatch"]],
        }
        for entry in package["contributes"]["yamlValidation"]
    ]


def _bundle(folder: Path) -> Path:
    """The extension's folder as installed: what bundle.py writes, schemas included."""
    package_text = (EXTENSION / "package.json").read_text(encoding="utf-8")
    for relative, text in bundle_module().bundled_files(package_text).items():
        (folder / relative).parent.mkdir(parents=True, exist_ok=True)
        (folder / relative).write_text(text, encoding="utf-8")
    return folder


def test_the_extensions_schemas_check_a_file_without_modeline_or_workspace_settings(
    repository: Path, tmp_path: Path
) -> None:
    """A repository from before `styr init` gave editors help: the bundled schemas apply."""
    shutil.rmtree(repository / ".vscode")
    shutil.rmtree(repository / "schemas")
    schema_file, schema_line = _break(repository, SCHEMA_PROBLEM)
    text = schema_file.read_text(encoding="utf-8")
    schema_file.write_text(text.split("\n", 1)[1], encoding="utf-8")  # no modeline
    schema_line -= 1
    bundle = _bundle(tmp_path / "extension")
    settings = {"yaml": {**OFFLINE, "validate": True}}
    with LanguageServer(yaml_server_command(), settings) as yaml_server:
        yaml_server.initialize(repository)
        uri = yaml_server.open(schema_file)
        _settled(yaml_server, uri)
        assert _on_line(yaml_server, uri, schema_line) == []  # the control: no schema yet
        # One parameter, the list: JSON-RPC spreads a bare list over several.
        yaml_server.notify("json/schemaAssociations", [_extension_associations(bundle)])
        yaml_server.notify(
            "textDocument/didChange",
            {
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{"text": schema_file.read_text(encoding="utf-8")}],
            },
        )
        _wait_for(lambda: bool(_on_line(yaml_server, uri, schema_line)), "the schema problem")
