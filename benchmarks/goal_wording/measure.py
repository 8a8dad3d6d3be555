"""Measure G002's classify() on the hand-labelled corpus of real goal statements.

    python benchmarks/goal_wording/measure.py [--split all|dev|heldout|fresh1|fresh2]

The positive class is "activity". The corpus is split by document, so that
goals from one document never sit on both sides: a document is held out when
sha256(SALT + organisation + " | " + document) is divisible by 3. The salt was
chosen once, before classify() was first run, as the first of ten that put
about a third of the goals in the held-out set (see README.md). Entries marked
`fresh: N` were collected and labelled after the rule's N-th freeze, before it
was run on them, and form split "freshN". Nothing here asserts; the tests do.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))

from styr.rules.goal_wording import classify  # noqa: E402

CORPUS = HERE / "corpus.yaml"
SALT = "G002-0"
SPLITS = ("all", "dev", "heldout", "fresh1", "fresh2")
LABELS = ("result", "activity")


@dataclass(frozen=True, slots=True)
class Entry:
    text: str
    label: str
    source: dict[str, Any]
    note: str
    fresh: int  # 0, or the freeze after which the entry was collected

    @property
    def document(self) -> str:
        return f"{self.source.get('organisation', '')} | {self.source.get('document', '')}"

    @property
    def split(self) -> str:
        if self.fresh:
            return f"fresh{self.fresh}"
        digest = hashlib.sha256((SALT + self.document).encode("utf-8")).hexdigest()
        return "heldout" if int(digest, 16) % 3 == 0 else "dev"


@dataclass(frozen=True, slots=True)
class Scores:
    true_positive: int
    false_positive: int
    false_negative: int
    true_negative: int
    missed: tuple[Entry, ...]  # activities judged results
    false_alarms: tuple[Entry, ...]  # results judged activities

    @property
    def total(self) -> int:
        return self.true_positive + self.false_positive + self.false_negative + self.true_negative

    @property
    def precision(self) -> float:
        flagged = self.true_positive + self.false_positive
        return self.true_positive / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positive + self.false_negative
        return self.true_positive / actual if actual else 1.0


def load(path: Path = CORPUS) -> list[Entry]:
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    return [
        Entry(
            text=str(item["text"]),
            label=str(item["label"]),
            source=dict(item.get("source") or {}),
            note=str(item.get("note") or ""),
            fresh=int(item.get("fresh") or 0),
        )
        for item in raw
    ]


def select(entries: Iterable[Entry], split: str) -> list[Entry]:
    return [entry for entry in entries if split == "all" or entry.split == split]


def score(entries: Sequence[Entry]) -> Scores:
    counts = {"tp": 0, "fp": 0, "fn": 0, "tn": 0}
    missed: list[Entry] = []
    false_alarms: list[Entry] = []
    for entry in entries:
        predicted = classify(entry.text).is_activity
        actual = entry.label == "activity"
        if predicted and actual:
            counts["tp"] += 1
        elif predicted:
            counts["fp"] += 1
            false_alarms.append(entry)
        elif actual:
            counts["fn"] += 1
            missed.append(entry)
        else:
            counts["tn"] += 1
    return Scores(
        counts["tp"], counts["fp"], counts["fn"], counts["tn"], tuple(missed), tuple(false_alarms)
    )


def report(name: str, scores: Scores) -> str:
    lines = [
        f"== {name}: {scores.total} goals",
        "                    predicted activity   predicted result",
        f"  label activity    {scores.true_positive:>18}   {scores.false_negative:>16}",
        f"  label result      {scores.false_positive:>18}   {scores.true_negative:>16}",
        f"  precision (activity) {scores.precision:.3f}   recall (activity) {scores.recall:.3f}",
    ]
    for title, wrong in (
        ("missed activities", scores.missed),
        ("false alarms", scores.false_alarms),
    ):
        if wrong:
            lines.append(f"  {title}:")
            for entry in wrong:
                verdict = classify(entry.text)
                lines.append(f"    - {entry.text}")
                lines.append(f"      ({verdict.reason_en})")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=SPLITS, default="all")
    arguments = parser.parse_args(argv)
    entries = load()
    splits = SPLITS if arguments.split == "all" else (arguments.split,)
    for split in splits:
        chosen = select(entries, split)
        if chosen:
            print(report(split, score(chosen)))
            print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
