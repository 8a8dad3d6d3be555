"""The CLI's own sentences, by key. Findings carry theirs in their rules.

Each is its English original marked with `N_()`; the Swedish is in the gettext
catalogue styr/locale/sv/LC_MESSAGES/styr.po (see docs/translations.md), and
`message(key, language, **params)` gives it in a language (styr.i18n).

Adding a sentence: write `"area-key": N_("English, with {param}.")` here and its
Swedish in styr.po, then compile the catalogue (docs/translations.md); a test
fails while the Swedish is missing.
"""

from __future__ import annotations

import os
from typing import Any

from styr.diff.messages import DIFF_MESSAGES
from styr.escape import terminal
from styr.excel.messages import EXCEL_MESSAGES
from styr.findings import Severity
from styr.i18n import N_, NP_, Text, count_text, translate

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
    "editor-settings-refused": N_("Could not read {path}: {reason}"),
    "config-unknown-rule": N_(
        "The configuration in {path} ({setting}) names '{name}', which no rule is called. See "
        "'styr rules'."
    ),
    "config-option-type": N_(
        "The setting {setting} in {path} must be {expected}, but is {actual}. Correct the value "
        "or remove the setting to use the default."
    ),
    "bad-date": N_("Invalid date '{value}'; write YYYY-MM-DD."),
    "bad-period": N_(
        "Invalid period '{value}'; write a year (2024), a tertial (2024-T2) or a half-year "
        "(2024-H1)."
    ),
    "bad-years": N_("Invalid years '{value}'; write e.g. 2023,2024 or 2020-2024."),
    "kolada-no-indicators": N_("No indicator in {path} has a Kolada id (kolada: N15428)."),
    "kolada-file-outside": N_("The follow-up file {path} is outside the repository."),
    "kolada-file-unusable": N_("Cannot write into {path}: {problem}. Nothing was changed."),
    "kolada-file-stdout": N_(
        "--file - cannot be used: styr kolada pull reads the follow-up file and merges the "
        "outcomes into it, which standard output cannot be. Name a file in the repository, for "
        "example --file uppfoljning/kolada.yaml, or leave --file out."
    ),
    "kolada-problem-yaml": N_(
        "the file cannot be read for editing; run styr lint and correct what it says about the file"
    ),
    "kolada-problem-not-follow-up": N_("it is not a follow-up file; it must have kind: follow_up"),
    "kolada-problem-outcomes": N_(
        "outcomes is not a list; write each outcome on a line starting with -"
    ),
    "kolada-pulled": N_(
        "Fetched {fetched} values from Kolada into {file}: {added} new, {updated} updated, {kept} "
        "typed by hand kept. Source: Kolada."
    ),
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
        "The report was not written: the repository has errors ({count}, see above), and a report "
        "over them would lack what the broken parts hold. Correct the errors and run again, or add "
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
    "kolada-bad-kpi": N_(
        "Invalid KPI id '{value}'; it must be N or U followed by five digits, e.g. N15428."
    ),
    "kolada-bad-year": N_("Invalid year '{value}'; give a whole number from {first} to {last}."),
    "kolada-nothing-requested": N_(
        "Give at least one KPI id and at least one year to fetch from Kolada."
    ),
    "kolada-bad-base-url": N_(
        "The Kolada address '{url}' cannot be used; give an http or https address, e.g. "
        "https://api.kolada.se/v3."
    ),
    "kolada-unreachable": N_(
        "Could not reach Kolada ({url}): {reason}. Check the network and try again."
    ),
    "kolada-connection-lost": N_(
        "The connection to Kolada was lost ({reason}), {attempts} attempts in a row ({url}). Check "
        "the network and try again."
    ),
    "kolada-timeout": N_(
        "Kolada did not answer within {timeout} s, {attempts} attempts in a row ({url}). Check the "
        "network or try again later."
    ),
    "kolada-busy": N_(
        "Kolada is overloaded or temporarily unavailable (HTTP {status}), {attempts} attempts in a "
        "row ({url}). Wait a while and try again."
    ),
    "kolada-http-error": N_("Kolada answered with an error, HTTP {status} ({url})."),
    "kolada-bad-json": N_(
        "Kolada answered with something that is not valid JSON ({url}): {reason}."
    ),
    "kolada-bad-shape": N_(
        "Kolada's answer does not have the expected shape: {where} is missing, has the wrong "
        "type or a value that was not asked for ({url}). Nothing was fetched."
    ),
    "kolada-too-large": N_(
        "Kolada's answer is larger than {limit} MB ({url}); styr stops reading."
    ),
    "kolada-off-host": N_(
        "Kolada pointed to {url}, which is not on {host}; styr does not follow links to other "
        "servers."
    ),
    "kolada-page-loop": N_(
        "Kolada pointed back to a page already fetched ({url}); styr stops rather than loop "
        "forever."
    ),
    "kolada-too-many-pages": N_(
        "Kolada gave more than {limit} pages for one question ({url}); styr stops rather than loop "
        "forever."
    ),
    "kolada-too-slow": N_(
        "Kolada did not send the whole answer within {seconds} s, {attempts} attempts in a row "
        "({url}). The answer came too slowly; try again later."
    ),
    "kolada-run-timeout": N_(
        "Fetching from Kolada did not finish within {limit} s and was stopped ({url}). Nothing was "
        "written. Try again later, or give it more time with --timeout (seconds)."
    ),
    "kolada-retry-after-too-long": N_(
        "Kolada is busy (HTTP {status}) and asks styr to wait {seconds} s before trying again "
        "({url}). styr waits at most {limit} s, so it stops now. Nothing was written. Try again "
        "later."
    ),
    "kolada-retry-after-past-deadline": N_(
        "Kolada asks styr to wait {seconds} s before trying again ({url}), but the time limit for "
        "the whole fetch ({limit} s) runs out before that. Nothing was written. Try again later, "
        "or give it more time with --timeout (seconds)."
    ),
    "kolada-bad-timeout": N_(
        "Invalid time limit '{value}' for --timeout; give a number of seconds above 0, e.g. 300."
    ),
    "status-next-target": N_("next target: {value} ({year})"),
    "report-templates-missing": N_("The template folder {path} does not exist (--templates)."),
    "report-template-error": N_("The report template {name} cannot be used: {problem}"),
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
    "report-written": N_("Wrote the report to {path}."),
    "report-period-one-repository": N_(
        "The follow-up report (--period) is of one municipality; {count} were named or found. "
        "Make a report for each of them."
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
        "The website was not written: the repository has errors ({count}, see above), and a "
        "website over them would lack what the broken parts hold. Correct the errors and run "
        "again, or add --allow-errors to publish anyway with a clear notice on every page."
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
        "The municipality's name must be one line of text, without line breaks or other control "
        "characters (got {name})."
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
    # The loader: what the YAML parser stopped at (styr.load.yaml_messages), by our class.
    "load-yaml-colon-in-value": N_(
        "a colon followed by a space stands inside a value, so the line reads as a new key. Put "
        'the text in quotes (title: "Goal: more jobs") or correct the indentation.'
    ),
    "load-yaml-missing-colon": N_(
        "a line has no colon after its key, or a text goes on to the next line without "
        "indentation. Write key: value, or indent the continued line under its key."
    ),
    "load-yaml-unclosed-quote": N_(
        "a quote is opened but never closed. Add the closing quote (\" or ') at the end of the "
        "text."
    ),
    "load-yaml-document-marker-in-quote": N_(
        "a line inside a quoted text starts with --- or ..., which ends the document. Indent the "
        "line, or close the quote before it."
    ),
    "load-yaml-bad-escape": N_(
        "a backslash (\\) inside double quotes starts an escape code that does not exist. Write "
        "\\\\ for a backslash, or put the text in single quotes."
    ),
    "load-yaml-block-scalar-header": N_(
        "after | or > only - or + and an indentation digit 1–9 may follow on the same line. Write "
        "the text on the lines below, indented."
    ),
    "load-yaml-anchor-name": N_(
        "an & or * at the start of a value is read as YAML syntax and must be followed by a name. "
        "Put the text in quotes."
    ),
    "load-yaml-alias": N_(
        "an alias (*name) points to an anchor that does not exist, or an anchor (&name) is used "
        "twice. Steering files use no anchors and aliases: write the value out, or put the text in "
        "quotes if the * or & belongs to it."
    ),
    "load-yaml-tag": N_(
        "an exclamation mark (!) at the start of a value is read as a YAML tag. Put the text in "
        "quotes."
    ),
    "load-yaml-directive": N_(
        "a line that starts with a percent sign (%) is read as a YAML directive. Remove the line, "
        "or put the text in quotes if it belongs to a value."
    ),
    "load-yaml-list-not-allowed": N_(
        "a '- ' stands where a list cannot start, for example after a key that already has a value "
        "on its line. Write the list on lines of its own under its key, indented."
    ),
    "load-yaml-question-mark": N_(
        "a question mark followed by a space is read as YAML syntax here. Put the text in quotes."
    ),
    "load-yaml-mapping-indentation": N_(
        "the line is wrongly indented: it stands neither straight under the keys above nor "
        "indented under a key that waits for a value. Correct the indentation with spaces."
    ),
    "load-yaml-list-under-mapping": N_(
        "a list starts on a line where a key was expected. Indent the list under the key it "
        "belongs to (two spaces more than the key)."
    ),
    "load-yaml-after-value": N_(
        "more text follows a finished value (a closing quote, ] or }) on the same line. Put the "
        "whole text in quotes, or move what follows to a line of its own."
    ),
    "load-yaml-list-indentation": N_(
        "a line in a list is wrongly indented, or a line without '- ' stands among the list's "
        "entries. Start every entry with '- ' in the same column."
    ),
    "load-yaml-after-document": N_(
        "something follows the file's content that does not belong there, for example a key after "
        "a list at the top level. Check the indentation of the line."
    ),
    "load-yaml-unclosed-list": N_(
        "a list in square brackets [ ] is not closed, or two values have no comma between them. "
        "Close the list with ] and separate the values with commas; put text that holds a comma or "
        "a colon in quotes."
    ),
    "load-yaml-unclosed-mapping": N_(
        "a mapping in braces { } is not closed, or two pairs have no comma between them. Close it "
        "with } and separate the pairs with commas; put text that holds a comma or a colon in "
        "quotes."
    ),
    "load-yaml-colon-in-flow": N_(
        "a colon stands inside a text within [ ] or { }. Put the text in quotes."
    ),
    "load-yaml-missing-value": N_(
        "a value is missing where one was expected (for example between two commas), or a "
        "character such as ] or } stands where a value should start. Write the value, or put the "
        "text in quotes if the character belongs to it."
    ),
    "load-yaml-reserved-character": N_(
        "a value starts with the character {char}, which YAML reserves. Put the text in quotes."
    ),
    "load-yaml-unexpected-end": N_(
        "the file ends in the middle of a value. Check that every quote and bracket is closed."
    ),
    "load-yaml-not-text": N_(
        "the file holds bytes that are not text. Save the file as UTF-8 in your editor."
    ),
    "load-yaml-forbidden-character": N_(
        "the character {char} is not allowed in a YAML file; it is an invisible control character "
        "that often comes along with copied text. Remove it."
    ),
    "load-yaml-general": N_(
        "the YAML reader could not make sense of the file here. Check the indentation, colons and "
        "quotes on this line and the line above."
    ),
    "load-yaml-empty": N_("the file is empty"),
    "load-yaml-more-than-one": N_("this one has more than one; split them into a file each"),
    # The loader: numbers no steering file can use (Y016).
    "load-number-too-long": N_(
        "it has {digits} digits before the decimal point, and a value in a steering file has at "
        "most {limit}. Correct the number, or put it in quotes if it is a text."
    ),
    "load-number-too-small": N_(
        "its first digit stands more than {limit} places after the decimal point, so it would be "
        "read as 0. Correct the number, or put it in quotes if it is a text."
    ),
    "load-number-not-finite": N_(
        "it means infinity or 'not a number', which no target or outcome can be. Write an ordinary "
        "number, or put the text in quotes."
    ),
    # The loader: files that are not read (styr.load.access), the reason in a Y001 finding.
    "load-refused-outside": N_(
        "it is a symbolic link that leads outside the folder, and styr only reads files inside it. "
        "Put a copy of the file here instead of the link, or remove the link."
    ),
    "load-refused-link-loop": N_(
        "symbolic links point to each other in a loop, so the file cannot be reached. Correct or "
        "remove the link."
    ),
    "load-refused-missing": N_(
        "the file does not exist, or is a link to a file that does not exist. Check the name, or "
        "remove the link."
    ),
    "load-refused-permission": N_(
        "you are not allowed to read the file. Ask its owner for read access."
    ),
    "load-refused-folder": N_(
        "it is a folder, not a file. Rename the folder so that its name does not end in .yaml or "
        ".yml."
    ),
    "load-refused-fifo": N_(
        "it is a named pipe (FIFO), not an ordinary file, and reading it could block the run. "
        "Remove it and put an ordinary file in its place."
    ),
    "load-refused-device": N_(
        "it is a device file (such as /dev/zero), not an ordinary file, and it can give any amount "
        "of data. Remove it or the link to it."
    ),
    "load-refused-socket": N_("it is a socket, not an ordinary file. Remove it."),
    "load-refused-special": N_(
        "it is not an ordinary file. Remove it and put an ordinary file in its place."
    ),
    "load-refused-too-large": N_(
        "it is {size} bytes, more than the {limit} bytes a steering file can be. Split it into "
        "several files."
    ),
    "load-refused-os-error": N_(
        "the operating system could not read the file (error code {code}). Try again, and check "
        "the disk or network drive if the error comes back."
    ),
    "load-binary": N_(
        "it holds NUL characters, so it is a binary file and not a YAML file. Remove it or replace "
        "it with the right file."
    ),
    "output-is-input": N_(
        "{path} is one of the steering model's own files, and -o would overwrite it. Choose "
        "another file name, outside the folder with styr.yaml or not ending in .yaml."
    ),
    "output-empty": N_("-o needs a file name (or - for the screen); it was empty."),
    **DIFF_MESSAGES,  # styr diff's own (styr.diff.messages)
    **EXCEL_MESSAGES,  # styr export xlsx's and styr import outcomes' (styr.excel.messages)
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
