"""Benchmark styr on a generated corpus and print each figure next to its floor.

    python benchmarks/run.py [--municipalities 290] [--corpus DIR] [--repeat 3]

Figures are wall-clock seconds (best of --repeat) measured in this run, so the
ratios compare like with like on the same machine. Nothing here is a test:
the script prints, it does not assert.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from generate_corpus import generate  # noqa: E402
from lsp_timing import EDITS, median_latency, start_up  # noqa: E402
from process_tree import measure  # noqa: E402

SITE_DATE = "2026-12-01"  # a fixed date: the pages do not depend on when the benchmark ran


def best_of(repeat: int, action: Callable[[], object]) -> float:
    timings = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        timings.append(time.perf_counter() - start)
    return min(timings)


def parse_floor(files: list[Path]) -> None:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for file in files:
        yaml.load(file.read_bytes(), Loader=loader)


def fast_parse_floor(texts: list[str]) -> None:
    import yaml_rs

    for text in texts:
        yaml_rs.loads(text, parse_datetime=False)


def run(command: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)


def styr(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "styr", *arguments]


def peak_child_memory_mb() -> float:
    # ru_maxrss is in kilobytes on Linux: the largest child process so far.
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def row(name: str, seconds: float | None, floor: float | None = None, note: str = "") -> None:
    shown = "n/a" if seconds is None else f"{seconds:8.3f} s"
    ratio = f"{seconds / floor:6.2f} × floor" if seconds is not None and floor else ""
    print(f"{name:<44} {shown:>12}  {ratio:<16} {note}")


def against_fast_floor(seconds: float, fast_floor: float, target: float) -> str:
    """The second target: the same figure against the fastest parser's floor."""
    ratio = seconds / fast_floor
    verdict = "met" if ratio <= target else "NOT met"
    return f"{ratio:.2f} × fast floor (target ≤ {target} ×: {verdict})"


def site_row(corpus: Path, output: Path, floor: float) -> None:
    """The whole site of every municipality (every page), once, with its peak memory.

    From scratch, as a publishing pipeline runs it: the lint before the site
    gets an empty cache of its own (never the user's).
    """
    command = styr("site", str(corpus), "-o", str(output), "--date", SITE_DATE)
    empty_cache = tempfile.mkdtemp(prefix="styr-site-cache-")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    site = measure(command, ROOT, {**os.environ, "STYR_CACHE_DIR": empty_cache})
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if site.returncode != 0:
        last = (site.stderr.strip().splitlines() or ["no message"])[-1]
        row("styr site, whole corpus", None, None, f"failed ({site.returncode}): {last}")
        return
    pages = sum(1 for _ in output.rglob("*.html"))
    name = f"styr site, whole corpus, cold ({pages} pages)"
    row(name, site.seconds, floor, "target ≤ 1.0 × floor")
    if site.tree_mb is None:
        memory = f"{site.largest_process_mb:.0f} MB, largest process (no /proc to sum them)"
    else:
        memory = f"{site.tree_mb:.0f} MB, all its processes together"
        memory += f" (largest alone {site.largest_process_mb:.0f} MB)"
    row("  peak memory of styr site", None, None, f"{memory}; target ≤ 500 MB")
    # The processor time of the site and its workers: on a machine that others share the
    # wall-clock time varies from run to run, this much less.
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    cores = os.cpu_count() or 1
    note = f"all its processes together; ≥ {cpu / cores:.1f} s on {cores} cores at best"
    row("  processor time of styr site", cpu, floor, note)


def git_corpus(corpus: Path, folder: Path) -> tuple[Path, str, str, Path, str]:
    """A git repository of the corpus: one commit, then ONE file of one municipality edited
    and committed, then one value in one file of EVERY municipality edited and committed.
    The work tree, the first two commits, the municipality changed and the last commit."""
    work_tree = folder / "styrning"
    shutil.copytree(corpus, work_tree)
    environment = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1"}

    def git(*arguments: str) -> str:
        command = ["git", "-c", "user.name=benchmark", "-c", "user.email=benchmark@example.org"]
        answer = subprocess.run(
            [*command, *arguments],
            cwd=work_tree,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return answer.stdout.strip()

    git("init", "-q", "-b", "main")
    git("add", "-A")
    git("commit", "-q", "-m", "Mål och budget 2025")
    old = git("rev-parse", "HEAD")
    municipalities = sorted(p.parent for p in work_tree.glob("*/styr.yaml"))
    municipality = municipalities[len(municipalities) // 2]
    edited = sorted((municipality / "organisation").glob("*.yaml"))[0]
    text = edited.read_text(encoding="utf-8")
    edited.write_text(text.replace("title: ", "title: Ändrat, ", 1), encoding="utf-8")
    git("commit", "-q", "-a", "-m", "Mål och budget 2026")
    one_changed = git("rev-parse", "HEAD")
    for each in municipalities:  # a new budget year everywhere: one title in each
        board = sorted((each / "organisation").glob("*.yaml"))[-1]
        text = board.read_text(encoding="utf-8")
        board.write_text(text.replace("title: ", "title: Nytt år, ", 1), encoding="utf-8")
    git("commit", "-q", "-a", "-m", "Mål och budget 2027")
    return work_tree, old, one_changed, municipality, git("rev-parse", "HEAD")


def diff_rows(corpus: Path, folder: Path, cold: float, repeat: int) -> None:
    """styr diff of two revisions of the corpus that differ in one file, and in every
    municipality, beside cold lint."""
    try:
        work_tree, old, new, municipality, every = git_corpus(corpus, folder)
    except (OSError, subprocess.CalledProcessError) as error:
        row("styr diff (no git to make the revisions)", None, None, str(error))
        return

    def timed(*paths: str, to: str = new) -> float:
        command = styr("diff", old, to, *paths, "--format", "json")

        def one() -> None:
            answer = subprocess.run(command, capture_output=True, cwd=work_tree, check=False)
            if answer.returncode != 0:
                raise SystemExit(f"styr diff failed: {answer.stderr.decode()[-500:]}")

        return best_of(repeat, one)

    whole = timed()
    verdict = "met" if whole <= cold else "NOT met"
    note = f"{whole / cold:.2f} × cold lint (target ≤ 1.0 ×: {verdict})"
    row("styr diff, two revisions, one file changed", whole, None, note)
    one = timed(municipality.name)
    verdict = "met" if one <= 0.5 else "NOT met"
    row("styr diff, one municipality", one, None, f"target ≤ 0.5 s: {verdict}")
    # No target: the is for one file changed. Shown so that the cost of
    # comparing (both sides loaded and linted) stays in view.
    all_changed = timed(to=every)
    note = f"{all_changed / cold:.2f} × cold lint (no target)"
    row("styr diff, every municipality changed", all_changed, None, note)


# Each of these runs in a fresh process of its own: every municipality's workbook exported,
# then every filled-in workbook imported, as a controller's round would do it in turn.
EXCEL_EXPORT = """
import sys
from pathlib import Path
from styr.excel.export import export_workbook
out = Path(sys.argv[1])
for root in map(Path, sys.argv[2:]):
    export_workbook(root, out / f"{root.name}.xlsx", allow_errors=True)
"""
EXCEL_IMPORT = """
import sys
from pathlib import Path
from styr.excel.import_outcomes import import_outcomes
out = Path(sys.argv[1])
for root in map(Path, sys.argv[2:]):
    result = import_outcomes(out / f"{root.name}.xlsx", root, overwrite=True)
    if result.findings or result.new_errors:
        raise SystemExit(f"{root.name}: {len(result.findings) + len(result.new_errors)} findings")
"""


def fill_outcomes(folder: Path) -> int:
    """Every empty outcome cell of the exported workbooks filled in; how many cells."""
    import openpyxl

    filled = 0
    for path in sorted(folder.glob("*.xlsx")):
        book = openpyxl.load_workbook(path)
        sheet = book.worksheets[3]  # the outcome sheet, in the order the export writes
        headings = [cell.value for cell in sheet[1]]
        value = headings.index("Utfall" if "Utfall" in headings else "Outcome") + 1
        for row in range(2, sheet.max_row + 1):
            if sheet.cell(row, value).value is None:
                sheet.cell(row, value).value = 50.5
                filled += 1
        book.save(path)
    return filled


def excel_rows(corpus: Path, folder: Path, cold: float) -> None:
    """styr export xlsx and styr import outcomes of every municipality, beside cold lint."""
    copy = folder / "excel-corpus"  # the import writes: the other rows keep their corpus
    shutil.copytree(corpus, copy)
    roots = [str(p.parent) for p in sorted(copy.glob("*/styr.yaml"))]
    workbooks = folder / "workbooks"
    workbooks.mkdir()
    for name, program in (("export", EXCEL_EXPORT), ("import", EXCEL_IMPORT)):
        if name == "import":
            filled = fill_outcomes(workbooks)  # not timed: the controller's part
        start = time.perf_counter()
        answer = run([sys.executable, "-c", program, str(workbooks), *roots])
        seconds = time.perf_counter() - start
        if answer.returncode != 0:
            last = (answer.stderr.strip().splitlines() or ["no message"])[-1]
            row(f"styr {name} (Excel), every municipality", None, None, f"failed: {last}")
            return
        note = f"{seconds / cold:.2f} × cold lint, {len(roots)} workbooks"
        if name == "import":
            note += f", {filled} cells filled in"
        row(f"styr {name} (Excel), every municipality", seconds, None, note)


def document_rows(corpus: Path, folder: Path, repeat: int) -> None:
    """The PDF and the Word document of one municipality's report, beside its HTML report.

    Each in a fresh process, as a planner runs it; the PDF only where WeasyPrint
    (the extra styr[pdf]) is installed.
    """
    municipality = str(sorted(corpus.glob("*/styr.yaml"))[0].parent)
    failed: list[str] = []  # the last line a failed run wrote

    def report(fmt: str) -> float:
        command = styr("report", municipality, "-f", fmt, "-o", str(folder / f"one.{fmt}"))

        def one() -> None:
            answer = run(command)
            if answer.returncode != 0:
                failed.append((answer.stderr.strip().splitlines() or ["no message"])[-1])

        return best_of(repeat, one)

    html = report("html")
    row("styr report, one municipality (html)", html)
    for fmt in ("pdf", "docx"):
        seconds = report(fmt)
        if failed:
            row(f"styr report, one municipality ({fmt})", None, None, f"failed: {failed.pop()}")
            failed.clear()
            continue
        size = (folder / f"one.{fmt}").stat().st_size / 1e6
        note = f"{seconds / html:.2f} × its html report, {size:.2f} MB"
        row(f"styr report, one municipality ({fmt})", seconds, None, note)


def lsp_rows(corpus: Path, repeat: int) -> None:
    """styr lsp: edit-to-diagnostics latency on Helsingborg, start-up on the whole corpus.

    The issue states both targets in absolute terms (50 ms, 5 s); each row also
    gives the ratio to a cold `styr lint` of the same repository, in this run.
    """
    helsingborg = ROOT / "examples" / "helsingborg"
    board = helsingborg / "organisation" / "kulturnamnden.yaml"
    latency = median_latency(helsingborg, board, "inriktning-trygghet]", "inriktning-trygghett]")
    cold_example = best_of(repeat, lambda: run(styr("lint", "--no-cache", str(helsingborg))))
    verdict = "met" if latency <= 0.050 else "NOT met"
    row(
        f"styr lsp edit → diagnostics (median of {EDITS})",
        latency,
        None,
        f"target ≤ 50 ms: {verdict}; {latency / cold_example:.2f} × cold styr lint of it",
    )
    municipality = sorted(p for p in corpus.iterdir() if (p / "styr.yaml").is_file())[0]
    opened = sorted((municipality / "organisation").glob("*.yaml"))[-1]
    ready = best_of(repeat, lambda: start_up(corpus, opened))
    cold_one = best_of(
        repeat, lambda: run(styr("lint", "--no-cache", "--jobs", "1", str(municipality)))
    )
    verdict = "met" if ready <= 5.0 else "NOT met"
    row(
        "styr lsp start-up, whole corpus, one file",
        ready,
        None,
        f"target ≤ 5 s: {verdict}; {ready / cold_one:.2f} × cold styr lint of its municipality",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--municipalities", type=int, default=290)
    parser.add_argument("--corpus", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    arguments = parser.parse_args()

    corpus = arguments.corpus or Path(tempfile.mkdtemp(prefix="styr-corpus-"))
    generate(corpus, arguments.municipalities, 24, 2026)
    files = sorted(corpus.rglob("*.yaml"))
    size = sum(f.stat().st_size for f in files)
    print(
        f"corpus: {arguments.municipalities} municipalities, {len(files)} files, "
        f"{size / 1e6:.1f} MB"
    )
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        # Every run then compiles styr's modules again: slower starts than an install has.
        print("note: PYTHONDONTWRITEBYTECODE is set, so no run uses compiled bytecode")
    print()

    floor = best_of(arguments.repeat, lambda: parse_floor(files))
    row("parse floor (PyYAML C loader, one process)", floor, floor)
    # The second floor: the fastest parser there is (yaml-rs, compiled) over
    # the same files, decoded beforehand so that only parsing is timed.
    texts = [file.read_text(encoding="utf-8") for file in files]
    fast_floor = best_of(arguments.repeat, lambda: fast_parse_floor(texts))
    row("fast floor (yaml-rs, one process)", fast_floor, floor)
    cache = Path(tempfile.mkdtemp(prefix="styr-cache-"))
    lint_args = ("lint", str(corpus), "--output-format", "concise", "--cache-dir", str(cache))
    serial = best_of(1, lambda: run(styr(*lint_args, "--no-cache", "--jobs", "1")))
    row("styr lint, one process, no cache", serial, floor)
    cold = best_of(1, lambda: run(styr(*lint_args)))
    row("styr lint cold (all cores, empty cache)", cold, floor, "target ≤ 0.6 × floor")
    row("  cold against the fast floor", None, None, against_fast_floor(cold, fast_floor, 1.5))
    warm = best_of(arguments.repeat, lambda: run(styr(*lint_args)))
    row("styr lint warm (nothing changed)", warm, floor, "target ≤ 0.15 × floor")
    row("  warm against the fast floor", None, None, against_fast_floor(warm, fast_floor, 0.25))
    changed = files[len(files) // 2]
    original = changed.read_bytes()
    try:

        def change_one() -> None:
            changed.write_bytes(original + f"# {time.perf_counter()}\n".encode())
            run(styr(*lint_args))

        one = best_of(arguments.repeat, change_one)
    finally:
        changed.write_bytes(original)
    row("styr lint after changing one file", one, floor, "target ≤ 0.2 × floor")
    diff_rows(corpus, cache, cold, arguments.repeat)
    report = best_of(
        1, lambda: run(styr("report", str(corpus), "--format", "html", "-o", str(cache / "r.html")))
    )
    row("styr report --format html, whole corpus", report, None, "target ≤ 3 s")
    document_rows(corpus, cache, arguments.repeat)
    python = best_of(arguments.repeat, lambda: run([sys.executable, "-c", "pass"]))
    version = best_of(arguments.repeat, lambda: run(styr("--version")))
    row("python -c pass", python)
    row("styr --version", version, None, f"{version / python:.2f} × python -c pass")
    example = best_of(arguments.repeat, lambda: run(styr("lint", "examples/helsingborg")))
    row("styr lint examples/helsingborg", example)
    row("peak memory of a child process", None, None, f"{peak_child_memory_mb():.0f} MB")
    # After the row above, which would otherwise count the site's processes too.
    site_row(corpus, cache / "site", floor)
    if shutil.which("check-jsonschema"):
        schema = ROOT / "schemas" / "organisation.schema.json"
        boards = [str(f) for f in files if "/organisation/" in f.as_posix()]
        timing = best_of(1, lambda: run(["check-jsonschema", "--schemafile", str(schema), *boards]))
        row("check-jsonschema, organisation files only", timing, floor)
    else:
        row("check-jsonschema (not installed)", None)
    excel_rows(corpus, cache, cold)
    lsp_rows(corpus, arguments.repeat)


if __name__ == "__main__":
    main()
