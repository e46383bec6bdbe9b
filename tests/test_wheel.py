"""A normal install works: the wheel built from the sources, installed (not editable) into a fresh virtual
environment, starts the command line and the application, and holds every module of the package.

The editable install and the PyInstaller bundle both hide a package missing from the wheel (``ui/review`` once
was: the application could not start). The wheel is built from a copy of the sources in tmp (a build writes
``build/`` and ``*.egg-info`` beside the sources), without build isolation (no download during the tests). The
fresh environment borrows the dependencies of the test environment through a ``.pth`` line, never its
``c2i2e_jury``: the editable install's finder is not loaded there.
"""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
SOURCES = ("c2i2e_jury", "resources", "database", "pyproject.toml", "setup.py", "README.md", "LICENSE")


def _build_wheel(root: Path) -> Path:
    source = root / "source"
    source.mkdir()
    for name in SOURCES:
        path = REPO / name
        if path.is_dir():
            shutil.copytree(path, source / name, ignore=shutil.ignore_patterns("__pycache__", "*.qm"))
        else:
            shutil.copy2(path, source / name)
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--no-index",
        "-q",
        "-w",
        str(root / "dist"),
        str(source),
    ]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    wheels = list((root / "dist").glob("c2i2e_jury-*.whl"))
    assert len(wheels) == 1
    return wheels[0]


def _fresh_environment(root: Path, wheel: Path) -> Path:
    """A new venv with the wheel installed (not editable); returns its python."""
    venv = root / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    target = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    )
    (target / "borrowed-dependencies.pth").write_text(
        "\n".join(site.getsitepackages()) + "\n", encoding="utf-8"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            "-q",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return python


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("wheel")
    return _fresh_environment(root, _build_wheel(root))


@pytest.fixture
def run(installed: Path, tmp_path: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the installed program from tmp, with nothing of the source checkout on its path."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(QT_QPA_PLATFORM="offscreen", C2I2E_DATA_DIR=str(tmp_path / "data"))
    script = installed.parent / ("c2i2e-jury.exe" if sys.platform == "win32" else "c2i2e-jury")

    def run(
        *args: str | Path, extra: dict[str, str] | None = None, program: list[str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        command = program or [str(script)]
        return subprocess.run(
            [*command, *map(str, args)],
            cwd=tmp_path,
            env={**env, **(extra or {})},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )

    return run


def test_every_module_comes_from_the_wheel(installed: Path, run) -> None:
    code = (
        "import importlib, pkgutil, c2i2e_jury\n"
        "names = [m.name for m in pkgutil.walk_packages(c2i2e_jury.__path__, 'c2i2e_jury.')]\n"
        "for name in names:\n"
        "    if not name.startswith('c2i2e_jury.database.'):  # Alembic's scripts run inside Alembic only\n"
        "        importlib.import_module(name)\n"
        "import c2i2e_jury.ui.review.workspace, c2i2e_jury.resources, c2i2e_jury.database\n"
        "print(c2i2e_jury.__file__); print(len(names))"
    )
    result = run("-c", code, program=[str(installed)])
    assert result.returncode == 0, result.stderr[-3000:]
    where, count = result.stdout.split()
    assert Path(where).is_relative_to(installed.parent.parent), (
        "c2i2e_jury must come from the fresh environment"
    )
    assert int(count) > 100
    packages = {p.parent.name for p in Path(where).parent.rglob("__init__.py")}
    assert {"review", "resources", "database"} <= packages
    assert (Path(where).parent / "database" / "versions" / "0001_initial_schema.py").is_file()
    assert (Path(where).parent / "resources" / "referential.json").is_file()


def test_the_command_line_runs_from_the_wheel(run, tmp_path: Path) -> None:
    version = run("--version")
    assert version.returncode == 0, version.stderr
    assert version.stdout.strip() == f"c2i2e-jury {VERSION}"
    demo = run("campaign", "demo", tmp_path / "demo")
    assert demo.returncode == 0, demo.stderr
    imported = run("--db", tmp_path / "jury.sqlite", "campaign", "import", tmp_path / "demo")
    assert imported.returncode == 0, imported.stderr
    assert "12 candidats" in imported.stdout


def test_the_application_starts_from_the_wheel(run, tmp_path: Path) -> None:
    result = run("--demo", extra={"C2I2E_QUIT_AFTER_MS": "2000"})
    assert result.returncode == 0, result.stderr[-3000:]
    log = (tmp_path / "data" / "logs" / "c2i2e-jury.log").read_text(encoding="utf-8")
    assert "internal error" not in log
    assert "Traceback" not in result.stderr
