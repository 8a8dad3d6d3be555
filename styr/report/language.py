"""The language of parts (WCAG 2.1, 3.1.2): which texts of a page say they are in the files'
language.

A page's own words are in the page's language; a text from the files stays as the files write
it, and where the page speaks another language it says so, for a screen reader to read it with
the right voice. The site, its comparison page and the one-page report mark the same texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from markupsafe import Markup, escape

# No attribute at all: made once, since every kind's name on a page asks (`kind_lang`).
_NO_ATTRIBUTE = Markup("")

if TYPE_CHECKING:
    from styr.model.steering_model import ElementKind, OrganisationType
    from styr.report.texts import Labels


class FilesWord(str):
    """A kind's name the steering model gives in the files' language only (no `en` for an
    English page): the page shows it as the files write it, so it is marked as theirs. A `str`
    still, so every view, comparison and template takes it as before."""

    __slots__ = ()


def kind_label(
    named: ElementKind | OrganisationType | None, language: str, undeclared: str = ""
) -> str:
    """A kind's or an organisation type's name for a page in `language`: the one place that
    decides which language a page says the name is in.

    A name the model gives in `language` is the page's word. Every other is the files' word
    (a `FilesWord`): the Swedish name it fell back to, the id where the model gives no name,
    and `undeclared`, the type an organisation's file names that the model does not declare
    (`named` None), which is written in the files and is no more the page's word."""
    if named is None:
        return FilesWord(undeclared) if undeclared else ""
    label, written_in = named.label_and_language(language)
    return label if written_in == language else FilesWord(label)


class Phrase(str):
    """The page's own words around kinds' names ("Vision and målbild", "Reading of
    målområde"): the text as `Labels.get` fills it, a `str` for every format that has no
    language of parts (Markdown, Word), which keeps its pattern and the names in its places,
    for an HTML page to mark each name that is a `FilesWord` (`kind_words`)."""

    pattern: str
    values: dict[str, str]


def phrase(labels: Labels, key: str, **values: str) -> str:
    """The page's text `key` with kinds' names in its places: a `Phrase` where one of them is
    the files' word (or holds one), else the plain text, so that a page with none to mark is
    written as it always was."""
    text = labels.get(key, **values)
    if not any(_of_files(value) for value in values.values()):
        return text
    said = Phrase(text)
    said.pattern, said.values = getattr(labels, key), values
    return said


def listed(names: list[str]) -> str:
    """Names joined by commas ("Vision, målbild"), a `Phrase` where one is the files' word."""
    if len(names) == 1:
        return names[0]
    return _put_together(names, ", ")


def joined(*parts: str) -> str:
    """Texts one after another as one ("Decided by " and a board's name): a `Phrase` where
    one of them is the files' word (or holds one), for `kind_words` to mark each such part
    and leave the page's own words as they are; else the plain text."""
    return _put_together(parts, "")


def _put_together(parts: Sequence[str], between: str) -> str:
    """The parts with `between` between them: a `Phrase` that keeps each part in its place
    where one is the files' word, else the plain text."""
    if not any(_of_files(part) for part in parts):
        return between.join(parts)
    said = Phrase(between.join(parts))
    said.pattern = between.join(f"{{p{place}}}" for place in range(len(parts)))
    said.values = {f"p{place}": part for place, part in enumerate(parts)}
    return said


def _of_files(text: str) -> bool:
    """Whether a kind's name, or a heading of kinds' names, is (or holds) the files' words,
    which `kind_words` marks (`kind_lang`, which marks a whole element, only a `FilesWord`)."""
    return isinstance(text, FilesWord | Phrase)


def kind_lang(kind: str, xl: str) -> str:
    """The `lang` attribute of a kind's name on the page: `xl`, the files' language, where
    the name is a `FilesWord`; none where it is in the page's words."""
    return xl if isinstance(kind, FilesWord) else _NO_ATTRIBUTE


def kind_words(text: str, xl: str) -> Markup:
    """A kind's name, or a heading made of kinds' names (`kind_heading`), as markup: each
    name that is the files' word in a `span` of their language `xl` where the page speaks
    another, the page's own words (its "and", its fallback label) as they are."""
    if not xl or not _of_files(text):
        return escape(text)
    if isinstance(text, Phrase):
        marked = {name: kind_words(value, xl) for name, value in text.values.items()}
        return Markup(escape(text.pattern)).format(**marked)
    return Markup("<span{}>{}</span>").format(Markup(xl), text)


def content_lang_attribute(content: str, page: str) -> Markup:
    """` lang="sv"` for what comes from the files when the page is in another language, ""
    when they agree: worked out once a repository, so that a page in the files' own language
    is written as it always was, with no work per element."""
    if content == page:
        return _NO_ATTRIBUTE
    return Markup(' lang="{}"').format(content)


def kind_and_title(kind: str, title: str, xl: str) -> str:
    """A heading's text: the kind's name (markup already, or "") in the page's language and
    the title from the files. Where the page speaks another language only the title is
    marked, so that "Indicator" is not read with a Swedish voice."""
    if not xl or not kind:
        return f"{kind}{title}"
    return f"{kind}<span{xl}>{title}</span>"


def in_files(text: str, xl: str) -> str:
    """A text from the files (markup already) among the page's own words, in a `span` of the
    files' language where the page speaks another; as it is where they agree."""
    return f"<span{xl}>{text}</span>" if xl else text


def told(t: Labels, key: str, xl: str, **values: str) -> str:
    """The page's text `key` with its places filled with texts from the files, each marked
    with the files' language where the page speaks another (an English sentence around a
    Swedish name); the text as `t.get` fills it where the two agree."""
    if not xl:
        return t.get(key, **values)
    marked = {
        name: Markup("<span{}>{}</span>").format(Markup(xl), value)
        for name, value in values.items()
    }
    return Markup(escape(getattr(t, key))).format(**marked)


def labelled(label: str, title: str, xl: str) -> str:
    """ "Label: title" (a table's caption), its title from the files marked with their language
    where the page speaks another, and its label too where it is the files' word (a heading
    of kinds' names, `kind_words`)."""
    if not xl:
        return f"{label}: {title}"
    return Markup("{}: <span{}>{}</span>").format(kind_words(label, xl), Markup(xl), title)
