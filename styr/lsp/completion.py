"""Completion of ids."""
