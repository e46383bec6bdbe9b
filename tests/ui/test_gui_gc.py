"""The GUI thread's collector looks at every object only when Python itself would: a full collection took 40-70 ms
of the GUI thread for the 100,000 objects start-up leaves, and the collector ran one every tenth collection of
the middle generation, whatever the long-lived objects had become (Python waits until they have grown by a
quarter). Start-up's objects are frozen once the jury room is built (``tests/ui/test_startup_modules.py`` runs the
program for that)."""

from __future__ import annotations

import gc

import pytest

from c2i2e_jury.dossier.mupdf_lock import MUPDF
from c2i2e_jury.ui import gui_gc

pytestmark = pytest.mark.gui


@pytest.fixture
def collector(qapp, monkeypatch):
    installed = gui_gc.install()
    assert installed is not None
    installed.collect(2)
    monkeypatch.setattr(gc, "get_count", lambda: (701, 11, 11))  # every generation over its threshold
    return installed


def _aged(objects: list[object]) -> None:
    """``objects`` (and the rest of what is young) moved to the oldest generation, as surviving collections do."""
    with MUPDF:
        gc.collect(1)
    assert gc.is_tracked(objects[0])


def test_a_full_collection_waits_until_the_long_lived_objects_grew_by_a_quarter(collector):
    assert collector.due() == 1, (
        "as many long-lived objects as after the last full collection: the middle one"
    )
    kept = [[] for _ in range(collector.long_lived // 8 + 10)]
    _aged(kept)
    assert collector.due() == 1, "an eighth more: still not"
    kept += [[] for _ in range(collector.long_lived // 4)]
    _aged(kept)
    assert collector.due() == 2, "more than a quarter more: the full one"
    collector.collect(2)
    assert collector.due() == 1, "counted again after it"


def test_garbage_in_a_cycle_still_goes_at_the_full_collection(collector):
    class Cycle:
        def __init__(self, gone: list[bool]) -> None:
            self.me, self.gone = self, gone

        def __del__(self) -> None:
            self.gone.append(True)

    gone: list[bool] = []
    Cycle(gone)
    collector.collect(2)
    assert gone == [True]
