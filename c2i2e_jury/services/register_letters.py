"""The letter that answers a reclamation, printed from the register (PDF/A, :mod:`c2i2e_jury.exchange.letters`).

It recalls what the candidate wrote and when it arrived (with the seed's 15 days: « dans le délai » or « hors
délai »), then the decision (accepted or rejected), the answer given, its date and who answers. A reclamation
not answered yet has no letter: one sentence says so.
"""

from __future__ import annotations

from datetime import datetime, time

from c2i2e_jury.exchange.letters import Letter, render_letter
from c2i2e_jury.exchange.pdf.french import day_month_year
from c2i2e_jury.files import file_name_part
from c2i2e_jury.services.registers import ReclamationRow, RegisterError, reclamation_row
from c2i2e_jury.storage.certification_models import Reclamation
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign, Candidate

DECISIONS = {
    "accepted": "Après examen, votre réclamation est acceptée.",
    "rejected": "Après examen, votre réclamation est rejetée.",
}


def answer_letter(row: ReclamationRow, campaign_title: str, email: str) -> Letter:
    assert row.decided_on is not None and row.status in DECISIONS
    created = datetime.combine(row.decided_on, time(12, 0)).astimezone()
    return Letter(
        title="Réponse à une réclamation",
        campaign_title=campaign_title,
        recipient=(row.full_name, f"Candidat n° {row.candidate_id}", email),
        place_date=f"Le {day_month_year(row.decided_on)}",
        subject=f"réponse à votre réclamation reçue le {day_month_year(row.received_date)}",
        paragraphs=(
            "Madame, Monsieur,",
            f"Votre réclamation écrite, portant sur un problème survenu le {day_month_year(row.problem_date)}, "
            f"a été reçue le {day_month_year(row.received_date)}, {row.delay_text} : le cahier des charges "
            "demande qu'elle soit adressée dans les 15 jours suivant le problème. Vous écriviez :",
            (f"« {row.text} »",),
            DECISIONS[row.status],
            row.outcome,
            "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.",
        ),
        signature=(row.answered_by or "Le bureau C2i2e", "Pour le responsable de la certification C2i2e"),
        created=created,
    )


def reclamation_letter(db: Database, reclamation_pk: int) -> tuple[str, bytes]:
    """The answer letter's file name and PDF; refused (one sentence) while the reclamation is unanswered."""
    with db.read() as session:
        row = session.get(Reclamation, reclamation_pk)
        if row is None:
            raise RegisterError("Réclamation introuvable dans la base.")
        candidate = session.get(Candidate, row.candidate_pk)
        assert candidate is not None  # a foreign key
        campaign = session.get(Campaign, candidate.campaign_id)
        assert campaign is not None
        entry, title, email = reclamation_row(row, candidate), campaign.title, candidate.email
    if entry.status == "pending":
        raise RegisterError("Cette réclamation n'a pas encore de réponse : enregistrez-la avant d'imprimer.")
    if entry.decided_on is None:  # answered before migration 0009: the day it was recorded
        entry = _with_day(entry)
    name = (
        f"reponse-reclamation_{file_name_part(entry.candidate_id, 'candidat', lower=False)}_"
        f"{file_name_part(entry.full_name, 'candidat')}_{entry.pk}.pdf"
    )
    return name, render_letter(answer_letter(entry, title, email))


def _with_day(entry: ReclamationRow) -> ReclamationRow:
    from dataclasses import replace

    assert entry.answered_at is not None
    return replace(entry, decided_on=entry.answered_at.date())
