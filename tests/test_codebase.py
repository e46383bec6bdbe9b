"""The standing checks of the code base run as tests, so the one test command covers them: ruff, the layer
contracts (import-linter) and mypy (strict on domain/, storage/, exchange/, dossier/ and services/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def run(*command: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "MYPY_CACHE_DIR": os.devnull if os.name != "posix" else "/tmp/c2i2e-mypy-cache"}
    return subprocess.run(command, cwd=REPO, capture_output=True, text=True, env=env, check=False)


def test_ruff():
    result = run(
        str(BIN / "ruff"), "check", "--no-cache", "c2i2e_jury", "tests", "benchmarks", "database", "tools"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_formatted():
    """The code is formatted once by ruff format (as the pre-commit hook does): no diff in review is layout."""
    result = run(
        str(BIN / "ruff"),
        "format",
        "--check",
        "--no-cache",
        "c2i2e_jury",
        "tests",
        "benchmarks",
        "database",
        "tools",
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_layers_point_one_way():
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_strict_on_the_lower_layers():
    result = run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
