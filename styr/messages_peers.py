"""`styr kolada pull --peers`' own CLI sentences, by key; `styr.messages.MESSAGES` takes them in."""

from __future__ import annotations

from styr.i18n import N_, Text

PEER_MESSAGES: dict[str, Text] = {
    "kolada-no-peers": N_(
        "styr.yaml names no municipalities to compare with. Write them under peers:, either a "
        "municipality group in Kolada (kolada_group: G124026) or a list of municipality codes "
        '(municipalities: ["0580", "1880"]).'
    ),
    "kolada-peers-both": N_(
        "peers: in styr.yaml names both a municipality group in Kolada and a list of "
        "municipalities. Keep one of them."
    ),
    "kolada-peers-invalid": N_(
        "peers: in styr.yaml has an error at line {line}, column {column} ({code}). Run styr "
        "lint and correct it; nothing was fetched from Kolada."
    ),
    "kolada-peers-file-stdout": N_(
        "--file - cannot be used with --peers: the comparison is written into a file of the "
        "repository. Name one, for example --file jamforelse/kolada.yaml, or leave --file out."
    ),
    "kolada-peers-file-unusable": N_(
        "Cannot write the comparison into {path}: it is not a comparison file that styr can "
        "read. Run styr lint and correct what it says about the file, or name another file with "
        "--file. Nothing was changed."
    ),
    "kolada-peers-pulled": N_(
        "Fetched {fetched} values from Kolada into {file}: the municipality's, {members} other "
        "municipalities' ({with_data} of them have values) and the whole country's. "
        "Source: Kolada."
    ),
    "kolada-peers-pulled-no-country": N_(
        "Fetched {fetched} values from Kolada into {file}: the municipality's and {members} "
        "other municipalities' ({with_data} of them have values). Source: Kolada."
    ),
    "kolada-peers-revised": N_(
        "Kolada changed {kpi} for municipality {municipality} in {year} from {old} to {new}; "
        "the earlier value is kept under revised: in the file."
    ),
    "kolada-peers-revised-country": N_(
        "Kolada changed {kpi} for the whole country in {year} from {old} to {new}; the earlier "
        "value is kept under revised: in the file."
    ),
    "kolada-peers-examples-replaced": N_(
        "The made-up example values in {file} were removed: the file now holds only values "
        "fetched from Kolada."
    ),
}
