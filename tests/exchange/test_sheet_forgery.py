"""Issue 11 §1: keyless forgeries of signed result sheets and PVs (:mod:`tests.exchange.forgery`), built here from
genuine files signed with real keys, are real attacks on pyHanko's own verdict, and the product refuses each one
everywhere a signed PDF comes in: ``verify_sheet``, ``sheet verify``, the sheet import (service and command, the
database unchanged), hence the president's screen, and the PV check."""

from __future__ import annotations

import asyncio
import io
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from c2i2e_jury.cli import main
from c2i2e_jury.domain.rules import evaluate
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.pades import SheetRejected
from c2i2e_jury.exchange.pdf_signing import sign_pdf_with, verify_signed_pdf
from c2i2e_jury.exchange.pv_pdf import PRESIDENT_FIELD, PvCandidate, PvContent, PvMember, pv_json, render_pv
from c2i2e_jury.exchange.result_json import from_bytes, outcome_json, situation_of
from c2i2e_jury.exchange.sheet_pdf import render_sheet
from c2i2e_jury.exchange.sheet_reading import embedded_json, visible_mismatch
from c2i2e_jury.exchange.signatures import verify_sheet
from c2i2e_jury.services.review.detail import candidate_detail
from c2i2e_jury.services.review.rows import review_rows
from c2i2e_jury.services.sheet_import import import_sheets
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Base
from tests.exchange import forgery
from tests.exchange.package.factory import CANDIDATES
from tests.exchange.result_examples import example_result
from tests.services.sheet_factory import CAMPAIGN_ID, SIGNING, import_with_pki, make_pki, make_sheet

SENTENCE = "Les signatures ne couvrent pas tout le document"
EXTRA = "C4;Martin;Léa;lea@example.fr;c1.pdf;oui;non;2017-06-12;11:00;B112;J1;;"
NAMES = {line.split(";")[0]: line.split(";")[1:3] for line in [*CANDIDATES, EXTRA]}
GENUINE_NV = ("A1.3", "A1.4", "A1.5")  # three refusals in one domain: no certificate on the genuine sheet
VARIANTS = ("autre_candidat", "absent_examine", "version_2")
FORGED_FILES = {
    "autre_candidat": "C4_v1.pdf",
    "absent_examine": "C2_v1_examine.pdf",
    "version_2": "C1_v2.pdf",
}
DOCUMENT_SIGNING = "1.3.6.1.5.5.7.3.36"


# --- the genuine files and their forgeries ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    return make_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture(scope="module")
def genuine(referential, pki):
    """Two genuine sheets signed by both jurors: C1 without the certificate, C2 absent."""
    return {
        "C1_v1.pdf": make_sheet(referential, pki.jurors, "C1", nv=GENUINE_NV),
        "C2_v1_absent.pdf": make_sheet(referential, pki.jurors, "C2", status="absent"),
    }


def wished(referential, pki, candidate: str, *, version: int = 1) -> dict:
    """The sheet a forger wants: ``candidate`` examined, every item the jury heard validated, the certificate,
    naming the genuine jurors and their fingerprints."""
    result = example_result(referential, pki.juror_entries(), version=version)
    last, first = NAMES[candidate]
    result["campaign"], result["campaign_title"] = CAMPAIGN_ID, "Campagne de test"
    result["candidate"] = {"id": candidate, "last_name": last, "first_name": first}
    for entry in result["items"]:
        if entry["jury"] == "NV":
            entry["jury"], entry["comment"] = "V", ""
            entry.pop("justification", None)
            if entry["evaluator"] == "NV":
                entry["justification"] = "Démontré à l'oral."
    result["outcome"] = outcome_json(evaluate(referential, situation_of(result)))
    assert result["outcome"]["certificate"]
    return result


@pytest.fixture(scope="module")
def wanted(referential, pki):
    return {
        "autre_candidat": wished(referential, pki, "C4"),
        "absent_examine": wished(referential, pki, "C2"),
        "version_2": wished(referential, pki, "C1", version=2),
    }


@pytest.fixture(scope="module")
def forged(referential, genuine, wanted):
    """Each variant forged from a genuine sheet (no key): the new sheet is the product's own rendering."""
    source = {"autre_candidat": "C1_v1.pdf", "absent_examine": "C2_v1_absent.pdf", "version_2": "C1_v1.pdf"}
    return {
        variant: forgery.forge_sheet(genuine[source[variant]], render_sheet(wanted[variant], referential))
        for variant in VARIANTS
    }


def pyhanko_verdicts(pdf: bytes, authority) -> list[tuple[str, object]]:
    """pyHanko's own status of each signature, in signing order, with the campaign authority as the only trust
    root and the same settings as the product's validation (no network, signing time as declared)."""
    from asn1crypto import x509 as asn1_x509
    from cryptography.hazmat.primitives.serialization import Encoding
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import async_validate_pdf_signature
    from pyhanko.sign.validation.settings import KeyUsageConstraints
    from pyhanko_certvalidator import ValidationContext

    roots = [asn1_x509.Certificate.load(authority.public_bytes(Encoding.DER))]
    usage = KeyUsageConstraints(
        key_usage={"digital_signature", "non_repudiation"},
        match_all_key_usages=True,
        extd_key_usage={DOCUMENT_SIGNING, "email_protection"},
    )
    reader = PdfFileReader(io.BytesIO(pdf))
    verdicts = []
    for signature in sorted(reader.embedded_regular_signatures, key=lambda s: s.signed_revision):
        moment = signature.self_reported_timestamp
        context = ValidationContext(
            trust_roots=roots,
            allow_fetching=False,
            revocation_mode="soft-fail",
            moment=moment,
            best_signature_time=moment,
        )
        verdicts.append(
            (
                signature.field_name,
                asyncio.run(async_validate_pdf_signature(signature, context, key_usage_settings=usage)),
            )
        )
    return verdicts


def assert_pyhanko_fooled(pdf: bytes, authority, fields: list[str]) -> None:
    """Every signature intact, valid, trusted, DocMDP respected; the last covering the entire file, the others
    their entire revision: everything the product's judgement of pyHanko's statuses asked before issue 11."""
    from pyhanko.sign.validation.status import SignatureCoverageLevel as Coverage

    verdicts = pyhanko_verdicts(pdf, authority)
    assert [field for field, _ in verdicts] == fields
    for _field, status in verdicts:
        assert (status.intact, status.valid, status.trusted, status.docmdp_ok) == (True, True, True, True)
    assert verdicts[-1][1].coverage == Coverage.ENTIRE_FILE
    assert all(s.coverage in (Coverage.ENTIRE_FILE, Coverage.ENTIRE_REVISION) for _f, s in verdicts)


def refusal(pdf: bytes, pki, referential) -> SheetRejected:
    with pytest.raises(SheetRejected) as refused:
        verify_sheet(pdf, [pki.authority.certificate], referential)
    return refused.value


# --- pyHanko alone is fooled ------------------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_forgery_fools_pyhanko_alone(variant, forged, wanted, genuine, pki):
    pdf = forged[variant]
    assert_pyhanko_fooled(pdf, pki.authority.certificate, ["Juré 1", "Juré 2"])
    # and it says what the forger wanted, pages and JSON alike, under the first signature as now
    from pyhanko.pdf_utils.reader import PdfFileReader

    reader = PdfFileReader(io.BytesIO(pdf))
    first = min(reader.embedded_regular_signatures, key=lambda s: s.signed_revision)
    assert from_bytes(embedded_json(reader.get_historical_root(first.signed_revision))) == wanted[variant]
    assert from_bytes(embedded_json(reader.root)) == wanted[variant]
    assert visible_mismatch(pdf, wanted[variant]) is None
    # with the genuine signatures: the same CMS blobs, not one new byte signed
    source = genuine["C2_v1_absent.pdf" if variant == "absent_examine" else "C1_v1.pdf"]
    assert [s.cms for s in forgery.genuine_signatures(pdf)] == [
        s.cms for s in forgery.genuine_signatures(source)
    ]


# --- the product refuses it everywhere ----------------------------------------------------------------------------


@pytest.mark.parametrize("variant", VARIANTS)
def test_verify_sheet_refuses_each_forgery(variant, forged, pki, referential):
    refused = refusal(forged[variant], pki, referential)
    assert refused.reason == "modified"
    assert refused.message.startswith(SENTENCE)


@pytest.mark.parametrize("variant", VARIANTS)
def test_sheet_verify_command_refuses_each_forgery(variant, forged, pki, tmp_path, capsys):
    sheet = tmp_path / FORGED_FILES[variant]
    sheet.write_bytes(forged[variant])
    code = main(["sheet", "verify", str(sheet), "--trust", str(pki.authority_pem)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    assert err.startswith(f"c2i2e-jury: {SENTENCE}")
    assert "Traceback" not in err


def snapshot(db) -> dict[str, list[tuple]]:
    """Every row of every table: what "nothing changed" means."""
    with db.read() as session:
        return {
            table.name: sorted(map(tuple, session.execute(select(table)).all()), key=repr)
            for table in Base.metadata.sorted_tables
        }


def president_view(db) -> dict[str, tuple]:
    """What the president's screen shows of each candidate: sheet version, status, count, certificate, flags."""
    return {
        r.candidate_id: (r.sheet_version, r.status.name, r.validated_count, r.outcome.certificate, r.flags)
        for r in review_rows(db, CAMPAIGN_ID)
    }


def secretariat_with_genuine(db, tmp_path: Path, pki, genuine) -> dict[str, int]:
    pks = import_with_pki(db, tmp_path / "pkg", pki, candidates=[*CANDIDATES, EXTRA])
    folder = write(tmp_path / "authentiques", genuine)
    assert [o.status for o in import_sheets(db, [folder])] == ["imported", "imported"]
    return pks


def write(folder: Path, files: dict[str, bytes]) -> Path:
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return folder


def test_sheet_import_refuses_each_forgery_and_changes_nothing(database, tmp_path, pki, genuine, forged):
    pks = secretariat_with_genuine(database, tmp_path, pki, genuine)
    before, shown = snapshot(database), president_view(database)
    folder = write(tmp_path / "cle-usb", {FORGED_FILES[v]: forged[v] for v in VARIANTS})
    outcomes = import_sheets(database, [folder])
    assert [(Path(o.file).name, o.status, o.reason) for o in outcomes] == [
        (name, "rejected", "modified") for name in sorted(FORGED_FILES.values())
    ]
    assert all(o.message.startswith(SENTENCE) for o in outcomes)
    assert snapshot(database) == before
    # the president's screen: only what the genuine sheets said, never the forged certificate nor version 2
    assert president_view(database) == shown
    assert (shown["C1"][0], shown["C1"][3]) == (1, False)
    assert shown["C2"][:2] == (1, "ABSENT")
    assert shown["C4"][0] is None and "missing_sheet" in shown["C4"][4]
    assert [line.version for line in candidate_detail(database, pks["C1"]).sheets] == [1]


def test_sheet_import_command_refuses_each_forgery(tmp_path, pki, genuine, forged, capsys):
    path = tmp_path / "secretariat.sqlite"
    db = open_database(str(path))
    try:
        secretariat_with_genuine(db, tmp_path, pki, genuine)
        before = snapshot(db)
    finally:
        db.dispose()
    folder = write(tmp_path / "cle-usb", {FORGED_FILES[v]: forged[v] for v in VARIANTS})
    code = main(["--db", str(path), "sheet", "import", str(folder)])
    out, err = capsys.readouterr()
    assert code == 1, err
    lines = out.splitlines()
    assert lines[-1] == "3 fichiers : 3 refusées."
    for name, line in zip(sorted(FORGED_FILES.values()), lines, strict=False):
        assert line.startswith(str(folder / name) + " : refusée")
        assert f" — {SENTENCE}" in line
    db = open_database(str(path))
    try:
        assert snapshot(db) == before
    finally:
        db.dispose()


# --- the same trick on a signed PV -------------------------------------------------------------------------------

PV_MEMBERS = (PvMember("Pr. Anne-Sophie Lévêque", "Président"), PvMember("Benoît Œhlenschläger"))
PV_SIGNED = datetime(2017, 7, 10, 17, 5, tzinfo=SIGNING.tzinfo)


def pv(decisions: dict[str, tuple[int, bool, str]]) -> PvContent:
    rows = tuple(
        PvCandidate(cid, NAMES[cid][0], NAMES[cid][1], "examined", validated, certificate, decision, 1)
        for cid, (validated, certificate, decision) in decisions.items()
    )
    return PvContent(
        CAMPAIGN_ID, "Campagne de test", date(2017, 7, 10), "Grenoble, ESPE", PV_MEMBERS, rows, "", PV_SIGNED
    )


GENUINE_PV = {
    "C1": (25, False, "Attestation partielle : 25 compétences validées."),
    "C2": (27, True, "Certificat délivré."),
}
FORGED_PV = {"C1": (28, True, "Certificat délivré."), "C2": (27, True, "Certificat délivré.")}


@pytest.fixture(scope="module")
def pv_files(pki):
    """A genuine PV signed by its president, and a keyless forgery of it that delivers C1's certificate."""
    president = credentials.issue_credential(
        pki.authority, "Pr. Anne-Sophie Lévêque", "presidente@example.fr", now=SIGNING - timedelta(days=100)
    )
    genuine_pv = sign_pdf_with(
        render_pv(pv(GENUINE_PV)),
        president,
        PRESIDENT_FIELD,
        timestamp=PV_SIGNED,
        reason="Procès-verbal du jury de certification C2i2e",
    )
    return genuine_pv, forgery.forge_signed(genuine_pv, render_pv(pv(FORGED_PV)))


def test_pv_forgery_fools_pyhanko_alone(pv_files, pki):
    genuine_pv, forged_pv = pv_files
    assert_pyhanko_fooled(forged_pv, pki.authority.certificate, [PRESIDENT_FIELD])
    decisions = {c["candidate_id"]: c["decision"] for c in pv_json(forged_pv)["candidates"]}
    assert decisions == {"C1": "Certificat délivré.", "C2": "Certificat délivré."}
    assert forgery.genuine_signatures(forged_pv)[0].cms == forgery.genuine_signatures(genuine_pv)[0].cms


def test_the_pv_check_refuses_the_forged_pv(pv_files, pki):
    genuine_pv, forged_pv = pv_files
    assert [
        s.field for s in verify_signed_pdf(genuine_pv, [pki.authority.certificate], [PRESIDENT_FIELD])
    ] == [PRESIDENT_FIELD]
    with pytest.raises(SheetRejected) as refused:
        verify_signed_pdf(forged_pv, [pki.authority.certificate], [PRESIDENT_FIELD])
    assert refused.value.reason == "modified"
    assert refused.value.message.startswith(SENTENCE)


# --- the malformed variants the defence's structural tests use ------------------------------------------------


def test_the_structural_variants_are_what_they_say(genuine, pv_files, pki):
    sheet = genuine["C1_v1.pdf"]
    last = forgery.genuine_signatures(sheet)[-1]
    _, a, b, lb = last.byte_range  # the gap is [a, b)

    cut = forgery.truncate_after_last_signature(sheet, keep=10)
    assert len(cut) == b + 10 < b + lb

    appended = forgery.append_garbage_revision(sheet)
    assert appended.startswith(sheet) and len(appended) > len(sheet)
    assert forgery.append_garbage_revision(sheet, raw=b"%bruit\n") == sheet + b"%bruit\n"

    decoy = forgery.with_decoy_gap(sheet)
    assert decoy.startswith(sheet)
    assert decoy[a:b] == sheet[a:b] and decoy[a:b].startswith(b"<")
    redefined = forgery.genuine_signatures(decoy)[-1]
    assert redefined.byte_range == last.byte_range and redefined.cms == last.cms
    assert decoy[a:b] != b"<" + redefined.dictionary["/Contents"].original_bytes.hex().upper().encode() + b">"
    assert_pyhanko_fooled(decoy, pki.authority.certificate, ["Juré 1", "Juré 2"])  # a real attack, too

    five = forgery.with_byte_range(sheet, "Juré 2", (0, a, b, lb, 7))
    assert len(five) == len(sheet) and b"[0 %d %d %d 7]" % (a, b, lb) in five
    overlapping = forgery.with_byte_range(sheet, "Juré 2", (0, b, a, lb))
    assert b"[0 %d %d %d]" % (b, a, lb) in overlapping

    genuine_pv, _ = pv_files
    unsigned = render_pv(pv(FORGED_PV))
    negative = forgery.with_negative_first_length(genuine_pv, unsigned)
    assert forgery.genuine_signatures(negative)[0].byte_range[:2] == (0, -1)
    assert_pyhanko_fooled(negative, pki.authority.certificate, [PRESIDENT_FIELD])


def test_the_forger_says_when_it_cannot_lay_a_forgery_out(genuine, referential, pki):
    """Its inputs are one genuine signed file and the product's own rendering; an unsigned "genuine" file is a
    ForgeryError, not a half-forgery. The ranges' first part is the prefix both files share, past the header."""
    unsigned = render_sheet(wished(referential, pki, "C4"), referential)
    with pytest.raises(forgery.ForgeryError):
        forgery.forge_sheet(unsigned, unsigned)
    sheet = genuine["C1_v1.pdf"]
    assert forgery.shared_prefix(sheet, unsigned, forgery.genuine_signatures(sheet)) > len(b"%PDF-1.7\n")


def test_the_defence_refuses_every_structural_variant(genuine, pv_files, pki, referential):
    """The malformed variants above, each refused by the product with the sentence that the signatures do not
    cover the document (the decoy gap and the negative length fool pyHanko alone)."""
    sheet = genuine["C1_v1.pdf"]
    last = forgery.genuine_signatures(sheet)[-1]
    _, a, b, lb = last.byte_range
    variants = {
        "truncated": forgery.truncate_after_last_signature(sheet, keep=10),
        "garbage revision": forgery.append_garbage_revision(sheet),
        "raw garbage": forgery.append_garbage_revision(sheet, raw=b"%bruit\n"),
        "decoy gap": forgery.with_decoy_gap(sheet),
        "five numbers": forgery.with_byte_range(sheet, "Juré 2", (0, a, b, lb, 7)),
        "overlapping": forgery.with_byte_range(sheet, "Juré 2", (0, b, a, lb)),
    }
    for name, pdf in variants.items():
        refused = refusal(pdf, pki, referential)
        assert refused.reason in {"modified", "unreadable"}, name  # a truncated file may not even parse
        if refused.reason == "modified" and name != "garbage revision":
            assert refused.message.startswith(SENTENCE), name
    assert refusal(variants["decoy gap"], pki, referential).message.startswith(SENTENCE)
    assert refusal(variants["garbage revision"], pki, referential).message == (
        "La feuille a été modifiée après la dernière signature."
    )
    genuine_pv, _ = pv_files
    negative = forgery.with_negative_first_length(genuine_pv, render_pv(pv(FORGED_PV)))
    with pytest.raises(SheetRejected) as refused_pv:
        verify_signed_pdf(negative, [pki.authority.certificate], [PRESIDENT_FIELD])
    assert refused_pv.value.message.startswith(SENTENCE)
