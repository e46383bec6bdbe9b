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


def _time(fn: Callable[[], object], setup: Callable[[], object] | None, runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        if setup:
            setup()
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def measure(bench: Benchmark, quick: bool = False) -> Result:
    runs = 1 if quick else bench.runs
    floor = None
    if bench.floor is not None:
        floor = bench.aggregate(_time(bench.floor, bench.setup, runs))
    seconds = bench.aggregate(_time(bench.operation, bench.setup, runs))
    return Result(bench.name, seconds, floor, bench.floor_name, bench.max_ratio, bench.max_seconds)
