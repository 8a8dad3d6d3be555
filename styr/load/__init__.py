"""Loading files: bytes → text → YAML → plain data with positions."""

from styr.load.document import Document, load_document, parse_document

__all__ = ["Document", "load_document", "parse_document"]
