"""Campaign package import (docs/FORMATS.md §1) on real files, on SQLite and on PostgreSQL."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from c2i2e_jury.exchange.package.reader import PackageError
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Candidate, Decision, EvaluatorMark, PriorItem
from tests.exchange.package.factory import CANDIDATES, write_package


def snapshot(db) -> dict:
    """Everything an import may touch, to prove a refused package changed nothing."""
    with db.read() as s:
        return {
            "campaigns": s.scalars(select(Campaign.package_sha256)).all(),
            "candidates": sorted(
                (c.candidate_id, c.last_name, c.oral_time) for c in s.scalars(select(Candidate))
            ),
            "marks": s.scalar(select(func.count()).select_from(EvaluatorMark)),
            "prior": s.scalar(select(func.count()).select_from(PriorItem)),
        }


def test_a_package_is_imported_whole(database, tmp_path):
    store = DossierStore(tmp_path / "store")
    report = import_package(database, write_package(tmp_path / "pkg"), store)
    assert report.status == "created"
    assert (report.candidates, report.dossiers) == (3, 2)
    with database.read() as s:
        c1 = s.scalars(select(Candidate).where(Candidate.candidate_id == "C1")).one()
        assert (c1.last_name, c1.first_name) == ("Lefèvre", "Élodie")
        assert len(c1.marks) == 28
        assert {m.item: m.mark for m in c1.marks}["A3.2"] == "NV"
        assert [(p.item, p.year, p.copy_deposited, p.original_received) for p in c1.prior] == [
            ("B4.3", 2016, True, True)
        ]
        assert store.path(c1.dossier.sha256).read_bytes()[:5] == b"%PDF-"
        c2 = s.scalars(select(Candidate).where(Candidate.candidate_id == "C2")).one()
        assert (c2.oral_date.isoformat(), c2.oral_time, c2.extra_time_percent) == ("2017-06-12", "09:15", 33)
        c3 = s.scalars(select(Candidate).where(Candidate.candidate_id == "C3")).one()
        assert not c3.deposited and c3.dossier is None


def test_the_same_package_twice_changes_nothing(database, tmp_path):
    package = write_package(tmp_path / "pkg")
    import_package(database, package, DossierStore(tmp_path / "store"))
    before = snapshot(database)
    report = import_package(database, package, DossierStore(tmp_path / "store"))
    assert report.status == "unchanged"
    assert snapshot(database) == before


def test_the_same_package_as_a_zip_with_a_top_folder_changes_nothing(database, tmp_path):
    package = write_package(tmp_path / "pkg")
    import_package(database, package, DossierStore(tmp_path / "store"))
    archive = tmp_path / "pkg.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for file in package.rglob("*"):
            if file.is_file():
                z.write(file, "campagne-2017/" + file.relative_to(package).as_posix())
    assert import_package(database, archive, DossierStore(tmp_path / "store")).status == "unchanged"


def test_a_newer_package_updates_without_touching_decisions(database, tmp_path):
    import_package(database, write_package(tmp_path / "v1"), DossierStore(tmp_path / "store"))
    with database.session() as s:
        c1 = s.scalars(select(Candidate).where(Candidate.candidate_id == "C1")).one()
        s.add(
            Decision(
                candidate_pk=c1.pk,
                item="A3.2",
                decision="V",
                justification="Maîtrise montrée à l'oral",
                updated_at=datetime.now(UTC),
            )
        )
    marks = [
        f"{cid};{code};V;ok"
        for cid in ("C1", "C2")
        for code in __import__("c2i2e_jury.resources_access").resources_access.referential().codes
    ]
    newer = write_package(
        tmp_path / "v2",
        marks=marks,
        candidates=[
            *CANDIDATES[:2],
            CANDIDATES[2].replace("10:00", "10:45"),
            "C4;Martin;Noël;noel@example.fr;;non;non;;;;;;",
        ],
    )
    report = import_package(database, newer, DossierStore(tmp_path / "store"))
    assert report.status == "updated"
    assert "C4 : nouveau candidat" in report.changes
    assert "C1 A3.2 : note de l'évaluateur NV → V" in report.changes
    assert any(c.startswith("C3 : oral_time '10:00' → '10:45'") for c in report.changes)
    with database.read() as s:
        decision = s.scalars(select(Decision)).one()
        assert (decision.item, decision.decision, decision.justification) == (
            "A3.2",
            "V",
            "Maîtrise montrée à l'oral",
        )
        assert s.scalar(select(func.count()).select_from(Candidate)) == 4


def test_windows_1252_with_commas_and_yes_no(database, tmp_path):
    rows = [r.replace("oui", "yes").replace("non", "no") for r in CANDIDATES]
    package = write_package(tmp_path / "pkg", candidates=rows, encoding="cp1252", delimiter=",")
    import_package(database, package, DossierStore(tmp_path / "store"))
    with database.read() as s:
        names = sorted(s.scalars(select(Candidate.first_name)))
    assert names == ["François", "Maëlle", "Élodie"]


def test_xlsx_sheets_are_read_like_csv(database, tmp_path):
    from openpyxl import Workbook

    package = write_package(tmp_path / "pkg")
    for stem in ("candidates", "marks"):
        csv_file = package / f"{stem}.csv"
        workbook = Workbook()
        for line in csv_file.read_text(encoding="utf-8-sig").splitlines():
            workbook.active.append(line.split(";"))
        workbook.save(package / f"{stem}.xlsx")
        csv_file.unlink()
    report = import_package(database, package, DossierStore(tmp_path / "store"))
    assert (report.candidates, report.dossiers) == (3, 2)


DEFECTS = {
    "unknown item code": (
        dict(marks=["C1;Z9.9;V;"]),
        "marks.csv, ligne 2, colonne item: code de compétence inconnu",
    ),
    "unknown mark value": (
        dict(marks=["C1;A1.1;Validé;"]),
        "marks.csv, ligne 2, colonne evaluator_mark: V, NV ou vide",
    ),
    "unknown yes/no value": (
        dict(candidates=[CANDIDATES[0].replace(";oui;non;", ";peut-être;non;")]),
        "candidates.csv, ligne 2, colonne deposited: oui/non",
    ),
    "duplicate ids": (
        dict(candidates=[*CANDIDATES, CANDIDATES[0]], marks=[]),
        "candidates.csv, ligne 5, colonne candidate_id: identifiant de candidat en double",
    ),
    "dossier missing": (
        dict(candidates=[CANDIDATES[0].replace("c1.pdf", "absent.pdf")], marks=[], prior=[]),
        "candidates.csv, ligne 2, colonne dossier: dossier indiqué mais absent",
    ),
    "invalid oral date": (
        dict(candidates=[CANDIDATES[0].replace("2017-06-12", "31/02/2017")], marks=[], prior=[]),
        "candidates.csv, ligne 2, colonne oral_date: date invalide",
    ),
    "invalid campaign date": (
        dict(
            campaign={
                "format": "c2i2e-campaign/1",
                "id": "x",
                "title": "t",
                "year": 2017,
                "deposit_opens": "10/05/2017",
                "deposit_closes": "2017-05-17",
                "orals_from": "2017-06-12",
                "orals_to": "2017-07-07",
            }
        ),
        "campaign.json, colonne deposit_opens: date invalide",
    ),
    "dossier path escapes": (
        dict(candidates=[CANDIDATES[0].replace("c1.pdf", "../../etc/passwd")], marks=[], prior=[]),
        "colonne dossier: chemin qui sort du paquet",
    ),
    "unknown candidate in marks": (dict(marks=["C9;A1.1;V;"]), "marks.csv, ligne 2, colonne candidate_id"),
}


@pytest.mark.parametrize("defect", DEFECTS)
def test_each_defect_is_refused_and_nothing_changes(database, tmp_path, defect):
    import_package(database, write_package(tmp_path / "good"), DossierStore(tmp_path / "store"))
    before = snapshot(database)
    kwargs, expected = DEFECTS[defect]
    bad = write_package(tmp_path / "bad", **kwargs)
    with pytest.raises(PackageError) as caught:
        import_package(database, bad, DossierStore(tmp_path / "store"))
    assert "rien n'a été enregistré" in caught.value.message
    assert any(expected in line for line in caught.value.details), caught.value.details
    assert snapshot(database) == before


def test_a_non_pdf_dossier_is_refused(database, tmp_path):
    package = write_package(tmp_path / "pkg")
    (package / "dossiers" / "c2.pdf").write_bytes(b"PK\x03\x04 a Word document renamed")
    with pytest.raises(PackageError) as caught:
        import_package(database, package, DossierStore(tmp_path / "store"))
    assert caught.value.details == [
        "candidates.csv, ligne 3, colonne dossier: ce n'est pas un fichier PDF ('c2.pdf')"
    ]


def test_every_problem_is_listed_at_once(database, tmp_path):
    bad = write_package(
        tmp_path / "bad",
        marks=["C1;Z9.9;V;", "C1;A1.1;OK;", "C7;A1.2;V;"],
        prior=["C1;A1.1;20x;oui;peut-être"],
    )
    with pytest.raises(PackageError) as caught:
        import_package(database, bad, DossierStore(tmp_path / "store"))
    assert len(caught.value.problems) == 5
    assert snapshot(database)["campaigns"] == []


def test_a_zip_that_tries_to_write_outside_is_refused(database, tmp_path):
    package = write_package(tmp_path / "pkg")
    archive = tmp_path / "evil" / "evil.zip"
    archive.parent.mkdir()
    with zipfile.ZipFile(archive, "w") as z:
        for file in package.rglob("*"):
            if file.is_file():
                z.write(file, file.relative_to(package).as_posix())
        z.writestr("../../escaped.txt", "pwned")
        z.writestr("/tmp/absolute-escape.txt", "pwned")
    store = DossierStore(tmp_path / "store")
    listing_before = sorted(p.name for p in tmp_path.rglob("*"))
    with pytest.raises(PackageError) as caught:
        import_package(database, archive, store)
    assert sum("chemin qui sort du paquet" in d for d in caught.value.details) == 2
    assert sorted(p.name for p in tmp_path.rglob("*")) == listing_before
    assert not Path("/tmp/absolute-escape.txt").exists()
    assert snapshot(database)["campaigns"] == []


def test_the_command_line_writes_a_refused_packages_problems_for_excel(database, db_url, tmp_path, capsys):
    from c2i2e_jury.cli import main
    from c2i2e_jury.exchange.tabular import read_csv

    bad = write_package(tmp_path / "bad", marks=["C1;Z9.9;V;", "C1;A1.1;Validé;"])
    out = tmp_path / "problemes.csv"
    assert main(["--db", db_url, "campaign", "import", str(bad), "--problems", str(out)]) == 1
    err = capsys.readouterr().err
    assert "rien n'a été enregistré" in err and str(out) in err
    table = read_csv("problemes.csv", out.read_bytes())
    assert table.columns == ("fichier", "ligne", "colonne", "valeur", "problème")
    assert [(r.get("fichier"), r.get("ligne"), r.get("colonne"), r.get("valeur")) for r in table.rows] == [
        ("marks.csv", "2", "item", "Z9.9"),
        ("marks.csv", "3", "evaluator_mark", "Validé"),
    ]
    assert (
        main(
            [
                "--db",
                db_url,
                "campaign",
                "import",
                str(write_package(tmp_path / "good")),
                "--problems",
                str(tmp_path / "unused.csv"),
            ]
        )
        == 0
    )
    assert not (tmp_path / "unused.csv").exists()  # written only for a refused package


def test_a_damaged_dossier_in_a_zip_is_refused_and_nothing_changes(database, tmp_path):
    from tests.exchange.package.test_robustness import patch_zip, zipped

    store = DossierStore(tmp_path / "store")
    archive = zipped(write_package(tmp_path / "pkg"), tmp_path / "pkg.zip")
    patch_zip(archive, "dossiers/c2.pdf", flip=True)  # its CRC only fails once read whole, when hashed
    with pytest.raises(PackageError) as caught:
        import_package(database, archive, store)
    assert len(caught.value.details) == 1
    assert caught.value.details[0].startswith("dossiers/c2.pdf: fichier abîmé dans l'archive (Bad CRC-32")
    assert snapshot(database)["campaigns"] == [] and list(store.root.iterdir()) == []


def test_a_data_folder_that_refuses_dossiers_is_one_sentence_and_nothing_changes(database, tmp_path):
    from c2i2e_jury.storage.dossier_store import DossierStoreError

    store = DossierStore(tmp_path / "store")
    store.root.rmdir()
    store.root.write_bytes(
        b""
    )  # not a folder any more: every write fails (tests run as root: chmod would not)
    with pytest.raises(DossierStoreError) as caught:
        import_package(database, write_package(tmp_path / "pkg"), store)
    assert caught.value.message.startswith("Impossible d'enregistrer le dossier dossiers/c")
    assert caught.value.message.endswith(
        ": un élément du chemin n'est pas un dossier."
    )  # French, not strerror's
    assert snapshot(database) == {"campaigns": [], "candidates": [], "marks": 0, "prior": 0}


def test_storing_dossiers_is_all_or_nothing(tmp_path):
    import hashlib

    from c2i2e_jury.storage.dossier_store import DossierStoreError, Incoming

    store = DossierStore(tmp_path / "store")
    good = Incoming(None, lambda: [b"%PDF-1.7 one"], "one.pdf")
    changed = Incoming(None, lambda: [b"%PDF-1.7 two, changed since hashed"], "two.pdf")
    files = [
        (good, hashlib.sha256(b"%PDF-1.7 one").hexdigest()),
        (changed, hashlib.sha256(b"two").hexdigest()),
    ]
    with pytest.raises(DossierStoreError, match="Impossible d'enregistrer le dossier two.pdf"):
        store.put_all(files)
    assert list(store.root.iterdir()) == []  # one.pdf, stored first, removed again


@pytest.mark.parametrize("hostile", ["dossier bomb", "NUL in the title", "surrogate in the title"])
def test_a_hostile_package_is_refused_without_touching_the_database_or_the_store(database, tmp_path, hostile):
    """Issue 16: a 600 MB dossier 0.6 MB zipped was imported (and overflowed dossier.size on PostgreSQL); a NUL
    or half a surrogate pair in campaign.json ended in the database's own error."""
    import json

    from tests.exchange.package.factory import CAMPAIGN
    from tests.exchange.package.zipcraft import Member, bomb_member, build_zip

    store = DossierStore(tmp_path / "store")
    import_package(database, write_package(tmp_path / "first"), store)
    before, files = snapshot(database), sorted(store.root.iterdir())
    folder = write_package(tmp_path / "pkg", campaign={**CAMPAIGN, "title": "@"})
    title = {
        "dossier bomb": '"Campagne"',
        "NUL in the title": '"A\\u0000B"',
        "surrogate in the title": '"\\udc80"',
    }
    (folder / "campaign.json").write_text(
        json.dumps({**CAMPAIGN, "title": "@"}).replace('"@"', title[hostile])
    )
    parts = [
        Member(p.relative_to(folder).as_posix().encode(), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file() and (hostile != "dossier bomb" or p.name != "c1.pdf")
    ]
    if hostile == "dossier bomb":
        parts.append(bomb_member(b"dossiers/c1.pdf", b"%PDF-1.7\n", b"\x00", 600_000_000))
    (tmp_path / "pkg.zip").write_bytes(build_zip(parts))
    with pytest.raises(PackageError) as caught:
        import_package(database, tmp_path / "pkg.zip", store)
    where = (
        "candidates.csv, ligne 2, colonne dossier"
        if hostile == "dossier bomb"
        else "campaign.json, colonne title"
    )
    assert [d.split(":")[0] for d in caught.value.details] == [where], caught.value.details
    assert (snapshot(database), sorted(store.root.iterdir())) == (before, files)
