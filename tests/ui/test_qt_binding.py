import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_do_not_leak_references_to_none(qtbot):
    """PySide6 6.12.0 under Python 3.11 dropped a reference to None on every void call, which aborts a
    long-running window ("none_dealloc"); pyproject.toml excludes it and this guards the binding in use."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
    assert abs(sys.getrefcount(None) - before) < 10
