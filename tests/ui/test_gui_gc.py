"""The GUI thread's collector and start-up's objects: a full collection took 132 ms of the GUI thread once the jury
room was built (the 100,000 objects start-up leaves: modules, the ORM's classes, Qt's wrappers), a stall in the
middle of an oral. Once the room is built the program freezes them (``tests/ui/test_startup_modules.py`` runs the
program for that); a full collection then looks at what came after, and still collects its cycles."""

from __future__ import annotations

import gc

import pytest

from c2i2e_jury.ui import gui_gc

pytestmark = pytest.mark.gui


class Cycle:
    def __init__(self, gone: list[bool]) -> None:
        self.me, self.gone = self, gone

    def __del__(self) -> None:
        self.gone.append(True)


@pytest.fixture
def collector(qapp):
    installed = gui_gc.install()
    assert installed is not None
    yield installed
    gc.unfreeze()  # the other tests' windows must stay collectable


def test_start_up_is_frozen_once_and_a_full_collection_looks_past_it(collector):
    before: list[object] = []  # alive at « start-up »
    left: list[bool] = []
    Cycle(left)  # start-up's garbage: collected, not frozen
    collector.freeze_start_up()
    assert left == [True]
    frozen = gc.get_freeze_count()
    assert frozen > 0
    assert not any(o is before for o in gc.get_objects(2)), "out of every later collection"
    collector.freeze_start_up()
    assert gc.get_freeze_count() == frozen, "once"
    gone: list[bool] = []
    Cycle(gone)  # an oral's garbage
    collector.collect(2)
    assert gone == [True]
