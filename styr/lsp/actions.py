"""Code actions."""
