"""Stress benchmark: time and peak memory of lint, report and status on extreme repositories.

    python benchmarks/stress.py [--quick] [--keep DIR] [--case CASE:SIZE ...]

Each case is a synthetic repository (benchmarks/stress_corpus.py): 1,000,
10,000 and 100,000 goals; a chain 10,000 goals deep; a cycle of 50,000
goals; 20,000 references to unknown ids; a goal with a 1 MB title. Every
command runs in a fresh process; its CPU time, wall time and peak resident
memory are those of that process alone (os.wait4), so one figure never
carries over into the next. The script prints a table, then PASS or FAIL for
each target, computed from figures of this same run, and exits 1 if a target
fails. Before the table and after it, the script times a fixed piece of
reference work in a fresh process: how fast the machine was during the run,
by which runs of different days compare. `--quick` runs sizes small enough
for CI (the same cases, a tenth or less); `--case goals:100000` runs only
that case (repeat it for several), to measure or profile one cost, and
judges only the targets its figures allow.

Targets (on CPU time, which other work on a shared machine disturbs far
less than wall time; every case is one repository, linted in one process):
  * growth: for every command, seconds per goal at the largest goal count is
    at most 1.5 × seconds per goal at a tenth of it;
  * time: every command on every case under 10 s;
  * memory: lint at most 500 MB, report at most 600 MB, on every case.

Unix only (os.wait4). Nothing here is a test: a small pytest
(tests/test_stress_small.py) runs the cases at tiny sizes for their findings.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from stress_corpus import CASES, generate  # noqa: E402

FULL = (
    ("goals", 1_000),
    ("goals", 10_000),
    ("goals", 100_000),
    ("chain", 10_000),
    ("cycle", 50_000),
    ("unknown", 20_000),
    ("title", 1_000_000),
)
QUICK = (
    ("goals", 100),
    ("goals", 1_000),
    ("goals", 10_000),
    ("chain", 1_000),
    ("cycle", 5_000),
    ("unknown", 2_000),
    ("title", 100_000),
)
COMMANDS = ("lint", "report-html", "report-md", "status")
SECONDS_LIMIT = 10.0
GROWTH_LIMIT = 1.5
MEMORY_LIMITS_MB = {"lint": 500, "report-html": 600, "report-md": 600}
GIVE_UP_AFTER = 300.0  # a quadratic case is reported as too slow, not waited for


@dataclass(frozen=True)
class Measurement:
    case: str
    size: int
    command: str
    seconds: float  # wall clock
    cpu: float  # user and system time of the process and its children
    peak_mb: float
    exit_code: int  # -1 when it was stopped after GIVE_UP_AFTER


def arguments_for(command: str, repository: Path, out: Path) -> list[str]:
    if command == "lint":
        return ["lint", "--no-cache", "--output-format", "concise", str(repository)]
    # Some cases have errors on purpose (a cycle, unknown ids): publish them anyway.
    if command == "status":
        return ["status", "--allow-errors", "--period", "2025", str(repository)]
    fmt = command.removeprefix("report-")
    target = str(out / f"rapport.{fmt}")
    return ["report", "--allow-errors", "-f", fmt, "-o", target, str(repository)]


def measure(command: str, repository: Path, out: Path) -> tuple[float, float, float, int]:
    """Wall and CPU seconds, peak resident memory (MB) and exit code of one fresh `styr`."""
    argv = [sys.executable, "-m", "styr", *arguments_for(command, repository, out)]
    start = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + GIVE_UP_AFTER
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            process.kill()
            pid, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            cpu = usage.ru_utime + usage.ru_stime
            return time.perf_counter() - start, cpu, usage.ru_maxrss / 1024, -1
        time.sleep(0.01)
    seconds = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime
    # Reaped here, not by `process`: told, it does not warn that the process still runs.
    process.returncode = os.waitstatus_to_exitcode(status)
    # ru_maxrss is in kilobytes on Linux: the process and the children it waited for.
    return seconds, cpu, usage.ru_maxrss / 1024, process.returncode


# A fixed piece of work, each time in a fresh process: the same command on the same files took
# from one day to the next up to two and a half times as long on a shared machine. Timed at
# the start and at the end of a run, it says how fast the machine was while the figures were
# taken, so that runs of different days can be compared by it. Python work and PyYAML's C
# parser, as styr's own work is.
REFERENCE_PROGRAM = """
import time, yaml
goals = [{"id": f"mal-{n}", "title": f"Fler invånare ska vara nöjda {n}", "year": 2026,
          "value": n % 100} for n in range(10_000)]
text = yaml.safe_dump({"goals": goals}, allow_unicode=True, sort_keys=False)
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
start = time.process_time()
data = yaml.load(text, Loader=loader)
words = sorted({word for goal in data["goals"] for word in goal["title"].split()}, key=len)
assert len(words) > 10_000
print(f"{time.process_time() - start:.3f}")
"""


def reference_seconds() -> float:
    """CPU seconds of `REFERENCE_PROGRAM` (its timed part) in a fresh process."""
    done = subprocess.run(
        [sys.executable, "-c", REFERENCE_PROGRAM], capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip())


def run_case(case: str, size: int, work: Path) -> list[Measurement]:
    repository = work / f"{case}-{size}"
    generate(repository, case, size)
    found = []
    for command in COMMANDS:
        seconds, cpu, peak, code = measure(command, repository, work)
        found.append(Measurement(case, size, command, seconds, cpu, peak, code))
        print_row(found[-1])
    return found


HEADER = (
    f"{'case':<10} {'size':>9}  {'command':<12} {'cpu s':>8} {'wall s':>8} {'peak MB':>8}  exit"
)


def print_row(m: Measurement) -> None:
    wall = f"> {m.seconds:.0f}" if m.exit_code == -1 else f"{m.seconds:.2f}"
    print(
        f"{m.case:<10} {m.size:>9,}  {m.command:<12} {m.cpu:>8.2f} {wall:>8} "
        f"{m.peak_mb:>8.0f}  {m.exit_code}",
        flush=True,
    )


def case_and_size(text: str) -> tuple[str, int]:
    """`goals:100000` (or `goals:100_000`) as a case and its size."""
    case, _, size = text.partition(":")
    if case not in CASES or not size.replace("_", "").isdigit():
        raise argparse.ArgumentTypeError(f"{text!r}: CASE:SIZE, CASE one of {', '.join(CASES)}")
    return case, int(size.replace("_", ""))


def growth_verdicts(measurements: list[Measurement]) -> list[tuple[bool, str]]:
    """CPU seconds per goal at the largest goal count against a tenth of it, per command.

    None when the run has no goal count with a tenth of it beside it (a single `--case`).
    """
    verdicts: list[tuple[bool, str]] = []
    goals = sorted({m.size for m in measurements if m.case == "goals"})
    if not goals or goals[-1] // 10 not in goals:
        return verdicts
    large = goals[-1]
    small = large // 10
    for command in COMMANDS:
        by_size = {m.size: m for m in measurements if m.case == "goals" and m.command == command}
        ratio = (by_size[large].cpu / large) / (by_size[small].cpu / small)
        verdicts.append(
            (
                ratio <= GROWTH_LIMIT and by_size[large].exit_code != -1,
                f"{command}: per goal at {large:,}, {ratio:.2f} × per goal at {small:,} "
                f"(≤ {GROWTH_LIMIT} ×)",
            )
        )
    return verdicts


def limit_verdicts(measurements: list[Measurement]) -> list[tuple[bool, str]]:
    verdicts = []
    for m in measurements:
        name = f"{m.command} on {m.case} {m.size:,}"
        verdicts.append(
            (
                m.exit_code in (0, 1) and m.cpu < SECONDS_LIMIT,
                f"{name}: {m.cpu:.2f} s, exit {m.exit_code} (< {SECONDS_LIMIT:.0f} s, exit 0 or 1)",
            )
        )
        limit = MEMORY_LIMITS_MB.get(m.command)
        if limit is not None:
            verdicts.append((m.peak_mb <= limit, f"{name}: peak {m.peak_mb:.0f} MB (≤ {limit} MB)"))
    return verdicts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, for CI")
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument(
        "--case",
        action="append",
        type=case_and_size,
        metavar="CASE:SIZE",
        help=f"only this case ({', '.join(CASES)}), e.g. goals:100000; may be repeated",
    )
    arguments = parser.parse_args()
    work = arguments.keep or Path(tempfile.mkdtemp(prefix="styr-stress-"))
    work.mkdir(parents=True, exist_ok=True)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
    before = reference_seconds()
    print(f"machine speed: the fixed reference work took {before:.2f} s (CPU)")
    print(HEADER)
    measurements: list[Measurement] = []
    try:
        for case, size in arguments.case or (QUICK if arguments.quick else FULL):
            measurements.extend(run_case(case, size, work))
    finally:
        if arguments.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    after = reference_seconds()
    print(f"machine speed: the fixed reference work took {after:.2f} s (CPU) at the end")
    print()
    growth = growth_verdicts(measurements)
    if not growth:
        print("growth not judged: it needs goals at two sizes, one a tenth of the other")
    verdicts = growth + limit_verdicts(measurements)
    for passed, text in verdicts:
        print(f"{'PASS' if passed else 'FAIL'}  {text}")
    failed = sum(1 for passed, _ in verdicts if not passed)
    print()
    print("every target met" if not failed else f"{failed} of {len(verdicts)} targets NOT met")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
