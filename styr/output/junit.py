"""JUnit XML: each file checked is a test case, each finding a failure in it.

CI systems (Jenkins, GitLab, Azure Pipelines, …) show JUnit reports as test
results. One `<testsuite name="styr">` per repository holds one `<testcase>`
per file checked, named by its path as given; a file with findings has a
`<failure>` per finding, a file without findings passes, so the report also
shows what was checked. `tests` counts test cases (files) and `failures` the
test cases that failed, as JUnit counts them; a repository's path and
municipality are in the suite's properties.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

from styr.escape import one_line, published
from styr.findings import Finding
from styr.lint import LintResult
from styr.model.repository import Repository
from styr.output.common import findings_by_repository, message_of, place, posix

# Characters that XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    """The text with every control but line breaks and tabs shown as an escape, as in the
    report (`styr.escape.published`), and what else XML cannot carry written as \\xNN."""
    return _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", published(text))


def render(result: LintResult, language: str, colour: bool = False) -> str:
    root = ET.Element("testsuites", name="styr")
    tests = failures = 0
    for repository, findings in findings_by_repository(result):
        suite = _suite(repository, findings, language)
        root.append(suite)
        tests += int(suite.get("tests", "0"))
        failures += int(suite.get("failures", "0"))
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, "unicode") + "\n"


def _suite(repository: Repository, findings: list[Finding], language: str) -> ET.Element:
    by_file: dict[Path, list[Finding]] = {doc.file: [] for doc in repository.all_documents()}
    for finding in findings:
        by_file.setdefault(finding.file or repository.manifest.file, []).append(finding)
    suite = ET.Element("testsuite", name="styr")
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("repository", posix(repository.root)),
        ("municipality", repository.municipality_name),
    ):
        ET.SubElement(properties, "property", name=name, value=clean(value))
    failed = 0
    for file, file_findings in by_file.items():
        path = clean(posix(file))
        case = ET.SubElement(suite, "testcase", classname=path, name=path)
        for finding in file_findings:
            message = clean(message_of(finding, language))
            line, column = place(finding)
            failure = ET.SubElement(case, "failure", message=message, type=finding.code)
            # Printed to a CI log, the text must not start a line of its own (a workflow command).
            failure.text = f"{line}:{column} {finding.code} {one_line(message)}"
        failed += bool(file_findings)
    suite.set("tests", str(len(by_file)))
    suite.set("failures", str(failed))
    suite.set("errors", "0")
    suite.set("skipped", "0")
    return suite
