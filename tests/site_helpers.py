"""Building a `styr site` for the tests, a repository full of hostile text, and a crawler.

The crawler reads the written files the way a link checker on the city's web
server would: it starts at index.html, follows every `<a href>` and reports
what a resident would meet as a broken or unexpected link.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from collections.abc import Container
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import yaml

ROOT = Path(__file__).resolve().parents[1]
SCRIPT_PAYLOAD = "<script>window.__pwned=1</script>"
IMG_PAYLOAD = '<img src=x onerror="window.__pwned=2">'
# Every free-text field a resident may read; ids, references, dates and
# codes stay as they are so that the repository still passes `styr lint`.
TEXT_KEYS = frozenset(
    {
        "title",
        "text",
        "name",
        "description",
        "heading",
        "comment",
        "responsible",
        "target_group",
        "unit",
        "source",
        "publisher",
        "address",
        "shortcomings",
        "assessed_by",
        "response_time",
        "sv",
        "en",
    }
)
# mission.source is one of a fixed list of words, not free text.
CHOSEN_FROM_A_LIST = frozenset({("mission", "source")})
SITE_DATE = "2026-11-30"


def build_site(paths: list[Path], output: Path, cache: Path, *options: str) -> Path:
    """`styr site PATH... -o OUTPUT` as a user runs it, with a fixed date and a cache of its own
    (and `options`, such as `--lang en`)."""
    environment = {**os.environ, "XDG_CACHE_HOME": str(cache), "STYR_CACHE_DIR": str(cache)}
    environment.pop("GITHUB_ACTIONS", None)
    command = [sys.executable, "-m", "styr", "site", *map(str, paths), "-o", str(output)]
    result = subprocess.run(
        [*command, "--date", SITE_DATE, *options],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
        env=environment,
    )
    assert result.returncode == 0, f"styr site failed ({result.returncode}):\n{result.stderr}"
    assert (output / "index.html").is_file(), "styr site wrote no index.html"
    return output


def poisoned(node: Any, key: str | None = None, parent: str | None = None) -> Any:
    """The same YAML data with both payloads before every free-text value."""
    if isinstance(node, dict):
        return {name: poisoned(value, name, key) for name, value in node.items()}
    if isinstance(node, list):
        return [poisoned(value, key, parent) for value in node]
    if isinstance(node, str) and key in TEXT_KEYS and (parent, key) not in CHOSEN_FROM_A_LIST:
        return f"{SCRIPT_PAYLOAD}{IMG_PAYLOAD}{node}"
    return node


def hostile_copy(source: Path, target: Path) -> Path:
    """A copy of a repository whose every text field starts with a script and an image."""
    shutil.copytree(source, target)
    for file in sorted(target.rglob("*.yaml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        text = yaml.safe_dump(poisoned(data), allow_unicode=True, sort_keys=False)
        file.write_text(text, encoding="utf-8")
    return target


@dataclass
class SourceLinks:
    """The https addresses a page may link to: the sources of what it shows.

    Those written in the repositories (a document's citation, say), Kolada's
    page of a key figure an indicator names, and the UN's page of an Agenda
    2030 goal an element names. Anything else outside the site is a mistake.
    """

    written: set[str] = field(default_factory=set)
    kolada_ids: set[str] = field(default_factory=set)
    agenda_goals: set[str] = field(default_factory=set)

    def __contains__(self, href: object) -> bool:
        if not isinstance(href, str):
            return False
        parts = urlsplit(href)
        if parts.scheme != "https":
            return False
        if href in self.written:
            return True
        if parts.netloc == "www.kolada.se":
            return set(parse_qs(parts.query).get("kpis", [""])[0].split(",")) <= self.kolada_ids
        goal = re.fullmatch(r"/goals/goal([0-9]+)", parts.path)
        return parts.netloc == "sdgs.un.org" and goal is not None and goal[1] in self.agenda_goals


def source_links(*repositories: Path) -> SourceLinks:
    """The sources the repositories name (see SourceLinks)."""
    found = SourceLinks()
    for repository in repositories:
        for file in repository.rglob("*.yaml"):
            text = file.read_text(encoding="utf-8")
            found.written.update(re.findall(r"https://[^\s\"'<>]+", text))
            _named_sources(yaml.safe_load(text), found)
    return found


def _named_sources(node: Any, found: SourceLinks) -> None:
    if isinstance(node, list):
        for value in node:
            _named_sources(value, found)
    if not isinstance(node, dict):
        return
    for key, value in node.items():
        if key == "kolada" and isinstance(value, str):
            found.kolada_ids.add(value)
        elif key == "agenda2030" and isinstance(value, list):
            found.agenda_goals.update(str(target).split(".")[0] for target in value)
        else:
            _named_sources(value, found)


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.resources: list[str] = []
        self.canonical: list[str] = []
        self.stylesheets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        if tag == "a" and values.get("href") is not None:
            self.links.append(values["href"] or "")
        elif tag == "link" and values.get("rel") == "canonical":
            self.canonical.append(values.get("href") or "")  # names the page, loads nothing
        elif tag == "link" and values.get("rel") == "stylesheet":
            self.stylesheets.append(values.get("href") or "")
        elif values.get("href") is not None:
            self.resources.append(values["href"] or "")
        for attribute in ("src", "srcset", "poster", "data", "action", "formaction"):
            if values.get(attribute) is not None:
                self.resources.append(values[attribute] or "")


@dataclass
class ParsedPage:
    links: list[str]
    ids: set[str]
    resources: list[str]
    canonical: list[str] = field(default_factory=list)
    stylesheets: list[str] = field(default_factory=list)


def parse_page(file: Path) -> ParsedPage:
    parser = _PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    parser.close()
    return ParsedPage(
        parser.links, parser.ids, parser.resources, parser.canonical, parser.stylesheets
    )


@dataclass
class Crawl:
    root: Path
    reached: set[Path] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    def orphans(self) -> list[str]:
        return [
            page.relative_to(self.root).as_posix()
            for page in html_files(self.root)
            if page not in self.reached
        ]


def html_files(root: Path) -> list[Path]:
    return sorted(path.resolve() for path in root.rglob("*.html"))


def _inside(root: Path, path: Path) -> bool:
    return path == root or root in path.parents


def _site_stylesheet(root: Path, page: Path) -> Path | None:
    """The nearest `stil.css` in the page's folder or above, inside the site."""
    for folder in page.parents:
        if not _inside(root, folder):
            return None
        if (folder / "stil.css").is_file():
            return folder / "stil.css"
    return None


def crawl(root: Path, allowed_external: Container[str]) -> Crawl:
    """Follow every link from index.html; note each broken, absolute or foreign one."""
    root = root.resolve()
    result = Crawl(root)
    parsed: dict[Path, ParsedPage] = {}

    def page(file: Path) -> ParsedPage:
        if file not in parsed:
            parsed[file] = parse_page(file)
        return parsed[file]

    queue = [root / "index.html"]
    result.reached.add(queue[0])
    while queue:
        current = queue.pop()
        name = current.relative_to(root).as_posix()
        for resource in page(current).resources:
            if not resource.startswith("data:"):
                result.problems.append(f"{name}: loads {resource!r}")
        # The one file a page loads: its site's stylesheet (a municipality's own inside a
        # comparison), named by a relative address.
        own = _site_stylesheet(root, current)
        for href in page(current).stylesheets:
            target = Path(os.path.normpath(current.parent / href))
            if urlsplit(href).scheme or href.startswith("/") or target != own:
                result.problems.append(f"{name}: loads {href!r}")
        canonical = page(current).canonical
        # The one absolute address a page may name besides its outside links: its own.
        if len(canonical) > 1 or any(
            not (address.startswith("https://") and address.endswith(f"/{current.name}"))
            for address in canonical
        ):
            result.problems.append(f"{name}: canonical link {canonical!r}")
        for href in page(current).links:
            target = _follow(root, current, href, allowed_external, result.problems, page)
            if target is not None and target not in result.reached:
                result.reached.add(target)
                queue.append(target)
    return result


def _follow(
    root: Path,
    current: Path,
    href: str,
    allowed_external: Container[str],
    problems: list[str],
    page: Any,
) -> Path | None:
    """The site page a link leads to, or None after noting what is wrong with it."""
    name = current.relative_to(root).as_posix()
    parts = urlsplit(href)
    if parts.scheme in ("mailto", "tel"):
        return None
    if parts.scheme or parts.netloc:
        if href not in allowed_external or parts.scheme != "https":
            problems.append(f"{name}: links outside the site to {href!r}")
        return None
    if parts.path.startswith("/"):
        problems.append(f"{name}: absolute link {href!r}")
        return None
    target = (current.parent / unquote(parts.path)).resolve() if parts.path else current
    if not _inside(root, target):
        problems.append(f"{name}: {href!r} leads out of the site")
        return None
    if target.is_dir():
        problems.append(f"{name}: {href!r} names a folder, which file:// cannot open")
        return None
    if not target.is_file():
        problems.append(f"{name}: {href!r} leads to no file")
        return None
    if target.suffix != ".html":
        return None
    fragment = unquote(parts.fragment)
    if fragment and fragment not in page(target).ids:
        problems.append(f"{name}: {href!r} has no element with id {fragment!r}")
    return target


def sitemap_pages(root: Path, addresses: dict[str, Path] | None = None) -> set[Path]:
    """The pages every sitemap.xml in the output lists, as files.

    `addresses` names the folder each full address stands for (a site over
    several municipalities lists each one's pages under its own address).
    """
    pages: set[Path] = set()
    for sitemap in root.rglob("sitemap.xml"):
        tree = ElementTree.parse(sitemap)
        for loc in tree.iter():
            if not loc.tag.endswith("}loc") and loc.tag != "loc":
                continue
            address = (loc.text or "").strip()
            known = [a for a in (addresses or {}) if address.startswith(a)]
            if known:
                folder = (addresses or {})[known[0]]
                pages.add((folder / unquote(address.removeprefix(known[0]))).resolve())
                continue
            path = PurePosixPath(unquote(urlsplit(address).path))
            pages.add(_sitemap_file(root, sitemap.parent, path))
    return pages


def _sitemap_file(root: Path, folder: Path, path: PurePosixPath) -> Path:
    """A sitemap address as the file it names: relative to its folder, or by its tail."""
    candidate = (folder / path.as_posix().lstrip("/")).resolve()
    if candidate.is_file() or not path.is_absolute():
        return candidate
    # An absolute address under a base URL: the longest tail that is a file here.
    for start in range(len(path.parts)):
        tail = (folder.resolve() / Path(*path.parts[start:])) if path.parts[start:] else None
        if tail is not None and tail.is_file():
            return tail
    return candidate


# A small site in the agreed shape, for checking the checks themselves: the
# clean one must pass every check, and each defect must be found.
FAKE_STYLE = """\
body{margin:0;font:1rem/1.5 sans-serif;color:#1a1a1a;background:#fff}
main,header,footer,nav{padding:0 1rem;max-width:60rem}
a{color:#00538a}
a:focus-visible,summary:focus-visible{outline:3px solid #00538a;outline-offset:2px}
.skip{position:absolute;left:-100vw}
.skip:focus{left:1rem;top:1rem;background:#fff}
.filter input{position:absolute;width:1px;height:1px;clip-path:inset(50%)}
.filter input:focus-visible+label{outline:3px solid #00538a}
body:has(#visa-omrade-a:checked) .goal-item:not(.omrade-a){display:none}
body:has(#visa-omrade-b:checked) .goal-item:not(.omrade-b){display:none}
"""
_FAKE_PAGES = {
    "index.html": ("Start", ["omraden/trygg.html", "organisationer/skolnamnden.html", "mal.html"]),
    "omraden/trygg.html": ("Det trygga Testby", ["../organisationer/skolnamnden.html#mal-1"]),
    "organisationer/skolnamnden.html": ("Skolnämnden", ["../omraden/trygg.html"]),
    "mal.html": ("Alla mål", ["organisationer/skolnamnden.html#mal-1"]),
    "styrdokument.html": ("Styrdokument", []),
    "symboler.html": ("Symboler", []),
    "tillganglighet.html": ("Tillgänglighet", []),
}
_FILTER = """\
<fieldset class="filter"><legend>Visa mål</legend>
<input type="radio" name="omrade" id="visa-omrade-alla" checked>
<label for="visa-omrade-alla">Alla</label>
<input type="radio" name="omrade" id="visa-omrade-a"><label for="visa-omrade-a">Område A</label>
<input type="radio" name="omrade" id="visa-omrade-b"><label for="visa-omrade-b">Område B</label>
</fieldset><ul><li class="goal-item omrade-a">Ett mål i A</li>
<li class="goal-item omrade-b">Ett mål i B</li></ul>
"""


def _sha256(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def fake_page(
    title: str, here: str, links: list[str], style: str = FAKE_STYLE, stylesheet: str = ""
) -> str:
    """A page of the fake site, its `style` inline; with `stylesheet`, also linking to that
    file (allowed as the site's own, `'self'`)."""
    up = "../" * here.count("/")
    own = "'self' " if stylesheet else ""
    policy = (
        f"default-src 'none'; style-src {own}'sha256-{_sha256(style)}'; img-src data:; "
        "base-uri 'none'; form-action 'none'"
    )
    link = f'<link rel="stylesheet" href="{stylesheet}">' if stylesheet else ""
    body = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    footer = (
        "".join(
            f'<a href="{up}{page}">{name}</a> '
            for page, name in (("index.html", "Start"), ("symboler.html", "Symboler"))
        )
        + f'<a href="{up}styrdokument.html">Styrdokument</a> '
    )
    footer += f'<a href="{up}tillganglighet.html">Tillgänglighet</a>'
    extra = _FILTER if here == "mal.html" else ""
    return (
        '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>{link}<style>{style}</style></head><body>"
        '<a class="skip" href="#innehall">Till innehållet</a>'
        f'<header><p><a href="{up}index.html">Testby</a></p></header>'
        f'<nav aria-label="Brödsmulor"><a href="{up}index.html">Start</a></nav>'
        f'<main id="innehall" tabindex="-1"><h1 id="mal-1">{title}</h1><ul>{body}</ul>'
        '<details><summary>Mer</summary><a href="#mal-1">Dold tills den öppnas</a></details>'
        f"{extra}</main><footer>{footer}</footer></body></html>"
    )


def fake_site(root: Path) -> Path:
    """The clean fake site: every page linked, every check passes."""
    for here, (title, links) in _FAKE_PAGES.items():
        target = root / here
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(fake_page(title, here, links), encoding="utf-8")
    locs = "".join(f"<url><loc>{here}</loc></url>" for here in _FAKE_PAGES)
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{locs}</urlset>',
        encoding="utf-8",
    )
    return root
