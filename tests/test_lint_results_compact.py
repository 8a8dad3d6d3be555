"""A repository's lint result keeps its files as names: what a worker sends back is small."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

from styr.lint import lint_paths
from styr.model.repository import repository_files
from styr.named_documents import NamedDocuments

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "helsingborg"
TODAY = date(2026, 6, 1)


def test_a_fresh_result_holds_its_files_as_names() -> None:
    (result,) = lint_paths([EXAMPLE], today=TODAY).results
    documents = result.repository.documents
    assert isinstance(documents, NamedDocuments)
    assert [document.file for document in documents] == repository_files(EXAMPLE)
    assert all(document.data is None for document in documents)


def test_a_result_sent_from_a_worker_arrives_whole() -> None:
    (result,) = lint_paths([EXAMPLE], today=TODAY).results
    sent = pickle.loads(pickle.dumps(result))
    assert isinstance(sent.repository.documents, NamedDocuments)
    assert sent.repository.documents == result.repository.documents
    assert sent.findings == result.findings
