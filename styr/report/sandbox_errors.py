"""What a template from `--templates` did wrong, in the planner's own language.

Jinja says what went wrong in English and in its own terms ("Encountered unknown tag
'endfor'. You probably made a nesting mistake."), which is no explanation inside a Swedish
message. The mistakes planners make when they edit a template (a filter or a tag written
wrong, a block left open, a name that does not exist) are each told here in plain words with
what to do, in both languages; Jinja's own words follow only as a technical detail, set apart.
A mistake of another kind keeps a general explanation, with Jinja's words as the detail.

Part of the sandbox for user templates (`styr.report.sandbox`): `styr.report.render` raises
the refusals made here.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import jinja2

from styr.errors import UsageError
from styr.i18n import N_, Text, translate
from styr.report.sandbox import NotTheLabels
from styr.report.sandbox_loader import template_line
from styr.report.sandbox_old_copy import old_copy

# Jinja's own words, after the explanation: a technical detail, kept for a reader who knows Jinja.
JINJA_DETAIL: Text = N_("Technical detail from Jinja, in English: “{problem}”")


@dataclass(frozen=True, slots=True)
class Explained:
    """A template's mistake as a message tells it: `what` happened and what to do (a marked
    text with `values` for its places), and Jinja's own words for the technical detail
    ("" where the text is styr's own)."""

    what: Text
    values: dict[str, str]
    jinja: str

    def params(self) -> dict[str, str]:
        """The message's `what` and `detail` in both languages (`what_en`, `detail_en`)."""
        found = {}
        for language, suffix in (("sv", ""), ("en", "_en")):
            found[f"what{suffix}"] = translate(self.what, language, **self.values)
            found[f"detail{suffix}"] = (
                " " + translate(JINJA_DETAIL, language, problem=self.jinja) if self.jinja else ""
            )
        return found


# A pattern of Jinja's message (its own wording, Jinja 3), and how to tell the mistake from
# what it matched. The first that matches tells it; the order puts the narrower first.
_Teller = Callable[[re.Match[str]], tuple[Text, dict[str, str]]]


def _block_left_open(found: re.Match[str]) -> tuple[Text, dict[str, str]]:
    block = found["block"]
    return (
        N_("the block that {opening} opens is never closed: write {closing} where it is to end"),
        {"opening": _tag(block), "closing": _tag(f"end{block}")},
    )


def _closed_in_the_wrong_order(found: re.Match[str]) -> tuple[Text, dict[str, str]]:
    block = found["block"]
    return (
        N_(
            "{found} stands where the block that {opening} opens is not yet closed: close the "
            "blocks in the opposite order to the one they open in, this one first with {closing}"
        ),
        {"found": _tag(found["tag"]), "opening": _tag(block), "closing": _tag(f"end{block}")},
    )


def _tag_of_its_own(found: re.Match[str]) -> tuple[Text, dict[str, str]]:
    tag = found["tag"]
    if tag.startswith("end"):
        return (
            N_(
                "{found} closes a block that no tag opens: remove it, or write the tag that "
                "opens the block before it"
            ),
            {"found": _tag(tag)},
        )
    return N_("there is no tag {found}: check how it is spelt"), {"found": _tag(tag)}


def _named(text: Text, key: str) -> _Teller:
    return lambda found: (text, {key: found["name"]})


_WRITTEN_WRONG: tuple[tuple[re.Pattern[str], _Teller], ...] = (
    (
        re.compile(r"No filter named '(?P<name>[^']*)'"),
        _named(N_("there is no filter named {filter}: check how its name is spelt"), "filter"),
    ),
    (
        re.compile(r"No test named '(?P<name>[^']*)'"),
        _named(N_("there is no test named {test} (after is): check how its name is spelt"), "test"),
    ),
    (
        re.compile(
            r"unknown tag '(?P<tag>\w+)'.*nesting mistake.*block that needs to be closed is "
            r"'(?P<block>\w+)'",
            re.DOTALL,
        ),
        _closed_in_the_wrong_order,
    ),
    (
        re.compile(
            r"^Unexpected end of template.*block that needs to be closed is '(?P<block>\w+)'",
            re.DOTALL,
        ),
        _block_left_open,
    ),
    (re.compile(r"unknown tag '(?P<tag>\w+)'"), _tag_of_its_own),
    (
        re.compile(r"^unexpected end of template"),
        lambda _: (
            N_(
                "the template ends inside a tag or an expression: close each “{{” with “}}” "
                "and each “{%” with “%}”"
            ),
            {},
        ),
    ),
    (
        re.compile(r"parameter '(?P<name>[^']*)' was not provided"),
        _named(
            N_(
                "a macro is called without its value {name}: give it that value, or give the "
                "parameter a default in the macro"
            ),
            "name",
        ),
    ),
    (
        re.compile(r"^'(?P<name>[^']*)' is undefined"),
        _named(
            N_(
                "there is no value named {name} in the template: check how it is spelt (the "
                "report gives its templates r, its content, and t, its texts)"
            ),
            "name",
        ),
    ),
    (
        re.compile(r"Labels object' has no attribute '(?P<name>[^']*)'"),
        _named(N_("the report has no text t.{name}: check how its name is spelt"), "name"),
    ),
    (
        re.compile(r"TemplateModule object' has no attribute '(?P<name>[^']*)'"),
        _named(
            N_("the imported template has no macro named {name}: check how its name is spelt"),
            "name",
        ),
    ),
    (
        re.compile(r"has no (?:attribute|element) '?(?P<name>[^']+)'?$"),
        _named(N_("the value has no field {name}: check how its name is spelt"), "name"),
    ),
)

# What went wrong in a template, said for the kind of Python error it raised, where Jinja's
# message is none of the above.
_WHAT_WENT_WRONG: tuple[tuple[type[Exception], Text], ...] = (
    (ZeroDivisionError, N_("it divides by zero")),
    (jinja2.UndefinedError, N_("it uses a field or a value that does not exist")),
    (AttributeError, N_("it uses a field or a value that does not exist")),
    (LookupError, N_("it takes an item that the list or the table does not have")),
    (
        TypeError,
        N_(
            "a filter, a function or a calculation gets a value of the wrong kind, or the "
            "wrong number of values"
        ),
    ),
    (ValueError, N_("a filter or a function gets a value it cannot use")),
)
_NO_SUCH_TEMPLATE: Text = N_(
    "it asks for the template {missing}, which is neither in the template folder nor among "
    "styr's own: check how its name is spelt, and that it lies inside the folder"
)
_NOT_FOR_A_TEMPLATE: Text = N_(
    "it reads a part of a value that a template may not read, for safety: take that part out"
)
_NOT_WRITTEN_AS_A_TEMPLATE: Text = N_(
    "look over the brackets, quotation marks and filter names of its tags and expressions"
)


def written_wrong(error: jinja2.TemplateSyntaxError, name: str) -> UsageError:
    """The refusal of a template Jinja cannot read (`{% if %}` left open, a filter misspelt),
    at the file and line where Jinja found it."""
    return UsageError(
        "report-template-syntax",
        name=error.name or name,
        line=error.lineno,
        **explained(error).params(),
    )


def failed(error: Exception, name: str, folder: Path | None) -> Exception:
    """A template's own mistake (`{{ 1/0 }}`, `{{ [].pop() }}`) as the refusal that says where
    and what, and what to do; an error of styr's own code as it is, an internal error.

    `folder` is the folder of the user's templates (None for the bundled ones). A bundled
    template's call that fails in the folder's old copy of a bundled template names the copy
    (`old_copy`), as no line of the folder's is where it went wrong."""
    if folder is not None and (copy := old_copy(error, folder)) is not None:
        template, macro = copy
        return UsageError("report-template-old-copy", name=template, macro=macro)
    where = template_line(error, folder) if folder is not None else None
    if where is None:
        if isinstance(error, jinja2.UndefinedError):  # a name the template asks for
            return cannot_be_used(error, name)
        return error
    template, line = where
    return UsageError(
        "report-template-failed", name=template, line=line, **explained(error).params()
    )


def cannot_be_used(error: Exception, name: str) -> UsageError:
    """The refusal of a template that cannot be used at all, with no line to point at: it asks
    for a template there is none of, reads what a template may not read for safety, or uses a
    name that does not exist from where no line of the folder's shows."""
    if isinstance(error, jinja2.TemplateNotFound):
        told = Explained(_NO_SUCH_TEMPLATE, {"missing": str(error.name)}, "")
    elif isinstance(error, jinja2.exceptions.SecurityError):
        told = Explained(_NOT_FOR_A_TEMPLATE, {}, str(error))
    else:
        told = explained(error)
    return UsageError("report-template-error", name=name, **told.params())


def explained(error: Exception) -> Explained:
    """What a template's `error` means and what to do about it, for the planner."""
    if isinstance(error, NotTheLabels):  # styr's own refusal: there are no words of Jinja's
        return Explained(NotTheLabels.DETAIL, {"helper": error.helper}, "")
    problem = (error.message if isinstance(error, jinja2.TemplateError) else None) or str(error)
    for pattern, tell in _WRITTEN_WRONG:
        if found := pattern.search(problem):
            what, values = tell(found)
            return Explained(what, values, problem)
    if isinstance(error, jinja2.TemplateSyntaxError):
        return Explained(_NOT_WRITTEN_AS_A_TEMPLATE, {}, problem)
    general = next(
        (text for kind, text in _WHAT_WENT_WRONG if isinstance(error, kind)),
        N_("it cannot be carried out"),
    )
    return Explained(general, {}, problem or type(error).__name__)


def _tag(name: str) -> str:
    return "{% " + name + " %}"
