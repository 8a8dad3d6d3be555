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
    "config-option-type": {
        "sv": "Inställningen {setting} i {path} ska vara {expected}, men är {actual}. "
        "Rätta värdet eller ta bort inställningen för att använda standardvärdet.",
        "en": "The setting {setting} in {path} must be {expected_en}, but is {actual_en}. "
        "Correct the value or remove the setting to use the default.",
    },
    "bad-date": {
        "sv": "Ogiltigt datum '{value}'; skriv ÅÅÅÅ-MM-DD.",
        "en": "Invalid date '{value}'; write YYYY-MM-DD.",
    },
    "bad-period": {
        "sv": "Ogiltig period '{value}'; skriv ett år (2024), en tertial (2024-T2) eller ett "
        "halvår (2024-H1).",
        "en": "Invalid period '{value}'; write a year (2024), a tertial (2024-T2) or a half-year "
        "(2024-H1).",
    },
    "bad-years": {
        "sv": "Ogiltiga år '{value}'; skriv t.ex. 2023,2024 eller 2020-2024.",
        "en": "Invalid years '{value}'; write e.g. 2023,2024 or 2020-2024.",
    },
    "kolada-no-indicators": {
        "sv": "Inga indikatorer i {path} har ett Kolada-id (kolada: N15428).",
        "en": "No indicator in {path} has a Kolada id (kolada: N15428).",
    },
    "kolada-file-outside": {
        "sv": "Uppföljningsfilen {path} ligger utanför repositoriet.",
        "en": "The follow-up file {path} is outside the repository.",
    },
    "kolada-file-unusable": {
        "sv": "Kan inte skriva i {path}: {problem}. Inget ändrades.",
        "en": "Cannot write into {path}: {problem}. Nothing was changed.",
    },
    "kolada-pulled": {
        "sv": "Hämtade {fetched} värden från Kolada till {file}: {added} nya, {updated} "
        "uppdaterade, {kept} handskrivna behölls. Källa: Kolada.",
        "en": "Fetched {fetched} values from Kolada into {file}: {added} new, {updated} updated, "
        "{kept} typed by hand kept. Source: Kolada.",
    },
    "summary-clean": {
        "sv": "Inga fynd i {files} filer ({repos} repositorier).",
        "en": "No findings in {files} files ({repos} repositories).",
    },
    "summary": {
        "sv": "{errors} fel, {warnings} varningar, {infos} info i {files} filer.",
        "en": "{errors} errors, {warnings} warnings, {infos} info in {files} files.",
    },
    "kolada-bad-kpi": {
        "sv": "Ogiltigt KPI-id '{value}'; det ska vara N eller U följt av fem siffror, "
        "t.ex. N15428.",
        "en": "Invalid KPI id '{value}'; it must be N or U followed by five digits, e.g. N15428.",
    },
    "kolada-bad-year": {
        "sv": "Ogiltigt år '{value}'; ange ett heltal från {first} till {last}.",
        "en": "Invalid year '{value}'; give a whole number from {first} to {last}.",
    },
    "kolada-nothing-requested": {
        "sv": "Ange minst ett KPI-id och minst ett år att hämta från Kolada.",
        "en": "Give at least one KPI id and at least one year to fetch from Kolada.",
    },
    "kolada-bad-base-url": {
        "sv": "Adressen till Kolada '{url}' går inte att använda; ange en http- eller "
        "https-adress, t.ex. https://api.kolada.se/v3.",
        "en": "The Kolada address '{url}' cannot be used; give an http or https address, "
        "e.g. https://api.kolada.se/v3.",
    },
    "kolada-unreachable": {
        "sv": "Kunde inte nå Kolada ({url}): {reason}. Kontrollera nätverket och försök igen.",
        "en": "Could not reach Kolada ({url}): {reason}. Check the network and try again.",
    },
    "kolada-connection-lost": {
        "sv": "Anslutningen till Kolada bröts ({reason}), {attempts} försök i rad ({url}). "
        "Kontrollera nätverket och försök igen.",
        "en": "The connection to Kolada was lost ({reason}), {attempts} attempts in a row "
        "({url}). Check the network and try again.",
    },
    "kolada-timeout": {
        "sv": "Kolada svarade inte inom {timeout} s, {attempts} försök i rad ({url}). "
        "Kontrollera nätverket eller försök igen senare.",
        "en": "Kolada did not answer within {timeout} s, {attempts} attempts in a row ({url}). "
        "Check the network or try again later.",
    },
    "kolada-busy": {
        "sv": "Kolada är överbelastat eller tillfälligt otillgängligt (HTTP {status}), "
        "{attempts} försök i rad ({url}). Vänta en stund och försök igen.",
        "en": "Kolada is overloaded or temporarily unavailable (HTTP {status}), "
        "{attempts} attempts in a row ({url}). Wait a while and try again.",
    },
    "kolada-http-error": {
        "sv": "Kolada svarade med ett fel, HTTP {status} ({url}).",
        "en": "Kolada answered with an error, HTTP {status} ({url}).",
    },
    "kolada-bad-json": {
        "sv": "Kolada svarade med något som inte är giltig JSON ({url}): {reason}.",
        "en": "Kolada answered with something that is not valid JSON ({url}): {reason}.",
    },
    "kolada-bad-shape": {
        "sv": "Svaret från Kolada har inte den väntade formen: {where} saknas, har fel typ "
        "eller ett värde som inte efterfrågades ({url}). Inget hämtades.",
        "en": "Kolada's answer does not have the expected shape: {where} is missing, has the "
        "wrong type or a value that was not asked for ({url}). Nothing was fetched.",
    },
    "kolada-too-large": {
        "sv": "Svaret från Kolada är större än {limit} MB ({url}); styr läser inte vidare.",
        "en": "Kolada's answer is larger than {limit} MB ({url}); styr stops reading.",
    },
    "kolada-off-host": {
        "sv": "Kolada hänvisade till {url}, som inte ligger på {host}; styr följer inte "
        "hänvisningar till andra servrar.",
        "en": "Kolada pointed to {url}, which is not on {host}; styr does not follow links "
        "to other servers.",
    },
    "kolada-page-loop": {
        "sv": "Kolada pekade tillbaka till en sida som redan hämtats ({url}); styr avbryter "
        "för att inte fastna i en slinga.",
        "en": "Kolada pointed back to a page already fetched ({url}); styr stops rather than "
        "loop forever.",
    },
    "kolada-too-many-pages": {
        "sv": "Kolada gav fler än {limit} sidor för en fråga ({url}); styr avbryter för att "
        "inte fastna i en slinga.",
        "en": "Kolada gave more than {limit} pages for one question ({url}); styr stops rather "
        "than loop forever.",
    },
    "report-templates-missing": {
        "sv": "Mallkatalogen {path} finns inte (--templates).",
        "en": "The template folder {path} does not exist (--templates).",
    },
    "report-template-error": {
        "sv": "Rapportmallen {name} går inte att använda: {problem}",
        "en": "The report template {name} cannot be used: {problem}",
    },
    "report-written": {
        "sv": "Skrev rapporten till {path}.",
        "en": "Wrote the report to {path}.",
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
