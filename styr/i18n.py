"""The one place a text is translated: gettext catalogues, Swedish by default, English on request.

Every text a person reads is written in the code as its English original (the
gettext msgid) and marked for extraction:

    N_("The path {path} does not exist.")          # a text, translated where shown
    NC_("work plan", "Owner")                       # the same English, another Swedish
    NP_("{count} file", "{count} files")            # a singular and a plural (count_text)
    _("Show the version.")                          # translated now, in the run's language

Help texts in styr/cli.py are marked with N_() too: `translate_help` translates
the command tree typer builds for a run, once the run's language is known.

`translate(text, language, **params)` gives a marked text in a language with
its `{placeholders}` filled by `fill`, the one place a text's placeholders are
filled: one the caller did not give shows as "…", never as `{name}` (a caller
that forgets one is a bug the tests look for, not something to show a
reader). `template` gives a text unfilled, to a caller that fills it itself.
The Swedish lives in `styr/locale/sv/LC_MESSAGES/styr.po` (compiled to
`styr.mo`, both committed); English needs no catalogue.
docs/translations.md has the maintainer's commands (extract, update, compile).

The language of a run: `--lang en|sv` on the command line, else the
environment's STYR_LANG, else the manifest's `language:` where a command reads
a repository, else Swedish. click's and typer's own strings ("Usage:", "Show
this message and exit.") go through the same catalogue: `install_for_click`.

Only the standard library is used here: this module is imported before the
command line is parsed and must stay cheap.
"""

from __future__ import annotations

import gettext as _gettext
import os
import re
import string
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

DOMAIN = "styr"
LOCALE_DIR = Path(__file__).resolve().parent / "locale"
LANGUAGES = ("sv", "en")
DEFAULT_LANGUAGE = "sv"
ENVIRONMENT_VARIABLE = "STYR_LANG"

# gettext's own separator between a context and a msgid (as in a compiled catalogue).
_CONTEXT_SEPARATOR = "\x04"

# A text as code holds it: a marked English msgid (`N_()`, `NC_()`).
Text = str

_process_language = DEFAULT_LANGUAGE
_click_installed = False


def N_(msgid: str) -> str:  # the gettext name for "mark, do not translate"
    """Mark an English text for the catalogue; it is translated where it is shown."""
    return msgid


def NC_(context: str, msgid: str) -> str:  # as N_, with a context
    """Mark a text whose English is shared with another text that Swedish says differently."""
    return f"{context}{_CONTEXT_SEPARATOR}{msgid}"


def NP_(singular: str, plural: str) -> tuple[str, str]:  # as N_, with a plural form
    """Mark a text said of a number ("{count} file", "{count} files"); see `count_text`."""
    return (singular, plural)


@cache
def _catalogue(language: str) -> _gettext.NullTranslations:
    # Its texts decoded as they are asked for, not all 1,600 at once (see the module).
    from styr.i18n_catalogue import LazyTranslations

    return _gettext.translation(
        DOMAIN, LOCALE_DIR, languages=[language], fallback=True, class_=LazyTranslations
    )


def _lookup(msgid: str, language: str) -> str:
    catalogue = _catalogue(language)
    context, separator, text = msgid.partition(_CONTEXT_SEPARATOR)
    if separator:
        return catalogue.pgettext(context, text)
    return catalogue.gettext(msgid)


# A placeholder: a name in braces. Other braces are text (a YAML example in a rule's
# documentation, `{year: 2026, value: 80}`); no msgid doubles a brace to write one.
_PLACEHOLDER = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
UNFILLED = "…"  # what a placeholder its caller left without a value shows


def translate(text: Text, language: str, /, **params: Any) -> str:
    """`text` in `language`, with its `{placeholders}` filled from `params` (see `fill`)."""
    return fill(template(text, language), localised(params, language))


def template(text: Text, language: str) -> str:
    """`text` in `language` with its `{placeholders}` as they stand, for a caller that fills
    them itself (a report's labels) or shows them as such (a rule's documentation)."""
    # gettext gives the catalogue's header for "": an empty text stays empty.
    return _lookup(text, language) if text else ""


def fill(text: str, params: Mapping[str, Any]) -> str:
    """`text` with each `{name}` replaced by the value `params` gives it, as `str.format`
    writes it; a name `params` lacks by UNFILLED, so that no `{name}` ever reaches a reader."""
    if "{" not in text:  # most texts: nothing to fill
        return text

    def value(match: re.Match[str]) -> str:
        name = match[1]
        return format(params[name]) if name in params else UNFILLED

    return _PLACEHOLDER.sub(value, text)


@cache
def placeholders(text: Text) -> frozenset[str]:
    """The names of the `{placeholders}` in a marked text (its Swedish has the same)."""
    names = set()
    for _, field_name, _, _ in string.Formatter().parse(text):
        if field_name:
            names.add(re.split(r"[.\[]", field_name, maxsplit=1)[0])
    return frozenset(names)


def count_text(forms: tuple[str, str], count: int, language: str, /, **params: Any) -> str:
    """The form of `forms` (marked with NP_) that fits `count`, with `{count}` filled in.

    Swedish and English both have one form for 1 and another for every other
    number; the catalogue's Plural-Forms header says so, and gettext chooses.
    """
    singular, plural = forms
    chosen = _catalogue(language).ngettext(singular, plural, count)
    return fill(chosen, {"count": count, **localised(params, language)})


def localised(params: Mapping[str, Any], language: str) -> dict[str, Any]:
    """`params` with `x_en` (a value a check could give only in English) standing in for `x`.

    A msgid and its Swedish share their placeholders; where a check computes a
    word per language it passes `x` (Swedish) and `x_en`, and English gets `x_en`.
    """
    suffix = f"_{language}"
    chosen = dict(params)
    for key, value in params.items():
        if key.endswith(suffix):
            chosen[key.removesuffix(suffix)] = value
    return chosen


def both_languages(name: str, text: Text, /, **params: Any) -> dict[str, str]:
    """Finding parameters `name` (Swedish) and `name_en` (English) from one marked text.

    For a word a check chooses (`**both_languages("what", N_("The kind"))`); the
    message picks `name_en` in English (see `localised`).
    """
    return {
        name: translate(text, "sv", **params),
        f"{name}_en": translate(text, "en", **params),
    }


def gettext(msgid: str) -> str:
    """`msgid` in the language of this process (see `set_language`)."""
    return _lookup(msgid, _process_language)


_ = gettext


def ngettext(singular: str, plural: str, count: int) -> str:
    """The singular or plural form for `count`, in the language of this process."""
    return _catalogue(_process_language).ngettext(singular, plural, count)


def set_language(language: str) -> None:
    """Choose the language of this process: help texts and click's own strings."""
    global _process_language
    _process_language = language if language in LANGUAGES else DEFAULT_LANGUAGE
    if _click_installed:
        _name_click_types()


def current_language() -> str:
    return _process_language


def language_from_arguments(arguments: Sequence[str]) -> str | None:
    """The value of `--lang X` or `--lang=X` anywhere on the command line, if given."""
    for position, argument in enumerate(arguments):
        if argument == "--":
            break
        if argument == "--lang" and position + 1 < len(arguments):
            return arguments[position + 1]
        if argument.startswith("--lang="):
            return argument.removeprefix("--lang=")
    return None


def requested_language(arguments: Sequence[str] | None = None) -> str | None:
    """The language asked for on the command line or in STYR_LANG (unchecked), if any."""
    given = language_from_arguments(sys.argv[1:] if arguments is None else arguments)
    return given if given is not None else (os.environ.get(ENVIRONMENT_VARIABLE) or None)


def start_process(arguments: Sequence[str]) -> None:
    """Set the process language from the command line before the CLI module is imported."""
    set_language(requested_language(arguments) or DEFAULT_LANGUAGE)


def install_for_click() -> None:
    """Make click's and typer's own strings ("Usage:", "Error") use our catalogue.

    Both take their strings through `from gettext import gettext as _`, bound at
    import to the standard library's global domain, whose language comes from
    the system locale. We point those names at this process's language instead.
    """
    global _click_installed
    _click_installed = True
    replacements = (("_", _gettext.gettext, gettext), ("ngettext", _gettext.ngettext, ngettext))
    for name, module in list(sys.modules.items()):
        if name.split(".")[0] not in ("click", "typer") or module is None:
            continue
        for attribute, standard, ours in replacements:
            if getattr(module, attribute, None) is standard:
                setattr(module, attribute, ours)
    _name_click_types()


def translate_help(command: Any) -> None:
    """Translate a click command tree's help texts in place, into this process's language.

    The CLI marks its help texts with N_(), and typer hands them to click as
    written; the commands typer builds for a run are translated just before
    they run, so that `--lang` decides however early the CLI was imported.
    """
    for attribute in ("help", "short_help", "options_metavar", "subcommand_metavar"):
        text = getattr(command, attribute, None)
        if isinstance(text, str) and text:
            setattr(command, attribute, gettext(text))
    for parameter in getattr(command, "params", ()):
        for attribute in ("help", "metavar"):
            text = getattr(parameter, attribute, None)
            if isinstance(text, str) and text:
                setattr(parameter, attribute, gettext(text))
    for child in getattr(command, "commands", {}).values():
        translate_help(child)


# click names its value types in English and shows the names as placeholders in help
# (`--jobs INTEGER`) and in errors ("'x' is not a valid integer"), outside gettext.
_CLICK_TYPE_NAMES = {
    "STRING": N_("text"),
    "INT": N_("integer"),
    "FLOAT": N_("float"),
    "BOOL": N_("boolean"),
    "UUID": N_("uuid"),
}


def _name_click_types() -> None:
    import click.types

    for attribute, msgid in _CLICK_TYPE_NAMES.items():
        value_type = getattr(click.types, attribute, None)
        if value_type is not None:
            value_type.name = gettext(msgid)
