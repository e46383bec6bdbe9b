"""``campaign progress``, ``campaign convocations OUT_DIR`` and ``campaign register FILE`` on the demo campaign
(its deposit closed in 2017: the admission list is final)."""

import csv
import io
import shutil

import pytest

from c2i2e_jury.cli import main
from tests.services.review_factory import demo_template_fixture  # noqa: F401


@pytest.fixture
def demo_file(demo_template, tmp_path):
    copy = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, copy)
    return copy


def test_progress_prints_the_counts_and_names_each_candidate_not_admitted(demo_file, tmp_path, capsys):
    out_file = tmp_path / "admission.csv"
    assert main(["--db", str(demo_file), "campaign", "progress", "-o", str(out_file)]) == 0
    out = capsys.readouterr().out
    assert "12 candidats : 11 dossiers déposés" in out
    assert "1 re-travail demandé (0 redéposés, 1 en attente) ; 1 non déposés." in out
    assert "Liste d'admission (définitive) : 10 admis." in out
    assert "Non admis : PERRIN Solène (C2017-011) — abandon (dossier non déposé)" in out
    assert "abandon (dossier non redéposé après la demande de re-travail)" in out
    rows = list(csv.reader(io.StringIO(out_file.read_bytes().decode("utf-8-sig")), delimiter=";"))
    assert rows[0][:6] == ["Identifiant", "Nom", "Prénom", "Courriel", "Admis à l'oral", "Motif"]
    assert [r[4] for r in rows[1:]].count("oui") == 10
    assert rows[-1][:3] == ["C2017-011", "PERRIN", "Solène"] and rows[-1][4:6] == [
        "non",
        "abandon (dossier non déposé)",
    ]


def test_convocations_writes_a_letter_per_admitted_candidate_and_the_mail_merge(demo_file, tmp_path, capsys):
    out_dir = tmp_path / "convocations"
    assert main(["--db", str(demo_file), "campaign", "convocations", str(out_dir)]) == 0
    out = capsys.readouterr().out
    assert f"10 convocations écrites dans {out_dir}" in out
    assert "Non convoqué : PERRIN Solène (C2017-011) — abandon (dossier non déposé)" in out
    letters = sorted(p.name for p in out_dir.glob("convocation_*.pdf"))
    assert len(letters) == 10 and all(p.read_bytes().startswith(b"%PDF-1.7") for p in out_dir.glob("*.pdf"))
    merge = (out_dir / "convocations-publipostage.csv").read_bytes().decode("utf-8-sig").split("\r\n")
    assert sorted(line.split(";")[-1] for line in merge[1:] if line) == letters


def test_register_exports_the_whole_register_and_a_bad_path_is_one_sentence(demo_file, tmp_path, capsys):
    target = tmp_path / "registre.csv"
    assert main(["--db", str(demo_file), "campaign", "register", str(target)]) == 0
    assert target.read_bytes().decode("utf-8-sig").startswith("Registre;N°;Identifiant;Candidat")
    assert (
        main(["--db", str(demo_file), "campaign", "register", str(tmp_path / "no" / "such" / "r.csv")]) == 1
    )
    err = capsys.readouterr().err
    assert "n'a pas pu être écrit" in err and "Traceback" not in err
