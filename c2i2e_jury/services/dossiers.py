"""What the dossier check needs to know of a candidate: names and the campaign's year."""

from __future__ import annotations

from sqlalchemy import select

from c2i2e_jury.dossier.expected import CandidateNotFoundError, Expected
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.models import Campaign, Candidate


def expected_for_candidate(db_url: str | None, candidate_id: str) -> Expected:
    """The candidate's last name, first name and campaign year (the newest campaign when the id recurs)."""
    db = open_database(db_url)
    try:
        with db.read() as session:
            row = session.execute(
                select(Candidate.last_name, Candidate.first_name, Campaign.year)
                .join(Campaign, Campaign.id == Candidate.campaign_id)
                .where(Candidate.candidate_id == candidate_id)
                .order_by(Campaign.year.desc())
            ).first()
    finally:
        db.dispose()
    if row is None:
        raise CandidateNotFoundError(f"Candidat inconnu dans la base : {candidate_id}.")
    return Expected(row.last_name, row.first_name, row.year)
