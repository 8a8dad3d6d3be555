"""The loader's sentences, by key; `styr.messages.MESSAGES` takes them in.

What the YAML parser stopped at, in plain Swedish by class (styr.load.yaml_messages),
numbers no steering file can use (Y016), and why a file is not read
(styr.load.access): the reasons the loader's findings give.
"""

from __future__ import annotations

from styr.i18n import N_, Text

LOAD_MESSAGES: dict[str, Text] = {
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
    "load-refused-name-too-long": N_(
        "its name is too long for the file system. Give a shorter name, or a shorter path to it."
    ),
    "load-refused-bad-name": N_(
        "the file system does not accept its name. Rename it with plain letters and digits."
    ),
    "load-refused-os-error": N_(
        "the operating system could not read the file (error code {code}). Try again, and check "
        "the disk or network drive if the error comes back."
    ),
    "load-binary": N_(
        "it holds NUL characters, so it is a binary file and not a YAML file. Remove it or replace "
        "it with the right file."
    ),
}
