"""The CLI's own sentences, in Swedish and English. Findings carry theirs in their rules."""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "path-missing": {
        "sv": "Sökvägen {path} finns inte.",
        "en": "The path {path} does not exist.",
    },
    "no-repository": {
        "sv": "Hittade ingen styr.yaml i eller under {path}. Skapa ett nytt repositorium med "
        "'styr init KATALOG'.",
        "en": "Found no styr.yaml in or below {path}. Start a new repository with 'styr init DIR'.",
    },
    "unknown-format": {
        "sv": "Okänt utdataformat '{name}'; välj en av: {known}.",
        "en": "Unknown output format '{name}'; choose one of: {known}.",
    },
    "unknown-language": {
        "sv": "Okänt språk '{name}'; välj sv eller en.",
        "en": "Unknown language '{name}'; choose sv or en.",
    },
    "unknown-severity": {
        "sv": "Okänd nivå '{name}'; välj error, warning eller info.",
        "en": "Unknown level '{name}'; choose error, warning or info.",
    },
    "unknown-starter": {
        "sv": "Okänd modell '{name}'; välj en av: {known}.",
        "en": "Unknown model '{name}'; choose one of: {known}.",
    },
    "unknown-schema": {
        "sv": "Det finns inget schema för '{name}'; välj en av: {known}.",
        "en": "There is no schema for '{name}'; choose one of: {known}.",
    },
    "unknown-rule": {
        "sv": "Det finns ingen regel '{name}'. Se 'styr rules'.",
        "en": "There is no rule '{name}'. See 'styr rules'.",
    },
    "target-not-empty": {
        "sv": "Katalogen {path} finns redan och är inte tom; styr init skriver inte över något. "
        "Välj en ny katalog.",
        "en": "The folder {path} already exists and is not empty; styr init overwrites nothing. "
        "Choose a new folder.",
    },
    "bad-code": {
        "sv": "Kommunkoden ska vara fyra siffror, t.ex. 0126 (fick '{code}').",
        "en": "The municipality code must be four digits, e.g. 0126 (got '{code}').",
    },
    "file-exists": {
        "sv": "{path} finns redan och skiljer sig; lägg till --force för att skriva över den.",
        "en": "{path} already exists and differs; add --force to overwrite it.",
    },
    "cannot-write": {
        "sv": "Kunde inte skriva {path}: {reason}",
        "en": "Could not write {path}: {reason}",
    },
    "internal-error": {
        "sv": "Internt fel i styr ({error}). Det är ett fel i verktyget, inte i dina filer; "
        "rapportera det gärna.",
        "en": "Internal error in styr ({error}). This is a bug in the tool, not in your files; "
        "please report it.",
    },
    "init-done": {
        "sv": "Skapade {path} med modellen '{model}'. Nästa steg: redigera filerna och kör "
        "'styr lint {path}'.",
        "en": "Created {path} with the model '{model}'. Next: edit the files and run "
        "'styr lint {path}'.",
    },
    "schema-exported": {
        "sv": "Skrev {count} scheman till {path}.",
        "en": "Wrote {count} schemas to {path}.",
    },
    "config-invalid": {
        "sv": "Konfigurationen i {path} går inte att använda: {problem}.",
        "en": "The configuration in {path} cannot be used: {problem}.",
    },
    "config-unreadable": {
        "sv": "Kunde inte läsa {path}: {reason}",
        "en": "Could not read {path}: {reason}",
    },
    "config-unknown-rule": {
        "sv": "Konfigurationen i {path} ({setting}) nämner '{name}', som ingen regel heter. "
        "Se 'styr rules'.",
        "en": "The configuration in {path} ({setting}) names '{name}', which no rule is called. "
        "See 'styr rules'.",
    },
    "bad-date": {
        "sv": "Ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD.",
        "en": "Invalid date '{value}'; write YYYY-MM-DD.",
    },
    "summary-clean": {
        "sv": "Inga fynd i {files} filer ({repos} repositorier).",
        "en": "No findings in {files} files ({repos} repositories).",
    },
    "summary": {
        "sv": "{errors} fel, {warnings} varningar, {infos} info i {files} filer.",
        "en": "{errors} errors, {warnings} warnings, {infos} info in {files} files.",
    },
}

SEVERITY_LABELS = {
    "sv": {"error": "fel", "warning": "varning", "info": "info"},
    "en": {"error": "error", "warning": "warning", "info": "info"},
}


def message(key: str, language: str, **params: Any) -> str:
    texts = MESSAGES.get(key)
    if texts is None:
        return key
    return (texts.get(language) or texts["sv"]).format(**params)
