"""What a benchmark is: an operation timed against a floor measured in the same run."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Benchmark:
    name: str
    operation: Callable[[], object]
    floor: Callable[[], object] | None = None
    floor_name: str = ""
    runs: int = 5
    setup: Callable[[], object] | None = None  # before each run of both operation and floor, not timed
    max_ratio: float | None = None  # target: median / floor median
    max_seconds: float | None = None  # target: absolute median
    aggregate: Callable[[list[float]], float] = field(default=statistics.median)


@dataclass
class Result:
    name: str
    seconds: float
    floor_seconds: float | None
    floor_name: str
    max_ratio: float | None
    max_seconds: float | None

    @property
    def ratio(self) -> float | None:
        if not self.floor_seconds:
            return None
        return self.seconds / self.floor_seconds

    @property
    def ok(self) -> bool:
        if self.max_seconds is not None and self.seconds > self.max_seconds:
            return False
        return not (self.max_ratio is not None and self.ratio is not None and self.ratio > self.max_ratio)


@dataclass(frozen=True)
class Reported:
    """What an operation returns when it measures a duration of its own (a GUI stall, say) instead of its call."""

    seconds: float


def _sample(fn: Callable[[], object], setup: Callable[[], object] | None) -> float:
    if setup:
        setup()
    start = time.perf_counter()
    value = fn()
    elapsed = time.perf_counter() - start
    return value.seconds if isinstance(value, Reported) else elapsed


def measure(bench: Benchmark, quick: bool = False) -> Result:
    """Floor and operation alternate, run after run: a drift of the machine (another process, the CPU's clock, the
    allocator's state) weighs on both alike instead of on whichever ran second."""
    runs = 1 if quick else bench.runs
    floors: list[float] = []
    samples: list[float] = []
    for _ in range(runs):
        if bench.floor is not None:
            floors.append(_sample(bench.floor, bench.setup))
        samples.append(_sample(bench.operation, bench.setup))
    floor = bench.aggregate(floors) if floors else None
    return Result(
        bench.name, bench.aggregate(samples), floor, bench.floor_name, bench.max_ratio, bench.max_seconds
    )
