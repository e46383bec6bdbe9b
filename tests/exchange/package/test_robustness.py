"""Bad campaign packages (docs/FORMATS.md §1): each is refused with a sentence saying where and why, never an
internal error. The packages are built here, on real files: damaged, encrypted or oddly compressed zips are
made by patching the bytes a real zip writer produced."""

from __future__ import annotations

import json
import struct
import zipfile
from pathlib import Path

import pytest

from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.package.reader import PackageError, read_package
from c2i2e_jury.exchange.tabular import SheetError, read_csv
from tests.exchange.package.factory import CAMPAIGN, CANDIDATES, write_package


def refused(path: Path, referential) -> list[str]:
    with pytest.raises(PackageError) as caught:
        read_package(path, referential)
    return caught.value.details


def zipped(folder: Path, archive: Path) -> Path:
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as z:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                z.write(file, file.relative_to(folder).as_posix())
    return archive


def patch_zip(
    archive: Path, member: str, *, flags: int = 0, method: int | None = None, flip: bool = False
) -> None:
    """Rewrite one member's headers (both the local one and the central directory's) the way other zip tools
    write them: ``flags`` ORed in (1 = encrypted), another compression ``method``; ``flip`` damages a data byte."""
    data = bytearray(archive.read_bytes())
    name = member.encode()
    for signature, name_at, flags_at in ((b"PK\x03\x04", 30, 6), (b"PK\x01\x02", 46, 8)):
        start = data.find(signature)
        while start != -1:
            length = struct.unpack_from(
                "<H", data, start + name_at - (4 if signature == b"PK\x03\x04" else 18)
            )[0]
            if bytes(data[start + name_at : start + name_at + length]) == name:
                struct.pack_into(
                    "<H", data, start + flags_at, struct.unpack_from("<H", data, start + flags_at)[0] | flags
                )
                if method is not None:
                    struct.pack_into("<H", data, start + flags_at + 2, method)
                if flip and signature == b"PK\x03\x04":
                    extra = struct.unpack_from("<H", data, start + 28)[0]
                    data[start + 30 + length + extra + 10] ^= 0xFF
            start = data.find(signature, start + 4)
    archive.write_bytes(bytes(data))


def test_an_impossible_campaign_date_is_a_problem(tmp_path, referential):
    package = write_package(tmp_path / "pkg", campaign={**CAMPAIGN, "deposit_opens": "2017-02-30"})
    assert refused(package, referential) == [
        "campaign.json, colonne deposit_opens: date invalide (AAAA-MM-JJ attendu) ('2017-02-30')"
    ]


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("[" * 100_000 + "]" * 100_000, "imbrication trop profonde"),
        ('{"year": 1' + "0" * 5000 + "}", "un nombre de plus de 4300 chiffres"),
    ],
)
def test_a_campaign_json_python_cannot_parse_is_a_problem(tmp_path, referential, text, why):
    package = write_package(tmp_path / "pkg")
    (package / "campaign.json").write_text(text, encoding="utf-8")
    details = refused(package, referential)
    assert any(d.startswith("campaign.json") and why in d for d in details), details


def test_a_percentage_in_superscript_digits_is_a_problem(tmp_path, referential):
    rows = [CANDIDATES[0], CANDIDATES[1].replace(";33", ";²"), CANDIDATES[2]]
    assert refused(write_package(tmp_path / "pkg", candidates=rows), referential) == [
        "candidates.csv, ligne 3, colonne extra_time_percent: pourcentage entier entre 0 et 100 attendu ('²')"
    ]


def test_a_cell_over_the_csv_limit_is_one_sentence(tmp_path, referential):
    rows = [CANDIDATES[0].replace("M. Martin", "x" * 200_000), *CANDIDATES[1:]]
    details = refused(write_package(tmp_path / "pkg", candidates=rows), referential)
    assert details == [
        "candidates.csv: ligne 2 illisible, une cellule trop longue ou un guillemet jamais refermé "
        "(field larger than field limit (131072))"
    ]
    with pytest.raises(
        UserError, match="décisions.csv : ligne 2 illisible"
    ):  # what sheet create --decisions reads
        read_csv("décisions.csv", b"item;decision\r\nA1.1;" + b"V" * 140_000 + b"\r\n")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_sheet_is_named_as_such_once(tmp_path, referential, encoding):
    details = refused(write_package(tmp_path / "pkg", encoding=encoding), referential)
    advice = "fichier en UTF-16 : enregistrez-le en « CSV UTF-8 » ou « CSV (séparateur : point-virgule) »"
    assert details == [f"{name}: {advice}" for name in ("candidates.csv", "marks.csv", "prior.csv")]
    with pytest.raises(SheetError) as caught:
        read_csv("candidates.csv", "candidate_id;last_name\r\nC1;Lefèvre\r\n".encode(encoding))
    assert caught.value.message == f"candidates.csv : {advice}."


def test_a_candidates_sheet_without_rows_says_so_once(tmp_path, referential):
    assert refused(write_package(tmp_path / "pkg", candidates=[]), referential) == [
        "candidates.csv: aucun candidat : le fichier n'a que sa ligne d'en-tête"
    ]


def test_a_nul_character_in_a_cell_is_a_problem(tmp_path, referential):
    rows = [CANDIDATES[0].replace("Lefèvre", "Lef\x00èvre"), *CANDIDATES[1:]]
    details = refused(write_package(tmp_path / "pkg", candidates=rows), referential)
    assert details == [
        "candidates.csv, ligne 2, colonne last_name: caractère nul (octet 0) : fichier abîmé ou mal "
        "enregistré ('Lef�èvre')"
    ]


@pytest.mark.parametrize("cid", ["../../ESCAPE-001", "..\\..\\ESCAPE-001", "a/b", ".cache", "C1\x07", "C..1"])
def test_a_candidate_id_that_could_leave_a_folder_is_refused(tmp_path, referential, cid):
    rows = [CANDIDATES[0].replace("C1;", f'"{cid}";', 1), *CANDIDATES[1:]]
    marks = [f"{cid};A1.1;V;", "C2;A1.1;V;"]
    details = refused(write_package(tmp_path / "pkg", candidates=rows, marks=marks, prior=[]), referential)
    # one problem: the marks of the refused id are not also "unknown candidate"
    assert len(details) == 1 and details[0].startswith(
        "candidates.csv, ligne 2, colonne candidate_id: identifiant refusé"
    ), details


def test_a_campaign_id_that_could_leave_a_folder_is_refused(tmp_path, referential):
    details = refused(write_package(tmp_path / "pkg", campaign={**CAMPAIGN, "id": "../../etc"}), referential)
    assert len(details) == 1 and details[0].startswith("campaign.json, colonne id: identifiant refusé")


def test_a_symlink_loop_in_a_folder_package_is_a_problem(tmp_path, referential):
    package = write_package(tmp_path / "pkg")
    (package / "loop").symlink_to(package / "loop")
    assert refused(package, referential) == ["loop: lien symbolique qui tourne en boucle"]


ZIP_DEFECTS = {
    "bad CRC in campaign.json": (
        "campaign.json",
        dict(flip=True),
        "campaign.json: fichier abîmé dans l'archive",
    ),
    "encrypted campaign.json": (
        "campaign.json",
        dict(flags=1),
        "campaign.json: fichier protégé par un mot de passe dans l'archive",
    ),
    "encrypted dossier": (
        "dossiers/c1.pdf",
        dict(flags=1),
        "candidates.csv, ligne 2, colonne dossier: fichier protégé par un mot de passe",
    ),
    "AES (method 99) campaign.json": (
        "campaign.json",
        dict(method=99),
        "campaign.json: méthode de compression non prise en charge",
    ),
    "Deflate64 (method 9) candidates.csv": (
        "candidates.csv",
        dict(method=9),
        "candidates.csv: méthode de compression non prise en charge",
    ),
    "encrypted certificate": (
        "authority.pem",
        dict(flags=1),
        "authority.pem, colonne certificate: fichier protégé par un mot de passe",
    ),
}


@pytest.mark.parametrize("defect", ZIP_DEFECTS)
def test_a_zip_member_zipfile_cannot_read_is_a_problem(tmp_path, referential, defect):
    member, patch, expected = ZIP_DEFECTS[defect]
    package = write_package(tmp_path / "pkg")
    (package / "authority.pem").write_bytes(b"-----BEGIN CERTIFICATE-----\n")
    archive = zipped(package, tmp_path / "pkg.zip")
    patch_zip(archive, member, **patch)
    details = refused(archive, referential)
    assert any(d.startswith(expected) for d in details), details


def test_the_campaign_json_date_check_still_accepts_good_dates(tmp_path, referential):
    package = read_package(
        write_package(tmp_path / "pkg", campaign=json.loads(json.dumps(CAMPAIGN))), referential
    )
    try:
        assert (package.campaign.deposit_opens.isoformat(), len(package.candidates)) == ("2017-05-10", 3)
    finally:
        package.close()


def test_text_longer_than_the_database_keeps_is_a_problem(tmp_path, referential):
    rows = [
        CANDIDATES[0].replace("C1;", "C" + "1" * 70 + ";", 1).replace("Lefèvre", "L" * 201),
        *CANDIDATES[1:],
    ]
    package = write_package(
        tmp_path / "pkg", candidates=rows, marks=[], prior=[], campaign={**CAMPAIGN, "id": "x" * 65}
    )
    details = refused(package, referential)
    assert [d.split(" (")[0].split(": ")[0] for d in details] == [
        "campaign.json, colonne id",
        "candidates.csv, ligne 2, colonne candidate_id",
        "candidates.csv, ligne 2, colonne last_name",
    ]
    assert all("texte trop long" in d for d in details), details


def test_a_file_named_xlsx_that_is_no_workbook_is_one_problem(tmp_path, referential):
    package = write_package(tmp_path / "pkg")
    (package / "candidates.csv").unlink()
    (package / "candidates.xlsx").write_bytes(b"%PDF-1.7 a PDF renamed")
    details = refused(package, referential)
    assert len(details) == 1 and details[0].startswith(
        "candidates.xlsx: ce n'est pas un classeur Excel (.xlsx) lisible"
    ), details


def test_a_workbook_with_a_broken_sheet_is_one_problem(tmp_path, referential):
    from openpyxl import Workbook

    workbook = Workbook()
    for line in ("candidate_id;last_name;first_name", *CANDIDATES):
        workbook.active.append(line.split(";"))
    workbook.save(tmp_path / "whole.xlsx")
    package = write_package(tmp_path / "pkg")
    (package / "candidates.csv").unlink()
    with (
        zipfile.ZipFile(tmp_path / "whole.xlsx") as src,
        zipfile.ZipFile(package / "candidates.xlsx", "w") as out,
    ):
        for info in src.infolist():
            data = src.read(info.filename)
            out.writestr(
                info, data[: len(data) // 2] if info.filename == "xl/worksheets/sheet1.xml" else data
            )
    details = refused(package, referential)
    assert len(details) == 1 and details[0].startswith(
        "candidates.xlsx: ce n'est pas un classeur Excel (.xlsx) lisible (unclosed token"
    ), details


@pytest.mark.parametrize("kit", ["Salle B112", ["B112"], {"juries": ["J1"]}])
def test_a_malformed_room_kit_is_a_problem_not_a_whole_campaign(tmp_path, referential, kit):
    details = refused(write_package(tmp_path / "pkg", campaign={**CAMPAIGN, "room_kit": kit}), referential)
    assert len(details) == 1 and details[0].startswith("campaign.json, colonne room_kit: un kit de salle"), (
        details
    )
