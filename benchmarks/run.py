"""Run every benchmark module and print one table. ``python -m benchmarks.run [--only TEXT] [--quick]``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import tempfile
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="", help="run only the rows whose name contains this text")
    parser.add_argument("--quick", action="store_true", help="one run each (smoke)")
    parser.add_argument("--module", action="append", default=[],
                        help="only these modules (e.g. --module sheets for bench_sheets.py): each module builds its "
                             "files before its rows run, and some take minutes")
    args = parser.parse_args(argv)
    here = Path(__file__).parent
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="c2i2e-bench-") as tmp:
        for info in sorted(pkgutil.iter_modules([str(here)]), key=lambda m: m.name):
            if not info.name.startswith("bench_"):
                continue
            if args.module and info.name.removeprefix("bench_") not in args.module:
                continue
            module = importlib.import_module(f"benchmarks.{info.name}")
            workdir = Path(tmp) / info.name
            workdir.mkdir()
            for bench in module.benchmarks(workdir):
                if args.only and args.only not in bench.name:
                    continue
                result = measure(bench, quick=args.quick)
                results.append(result)
                print(f"  {result.name}: {_fmt(result.seconds)}", file=sys.stderr, flush=True)
    header = ("operation", "median", "floor", "floor is", "ratio", "target", "ok")
    rows = [
        (r.name, _fmt(r.seconds), _fmt(r.floor_seconds), r.floor_name or "-",
         f"{r.ratio:.2f}×" if r.ratio is not None else "-", _target(r), "yes" if r.ok else "NO")
        for r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows, strict=False)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print(" | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=False)))
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
