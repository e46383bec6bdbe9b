"""Issue 13: every CSV the program writes is safe in a spreadsheet. Each one is made by its real code path with a
candidate named ``=2+3`` / ``=HYPERLINK(…)`` (and, where the file carries identifiers, one whose id is ``00123``
or ``1E5``); then LibreOffice Calc opens all of them as French Excel would, formulas evaluated, and none holds a
formula, and no identifier became a number."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import update

from c2i2e_jury.exchange.package.checks import problems_csv
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord
from c2i2e_jury.exchange.package.reader import PackageError, read_package
from c2i2e_jury.exchange.package.revocations import read_revocations, revocations_csv
from c2i2e_jury.exchange.package.writer import PackageContent, write_package
from c2i2e_jury.exchange.sheet_signers import Revocation
from c2i2e_jury.exchange.spreadsheet import (
    FORMULA_STARTS,
    TEXT_MARK,
    excel_csv,
    identifier,
    neutralise,
    plain,
)
from c2i2e_jury.exchange.tabular import read_csv, read_xlsx
from c2i2e_jury.services import certification_batch, documents
from c2i2e_jury.services.review.summary import summary_bytes
from c2i2e_jury.services.sheet_export import export_signed
from c2i2e_jury.services.sheet_import import import_sheets, report_bytes
from c2i2e_jury.services.sheet_signing import sign_and_lock
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Candidate
from tests.exchange.package.factory import CANDIDATES
from tests.exchange.package.factory import write_package as write_test_package
from tests.libreoffice import convert, needs_soffice
from tests.services.review_factory import PKI, demo_template_fixture  # noqa: F401
from tests.services.sheet_factory import SIGNING, import_with_pki, make_pki

SUM = "=2+3"
LINK = '=HYPERLINK("http://exemple.invalid";"cliquez")'
HOSTILE = (SUM, LINK)
ID = "00123"
JULY = datetime(2017, 7, 10, 15, 0, tzinfo=UTC)


# --- the writer ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_every_formula_start_is_neutralised_and_read_back(start):
    value = start + "1+1"
    assert neutralise(value) == "'" + value and plain(neutralise(value)) == value
    row = list(
        csv.reader(io.StringIO(excel_csv(["a"], [[value]]).decode("utf-8-sig"), newline=""), delimiter=";")
    )
    assert row[1] == ["'" + value]
    assert read_csv("x.csv", excel_csv(["a"], [[value]])).rows[0].values["a"] == value


def test_identifiers_are_marked_only_when_a_spreadsheet_would_convert_them():
    assert [identifier(v) for v in ("00123", "1E5", "12/06", "mai-17", "C2017-001", "J1", "-4")] == [
        TEXT_MARK + "00123",
        TEXT_MARK + "1E5",
        TEXT_MARK + "12/06",
        TEXT_MARK + "mai-17",
        "C2017-001",
        "J1",
        "'-4",
    ]
    data = excel_csv(["id", "n"], [["00123", 7]], identifiers=("id",))
    assert read_csv("x.csv", data).rows[0].values == {"id": "00123", "n": "7"}


# --- every CSV the program writes ------------------------------------------------------------------------------------


def _demo_files(template: Path, tmp: Path) -> dict[str, bytes]:
    """summary.csv, the documents' index.csv and prior.csv from the heard demo, one candidate renamed."""
    import shutil

    shutil.copyfile(template, tmp / "demo.sqlite")
    db = open_database(str(tmp / "demo.sqlite"))
    try:
        with db.session() as session:
            session.execute(
                update(Candidate)
                .where(Candidate.candidate_id == "C2017-004")
                .values(last_name=SUM, first_name=LINK)
            )
        certification_batch.deliver_as_proposed(db, "grenoble-2017", by=PKI.president.name, now=lambda: JULY)
        documents.issue_documents(db, "grenoble-2017", PKI.president, now=lambda: JULY)
        batch = zipfile.ZipFile(io.BytesIO(documents.batch_zip(db, "grenoble-2017")))
        return {
            "summary.csv": summary_bytes(db, "grenoble-2017", "csv"),
            "documents-index.csv": batch.read("index.csv"),
            "prior.csv": documents.prior_csv(db, "grenoble-2017"),
        }
    finally:
        db.dispose()


def _day_export(tmp: Path) -> bytes:
    """The day export's index.csv: a candidate « 00123 » named with formulas, signed (not admitted) and exported."""
    pki = make_pki(tmp / "pki")
    db = open_database(str(tmp / "room.sqlite"))
    try:
        hostile = f'{ID};{SUM};"{LINK.replace(chr(34), chr(34) * 2)}";x@example.fr;;non;non;2017-06-12;11:00;B112;J1;;'
        pks = import_with_pki(db, tmp / "pkg", pki, candidates=[*CANDIDATES, hostile])
        sign_and_lock(db, pks[ID], *pki.jurors, now=SIGNING)
        return export_signed(db, tmp / "key", room="B112", day=date(2017, 6, 12)).read_bytes()
    finally:
        db.dispose()


def _problems(tmp: Path, referential) -> bytes:
    """A package refused for a cell holding a formula: the problems CSV echoes the cell."""
    package = write_test_package(
        tmp / "bad",
        candidates=[
            *CANDIDATES,
            f"C9;{SUM};x;x@example.fr;;non;non;{LINK.replace(';', ',')};10:00;B112;J1;;",
        ],
    )
    with pytest.raises(PackageError) as refused:
        read_package(package, referential)
    assert any(p.value and p.value.startswith("=HYPERLINK") for p in refused.value.problems)
    return problems_csv(refused.value.problems)


def _import_report(tmp: Path, monkeypatch) -> bytes:
    """The sheet import report of a file named like a formula (refused: it is no PDF)."""
    monkeypatch.chdir(tmp)
    (tmp / f"{SUM}.pdf").write_bytes(b"pas un PDF")
    db = open_database(str(tmp / "secretariat.sqlite"))
    try:
        outcomes = import_sheets(db, [Path(f"{SUM}.pdf")])
    finally:
        db.dispose()
    assert outcomes[0].file == f"{SUM}.pdf" and outcomes[0].status == "rejected"
    return report_bytes(outcomes)


def _package(tmp: Path) -> dict[str, bytes]:
    """The package writer (campaign demo, room kits): candidates.csv, marks.csv, prior.csv."""
    info = CampaignInfo(
        "c-2017", "Campagne", 2017, date(2017, 5, 10), date(2017, 5, 17), date(2017, 6, 12), date(2017, 7, 7)
    )
    record = CandidateRecord(
        ID,
        SUM,
        LINK,
        "x@example.fr",
        "",
        False,
        False,
        date(2017, 6, 12),
        "08:30",
        "0012",
        "1E5",
        marks={"A1.1": ("V", LINK)},
        prior={"B4.3": (2016, True, False)},
    )
    out = write_package(tmp / "written", PackageContent(info, [record]))
    return {
        f"package-{name}": (out / name).read_bytes() for name in ("candidates.csv", "marks.csv", "prior.csv")
    }


def _follow_up(tmp: Path) -> dict[str, bytes]:
    """The admission list, the convocations' mail merge and the register, for a candidate « 00123 » named with
    formulas, admitted, convoked, whose reclamation is a formula too."""
    from c2i2e_jury.exchange.convocation_pdf import mail_merge_csv
    from c2i2e_jury.services.admission import admission_csv, admission_list
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.services.convocations import convocations, file_name
    from c2i2e_jury.services.register_view import export_register
    from c2i2e_jury.services.registers import record_reclamation
    from c2i2e_jury.storage.dossier_store import DossierStore

    hostile = f'{ID};{SUM};"{LINK.replace(chr(34), chr(34) * 2)}";x@example.fr;c1.pdf;oui;non;2017-06-12;11:00;B112;J1;;'
    db = open_database(str(tmp / "follow-up.sqlite"))
    try:
        import_package(
            db, write_test_package(tmp / "follow-up", candidates=[*CANDIDATES, hostile]), DossierStore()
        )
        admission = admission_list(db, "test-2017", now=lambda: JULY)
        letters = convocations(db, admission)
        with db.read() as session:
            pk = session.query(Candidate.pk).filter(Candidate.candidate_id == ID).scalar()
        record_reclamation(
            db, pk, problem_date=date(2017, 6, 12), received_date=date(2017, 6, 13), text=LINK, by=SUM
        )
        return {
            "admission.csv": admission_csv(admission),
            "convocations-mail-merge.csv": mail_merge_csv([(c, file_name(c)) for c in letters]),
            "register.csv": export_register(db, "test-2017"),
        }
    finally:
        db.dispose()


@pytest.fixture(scope="module")
def written(demo_template, tmp_path_factory, referential):  # noqa: F811
    tmp = tmp_path_factory.mktemp("written")
    files = _demo_files(demo_template, tmp)
    files["day-index.csv"] = _day_export(tmp)
    files["problems.csv"] = _problems(tmp, referential)
    with pytest.MonkeyPatch.context() as patch:
        files["import-report.csv"] = _import_report(tmp, patch)
    files.update(_package(tmp))
    files["revocations.csv"] = revocations_csv([Revocation("0" * 63 + "1", SUM, JULY, LINK)])
    files.update(_follow_up(tmp))
    return files


EVERY_CSV = (
    "summary.csv",
    "documents-index.csv",
    "prior.csv",
    "day-index.csv",
    "problems.csv",
    "import-report.csv",
    "package-candidates.csv",
    "package-marks.csv",
    "package-prior.csv",
    "revocations.csv",
    "admission.csv",
    "convocations-mail-merge.csv",
    "register.csv",
)
WITH_IDS = {
    "day-index.csv": ID,
    "package-candidates.csv": ID,
    "package-marks.csv": ID,
    "package-prior.csv": ID,
    "revocations.csv": "0" * 63 + "1",
    "admission.csv": ID,
    "convocations-mail-merge.csv": ID,
    "register.csv": ID,
}


def _cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


@pytest.mark.parametrize("name", EVERY_CSV)
def test_no_cell_of_any_csv_starts_like_a_formula(written, name):
    cells = [cell for row in _cells(written[name]) for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_STARTS)]
    if name != "package-prior.csv":  # ids, items, years and yes/no only
        assert any(c.startswith(("'" + SUM, "'=HYPERLINK")) for c in cells), "no hostile cell"
    if name in WITH_IDS:
        assert TEXT_MARK + WITH_IDS[name] in cells


def test_every_csv_writer_is_covered():
    """A new CSV must come through exchange/spreadsheet.py, and be added to EVERY_CSV."""
    package = Path(__file__).resolve().parents[2] / "c2i2e_jury"
    writers = {
        p.relative_to(package).as_posix()
        for p in package.rglob("*.py")
        if re.search(r"\b(excel_csv|table_bytes)\(", p.read_text(encoding="utf-8"))
    }
    assert writers == {
        "exchange/spreadsheet.py",
        "exchange/summary_export.py",
        "exchange/convocation_pdf.py",
        "services/admission.py",
        "services/register_view.py",
        "exchange/package/checks.py",
        "exchange/package/revocations.py",
        "exchange/package/writer.py",
        "services/documents.py",
        "services/sheet_export.py",
        "services/sheet_import.py",
    }
    assert not [
        p
        for p in package.rglob("*.py")
        if p.name != "spreadsheet.py"
        and re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))
    ]


def test_what_the_program_wrote_it_reads_back_exactly(written):
    candidates = read_csv("candidates.csv", written["package-candidates.csv"]).rows[0]
    assert (
        candidates.get("candidate_id"),
        candidates.get("last_name"),
        candidates.get("first_name"),
        candidates.get("jury"),
    ) == (ID, SUM, LINK, "1E5")
    revoked, problems = read_revocations(written["revocations.csv"])
    assert not problems and (revoked[0].name, revoked[0].reason) == (SUM, LINK)


@needs_soffice
def test_libreoffice_opens_every_csv_without_a_formula_and_with_its_identifiers(written, tmp_path):
    sources = []
    for name in EVERY_CSV:
        sources.append(tmp_path / name)
        sources[-1].write_bytes(written[name])
    control = (
        tmp_path / "control.csv"
    )  # the same cells unprotected: Calc does make formulas and numbers of them
    control.write_bytes(f"a;b\r\n{SUM};{ID}\r\n".encode("utf-8-sig"))
    books = convert([*sources, control], "xlsx", tmp_path / "xlsx")
    sheet = load_workbook(books[-1]).active
    assert sheet["A2"].data_type == "f" and sheet["B2"].value == 123
    for name, book in zip(EVERY_CSV, books, strict=False):
        cells = [c for row in load_workbook(book).active.iter_rows() for c in row if c.value is not None]
        assert not [c.coordinate for c in cells if c.data_type == "f"], name
        texts = {c.value for c in cells if isinstance(c.value, str)}
        if name != "package-prior.csv":
            assert [t for t in texts if t.startswith(("'" + SUM, "'=HYPERLINK"))], name
        if name in WITH_IDS:  # a text cell, and the program reads the id back from Calc's workbook as written
            assert TEXT_MARK + WITH_IDS[name] in texts, name
            read = {v for row in read_xlsx(name, book.read_bytes()).rows for v in row.values.values()}
            assert WITH_IDS[name] in read, name
