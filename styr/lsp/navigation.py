"""Hover, go to definition and find references."""
