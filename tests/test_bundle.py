"""The shipped build: ``build.spec`` frozen with PyInstaller, then the built program (never the source) run as the
secretariat and the jurors would: version, demo campaign, import into a fresh database, dossier check, a signed
sheet made and verified, and the application on its demo, offscreen, for a few seconds.

The bundle is built once for the module, in tmp (about a minute on two cores). Without PyInstaller the tests
skip, except in CI, where they fail: the build must be checked there.
"""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
VERSION = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
EXE_NAME = "c2i2e-jury.exe" if sys.platform == "win32" else "c2i2e-jury"
PASSPHRASE = "phrase de passe du test"
# A bundle that grows past this has picked up something it should not (288 MB on Linux in November 2026).
SIZE_BUDGET_MB = 350
GUI_MS = 4000


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The built folder (``dist/c2i2e-jury``), from a PyInstaller run on ``build.spec``."""
    if importlib.util.find_spec("PyInstaller") is None:
        message = "PyInstaller is not installed (pip install 'pyinstaller>=6.5')"
        if os.environ.get("CI"):
            pytest.fail(f"the bundle must be built in CI: {message}")
        pytest.skip(message)
    root = tmp_path_factory.mktemp("bundle")
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(root / "dist"),
        "--workpath",
        str(root / "work"),
        str(REPO / "build.spec"),
    ]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, timeout=900, check=False)
    assert result.returncode == 0, result.stderr[-4000:]
    folder = root / "dist" / "c2i2e-jury"
    assert (folder / EXE_NAME).is_file()
    yield folder
    shutil.rmtree(root, ignore_errors=True)  # 600 MB of build and bundle: not kept among pytest's last runs


@pytest.fixture
def run(bundle: Path, tmp_path: Path):
    """Run the built program in tmp, with nothing of the source checkout or of Python within reach."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON") and k != "VIRTUAL_ENV"}
    env.update(
        TMPDIR=str(tmp_path),
        TEMP=str(tmp_path),
        TMP=str(tmp_path),
        QT_QPA_PLATFORM="offscreen",
        C2I2E_PASSPHRASE=PASSPHRASE,
        C2I2E_AUTHORITY_PASSPHRASE=PASSPHRASE,
    )

    def call(
        *args: str | Path,
        extra: dict[str, str] | None = None,
        timeout: float = 120,
        wrapper: tuple[str, ...] = (),
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*wrapper, str(bundle / EXE_NAME), *map(str, args)],
            cwd=tmp_path,
            env={**env, **(extra or {})},
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=timeout,
            check=False,
        )

    return call


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, f"exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr
    return result.stdout


def test_version_comes_from_pyproject(run):
    assert ok(run("--version")).strip() == f"c2i2e-jury {VERSION}"


def test_demo_campaign_imported_into_a_fresh_database_and_a_dossier_checked(run, tmp_path):
    ok(run("campaign", "demo", tmp_path / "demo"))
    dossiers = sorted((tmp_path / "demo" / "dossiers").glob("*.pdf"))
    assert len(dossiers) == 11

    database = tmp_path / "fresh.sqlite"
    assert "12 candidats" in ok(run("--db", database, "campaign", "import", tmp_path / "demo"))
    with sqlite3.connect(database) as conn:  # the bundled Alembic migrations ran
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() is not None
        assert conn.execute("SELECT count(*) FROM candidate").fetchone() == (12,)

    report = ok(run("dossier", "check", dossiers[0]))
    assert "conforme" in report
    assert "Items cités : 28 sur 28." in report


def test_a_sheet_made_with_sheet_create_verifies(run, tmp_path):
    """The paper fallback end to end: an authority, two jurors' credentials, the sheet signed, then verified."""
    if " create " not in ok(run("sheet", "--help")):
        pytest.skip("`sheet create` is not in this build yet")
    ok(run("campaign", "demo", tmp_path / "demo"))
    # The sheet is signed today: the campaign must be this year's (its sheets are signed from the deposit's opening
    # to the end of the next year, issue 11 §3), not the demo's 2017.
    campaign = json.loads((tmp_path / "demo" / "campaign.json").read_text(encoding="utf-8"))
    (tmp_path / "demo" / "campaign.json").write_text(
        json.dumps({**campaign, "year": date.today().year}), encoding="utf-8"
    )
    database = tmp_path / "jury.sqlite"
    ok(run("--db", database, "campaign", "import", tmp_path / "demo"))
    ok(run("authority", "init", "--out", tmp_path / "authority"))
    credentials = []
    for n, name in enumerate(("Anne Martin", "Bruno Petit"), 1):
        credentials += ["--sign", tmp_path / f"juror{n}.p12"]
        ok(
            run(
                "credential",
                "issue",
                name,
                "--email",
                f"juror{n}@example.org",
                "--out",
                tmp_path / f"juror{n}.p12",
                "--authority",
                tmp_path / "authority" / "authority.p12",
            )
        )
    # The jury agrees with the evaluator on every item: no justification needed.
    with open(tmp_path / "demo" / "marks.csv", encoding="utf-8-sig", newline="") as marks:
        agreed = [
            f"{row['item']};{row['evaluator_mark'] or 'V'};vu à l'oral\n"
            for row in csv.DictReader(marks, delimiter=";")
            if row["candidate_id"] == "C2017-001"
        ]
    decisions = tmp_path / "decisions.csv"
    decisions.write_text("item;decision;comment\n" + "".join(agreed), encoding="utf-8")
    sheet = tmp_path / "C2017-001.pdf"
    ok(
        run(
            "--db",
            database,
            "sheet",
            "create",
            "C2017-001",
            "--decisions",
            decisions,
            *credentials,
            "--out",
            sheet,
            extra={"C2I2E_PASSPHRASE_1": PASSPHRASE, "C2I2E_PASSPHRASE_2": PASSPHRASE},
        )
    )
    verified = ok(run("sheet", "verify", sheet, "--trust", tmp_path / "authority" / "authority.pem"))
    assert f"{sheet} : feuille valide." in verified
    assert "MARCHAND" in verified and "Anne Martin" in verified and "Bruno Petit" in verified


def test_the_application_stays_up_on_its_demo(run, tmp_path):
    data = Path(os.environ["C2I2E_DATA_DIR"])
    result = run("--demo", extra={"C2I2E_QUIT_AFTER_MS": str(GUI_MS)}, timeout=120)
    ok(result)
    log = (data / "logs" / "c2i2e-jury.log").read_text(encoding="utf-8")
    assert "internal error" not in log
    # The window was shown, lived until its close (the quit timer), and the program ended by that close.
    assert "window shown" in log
    assert log.index("window shown") < log.index("window closed (exit code 0)"), log[-2000:]
    assert (
        data / "cache" / f"demo-{VERSION}" / "campaign.json"
    ).is_file()  # the demo was written, then opened
    # The French catalogue came compiled in the bundle: nothing compiled at run time (no lrelease there).
    assert not (data / "cache" / "i18n").exists()


@pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run (Linux, package xvfb)")
def test_the_application_opens_on_an_x11_display(run, tmp_path):
    """Past the offscreen platform: the bundled xcb plugin and X11 libraries open the window on an X server, and
    the jury room is built in it (``room``: the program closes itself only once the room exists — proof the window
    lived on the display, where a clock would only prove that time passed)."""
    database = tmp_path / "empty.sqlite"
    result = run(
        "--db",
        database,
        extra={"QT_QPA_PLATFORM": "xcb", "C2I2E_QUIT_AFTER_MS": "room"},
        wrapper=("xvfb-run", "-a", "-s", "-screen 0 1280x800x24"),
    )
    ok(result)
    assert "could not load the qt platform plugin" not in result.stderr.lower()
    assert database.is_file()


def test_the_bundle_holds_its_data_and_leaves_unused_qt_out(bundle):
    inside = next(p for p in (bundle / "_internal", bundle) if (p / "c2i2e_jury").is_dir())
    for data in (
        "c2i2e_jury/resources/referential.json",
        "c2i2e_jury/resources/schemas/c2i2e-result.schema.json",
        "c2i2e_jury/resources/i18n/c2i2e_jury_fr.qm",
        "c2i2e_jury/database/env.py",
        "c2i2e_jury/database/versions",
        "reportlab/fonts/Vera.ttf",
        "reportlab/fonts/VeraBd.ttf",
        "c2i2e_jury/resources/fonts/DejaVuSans.ttf",
        "c2i2e_jury/resources/fonts/LICENSE-DejaVu.txt",
        "c2i2e_jury/resources/icc/sRGB.icc",
    ):
        assert (inside / data).exists(), data
    assert {p.name for p in (inside / "c2i2e_jury" / "database" / "versions").glob("*.py")} == {
        p.name for p in (REPO / "database" / "versions").glob("*.py")
    }
    assert [p.name for p in inside.rglob("*.qm") if "translations" in p.parts] == ["qtbase_fr.qm"]
    names = {p.name for p in inside.rglob("*")}
    for unused in ("QtNetwork", "QtQml", "QtQuick", "QtPdf", "QtDBus", "QtOpenGL", "QtTest", "QtSql"):
        assert not any(n.startswith(f"{unused}.") for n in names), unused
    assert not any("qgtk3" in n or "qeglfs" in n or "qvnc" in n for n in names)
    assert not list(inside.glob("c2i2e_jury-*.dist-info"))  # the version has one source: pyproject.toml
    size = sum(p.stat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < SIZE_BUDGET_MB * 1_000_000, f"{size / 1e6:.0f} MB"


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None, reason="ldd (Linux)")
def test_every_bundled_qt_plugin_finds_its_qt_libraries(bundle):
    """The Qt libraries left out are those no kept plugin needs: each plugin resolves its Qt libraries."""
    plugins = sorted((bundle / "_internal" / "PySide6" / "Qt" / "plugins").rglob("*.so"))
    assert any(p.name == "libqxcb.so" for p in plugins) and any(p.name == "libqwayland.so" for p in plugins)
    for plugin in plugins:
        linked = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True, check=False).stdout
        missing = [line.strip() for line in linked.splitlines() if "libQt6" in line and "not found" in line]
        assert not missing, f"{plugin.name}: {missing}"
