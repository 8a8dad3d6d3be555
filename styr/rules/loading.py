"""Rules applied while reading a file: bytes, encoding and YAML.

The loader reports these; they are declared here so that they have codes,
names and documentation like every other rule.
"""

from __future__ import annotations

from styr.findings import Severity
from styr.i18n import N_
from styr.rules.base import Rule

UNREADABLE = Rule(
    code="Y001",
    name="unreadable-file",
    severity=Severity.ERROR,
    summary=N_("The file cannot be read"),
    message=N_("The file cannot be read: {reason}"),
    doc=N_("""Reports a file that cannot be opened or is too large to be a steering file.

Check that the file exists, that you may read it, and that it is a YAML file
written by hand (steering files are kilobytes, not megabytes).
"""),
)

ENCODING = Rule(
    code="Y002",
    name="not-utf8",
    severity=Severity.ERROR,
    summary=N_("The file is not UTF-8"),
    message=N_("The file is not UTF-8 (byte 0x{byte} here). {hint} Save the file as UTF-8."),
    doc=N_("""Reports a file that is neither UTF-8 nor UTF-16 with a byte-order mark.

Why: a file saved as Latin-1 or Windows-1252 (common for files from older
Windows programs) shows å, ä and ö as garbage in other tools, and different
tools guess differently. `styr` refuses to guess.

Failing example: `namn: Nämnd` saved as Latin-1 (the byte 0xE4 for ä).
Instead: save the file as UTF-8 (in most editors: "Save with encoding").
"""),
)

SYNTAX = Rule(
    code="Y003",
    name="yaml-syntax",
    severity=Severity.ERROR,
    summary=N_("YAML syntax error"),
    message=N_("YAML syntax error: {problem}"),
    doc=N_("""Reports YAML that cannot be parsed, at the position where the parser stopped.

Common causes: a missing space after `:`, wrong indentation, an unclosed
quote, or a colon inside an unquoted text (write such text in quotes).
"""),
)

TAB = Rule(
    code="Y004",
    name="tab-indentation",
    severity=Severity.ERROR,
    summary=N_("Tab character in indentation"),
    message=N_("Tabs cannot be used for indentation in YAML; use spaces."),
    doc=N_("""Reports a tab character where YAML expects indentation or a token.

YAML indents with spaces only. Set your editor to insert spaces for the Tab key.
"""),
)

DUPLICATE_KEY = Rule(
    code="Y005",
    name="duplicate-key",
    severity=Severity.ERROR,
    summary=N_("Duplicate key"),
    message=N_(
        "The key '{key}' already appears on line {first_line}; one would silently overwrite the "
        "other."
    ),
    doc=N_("""Reports a key written twice in the same mapping.

Why: most YAML readers keep the last value and drop the first without a word,
so half of what was written disappears.

Failing example:
    title: Fler elever ska vara behöriga
    title: Fler elever ska klara kunskapskraven
Instead: keep one `title`.
"""),
)

ANCHOR_ALIAS = Rule(
    code="Y006",
    name="anchor-or-alias",
    severity=Severity.ERROR,
    summary=N_("Anchors and aliases used"),
    message=N_("Anchors (&) and aliases (*) are not allowed; write the value out or refer by id."),
    doc=N_("""Reports YAML anchors (`&namn`) and aliases (`*namn`).

Why: aliases make one value appear in many places, which hides what a file
says from a reader, and a few hundred bytes of nested aliases (an "alias bomb")
can make other tools run for ever or exhaust memory. Steering files refer to
each other by id instead.
"""),
)

TAG = Rule(
    code="Y007",
    name="disallowed-tag",
    severity=Severity.ERROR,
    summary=N_("Disallowed YAML tag"),
    message=N_(
        "The tag '{tag}' is not allowed; only plain YAML values (text, numbers, lists, mappings) "
        "are used."
    ),
    doc=N_("""Reports explicit tags outside the YAML core schema, such as `!!python/object`.

Why: such tags ask a YAML reader to build program objects; `styr` never does
that, and a file that asks for it is either a mistake or an attack. The core
tags `!!str`, `!!int`, `!!float`, `!!bool`, `!!null`, `!!seq` and `!!map` are
allowed.
"""),
)

NON_STRING_KEY = Rule(
    code="Y008",
    name="non-string-key",
    severity=Severity.ERROR,
    summary=N_("Key that is not text"),
    message=N_("Keys must be text; '{key}' is read as {type}."),
    doc=N_("""Reports a mapping key that is a number, a boolean, null, a list or a mapping.

Why: structure keys in `styr` files are English words such as `title`; a
number as a key usually means a year written where a list was meant.

Failing example: `2026: 80`. Instead: `targets: [{year: 2026, value: 80}]`.
"""),
)

AMBIGUOUS_NUMBER = Rule(
    code="Y009",
    name="ambiguous-number",
    severity=Severity.ERROR,
    summary=N_("Number with a leading zero"),
    message=N_(
        "'{value}' is read differently by different YAML readers (e.g. {yaml11}); quote it: "
        '"{value}".'
    ),
    doc=N_("""Reports an unquoted number with a leading zero, such as a municipality code.

Why: YAML 1.1 readers (PyYAML and many others) read `0126` as the octal
number 86, YAML 1.2 readers as 126; neither is Huddinge's code "0126".
Also reported: a number with underscores (`1_000`, `1_000.5`) and a
hexadecimal number with a sign or underscores (`-0x10`), which YAML 1.1
readers read as a number and YAML 1.2 readers as text.

Failing example: `code: 0126`. Instead: `code: "0126"`.
"""),
)

AMBIGUOUS_BOOLEAN = Rule(
    code="Y010",
    name="ambiguous-boolean",
    severity=Severity.ERROR,
    summary=N_("Word read as true/false"),
    message=N_(
        "'{value}' is read as {meaning} by YAML 1.1 readers; write true/false or quote it: "
        '"{value}".'
    ),
    doc=N_("""Reports unquoted `yes`, `no`, `on`, `off`, `y` and `n` (any case).

Why: YAML 1.1 readers turn them into booleans (`no` becomes false, a key
`on:` becomes true), YAML 1.2 readers keep them as text.

Failing example: `until_further_notice: yes`. Instead: `until_further_notice: true`.
"""),
)

UNQUOTED_DATE = Rule(
    code="Y011",
    name="unquoted-date",
    severity=Severity.WARNING,
    summary=N_("Unquoted date"),
    message=N_('The date {value} must be quoted: "{value}".'),
    doc=N_("""Reports an unquoted date or timestamp such as `2024-03-12`.

Why: YAML 1.1 readers turn it into a date object, others keep text, and tools
that write the file back may change its form. Dates in `styr` are quoted ISO
text.

Failing example: `adopted_on: 2024-03-12`. Instead: `adopted_on: "2024-03-12"`.
"""),
)

SEXAGESIMAL = Rule(
    code="Y012",
    name="sexagesimal-number",
    severity=Severity.ERROR,
    summary=N_("Value read as base-60 number"),
    message=N_(
        "'{value}' is read as the number {yaml11} by YAML 1.1 readers; quote it: \"{value}\"."
    ),
    doc=N_("""Reports unquoted values like `1:20`, which YAML 1.1 reads as 80 (base 60).

Failing example: `ratio: 1:20`. Instead: `ratio: "1:20"`.
"""),
)

DOCUMENTS = Rule(
    code="Y013",
    name="document-count",
    severity=Severity.ERROR,
    summary=N_("Wrong number of YAML documents"),
    message=N_("A file must hold exactly one YAML document ({problem})."),
    doc=N_("""Reports an empty file, or a file with several documents separated by `---`.

Why: each file is one part of the steering model; split several parts into
several files.
"""),
)

TOO_DEEP = Rule(
    code="Y014",
    name="too-deep",
    severity=Severity.ERROR,
    summary=N_("Nesting too deep"),
    message=N_("The file is nested deeper than {limit} levels; it is not a steering file."),
    doc=N_("""Reports a file nested deeper than any steering file needs.

Why: extreme nesting (`[[[[…]]]]`) is a classic way to crash YAML readers;
steering files need about ten levels.
"""),
)

COMMENT_IN_TEXT = Rule(
    code="Y015",
    name="comment-cuts-text",
    severity=Severity.WARNING,
    summary=N_("Text after # becomes a comment"),
    message=N_(
        "The text after # ('{comment}') is a comment and is left out of the value, which becomes "
        "'{value}'. Put the whole text in quotes if the # belongs to it."
    ),
    doc=N_("""Reports an unquoted free text followed by ` #` on the same line.

Why: in YAML a comment starts with # after a space, also after a value. The
rest of the line disappears without a word, and the report shows the cut
text. Free text means titles, descriptions, names and other texts (title,
description, name, text …); after a number, a code or an id a comment is what
was meant and is not reported.

Failing example: `title: Färre brott #1 prioritet` (becomes "Färre brott").
Instead: `title: "Färre brott #1 prioritet"`.
"""),
)

UNUSABLE_NUMBER = Rule(
    code="Y016",
    name="unusable-number",
    severity=Severity.ERROR,
    summary=N_("Number that cannot be used"),
    message=N_("The number {value} cannot be used: {reason}"),
    doc=N_("""Reports a number with more digits than any value in a steering file needs, a
number so small that it would be read as 0, and infinity (.inf) or "not a
number" (.nan).

Why: a target, a baseline or an outcome is a number with at most fifteen
digits before the decimal point; longer numbers lose digits when computed
with, and other tools break on them. The value is kept as text, so that
nothing further on computes with it.

Failing example: `value: 1` followed by 400 zeros.
Instead: the value that was meant, e.g. `value: 100`; or quotes if it is a
text, such as a case number.
"""),
)

FLOAT_AS_TEXT = Rule(
    code="Y017",
    name="float-read-as-text",
    severity=Severity.ERROR,
    summary=N_("Number that YAML 1.1 readers read as text"),
    message=N_(
        "'{value}' is read as the number {plain} by styr but as text by YAML 1.1 readers; write "
        "the number as {plain}."
    ),
    doc=N_("""Reports a decimal number that YAML 1.2 reads as a number but YAML 1.1 as text:
with an exponent but no decimal point (`1e5`, `47e-1`), with an exponent
without its sign (`6.8e1`), or with a sign before the point (`-.5`).

Why: styr reads the number, but tools that read YAML 1.1 (PyYAML and many
others) get a text and compute wrongly or not at all.

Failing example: `value: 1e5`. Instead: `value: 100000`.
"""),
)

BIDI_CONTROL = Rule(
    code="Y018",
    name="bidi-control",
    severity=Severity.ERROR,
    summary=N_("Invisible character that turns the writing direction"),
    message=N_(
        "The line holds an invisible character that controls the writing direction ({char}, "
        "{name}); the text then shows in another order than it is stored. Remove the character."
    ),
    doc=N_("""Reports characters that control the writing direction (U+202A–U+202E,
U+2066–U+2069).

Why: they are invisible, but make an editor, a browser or a review in git show
the text in another order than it is stored ("Trojan Source"). A goal title
can then read one way and say another. Texts in Swedish and English never need
them; they mostly come along when text is copied from a web page or a document.

Instead: remove the character (type the word or the line again).
"""),
)

RULES = (
    UNREADABLE,
    ENCODING,
    SYNTAX,
    TAB,
    DUPLICATE_KEY,
    ANCHOR_ALIAS,
    TAG,
    NON_STRING_KEY,
    AMBIGUOUS_NUMBER,
    AMBIGUOUS_BOOLEAN,
    UNQUOTED_DATE,
    SEXAGESIMAL,
    DOCUMENTS,
    TOO_DEEP,
    COMMENT_IN_TEXT,
    UNUSABLE_NUMBER,
    FLOAT_AS_TEXT,
    BIDI_CONTROL,
)
