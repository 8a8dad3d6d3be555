"""The words of the VS Code extension (editors/vscode), marked for styr's one catalogue.

The extension is plain JavaScript, but its Swedish comes from the same
gettext catalogue as every other text of styr: `editors/vscode/bundle.py`
writes VS Code's translation files from these tables (`package.nls.json`,
`package.nls.sv.json`, `l10n/bundle.l10n.sv.json`). Nothing in styr itself
shows them.
"""

from __future__ import annotations

from styr.i18n import N_, NC_

# What package.json says about the extension and its settings, by its %key% there.
MANIFEST_TEXTS: dict[str, str] = {
    "displayName": N_("styr: the steering model checked as you type"),
    "description": N_(
        "Checks a municipality's steering model (vision, directions, goals, indicators) "
        "while you write it: the goal chain across files, goal wording and every rule "
        "of styr lint."
    ),
    "untrusted": N_(
        "In a workspace you have not trusted, styr is not started from the workspace's "
        ".venv or from a styr.path the workspace sets."
    ),
    "command.restart": N_("Restart the checking as you write"),
    "config.path": N_(
        "The `styr` program to start, for example "
        "`C:\\Users\\me\\.venv\\Scripts\\styr.exe`. Empty: `styr` in the workspace's "
        "`.venv`, else `styr` on PATH, else `py -m styr` (Windows) or `python3 -m styr`."
    ),
    "config.language": N_(
        "The language of the messages. Empty: the language the repository's `styr.yaml` "
        "names (Swedish if it names none)."
    ),
    "config.language.default": N_("The language styr.yaml names"),
    "config.language.sv": NC_("a choice of language", "Swedish"),
    "config.language.en": NC_("a choice of language", "English"),
    "config.schemaDiagnostics": N_(
        "Whether styr reports the problems the JSON Schemas find. `auto`: not while the "
        "YAML extension (redhat.vscode-yaml) checks the same schemas, so each problem is "
        "shown once."
    ),
    "config.schemaDiagnostics.auto": N_("Off while the YAML extension validates, on otherwise"),
    "config.schemaDiagnostics.on": N_("Always report schema problems"),
    "config.schemaDiagnostics.off": N_(
        "Never report schema problems (leave them to the YAML extension)"
    ),
}

# What extension.js shows (vscode.l10n.t): VS Code looks each up by its English.
MESSAGES: tuple[str, ...] = (
    N_(
        "The setting styr.path names {0}, which is not there. Correct it, or leave it "
        "empty to use styr from PATH."
    ),
    N_(
        "styr is not installed, so the steering model is not checked while you write. "
        "Install styr (its README tells how) or name the program in the setting styr.path."
    ),
    NC_("a button", "Open Settings"),
    N_("styr could not start checking as you write: {0}"),
)
