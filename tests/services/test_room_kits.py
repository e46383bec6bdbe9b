"""Room kits on the demo campaign, with real credentials, on SQLite and on PostgreSQL: one kit per room holding
only its candidates, dossiers byte for byte, an attendance sheet a person can read, kits that import cleanly
into an empty database and change nothing in the secretariat's."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select, update
from sqlalchemy.orm import selectinload

from c2i2e_jury import cli
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.package.reader import read_package
from c2i2e_jury.exchange.package.writer import write_csv
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.room_kits import export_room_kits
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Candidate, Decision, Juror
from tests.demo_package import demo_package as copy_of_demo_package

CAMPAIGN = "grenoble-2017"
ROOMS = ("Salle B112", "Salle B114")
J1 = ("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")


@pytest.fixture(scope="module")
def demo_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo campaign plus an authority, jury J1's two jurors with their certificates and jury J2's two
    jurors, who have none yet (a jury has exactly two jurors: issue 11 §3)."""
    out = copy_of_demo_package(tmp_path_factory.mktemp("demo") / "package")
    authority = credentials.create_authority("Autorité C2i2e Grenoble 2017")
    (out / "authority.pem").write_bytes(credentials.certificate_pem(authority.certificate))
    (out / "certs").mkdir()
    rows = []
    for i, name in enumerate(J1, start=1):
        cert = credentials.issue_credential(authority, name, f"jure{i}@univ-grenoble-alpes.fr").certificate
        (out / "certs" / f"jure{i}.pem").write_bytes(credentials.certificate_pem(cert))
        rows.append(("J1", name, f"jure{i}@univ-grenoble-alpes.fr", f"certs/jure{i}.pem"))
    rows.append(("J2", "Hélène Dupré", "helene.dupre@univ-grenoble-alpes.fr", ""))
    rows.append(("J2", "Marc Petit", "marc.petit@univ-grenoble-alpes.fr", ""))
    write_csv(out / "jurors.csv", ("jury", "name", "email", "certificate"), rows)
    return out


@pytest.fixture
def store(tmp_path) -> DossierStore:
    return DossierStore(tmp_path / "store")


@pytest.fixture
def secretariat(database, demo_package, store):
    import_package(database, demo_package, store)
    return database


def room_content(db, room: str | None = None) -> dict:
    """What a kit must carry, as plain values: candidates with marks, prior items and dossier hashes; the
    campaign's authority; jurors."""
    with db.read() as s:
        query = select(Candidate).options(
            selectinload(Candidate.marks), selectinload(Candidate.prior), selectinload(Candidate.dossier)
        )
        if room is not None:
            query = query.where(Candidate.room == room)
        candidates = {
            c.candidate_id: (
                c.last_name,
                c.first_name,
                c.email,
                c.deposited,
                c.rework_pending,
                c.oral_date,
                c.oral_time,
                c.room,
                c.jury,
                c.evaluator,
                c.extra_time_percent,
                c.dossier.sha256 if c.dossier else None,
                c.dossier.size if c.dossier else None,
                sorted((m.item, m.mark, m.comment) for m in c.marks),
                sorted((p.item, p.year, p.copy_deposited, p.original_received) for p in c.prior),
            )
            for c in s.scalars(query)
        }
        juries = {v[8] for v in candidates.values()}
        jurors = sorted(
            (j.jury, j.name, j.email, j.certificate_pem)
            for j in s.scalars(select(Juror))
            if room is None or j.jury in juries
        )
        campaign = s.get(Campaign, CAMPAIGN)
        return {
            "candidates": candidates,
            "jurors": jurors,
            "authority": campaign.authority_pem,
            "title": campaign.title,
            "dates": (campaign.orals_from, campaign.orals_to),
        }


def test_two_rooms_give_two_kits_each_with_only_its_candidates(secretariat, store, tmp_path):
    kits = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store)
    assert [(k.room, k.slug) for k in kits] == [("Salle B112", "salle-b112"), ("Salle B114", "salle-b114")]
    assert sorted(p.name for p in (tmp_path / "kits").iterdir()) == ["salle-b112", "salle-b114"]
    for kit in kits:
        expected = room_content(secretariat, kit.room)
        assert set(kit.candidate_ids) == set(expected["candidates"]) and len(kit.candidate_ids) == 6
        package = read_package(kit.folder, _referential())
        try:
            assert {c.candidate_id for c in package.candidates} == set(expected["candidates"])
            assert {c.room for c in package.candidates} == {kit.room}
            assert [(j.jury, j.name, j.email, j.certificate_pem) for j in package.jurors] == expected[
                "jurors"
            ]
            assert package.authority_pem == expected["authority"]
        finally:
            package.close()
    b112, b114 = kits
    assert b112.jurors == tuple(f"J1 : {name}" for name in sorted(J1)) and b112.warnings == ()
    assert b114.jurors == ("J2 : Hélène Dupré", "J2 : Marc Petit")
    assert b114.warnings == (
        "Salle B114 : Hélène Dupré (jury J2) n'a pas de certificat de signature",
        "Salle B114 : Marc Petit (jury J2) n'a pas de certificat de signature",
    )
    certificates = sorted(p.name for p in (b112.folder / "certificates").iterdir())
    assert certificates == ["j1-benoit-oehlenschlager.pem", "j1-zoe-makela-garcon.pem"]


def test_dossiers_are_copied_byte_for_byte(secretariat, store, demo_package, tmp_path):
    kits = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store)
    originals = {p.name: p.read_bytes() for p in (demo_package / "dossiers").iterdir()}
    copied = {p.name: p.read_bytes() for kit in kits for p in (kit.folder / "dossiers").iterdir()}
    assert copied == originals  # every dossier once, in its own room, the same bytes
    assert sum(k.dossiers for k in kits) == len(originals) == 11


def test_the_attendance_sheet_lists_the_room_day_by_day_in_time_order(secretariat, store, tmp_path):
    kit = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store)[0]
    assert kit.attendance_pdf == kit.folder / "emargement-salle-b112.pdf"
    with pymupdf.open(kit.attendance_pdf) as pdf:
        assert pdf.page_count == 2  # two days, three candidates each
        first, second = (page.get_text() for page in pdf)
    assert "Salle B112 — lundi 12 juin 2017" in first
    assert "Feuille d'émargement — Salle B112 — 12/06/2017" in first and "Page 1/2" in first
    assert "Feuille d'émargement — Salle B112 — 13/06/2017" in second and "Page 2/2" in second
    assert "Jury J1 — " + ", ".join(sorted(J1)) in first
    day_one = [
        "08:30",
        "MARCHAND",
        "Élodie",
        "09:15",
        "GIRARD",
        "Maëlle",
        "+33 %",
        "10:00",
        "BERTRAND",
        "Noël",
    ]
    positions = [first.index(text) for text in day_one]
    assert positions == sorted(positions)
    day_two = [
        "08:30",
        "FONTAINE",
        "Inès",
        "09:15",
        "ROUSSEAU",
        "Amélie",
        "10:00",
        "PERRIN",
        "Solène",
        "dossier non déposé",
    ]
    positions = [second.index(text) for text in day_two]
    assert positions == sorted(positions)
    assert "Lefèvre" not in first + second and "LEFÈVRE" not in first + second  # Gaëlle sits in B114


def test_a_kit_imports_cleanly_into_an_empty_database(secretariat, store, tmp_path):
    kits = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store, zip=True)
    for kit in kits:
        assert kit.zip_path == tmp_path / "kits" / f"{kit.slug}.zip"
        for source in (kit.folder, kit.zip_path):
            room_db = open_database(f"sqlite:///{tmp_path / (kit.slug + source.suffix + '.sqlite')}")
            room_store = DossierStore(tmp_path / f"store-{kit.slug}{source.suffix}")
            try:
                report = import_package(room_db, source, room_store)
                assert (report.status, report.candidates) == ("created", 6)
                assert room_content(room_db) == room_content(secretariat, kit.room)
                with room_db.read() as s:
                    hashes = [c.dossier.sha256 for c in s.scalars(select(Candidate)) if c.dossier]
                assert all(room_store.path(h).read_bytes() == store.path(h).read_bytes() for h in hashes)
                assert import_package(room_db, source, room_store).status == "unchanged"
            finally:
                room_db.dispose()


def test_importing_a_kit_into_the_secretariat_database_changes_nothing(secretariat, store, tmp_path):
    with secretariat.session() as s:  # a jury's decision on a candidate of the other room must survive
        other = s.scalars(select(Candidate).where(Candidate.room == ROOMS[1])).first()
        s.add(Decision(candidate_pk=other.pk, item="A1.1", decision="V", updated_at=datetime.now(UTC)))
    before = room_content(secretariat)
    kit = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store)[0]
    report = import_package(secretariat, kit.folder, store)
    assert room_content(secretariat) == before
    assert report.status == "unchanged"
    assert report.changes == []
    with secretariat.read() as s:
        assert s.scalars(select(Decision.decision)).all() == ["V"]


def test_room_names_become_safe_folder_names(secretariat, store, tmp_path):
    with secretariat.session() as s:
        s.execute(update(Candidate).where(Candidate.room == ROOMS[0]).values(room="../Bât. C / 2ᵉ étage"))
        s.execute(update(Candidate).where(Candidate.room == ROOMS[1]).values(room="Bat C-2e  etage"))
    out = tmp_path / "deep" / "kits"
    kits = export_room_kits(secretariat, CAMPAIGN, out, store)
    assert [k.slug for k in kits] == ["bat-c-2e-etage", "bat-c-2e-etage-2"]
    assert sorted(p.name for p in out.iterdir()) == ["bat-c-2e-etage", "bat-c-2e-etage-2"]
    assert sorted(p.name for p in (tmp_path / "deep").iterdir()) == ["kits"]  # nothing beside out_dir
    with pymupdf.open(kits[0].attendance_pdf) as pdf:
        text = pdf[0].get_text()
    # issue 13: printed as written (DejaVu has « ᵉ »; Vera's fallback printed « 2e »)
    assert "../Bât. C / 2ᵉ étage — lundi 12 juin 2017" in text
    assert "Feuille d'émargement — ../Bât. C / 2ᵉ étage — 12/06/2017" in text


def test_candidates_without_a_room_get_their_own_kit(secretariat, store, tmp_path):
    with secretariat.session() as s:
        s.execute(update(Candidate).where(Candidate.candidate_id == "C2017-011").values(room=""))
    kits = export_room_kits(secretariat, CAMPAIGN, tmp_path / "kits", store)
    assert [(k.slug, k.candidate_ids) for k in kits][-1] == ("sans-salle", ("C2017-011",))
    assert kits[-1].warnings[0] == "1 candidat(s) sans salle attribuée"
    with pymupdf.open(kits[-1].attendance_pdf) as pdf:
        assert "Salle non attribuée" in pdf[0].get_text()


def test_nothing_is_written_when_a_kit_is_there_already_or_a_dossier_is_missing(secretariat, store, tmp_path):
    out = tmp_path / "kits"
    (out / "salle-b114").mkdir(parents=True)
    (out / "salle-b114" / "notes.txt").write_text("à garder", encoding="utf-8")
    with pytest.raises(UserError) as refused:
        export_room_kits(secretariat, CAMPAIGN, out, store)
    assert any("salle-b114 existe déjà" in d for d in refused.value.details)
    assert sorted(p.name for p in out.iterdir()) == ["salle-b114"]
    shutil.rmtree(out)
    with secretariat.read() as s:
        victim = s.scalars(select(Candidate).where(Candidate.candidate_id == "C2017-003")).one()
        store.path(victim.dossier.sha256).unlink()
    with pytest.raises(UserError) as refused:
        export_room_kits(secretariat, CAMPAIGN, out, store)
    assert refused.value.details == [
        f"C2017-003 (Girard Maëlle) : dossier absent ou incomplet dans le dossier de données ({store.root})"
    ]
    assert not out.exists()


def test_the_campaign_is_the_only_one_or_named(database, store, tmp_path):
    with pytest.raises(UserError, match="Aucune campagne"):
        export_room_kits(database, None, tmp_path / "kits", store)
    with pytest.raises(UserError, match="Campagne inconnue"):
        export_room_kits(database, "nope", tmp_path / "kits", store)
    assert not (tmp_path / "kits").exists()


def test_the_command_line_writes_the_kits(demo_package, tmp_path, capsys):
    db = str(tmp_path / "secretariat.sqlite")
    assert cli.main(["--db", db, "campaign", "import", str(demo_package)]) == 0
    assert cli.main(["--db", db, "campaign", "kits", str(tmp_path / "kits"), "--zip"]) == 0
    out = capsys.readouterr().out
    assert (
        "Salle B112 : " in out
        and "(6 candidats, 5 dossiers, 2 jurés), émargement emargement-salle-b112.pdf, archive salle-b112.zip"
        in out
    )
    assert "attention : Salle B114 : Hélène Dupré (jury J2) n'a pas de certificat de signature" in out
    assert sorted(p.name for p in (tmp_path / "kits").iterdir()) == [
        "salle-b112",
        "salle-b112.zip",
        "salle-b114",
        "salle-b114.zip",
    ]
    assert cli.main(["--db", db, "campaign", "kits", str(tmp_path / "kits"), "--campaign", CAMPAIGN]) == 1
    assert "rien n'a été écrit" in capsys.readouterr().err


def _referential():
    from c2i2e_jury.resources_access import referential

    return referential()


def test_a_file_or_a_path_through_a_file_is_one_sentence_and_nothing_written(secretariat, store, tmp_path):
    from c2i2e_jury.services.room_kits import RoomKitError

    taken = tmp_path / "kits.txt"
    taken.write_text("déjà là", encoding="utf-8")
    with pytest.raises(RoomKitError) as refused:
        export_room_kits(secretariat, CAMPAIGN, taken, store)
    assert (
        refused.value.message
        == f"{taken} est un fichier, pas un dossier : choisissez un dossier pour les kits."
    )
    with pytest.raises(RoomKitError) as refused:
        export_room_kits(secretariat, CAMPAIGN, taken / "kits", store)
    assert refused.value.message.startswith(f"Impossible d'écrire les kits dans {taken / 'kits'} : ")
    assert taken.read_text(encoding="utf-8") == "déjà là" and not list(tmp_path.glob("kits*/**"))
