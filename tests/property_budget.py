"""How many examples a Hypothesis property draws: every one in the whole run (``.ci/run``: plain ``pytest``), a
quarter in the fast loop (``pytest -m "not slow"``, :func:`tests.conftest.pytest_configure` says which). The
properties stay in the daily loop, with fewer draws; the whole run keeps their full strength."""

from __future__ import annotations

from typing import Any

from hypothesis import settings

FAST_SHARE = 4  # the fast loop draws a quarter of the examples
FAST_FLOOR = 25  # never fewer than this

fast_loop = False


def property_settings(max_examples: int) -> Any:
    """The properties' settings: no wall-clock deadline, nothing written, ``max_examples`` in the whole run."""
    if fast_loop:
        max_examples = max(FAST_FLOOR, max_examples // FAST_SHARE)
    return settings(max_examples=max_examples, deadline=None, database=None)


def is_fast_loop(mark_expression: str) -> bool:
    """``-m "not slow"`` (however spaced): the run leaves the slow tests out."""
    return " ".join(mark_expression.split()) == "not slow"
