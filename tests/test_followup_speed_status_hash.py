"""A status is hashed by identity: still one key per status, through pickling too."""

from __future__ import annotations

import pickle
import subprocess
import sys

from styr.followup.fulfilment import Status


def test_a_status_is_a_key_by_identity_and_survives_pickling() -> None:
    counts = {status: position for position, status in enumerate(Status)}
    again = pickle.loads(pickle.dumps(counts))
    assert again == counts
    assert all(again[status] == counts[status] for status in Status)
    assert pickle.loads(pickle.dumps(Status.MET)) is Status.MET


def test_a_mapping_of_statuses_pickled_in_another_process_reads_the_same() -> None:
    made = subprocess.run(
        [
            sys.executable,
            "-c",
            "import pickle, sys; from styr.followup.fulfilment import Status;"
            "sys.stdout.buffer.write(pickle.dumps({s: s.value for s in Status}))",
        ],
        capture_output=True,
        check=True,
    )
    read = pickle.loads(made.stdout)
    assert read == {status: status.value for status in Status}
    assert read[Status.NOT_MET] == "not_met"
