"""Writing campaign packages: what the writer writes, the program's own reader reads back unchanged, in the
files' French Excel conventions, the same bytes each time, never a name that leaves the package."""

from __future__ import annotations

import zipfile
from dataclasses import replace
from datetime import date

import pytest

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord, JurorRecord
from c2i2e_jury.exchange.package.reader import read_package
from c2i2e_jury.exchange.package.writer import (
    PackageContent,
    slug,
    unique_slugs,
    write_package,
    zip_folder,
)
from tests.exchange.package.factory import pdf_bytes

CAMPAIGN = CampaignInfo(
    "essai-2017",
    "Campagne « essai » — 2017",
    2017,
    date(2017, 5, 10),
    date(2017, 5, 17),
    date(2017, 6, 12),
    date(2017, 7, 7),
    12,
    18,
)


def records(referential) -> list[CandidateRecord]:
    first = CandidateRecord(
        "C1",
        "Lefèvre",
        "Élodie",
        "elodie@example.fr",
        "C1_LEFEVRE.pdf",
        True,
        False,
        date(2017, 6, 12),
        "08:30",
        "Salle B112",
        "J1",
        "Mme Œhl",
        33,
    )
    first.marks = {
        code: ("NV" if code == "A3.2" else "V", f"Bien ; « {code} », dit-il") for code in referential.codes
    }
    first.marks["B4.3"] = (None, "Acquis en 2016\nsur deux lignes")
    first.prior = {"B4.3": (2016, True, True), "A1.1": (None, True, False)}
    second = CandidateRecord("C2", "N'Guyen", "Maëlle", "", "", False, True, None, "", "", "", "", 0)
    return [first, second]


def pki() -> tuple[str, list[JurorRecord]]:
    authority = credentials.create_authority("Autorité d'essai")
    jurors = []
    for i, name in enumerate(("Benoît Œhlenschläger", "Zoé Mäkelä-Garçon")):
        cert = credentials.issue_credential(authority, name, f"jure{i}@example.fr").certificate
        jurors.append(
            JurorRecord("J1", name, f"jure{i}@example.fr", credentials.certificate_pem(cert).decode())
        )
    jurors.append(JurorRecord("J2", "Sans Certificat", "", None))
    return credentials.certificate_pem(authority.certificate).decode(), jurors


@pytest.fixture
def content(tmp_path, referential) -> PackageContent:
    source = tmp_path / "source.pdf"
    source.write_bytes(pdf_bytes("Dossier d'Élodie", pages=3))
    authority, jurors = pki()
    return PackageContent(
        CAMPAIGN,
        records(referential),
        jurors,
        authority,
        {"C1_LEFEVRE.pdf": source},
        {"room_kit": {"room": "Salle B112"}},
    )


def test_what_is_written_reads_back_the_same(tmp_path, referential, content):
    package = read_package(write_package(tmp_path / "pkg", content), referential)
    try:
        assert package.campaign == replace(CAMPAIGN, room_kit="Salle B112")
        by_id = {c.candidate_id: c for c in package.candidates}
        assert list(by_id) == ["C1", "C2"]
        for written in content.candidates:
            read = by_id[written.candidate_id]
            expected_dossier = "dossiers/" + written.dossier if written.dossier else ""
            assert replace(read, dossier="") == replace(written, dossier="")
            assert read.dossier == expected_dossier
        assert package.jurors == list(content.jurors)
        assert package.authority_pem == content.authority_pem
        assert (
            package.source.read("dossiers/C1_LEFEVRE.pdf") == content.dossiers["C1_LEFEVRE.pdf"].read_bytes()
        )
    finally:
        package.close()


def test_files_follow_french_excel_conventions(tmp_path, content):
    out = write_package(tmp_path / "pkg", content)
    for name in ("candidates.csv", "marks.csv", "prior.csv", "jurors.csv"):
        data = (out / name).read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), name
        lines = data[3:].split(b"\r\n")
        assert b";" in lines[0] and b"," not in lines[0], name
    candidates = (out / "candidates.csv").read_bytes().decode("utf-8-sig").splitlines()
    assert candidates[1].startswith(
        "C1;Lefèvre;Élodie;elodie@example.fr;C1_LEFEVRE.pdf;oui;non;2017-06-12;08:30;"
    )
    assert candidates[2] == "C2;N'Guyen;Maëlle;;;non;oui;;;;;;"
    assert sorted(p.name for p in (out / "certificates").iterdir()) == [
        "j1-benoit-oehlenschlager.pem",
        "j1-zoe-makela-garcon.pem",
    ]
    assert "J2;Sans Certificat;;\r\n" in (out / "jurors.csv").read_bytes().decode("utf-8-sig")


def test_the_same_content_gives_the_same_bytes_as_a_folder_and_as_a_zip(tmp_path, referential, content):
    one, two = write_package(tmp_path / "one", content), write_package(tmp_path / "two", content)
    files = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two).as_posix() for p in two.rglob("*") if p.is_file())
    assert all((one / f).read_bytes() == (two / f).read_bytes() for f in files)
    zip_one, zip_two = zip_folder(one, tmp_path / "one.zip"), zip_folder(two, tmp_path / "two.zip")
    assert zip_one.read_bytes() == zip_two.read_bytes()
    assert not list(tmp_path.glob("*.part"))
    with zipfile.ZipFile(zip_one) as archive:
        assert archive.namelist() == files
        assert archive.getinfo("dossiers/C1_LEFEVRE.pdf").compress_type == zipfile.ZIP_STORED
        assert archive.getinfo("marks.csv").compress_type == zipfile.ZIP_DEFLATED
    package = read_package(zip_one, referential)
    try:
        assert [c.candidate_id for c in package.candidates] == ["C1", "C2"]
        assert len(package.jurors) == 3
    finally:
        package.close()


@pytest.mark.parametrize("name", ["../evil.pdf", "sub/c1.pdf", "..", "C:evil.pdf", "a\\b.pdf"])
def test_a_dossier_name_that_could_leave_the_folder_is_refused(tmp_path, content, name):
    bad = replace(
        content,
        candidates=[replace(content.candidates[0], dossier=name)],
        dossiers={name: content.dossiers["C1_LEFEVRE.pdf"]},
    )
    with pytest.raises(ValueError, match="unsafe dossier name"):
        write_package(tmp_path / "pkg", bad)
    assert not (tmp_path / "pkg").exists()
    assert not (tmp_path / "evil.pdf").exists()


def test_a_named_dossier_without_a_file_is_a_bug(tmp_path, content):
    with pytest.raises(ValueError, match="no file given"):
        write_package(tmp_path / "pkg", replace(content, dossiers={}))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Salle B112", "salle-b112"),
        ("Bât. C / 2ᵉ étage", "bat-c-2e-etage"),
        ("../../etc", "etc"),
        ("Amphi Œ", "amphi-oe"),
        ("///", "sans-nom"),
        ("", "sans-nom"),
    ],
)
def test_slugs_are_safe_folder_names(text, expected):
    assert slug(text) == expected


def test_distinct_texts_get_distinct_slugs():
    assert unique_slugs(["B/112", "B-112", "b 112", "B/112"]) == {
        "B/112": "b-112",
        "B-112": "b-112-2",
        "b 112": "b-112-3",
    }
