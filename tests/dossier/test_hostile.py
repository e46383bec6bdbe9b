"""Hostile dossiers (a page of kilometres, a terapixel image, millions of operators, a form bomb, deep nesting,
a compression bomb): each is « endommagé » with its reason, in bounded time and memory, never a crash or a hang;
MuPDF's warnings quoting raw bytes reach the log as one line, never as a « Logging error » traceback."""

from __future__ import annotations

import faulthandler
import json
import logging
import os
import resource
import subprocess
import sys
import zlib
from pathlib import Path

import pytest

from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.damage import PageError
from c2i2e_jury.dossier.document import open_dossier
from tests.dossier import hostile

REPO = Path(__file__).resolve().parents[2]
HANG_SECONDS = 120  # a hang guard, not a budget: the old code ran the form bomb for ever
MEMORY_BYTES = 2 * 1024**3  # the address space of the command: the old code asked for terabytes
REASONS = {
    "huge_mediabox": "La page mesure 508 000 × 508 000 cm (au plus 508 cm de côté)",
    "huge_user_unit": "La page mesure 1 574 271 × 2 227 792 cm",
    "million_operators": "trop complexe à afficher (plus de 2 Mo d'instructions de dessin)",
    "huge_image": "Une image de la page déclare 100000 × 100000 pixels (au plus 100 millions)",
    "form_bomb": "trop complexe à afficher",
    "compression_bomb": "trop complexe à afficher",
    "shared_heavy_pages": "Le dossier est trop complexe à afficher (plus de 16 Mo",
}


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name, build in hostile.HOSTILE.items():
        (folder / f"{name}.pdf").write_bytes(build())
    (folder / "quoted_raw_bytes.pdf").write_bytes(hostile.quoted_raw_bytes())
    return folder


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))


def run_check(path: Path, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "C2I2E_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", "dossier", "check", "--json", str(path)],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_SECONDS,
        preexec_fn=_limited,
        check=False,
    )


@pytest.mark.parametrize("name", sorted(hostile.HOSTILE))
def test_dossier_check_calls_a_hostile_file_damaged_with_its_reason(name, hostile_dir, tmp_path):
    done = run_check(hostile_dir / f"{name}.pdf", tmp_path)
    assert (done.returncode, done.stderr) == (2, "")
    result = json.loads(done.stdout)
    integrity = result["findings"][0]
    assert (result["status"], integrity["check"], integrity["ok"]) == ("unreadable", "integrity", False)
    assert REASONS.get(name, "endommagé") in integrity["message"]


@pytest.mark.parametrize(
    "name",
    ["huge_mediabox", "huge_user_unit", "million_operators", "huge_image", "form_bomb", "compression_bomb"],
)
def test_the_viewer_gets_a_page_error_not_a_frozen_render(name, hostile_dir):
    faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
    try:
        with open_dossier(hostile_dir / f"{name}.pdf") as dossier:
            with pytest.raises(PageError, match="n'est pas affichée"):
                dossier.render(1, scale=1.0)
            with pytest.raises(PageError):
                dossier.page_size(1)
            assert dossier.damage[0].limit
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_a_dossier_past_its_total_work_reads_no_further_page(hostile_dir):
    with open_dossier(hostile_dir / "shared_heavy_pages.pdf") as dossier:
        damage = dossier.probe()
        # Pages 1-10 (15 MB) are within both limits, page 11 crosses the file's: pages 12-20 are not read at all.
        assert [d.page for d in damage] == [None, 11]
        with pytest.raises(PageError, match="trop complexe"):
            dossier.render(1, scale=0.1)


def test_mupdf_warnings_quoting_raw_bytes_are_one_line_in_the_log(hostile_dir, tmp_path):
    done = run_check(hostile_dir / "quoted_raw_bytes.pdf", tmp_path)
    assert done.returncode == 2
    assert done.stderr == ""  # it was a « --- Logging error --- » traceback for each warning
    log = (tmp_path / "logs" / "c2i2e-jury.log").read_text(encoding="utf-8")
    warnings = [line for line in log.splitlines() if "MuPDF warnings on" in line]
    assert warnings and all("'Bad\\xe9\\xff'" in line for line in warnings if "XObject" in line)
    assert "Traceback" not in log


def test_a_log_record_with_lone_surrogates_is_written(tmp_path, monkeypatch, capfd):
    monkeypatch.setenv("C2I2E_DATA_DIR", str(tmp_path))
    from c2i2e_jury import logs

    root = logging.getLogger()
    before = list(root.handlers)
    for handler in before:
        root.removeHandler(handler)
    try:
        path = logs.setup_logging()
        logging.getLogger("test").warning("name %s", "Bad\udce9")
        for handler in root.handlers:
            handler.flush()
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
            handler.close()
        for handler in before:
            root.addHandler(handler)
    assert path is not None and "name Bad\\udce9" in path.read_text(encoding="utf-8")
    assert capfd.readouterr().err == ""


def test_the_check_result_names_the_page_past_the_limit(hostile_dir):
    result = check_dossier(hostile_dir / "huge_image.pdf")
    assert result.exit_code == 2
    assert result.findings[0].pages == (1,)


def test_the_compression_bomb_is_a_whole_zlib_stream_of_spaces():
    """The bomb is built by repeating one deflated megabyte: the stream is whole (its checksum included)."""
    assert zlib.decompress(hostile.spaces_deflated(5)) == b" " * (5 << 20)
