"""The fast path must never change what a file means or hide a finding.

Whenever `read_plain` takes a text, the careful reader must find nothing to
report in it and build exactly the same data. These tests hold it to that on
every YAML text the project carries (examples, starters, fixtures, the texts
inside the rule cases), on the constructs the screen exists for, and on
thousands of seeded mutations of real files: the kind of half-edited text a
planner saves.
"""

from __future__ import annotations

import math
import random
import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import styr.load.fast_reader as fast_reader
from styr.load.fast_reader import read_plain, screen
from styr.load.yaml_reader import read_carefully, read_yaml

ROOT = Path(__file__).resolve().parent.parent


def identical(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (1 is not 1.0 is not True)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(identical(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(identical(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return bool(a == b)


def agrees(text: str) -> bool:
    """The fast path declines the text, or gives what the careful reader gives."""
    data = read_plain(text)
    if data is None:
        return True
    careful = read_carefully(text, None)
    return not careful.findings and identical(data, careful.data)


def project_texts() -> list[tuple[str, str]]:
    texts = []
    for folder in ("examples", "styr/starters", "tests/fixtures"):
        for path in sorted((ROOT / folder).rglob("*.y*ml")):
            texts.append((str(path.relative_to(ROOT)), path.read_text(encoding="utf-8")))
    for path in sorted((ROOT / "tests" / "rule_cases").glob("*.yaml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]
        for case in cases:
            for name, text in case.get("files", {}).items():
                if isinstance(text, str):
                    texts.append((f"{path.name}: {case['name']}: {name}", text))
    return texts


PROJECT_TEXTS = project_texts()


def test_every_project_text_reads_the_same_either_way() -> None:
    disagreements = [name for name, text in PROJECT_TEXTS if not agrees(text)]
    assert disagreements == []


def test_the_bundled_examples_mostly_take_the_fast_path() -> None:
    # Guards the speed: a screen that sent everything to the careful reader
    # would pass every other test here.
    examples = [text for name, text in PROJECT_TEXTS if name.startswith("examples")]
    taken = [text for text in examples if read_plain(text) is not None]
    assert len(examples) > 20
    assert len(taken) >= 0.8 * len(examples)


# Each is something the careful reader reports or reads differently from YAML 1.2.
DECLINED = [
    pytest.param("a: yes\n", id="yaml11-boolean"),
    pytest.param("a: [on, off]\n", id="yaml11-boolean-in-flow"),
    pytest.param('a: "no"\n', id="quoted-yaml11-word-is-doubted-too"),
    pytest.param("yes: 1\n", id="yaml11-boolean-key"),
    pytest.param("code: 0126\n", id="leading-zero"),
    pytest.param("0126: a\n", id="leading-zero-key-on-the-first-line"),
    pytest.param("a: -0126\n", id="signed-leading-zero"),
    pytest.param("a: 0o17\n", id="octal"),
    pytest.param("a: 0b101\n", id="binary"),
    pytest.param("a: 1_000\n", id="underscores"),
    pytest.param("a: 2024-03-12\n", id="date"),
    pytest.param("2024-03-12: a\n", id="date-key"),
    pytest.param("a: 2024-03-12T10:00:00Z\n", id="timestamp"),
    pytest.param("a: 2024-03-12 10:00:00 Z\n", id="spaced-timestamp"),
    pytest.param("a: 1:20\n", id="base-60"),
    pytest.param("a: [1:20]\n", id="base-60-in-flow"),
    pytest.param("a: &x 1\nb: *x\n", id="anchor-alias"),
    pytest.param("a: !!str 1\n", id="tag"),
    pytest.param("a: !custom x\n", id="custom-tag"),
    pytest.param("a: ! 0126\n", id="non-specific-tag"),
    pytest.param("name: Kommun\n  0126\n", id="leading-zero-on-a-continuation-line"),
    pytest.param("%YAML 1.1\n---\na: 1\n", id="directive"),
    pytest.param("a: 1\n---\nb: 2\n", id="two-documents"),
    pytest.param("a: 1\n...\n", id="document-end"),
    pytest.param("? a\n: b\n", id="complex-key"),
    pytest.param("1: a\n", id="integer-key"),
    pytest.param("a:\n  null: b\n", id="null-key"),
    pytest.param("{a: 1, [b]: 2}\n", id="sequence-key"),
    pytest.param("a: 1\na: 2\n", id="duplicate-key"),
    pytest.param("a:\n\tb: 1\n", id="tab"),
    pytest.param("a: x\x01\n", id="control-character"),
    pytest.param("a: x\u2028y\n", id="line-separator"),
    pytest.param("a: x\u0085y\n", id="next-line"),
    pytest.param("a: 1\rb: 2\n", id="lone-carriage-return"),
    pytest.param("a: {y:}\n", id="flow-empty-value"),
    pytest.param("a: [?b]\n", id="flow-question-mark"),
    pytest.param("a: {b: >c}\n", id="flow-indicator"),
    pytest.param("a: [b,\n  c]\n", id="flow-on-two-lines"),
    pytest.param("a: [[[b]]]\n", id="flow-three-deep"),
    pytest.param("a: [b] c\n", id="text-after-flow"),
    pytest.param("a: |\n  x", id="block-scalar-at-end-without-line-break"),
    pytest.param("", id="empty"),
    pytest.param("# only a comment\n", id="comment-only"),
    pytest.param("just text\n", id="scalar-document"),
    pytest.param("a: b: c\n", id="syntax-error"),
    pytest.param("title: Färre brott #1 prioritet\n", id="comment-after-a-text"),
    pytest.param("a: 1e5\n", id="exponent-without-a-point"),
    pytest.param("a: 6.8e1\n", id="exponent-without-a-sign"),
    pytest.param("a: -.5\n", id="sign-before-the-point"),
    pytest.param("a: 1" + "0" * 400 + "\n", id="huge-integer"),
    pytest.param("a: 1" + "0" * 5000 + "\n", id="integer-past-pythons-text-limit"),
    pytest.param("a: 1" + "0" * 20 + ".5\n", id="huge-float"),
    pytest.param("a: 0." + "0" * 400 + "1\n", id="decimal-read-as-zero"),
    pytest.param("a: 1e400\n", id="exponent-past-a-float"),
    pytest.param("a: 1.0e-400\n", id="exponent-read-as-zero"),
    pytest.param("a: .inf\n", id="infinity"),
    pytest.param("a: [.nan]\n", id="not-a-number"),
    pytest.param("a: Trygg\u202ehet\n", id="bidi-override"),
    pytest.param("a: x\n# \u2066\n", id="bidi-isolate-in-a-comment"),
    pytest.param("a: 6.8E1\n", id="capital-exponent"),
    pytest.param("a: 1e-5\n", id="negative-exponent"),
    pytest.param("a: [1, 2.5e3]\n", id="exponent-in-flow"),
    pytest.param("a: {b: c} d\n", id="text-after-a-flow-mapping"),
    pytest.param("a: [b]\nc: {d: e} f\n", id="tame-list-then-an-untamed-mapping"),
    pytest.param("a: 0.0\nb: 0." + "0" * 330 + "1\n", id="zero-and-a-decimal-read-as-zero"),
    *(
        pytest.param(f"a: Trygghet{wide}\n", id=f"U+{ord(wide):04X}")
        for wide in "\u2028\u2029\ufeff\ufffe\uffff\u202a\u202b\u202c\u202d\u202e"
        "\u2066\u2067\u2068\u2069"
    ),
    *(
        pytest.param(f"a: x{narrow}y\n", id=f"U+{ord(narrow):04X}")
        for narrow in "\t\x00\x08\x0b\x0c\x0e\x1f\x7f\x80\x9f"
    ),
]


@pytest.mark.parametrize("text", DECLINED)
def test_the_screen_sends_these_to_the_careful_reader(text: str) -> None:
    assert read_plain(text) is None


TAKEN = [
    pytest.param("kind: goal\ntitle: Fler ska vara nöjda\n", {"kind": "goal"}, id="words"),
    pytest.param("---\na: 1\n", {"a": 1}, id="one-document-start"),
    pytest.param('code: "0126"\n', {"code": "0126"}, id="quoted-code"),
    pytest.param('on_date: "2024-03-12"\n', {"on_date": "2024-03-12"}, id="quoted-date"),
    pytest.param("a: beslut 2024-03-12 av KF\n", {}, id="date-inside-text"),
    pytest.param("a: beslutad 2024-03-12\n", {}, id="date-ending-a-text"),
    pytest.param("name: Kommun 0126\n", {"name": "Kommun 0126"}, id="number-ending-a-text"),
    pytest.param("a: Kultur & fritid\n", {}, id="ampersand-in-text"),
    pytest.param("a: 10 %\n", {}, id="percent-in-text"),
    pytest.param('a: ["3.4", 11]\n', {"a": ["3.4", 11]}, id="flow-sequence"),
    pytest.param(
        "- {id: x, name: {sv: Vision, en: Vision}}\n", {}, id="nested-flow-mapping-in-a-list"
    ),
    pytest.param("a: {year: 2026, value: -4.5}\n", {"a": {"year": 2026, "value": -4.5}}, id="flow"),
    pytest.param("a: 1\r\nb: x\r\n", {"a": 1, "b": "x"}, id="crlf"),
    pytest.param("a: >-\n  x\n  y\n", {"a": "x y"}, id="folded"),
    pytest.param("- a: 1\n- b\n", {}, id="top-level-list"),
    pytest.param("a: 999999999999999\n", {"a": 999_999_999_999_999}, id="number-at-the-limit"),
    pytest.param("a: 0.0\nb: 2.5\n", {"a": 0.0}, id="zero-float"),
    pytest.param("# comment\na: 1\n  # indented comment\n", {"a": 1}, id="comment-lines"),
    pytest.param("a: Trygghet#1\n", {"a": "Trygghet#1"}, id="hash-glued-to-a-word"),
]


@pytest.mark.parametrize(("text", "expected"), TAKEN)
def test_the_fast_path_takes_plain_files(text: str, expected: dict[str, Any]) -> None:
    data = read_plain(text)
    assert data is not None
    if isinstance(data, dict):
        assert all(identical(data[key], value) for key, value in expected.items())
    assert agrees(text)


def test_the_screen_looks_at_the_text_and_the_walk_at_the_values() -> None:
    assert screen("a: 0126\n")
    assert not screen("a: yes\n")  # text as yaml-rs reads it: the walk doubts it
    assert read_plain("a: yes\n") is None


# Pieces a hand edit may leave behind, spliced into real files.
_PIECES = (
    *("yes", "no", "0126", "1:20", "2024-01-01", "~", "null", '"', "'", "[", "]", "{", "}"),
    *(",", ":", "-", "#", "|", ">", "|-", ">+", "?", "&", "*", "!", "%", "---", "..."),
    *("\\", "1e3", ".5", "0x1F", "1_0", "true", "Ö", "å", "<<", ": ", "- ", " #x"),
    *("\n", "\n  ", "\r\n", "  ", "a:", "  b: c\n", '"a\n b"', "'a\n\n b'"),
    *("1" + "0" * 20, "-.5", "6.8e1", "1e400", ".inf", "0." + "0" * 20 + "1", "\u202e", " # "),
)


def _mutations(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    sources = [text for name, text in PROJECT_TEXTS if name.startswith("examples")]
    texts = []
    for _ in range(count):
        lines = rng.choice(sources).split("\n")
        start = rng.randrange(len(lines))
        text = "\n".join(lines[start : start + rng.randint(1, 15)])
        for _ in range(rng.randint(1, 4)):
            at = rng.randrange(len(text) + 1)
            if rng.random() < 0.6:
                text = text[:at] + rng.choice(_PIECES) + text[at:]
            else:
                text = text[:at] + text[at + rng.randint(1, 5) :]
        texts.append(text)
    return texts


@pytest.mark.parametrize("seed", range(4))
def test_mutated_files_read_the_same_either_way(seed: int) -> None:
    texts = _mutations(3000, seed)
    disagreements = [text for text in texts if not agrees(text)]
    assert disagreements == []
    # The mutations must exercise the fast path, not only the screen.
    assert sum(read_plain(text) is not None for text in texts) > 100


def test_without_yaml_rs_everything_goes_the_careful_way(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fast_reader, "yaml_rs", None)
    assert read_plain("a: 1\n") is None
    assert read_yaml("a: 1\n", None).data == {"a": 1}


class _Panic(BaseException):
    """What a Rust panic inside yaml-rs looks like from Python."""


def test_a_failing_parser_falls_back_to_the_careful_reader(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Exploding:
        @staticmethod
        def load(raw: bytes, **options: object) -> object:
            raise _Panic("thread panicked")

    monkeypatch.setattr(fast_reader, "yaml_rs", Exploding)
    result = read_yaml("a: 1\n", None)
    assert result.data == {"a": 1}
    assert result.findings == []


def test_an_interrupt_is_not_swallowed(monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted:
        @staticmethod
        def load(raw: bytes, **options: object) -> object:
            raise KeyboardInterrupt

    monkeypatch.setattr(fast_reader, "yaml_rs", Interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_plain("a: 1\n")


def test_the_text_keeps_no_second_copy_of_itself() -> None:
    # Parsed from the text itself, yaml-rs made Python keep the text's UTF-8 inside it
    # for as long as the text lives (lint keeps it for the findings' positions).
    text = "".join(f"mål-{n}: Fler nöjda invånare\n" for n in range(200))
    size = sys.getsizeof(text)
    assert read_plain(text) == {f"mål-{n}": "Fler nöjda invånare" for n in range(200)}
    assert sys.getsizeof(text) == size


def test_keys_short_texts_and_whole_numbers_are_shared_objects() -> None:
    # A repository of 100,000 goals repeats the same keys, units and years
    # hundreds of thousands of times: each is kept once.
    text = "".join(
        f"- {{id: mål-{n}, unit: procent, year: 2026, value: {1000 + n % 2}}}\n" for n in range(3)
    )
    data = read_plain(text)
    assert data is not None and len(data) == 3
    first, *others = data
    for other in others:
        assert [id(key) for key in other] == [id(key) for key in first]
        assert other["unit"] is first["unit"] and other["year"] is first["year"]
    assert data[0]["value"] is data[2]["value"]


def test_without_sharing_the_verdict_and_the_values_are_the_same() -> None:
    texts = [text for _, text in PROJECT_TEXTS] + _mutations(3000, 7)
    texts += [str(param.values[0]) for param in DECLINED + TAKEN]
    for text in texts:
        shared, unshared = read_plain(text), read_plain(text, share=False)
        assert (shared is None) == (unshared is None), text
        assert identical(shared, unshared), text


def test_a_large_repository_shares_its_values_and_a_small_one_does_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import styr.model.repository as repository

    root = tmp_path / "kommun"
    (root / "organisation").mkdir(parents=True)
    (root / "styr.yaml").write_text("format_version: 1\n", encoding="utf-8")
    for name in ("a", "b"):
        (root / "organisation" / f"{name}.yaml").write_text(
            f"kind: organisation\nid: {name}\nunit: procent\n", encoding="utf-8"
        )

    def units(loaded: repository.Repository) -> list[int]:
        return [id(document.data["unit"]) for document in loaded.documents]

    monkeypatch.setattr(repository, "SHARE_FROM_BYTES", 10**9)
    for contents in (None, repository.read_repository_files(root)):
        first, second = units(repository.load_repository(root, contents))
        assert first != second
    monkeypatch.setattr(repository, "SHARE_FROM_BYTES", 0)
    for contents in (None, repository.read_repository_files(root)):
        first, second = units(repository.load_repository(root, contents))
        assert first == second


_EVERY_FORBIDDEN = re.compile(
    "[\t\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\u202a-\u202e\u2066-\u2069]"
)


@settings(max_examples=500, deadline=None)
@given(
    st.text(
        alphabet=st.sampled_from(
            "a Z9:-#\n\r\t\x00\x08\x0b\x0c\x0e\x1f\x7f\x80\x85\x9f\xa0åäö–\u2027\u2028\u2029"
            "\u202a\u202e\u202f\u2065\u2066\u2069\u206a\ufeff\ufffd\ufffe\uffff\ud800\U0001f600"
        )
    )
)
def test_forbidden_characters_are_found_wherever_they_stand(text: str) -> None:
    assert fast_reader._forbidden_character(text) == bool(_EVERY_FORBIDDEN.search(text))
