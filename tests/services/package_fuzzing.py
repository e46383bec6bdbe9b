"""Runs the mutated demo packages through the fuzzing worker (:mod:`tests.services.fuzz_worker`) and sorts what
came back: the test asserts on it, and ``python -m tests.services.package_fuzzing FIRST COUNT`` prints the
counts (variants, crashes, hangs, memory, refused imports that changed something) for a report."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from tests.exchange.package.mutator import Mutator, load_demo

# Generous bounds, so that a loaded machine passes: the threshold is 1.5 GB and 10 s.
PEAK_RSS = 1 << 30
CPU_SECONDS = 20.0
TIMEOUT = 120.0  # wall clock, only to kill a hang: a hang is a failure, not an assertion on speed


@dataclass
class Findings:
    outcomes: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    max_rss: int = 0
    max_cpu: float = 0.0

    def record(self, seed: int, what: list[str], result: dict[str, object]) -> None:
        outcome = str(result["outcome"])
        rss, cpu = int(result["peak_rss"]), float(result["cpu"])  # type: ignore[call-overload, arg-type]
        self.max_rss, self.max_cpu = max(self.max_rss, rss), max(self.max_cpu, cpu)
        problem = None
        if outcome in ("crash", "hang", "killed"):
            problem = outcome + ": " + str(result.get("traceback", result.get("signal", "")))[-1500:]
        elif rss > PEAK_RSS:
            outcome, problem = "memory", f"peak resident memory {rss >> 20} MiB"
        elif cpu > CPU_SECONDS:
            outcome, problem = "slow", f"{cpu:.1f} s of CPU"
        elif result.get("tables_changed") or result.get("files_left"):
            outcome, problem = "changed", f"refused but changed the database or the store: {result}"
        self.outcomes[outcome] += 1
        if problem:
            self.failures.append(f"seed {seed} ({'; '.join(what)}): {problem}")

    def summary(self) -> str:
        return (
            f"{sum(self.outcomes.values())} variants: {dict(self.outcomes)}; peak RSS {self.max_rss >> 20} MiB, "
            f"CPU {self.max_cpu:.1f} s at most"
        )


@contextmanager
def worker(workdir: Path, demo: Path) -> Iterator[subprocess.Popen[str]]:
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.services.fuzz_worker", str(workdir), str(demo)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    try:
        assert process.stdout is not None
        json.loads(process.stdout.readline())  # ready
        yield process
    finally:
        process.kill()
        process.wait()


def fuzz(demo: Path, workdir: Path, seeds: range, timeout: float = TIMEOUT) -> Findings:
    mutator, findings = Mutator(load_demo(demo)), Findings()
    with worker(workdir, demo) as process:
        assert process.stdin is not None and process.stdout is not None
        for seed in seeds:
            variant = mutator.variant(seed)
            path = variant.write(workdir / f"variant-{seed}{'' if variant.folder else '.zip'}")
            process.stdin.write(
                json.dumps({"path": str(path), "populated": seed % 2 == 1, "timeout": timeout}) + "\n"
            )
            process.stdin.flush()
            findings.record(seed, variant.what, json.loads(process.stdout.readline()))
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    return findings


def main() -> None:
    from tests.demo_package import demo_package

    first, count = int(sys.argv[1]), int(sys.argv[2])
    timeout = float(sys.argv[3]) if len(sys.argv) > 3 else TIMEOUT
    with tempfile.TemporaryDirectory() as tmp:
        demo = demo_package(Path(tmp) / "demo")
        findings = fuzz(demo, Path(tmp), range(first, first + count), timeout)
    sys.stdout.write(findings.summary() + "\n" + "\n".join(findings.failures) + "\n")


if __name__ == "__main__":
    main()
