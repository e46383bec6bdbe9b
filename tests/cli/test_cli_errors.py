"""Bad surroundings on the command line: one sentence and exit 1 (or a quiet exit), never a traceback."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from c2i2e_jury.cli import main
from tests.services.review_factory import demo_template_fixture  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


def _run(args, env_changes, **kwargs):
    env = {**os.environ, **env_changes}
    streams = {"stdout": subprocess.PIPE, "stderr": subprocess.PIPE, **kwargs}
    return subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", *args],
        cwd=REPO,
        env=env,
        text=True,
        timeout=60,
        check=False,
        **streams,
    )


def test_an_unusable_data_folder_still_shows_help(tmp_path):
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"\x00\x01garbage")
    result = _run(["--help"], {"C2I2E_DATA_DIR": str(garbage)})
    assert result.returncode == 0
    assert "utilisation : c2i2e-jury" in result.stdout  # French, as the interface
    assert "Traceback" not in result.stderr
    assert garbage.read_bytes() == b"\x00\x01garbage"


def test_a_command_that_needs_the_data_folder_says_so_in_one_sentence(tmp_path):
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(b"garbage")
    result = _run(["summary"], {"C2I2E_DATA_DIR": str(garbage)})
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert f"Le dossier de données {garbage} est inutilisable" in result.stderr


def test_a_foreign_database_is_refused(tmp_path, capsys):
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE foo (x INTEGER)")
    before = path.read_bytes()
    assert main(["--db", str(path), "summary"]) == 1
    assert (
        capsys.readouterr().err
        == f"c2i2e-jury: {path} n'est pas une base c2i2e-jury : rien n'y a été écrit.\n"
    )
    assert path.read_bytes() == before


@pytest.mark.parametrize("url", ["mysql://x/y", "foo://bar", "postgresql://u:p@127.0.0.1:notaport/db"])
def test_a_bad_database_address_is_one_sentence(url, capsys):
    assert main(["--db", url, "summary"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("c2i2e-jury: Adresse de base de données invalide : ") and err.count("\n") == 1


def test_a_dropped_table_met_after_opening_is_one_sentence(demo_template, tmp_path, capsys):
    path = tmp_path / "dropped.sqlite"
    shutil.copyfile(demo_template, path)
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TABLE decision")
    assert main(["--db", str(path), "summary"]) == 1
    err = capsys.readouterr().err
    assert err == (
        f"c2i2e-jury: La base de données {path} est endommagée ou incomplète : rien n'y a été écrit ; "
        "restaurez une copie de sauvegarde.\n"
    )


def test_a_closed_pipe_ends_quietly(demo_template, tmp_path):
    """``c2i2e-jury summary | head -1``: the reader is gone before anything is written."""
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = _run(["--db", str(path), "summary"], {}, stdout=write_end)
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert result.stderr == ""
