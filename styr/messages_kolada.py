"""`styr kolada pull`'s own CLI sentences, by key; `styr.messages.MESSAGES` takes them in.

Beside the other commands' tables (styr.diff.messages, styr.excel.messages)
rather than inside styr.kolada, whose package imports the client: the table
of sentences is read on every run, the client only when Kolada is asked.
"""

from __future__ import annotations

from styr.i18n import N_, Text

KOLADA_MESSAGES: dict[str, Text] = {
    "kolada-no-indicators": N_("No indicator in {path} has a Kolada id (kolada: N15428)."),
    "kolada-file-outside": N_("The follow-up file {path} is outside the repository."),
    "kolada-file-unusable": N_("Cannot write into {path}: {problem}. Nothing was changed."),
    "kolada-file-stdout": N_(
        "--file - cannot be used: styr kolada pull reads the follow-up file and merges the "
        "outcomes into it, which standard output cannot be. Name a file in the repository, for "
        "example --file uppfoljning/kolada.yaml, or leave --file out."
    ),
    "kolada-problem-yaml": N_(
        "the file cannot be read for editing; run styr lint and correct what it says about the file"
    ),
    "kolada-problem-not-follow-up": N_("it is not a follow-up file; it must have kind: follow_up"),
    "kolada-problem-outcomes": N_(
        "outcomes is not a list; write each outcome on a line starting with -"
    ),
    "kolada-pulled": N_(
        "Fetched {fetched} values from Kolada into {file}: {added} new, {updated} updated, "
        "{unchanged} unchanged, {kept} typed by hand kept. Source: Kolada."
    ),
    "kolada-revised": N_(
        "Kolada has changed {revised} of the values fetched before. The new values are written; "
        "the earlier ones are kept under revised: in the file, and styr lint reports them:"
    ),
    "kolada-revised-value": N_("  {indicator}, {period}: from {old} to {new}"),
    "kolada-revised-women": N_("  {indicator}, {period}, women: from {old} to {new}"),
    "kolada-revised-men": N_("  {indicator}, {period}, men: from {old} to {new}"),
    "kolada-revised-fetched": N_("(fetched {date})"),
    "kolada-bad-kpi": N_(
        "Invalid KPI id '{value}'; it must be N or U followed by five digits, e.g. N15428."
    ),
    "kolada-bad-year": N_("Invalid year '{value}'; give a whole number from {first} to {last}."),
    "kolada-nothing-requested": N_(
        "Give at least one KPI id and at least one year to fetch from Kolada."
    ),
    "kolada-bad-base-url": N_(
        "The Kolada address '{url}' cannot be used; give an http or https address, e.g. "
        "https://api.kolada.se/v3."
    ),
    "kolada-bad-group": N_(
        "Invalid Kolada municipality group '{value}'; give the group's id as Kolada writes it, "
        "e.g. G124026."
    ),
    "kolada-unknown-group": N_(
        "Kolada has no municipality group {value}. Check the group's id on kolada.se."
    ),
    "kolada-no-snapshot": N_(
        "There is no stored list of Kolada's key figures to search. Make one while connected to "
        "the internet with: styr kolada metadata --update"
    ),
    "kolada-snapshot-unreadable": N_(
        "The stored list of Kolada's key figures {path} cannot be read: it is damaged or was "
        "written by another version of styr. Make a new one with: styr kolada metadata --update"
    ),
    "kolada-searched-snapshot": N_(
        "Searched the stored list of Kolada's key figures from {date} ({path})."
    ),
    # {why}: "Kolada could not be reached", or that it answered busy (styr.kolada.lookup).
    "kolada-offline-fallback": N_(
        "{why}; searched the stored list of Kolada's key figures from {date} ({path}) instead."
    ),
    "kolada-metadata-none": N_(
        "There is no stored list of Kolada's key figures (looked for {places}). Make one with: "
        "styr kolada metadata --update"
    ),
    "kolada-no-user-cache": N_(
        "styr cannot find your cache folder (set LOCALAPPDATA on Windows, XDG_CACHE_HOME or HOME "
        "elsewhere); store the list in the repository instead, without --user-cache."
    ),
    "kolada-offline-no-snapshot": N_(
        "{why}, and there is no stored list of Kolada's key figures to search instead. Make one "
        "when Kolada answers, with: styr kolada metadata --update"
    ),
    "kolada-search-empty": N_(
        "Give one or more words to look for, e.g. styr kolada search behöriga."
    ),
    "kolada-search-nothing": N_("No key figure in Kolada matches '{text}'."),
    "kolada-search-more": N_(
        "{shown} of {total} matching key figures shown; see more with --limit."
    ),
    "kolada-column-id": N_("Key figure"),
    "kolada-column-title": N_("Title"),
    "kolada-column-area": N_("Operating area"),
    "kolada-column-gender": N_("By gender"),
    "kolada-column-level": N_("Level"),
    "kolada-column-published": N_("Published"),
    "kolada-yes": N_("yes"),
    "kolada-no": N_("no"),
    "kolada-level-municipality": N_("municipality"),
    "kolada-level-region": N_("region"),
    "kolada-level-unit": N_("unit"),
    "kolada-metadata-updated": N_(
        "Stored {count} key figures from Kolada in {path} (fetched {date})."
    ),
    "kolada-metadata-removed": N_(
        "{count} key figures that were in the earlier list are no longer in Kolada; they are kept "
        "as removed, so styr lint can say so."
    ),
    # {command}: styr kolada metadata --update, with --user-cache for the list in the user's cache.
    "kolada-metadata-status": N_(
        "The stored list of Kolada's key figures {path} is from {date} ({days} days old) and has "
        "{count} key figures. Update it with: {command}"
    ),
    "kolada-unreachable": N_(
        "Could not reach Kolada ({url}): {reason}. Check the network and try again."
    ),
    "kolada-connection-lost": N_(
        "The connection to Kolada was lost ({reason}), {attempts} attempts in a row ({url}). Check "
        "the network and try again."
    ),
    "kolada-timeout": N_(
        "Kolada did not answer within {timeout} s, {attempts} attempts in a row ({url}). Check the "
        "network or try again later."
    ),
    "kolada-busy": N_(
        "Kolada is overloaded or temporarily unavailable (HTTP {status}), {attempts} attempts in a "
        "row ({url}). Wait a while and try again."
    ),
    "kolada-http-error": N_("Kolada answered with an error, HTTP {status} ({url})."),
    "kolada-bad-json": N_(
        "Kolada answered with something that is not valid JSON ({url}): {reason}."
    ),
    "kolada-bad-shape": N_(
        "Kolada's answer does not have the expected shape: {where} is missing, has the wrong "
        "type or a value that was not asked for ({url}). Nothing was fetched."
    ),
    "kolada-too-large": N_(
        "Kolada's answer is larger than {limit} MB ({url}); styr stops reading."
    ),
    "kolada-off-host": N_(
        "Kolada pointed to {url}, which is not on {host}; styr does not follow links to other "
        "servers."
    ),
    "kolada-page-loop": N_(
        "Kolada pointed back to a page already fetched ({url}); styr stops rather than loop "
        "forever."
    ),
    "kolada-too-many-pages": N_(
        "Kolada gave more than {limit} pages for one question ({url}); styr stops rather than loop "
        "forever."
    ),
    "kolada-too-slow": N_(
        "Kolada did not send the whole answer within {seconds} s, {attempts} attempts in a row "
        "({url}). The answer came too slowly; try again later."
    ),
    "kolada-run-timeout": N_(
        "Fetching from Kolada did not finish within {limit} s and was stopped ({url}). Nothing was "
        "written. Try again later, or give it more time with --timeout (seconds)."
    ),
    "kolada-retry-after-too-long": N_(
        "Kolada is busy (HTTP {status}) and asks styr to wait {seconds} s before trying again "
        "({url}). styr waits at most {limit} s, so it stops now. Nothing was written. Try again "
        "later."
    ),
    "kolada-retry-after-past-deadline": N_(
        "Kolada asks styr to wait {seconds} s before trying again ({url}), but the time limit for "
        "the whole fetch ({limit} s) runs out before that. Nothing was written. Try again later, "
        "or give it more time with --timeout (seconds)."
    ),
    "kolada-bad-timeout": N_(
        "Invalid time limit '{value}' for --timeout; give a number of seconds above 0, e.g. 300."
    ),
}
