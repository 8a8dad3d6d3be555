"""Document symbols."""
