"""The certification jury's decisions: what the rules allow, annulment for plagiarism, time and who."""

from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from c2i2e_jury.domain.rules import Status
from c2i2e_jury.services import certification as cert
from c2i2e_jury.services import certification_batch
from c2i2e_jury.services.certification import CertificationError
from c2i2e_jury.services.review.rows import review_rows
from c2i2e_jury.services.sheet_signing import reopen
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.models import Candidate
from tests.services.review_factory import (
    ABSENT,
    PLAGIARISM,
    UNSIGNED,
    demo_db_fixture,  # noqa: F401
    demo_ids,
    demo_template_fixture,  # noqa: F401
    small_heard,
)

JULY = datetime(2017, 7, 10, 14, 0, tzinfo=UTC)
PRESIDENT = "Hélène Présidente"


def at(moment=JULY):
    return lambda: moment


def test_certificate_only_where_the_rules_allow_it(demo_db):
    ids = demo_ids(demo_db)
    entry = cert.deliver_certificate(demo_db, ids["C2017-001"], by=PRESIDENT, now=at())
    assert (entry.kind, entry.decided_by, entry.decided_at) == ("certificate", PRESIDENT, JULY)
    assert len(entry.validated) == 28
    with pytest.raises(CertificationError, match="Le certificat ne peut pas être délivré.*22 compétences"):
        cert.deliver_certificate(demo_db, ids["C2017-004"], by=PRESIDENT)
    with pytest.raises(CertificationError, match="Domaine A3 : 3 compétences non validées"):
        cert.deliver_certificate(demo_db, ids[PLAGIARISM], by=PRESIDENT)
    with pytest.raises(CertificationError, match="Absent"):
        cert.deliver_certificate(demo_db, ids[ABSENT], by=PRESIDENT)


def test_attestation_for_a_partial_validation_only(demo_db):
    ids = demo_ids(demo_db)
    entry = cert.deliver_attestation(demo_db, ids["C2017-004"], by=PRESIDENT, now=at())
    assert entry.kind == "attestation" and len(entry.validated) == 22 and "B1.1" not in entry.validated
    with pytest.raises(CertificationError, match="remplit les conditions du certificat"):
        cert.deliver_attestation(demo_db, ids["C2017-001"], by=PRESIDENT)
    with pytest.raises(CertificationError, match="Non admis"):
        cert.deliver_attestation(demo_db, ids["C2017-011"], by=PRESIDENT)


def test_nothing_is_delivered_without_a_signed_sheet_in_force(demo_db):
    ids = demo_ids(demo_db)
    with pytest.raises(CertificationError, match="Aucune feuille de résultats signée"):
        cert.deliver_certificate(demo_db, ids[UNSIGNED], by=PRESIDENT)
    reopen(demo_db, ids["C2017-001"], "Erreur de saisie sur A1.1")
    with pytest.raises(CertificationError, match="rouverte"):
        cert.deliver_certificate(demo_db, ids["C2017-001"], by=PRESIDENT)
    with demo_db.read() as s:
        assert s.scalars(select(CertificationDecision)).all() == []


def test_the_same_delivery_twice_records_nothing_new(demo_db):
    pk = demo_ids(demo_db)["C2017-002"]
    first = cert.deliver_certificate(demo_db, pk, by=PRESIDENT, now=at())
    again = cert.deliver_certificate(demo_db, pk, by="Quelqu'un d'autre", now=at())
    assert again == first
    assert len(cert.decisions_of(demo_db, pk)) == 1


def test_annulment_for_plagiarism_needs_a_reason_and_annuls(demo_db, referential):
    pk = demo_ids(demo_db)[PLAGIARISM]
    with pytest.raises(CertificationError, match="motif"):
        cert.annul_for_plagiarism(demo_db, pk, "  ", by=PRESIDENT)
    entry = cert.annul_for_plagiarism(
        demo_db, pk, "Pages 4 à 6 copiées d'un mémoire.", by=PRESIDENT, now=at()
    )
    assert (entry.kind, entry.reason) == ("annulment", "Pages 4 à 6 copiées d'un mémoire.")
    with demo_db.read() as s:
        candidate = s.get(Candidate, pk)
        assert candidate.annulled and candidate.annulment_reason == "Pages 4 à 6 copiées d'un mémoire."
    row = next(r for r in review_rows(demo_db, "grenoble-2017") if r.pk == pk)
    assert row.status is Status.ANNULLED and row.validated_count == 0 and row.decision == "annulment"
    with pytest.raises(CertificationError, match="déjà annulé"):
        cert.annul_for_plagiarism(demo_db, pk, "encore", by=PRESIDENT)
    with pytest.raises(CertificationError, match="Pas d'attestation partielle : Dossier annulé"):
        cert.deliver_attestation(demo_db, pk, by=PRESIDENT)
    lifted = cert.lift_annulment(
        demo_db,
        pk,
        "Source citée en annexe : pas de plagiat.",
        by=PRESIDENT,
        now=at(datetime(2017, 7, 11, 9, 0, tzinfo=UTC)),
    )
    assert lifted.kind == "annulment_lifted"
    assert cert.deliver_attestation(demo_db, pk, by=PRESIDENT).kind == "attestation"
    assert [e.kind for e in cert.decisions_of(demo_db, pk)] == [
        "annulment",
        "annulment_lifted",
        "attestation",
    ]


def test_a_candidate_without_a_dossier_cannot_be_annulled(demo_db):
    with pytest.raises(CertificationError, match="rien à annuler"):
        cert.annul_for_plagiarism(demo_db, demo_ids(demo_db)["C2017-011"], "?", by=PRESIDENT)


def test_the_designated_president_decides_whatever_name_is_passed(demo_db):
    """Issue 12 §2: the decision is recorded in the designated president's name (the package's), not a login's
    or a typed name; a campaign that designates no president records nothing without a name."""
    from c2i2e_jury.storage.models import Juror

    ids = demo_ids(demo_db)
    assert cert.deliver_certificate(demo_db, ids["C2017-001"], by="jdupont").decided_by == PRESIDENT
    assert cert.deliver_attestation(demo_db, ids["C2017-004"]).decided_by == PRESIDENT
    report = certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", by="root")
    with demo_db.read() as s:
        assert set(s.scalars(select(CertificationDecision.decided_by))) == {PRESIDENT}
        assert report.certificates > 0
    with demo_db.session() as s:
        s.query(Juror).filter_by(jury="president").delete()
    with pytest.raises(CertificationError, match="ne désigne pas le président"):
        cert.annul_for_plagiarism(demo_db, ids[PLAGIARISM], "Pages copiées.", by=" ")


def test_deliver_as_proposed_reports_what_it_held_back(demo_db):
    ids = demo_ids(demo_db)
    cert.deliver_attestation(demo_db, ids["C2017-009"], by=PRESIDENT)
    report = certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", by=PRESIDENT, now=at())
    # certificates: 001, 002, 005, 008 (003 has no sheet); attestations: 004, 007 (006: plagiarism report)
    assert (report.certificates, report.attestations, report.unchanged) == (4, 2, 1)
    assert set(report.skipped) == {UNSIGNED, "C2017-010", "C2017-011", ABSENT, PLAGIARISM}
    assert "feuille" in report.skipped[UNSIGNED] and "plagiat" in report.skipped[PLAGIARISM]
    decided = {r.candidate_id: r.decision for r in review_rows(demo_db, "grenoble-2017")}
    assert decided["C2017-001"] == "certificate" and decided["C2017-007"] == "attestation"


def test_decisions_on_both_backends(database, imported):
    small_heard(database, imported)
    entry = cert.deliver_certificate(database, imported["C1"], by=PRESIDENT, now=at())
    assert entry.decided_at == JULY
    with pytest.raises(CertificationError, match="Aucune feuille"):
        cert.deliver_certificate(database, imported["C2"], by=PRESIDENT)
    cert.annul_for_plagiarism(database, imported["C2"], "Passages copiés.", by=PRESIDENT, now=at())
    assert {r.candidate_id: r.decision for r in review_rows(database, "test-2017")} == {
        "C1": "certificate",
        "C2": "annulment",
        "C3": None,
    }


def test_an_undone_delivery_is_left_to_the_president_by_the_batch(demo_db):
    """Issue 12 §5: « Délivrer selon les règles » does not deliver again what the president took back."""
    ids = demo_ids(demo_db)
    cert.deliver_certificate(demo_db, ids["C2017-001"], now=at())
    cert.undo_delivery(demo_db, ids["C2017-001"], now=at(datetime(2017, 7, 10, 15, 0, tzinfo=UTC)))
    report = certification_batch.deliver_as_proposed(demo_db, "grenoble-2017", now=at())
    assert report.skipped["C2017-001"] == certification_batch.UNDONE
    assert [e.kind for e in cert.decisions_of(demo_db, ids["C2017-001"])] == [
        "certificate",
        "delivery_undone",
    ]
