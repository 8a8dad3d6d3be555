"""A small inline SVG trend chart per indicator: outcomes over periods and the target line.

Inline SVG is markup, not a loaded resource, so the page stays self-contained
and the strict Content-Security-Policy holds. The chart has a text label for
screen readers; the numbers are also in the table beside it.
"""

from __future__ import annotations

from markupsafe import Markup, escape

WIDTH, HEIGHT, PAD = 120, 32, 4


def sparkline(points: list[float], target: float | None, label: str) -> Markup:
    """An SVG polyline of `points` (oldest first), with a dashed line at `target`."""
    if not points:
        return Markup("")
    values = [*points, *([target] if target is not None else [])]
    low, high = min(values), max(values)
    span = (high - low) or 1.0

    def y(value: float) -> float:
        return round(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD), 1)

    step = (WIDTH - 2 * PAD) / max(len(points) - 1, 1)
    coordinates = [(round(PAD + i * step, 1), y(v)) for i, v in enumerate(points)]
    line = " ".join(f"{x},{yy}" for x, yy in coordinates)
    dots = "".join(f'<circle cx="{x}" cy="{yy}" r="2"></circle>' for x, yy in coordinates)
    goal = (
        f'<line class="spark-target" x1="{PAD}" x2="{WIDTH - PAD}" y1="{y(target)}" '
        f'y2="{y(target)}"></line>'
        if target is not None
        else ""
    )
    return Markup(
        f'<svg class="sparkline" role="img" aria-label="{escape(label)}" width="{WIDTH}" '
        f'height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}">{goal}'
        f'<polyline points="{line}"></polyline>{dots}</svg>'
    )
