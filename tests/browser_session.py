"""What the tests in a real browser share: one Chromium a module, a tab that reads page after
page, and the links of a page that lead nowhere.

A test module takes the `browser` fixture by naming it among its own
(`browser = browser_session.browser`: pytest finds a module's fixtures by their names there),
and imports `reading` and `unresolved_links`. The tests skip outside CI when
Chromium is missing, and fail in CI (`require_browser`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from report_helpers import chromium, require_browser
from site_checks import Reader


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """One headless Chromium for a module's tests: starting it costs far more than a tab."""
    require_browser()
    with chromium() as launched:
        yield launched


@contextmanager
def reading(browser: Any, **options: Any) -> Iterator[Reader]:
    """One tab that reads page after page, in a context of its own made with `options`
    (a viewport, a zoom, the page's policy bypassed), closed when the block ends."""
    context = browser.new_context(**options)
    try:
        yield Reader(context)
    finally:
        context.close()


def unresolved_links(page: Any, scope: str = "body") -> list[str]:
    """The targets of the links in `scope` to a place on the page that has no such id."""
    return list(
        page.evaluate(
            """scope => [...document.querySelectorAll(scope + ' a[href^="#"]')]
                .map(a => a.getAttribute('href').slice(1))
                .filter(id => !document.getElementById(id))""",
            scope,
        )
    )
