"""The reproducers of the security review, run as a planner or a CI job would run them.

Each test starts from a clean copy of an example, does what the review did
and runs the command line; each failed before the fix (see docs/security.md).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from conftest import EXAMPLES, CliResult
from helpers import line_of, replace_in

Run = Callable[..., CliResult]
FORMATS = ("text", "concise", "github", "json", "sarif", "junit", "gitlab")

BOARD = Path("organisation") / "ab-helsingborgshem.yaml"
HOSTILE_CODE = '"><img src=x onerror=alert(1)>'
# Any C0 or C1 control but the line break and tab, and the bidirectional controls.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    target = tmp_path / "helsingborg"
    shutil.copytree(EXAMPLES / "helsingborg", target)
    return target


def test_d1_a_hostile_code_reaches_no_anchor_of_a_markdown_report_of_two(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "huddinge"
    shutil.copytree(EXAMPLES / "huddinge", other)
    replace_in(repo / "styr.yaml", 'code: "1283"', f"code: '{HOSTILE_CODE}'")
    result = run_cli("report", repo, other, "-f", "md", "--allow-errors")
    assert result.code == 0, result.err
    assert re.search(r"(?<!\\)<img", result.out) is None  # shown as text: \<img
    anchors = re.findall(r'<a id="([^"]*)"', result.out)
    links = re.findall(r"\]\(#([^)]*)\)", result.out)
    assert anchors and links
    assert all(re.fullmatch(r"[a-z0-9_.-]+", name) for name in anchors + links)


def test_d11_a_rejected_value_breaks_neither_report_nor_status(run_cli: Run, repo: Path) -> None:
    replace_in(repo / BOARD, "targets:\n          - {year: 2026, value: 76}", "targets: 5")
    for command in (["report", "-o", "-"], ["status"], ["status", "--format", "json"]):
        result = run_cli(*command, repo, "--allow-errors")
        assert result.code in (0, 1), result.err
        assert "Internt fel" not in result.err


class _EditingKolada(ThreadingHTTPServer):
    """A Kolada that answers slowly enough for a planner to save the follow-up file meanwhile."""

    def __init__(self, while_fetching: Callable[[], object]) -> None:
        super().__init__(("127.0.0.1", 0), _EditingHandler)
        self.while_fetching = while_fetching


class _EditingHandler(BaseHTTPRequestHandler):
    server: _EditingKolada

    def do_GET(self) -> None:
        self.server.while_fetching()
        payload = json.dumps({"count": 0, "next_url": None, "values": []}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def editing_kolada() -> Iterator[Callable[[Callable[[], object]], str]]:
    servers: list[_EditingKolada] = []

    def start(while_fetching: Callable[[], object]) -> str:
        server = _EditingKolada(while_fetching)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/v3"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


PLANNERS_EDIT = (
    "kind: follow_up\n"
    "outcomes:\n"
    "  - indicator: sfn-mal-1-ind-1\n"
    '    period: "2024"\n'
    "    value: 81.0  # rättat av planeraren under hämtningen\n"
)


@pytest.mark.parametrize("existed", [True, False], ids=["edited", "created"])
def test_kolada_pull_never_overwrites_a_file_changed_while_it_fetched(
    run_cli: Run,
    repo: Path,
    editing_kolada: Callable[[Callable[[], object]], str],
    existed: bool,
) -> None:
    target = repo / "uppfoljning" / "kolada.yaml"
    if existed:
        target.write_text(PLANNERS_EDIT.replace("81.0  # rättat", "80.0  # före"), "utf-8")
    url = editing_kolada(lambda: target.write_text(PLANNERS_EDIT, encoding="utf-8"))
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 2
    assert str(target) in result.err and "Traceback" not in result.err
    assert target.read_text(encoding="utf-8") == PLANNERS_EDIT  # the planner's edit is kept
    assert [p.name for p in target.parent.iterdir() if p.name.endswith(".styr-tmp")] == []


def test_kolada_pull_writes_when_nothing_changed_meanwhile(
    run_cli: Run, repo: Path, editing_kolada: Callable[[Callable[[], object]], str]
) -> None:
    target = repo / "uppfoljning" / "kolada.yaml"
    target.write_text(PLANNERS_EDIT, encoding="utf-8")
    url = editing_kolada(lambda: None)
    result = run_cli("kolada", "pull", repo, "--years", "2024", "--base-url", url)
    assert result.code == 0, result.err


# --- Helpers for the reproducers below -------------------------------------------------


def _styr(*args: str | Path, cwd: Path, seconds: float = 60) -> CliResult:
    """`styr ARGS` in a process of its own, stopped after `seconds` (a hang fails the test)."""
    try:
        done = subprocess.run(
            [sys.executable, "-m", "styr", *map(str, args)],
            cwd=cwd,
            capture_output=True,
            text=True,
            timeout=seconds,
            env={**os.environ, "GITHUB_ACTIONS": ""},
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"styr {' '.join(map(str, args))} still ran after {seconds} s")
    return CliResult(done.returncode, done.stdout, done.stderr)


def _no_internal_error(result: CliResult) -> None:
    assert result.code in (0, 1, 2)
    assert "Internt fel" not in result.err and "Traceback" not in result.err


def _three_errors(repo: Path) -> None:
    replace_in(
        repo / "organisation" / "kulturnamnden.yaml",
        "kind: organisation\n",
        "kind: organisation\nbogus1: 1\nbogus2: 2\nbogus3: 3\n",
    )


def _cache_entries(*folders: Path) -> list[Path]:
    return [entry for folder in folders for entry in folder.rglob("*.json")]


# --- D2 and D14: the cache cannot change a verdict --------------------------------------


@pytest.mark.parametrize(
    "forged",
    ['{"format":1,"findings":[]}', '{"format":1,"findings":[{"code":"C001"}]}'],
    ids=["D2-planted", "D14-wrong-shape"],
)
def test_d2_d14_a_forged_cache_entry_gives_the_uncached_verdict(
    run_cli: Run,
    repo: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    user_cache_folder: Path,
    forged: str,
) -> None:
    monkeypatch.chdir(tmp_path)  # where a cache in the current folder would be
    _three_errors(repo)
    uncached = run_cli("lint", repo, "--no-cache")
    assert uncached.code == 1
    assert run_cli("lint", repo).code == 1  # writes the entry whose key anyone can compute
    entries = _cache_entries(tmp_path, user_cache_folder, Path(os.environ["STYR_CACHE_DIR"]))
    assert entries
    for entry in entries:
        entry.write_text(forged, encoding="utf-8")
    cached = run_cli("lint", repo)
    assert (cached.code, cached.out, cached.err) == (uncached.code, uncached.out, uncached.err)


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_d14_a_dangling_gitignore_link_in_the_cache_folder_creates_nothing(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "delad-cache"
    folder.mkdir(mode=0o700)
    victim = tmp_path / "victim"
    (folder / ".gitignore").symlink_to(victim)
    result = run_cli("lint", repo, "--cache-dir", folder)
    _no_internal_error(result)
    assert result.code == 0
    assert not victim.exists()


# --- D3 and D15: what -o and the other writers do with what is at the path ---------------


def test_d3_output_onto_a_named_pipe_is_refused_and_it_stays_a_pipe(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    pipe = tmp_path / "null"
    os.mkfifo(pipe)
    result = run_cli("lint", repo, "-o", pipe)
    assert result.code == 2 and "Internt fel" not in result.err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_d3_output_onto_a_device_is_refused_and_it_stays_a_device(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    device = tmp_path / "null"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # as /dev/null
    except (AttributeError, PermissionError, OSError):
        pytest.skip("making a device needs privileges this run does not have")
    result = run_cli("lint", repo, "-o", device)
    assert result.code == 2 and "Internt fel" not in result.err
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_d15_os_errors_outside_the_writer_are_usage_errors(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    a_file = tmp_path / "en-fil"
    a_file.write_text("x\n", encoding="utf-8")
    for args in (
        ["schema", "--export", a_file],
        ["init", a_file / "ny-kommun"],
        ["lint", repo, "-o", a_file / "fynd.txt"],
        ["report", repo, "-o", a_file / "rapport.html"],
    ):
        result = run_cli(*args)
        assert result.code == 2, args
        assert "Internt fel" not in result.err and str(a_file) in result.err


# A name no file system takes: every Linux and macOS one allows 255 bytes at most.
TOO_LONG = "a" * 300


@pytest.mark.parametrize(
    "args",
    [
        ["init", "{long}"],
        ["schema", "--export", "{long}"],
        ["lint", "{long}"],
        ["lint", "{inside}"],
        ["report", "{long}"],
        ["report", "{repo}", "-o", "{long}"],
        ["diff", "{long}"],
        ["kolada", "pull", "{repo}", "--years", "2024", "--file", "{inside}"],
        ["import", "outcomes", "{long}", "{repo}"],
    ],
    ids=lambda args: "-".join(a for a in args if "{" not in a),
)
def test_d15_a_name_too_long_is_a_usage_error_in_every_command(
    run_cli: Run,
    repo: Path,
    tmp_path: Path,
    editing_kolada: Callable[[Callable[[], object]], str],
    args: list[str],
) -> None:
    long = tmp_path / TOO_LONG
    places = {"{repo}": repo, "{long}": long, "{inside}": repo / TOO_LONG}
    given = [str(places.get(arg, arg)) for arg in args]
    if args[0] == "kolada":
        given += ["--base-url", editing_kolada(lambda: None)]
    result = run_cli(*given)
    assert result.code == 2
    _no_internal_error(result)
    assert "namnet är för långt för filsystemet" in result.err, result.err
    assert TOO_LONG in result.err  # the path it is about


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_d15_a_repository_holding_a_link_loop_is_reported(run_cli: Run, repo: Path) -> None:
    (repo / "organisation" / "a.yaml").symlink_to("b.yaml")
    (repo / "organisation" / "b.yaml").symlink_to("a.yaml")
    (repo / "organisation" / "self").symlink_to(".")
    for command in ("lint", "report", "status"):
        result = run_cli(command, repo, *(["-o", "-"] if command == "report" else []))
        _no_internal_error(result)
    assert "a.yaml" in run_cli("lint", repo).out


# --- D4, D5: costs that grow linearly ----------------------------------------------------


def test_d4_a_goal_title_of_100000_letters_without_a_target_group(repo: Path) -> None:
    board = repo / BOARD
    replace_in(board, "    target_group: hyresgäster hos AB Helsingborgshem\n", "")
    replace_in(
        board,
        "title: Fler hyresgäster ska känna sig trygga i sitt bostadsområde",
        "title: " + "a" * 100_000,
    )
    result = _styr("lint", repo, "--no-cache", "--format", "concise", cwd=repo.parent, seconds=20)
    assert result.code == 0, result.err  # 100 s before
    assert "G008" in result.out


def test_d5_5000_references_with_a_typo_each(repo: Path) -> None:
    extra = "".join(
        f"  - id: extra-mal-{n}\n    title: Fler hyresgäster ska känna sig trygga nummer {n}\n"
        f"    target_group: hyresgäster\n    contributes_to: [extra-mal-{n}x]\n"
        for n in range(5000)
    )
    replace_in(repo / BOARD, "goals:\n", "goals:\n" + extra)
    result = _styr("lint", repo, "--no-cache", "--format", "concise", cwd=repo.parent, seconds=20)
    assert result.code == 1, result.err  # 39 s before
    suggestions = [line for line in result.out.splitlines() if " C001 " in line]
    assert len(suggestions) == 5000
    assert "Menade du 'extra-mal-0'?" in suggestions[0]


# --- D6: only regular files inside the repository are read --------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_d6_links_out_devices_and_pipes_are_refused_without_reading(
    repo: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "config.yaml"
    secret.write_text("kind: organisation\npassword: hemligt-losen-123\n", encoding="utf-8")
    folder = repo / "organisation"
    (folder / "s.yaml").symlink_to(secret)
    if Path("/dev/zero").exists():
        (folder / "z.yaml").symlink_to("/dev/zero")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "f.yaml")
    for command in (["lint", "--no-cache"], ["report", "-o", "-"], ["status"]):
        result = _styr(command[0], repo, *command[1:], cwd=tmp_path, seconds=30)
        _no_internal_error(result)
        assert "hemligt-losen-123" not in result.out + result.err
    lint = _styr("lint", repo, "--no-cache", "--format", "concise", cwd=tmp_path)
    refused = {line.split(":")[0] for line in lint.out.splitlines() if " Y001 " in line}
    expected = {"s.yaml", "z.yaml", "f.yaml"} & {p.name for p in folder.iterdir()}
    assert {Path(name).name for name in refused} == expected


def test_d6_an_include_in_user_templates_never_follows_a_link_out(
    run_cli: Run, repo: Path, tmp_path: Path
) -> None:
    if not hasattr(os, "symlink"):
        pytest.skip("needs symbolic links")
    secret = tmp_path / "hemlig.txt"
    secret.write_text("hemligt-losen-123\n", encoding="utf-8")
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "bit.html.j2").symlink_to(secret)
    (templates / "report.html.j2").write_text('{% include "bit.html.j2" %}\n', encoding="utf-8")
    result = run_cli("report", repo, "--templates", templates, "-o", "-")
    assert result.code == 2 and "Internt fel" not in result.err
    assert "hemligt-losen-123" not in result.out + result.err


# --- D10, D11, D18, D19: values and settings of a wrong kind ------------------------------

HUGE = "1" + "0" * 400


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("baseline: {year: 2022, value: 68}", f"baseline: {{year: 2022, value: {HUGE}}}"),
        ("kind: organisation", "kind: 1" + "0" * 5000),
        ("better: higher", "better: [lower]"),
        ("contributes_to: [inriktning-trygghet]", "contributes_to: 5"),
        ("targets:\n          - {year: 2026, value: 76}", "targets: 5"),
    ],
    ids=["D10-value", "D10-kind", "D11-better", "D11-contributes_to", "D11-targets"],
)
def test_d10_d11_a_value_of_the_wrong_kind_is_a_finding(
    run_cli: Run, repo: Path, old: str, new: str
) -> None:
    replace_in(repo / BOARD, old, new)
    for command in (["lint"], ["lint", "--format", "json"], ["report", "-o", "-"], ["status"]):
        result = run_cli(*command, repo, *(["--allow-errors"] if command[0] != "lint" else []))
        _no_internal_error(result)
        assert result.code in (0, 1), (command, result.err)
    lint = run_cli("lint", repo, "--format", "concise")
    assert lint.code == 1 and f"{BOARD.as_posix()}:" in lint.out


# Values the renderings read, one of each sort: a choice of words (an indicator's `better`,
# a steering document's `type`, the manifest's accessibility `compliance`), a date, a text
# and a number. The first report is a fresh lint; after `lint`, the others are cache hits.
_READ_BY_RENDERINGS = [
    (BOARD, "better: lower"),
    (Path("styrdokument.yaml"), "type: program"),
    (Path("styr.yaml"), "compliance: partial"),
    (Path("styrdokument.yaml"), 'adopted_on: "2021-12-14"'),
    (Path("uppfoljning") / "2025.yaml", "title: Årsredovisning 2025"),
    (Path("vision.yaml"), "year: 2035"),
]
_PUBLISHING = [
    ["report", "-o", "-"],
    ["lint"],
    ["report", "-f", "md", "-o", "-"],
    ["report", "-f", "docx", "-o", "{out}/r.docx"],
    ["site", "-o", "{out}/site"],
    ["status"],
    ["export", "xlsx", "-o", "{out}/r.xlsx"],
]


@pytest.mark.parametrize("wrong", ["[lower]", "{a: 1}", "5"], ids=["list", "mapping", "number"])
@pytest.mark.parametrize(
    ("file", "line"),
    _READ_BY_RENDERINGS,
    ids=[line.split(":")[0] for _, line in _READ_BY_RENDERINGS],
)
def test_d11_a_value_of_the_wrong_kind_breaks_no_rendering(
    run_cli: Run, repo: Path, tmp_path: Path, file: Path, line: str, wrong: str
) -> None:
    replace_in(repo / file, line, f"{line.split(':')[0]}: {wrong}")
    for command in _PUBLISHING:
        arguments = [part.format(out=tmp_path) for part in command]
        allow = [] if command == ["lint"] else ["--allow-errors"]
        result = run_cli(*arguments, repo, *allow)
        _no_internal_error(result)
        # 1: the lint's errors; a publishing command allowed them and writes.
        assert result.code == (1 if command == ["lint"] else 0), (command, result.err)


@pytest.mark.parametrize(
    ("file", "line", "wrong"),
    [
        (Path("styrdokument.yaml"), "type: program", "5"),
        (Path("styr.yaml"), "compliance: partial", "[lower]"),
    ],
)
def test_d11_a_value_of_the_wrong_kind_breaks_no_printed_report(
    run_cli: Run, repo: Path, tmp_path: Path, file: Path, line: str, wrong: str
) -> None:
    replace_in(repo / file, line, f"{line.split(':')[0]}: {wrong}")
    result = run_cli("report", repo, "-f", "pdf", "-o", tmp_path / "r.pdf", "--allow-errors")
    _no_internal_error(result)
    assert result.code == 0 and (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    "options",
    [
        "no-target-group: {extra_groups: 5}",
        'too-many-goals: {max: "x"}',
        "indicator-repeats-goal: {similarity: -5}",
        "goal-horizon: {min_years: 5, max_years: 2}",
    ],
)
def test_d18_a_rule_option_of_the_wrong_sort_is_a_configuration_error(
    run_cli: Run, repo: Path, options: str
) -> None:
    with (repo / "styr.yaml").open("a", encoding="utf-8") as manifest:
        manifest.write(f"lint:\n  options:\n    {options}\n")
    result = run_cli("lint", repo)
    assert result.code == 2
    assert "Internt fel" not in result.err and "styr.yaml" in result.err


@pytest.mark.parametrize("number", ["1e5", "47e-1", "6.8e1", "1.e5"])
def test_d19_a_float_yaml11_reads_as_text_is_reported(
    run_cli: Run, repo: Path, number: str
) -> None:
    replace_in(
        repo / BOARD,
        "baseline: {year: 2022, value: 68}",
        f"baseline: {{year: 2022, value: {number}}}",
    )
    result = run_cli("lint", repo, "--format", "concise")
    assert result.code == 1
    line = line_of(repo / BOARD, number)
    assert f"{BOARD.as_posix()}:{line}:" in result.out and number in result.out


def test_bidi_a_direction_control_in_a_goal_title_is_reported(run_cli: Run, repo: Path) -> None:
    replace_in(
        repo / BOARD, "title: Fler hyresgäster ska", "title: Fler \u202ehyresgäster\u202c ska"
    )
    result = run_cli("lint", repo, "--format", "concise")
    assert result.code == 1
    line = line_of(repo / BOARD, "\u202e")
    assert f"{BOARD.as_posix()}:{line}:17: Y018" in result.out
    assert "\u202e" not in result.out and "U+202E" in result.out


# --- D13: no control character is printed raw, in any output --------------------------------


@pytest.fixture
def hostile(repo: Path) -> Path:
    """The example with a reference that clears the screen and sets the terminal's title, a
    goal title with a direction override, and a board file whose name holds a workflow command."""
    board = repo / BOARD
    replace_in(
        board, "contributes_to: [inriktning-trygghet]", 'contributes_to: ["\\e]0;X\\a\\e[2J"]'
    )
    replace_in(
        board,
        "title: Fler hyresgäster ska känna sig trygga i sitt bostadsområde",
        'title: "Fler \\u202ehyresgäster \\e[2J ska känna sig trygga"',
    )
    twin = repo / "organisation" / "a\n::warning file=x::y\u202e.yaml"
    shutil.copy(repo / "organisation" / "kulturnamnden.yaml", twin)
    return repo


def _assert_nothing_raw(text: str) -> None:
    assert RAW_CONTROL.search(text) is None, RAW_CONTROL.findall(text)
    assert not any(line.startswith("::warning file=x") for line in text.splitlines())


@pytest.mark.parametrize(
    "command",
    [
        *(["lint", "--format", name] for name in FORMATS),
        ["report", "-f", "html", "-o", "-", "--allow-errors"],
        ["report", "-f", "md", "-o", "-", "--allow-errors"],
        ["status", "--allow-errors"],
        ["status", "--allow-errors", "--format", "json"],
    ],
    ids=lambda command: "-".join(part.strip("-") for part in command if part != "-"),
)
def test_d13_no_output_format_prints_a_control_character_raw(
    run_cli: Run, hostile: Path, command: list[str]
) -> None:
    result = run_cli(command[0], hostile, *command[1:])
    _no_internal_error(result)
    _assert_nothing_raw(result.out)
    _assert_nothing_raw(result.err)


CONTROLS = "x\x1b]0;T\x07\x1b[2J\u202e\n::warning file=x::y"


@pytest.mark.parametrize(
    "args",
    [
        ["lint", CONTROLS],
        ["lint", "{repo}", "--fail-on", CONTROLS],
        ["lint", "{repo}", "--format", CONTROLS],
        ["lint", "{repo}", "--today", CONTROLS],
        ["lint", "{repo}", "-o", f"{{repo}}/styr.yaml/{CONTROLS}"],
        ["--lang", CONTROLS, "lint", "{repo}"],
        ["report", "{repo}", "-f", CONTROLS],
        ["status", "{repo}", "--period", CONTROLS],
        ["rule", CONTROLS],
        ["kolada", "pull", "{repo}", "--years", CONTROLS],
        ["schema", CONTROLS],
    ],
    ids=lambda args: "-".join(a for a in args if a.isascii() and a.isprintable() and a != "{repo}"),
)
def test_d13_a_usage_error_never_echoes_a_control_character_raw(
    run_cli: Run, repo: Path, args: list[str]
) -> None:
    result = run_cli(*(arg.replace("{repo}", str(repo)) for arg in args))
    assert result.code == 2
    _assert_nothing_raw(result.out + result.err)


# --- D16, D17: init --------------------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_d16_init_that_fails_half_way_leaves_nothing_and_can_run_again(tmp_path: Path) -> None:
    import resource

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

    done = subprocess.run(
        [sys.executable, "-m", "styr", "init", "x"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_files,
    )
    assert done.returncode == 2 and "Internt fel" not in done.stderr
    assert not (tmp_path / "x").exists() or not any((tmp_path / "x").iterdir())
    assert [p for p in tmp_path.rglob("*") if p.name.endswith(".styr-tmp")] == []
    again = _styr("init", "x", cwd=tmp_path)
    assert again.code == 0, again.err


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_d16_export_xlsx_over_a_file_size_limit_says_so_as_every_writer_does(
    repo: Path, tmp_path: Path
) -> None:
    import resource

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead
        resource.setrlimit(resource.RLIMIT_FSIZE, (8 * 1024, 8 * 1024))

    system_temporary = tmp_path / "tmp"
    system_temporary.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "styr", "export", "xlsx", repo, "-o", "styr.xlsx"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=small_files,
        env={**os.environ, "TMPDIR": str(system_temporary)},
    )
    assert done.returncode == 2
    assert "Internt fel" not in done.stderr and "Traceback" not in done.stderr, done.stderr
    assert "Exception ignored" not in done.stderr, done.stderr
    assert "Kunde inte skriva styr.xlsx: filen blir större än" in done.stderr, done.stderr
    assert not (tmp_path / "styr.xlsx").exists()
    assert list(system_temporary.iterdir()) == []  # no sheet left in the temporary folder
    assert [p for p in tmp_path.rglob("*") if p.name.endswith(".styr-tmp")] == []


@pytest.mark.parametrize("name", ["Ale: kommun", "Håbo #1", "- lista", "'citat'", "ja"])
def test_d17_init_name_is_written_as_given(run_cli: Run, tmp_path: Path, name: str) -> None:
    target = tmp_path / "kommun"
    assert run_cli("init", target, "--name", name).code == 0
    result = run_cli("lint", target, "--format", "json")
    assert result.code == 0, result.out
    import yaml

    manifest = yaml.safe_load((target / "styr.yaml").read_text(encoding="utf-8"))
    assert manifest["municipality"]["name"] == name


def test_d17_a_name_with_a_line_break_injects_nothing(run_cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "kommun"
    result = run_cli("init", target, "--name", "X\nkind: vision")
    assert result.code == 2
    assert not target.exists()


# --- D20: user templates are bounded ---------------------------------------------------------


@pytest.mark.parametrize(
    "template",
    [
        "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}\n",
        "{{ 'x' * 400000000 }}\n",
    ],
    ids=["nested-loops", "huge-string"],
)
def test_d20_a_user_template_is_stopped(repo: Path, tmp_path: Path, template: str) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "report.html.j2").write_text(template, encoding="utf-8")
    result = _styr(
        "report", repo, "--templates", templates, "-o", tmp_path / "r.html", cwd=tmp_path
    )
    assert result.code == 2 and "Internt fel" not in result.err
    assert "report.html.j2" in result.err
    assert not (tmp_path / "r.html").exists()


def _limit_memory() -> None:
    import resource  # POSIX only, as the reproducers are

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))  # a regression fails, not swaps


@pytest.mark.parametrize(
    "template",
    ["{{ lipsum(1000000) }}\n", '{{ ("\\t" * 1000).expandtabs(9000000) }}\n'],
    ids=["lipsum", "expandtabs"],
)
def test_d20_one_call_is_refused_before_it_builds_a_huge_text(
    repo: Path, tmp_path: Path, template: str
) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "report.html.j2").write_text(template, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "styr", "report", str(repo), "--templates", str(templates)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limit_memory,
    )
    assert done.returncode == 2 and "Internt fel" not in done.stderr
    assert "report.html.j2" in done.stderr and "stoppades" in done.stderr


def test_d20_a_python_error_in_a_template_is_the_templates_not_styrs(
    repo: Path, tmp_path: Path
) -> None:
    templates = tmp_path / "mallar"
    templates.mkdir()
    (templates / "report.html.j2").write_text("rad ett\n{{ 1 / 0 }}\n", encoding="utf-8")
    result = _styr("report", repo, "--templates", templates, "-o", "-", cwd=tmp_path)
    assert result.code == 2 and "Internt fel" not in result.err
    assert "report.html.j2" in result.err and "rad 2" in result.err and "noll" in result.err
