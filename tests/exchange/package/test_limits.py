"""The campaign package's limits (exchange/package/limits.py, README « Limits of a campaign package ») and the
hostile inputs the fuzzing found (issue 16): each is a problem in the package's list naming the file (and the
cell), never an exception, and the oversized part is never read. Archives zipfile will not write are made by
tests/exchange/package/zipcraft.py."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest

from c2i2e_jury.exchange.package.limits import (
    MAX_CANDIDATES,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_DOSSIER,
    MAX_SHEET,
    MIB,
)
from c2i2e_jury.exchange.package.reader import PackageError, read_package
from c2i2e_jury.exchange.tabular import read_xlsx
from tests.exchange.package.factory import CAMPAIGN, CANDIDATES, write_package
from tests.exchange.package.pem_material import pem_files
from tests.exchange.package.xlsx_parts import workbook
from tests.exchange.package.zipcraft import UTF8_FLAG, Member, bomb_member, build_zip


def refused(path, referential) -> list[str]:
    with pytest.raises(PackageError) as caught:
        read_package(path, referential)
    return caught.value.details


def members(folder) -> list[Member]:
    return [
        Member(p.relative_to(folder).as_posix().encode(), p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    ]


def archive(tmp_path, parts: list[Member]):
    path = tmp_path / "paquet.zip"
    path.write_bytes(build_zip(parts))
    return path


def test_a_dossier_bomb_is_refused_at_its_cell_without_being_inflated(tmp_path, referential):
    parts = [m for m in members(write_package(tmp_path / "pkg")) if m.name != b"dossiers/c1.pdf"]
    parts.append(bomb_member(b"dossiers/c1.pdf", b"%PDF-1.7\n", b"\x00", MAX_DOSSIER + MIB))
    assert refused(archive(tmp_path, parts), referential) == [
        "candidates.csv, ligne 2, colonne dossier: fichier de 51 Mo une fois décompressé : 50 Mo au plus pour un "
        "dossier ('c1.pdf')"
    ]


def test_a_member_compressed_a_thousand_times_is_refused_even_under_its_size_limit(tmp_path, referential):
    parts = [m for m in members(write_package(tmp_path / "pkg")) if m.name != b"dossiers/c2.pdf"]
    parts.append(bomb_member(b"dossiers/c2.pdf", b"%PDF-1.7\n", b"\x00", 8 * MIB))
    details = refused(archive(tmp_path, parts), referential)
    assert len(details) == 1 and details[0].startswith(
        "candidates.csv, ligne 3, colonne dossier: fichier compressé plus de 100 fois (8 Mo pour"
    ), details


def test_a_file_the_package_does_not_use_is_still_limited(tmp_path, referential):
    parts = [*members(write_package(tmp_path / "pkg")), bomb_member(b"notes.txt", b"", b"\x00", 200 * MIB)]
    assert refused(archive(tmp_path, parts), referential) == [
        "notes.txt: fichier de 200 Mo une fois décompressé : 50 Mo au plus pour un fichier du paquet"
    ]


def test_an_archive_inflating_far_past_its_size_is_refused_before_any_member_is_read(tmp_path, referential):
    parts = members(write_package(tmp_path / "pkg"))
    parts += [bomb_member(f"dossiers/x{i}.pdf".encode(), b"%PDF", b"\x00", MIB) for i in range(40)]
    details = refused(archive(tmp_path, parts), referential)
    assert len(details) == 1 and re.fullmatch(
        r"paquet\.zip: l'archive se décompresse plus de 100 fois \(.* Mo pour .* Mo\) : une archive piégée \? .*",
        details[0],
    ), details


def test_a_marks_sheet_inflating_past_the_sheet_limit_is_not_read(tmp_path, referential):
    parts = [m for m in members(write_package(tmp_path / "pkg")) if m.name != b"marks.csv"]
    parts.append(
        bomb_member(b"marks.csv", b"candidate_id;item;evaluator_mark\r\n", b"C1;A1.1;V\r\n", MAX_SHEET + MIB)
    )
    assert refused(archive(tmp_path, parts), referential) == [
        "marks.csv: fichier de 33 Mo une fois décompressé : 32 Mo au plus pour une feuille"
    ]


def test_more_candidates_than_a_package_holds_is_one_sentence_naming_the_limit(tmp_path, referential):
    rows = [
        f"X{i};Nom;Prénom;x@exemple.fr;;non;non;2017-06-12;08:30;B112;J1;;" for i in range(MAX_CANDIDATES + 1)
    ]
    details = refused(write_package(tmp_path / "pkg", candidates=rows, marks=[], prior=[]), referential)
    assert details == [
        "candidates.csv: plus de 5 000 lignes (5 000 candidats au plus par paquet) : le reste du "
        "fichier n'a pas été lu"
    ]


def test_too_many_columns_or_too_long_a_cell_is_refused_with_its_line(tmp_path, referential):
    wide = [CANDIDATES[0] + ";x" * MAX_COLUMNS, *CANDIDATES[1:]]
    assert refused(write_package(tmp_path / "a", candidates=wide), referential) == [
        "candidates.csv: ligne 2 : plus de 50 colonnes, la limite d'une feuille"
    ]
    marks = ["C1;A1.1;V;" + "x" * (MAX_CELL + 1)]
    assert refused(write_package(tmp_path / "b", marks=marks), referential) == [
        "marks.csv: ligne 2, colonne 4 : cellule de 10001 caractères, 10000 au plus"
    ]


def _sheet(rows: list[list[str]], patch) -> bytes:
    with zipfile.ZipFile(io.BytesIO(workbook(rows))) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = patch(parts["xl/worksheets/sheet1.xml"])
    return build_zip([Member(name.encode(), data) for name, data in parts.items()])


CANDIDATE_ROWS = [
    ["candidate_id", "last_name", "first_name"],
    ["C1", "Lefèvre", "Élodie"],
    ["C2", "Dupont", "F"],
]


def test_a_workbook_claiming_the_whole_grid_is_read_for_what_it_holds(referential):
    data = _sheet(
        CANDIDATE_ROWS, lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml)
    )
    from c2i2e_jury.exchange.package.limits import sheet_limits

    table = read_xlsx("candidates.xlsx", data, sheet_limits("candidates"))
    assert [(r.line, r.get("candidate_id"), r.get("last_name")) for r in table.rows] == [
        (2, "C1", "Lefèvre"),
        (3, "C2", "Dupont"),
    ]


def test_a_workbook_with_a_cell_on_the_last_line_stops_at_the_row_limit(tmp_path, referential):
    """With the whole grid declared too, openpyxl padded a million rows of 16,384 cells: it never ended."""
    stray = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    package = write_package(tmp_path / "pkg")
    (package / "candidates.csv").unlink()
    (package / "candidates.xlsx").write_bytes(
        _sheet(
            CANDIDATE_ROWS,
            lambda xml: re.sub(rb'<dimension ref="[^"]*"', b'<dimension ref="A1:XFD1048576"', xml).replace(
                b"</sheetData>", stray
            ),
        )
    )
    assert (
        "candidates.xlsx: plus de 5 000 lignes (5 000 candidats au plus par paquet) : le reste du fichier n'a "
        "pas été lu" in refused(package, referential)
    )


def test_a_shared_strings_bomb_in_a_workbook_is_refused_before_openpyxl_loads_it(tmp_path, referential):
    with zipfile.ZipFile(io.BytesIO(workbook(CANDIDATE_ROWS))) as src:
        parts = [Member(n.encode(), src.read(n)) for n in src.namelist() if n != "xl/sharedStrings.xml"]
    parts.append(bomb_member(b"xl/sharedStrings.xml", b"<sst>", b"<si><t>x</t></si>", 200 * MIB))
    package = write_package(tmp_path / "pkg")
    (package / "candidates.csv").unlink()
    (package / "candidates.xlsx").write_bytes(build_zip(parts))
    details = refused(package, referential)
    assert any(
        d.startswith(
            "candidates.xlsx: la partie xl/sharedStrings.xml du classeur se décompresse en 209 715 200 octets"
        )
        for d in details
    ), details


@pytest.mark.parametrize(
    ("name", "flags", "expected"),
    [
        (
            b"dossiers/c\xff\xfe1.pdf",
            UTF8_FLAG,
            "paquet.zip: un nom de fichier de l'archive n'est pas en UTF-8",
        ),
        (b"", UTF8_FLAG, "fichier n° 1 de l'archive: nom de fichier vide"),
    ],
)
def test_a_member_name_zipfile_cannot_use_is_a_problem(tmp_path, referential, name, flags, expected):
    parts = [Member(name, b"x", flags=flags), *members(write_package(tmp_path / "pkg"))]
    details = refused(archive(tmp_path, parts), referential)
    assert any(d.startswith(expected) for d in details), details


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"\\ud800"', "campaign.json, colonne title: caractère invalide (moitié d'une paire UTF-16)"),
        ('"Campagne\\u0000"', "campaign.json, colonne title: caractère nul (octet 0)"),
    ],
)
def test_a_campaign_string_no_database_can_store_is_a_problem(tmp_path, referential, text, expected):
    package = write_package(tmp_path / "pkg")
    body = json.dumps({**CAMPAIGN, "title": "@"}).replace('"@"', text)
    (package / "campaign.json").write_text(body, encoding="utf-8")
    details = refused(package, referential)
    assert any(d.startswith(expected) for d in details), details


def test_thousands_of_digits_in_a_cell_are_a_problem_not_a_python_limit(tmp_path, referential):
    rows = [CANDIDATES[0], CANDIDATES[1].replace(";33", ";" + "9" * 5000), CANDIDATES[2]]
    prior = ["C1;B4.3;" + "2" * 5000 + ";oui;oui"]
    details = refused(write_package(tmp_path / "pkg", candidates=rows, prior=prior), referential)
    assert [d.split(":")[0] for d in details] == [
        "candidates.csv, ligne 3, colonne extra_time_percent",
        "prior.csv, ligne 2, colonne year",
    ], details


def test_a_certificate_with_bag_attributes_is_kept_as_its_pem_alone(tmp_path, referential):
    import random

    package = write_package(tmp_path / "pkg")
    files, _ = pem_files(random.Random(0))
    for name, data in files.items():
        (package / name).parent.mkdir(exist_ok=True)
        (package / name).write_bytes(data)
    sound = files["authority.pem"]
    (package / "authority.pem").write_bytes(
        b"Bag Attributes\n    friendlyName: H\xc3\xa9l\xc3\xa8ne\n" + sound
    )
    read = read_package(package, referential)
    try:
        assert read.authority_pem == sound.decode("ascii")
    finally:
        read.close()


def test_a_damaged_lzma_member_is_a_problem(tmp_path, referential):
    """lzma.LZMAError is no OSError: it escaped the import (once in 1,000 fuzzed variants)."""
    parts = [m for m in members(write_package(tmp_path / "pkg")) if m.name != b"campaign.json"]
    parts.append(Member(b"campaign.json", b"\x09\x14\x05\x00\x5d\x00\x00\x10\x00" + b"\xff" * 200, method=14))
    details = refused(archive(tmp_path, parts), referential)
    assert any(
        d.startswith("campaign.json: fichier abîmé dans l'archive (Corrupt input data)") for d in details
    ), details
