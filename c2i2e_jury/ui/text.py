"""How values read on screen, the same in every room: a translated sentence's placeholders filled in, and the
oral's clock (the jury's timer and the projector's overlay show the same digits)."""

from __future__ import annotations

import math
import re

_PLACEHOLDER = re.compile(r"%([1-9])")


def fill(template: str, *values: object) -> str:
    """``template`` (a ``tr()`` string) with ``%1``…``%9`` replaced by ``values``, in one pass as ``QString.arg``
    does: a value that itself contains « %2 » (a candidate's note, a file's name) is never substituted again.
    A placeholder without a value is left as it is."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(values[number - 1]) if number <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def format_clock(seconds: float) -> str:
    """``09:58`` counting down (rounded up: ``00:00`` is the end), ``+01:12`` once over time."""
    if seconds >= 0:
        whole = math.ceil(seconds - 1e-6)
        sign = ""
    else:
        whole, sign = math.floor(-seconds + 1e-6), "+"
    return f"{sign}{whole // 60:02d}:{whole % 60:02d}"
