"""The CLI's own sentences, by key. Findings carry theirs in their rules.

Each is its English original marked with `N_()`; the Swedish is in the gettext
catalogue styr/locale/sv/LC_MESSAGES/styr.po (see docs/translations.md), and
`message(key, language, **params)` gives it in a language (styr.i18n).

Some areas keep their sentences in a table of their own, taken in below:
the loader's (styr.messages_load), `styr kolada pull`'s (styr.messages_kolada) and its
`--peers`' (styr.messages_peers),
`styr diff`'s (styr.diff.messages) and the Excel commands' (styr.excel.messages).

Adding a sentence: write `"area-key": N_("English, with {param}.")` here (or in
its area's table) and its Swedish in styr.po, then compile the catalogue
(docs/translations.md); a test fails while the Swedish is missing.
"""

from __future__ import annotations

import os
from typing import Any

from styr.diff.messages import DIFF_MESSAGES
from styr.escape import terminal
from styr.excel.messages import EXCEL_MESSAGES
from styr.findings import Severity
from styr.i18n import N_, NP_, Text, count_text, translate
from styr.messages_kolada import KOLADA_MESSAGES
from styr.messages_load import LOAD_MESSAGES
from styr.messages_peers import PEER_MESSAGES

MESSAGES: dict[str, Text] = {
    "path-missing": N_("The path {path} does not exist."),
    "no-repository": N_(
        "Found no styr.yaml in or below {path}. Start a new repository with 'styr init DIR'."
    ),
    "unknown-format": N_("Unknown output format '{name}'; choose one of: {known}."),
    "unknown-language": N_("Unknown language '{name}'; choose sv or en."),
    "unknown-severity": N_("Unknown level '{name}'; choose error, warning or info."),
    "unknown-starter": N_("Unknown model '{name}'; choose one of: {known}."),
    "unknown-schema": N_("There is no schema for '{name}'; choose one of: {known}."),
    "unknown-rule": N_("There is no rule '{name}'. See 'styr rules'."),
    "target-not-empty": N_(
        "The folder {path} already exists and is not empty; styr init overwrites nothing. Choose a "
        "new folder."
    ),
    "bad-code": N_("The municipality code must be four digits, e.g. 0126 (got '{code}')."),
    "file-exists": N_("{path} already exists and differs; add --force to overwrite it."),
    "file-changed-since-read": N_(
        "{path} was changed while styr was working, so styr did not overwrite it: your changes are "
        "kept and nothing else was changed. Save the file and run the command again."
    ),
    "cannot-write": N_("Could not write {path}: {reason}"),
    "internal-error": N_(
        "Internal error in styr ({error}). This is a bug in the tool, not in your files; please "
        "report it."
    ),
    "init-done": N_(
        "Created {path} with the model '{model}'. Next: open the folder in an editor, replace "
        "every text that starts with '{marker}' with your own and run 'styr lint {path}'."
    ),
    "schema-exported": N_("Wrote {count} schemas to {path}."),
    "schema-repository-refreshed": N_(
        "The editor help in {path} is up to date: the schema copy, each file's first line and the "
        ".vscode settings ({count} files changed)."
    ),
    "editor-settings-unreadable": N_(
        "{path} cannot be read as plain JSON (does it have comments?), so styr does not change it "
        "and writes nothing at all. Add yaml.schemas by hand as docs/editors.md shows, or move the "
        "file away and run the command again."
    ),
    "config-invalid": N_("The configuration in {path} cannot be used: {problem}."),
    "config-unreadable": N_("Could not read {path}: {reason}"),
    "config-not-utf8": N_(
        "the file is not saved as UTF-8. Save it as UTF-8 in the editor and run again."
    ),
    "config-not-toml": N_(
        "the file is not valid TOML, so the settings under [tool.styr] cannot be read. Look at the "
        "line: often a quote, an = or the ] of a [heading] is missing."
    ),
    "config-number-too-long": N_(
        "the file holds a number with more digits than can be read. Shorten the number, or put it "
        "in quotes if it is meant as text."
    ),
    "config-too-deep": N_(
        "the file has lists or tables inside each other too many levels deep to be read. Look for "
        "a [ or { that is repeated by mistake."
    ),
    "editor-settings-refused": N_("Could not read {path}: {reason}"),
    "config-unknown-rule": N_(
        "The configuration in {path} ({setting}) names '{name}', which no rule is called. See "
        "'styr rules'."
    ),
    "config-option-type": N_(
        "The setting {setting} in {path} must be {expected}, but is {actual}. Correct the value "
        "or remove the setting to use the default."
    ),
    "config-option-order": N_(
        "The setting {lower} in {path} is {low}, more than {upper}, which is {high}. The lower "
        "limit cannot be above the upper one: correct one of them."
    ),
    "bad-date": N_("Invalid date '{value}'; write YYYY-MM-DD."),
    "bad-period": N_(
        "Invalid period '{value}'; write a year (2024), a tertial (2024-T2) or a half-year "
        "(2024-H1)."
    ),
    "bad-years": N_("Invalid years '{value}'; write e.g. 2023,2024 or 2020-2024."),
    "lint-withheld-one-file": N_(
        "Findings not shown: {count}, because {file} could not be read and they may follow from "
        "that. Correct the error in that file and run again."
    ),
    "lint-withheld-model": N_(
        "Findings not shown: {count}, because the steering model in {file} is not shaped as it "
        "must be (see the errors there above, often a wrong indent) and they may follow from that. "
        "Correct the errors in {file} and run again."
    ),
    "lint-withheld-files": N_(
        "Findings not shown: {count}, because {number} files could not be read ({files}) and they "
        "may follow from that. Correct the errors in those files and run again."
    ),
    "report-refused": N_(
        "The report was not written: the repository has errors ({count}, see above), so parts "
        "of it could be missing or wrong. Correct the errors and run again, or add "
        "--allow-errors to publish anyway with a clear notice at the top."
    ),
    "status-refused": N_(
        "The follow-up is not shown: the repository has errors ({count}, see above), so goals, "
        "indicators or outcomes may be missing from it. Correct the errors and run again, or add "
        "--allow-errors to show it anyway with a notice."
    ),
    "status-notice": N_(
        "Note: the repository has errors ({count}, see styr lint); the follow-up may lack goals, "
        "indicators or outcomes."
    ),
    "status-no-outcomes": N_(
        "{name}: nothing to follow up yet, as no outcomes have been written. Write them in a "
        "follow-up file (kind: follow_up, see docs/follow-up.md) or fetch them with "
        "'styr kolada pull'."
    ),
    "status-no-goals": N_(
        "{name}: nothing to follow up for this period, as no goal has been written yet."
    ),
    # {files}, {repos}, {errors} … are counted phrases: see COUNTED and `counted`.
    "summary-clean": N_("No findings in {files} ({repos})."),
    "summary": N_("{errors}, {warnings}, {infos} in {files}."),
    "status-next-target": N_("next target: {value} ({year})"),
    "report-templates-missing": N_("The template folder {path} does not exist (--templates)."),
    "report-template-error": N_("The report template {name} cannot be used: {what}.{detail}"),
    "report-template-refused": N_("The report template {name} is not read: {reason}"),
    "report-template-too-slow": N_(
        "The report template {name} was stopped: a template may run for at most {seconds} "
        "seconds. Make its loops smaller."
    ),
    "report-template-too-many-steps": N_(
        "The report template {name} was stopped: its loops took more than {steps} steps. Make "
        "its loops smaller."
    ),
    "report-template-too-large": N_(
        "The report template {name} was stopped: it builds a text, list or number larger than "
        "{limit} characters or items. Make it write less."
    ),
    "report-template-too-deep": N_(
        "The report template {name} was stopped: a macro calls itself without end."
    ),
    # {what} says what is wrong and what to do; {detail} is Jinja's own words, set apart
    # (styr.report.sandbox_errors).
    "report-template-syntax": N_(
        "The report template {name} is not written as a template must be, on line {line}: "
        "{what}.{detail}"
    ),
    "report-template-failed": N_(
        "The report template {name} stopped on line {line}: {what}.{detail}"
    ),
    "report-template-old-copy": N_(
        "The template folder's {name} is a copy of the bundled {name} from an earlier version "
        "of styr: its macro {macro} does not take what the bundled templates now give it. Copy "
        "the new {name} from styr's templates into the folder and make your changes in it "
        "again, or remove your copy to use the bundled one."
    ),
    "report-template-label-to-fill": N_(
        "The report template {template} stopped on line {line}: t.{label} is a text with places "
        "to fill ({names}) and would reach the page with them unfilled. Write {call} in its place."
    ),
    "report-written": N_("Wrote the report to {path}."),
    "report-period-one-repository": N_(
        "The follow-up report (--period) is of one municipality; {count} were named or found. "
        "Make a report for each of them."
    ),
    "report-period-not-followed-up": N_(
        "There is no follow-up for {period}: it lies outside the term of office and no "
        "follow-up file writes anything for that year. Periods with follow-up: {periods}."
    ),
    "report-period-nothing-followed-up": N_(
        "There is no follow-up for {period}: it lies outside the term of office and no "
        "follow-up file (kind: follow_up) writes any outcome or analysis yet."
    ),
    "report-period-with-findings": N_(
        "The follow-up report (--period) shows no lint findings: leave out --with-findings, "
        "and run styr lint for them."
    ),
    "pdf-needs-weasyprint": N_(
        "A PDF needs WeasyPrint, which is not installed. Install it in the environment styr runs "
        "in: pip install weasyprint (with pipx: pipx inject styr weasyprint)."
    ),
    "pdf-needs-pango": N_(
        "A PDF needs WeasyPrint and the GTK libraries (Pango) it draws text with, which were not "
        "found. On Windows, install GTK for Windows (see WeasyPrint's installation guide), then "
        "run the command again. Or choose --format docx or html."
    ),
    "pdf-layout-failed": N_(
        "WeasyPrint could not lay out the PDF, and no file was written. The same report as a web "
        "page or a Word document can be made: --format html or --format docx."
    ),
    "report-binary-to-terminal": N_(
        "A {format} file cannot be shown in the terminal. Name a file with -o, e.g. -o {example}."
    ),
    "site-written": N_("Wrote the website to {path} ({pages} pages)."),
    # {texts} is a counted phrase (COUNTED); {files} the files that hold them.
    "site-placeholders": N_(
        "Warning: {texts} on the website are still what styr init left to be written "
        '("FYLL I: …", X003), in {files}. Every page says that parts are not written yet. '
        "Write the texts and publish again; styr lint shows where each one is."
    ),
    "site-refused": N_(
        "The website was not written: the repository has errors ({count}, see above), so parts "
        "of it could be missing or wrong. Correct the errors and run again, or add "
        "--allow-errors to publish anyway with a clear notice on every page."
    ),
    "site-output-not-a-folder": N_(
        "{path} is a file, not a folder. Give the folder to write the website to with -o, for "
        "example -o webbplats."
    ),
    "site-output-is-a-link": N_(
        "{path} is a link to another place, not a folder of its own, so styr did not write to it. "
        "Give the folder itself with -o, for example -o webbplats."
    ),
    "site-output-own-files-clash": N_(
        "The folder {path} has files of your own that styr did not write, where the new website "
        "puts pages of its own: {files}. Nothing was changed. Move or rename those files, then "
        "run again."
    ),
    "site-kept-files": N_(
        "Kept the files of your own in {path}, which styr did not write, as they were: {files}."
    ),
    "site-output-not-ours": N_(
        "The folder {path} already has contents that styr did not write, so styr did not replace "
        "it: a website replaces its folder whole. Give an empty or new folder with -o, for "
        "example -o webbplats."
    ),
    "files-exist": N_(
        "{count} files already exist and differ, among them {path}; nothing was written. Add "
        "--force to overwrite them."
    ),
    "files-export-not-a-folder": N_(
        "{path} is a file, not a folder. Give a folder to write the schemas to, for example "
        "schemas."
    ),
    "init-bad-name": N_(
        "The municipality's name must be one line of text, without line breaks, control "
        "characters or invisible characters such as those that turn the writing direction "
        "(got {name})."
    ),
    "init-target-is-file": N_(
        "{path} is a file. styr init makes a new folder; choose a name that does not exist."
    ),
    "files-target-link": N_(
        "{path} is a symbolic link; styr does not write through links. Give the real file, or -o - "
        "to write to standard output."
    ),
    "files-target-folder": N_(
        "{path} is a folder, not a file. Give a file name, for example a file in that folder."
    ),
    "files-target-special": N_(
        "{path} is not a regular file but a device, a named pipe or a socket; styr writes regular "
        "files only. Give a regular file, or -o - to write to standard output."
    ),
    "files-denied": N_(
        "Could not write {path}: you are not allowed to write there, or another program has the "
        "file open (a report open in Word or a browser, say). Close the file, choose another place "
        "or ask for write access."
    ),
    "files-too-large": N_(
        "Could not write {path}: the file would be larger than the system or your quota allows. "
        "Write to another place, or make the file smaller."
    ),
    "files-read-only": N_("Could not write {path}: the place is read-only. Choose another place."),
    "files-no-space": N_(
        "Could not write {path}: the disk is full or the storage quota used up. Free some space "
        "and try again."
    ),
    "files-not-a-folder": N_(
        "Could not write {path}: part of the path is a file, not a folder. Check the path."
    ),
    "files-link-loop": N_(
        "Could not write {path}: the path goes round in a loop of symbolic links. Check the links "
        "or choose another place."
    ),
    "files-name-too-long": N_(
        "Could not write {path}: the name is too long for the file system. Choose a shorter name."
    ),
    "files-bad-name": N_(
        "Could not write {path}: the file system does not accept this name. Choose a name of "
        "plain letters and digits."
    ),
    "path-name-too-long": N_(
        "{path} cannot be used: the name is too long for the file system. Choose a shorter name."
    ),
    "path-link-loop": N_(
        "{path} cannot be used: the path goes round in a loop of symbolic links. Check the links "
        "or give another path."
    ),
    "path-not-a-folder": N_(
        "{path} cannot be used: part of the path is a file, not a folder. Check the path."
    ),
    "path-bad-name": N_(
        "{path} cannot be used: the file system does not accept this name. Choose a name of "
        "plain letters and digits."
    ),
    "files-os-error": N_(
        "Could not write {path} (system error {code}). Check that the place exists and that you "
        "may write there, and try again."
    ),
    "cache-folder-untrusted": N_(
        "The cache in {path} is not used: the folder belongs to another user or others can change "
        "it. Everything is still checked, only slower. Make the folder your own (chmod go-w), "
        "choose another with --cache-dir, or turn the cache off with --no-cache."
    ),
    "cache-secret-untrusted": N_(
        "The cache is not used: the key file {path} belongs to another user or others can read it. "
        "Everything is still checked, only slower. Delete the file and styr makes a new one."
    ),
    "output-is-input": N_(
        "{path} is one of the steering model's own files, and -o would overwrite it. Choose "
        "another file name, outside the folder with styr.yaml or not ending in .yaml."
    ),
    "output-empty": N_("-o needs a file name (or - for the screen); it was empty."),
    **DIFF_MESSAGES,  # styr diff's own (styr.diff.messages)
    **EXCEL_MESSAGES,  # styr export xlsx's and styr import outcomes' (styr.excel.messages)
    **KOLADA_MESSAGES,  # styr kolada pull's (styr.messages_kolada)
    **LOAD_MESSAGES,  # the loader's reasons (styr.messages_load)
    **PEER_MESSAGES,  # styr kolada pull --peers' (styr.messages_peers)
}

# What a severity is called where people read it (machine formats keep `Severity.label`).
SEVERITY_NAMES: dict[Severity, str] = {
    Severity.ERROR: N_("error"),
    Severity.WARNING: N_("warning"),
    Severity.INFO: N_("info"),
}


# Numbers in sentences, each with its singular and plural: "1 varning", "2 varningar".
COUNTED: dict[str, tuple[str, str]] = {
    "errors": NP_("{count} error", "{count} errors"),
    "warnings": NP_("{count} warning", "{count} warnings"),
    "infos": NP_("{count} info", "{count} info"),
    "files": NP_("{count} file", "{count} files"),
    "repositories": NP_("{count} repository", "{count} repositories"),
    "texts": NP_("{count} text", "{count} texts"),
    "cells": NP_("{count} cell", "{count} cells"),  # of a workbook: styr import outcomes
}


def counted(what: str, count: int, language: str) -> str:
    """`count` with its noun in the form the number takes: "1 fil", "21 filer"."""
    return count_text(COUNTED[what], count, language)


def severity_name(severity: Severity, language: str) -> str:
    """The severity as a reader says it: "varning" in Swedish, "warning" in English."""
    return translate(SEVERITY_NAMES[severity], language)


def message(key: str, language: str, /, **params: Any) -> str:
    """The CLI's sentence `key` in `language`, every text and path in it escaped for a terminal.

    A path or a value echoed from the command line or the files (a folder
    named with a line break, a `--today` holding an escape sequence) can then
    neither act on the terminal nor start a line of its own in a CI log.
    """
    text = MESSAGES.get(key)
    if text is None:
        return key
    shown = {
        name: terminal(os.fspath(value)) if isinstance(value, str | os.PathLike) else value
        for name, value in params.items()
    }
    return translate(text, language, **shown)
