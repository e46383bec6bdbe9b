"""Which campaigns the database holds, and the one a command means: the command line and the secretariat work
on one campaign, named or, when the database holds only one, implied."""

from __future__ import annotations

from sqlalchemy import select

from c2i2e_jury.errors import UserError
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Campaign


def campaign_ids(db: Database) -> list[tuple[str, str, int]]:
    """(id, title, year) of every campaign, newest first."""

    with db.read() as session:
        return [
            (i, t, y)
            for i, t, y in session.execute(
                select(Campaign.id, Campaign.title, Campaign.year).order_by(Campaign.year.desc(), Campaign.id)
            )
        ]


def choose_campaign(db: Database, given: str | None) -> str:
    """``given`` when the database has it; else the only campaign; else one sentence asking to choose."""
    known = [cid for cid, _, _ in campaign_ids(db)]
    if given:
        if given not in known:
            raise UserError(
                f"La campagne « {given} » n'est pas dans la base ({', '.join(known) or 'aucune'})."
            )
        return given
    if len(known) == 1:
        return known[0]
    if not known:
        raise UserError("La base ne contient aucune campagne : importez d'abord un paquet de campagne.")
    raise UserError(f"La base contient plusieurs campagnes : précisez --campaign ({', '.join(known)}).")
