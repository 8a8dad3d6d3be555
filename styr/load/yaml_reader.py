"""Text to plain data, refusing everything YAML does behind a reader's back.

PyYAML (with its C parser where available) composes the node tree; we then
build plain Python values ourselves instead of using PyYAML's constructors, so
that no tag can ever construct an object, every value is read the YAML 1.2
way, and every YAML 1.1 surprise (`0126`, `no`, `2024-03-12`, `1:20`) is
reported where it stands.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from styr.findings import Finding, PathInDocument
from styr.load.fast_reader import read_plain
from styr.load.limits import DEEP_INDENT, MAX_DEPTH
from styr.rules import loading as rules

_BaseLoader: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# The tag our resolver gives plain (unquoted, untagged) scalars, so that we can
# tell `0126` from `"0126"` and from `!!str 0126`.
PLAIN = "styr:plain"
CORE = "tag:yaml.org,2002:"
STR, INT, FLOAT, BOOL, NULL = (CORE + t for t in ("str", "int", "float", "bool", "null"))
MAP, SEQ = CORE + "map", CORE + "seq"


class _Loader(_BaseLoader):  # type: ignore[misc]
    """A safe loader whose resolver marks plain scalars instead of typing them."""

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is ScalarNode and implicit[0]:
            return PLAIN
        return super().resolve(kind, value, implicit)


@dataclass(slots=True)
class ReadResult:
    """What a file holds, and what was wrong with it.

    `data` is None when the file could not be read as one YAML document.
    """

    data: Any
    findings: list[Finding] = field(default_factory=list)


def read_yaml(text: str, file: Path | None) -> ReadResult:
    """Read one YAML document as plain data (dict, list, str, int, float, bool, None)."""
    data = read_plain(text)
    if data is not None:
        return ReadResult(data)
    if _too_deep(text):
        return ReadResult(None, [rules.TOO_DEEP.at(file, 1, 1, limit=MAX_DEPTH)])
    return read_carefully(text, file)


def read_carefully(text: str, file: Path | None) -> ReadResult:
    """The careful reader: every value built by us, every surprise reported where it stands."""
    result = ReadResult(None)
    if "&" in text or "*" in text:
        result.findings.extend(_anchors_and_aliases(text, file))
    hidden = _hide_line_separators(text)
    root = _compose(hidden, file, result.findings)
    if root is not None:
        aliases = "*" in hidden
        result.data = _Builder(file, result.findings, aliases=aliases).build(root)
        if hidden is not text:
            result.data = _restore_line_separators(result.data)
    return result


# YAML 1.1 (and so libyaml) ends a line at U+0085, U+2028 and U+2029; YAML 1.2
# and editors do not. Stand-ins from the private-use area keep positions right.
_SEPARATORS = {"\x85": "\ue085", "\u2028": "\ue028", "\u2029": "\ue029"}
_HIDE = str.maketrans(_SEPARATORS)
_SHOW = str.maketrans({stand_in: real for real, stand_in in _SEPARATORS.items()})


def _hide_line_separators(text: str) -> str:
    if not any(separator in text for separator in _SEPARATORS):
        return text
    return text.translate(_HIDE)


def _restore_line_separators(value: Any) -> Any:
    if isinstance(value, str):
        return value.translate(_SHOW)
    if isinstance(value, list):
        return [_restore_line_separators(item) for item in value]
    if isinstance(value, dict):
        return {key.translate(_SHOW): _restore_line_separators(item) for key, item in value.items()}
    return value


def compose(text: str) -> Node | None:
    """The node tree of a text already known to load; used to find positions."""
    loader = _Loader(_hide_line_separators(text))
    try:
        node: Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


_OPENING = (
    yaml.BlockMappingStartToken,
    yaml.BlockSequenceStartToken,
    yaml.FlowMappingStartToken,
    yaml.FlowSequenceStartToken,
)


def _too_deep(text: str) -> bool:
    if text.count("[") + text.count("{") < MAX_DEPTH and DEEP_INDENT.search(text) is None:
        return False
    depth = 0
    try:
        for token in _tokens(text):
            if isinstance(token, _OPENING):
                depth += 1
            elif isinstance(
                token, yaml.BlockEndToken | yaml.FlowMappingEndToken | yaml.FlowSequenceEndToken
            ):
                depth -= 1
            if depth > MAX_DEPTH:
                return True
    except yaml.YAMLError:
        return False  # the composer will report the syntax error itself
    return False


def _tokens(text: str) -> Iterator[Any]:
    loader = _Loader(text)
    try:
        while loader.check_token():
            yield loader.get_token()
    finally:
        loader.dispose()


def _anchors_and_aliases(text: str, file: Path | None) -> list[Finding]:
    """Each anchor and the first use of each alias: enough to fix, not a flood."""
    found = []
    names: set[tuple[str, str]] = set()
    try:
        for token in _tokens(text):
            if isinstance(token, yaml.AnchorToken | yaml.AliasToken):
                name = (type(token).__name__, token.value)
                if name in names:
                    continue
                names.add(name)
                mark = token.start_mark
                found.append(rules.ANCHOR_ALIAS.at(file, mark.line + 1, mark.column + 1))
    except yaml.YAMLError:
        pass  # the composer will report the syntax error itself
    return found


def _compose(text: str, file: Path | None, findings: list[Finding]) -> Node | None:
    loader = _Loader(text)
    try:
        node: Node | None = loader.get_single_node()
    except yaml.composer.ComposerError as error:
        findings.append(_syntax_finding(error, file, text))
        return None
    except yaml.MarkedYAMLError as error:
        findings.append(_syntax_finding(error, file, text))
        return None
    except yaml.YAMLError as error:  # a reader error: a character YAML does not allow
        line, column = _position_of(text, getattr(error, "position", 0))
        findings.append(rules.SYNTAX.at(file, line, column, problem=_reader_problem(error)))
        return None
    finally:
        loader.dispose()
    if node is None or (
        isinstance(node, ScalarNode) and node.tag == PLAIN and node.value in _NULLS
    ):
        # An empty file, a lone '---' or a document that is only null: nothing to read.
        findings.append(rules.DOCUMENTS.at(file, 1, 1, problem="filen är tom / the file is empty"))
        return None
    return node


def _position_of(text: str, index: int) -> tuple[int, int]:
    index = max(0, min(index, len(text)))
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def _reader_problem(error: yaml.YAMLError) -> str:
    character = getattr(error, "character", None)
    if isinstance(character, str):
        return f"tecknet U+{ord(character):04X} får inte förekomma i YAML"
    return str(error)


def _syntax_finding(error: yaml.MarkedYAMLError, file: Path | None, text: str) -> Finding:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or str(error)
    if "expected a single document" in (error.context or ""):
        return rules.DOCUMENTS.at(file, line, column, problem="fler än ett / more than one")
    if "'\\t'" in problem or _char_at(text, mark) == "\t":
        return rules.TAB.at(file, line, column)
    return rules.SYNTAX.at(file, line, column, problem=_swedish_problem(problem))


def _char_at(text: str, mark: Any) -> str:
    if mark is None or not 0 <= mark.index < len(text):
        return ""
    return text[mark.index]


_PROBLEMS_SV = {
    "mapping values are not allowed": "kolon på fel ställe (sätt texten inom citattecken)",
    "could not find expected ':'": "kolon saknas efter nyckeln",
    "found unexpected end of stream": "filen tar slut mitt i ett värde (saknas ett citattecken?)",
    "did not find expected key": "oväntat innehåll där en nyckel väntades (fel indrag?)",
    "did not find expected '-' indicator": "fel indrag i listan",
    "found undefined alias": "alias utan ankare",
    "did not find expected ',' or ']'": "saknas ',' eller ']' i listan",
    "did not find expected ',' or '}'": "saknas ',' eller '}' i mappningen",
    "found character that cannot start any token": "tecken som inte får inleda ett värde",
    "while scanning a quoted scalar": "citattecknet stängs aldrig",
}


def _swedish_problem(problem: str) -> str:
    for english, swedish in _PROBLEMS_SV.items():
        if problem.startswith(english):
            return f"{swedish} ({problem})"
    return problem


# ---------------------------------------------------------------- plain values

_INT = re.compile(r"[-+]?[0-9]+\Z")
_LEADING_ZERO = re.compile(
    r"[-+]?0[0-9_]+\Z|0o[0-7]+\Z|[-+]?0b[01_]+\Z|[-+]?[0-9][0-9]*(_[0-9]+)+\Z"
)
_HEX = re.compile(r"0x[0-9a-fA-F]+\Z")
_FLOAT = re.compile(r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?\Z")
_INF = re.compile(r"[-+]?\.(inf|Inf|INF)\Z")
_NAN = re.compile(r"\.(nan|NaN|NAN)\Z")
# YAML 1.1 base 60 starts with 1–9: "08:30" is text there, "1:20" is 80.
_SEXAGESIMAL = re.compile(r"[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?\Z")
_DATE = re.compile(
    r"[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
    r"(([Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(\.[0-9]*)?"
    r"([ \t]*(Z|[-+][0-9]{1,2}(:[0-9]{2})?))?)?\Z"
)
_NULLS = frozenset(("", "~", "null", "Null", "NULL"))
_TRUE = frozenset(("true", "True", "TRUE"))
_FALSE = frozenset(("false", "False", "FALSE"))
_YAML11_TRUE = frozenset(("y", "Y", "yes", "Yes", "YES", "on", "On", "ON"))
_YAML11_FALSE = frozenset(("n", "N", "no", "No", "NO", "off", "Off", "OFF"))
# Plain scalars starting with any other letter are always text: the fast path.
_MAYBE_SPECIAL_LETTERS = frozenset("yYnNoOtTfF")


def _yaml11_int(text: str) -> str:
    """What a YAML 1.1 reader makes of a number-looking scalar, for the message."""
    digits = text.replace("_", "")
    sign = -1 if digits.startswith("-") else 1
    digits = digits.lstrip("+-")
    if ":" in digits:
        value = 0.0
        for part in digits.split(":"):
            value = value * 60 + float(part)
        number = sign * value
        return str(int(number)) if number.is_integer() else str(number)
    if digits.startswith("0o"):
        return f"texten {text!r}"
    if digits.startswith("0b"):
        return str(sign * int(digits[2:], 2))
    if len(digits) > 1 and digits.startswith("0"):
        try:
            return str(sign * int(digits, 8))
        except ValueError:
            return str(sign * int(digits))
    return str(sign * int(digits))


class _Builder:
    """Builds plain values from nodes and reports what it refuses.

    The path inside the document is kept as one stack, not a tuple per node:
    it is only needed when something is reported, which is rare.
    """

    def __init__(self, file: Path | None, findings: list[Finding], *, aliases: bool) -> None:
        self.file = file
        self.findings = findings
        self.stack: list[str | int] = []
        # Only a document with aliases can hand us a node twice; tracking
        # nodes in every other document would cost time for nothing.
        self.seen: set[int] | None = set() if aliases else None

    def path(self, *extra: str | int) -> PathInDocument:
        return (*self.stack, *extra)

    def report(self, rule: Any, node: Node, path: PathInDocument, **params: Any) -> None:
        mark = node.start_mark
        self.findings.append(rule.at(self.file, mark.line + 1, mark.column + 1, path, **params))

    def build(self, node: Node) -> Any:
        if self.seen is not None:
            # An alias hands us the anchored node a second time; its anchor
            # has been reported already, and refusing to walk it again is
            # what keeps an alias bomb from exploding here.
            if id(node) in self.seen:
                return None
            self.seen.add(id(node))
        kind = type(node)
        if kind is ScalarNode:
            tag = node.tag
            if tag == PLAIN:
                text: str = node.value
                first = text[:1]
                if first.isalpha() and first not in _MAYBE_SPECIAL_LETTERS:
                    return text  # the common case: a word or a sentence
                return self.plain(node, text)  # type: ignore[arg-type]
            if tag == STR:
                return node.value
            return self.scalar(node)  # type: ignore[arg-type]
        if kind is MappingNode and node.tag == MAP:
            return self.mapping(node)  # type: ignore[arg-type]
        if kind is SequenceNode and node.tag == SEQ:
            return self.sequence(node)  # type: ignore[arg-type]
        self.report(rules.TAG, node, self.path(), tag=_short_tag(node.tag))
        return None

    def sequence(self, node: SequenceNode) -> list[Any]:
        result = []
        stack = self.stack
        for index, child in enumerate(node.value):
            stack.append(index)
            result.append(self.build(child))
            stack.pop()
        return result

    def mapping(self, node: MappingNode) -> dict[str, Any]:
        result: dict[str, Any] = {}
        stack = self.stack
        for key_node, value_node in node.value:
            key = self.key(key_node)
            if key is None:
                continue
            if key in result:
                first_line = next(
                    k.start_mark.line + 1 for k, _ in node.value if self._same_key(k, key)
                )
                self.report(
                    rules.DUPLICATE_KEY, key_node, self.path(key), key=key, first_line=first_line
                )
                continue
            stack.append(key)
            result[key] = self.build(value_node)
            stack.pop()
        return result

    def _same_key(self, node: Node, key: str) -> bool:
        return type(node) is ScalarNode and node.value == key

    def key(self, node: Node) -> str | None:
        if type(node) is not ScalarNode:
            self.report(rules.NON_STRING_KEY, node, self.path(), key="…", type=_type_name(node))
            return None
        tag = node.tag
        if tag == PLAIN:
            text: str = node.value
            first = text[:1]
            value = (
                text
                if first.isalpha() and first not in _MAYBE_SPECIAL_LETTERS
                else self.plain(node, text)
            )
        elif tag == STR:
            value = node.value
        else:
            value = self.scalar(node)
        if isinstance(value, str):
            return value
        self.report(rules.NON_STRING_KEY, node, self.path(), key=node.value, type=_type_name(value))
        return None

    def scalar(self, node: ScalarNode) -> Any:
        """A scalar with an explicit tag: a core tag whose value fits it, or a finding."""
        text: str = node.value
        tag = node.tag
        if tag in (INT, FLOAT, BOOL, NULL):
            value = _core_value(text)
            if _core_tag_of(value) == tag or (tag == FLOAT and isinstance(value, int)):
                return float(value) if tag == FLOAT else value
        self.report(rules.TAG, node, self.path(), tag=_short_tag(tag))
        return None

    def plain(self, node: ScalarNode, text: str) -> Any:
        """A plain scalar that may be a number, a null, a boolean or a YAML 1.1 surprise."""
        if _INT.match(text) and not (len(text) > 1 and text.lstrip("+-")[:1] == "0"):
            return int(text)  # the common case after words: a year or a count
        for check in _YAML11_CHECKS:
            if check(self, node, text, self.path()):
                return text
        return _core_value(text)


def _check_boolean(builder: _Builder, node: ScalarNode, text: str, path: PathInDocument) -> bool:
    if text in _YAML11_TRUE or text in _YAML11_FALSE:
        meaning = "sant (true)" if text in _YAML11_TRUE else "falskt (false)"
        builder.report(rules.AMBIGUOUS_BOOLEAN, node, path, value=text, meaning=meaning)
        return True
    return False


def _check_number(builder: _Builder, node: ScalarNode, text: str, path: PathInDocument) -> bool:
    if _LEADING_ZERO.match(text):
        builder.report(rules.AMBIGUOUS_NUMBER, node, path, value=text, yaml11=_yaml11_int(text))
        return True
    return False


def _check_sexagesimal(
    builder: _Builder, node: ScalarNode, text: str, path: PathInDocument
) -> bool:
    if _SEXAGESIMAL.match(text):
        builder.report(rules.SEXAGESIMAL, node, path, value=text, yaml11=_yaml11_int(text))
        return True
    return False


def _check_date(builder: _Builder, node: ScalarNode, text: str, path: PathInDocument) -> bool:
    if _DATE.match(text):
        builder.report(rules.UNQUOTED_DATE, node, path, value=text)
        return True
    return False


_YAML11_CHECKS: tuple[Callable[[_Builder, ScalarNode, str, PathInDocument], bool], ...] = (
    _check_boolean,
    _check_number,
    _check_sexagesimal,
    _check_date,
)


def _core_value(text: str) -> Any:
    """A plain scalar read by the YAML 1.2 core schema."""
    if text in _NULLS:
        return None
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    if _INT.match(text):
        return int(text)
    if _HEX.match(text):
        return int(text, 16)
    if _FLOAT.match(text) and any(c.isdigit() for c in text):
        return float(text)
    if _INF.match(text):
        return float("-inf") if text.startswith("-") else float("inf")
    if _NAN.match(text):
        return float("nan")
    return text


def _core_tag_of(value: Any) -> str:
    if value is None:
        return NULL
    if isinstance(value, bool):
        return BOOL
    if isinstance(value, int):
        return INT
    if isinstance(value, float):
        return FLOAT
    return STR


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(CORE) :] if tag.startswith(CORE) else tag


def _type_name(value: Any) -> str:
    if isinstance(value, Node):
        return "lista eller mappning (list or mapping)"
    return {
        type(None): "null",
        bool: "sant/falskt (boolean)",
        int: "heltal (integer)",
        float: "decimaltal (float)",
    }.get(type(value), type(value).__name__)
