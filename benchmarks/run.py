"""Run every benchmark module and print one table. ``python -m benchmarks.run [--only TEXT] [--quick]``.

Each module runs in a process of its own, as the program would meet its operation: the interpreter, the heap and
Qt carry nothing of another module's 1,000 sheets or 5,000-row table (measured: the viewer's first page came out
1.4 ms slower after them, its floor 0.4 ms)."""

from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.harness import Result, measure


def _fmt(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


def _target(r: Result) -> str:
    parts = []
    if r.max_ratio is not None:
        parts.append(f"≤ {r.max_ratio:g}×")
    if r.max_seconds is not None:
        parts.append(f"≤ {_fmt(r.max_seconds)}")
    return ", ".join(parts) or "-"


def _run_module(name: str, workdir: Path, only: str, quick: bool) -> list[Result]:
    """The rows of ``bench_<name>.py`` measured in this process."""
    module = importlib.import_module(f"benchmarks.bench_{name}")
    results = []
    for bench in module.benchmarks(workdir):
        if only and only not in bench.name:
            continue
        result = measure(bench, quick=quick)
        results.append(result)
        print(f"  {result.name}: {_fmt(result.seconds)}", file=sys.stderr, flush=True)
    return results


def _run_apart(name: str, tmp: Path, only: str, quick: bool) -> list[Result]:
    """The rows of ``bench_<name>.py`` measured in a child process; a crashed module is one failed row."""
    out = tmp / f"{name}.json"
    command = [
        sys.executable,
        "-m",
        "benchmarks.run",
        "--module",
        name,
        "--results",
        str(out),
        "--only",
        only,
    ]
    done = subprocess.run(command + (["--quick"] if quick else []), check=False)
    if not out.exists():
        return [
            Result(f"{name}: the module failed (exit {done.returncode})", float("inf"), None, "", None, 0.0)
        ]
    return [Result(**row) for row in json.loads(out.read_text(encoding="utf-8"))]


def _machine() -> str:
    """When, and how busy the machine was: a table measured at load 10 on two cores is not one measured idle."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg()) if hasattr(os, "getloadavg") else "?"
    return f"{time.strftime('%Y-%m-%d %H:%M:%S')} (load average {load}, {os.cpu_count()} cores)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="run only the rows whose name contains this text")
    parser.add_argument("--quick", action="store_true", help="one run each (smoke)")
    parser.add_argument(
        "--module",
        action="append",
        default=[],
        help="only these modules (e.g. --module sheets for bench_sheets.py): each module builds its "
        "files before its rows run, and some take minutes",
    )
    parser.add_argument(
        "--results", type=Path, help=argparse.SUPPRESS
    )  # a child: one module, rows to this file
    args = parser.parse_args(argv)
    here = Path(__file__).parent
    names = sorted(
        info.name.removeprefix("bench_")
        for info in pkgutil.iter_modules([str(here)])
        if info.name.startswith("bench_")
    )
    if args.module:
        names = [name for name in names if name in args.module]
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="c2i2e-bench-") as tmp:
        if args.results is not None:
            for name in names:
                workdir = Path(tmp) / name
                workdir.mkdir()
                results += _run_module(name, workdir, args.only, args.quick)
            args.results.write_text(json.dumps([dataclasses.asdict(r) for r in results]), encoding="utf-8")
            return 0
        started = _machine()
        for name in names:
            results += _run_apart(name, Path(tmp), args.only, args.quick)
    print(f"started {started}; ended {_machine()}")
    header = ("operation", "median", "floor", "floor is", "ratio", "target", "ok")
    rows = [
        (
            r.name,
            _fmt(r.seconds),
            _fmt(r.floor_seconds),
            r.floor_name or "-",
            f"{r.ratio:.2f}×" if r.ratio is not None else "-",
            _target(r),
            "yes" if r.ok else "NO",
        )
        for r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
