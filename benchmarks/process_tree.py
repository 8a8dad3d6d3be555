"""Time a command and its peak memory, counting every process it starts.

A command that hands work to other processes (`styr site` over many
repositories does) uses the memory of all of them at once: its peak is the
largest sum of the resident memory of the command and its descendants,
sampled while it runs (Linux: /proc). Where /proc is missing, the largest
single process (getrusage) is all there is, and the result says so.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
SAMPLE_EVERY = 0.02  # seconds


@dataclass(frozen=True)
class Measured:
    seconds: float
    returncode: int
    stderr: str
    largest_process_mb: float  # the largest single process (getrusage)
    tree_mb: float | None  # the largest sum over the process tree; None without /proc


def _children(pid: int) -> list[int]:
    found = []
    for task in (PROC / str(pid) / "task").glob("*/children"):
        try:
            found += [int(child) for child in task.read_text().split()]
        except OSError:
            continue
    return found


def _resident_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return 0


def tree_resident_kb(pid: int) -> int:
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        total += _resident_kb(current)
        pending += _children(current)
    return total


def measure(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Measured:
    """Run the command once; its wall-clock time and its peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    peak = [0]
    sampling = PROC.is_dir()
    finished = threading.Event()

    def sample() -> None:
        # Never poll() here: only wait4 below may reap the child, or its figures are lost.
        while not finished.wait(SAMPLE_EVERY):
            peak[0] = max(peak[0], tree_resident_kb(process.pid))

    sampler = threading.Thread(target=sample, daemon=True)
    if sampling:
        sampler.start()
    stderr = process.stderr.read() if process.stderr else ""
    # wait4 gives this child's own figures (its largest process, descendants included).
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    finished.set()
    if sampling:
        sampler.join()
    return Measured(
        seconds,
        process.returncode,
        stderr,
        usage.ru_maxrss / 1024,
        peak[0] / 1024 if sampling else None,
    )
