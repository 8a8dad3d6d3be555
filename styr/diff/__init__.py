"""`styr diff`: what changed between two sides of a steering model, in its own words.

A side is a git revision or a folder. Each repository found on both sides is
loaded and indexed as lint and the report index it (`styr.model.index`), and
the two indexes are compared element by element (`styr.diff.compare`); the
lint findings of both sides give the findings' delta. The renderings in
`styr.diff.render_*` lay out the same `DiffResult`.
"""
