"""Issue 11 §4, facts survive the import: a jury room signs real sheets (real keys, a real SQLite file), the
secretariat imports them into its own database (SQLite and PostgreSQL); the fraud or plagiarism report, the
incidents and the check-in are stored there and shown, the batch delivery leaves the report to the president,
the proposal is the signed sheet's even after ``prior.csv`` changed, and the PV counts what was decided."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pymupdf
import pytest
from sqlalchemy import select

from c2i2e_jury.domain.rules import Attendance, Mark, Status
from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.pv_pdf import PvMember
from c2i2e_jury.services import certification as cert
from c2i2e_jury.services import certification_batch, jury_room
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.certification import CertificationError
from c2i2e_jury.services.certification_pv import PvError, pv_content, sign_pv
from c2i2e_jury.services.review.detail import candidate_detail
from c2i2e_jury.services.review.rows import review_rows
from c2i2e_jury.services.review.summary import summary_lines
from c2i2e_jury.services.sheet_import import import_sheets
from c2i2e_jury.services.sheet_signing import latest_sheet, sign_and_lock
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import Database, open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Incident, Oral
from tests.run_pki import run_credential, run_files, run_pki
from tests.services.sheet_factory import (
    SIGNING,
    clock,
    decide_all,
    import_with_pki,
    package_with_pki,
)

CAMPAIGN = "test-2017"
PRESIDENT = "Pr. Anne-Sophie Lévêque"
MEMBERS = (PvMember(PRESIDENT, "Président"), PvMember("Benoît Œhlenschläger"))
JULY = SIGNING + timedelta(days=28)
FRAUD_NOTE = "Partie 3 copiée d'un mémoire en ligne (pages 6 à 8)."
# 6 items not validated, one in each of six domains: 22 of 28, no certificate; B4.3 acquired later makes 23.
SHORT = {
    code: (Mark.NOT_VALIDATED, "Non démontré à l'oral.") for code in ("A1.1", "A2.1", "B1.1", "B2.1", "B4.3")
}


@pytest.fixture(scope="module")
def pki():
    return run_pki("sheet-facts")  # the run's: the campaign below is built once for the run


@pytest.fixture(scope="module")
def president(pki):
    return run_credential(
        "sheet-facts-president",
        lambda: credentials.issue_credential(
            pki.authority, PRESIDENT, "presidente@example.fr", now=SIGNING - timedelta(days=100)
        ),
    )


def _package(root: Path, pki, prior: str, president=None) -> Path:
    package_with_pki(root, pki, president=president)
    (root / "prior.csv").write_text(
        f"candidate_id;item;year;copy_deposited;original_received\r\n{prior}\r\n", encoding="utf-8-sig"
    )
    return root


def _room(tmp_path: Path, pki, hear) -> Path:
    """A jury room's own database: the package imported, ``hear(db, ids, jurors)`` run, every sheet saved to a
    folder (as the room's USB key holds them)."""
    room = open_database(str(tmp_path / "room.sqlite"))
    try:
        import_package(room, _package(tmp_path / "room-pkg", pki, "C1;B4.3;2016;oui;non"), DossierStore())
        ids = _ids(room)
        hear(room, ids, pki.jurors)
        usb = tmp_path / "usb"
        usb.mkdir()
        for cid, pk in ids.items():
            sheet = latest_sheet(room, pk)
            if sheet is not None:
                (usb / f"{cid}_v{sheet.version}.pdf").write_bytes(sheet.pdf)
    finally:
        room.dispose()
    return usb


@pytest.fixture(scope="module")
def usb_key(tmp_path_factory, pki):
    """``usb_key(tmp_path, hear)``: the room's USB key for ``hear``, written in ``tmp_path`` from sheets made once
    for the run (``tests/run_pki.py``: importing, hearing and signing a room's sheets costs seconds; the
    secretariat only reads them)."""

    def sheets(hear) -> dict[str, bytes]:
        usb = _room(tmp_path_factory.mktemp("room"), pki, hear)
        return {p.name: p.read_bytes() for p in usb.iterdir()}

    def copy(tmp_path: Path, hear) -> Path:
        usb = tmp_path / "usb"
        usb.mkdir()
        for name, data in run_files(f"sheet-facts-{hear.__name__}", lambda: sheets(hear)).items():
            (usb / name).write_bytes(data)
        return usb

    return copy


def _ids(db: Database) -> dict[str, int]:
    from c2i2e_jury.storage.models import Candidate

    with db.read() as s:
        return {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}


def _run_oral(db: Database, pk: int) -> None:
    """The oral timed for real through the timer service, on injected clocks: 10:10 of presentation, a 2-minute
    pause, 19:40 of discussion, then ended (a sheet is signed after the oral)."""
    from c2i2e_jury.services import oral_timer

    seconds = [0.0]
    start = SIGNING - timedelta(minutes=35)
    timer = oral_timer.build_timer(
        db,
        jury_room.candidate_file(db, pk),
        monotonic=lambda: 1000 + seconds[0],
        wall=lambda: start + timedelta(seconds=seconds[0]),
    )
    steps = (
        (0, timer.start),
        (610, timer.start_discussion),
        (300, lambda: timer.pause("Vidéoprojecteur éteint")),
        (120, timer.resume),
        (880, timer.end),
    )
    for wait, action in steps:
        seconds[0] += wait
        event = action()
        oral_timer.record_event(db, pk, event)
        timer.apply(event)


def _fraud_and_absence(db: Database, ids: dict[str, int], jurors) -> None:
    decide_all(db, ids["C1"], oral=())  # the oral timed by _run_oral
    _run_oral(db, ids["C1"])
    jury_room.add_incident(
        db,
        ids["C1"],
        "technical",
        "Vidéoprojecteur éteint deux minutes.",
        now=clock(SIGNING - timedelta(minutes=20)),
    )
    jury_room.add_incident(
        db, ids["C1"], "fraud_suspicion", FRAUD_NOTE, now=clock(SIGNING - timedelta(minutes=10))
    )
    sign_and_lock(db, ids["C1"], *jurors, now=SIGNING)
    jury_room.check_in(db, ids["C2"], Attendance.ABSENT, now=clock(SIGNING - timedelta(minutes=5)))
    sign_and_lock(db, ids["C2"], *jurors, now=SIGNING)


@pytest.fixture
def secretariat(database, tmp_path, pki, president):
    """The secretariat's database with the same package (its authority, jurors and designated president)."""
    return import_with_pki(database, tmp_path / "secr-pkg", pki, president=president)


def test_a_fraud_report_travels_in_the_sheet_is_stored_at_import_and_shown(
    database, secretariat, tmp_path, usb_key
):
    usb = usb_key(tmp_path, _fraud_and_absence)
    outcomes = import_sheets(database, [usb], now=JULY)
    assert [(o.candidate_id, o.status) for o in outcomes] == [("C1", "imported"), ("C2", "imported")]

    file = jury_room.candidate_file(database, secretariat["C1"])
    assert [(i.kind, i.note) for i in file.incidents] == [
        ("technical", "Vidéoprojecteur éteint deux minutes."),
        ("fraud_suspicion", FRAUD_NOTE),
    ]
    assert file.incidents[1].at == (SIGNING - timedelta(minutes=10)).astimezone(UTC)
    assert file.checked_in_at == (SIGNING - timedelta(minutes=40)).astimezone(
        UTC
    )  # the room's, not the import's
    absent = jury_room.candidate_file(database, secretariat["C2"])
    assert (absent.attendance, absent.checked_in_at) == (
        Attendance.ABSENT,
        (SIGNING - timedelta(minutes=5)).astimezone(UTC),
    )

    rows = {r.candidate_id: r for r in review_rows(database, CAMPAIGN)}
    assert "plagiarism" in rows["C1"].flags and rows["C1"].proposed.certificate
    assert rows["C2"].status is Status.ABSENT
    facts = candidate_detail(database, secretariat["C1"]).facts
    assert facts is not None and facts.fraud_reported and facts.version == 1
    assert [(i.kind, i.note) for i in facts.incidents][1] == ("fraud_suspicion", FRAUD_NOTE)
    assert facts.checked_in_at == SIGNING - timedelta(minutes=40)
    assert (facts.elapsed, facts.paused_seconds, facts.overtime) == (
        {"presentation": 610, "discussion": 1180},
        120,
        {"presentation": 10, "discussion": 0},
    )

    import_sheets(database, [usb], now=JULY)  # again: duplicates, the incidents are not doubled
    with database.read() as s:
        assert (
            len(s.scalars(select(Incident).join(Oral).where(Oral.candidate_pk == secretariat["C1"])).all())
            == 2
        )


def test_the_batch_never_delivers_on_a_fraud_report_the_president_decides(
    database, secretariat, tmp_path, usb_key, president
):
    import_sheets(database, [usb_key(tmp_path, _fraud_and_absence)], now=JULY)
    report = certification_batch.deliver_as_proposed(database, CAMPAIGN, by=PRESIDENT, now=lambda: JULY)
    assert (report.certificates, report.attestations) == (0, 0)
    assert report.skipped["C1"] == (
        "Suspicion de fraude ou de plagiat signalée : à décider par le jury de certification."
    )
    with pytest.raises(PvError, match=r"1 candidat reste à décider .* LEFÈVRE Élodie \(C1\)\.$"):
        sign_pv(
            database,
            pv_content(database, CAMPAIGN, MEMBERS, JULY.date(), "Grenoble", now=JULY),
            president,
            now=JULY,
        )

    entry = cert.deliver_certificate(database, secretariat["C1"], by=PRESIDENT, now=lambda: JULY)
    with database.read() as s:
        row = s.get(CertificationDecision, entry.pk)
        assert (row.kind, row.sheet_version, row.sheet_proposal, row.basis) == (
            "certificate",
            1,
            "certificate",
            "sheet",
        )
    cert.annul_for_plagiarism(database, secretariat["C1"], FRAUD_NOTE, by=PRESIDENT, now=lambda: JULY)
    rows = review_rows(database, CAMPAIGN)
    assert [r.status for r in rows] == [Status.ANNULLED, Status.ABSENT, Status.NOT_ADMITTED]
    assert [line.status_label for line in summary_lines(rows)] == [
        "annulé (plagiat)",
        "absent (abandon)",
        "non admis",
    ]
    content = pv_content(database, CAMPAIGN, MEMBERS, JULY.date(), "Grenoble", now=JULY)
    assert content.counts() == {
        "candidates": 3,
        "certificates": 0,
        "partial": 0,
        "annulled": 1,
        "absent": 1,
        "not_admitted": 1,
        "pending": 0,
        "undecided": 0,
    }
    text = _text(sign_pv(database, content, president, now=JULY))
    assert (
        "3 candidats ; 0 certificat délivré ; 0 attestation partielle délivrée ; 1 dossier annulé pour plagiat "
        "; 1 absent ; 1 non admis ; 0 candidat à décider."
    ) in text


def _prior_completed_later(db: Database, ids: dict[str, int], jurors) -> None:
    decide_all(db, ids["C1"], overrides=SHORT, oral=())
    _run_oral(db, ids["C1"])
    sign_and_lock(db, ids["C1"], *jurors, now=SIGNING)
    jury_room.check_in(db, ids["C2"], Attendance.ABSENT, now=clock())
    sign_and_lock(db, ids["C2"], *jurors, now=SIGNING)


def test_the_proposal_is_the_signed_sheets_and_a_later_prior_validation_needs_a_decision(
    database, tmp_path, pki, president, usb_key
):
    import_package(
        database, _package(tmp_path / "secr-pkg", pki, "C1;B4.3;2016;oui;non", president), DossierStore()
    )
    ids = _ids(database)
    import_sheets(database, [usb_key(tmp_path, _prior_completed_later)], now=JULY)
    row = next(r for r in review_rows(database, CAMPAIGN) if r.candidate_id == "C1")
    assert (row.changed, row.proposed.validated_count, row.proposed.certificate) == (False, 22, False)

    # the original of the 2016 attestation reached the bureau after the oral: prior.csv imported again
    import_package(
        database, _package(tmp_path / "secr-pkg", pki, "C1;B4.3;2016;oui;oui", president), DossierStore()
    )
    row = next(r for r in review_rows(database, CAMPAIGN) if r.candidate_id == "C1")
    assert row.changed and "changed" in row.flags
    assert (row.signed.validated_count, row.signed.certificate) == (22, False)  # what the jurors signed
    assert (row.outcome.validated_count, row.outcome.certificate) == (23, True)  # today's data
    line = summary_lines([row])[0]  # the student records get what was signed, flagged
    assert (line.validated, line.certificate, line.items["B4.3"]) == (22, False, "NV")
    assert "données modifiées depuis la feuille" in line.flags
    both = (
        "La feuille signée (version 1) dit : certificat non proposé ; attestation de 22 compétences (22/28) ; "
        "les données actuelles donnent : certificat proposé (23/28) (B4.3 acquise depuis) : choisissez sur "
        "quelle base décider."
    )
    report = certification_batch.deliver_as_proposed(database, CAMPAIGN, by=PRESIDENT, now=lambda: JULY)
    assert report.skipped["C1"] == both and report.attestations == 0
    with pytest.raises(CertificationError) as refused:
        cert.deliver_certificate(database, ids["C1"], by=PRESIDENT)
    assert refused.value.message == both
    with pytest.raises(CertificationError, match="Le certificat ne peut pas être délivré"):
        cert.deliver(database, ids["C1"], "certificate", by=PRESIDENT, basis="sheet")
    with database.read() as s:
        assert s.scalars(select(CertificationDecision)).all() == []

    entry = cert.deliver(database, ids["C1"], "certificate", by=PRESIDENT, basis="current", now=lambda: JULY)
    assert len(entry.validated) == 23 and "B4.3" in entry.validated
    line = next(
        c
        for c in pv_content(database, CAMPAIGN, MEMBERS, JULY.date(), "Grenoble", now=JULY).candidates
        if c.candidate_id == "C1"
    )
    assert line.sheet_said == "certificat non proposé ; attestation de 22 compétences (22/28)"
    assert line.decision == "Certificat délivré — sur les données actuelles, non sur la feuille signée."
    content = pv_content(database, CAMPAIGN, MEMBERS, JULY.date(), "Grenoble", now=JULY)
    text = _text(sign_pv(database, content, president, now=JULY))
    assert "attestation de 22 compétences (22/28)" in text and "sur les données actuelles" in text
    assert "1 certificat délivré ;" in text and "1 absent ;" in text


def test_the_sheet_basis_delivers_what_the_jurors_signed(database, tmp_path, pki, president, usb_key):
    import_package(
        database, _package(tmp_path / "secr-pkg", pki, "C1;B4.3;2016;oui;non", president), DossierStore()
    )
    ids = _ids(database)
    import_sheets(database, [usb_key(tmp_path, _prior_completed_later)], now=JULY)
    import_package(
        database, _package(tmp_path / "secr-pkg", pki, "C1;B4.3;2016;oui;oui", president), DossierStore()
    )
    entry = cert.deliver(database, ids["C1"], "attestation", by=PRESIDENT, basis="sheet", now=lambda: JULY)
    assert len(entry.validated) == 22 and "B4.3" not in entry.validated
    with database.read() as s:
        assert s.get(CertificationDecision, entry.pk).basis == "sheet"


def test_the_sheet_carries_the_check_in_time(tmp_path, pki, referential):
    room = open_database(str(tmp_path / "room.sqlite"))
    try:
        import_package(room, _package(tmp_path / "pkg", pki, "C1;B4.3;2016;oui;oui"), DossierStore())
        ids = _ids(room)
        decide_all(room, ids["C1"])
        result = sign_and_lock(room, ids["C1"], *pki.jurors, now=SIGNING).result
    finally:
        room.dispose()
    checked_in = datetime.fromisoformat(result["oral"]["checked_in_at"])
    assert checked_in == SIGNING - timedelta(minutes=40)


def _text(pdf: bytes) -> str:
    with pymupdf.open(stream=pdf, filetype="pdf") as doc:
        return " ".join(" ".join(page.get_text().split()) for page in doc)
