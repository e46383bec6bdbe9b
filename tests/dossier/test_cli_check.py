"""``c2i2e-jury dossier check``: exit codes 0/1/2 exactly, the stable JSON, and the candidate options."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from c2i2e_jury.cli import main
from c2i2e_jury.dossier.expected import Expected
from tests.dossier.factory import build_dossier

FINDING = {
    "type": "object",
    "required": ["check", "ok", "message", "pages"],
    "additionalProperties": False,
    "properties": {
        "check": {
            "enum": [
                "integrity",
                "page_count",
                "page_numbers",
                "name",
                "year",
                "introduction",
                "part_1",
                "part_2",
                "part_3",
                "part_4",
                "conclusion",
            ]
        },
        "ok": {"type": "boolean"},
        "message": {"type": "string", "minLength": 1},
        "pages": {"type": "array", "items": {"type": "integer", "minimum": 1}},
    },
}
SCHEMA = {
    "type": "object",
    "required": ["file", "sha256", "pages", "conform", "status", "findings", "evidence"],
    "additionalProperties": False,
    "properties": {
        "file": {"type": "string"},
        "sha256": {"type": ["string", "null"], "pattern": "^[0-9a-f]{64}$"},
        "pages": {"type": ["integer", "null"]},
        "conform": {"type": "boolean"},
        "status": {"enum": ["conform", "not_conform", "unreadable"]},
        "findings": {"type": "array", "items": FINDING, "minItems": 1},
        "evidence": {
            "type": "object",
            "propertyNames": {"pattern": "^[AB][1-4]\\.[1-5]$"},
            "additionalProperties": {
                "type": "object",
                "required": ["cited_on", "part", "part_starts_on"],
                "additionalProperties": False,
                "properties": {
                    "cited_on": {"type": "array", "items": {"type": "integer"}},
                    "part": {"enum": [1, 2, 3, 4]},
                    "part_starts_on": {"type": ["integer", "null"]},
                },
            },
        },
    },
}
DUPONT = ["--name", "DUPONT Élodie", "--year", "2017"]


def check(capsys: pytest.CaptureFixture[str], pdf: Path, *options: str) -> tuple[int, dict]:
    code = main(["dossier", "check", str(pdf), "--json", *options])
    out = capsys.readouterr().out
    result = json.loads(out)
    jsonschema.validate(result, SCHEMA)
    return code, result


@pytest.fixture(scope="module")
def variants(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("variants")
    specs = {
        "short": {"pages": 9},
        "long": {"pages": 21},
        "unnumbered": {"numbered": False},
        "nameless": {"name_on_cover": False},
    }
    paths = {}
    for name, spec in specs.items():
        paths[name] = folder / f"{name}.pdf"
        build_dossier(paths[name], **spec)
    return paths


def test_conform_exits_0(capsys: pytest.CaptureFixture[str], conform_pdf: Path) -> None:
    code, result = check(capsys, conform_pdf, *DUPONT)
    assert code == 0
    assert (result["status"], result["conform"], result["pages"]) == ("conform", True, 14)
    assert len(result["evidence"]) == 28
    assert result["evidence"]["A1.1"]["part"] == 3
    assert all(f["ok"] for f in result["findings"])
    assert result["file"] == str(conform_pdf)


@pytest.mark.parametrize(
    ("variant", "failing"),
    [
        ("short", ["page_count"]),
        ("long", ["page_count"]),
        ("unnumbered", ["page_numbers"]),
        ("nameless", ["name"]),
    ],
)
def test_not_conform_exits_1(
    capsys: pytest.CaptureFixture[str], variants: dict[str, Path], variant: str, failing: list[str]
) -> None:
    code, result = check(capsys, variants[variant], *DUPONT)
    assert code == 1
    assert (result["status"], result["conform"]) == ("not_conform", False)
    assert [f["check"] for f in result["findings"] if not f["ok"]] == failing


def test_nameless_without_candidate_exits_1(
    capsys: pytest.CaptureFixture[str], variants: dict[str, Path]
) -> None:
    code, result = check(capsys, variants["nameless"])
    assert code == 1
    assert [f["message"] for f in result["findings"] if not f["ok"]] == [
        "Aucun nom de candidat trouvé en page 1."
    ]


@pytest.mark.parametrize(
    ("fixture", "words"),
    [
        ("encrypted_pdf", "mot de passe"),
        ("truncated_pdf", "endommagé"),
        ("repaired_pdf", "endommagé"),
        ("empty_pdf", "vide"),
        ("docx_pdf", "n'est pas un PDF"),
        ("text_pdf", "n'est pas un PDF"),
    ],
)
def test_unreadable_or_damaged_exits_2(
    capsys: pytest.CaptureFixture[str], request: pytest.FixtureRequest, fixture: str, words: str
) -> None:
    pdf: Path = request.getfixturevalue(fixture)
    code, result = check(capsys, pdf, *DUPONT)
    assert code == 2
    assert (result["status"], result["conform"]) == ("unreadable", False)
    assert result["findings"][0]["check"] == "integrity"
    assert words in result["findings"][0]["message"]
    assert result["sha256"] is not None


def test_missing_file_exits_2(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, result = check(capsys, tmp_path / "absent.pdf")
    assert code == 2
    assert (result["sha256"], result["pages"], result["evidence"]) == (None, None, {})


def test_text_output_lists_findings(capsys: pytest.CaptureFixture[str], variants: dict[str, Path]) -> None:
    code = main(["dossier", "check", str(variants["short"])])
    out = capsys.readouterr().out
    assert code == 1
    assert f"{variants['short']} : non conforme (9 pages)" in out
    assert "  [NON] 9 pages : le dossier doit en compter de 10 à 20." in out
    assert "  [ok] Pages numérotées." in out
    assert "Items cités : 28 sur 28." in out


def test_candidate_is_looked_up_in_the_database(
    capsys: pytest.CaptureFixture[str], conform_pdf: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[tuple[str | None, str]] = []

    def lookup(db_url: str | None, candidate_id: str) -> Expected:
        asked.append((db_url, candidate_id))
        return Expected("Martin", "Paul", 2018)

    monkeypatch.setattr("c2i2e_jury.cli.dossier.lookup_candidate", lookup)
    code = main(
        ["--db", "sqlite:///campagne.db", "dossier", "check", str(conform_pdf), "--candidate", "E042"]
    )
    out = capsys.readouterr().out
    assert asked == [("sqlite:///campagne.db", "E042")]
    assert code == 1
    assert "Page 1 : ni le nom ni le prénom de MARTIN Paul." in out
    assert "Page 1 : l'année 2018 n'apparaît pas." in out


def test_name_needs_a_year(capsys: pytest.CaptureFixture[str], conform_pdf: Path) -> None:
    assert main(["dossier", "check", str(conform_pdf), "--name", "DUPONT Élodie"]) == 1
    assert "--year" in capsys.readouterr().err


def test_candidate_and_name_exclude_each_other(conform_pdf: Path) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["dossier", "check", str(conform_pdf), "--candidate", "E1", "--name", "DUPONT Élodie"])
    assert stop.value.code == 2


@pytest.mark.parametrize(
    ("display", "last", "first"),
    [
        ("DUPONT Élodie", "DUPONT", "Élodie"),
        ("Élodie DUPONT", "DUPONT", "Élodie"),
        ("LE GALL Marie-Anne", "LE GALL", "Marie-Anne"),
        ("Dupont Élodie", "Dupont", "Élodie"),
    ],
)
def test_display_names(display: str, last: str, first: str) -> None:
    expected = Expected.from_display_name(display, 2017)
    assert (expected.last_name, expected.first_name, expected.year) == (last, first, 2017)


def test_a_real_process_prints_no_traceback_and_no_mupdf_chatter(
    truncated_pdf: Path, encrypted_pdf: Path, tmp_path: Path
) -> None:
    env = {**os.environ, "C2I2E_DATA_DIR": str(tmp_path)}
    for pdf in (truncated_pdf, encrypted_pdf):
        done = subprocess.run(
            [sys.executable, "-m", "c2i2e_jury", "dossier", "check", str(pdf)],
            capture_output=True,
            text=True,
            env=env,
            timeout=60,
            check=False,
        )
        assert done.returncode == 2, done.stdout + done.stderr
        assert done.stderr == ""
        assert "illisible ou endommagé" in done.stdout
