"""Issue 13: a campaign package whose sheets were saved by LibreOffice Calc (or Excel) is accepted. The test
package's CSV is opened and saved again by a real Calc (``soffice --headless``, French user) as CSV (as shown
and as raw values), XLSX and ODS, and reads as the original; what Excel stores (a time as a day's fraction, a
serial date, 33 % as 0.33 in a percent cell, TRUE/FALSE) is read too; what could be read two ways is refused
with its cell named. A real Calc costs seconds of CPU per conversion: the fast loop keeps the CSV as shown (what
a secretariat does most), the other formats and locales run in the whole run (``slow``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook

from c2i2e_jury.exchange.ods import read_ods
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord
from c2i2e_jury.exchange.package.reader import PackageError, read_package
from c2i2e_jury.exchange.package.spreadsheet_values import parse_date, parse_percent, parse_time
from c2i2e_jury.exchange.package.writer import PackageContent, write_package
from c2i2e_jury.exchange.tabular import read_csv, read_xlsx
from tests.exchange.package.factory import CANDIDATES, CANDIDATES_HEADER
from tests.exchange.package.factory import write_package as write_test_package
from tests.libreoffice import FRENCH_CSV_OUT, convert, needs_soffice

SHEETS = ("candidates", "marks", "prior")
# C1 with a percentage typed as a French user types it; C2 and C3 as the factory has them.
TYPED = [CANDIDATES[0].replace(";M. Martin;", ";M. Martin;33 %"), *CANDIDATES[1:]]


def facts(package):
    return {
        c.candidate_id: (
            c.deposited,
            c.rework_pending,
            c.oral_date,
            c.oral_time,
            c.extra_time_percent,
            c.dossier,
            dict(c.marks),
            dict(c.prior),
        )
        for c in package.candidates
    }


@pytest.fixture(scope="module")
def original(tmp_path_factory, referential):
    root = write_test_package(tmp_path_factory.mktemp("typed") / "pkg", candidates=TYPED)
    package = read_package(root, referential)
    try:
        return root, facts(package)
    finally:
        package.close()


def resaved(root: Path, out: Path, target: str, suffix: str, locale: str = "fr_FR.UTF-8") -> Path:
    """A copy of the package whose three sheets Calc saved as ``target`` (``suffix``) instead of our CSV."""
    copy = out / "pkg"
    shutil.copytree(root, copy)
    saved = convert([root / f"{s}.csv" for s in SHEETS], target, out / "calc", locale=locale)
    for sheet, path in zip(SHEETS, saved, strict=True):
        (copy / f"{sheet}.csv").unlink()
        shutil.copyfile(path, copy / f"{sheet}.{suffix}")
    return copy


@needs_soffice
@pytest.mark.parametrize(
    ("target", "suffix"),
    [
        (FRENCH_CSV_OUT.format(shown="true"), "csv"),
        pytest.param(FRENCH_CSV_OUT.format(shown="false"), "csv", marks=pytest.mark.slow),
        pytest.param("xlsx", "xlsx", marks=pytest.mark.slow),
        pytest.param("ods", "ods", marks=pytest.mark.slow),
    ],
    ids=["csv-as-shown", "csv-raw", "xlsx", "ods"],
)
def test_a_package_saved_by_calc_reads_as_the_original(original, tmp_path, referential, target, suffix):
    root, expected = original
    copy = resaved(root, tmp_path, target, suffix)
    if suffix == "csv":  # what Calc wrote: 08:30:00, 12/06/17, 33,00 % (LF line ends, no BOM)
        text = (copy / "candidates.csv").read_text(encoding="utf-8")
        assert "08:30:00" in text
    package = read_package(copy, referential)
    try:
        assert facts(package) == expected
        assert expected["C1"][4] == 33 and expected["C1"][3] == "08:30"
    finally:
        package.close()


@needs_soffice
@pytest.mark.slow
def test_identifiers_written_by_the_program_survive_calc(tmp_path):
    info = CampaignInfo(
        "c-2017", "Campagne", 2017, date(2017, 5, 10), date(2017, 5, 17), date(2017, 6, 12), date(2017, 7, 7)
    )
    record = CandidateRecord(
        "00123", "Nom", "Prénom", "x@example.fr", "", False, False, date(2017, 6, 12), "08:30", "0012", "1E5"
    )
    out = write_package(tmp_path / "written", PackageContent(info, [record]))
    readers = {"csv": read_csv, "xlsx": read_xlsx, "ods": read_ods}
    for target, suffix in ((FRENCH_CSV_OUT.format(shown="true"), "csv"), ("xlsx", "xlsx"), ("ods", "ods")):
        saved = convert([out / "candidates.csv"], target, tmp_path / suffix)[0]
        row = readers[suffix]("candidates." + suffix, saved.read_bytes()).rows[0]
        assert (row.get("candidate_id"), row.get("room"), row.get("jury")) == ("00123", "0012", "1E5"), suffix


@needs_soffice
@pytest.mark.slow
def test_a_calc_in_english_writes_month_first_dates_which_are_refused_with_the_cell(
    original, tmp_path, referential
):
    root, _expected = original
    copy = resaved(root, tmp_path, FRENCH_CSV_OUT.format(shown="true"), "csv", locale="en_US.UTF-8")
    assert "06/12/17" in (copy / "candidates.csv").read_text(
        encoding="utf-8"
    )  # 12 June, as an American writes it
    with pytest.raises(PackageError) as refused:
        read_package(copy, referential)
    dates = [p for p in refused.value.problems if p.column == "oral_date"]
    assert dates and dates[0].file == "candidates.csv" and dates[0].value == "06/12/17"


def _excel_workbook(path: Path, rows: list[list[object]], formats: dict[int, str]) -> None:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    for column, number_format in formats.items():
        for cells in sheet.iter_rows(min_row=2, min_col=column, max_col=column):
            cells[0].number_format = number_format
    book.save(path)


def test_what_excel_stores_is_read(original, tmp_path, referential):
    """A time as a day's fraction in a General cell, a serial date, 33 % as 0.33 in a percent cell, TRUE/FALSE,
    yes/no in English: the same candidates as the typed CSV."""
    root, expected = original
    copy = tmp_path / "pkg"
    shutil.copytree(root, copy)
    (copy / "candidates.csv").unlink()
    header = CANDIDATES_HEADER.split(";")
    rows: list[list[object]] = [header]
    for line in TYPED:
        cells: list[object] = line.split(";")
        cells[5] = {"oui": True, "non": "no"}[str(cells[5])]  # a boolean cell, and English
        cells[7] = (parse_date(str(cells[7])) - date(1899, 12, 30)).days  # the serial date, in a General cell
        cells[8] = (
            int(str(parse_time(str(cells[8])))[:2]) / 24 + int(str(parse_time(str(cells[8])))[3:]) / 1440
        )
        cells[12] = (parse_percent(str(cells[12]))[0] or 0) / 100 or None
        rows.append(cells)
    _excel_workbook(copy / "candidates.xlsx", rows, {13: "0%"})
    package = read_package(copy, referential)
    try:
        assert facts(package) == expected
    finally:
        package.close()


@pytest.mark.parametrize(
    ("column", "value", "why"),
    [
        (12, "0,33", "pourcentage ambigu"),
        (12, "33,5 %", "pourcentage entier"),
        (8, "08:30:15", "heure invalide"),
        (7, "12345", "date invalide"),
    ],
)
def test_what_could_be_read_two_ways_is_refused_with_its_cell(tmp_path, referential, column, value, why):
    cells = TYPED[0].split(";")
    cells[column] = value
    root = write_test_package(tmp_path / "pkg", candidates=[";".join(cells), *TYPED[1:]])
    with pytest.raises(PackageError) as refused:
        read_package(root, referential)
    problem = next(p for p in refused.value.problems if why in p.why)
    assert (problem.file, problem.line, problem.column, problem.value) == (
        "candidates.csv",
        2,
        CANDIDATES_HEADER.split(";")[column],
        value,
    )
