"""`styr site`: the steering model as a static, accessible website (see docs/site.md)."""

from styr.site.build import MARKER, SiteWritten, build_site

__all__ = ["MARKER", "SiteWritten", "build_site"]
