"""What the site's tests check on one page in Chromium; each check returns what is wrong.

A check never stops at the first problem: the test collects every page's
problems and shows them together, so that one run tells the whole story.
"""

from __future__ import annotations

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from typing import Any

from report_helpers import AXE, Visit

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
REQUIRED_POLICY = ("default-src 'none'", "base-uri 'none'", "form-action 'none'")
STYLESHEET = "stil.css"  # the one file of its site a page may load besides itself
# The two reflow set-ups of WCAG 1.4.10. 320 CSS px is 1280 px at 400 %;
# 1280 px at 200 % zoom lays the page out in 640 CSS px, drawn at twice the
# pixel density (deviceScaleFactor 2), which is what a browser's zoom does.
REFLOW = {
    "320 px": {"viewport": {"width": 320, "height": 640}, "device_scale_factor": 1},
    "1280 px at 200 %": {"viewport": {"width": 640, "height": 450}, "device_scale_factor": 2},
}


class Reader:
    """One tab in a browser context that opens page after page.

    A new tab costs far more than a navigation, so every check of a context
    shares one; each `open` starts a fresh record of requests and errors, and
    refuses every request but the page's own and its site's stylesheet.
    """

    def __init__(self, context: Any) -> None:
        self.context = context
        self.page = context.new_page()
        self.current = Visit(self.page, "about:blank")
        self.stylesheet: str | None = None  # the address of the open page's site stylesheet
        self.page.on("request", lambda request: self.current.requests.append(request.url))
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.current.errors.append(str(error)))
        self.page.route("**/*", self._only_the_page)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.current.errors.append(message.text)

    def _only_the_page(self, route: Any) -> None:
        if route.request.url in (self.current.url, self.stylesheet):
            route.continue_()
        else:
            route.abort()

    def open(self, file: Path) -> Visit:
        self.current = Visit(self.page, file.resolve().as_uri())
        self.stylesheet = site_stylesheet(file)
        self.page.goto(self.current.url, wait_until="load")
        return self.current

    def close(self) -> None:
        self.page.close()


def site_stylesheet(file: Path) -> str | None:
    """The address of the stylesheet of the site a page is in: the nearest `stil.css` in its
    folder or above (a municipality's own, inside a comparison), or None."""
    for folder in file.resolve().parents:
        if (folder / STYLESHEET).is_file():
            return (folder / STYLESHEET).as_uri()
    return None


_POLICY = re.compile(
    r"<meta\s+http-equiv=\"Content-Security-Policy\"\s+content=\"([^\"]*)\"", re.IGNORECASE
)
_INLINE = re.compile(r"<(style|script)(?:\s[^>]*)?>(.*?)</\1>", re.DOTALL | re.IGNORECASE)


def policy_problems(file: Path) -> list[str]:
    """The page's own policy: present, strict, and naming the hash of each inline block."""
    html = file.read_text(encoding="utf-8")
    policies = _POLICY.findall(html)
    if len(policies) != 1:
        return [f"{len(policies)} Content-Security-Policy meta elements"]
    policy = policies[0].replace("&#39;", "'").replace("&#x27;", "'")
    problems = [f"the policy lacks {rule}" for rule in REQUIRED_POLICY if rule not in policy]
    for tag, body in _INLINE.findall(html):
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        if f"'sha256-{digest}'" not in policy:
            problems.append(f"the policy does not allow the inline <{tag}> by its hash")
    if "unsafe-inline" in policy or "unsafe-eval" in policy:
        problems.append("the policy allows unsafe inline code")
    return problems


# The frame every page shares: a language, a header, named navigation, one
# main part with one h1, and a footer linking the legend and the statement.
_FRAME = """() => {
    const one = s => document.querySelectorAll(s).length === 1;
    const footer = [...document.querySelectorAll('footer a[href]')]
        .map(a => a.getAttribute('href'));
    const links = name => footer.some(h => h === name || h.endsWith('/' + name));
    return Object.entries({
        'a language on <html>': document.documentElement.lang.length >= 2,
        'one <header>': document.querySelectorAll('body > header, body > * > header').length >= 1,
        'one <main>': one('main'),
        'one <h1>': one('h1'),
        'every <nav> named': [...document.querySelectorAll('nav')].every(
            n => n.getAttribute('aria-label') || n.getAttribute('aria-labelledby')),
        'a <footer>': document.querySelectorAll('footer').length >= 1,
        'a footer link to symboler.html': links('symboler.html'),
        'a footer link to tillganglighet.html': links('tillganglighet.html'),
        'a <title>': document.title.trim().length > 0,
    }).filter(([, present]) => !present).map(([part]) => part);
}"""


def load_problems(reader: Reader, file: Path) -> list[str]:
    """Opened with its policy in force: no error logged, no request but the page and (once,
    if it links to it) its site's stylesheet, the frame. A stylesheet that fails to load
    logs an error."""
    seen = reader.open(file)
    problems = [f"lacks {part}" for part in seen.page.evaluate(_FRAME)]
    problems += [f"console: {error}" for error in seen.errors]
    problems += [f"requested {url}" for url in seen.network if url != reader.stylesheet]
    links = seen.page.evaluate("() => document.querySelectorAll('link[rel=stylesheet]').length")
    expected = [seen.url] + ([reader.stylesheet] if links and reader.stylesheet else [])
    if seen.requests != expected:
        problems.append(f"requests were {seen.requests}")
    return problems


@cache
def _axe_source() -> str:
    return AXE.read_text(encoding="utf-8")


def axe_problems(reader: Reader, file: Path) -> list[str]:
    """axe-core's WCAG 2.1 A and AA rules: every violation, whatever its impact."""
    seen = reader.open(file)
    page = seen.page
    # Evaluated through the browser's debugging protocol, which the page's
    # policy does not govern: axe sees the page exactly as it is published.
    page.evaluate(_axe_source())
    result = page.evaluate(
        """async tags => await axe.run(document, {
            runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})""",
        WCAG_21_AA,
    )
    assert result["testEngine"]["name"] == "axe-core"
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in result["violations"]
    ]


def reflow_problems(reader: Reader, file: Path) -> list[str]:
    """Nothing wider than the window, and nothing wider than its own box.

    The page never scrolls sideways; and no element's content runs out of its box
    sideways (`scrollWidth > clientWidth`), which a page can hide from the first
    check (the box cut off, or lying beyond it unseen). Only a scroll container a
    keyboard can reach and a screen reader names (a wide table in a region with a
    label and `tabindex="0"`) may hold what is wider than itself; what is made to be
    read only by a screen reader (in a box 1 px wide or high) is not looked at.
    """
    seen = reader.open(file)
    found = seen.page.evaluate(_REFLOW)
    return list(found)


_REFLOW = """() => {
    const found = [];
    const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ?
        '.' + String(e.className).trim().split(/\\s+/).join('.') : '');
    const width = window.innerWidth;
    const scroll = document.documentElement.scrollWidth;
    if (scroll > width) {
        const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(-3).map(name);
        found.push(`scrollWidth ${scroll} > innerWidth ${width}: ${wide.join(', ')}`);
    }
    // Made to be read only by a screen reader: it, or a box around it, 1 px or less.
    const unseen = e => {
        for (let box = e; box && box !== document.body; box = box.parentElement) {
            const drawn = box.getBoundingClientRect();
            if (drawn.width <= 1 || drawn.height <= 1) return true;
        }
        return false;
    };
    // HTML's boxes: inside an <svg> a chart places its own lines and words.
    for (const e of document.body.querySelectorAll('*')) {
        if (!(e instanceof HTMLElement)) continue;
        if (e.clientWidth <= 1 || e.scrollWidth <= e.clientWidth) continue;
        if (!e.checkVisibility({visibilityProperty: true}) || unseen(e)) continue;
        const overflow = getComputedStyle(e).overflowX;
        if (overflow === 'auto' || overflow === 'scroll') {
            const labelled = e.hasAttribute('aria-label') || e.hasAttribute('aria-labelledby');
            if (labelled && e.tabIndex >= 0) continue;
            found.push(`${name(e)} scrolls sideways (${e.scrollWidth} > ${e.clientWidth}) `
                + 'but is not a labelled region a keyboard can reach');
            continue;
        }
        found.push(`${name(e)}: its content is wider than its box `
            + `(scrollWidth ${e.scrollWidth} > clientWidth ${e.clientWidth})`);
    }
    return found;
}"""


# Tab stops in document order, as a keyboard user meets them: rendered links
# and controls (not those in a closed <details>), one stop per radio group.
_TAB_STOPS = """() => {
    const selector = 'a[href], area[href], button:not([disabled]), summary, '
        + 'input:not([disabled]):not([type=hidden]), select:not([disabled]), '
        + 'textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable]';
    // Not display: none, not hidden, not in a closed <details> (outside its summary).
    const rendered = e => e.checkVisibility({visibilityProperty: true});
    const groups = new Map();
    const stops = [];
    for (const e of document.querySelectorAll(selector)) {
        if (!rendered(e)) continue;
        if (e.type === 'radio' && e.name) {
            const key = (e.form ? 'f' : '') + e.name;
            const seen = groups.get(key);
            if (seen === undefined) { groups.set(key, stops.length); stops.push(e); }
            else if (e.checked) { stops[seen] = e; }
            continue;
        }
        stops.push(e);
    }
    window.__stops = stops;
    return stops.map(e => e.tagName.toLowerCase() + ' '
        + (e.getAttribute('href') || e.name || e.id || e.textContent.trim().slice(0, 40)));
}"""

# The look of an element's focus indicator: on the element itself, or on its
# label when the control itself is hidden visually (a styled radio button).
_LOOK = """() => {
    window.__look = e => {
        const small = r => r.width <= 1 || r.height <= 1;
        const hidden = small(e.getBoundingClientRect()) || getComputedStyle(e).opacity === '0';
        const shown = hidden && e.labels && e.labels.length ? e.labels[0] : e;
        const style = getComputedStyle(shown);
        return {outline: style.outlineStyle === 'none' ? 'none'
                    : `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
                outlineWidth: style.outlineStyle === 'none' ? 0 : parseFloat(style.outlineWidth),
                outlineColour: style.outlineColor, behind: window.__behind(shown, style),
                shadow: style.boxShadow};
    };
    // The colours an outline is drawn over: what is on screen in the middle of the
    // band it takes on each side of the element (as far as that side is in view).
    window.__behind = (e, style) => {
        const box = e.getBoundingClientRect();
        const out = parseFloat(style.outlineOffset) + parseFloat(style.outlineWidth) / 2;
        const middle = [(box.left + box.right) / 2, (box.top + box.bottom) / 2];
        const points = [[box.left - out, middle[1]], [box.right + out, middle[1]],
                        [middle[0], box.top - out], [middle[0], box.bottom + out]];
        const colours = [];
        for (const [x, y] of points) {
            if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
            let under = document.elementsFromPoint(x, y).find(n => n !== e && !e.contains(n));
            for (; under; under = under.parentElement) {
                const colour = getComputedStyle(under).backgroundColor;
                if (colour !== 'transparent' && !colour.endsWith(', 0)')) break;
            }
            colours.push(under ? getComputedStyle(under).backgroundColor : 'rgb(255, 255, 255)');
        }
        return colours;
    };
    window.__radios = [...document.querySelectorAll('input[type=radio]')];
    return {stops: window.__stops.map(window.__look), radios: window.__radios.map(window.__look)};
}"""
# The other buttons of a radio group, in the order the arrow keys move through them.
_GROUP = """index => {
    const e = window.__stops[index];
    if (e.type !== 'radio') return [];
    const group = window.__radios.filter(r => r.name === e.name && r.form === e.form);
    const at = group.indexOf(e);
    return [...group.slice(at + 1), ...group.slice(0, at)].map(r => window.__radios.indexOf(r));
}"""


# Where the focus is after a Tab, its look, and its radio group: one round trip.
_FOCUSED = f"""index => {{
    const e = document.activeElement;
    const reached = window.__stops.indexOf(e);
    return {{reached, where: e.tagName.toLowerCase() + ' ' + (e.getAttribute('href') || e.id),
             look: window.__look(e), group: reached === index ? ({_GROUP})(index) : []}};
}}"""


def _channels(colour: str) -> tuple[float, ...]:
    """`rgb(…)` or `rgba(…)` as computed styles give it: the red, green and blue values."""
    return tuple(float(part) for part in re.findall(r"[0-9.]+", colour)[:3])


def contrast(first: str, second: str) -> float:
    """WCAG's contrast ratio of two opaque colours."""

    def luminance(colour: str) -> float:
        linear = [
            c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
            for c in (value / 255 for value in _channels(colour))
        ]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(first), luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def _indicator_problem(before: dict[str, Any], after: dict[str, Any]) -> str | None:
    """None when the focused look has an indicator the unfocused one lacks.

    An outline must also stand out by 3:1 (WCAG 1.4.11) from what is behind it
    on more than half of the sides of it that are in view.
    """
    outline = after["outline"] != before["outline"] and after["outlineWidth"] > 0
    shadow = after["shadow"] != before["shadow"] and after["shadow"] != "none"
    if outline and not shadow:
        # Most of the outline must stand out: a side may cross a light logo, say.
        faint = [b for b in after["behind"] if contrast(after["outlineColour"], b) < 3]
        if faint and len(faint) * 2 >= len(after["behind"]):
            ratio = contrast(after["outlineColour"], faint[0])
            return f"the focus outline has a contrast of {ratio:.1f}:1 against {faint[0]}"
    if outline or shadow:
        return None
    return f"no visible focus indicator (outline {after['outline']}, box-shadow {after['shadow']})"


def keyboard_problems(reader: Reader, file: Path) -> list[str]:
    """Tab reaches every stop in order, and each shows a focus indicator it lacked unfocused.

    A radio group is one stop; the arrow keys then reach each of its buttons,
    each with its indicator, and come back round to the first.
    """
    page = reader.open(file).page
    stops = page.evaluate(_TAB_STOPS)
    unfocused = page.evaluate(_LOOK)
    page.evaluate("document.activeElement && document.activeElement.blur()")
    problems = []
    for index, name in enumerate(stops):
        page.keyboard.press("Tab")
        now = page.evaluate(_FOCUSED, index)
        if now["reached"] != index:
            problems.append(f"Tab {index + 1} should reach {name} but reached {now['where']}")
            break
        problem = _indicator_problem(unfocused["stops"][index], now["look"])
        if problem:
            problems.append(f"{name}: {problem}")
        problems += _radio_problems(page, name, now["group"], unfocused)
    return problems


def _radio_problems(page: Any, name: str, group: list[int], unfocused: Any) -> list[str]:
    problems: list[str] = []
    for radio in group:
        page.keyboard.press("ArrowDown")
        state = page.evaluate(
            """i => { const r = window.__radios[i];
                      return {focused: document.activeElement === r, checked: r.checked,
                              id: r.id, look: window.__look(r)}; }""",
            radio,
        )
        if not (state["focused"] and state["checked"]):
            return [*problems, f"{name}: the arrow keys do not reach {state['id']}"]
        problem = _indicator_problem(unfocused["radios"][radio], state["look"])
        if problem:
            problems.append(f"radio {state['id']}: {problem}")
    if group:
        page.keyboard.press("ArrowDown")  # round to the first again, as the page began
    return problems


def skip_link_problems(reader: Reader, file: Path) -> list[str]:
    """The first Tab shows the skip link; after it, the next Tab goes on from <main>."""
    seen = reader.open(file)
    page = seen.page
    page.evaluate(_TAB_STOPS)
    page.keyboard.press("Tab")
    first = page.evaluate(
        """() => { const e = document.activeElement; const r = e.getBoundingClientRect();
                   return {tag: e.tagName.toLowerCase(), href: e.getAttribute('href'),
                           visible: r.width > 1 && r.height > 1 && r.bottom > 0
                                    && r.right > 0 && r.top < innerHeight}; }"""
    )
    href = first["href"] or ""
    if first["tag"] != "a" or not href.startswith("#"):
        return [f"the first Tab reaches {first['tag']} {href}, not a skip link"]
    problems = [] if first["visible"] else ["the skip link is not visible when focused"]
    # The first stop at or after the target: where a keyboard user goes on.
    following = page.evaluate(
        """id => { const t = document.getElementById(id); const m = document.querySelector
            ('main'); if (!t || !m || !(m === t || m.contains(t))) return null;
            return window.__stops.findIndex(e => t === e || t.contains(e)
                || (t.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING)); }""",
        href[1:],
    )
    if following is None:
        return [*problems, f"the skip link's target {href} is not <main> or inside it"]
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    reached = page.evaluate("window.__stops.indexOf(document.activeElement)")
    if reached != following:
        problems.append("after the skip link, Tab does not go on from <main>")
    return problems


def payload_problems(reader: Reader, file: Path, payload: str, *, shown: bool = True) -> list[str]:
    """The injected script and image never run, never become elements, and show as text.

    `shown=False` for a page that shows nothing from the files (the legend of
    a site of several municipalities): there the payload need not appear.
    """
    seen = reader.open(file)
    page = seen.page
    state = page.evaluate(
        """payload => ({
            pwned: window.__pwned === undefined ? null : String(window.__pwned),
            scripts: [...document.scripts].filter(s => s.textContent.includes('pwned'))
                .length,
            images: document.querySelectorAll('img[src="x"], img:not([src^="data:"])').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            shown: document.body.innerText.includes(payload)})""",
        payload,
    )
    problems = []
    if state["pwned"] is not None:
        problems.append(f"the payload ran (window.__pwned = {state['pwned']})")
    for part in ("scripts", "images", "handlers"):
        if state[part]:
            problems.append(f"{state[part]} injected {part} in the page")
    if shown and not state["shown"]:
        problems.append("the payload does not show as text")
    problems += [f"console: {error}" for error in seen.errors]
    problems += [f"requested {url}" for url in seen.network if url != reader.stylesheet]
    return problems


_SHOWN = """() => [...document.querySelectorAll('main .goal-item')].map(
    e => ({classes: [...e.classList], shown: e.checkVisibility()}))"""


def filter_problems(reader: Reader, file: Path) -> list[str]:
    """Choosing each filter shows that choice's goals only; "all" shows every goal again.

    A choice is made by clicking its label, as a reader does (a keyboard user
    moves with the arrow keys: see the keyboard test); the page's rules name
    each goal's area and organisation in its classes (`omrade-<slug>`).
    """
    page = reader.open(file).page
    radios = page.evaluate(
        "() => [...document.querySelectorAll('main input[type=radio]')].map(r => r.id)"
    )
    everything = page.evaluate(_SHOWN)
    problems = [] if radios else ["the goal list has no filter"]
    if not all(item["shown"] for item in everything):
        problems.append("some goals are hidden before any choice")
    for radio in radios:
        group, _, slug = radio.removeprefix("visa-").partition("-")
        page.click(f"label[for='{radio}']")
        if not page.is_checked(f"#{radio}"):
            problems.append(f"clicking the label of {radio} does not choose it")
            continue
        items = page.evaluate(_SHOWN)
        if slug == "alla":
            others = [i for i in items if not i["shown"]]
            # Only the other group's choice (left at "all" as well) may hide anything.
            if others:
                problems.append(f"{radio}: {len(others)} goals stay hidden")
            continue
        chosen = f"{group}-{slug}"
        wrong = [i for i in items if i["shown"] and chosen not in i["classes"]]
        hidden = [i for i in items if not i["shown"]]
        if wrong:
            problems.append(f"{radio}: {len(wrong)} goals of other choices are shown")
        if not hidden:
            problems.append(f"{radio}: choosing it hides nothing")
        if any(chosen in i["classes"] for i in items) and len(hidden) == len(items):
            problems.append(f"{radio}: choosing it hides its own goals too")
        page.click(f"label[for='visa-{group}-alla']")
    return problems


_NO_MATCH_SHOWN = "() => document.querySelector('main .no-match').checkVisibility()"


def no_match_problems(reader: Reader, file: Path) -> list[str]:
    """Every choice of an area (with each organisation, or all) that shows no goal says so.

    And a choice that shows goals does not: "Inga mål passar valet." is shown
    exactly when no goal is.
    """
    page = reader.open(file).page
    radios = page.evaluate(
        "() => [...document.querySelectorAll('main input[type=radio]')].map(r => r.id)"
    )
    areas = [r for r in radios if r.startswith("visa-omrade-") and r != "visa-omrade-alla"]
    organisations = [r for r in radios if r.startswith("visa-org-")]
    problems, empty = [], 0
    for area in areas:
        page.click(f"label[for='{area}']")
        for organisation in organisations:
            page.click(f"label[for='{organisation}']")
            shown = [i for i in page.evaluate(_SHOWN) if i["shown"]]
            empty += not shown
            if bool(shown) == page.evaluate(_NO_MATCH_SHOWN):
                said = "says" if shown else "does not say"
                problems.append(
                    f"{area} + {organisation}: {len(shown)} goals shown, {said} none fit"
                )
    if areas and organisations and not empty:
        problems.append("no choice shows an empty list: the check checked nothing")
    return problems
