"""`styr lsp`: a language server that checks the goal chain while the planner types.

Started by an editor as `styr lsp` (`--stdio` is accepted and is the default),
it speaks the Language Server Protocol over standard input and output and
logs to standard error only. It never writes a file: every change it offers
is an edit the editor applies.

Workspace. The repositories (folders holding styr.yaml) under the workspace
folders are found when the server starts, by a walk of folders that reads no
file; a file belongs to the nearest repository above it. A repository is
linted on demand, when one of its files is opened or asked about, not in the
background: a workspace of 290 municipalities is ready as soon as the walk
and the first repository are done (benchmarks/run.py prints it). Open buffers
stand for their files (full and incremental sync), files on disk are read
where no buffer is open, and a change on disk counts at the next lint: the
server registers a watcher for `**/*.{yaml,yml}` where the client lets it,
and stamps every file at each lint besides.

Diagnostics: `styr lint`'s own findings (`lint_repository`, the same codes,
severities, lines and columns, and suppressions) for every file of the
repository whose buffer changed, published after each change (changes that
arrive together are linted once; a single one is never held back), an empty
list for a file whose findings went and for an open file without any.
Message text in the settings' language; `code` is the rule's code, `source`
"styr".

Features:

* hover: on an id (in `contributes_to`, `parent`, `to`, `owner`, `document`,
  `area`, `based_on`, or an element's own `id`) the element it names: the
  model's name of its kind, its id and title, and file:line; on a finding, the
  rule's documentation from the catalogue (`styr rule CODE`);
* go to definition of every reference; find references (every place that
  names the id: the goals and indicators contributing to a direction);
* completion of ids in `contributes_to`, offering only the kinds the
  manifest's `steering_model.links` allow from the element's kind, with kind
  and title as detail (`styr.lsp.completion`);
* quick fixes (`styr.lsp.actions`): quote a value YAML misreads (Y009–Y012),
  write the suggested id for an unknown one (C001), add an indicator's missing
  baseline and targets (G004), suppress a finding with a reason;
* document symbols: the outline of a file (a board's mission, direction with
  its indicators, goals with theirs, assignments; the elements of other files).

Settings, as `initializationOptions` or `workspace/didChangeConfiguration`
(the settings themselves, or under the section "styr"):

* `schemaDiagnostics` (bool, default true): false leaves out the findings of
  the JSON Schema check (S002), which yaml-language-server reports from the
  same schemas, so that one problem is never shown twice;
* `language` ("sv" or "en"; default: STYR_LANG, else the repository's
  `language:`, else Swedish).
"""
