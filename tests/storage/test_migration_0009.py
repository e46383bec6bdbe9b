"""Migration 0009 on a real database made at 0006 holding registers written the old way: a reclamation answered
without « by whom » nor decision date, a date change awaiting its proof. They keep what they had, the answer
prints with the day it was recorded, and the change can now be refused."""

from datetime import UTC, date, datetime

from sqlalchemy import text

from c2i2e_jury.services import register_decisions as decide
from c2i2e_jury.services.register_letters import reclamation_letter
from c2i2e_jury.services.register_view import register_entries
from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.database import create_db_engine, open_database, resolve_url

ANSWERED = datetime(2017, 6, 20, 14, 0, tzinfo=UTC)


def _registers_at_0006(url: str) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0006")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('grenoble-2017', 'Certification C2i2e — Grenoble 2017', 2017, '2017-05-10', '2017-05-17',"
                " '2017-06-12', '2017-07-07', 10, 20, 'x', '2017-05-01 00:00:00')"
            )
        )
        conn.execute(
            text(
                "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                " rework_pending, oral_date, oral_time, room, jury, evaluator, extra_time_percent, annulled,"
                " annulment_reason) VALUES (4, 'grenoble-2017', 'C2017-004', 'Lefèvre', 'Élodie', '', :t, :f,"
                " '2017-06-12', '08:30', 'B112', 'J1', '', 0, :f, '')"
            ),
            {"t": True, "f": False},
        )
        conn.execute(
            text(
                "INSERT INTO reclamation (pk, candidate_pk, problem_date, received_date, text, status, outcome,"
                " recorded_at, recorded_by, answered_at) VALUES (1, 4, '2017-06-12', '2017-06-15',"
                " 'Temps de parole écourté.', 'rejected', 'Le temps a été respecté.', :at, 'secretariat', :at)"
            ),
            {"at": ANSWERED},
        )
        conn.execute(
            text(
                "INSERT INTO oral_date_change (pk, candidate_pk, reason, proof, proof_received, requested_on,"
                " old_date, old_time, new_date, new_time, status, recorded_at, recorded_by) VALUES (1, 4,"
                " 'hospitalisation', 'Bulletin du CHU', :f, '2017-06-05', '2017-06-12', '08:30', '2017-07-03',"
                " '14:00', 'awaiting_proof', :at, 'secretariat')"
            ),
            {"f": False, "at": ANSWERED},
        )
    engine.dispose()


def test_registers_written_before_0009_keep_their_entries_and_gain_the_decisions(db_url):
    _registers_at_0006(db_url)
    db = open_database(db_url)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.SCHEMA_HEAD == "0009"
        reclamation, change = sorted(
            register_entries(db, "grenoble-2017"), key=lambda e: e.kind, reverse=True
        )
        assert (reclamation.state_label, reclamation.decided_by, reclamation.decided_on) == (
            "rejetée",
            "",
            date(2017, 6, 20),  # its answered_at: the day the answer was recorded
        )
        name, pdf = reclamation_letter(db, reclamation.pk)
        assert name.startswith("reponse-reclamation_C2017-004_") and pdf.startswith(b"%PDF-1.7")
        refused = decide.refuse_date_change(
            db,
            change.pk,
            reason="Justificatif non reçu.",
            by="Secrétariat",
            decided_on=date(2017, 6, 11),
            now=lambda: datetime(2017, 6, 11, 9, 0, tzinfo=UTC),
        )
        assert (refused.status, refused.decided_by, refused.old_date) == (
            "refused",
            "Secrétariat",
            date(2017, 6, 12),
        )
    finally:
        db.dispose()
