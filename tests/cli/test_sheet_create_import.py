"""``sheet create`` (the paper fallback), ``sheet export`` and ``sheet import`` as the secretariat runs them, on
real SQLite files with real credentials issued today (the commands sign at the real time)."""

from __future__ import annotations

import csv
import io
import sys
from datetime import date

import pytest

from c2i2e_jury.cli import main
from c2i2e_jury.services import jury_room
from c2i2e_jury.storage.database import open_database
from tests.exchange.package.factory import CAMPAIGN
from tests.services.sheet_factory import PASSPHRASES, current_pki, import_with_pki


@pytest.fixture(autouse=True)
def _no_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    for name in ("C2I2E_PASSPHRASE_1", "C2I2E_PASSPHRASE_2"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return current_pki(tmp_path_factory.mktemp("pki"))


# The commands sign at the real time: the campaign is this year's, or its sheets could not be signed today (a
# campaign's sheets are signed from its deposit's opening to the end of the next year: issue 11 §3).
THIS_YEAR = {**CAMPAIGN, "year": date.today().year}


@pytest.fixture
def room_db(tmp_path, pki):
    """A room's database file with the campaign, its authority and jury J1's jurors."""
    path = tmp_path / "salle.sqlite"
    db = open_database(str(path))
    pks = import_with_pki(db, tmp_path / "kit", pki, campaign=THIS_YEAR)
    yield str(path), db, pks
    db.dispose()


@pytest.fixture
def passphrases(monkeypatch):
    for env, value in zip(("C2I2E_PASSPHRASE_1", "C2I2E_PASSPHRASE_2"), PASSPHRASES, strict=True):
        monkeypatch.setenv(env, value)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def decisions_csv(path, referential, *, skip=("B4.3",), nv=("A3.2",), extra=""):
    rows = ["item;decision;comment"] + [
        f"{code};{'NV' if code in nv else 'V'};" for code in referential.codes if code not in skip
    ]
    path.write_text("\r\n".join(rows) + extra, encoding="utf-8-sig")
    return path


def create(capsys, room_db, pki, tmp_path, candidate, *extra):
    path, _db, _pks = room_db
    return run(
        capsys,
        "--db",
        path,
        "sheet",
        "create",
        candidate,
        "--sign",
        pki.juror_p12[0],
        "--sign",
        pki.juror_p12[1],
        *extra,
    )


def test_a_paper_sheet_is_recorded_signed_and_verifies_against_the_database(
    room_db, pki, tmp_path, capsys, referential, passphrases
):
    path, db, pks = room_db
    out = tmp_path / "C1.pdf"
    code, stdout, err = create(
        capsys,
        room_db,
        pki,
        tmp_path,
        "C1",
        "--decisions",
        decisions_csv(tmp_path / "papier.csv", referential),
        "--out",
        out,
    )
    assert code == 0, err
    assert "version 1, signée par Benoît Œhlenschläger et Zoé Mäkelä-Garçon" in stdout
    assert "27 compétences validées sur 28 ; certificat proposé" in stdout
    assert jury_room.candidate_file(db, pks["C1"]).locked
    code, stdout, err = run(
        capsys, "--db", path, "sheet", "verify", out
    )  # no --trust: the database's authority
    assert code == 0, err
    assert "feuille valide" in stdout
    code, _, err = create(
        capsys,
        room_db,
        pki,
        tmp_path,
        "C1",
        "--decisions",
        tmp_path / "papier.csv",
        "--out",
        tmp_path / "encore.pdf",
    )
    assert code == 1
    assert "déjà signée" in err
    assert not (tmp_path / "encore.pdf").exists()


def test_a_wrong_passphrase_stops_before_anything_is_written(
    room_db, pki, tmp_path, capsys, referential, monkeypatch
):
    _path, db, pks = room_db
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", PASSPHRASES[0])
    monkeypatch.setenv("C2I2E_PASSPHRASE_2", "pas la bonne")
    code, _, err = create(
        capsys,
        room_db,
        pki,
        tmp_path,
        "C1",
        "--decisions",
        decisions_csv(tmp_path / "papier.csv", referential),
        "--out",
        tmp_path / "C1.pdf",
    )
    assert code == 1
    assert "Phrase de passe incorrecte pour jure2.p12" in err
    assert "Traceback" not in err
    assert not (tmp_path / "C1.pdf").exists()
    file = jury_room.candidate_file(db, pks["C1"])
    assert not file.locked and all(row.decision is None for row in file.items)


def test_the_workspace_rules_apply_to_paper(room_db, pki, tmp_path, capsys, referential, passphrases):
    csv_path = decisions_csv(tmp_path / "papier.csv", referential, nv=(), extra="\r\nB4.3;V;")
    code, _, err = create(
        capsys, room_db, pki, tmp_path, "C1", "--decisions", csv_path, "--out", tmp_path / "x.pdf"
    )
    assert code == 1
    assert "A3.2 diffère de l'évaluateur (NV) : une justification" in err
    assert "B4.3 est acquise par une validation antérieure" in err
    code, _, err = create(
        capsys, room_db, pki, tmp_path, "C3", "--decisions", csv_path, "--out", tmp_path / "x.pdf"
    )
    assert code == 1
    assert "n'est pas admis" in err
    code, out, err = create(capsys, room_db, pki, tmp_path, "C3", "--out", tmp_path / "C3.pdf")
    assert code == 0, err
    code, out, err = create(capsys, room_db, pki, tmp_path, "C2", "--absent", "--out", tmp_path / "C2.pdf")
    assert code == 0, err
    assert "0 compétences validées sur 28 ; certificat non proposé" in out
    code, _, err = create(capsys, room_db, pki, tmp_path, "C9", "--out", tmp_path / "C9.pdf")
    assert (code, err.strip()) == (1, "c2i2e-jury: Candidat n° C9 introuvable.")


def test_export_then_import_into_the_secretariat(room_db, pki, tmp_path, capsys, referential, passphrases):
    path, _db, _pks = room_db
    assert (
        create(
            capsys,
            room_db,
            pki,
            tmp_path,
            "C1",
            "--decisions",
            decisions_csv(tmp_path / "papier.csv", referential),
            "--out",
            tmp_path / "C1.pdf",
        )[0]
        == 0
    )
    assert create(capsys, room_db, pki, tmp_path, "C3", "--out", tmp_path / "C3.pdf")[0] == 0
    key = tmp_path / "cle"
    code, out, err = run(
        capsys, "--db", path, "sheet", "export", key, "--room", "B112", "--day", "2017-06-12"
    )
    assert code == 0, err
    assert "2 feuilles signées copiées" in out
    assert "non exportée : C2 DUPONT François (aucune feuille signée)" in out
    assert sorted(p.name for p in key.iterdir()) == [
        "2017-06-12_B112_C1_v1.pdf",
        "2017-06-12_B112_C3_v1.pdf",
        "index.csv",
        "index.xlsx",
    ]  # issue 13: also a workbook

    secretariat = tmp_path / "secretariat.sqlite"
    db = open_database(str(secretariat))
    import_with_pki(db, tmp_path / "pkg", pki, campaign=THIS_YEAR)
    db.dispose()
    report = tmp_path / "rapport.csv"
    code, out, err = run(capsys, "--db", secretariat, "sheet", "import", key, "--report", report)
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].endswith("2017-06-12_B112_C1_v1.pdf : importée — C1 v1 — Première version.")
    assert lines[-1] == f"2 fichiers : 2 importées. Rapport : {report}"
    (tmp_path / "abimee.pdf").write_bytes((key / "2017-06-12_B112_C1_v1.pdf").read_bytes()[:-400])
    code, out, err = run(capsys, "--db", secretariat, "sheet", "import", key, tmp_path / "abimee.pdf")
    assert code == 1
    assert "2 doublons, 1 refusée" in out
    rows = list(csv.DictReader(io.StringIO(report.read_text("utf-8-sig")), delimiter=";"))
    assert [r["status"] for r in rows] == ["imported", "imported"]


def test_verify_without_trust_names_the_missing_campaign(room_db, tmp_path, capsys, referential):
    from tests.exchange.signing_factory import make_pki
    from tests.services.sheet_factory import make_sheet

    other = make_pki(tmp_path / "autre")
    sheet = tmp_path / "lyon.pdf"
    sheet.write_bytes(make_sheet(referential, other.jurors, "C1", campaign="lyon-2017"))
    code, _, err = run(capsys, "--db", room_db[0], "sheet", "verify", sheet)
    assert code == 1
    assert "Aucune autorité donnée : utiliser --trust authority.pem (La campagne « lyon-2017 »" in err
