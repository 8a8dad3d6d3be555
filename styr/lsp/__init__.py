"""`styr lsp`: a language server that checks the goal chain while the planner types.

Started by an editor as `styr lsp` (`--stdio` is accepted and is the default),
it speaks the Language Server Protocol over standard input and output and
logs to standard error only. It never writes a file.
"""
