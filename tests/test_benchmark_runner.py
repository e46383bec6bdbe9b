"""A smoke of the benchmark runner (the benchmarks themselves run apart, see benchmarks/README.md): one module, one
run per row, in its own process, and the table printed with every row's verdict."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_the_runner_measures_a_module_in_a_process_of_its_own():
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.run", "--quick", "--module", "dossier", "--only", "search"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    when, *lines = done.stdout.splitlines()
    assert when.startswith("started ") and "load average" in when  # when, and how busy the machine was
    assert lines[0].split(" | ")[0].strip() == "operation"
    rows = [line.split(" | ") for line in lines[2:]]
    assert [row[0].strip() for row in rows] == ["dossier search (20 pages)"]
    assert rows[0][-1].strip() == "yes" and rows[0][3].strip() == "pymupdf search_for, all pages"
