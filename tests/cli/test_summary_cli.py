"""``c2i2e-jury summary``: CSV and JSON to stdout or a file, XLSX to a file, the campaign chosen or refused."""

import io
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from c2i2e_jury.cli import main
from tests.services.review_factory import demo_template_fixture  # noqa: F401

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_file(demo_template, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


def test_json_to_stdout(demo_file, capsysbinary):
    assert main(["--db", str(demo_file), "summary", "--format", "json"]) == 0
    data = json.loads(capsysbinary.readouterr().out)["candidates"]  # issue 13: an object with its format
    by_id = {entry["id"]: entry for entry in data}
    assert len(data) == 12
    assert by_id["C2017-001"]["certificate"] is True and by_id["C2017-001"]["validated"] == 28
    assert by_id["C2017-004"]["missing_by_domain"]["A2"] == 2
    assert by_id["C2017-012"]["status"] == "absent"


def test_csv_to_stdout_has_the_bom(demo_file, capsysbinary):
    assert main(["--db", str(demo_file), "summary"]) == 0
    out = capsysbinary.readouterr().out
    assert out.startswith(b"\xef\xbb\xbf")
    assert "Lefèvre;Gaëlle" in out.decode("utf-8-sig")


def test_xlsx_needs_a_file_and_writes_it(demo_file, tmp_path, capsys):
    assert main(["--db", str(demo_file), "summary", "--format", "xlsx"]) == 1
    assert "-o" in capsys.readouterr().err
    target = tmp_path / "synthèse.xlsx"
    assert (
        main(
            [
                "--db",
                str(demo_file),
                "summary",
                "--format",
                "xlsx",
                "-o",
                str(target),
                "--campaign",
                "grenoble-2017",
            ]
        )
        == 0
    )
    sheet = load_workbook(io.BytesIO(target.read_bytes())).active
    assert sheet.max_row == 13 and sheet["B2"].value == "Marchand" and sheet["C2"].value == "Élodie"


def test_unknown_campaign_and_empty_database(demo_file, tmp_path, capsys):
    assert main(["--db", str(demo_file), "summary", "--campaign", "lyon-2017"]) == 1
    assert "lyon-2017" in capsys.readouterr().err
    assert main(["--db", str(tmp_path / "empty.sqlite"), "summary"]) == 1
    assert "aucune campagne" in capsys.readouterr().err


def test_the_real_command(demo_file, tmp_path):
    """As a script runs it: a process, a file, exit code 0."""
    target = tmp_path / "synthese.csv"
    done = subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", "--db", str(demo_file), "summary", "-o", str(target)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes().decode("utf-8-sig").count("\r\n") == 13
