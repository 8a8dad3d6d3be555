"""What one rendering of a user template may still spend: time, loop steps, output.

`Budget` is charged by the sandbox (`styr.report.sandbox`) for every loop
step, every call and every piece written, and raises `TemplateLimit` at a
bound; `CountedRange` is a template's `range`, whose numbers count as steps
however they are read.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from typing import overload

from styr.report.sandbox_sizes import TemplateLimit

SECONDS = 120.0
STEPS = 20_000_000  # loop iterations in all; the bundled report of 100,000 goals needs ~2 million
MAX_OUTPUT = 200_000_000  # characters the template writes in all


class Budget:
    """What one rendering may still spend."""

    def __init__(self) -> None:
        self.deadline = time.monotonic() + SECONDS
        self.steps = 0
        self.written = 0

    def step(self, count: int = 1) -> None:
        self.steps += count
        if self.steps > STEPS:  # said as what it is: a count of steps, not a time
            raise TemplateLimit(
                "report-template-too-many-steps", steps=f"{STEPS:,}".replace(",", " ")
            )
        if self.steps % 1024 == 0 and time.monotonic() > self.deadline:
            raise TemplateLimit("report-template-too-slow", seconds=int(SECONDS))

    def write(self, text: str) -> None:
        self.written += len(text)
        if self.written > MAX_OUTPUT:
            raise TemplateLimit("report-template-too-large", limit=MAX_OUTPUT)
        if time.monotonic() > self.deadline:
            raise TemplateLimit("report-template-too-slow", seconds=int(SECONDS))


class CountedRange(Sequence[int]):
    """A template's `range`: the numbers it gives, however read, count as loop steps.

    `range(9000000) | map('string') | join` is one call that loops in Python;
    counted, it stops at the bound on steps and time like a `for` loop.
    """

    def __init__(self, numbers: range, budget: Budget) -> None:
        self.numbers = numbers
        self.budget = budget

    def __len__(self) -> int:
        return len(self.numbers)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> CountedRange: ...
    def __getitem__(self, index: int | slice) -> int | CountedRange:
        if isinstance(index, slice):
            return CountedRange(self.numbers[index], self.budget)
        return self.numbers[index]

    def __iter__(self) -> Iterator[int]:
        budget = self.budget
        for number in self.numbers:
            budget.step()
            yield number

    def __contains__(self, value: object) -> bool:
        return value in self.numbers

    def __repr__(self) -> str:
        return repr(self.numbers)
