"""The summary for the student records: CSV as French Excel reads it, XLSX, JSON; figures = the rules engine's."""

import csv
import io
import json

from openpyxl import load_workbook
from sqlalchemy import select

from c2i2e_jury.domain.rules import evaluate
from c2i2e_jury.exchange.spreadsheet import TEXT_MARK
from c2i2e_jury.exchange.summary_export import SummaryLine, export, to_csv, to_json, to_xlsx
from c2i2e_jury.services import certification_batch, jury_room
from c2i2e_jury.services.review.summary import summary_bytes
from c2i2e_jury.storage.models import Candidate
from tests.services.review_factory import (
    demo_db_fixture,  # noqa: F401
    demo_template_fixture,  # noqa: F401
)

CODES = ("A1.1", "A1.2", "B1.1")
DOMAINS = ("A1", "B1")
LINES = [
    SummaryLine(
        "C1",
        "Lefèvre",
        "Élodie",
        "examined",
        "examiné",
        27,
        {"A1": 0, "B1": 1},
        True,
        "certificate",
        "certificat délivré",
        "C2I2E-2017-ABCD-EFGH",
        (),
        {"A1.1": "V", "A1.2": "acquis", "B1.1": "NV"},
    ),
    SummaryLine(
        "C2",
        '=HYPERLINK("http://x")',
        "-Zoé",
        "absent",
        "absent (abandon)",
        0,
        {"A1": 5, "B1": 3},
        False,
        "",
        "",
        "",
        ("feuille manquante",),
        {},
        ("missing_sheet",),
    ),
]


def spreadsheet_rows(data: bytes) -> list[list[str]]:
    """What a spreadsheet does with the bytes: a BOM says UTF-8, ';' splits the cells (quotes hold a cell
    together), CRLF ends the rows."""
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    # The mark that keeps an identifier text (exchange/spreadsheet.py) is invisible in a spreadsheet.
    return [
        [cell.removeprefix(TEXT_MARK) for cell in row]
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=";")
    ]


def test_csv_opens_with_its_accents():
    rows = spreadsheet_rows(to_csv(LINES, CODES, DOMAINS))
    header = rows[0]
    assert header[:5] == ["candidat", "nom", "prénom", "statut", "compétences validées (/28)"]
    assert header[-3:] == list(CODES)
    first = dict(zip(header, rows[1], strict=True))
    assert (first["nom"], first["prénom"], first["statut"]) == ("Lefèvre", "Élodie", "examiné")
    assert (first["compétences validées (/28)"], first["non validées B1"], first["certificat (règles)"]) == (
        "27",
        "1",
        "oui",
    )
    assert (first["A1.1"], first["A1.2"], first["B1.1"]) == ("V", "acquis", "NV")
    assert first["décision du jury de certification"] == "certificat délivré"


def test_a_formula_is_written_as_text():
    rows = spreadsheet_rows(to_csv(LINES, CODES, DOMAINS))
    second = rows[2]
    assert second[1].startswith("'=HYPERLINK") and second[2] == "'-Zoé"
    sheet = load_workbook(io.BytesIO(to_xlsx(LINES, CODES, DOMAINS))).active
    assert sheet["B3"].value == '=HYPERLINK("http://x")' and sheet["B3"].data_type == "s"


def test_xlsx_cells():
    sheet = load_workbook(io.BytesIO(to_xlsx(LINES, CODES, DOMAINS))).active
    header = [c.value for c in sheet[1]]
    assert header[1:3] == ["nom", "prénom"]
    assert [c.value for c in sheet[2]][:5] == ["C1", "Lefèvre", "Élodie", "examiné", 27]
    assert sheet.cell(row=2, column=header.index("A1.2") + 1).value == "acquis"
    assert (
        sheet.freeze_panes == "E2"
        and sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}3"
    )


def test_json_lists_the_candidates():
    data = json.loads(to_json(LINES, "test-2017"))
    assert (data["format"], data["campaign"]) == ("c2i2e-summary/1", "test-2017")
    assert data["candidates"][0] == {
        "id": "C1",
        "last_name": "Lefèvre",
        "first_name": "Élodie",
        "status": "examined",
        "status_label": "examiné",
        "validated": 27,
        "missing_by_domain": {"A1": 0, "B1": 1},
        "certificate": True,
        "decision": "certificate",
        "decision_label": "certificat délivré",
        "code": "C2I2E-2017-ABCD-EFGH",
        "flags": [],
        "items": {"A1.1": "V", "A1.2": "prior", "B1.1": "NV"},
    }
    second = data["candidates"][1]
    assert second["decision"] is None and second["certificate"] is False
    assert second["flags"] == [{"code": "missing_sheet", "label": "feuille manquante"}]


def test_unknown_format_is_a_bug():
    import pytest

    with pytest.raises(ValueError, match="unknown format"):
        export(LINES, "ods", CODES, DOMAINS)


def test_the_summary_figures_are_the_rules_engines(demo_db, referential):
    """After the certification jury's decisions, each format says what evaluate() says for each candidate."""
    certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", by="Hélène Présidente")
    with demo_db.read() as s:
        expected = {
            c.candidate_id: evaluate(referential, jury_room.situation_of(c))
            for c in s.scalars(select(Candidate))
        }
    as_json = {
        entry["id"]: entry
        for entry in json.loads(summary_bytes(demo_db, "grenoble-2017", "json"))["candidates"]
    }
    rows = spreadsheet_rows(summary_bytes(demo_db, "grenoble-2017", "csv"))
    as_csv = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    sheet = load_workbook(io.BytesIO(summary_bytes(demo_db, "grenoble-2017", "xlsx"))).active
    header = [c.value for c in sheet[1]]
    as_xlsx = {r[0]: dict(zip(header, r, strict=True)) for r in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(as_json) == set(as_csv) == set(as_xlsx) == set(expected)
    for cid, outcome in expected.items():
        j, c, x = as_json[cid], as_csv[cid], as_xlsx[cid]
        assert (j["status"], j["validated"], j["certificate"]) == (
            outcome.status.value,
            outcome.validated_count,
            outcome.certificate,
        )
        assert j["missing_by_domain"] == dict(outcome.missing_by_domain)
        assert (
            int(c["compétences validées (/28)"]) == x["compétences validées (/28)"] == outcome.validated_count
        )
        for domain, misses in outcome.missing_by_domain.items():
            assert int(c[f"non validées {domain}"]) == x[f"non validées {domain}"] == misses
        assert c["certificat (règles)"] == ("oui" if outcome.certificate else "non")
        assert {code for code in referential.codes if c[code] in ("V", "acquis")} == set(outcome.validated)
    assert as_csv["C2017-004"]["nom"] == "Lefèvre" and as_csv["C2017-004"]["prénom"] == "Gaëlle"
    # Issue 13: the JSON's decision is a code (the PV's), its French label beside it.
    assert (as_json["C2017-001"]["decision"], as_json["C2017-001"]["decision_label"]) == (
        "certificate",
        "certificat délivré",
    )
    assert (as_json["C2017-004"]["decision"], as_json["C2017-004"]["decision_label"]) == (
        "attestation",
        "attestation partielle",
    )
    assert as_csv["C2017-008"]["A1.1"] == "acquis"


def test_the_json_follows_its_schema_and_says_decisions_in_the_pvs_words(demo_db):
    """Issue 13: an object with its format, valid against the schema shipped beside the sheet's, codes with their
    labels beside them; each decision is the code the PV's JSON gives the same candidate."""
    from datetime import UTC, date, datetime

    from jsonschema import Draft202012Validator

    from c2i2e_jury.exchange.summary_export import SCHEMA_FILE
    from c2i2e_jury.resources_access import read_json
    from c2i2e_jury.services.certification import undo_delivery
    from c2i2e_jury.services.certification_pv import pv_content
    from tests.services.review_factory import demo_ids

    certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", by="Hélène Présidente")
    undo_delivery(demo_db, demo_ids(demo_db)["C2017-008"])  # issue 12 §5: taken back before the PV
    data = json.loads(summary_bytes(demo_db, "grenoble-2017", "json"))
    schema = read_json("schemas", SCHEMA_FILE)
    Draft202012Validator.check_schema(schema)
    assert not list(Draft202012Validator(schema).iter_errors(data))
    assert (data["format"], data["campaign"]) == ("c2i2e-summary/1", "grenoble-2017")
    pv = json.loads(
        pv_content(
            demo_db,
            "grenoble-2017",
            [],
            date(2017, 7, 10),
            "Grenoble",
            now=datetime(2017, 7, 10, 12, tzinfo=UTC),
        ).to_json()
    )
    in_pv = {c["candidate_id"]: c["decided"] for c in pv["candidates"]}
    in_summary = {c["id"]: c["decision"] for c in data["candidates"]}
    assert in_summary == in_pv and {"certificate", "attestation", "delivery_undone"} <= set(
        in_summary.values()
    )
    assert all(
        c["status"] == p["status"]
        for c in data["candidates"]
        for p in pv["candidates"]
        if p["candidate_id"] == c["id"] and p["status"] != "pending"
    )
    broken = {**data, "candidates": [{**data["candidates"][0], "decision": "certificat délivré"}]}
    assert list(Draft202012Validator(schema).iter_errors(broken))  # a French label is no decision code
