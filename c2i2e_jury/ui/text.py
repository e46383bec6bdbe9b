"""How values read on screen, the same in every room: the oral's clock (the jury's timer and the projector's
overlay show the same digits)."""

from __future__ import annotations

import math


def format_clock(seconds: float) -> str:
    """``09:58`` counting down (rounded up: ``00:00`` is the end), ``+01:12`` once over time."""
    if seconds >= 0:
        whole = math.ceil(seconds - 1e-6)
        sign = ""
    else:
        whole, sign = math.floor(-seconds + 1e-6), "+"
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
