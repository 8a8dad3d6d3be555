"""styr: en kommuns styrmodell som kod."""

__version__ = "0.1.0"
