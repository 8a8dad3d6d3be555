"""`styr diff`'s own CLI sentences, by key; `styr.messages.MESSAGES` takes them in.

Kept here so that the diff's sentences live beside the diff, and the table
of every command's sentences does not grow with each of them.
"""

from __future__ import annotations

from styr.i18n import N_, Text

DIFF_MESSAGES: dict[str, Text] = {
    "diff-not-in-git": N_(
        "{path} is not in a git repository, so there are no versions to compare. Compare two "
        "folders instead: styr diff --from OLD_FOLDER --to NEW_FOLDER."
    ),
    "diff-git-missing": N_(
        "git is not installed (or cannot be found), so versions cannot be read. Install git, or "
        "compare two folders: styr diff --from OLD_FOLDER --to NEW_FOLDER."
    ),
    "diff-git-timeout": N_(
        "git did not answer within {seconds} seconds, so nothing was compared. Try again, or "
        "compare two folders: styr diff --from OLD_FOLDER --to NEW_FOLDER."
    ),
    "diff-git-failed": N_(
        "git could not read the versions to compare (it stopped with code {reason}). Check that "
        "the folder is a git repository that git can read, and try again."
    ),
    "diff-git-incomplete": N_(
        "git lacks some of the files of a version to compare, as in a shallow clone. Fetch the "
        "whole history (in CI: fetch-depth: 0) and try again."
    ),
    "diff-git-unsafe": N_(
        "git will not read {path}, because the folder belongs to another user (as in some CI "
        "containers). Tell git that the folder is safe: git config --global --add "
        "safe.directory FOLDER, and run again."
    ),
    "diff-unknown-revision": N_(
        "'{name}' is neither a version git knows (a branch, a tag or a commit) nor a folder or "
        "file that exists. Check the spelling; 'git tag' and 'git branch' list the names."
    ),
    "diff-too-many": N_(
        "styr diff compares at most two versions, in one folder: '{name}' is one too many."
    ),
    "diff-no-commit": N_(
        "The git repository has no commit yet, so there is nothing to compare with. Commit "
        "first, or compare two folders: styr diff --from OLD_FOLDER --to NEW_FOLDER."
    ),
    "diff-no-main-branch": N_(
        "Found no main branch (main or master) to compare with. Name the version to compare "
        "with, e.g. styr diff mal-och-budget-2025."
    ),
    "diff-no-merge-base": N_(
        "The current branch has no history in common with {branch}, or git has only part of it "
        "(a shallow clone; in CI: fetch-depth: 0). Name the version to compare with, e.g. "
        "styr diff mal-och-budget-2025."
    ),
    "diff-from-to-together": N_(
        "--from and --to go together: give both folders, e.g. styr diff --from OLD_FOLDER --to "
        "NEW_FOLDER."
    ),
    "diff-from-to-alone": N_(
        "With --from and --to, styr diff compares those two folders and takes no versions or "
        "path ('{name}')."
    ),
    "diff-not-a-folder": N_("{path} is not a folder; --from and --to each take a folder."),
    "diff-no-repository": N_(
        "Found no styr.yaml in or below {path} on either side, so there is nothing to compare."
    ),
    "diff-unknown-kind": N_(
        "Unknown kind of change '{name}' for --fail-on; choose among: {known}."
    ),
    "diff-working-tree": N_("the working copy"),
    "diff-failed-on": N_("styr diff found changes named in --fail-on: {kinds}."),
    "diff-shallow-unknown-revision": N_(
        "'{name}' is not a version this clone knows. The clone has only the latest commits (a "
        "shallow clone), so older tags, branches and commits may be missing: fetch the whole "
        "history with git fetch --unshallow (in CI: fetch-depth: 0) and try again."
    ),
    "diff-shallow-no-base": N_(
        "Found no history in common with {branch}: the clone has only the latest commits (a "
        "shallow clone). Fetch the whole history with git fetch --unshallow (in CI: "
        "fetch-depth: 0), or name the version to compare with."
    ),
    "diff-ambiguous": N_(
        "'{name}' is both a version git knows and a folder or file here. Put the folder after "
        "--, as git does: styr diff {name} -- FOLDER compares with the version, styr diff -- "
        "{name} compares in the folder."
    ),
}
