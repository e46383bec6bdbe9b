"""What a campaign package (docs/FORMATS.md §1) holds: its format name, the columns of its sheets, and the
plain records of a campaign, its candidates and its jurors.

The reader (:mod:`.reader`) returns these records once every check has passed; the writer (:mod:`.writer`),
the demo and the room kits write packages from them, without depending on the reader.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

FORMAT = "c2i2e-campaign/1"
CANDIDATE_COLUMNS = (
    "candidate_id",
    "last_name",
    "first_name",
    "email",
    "dossier",
    "deposited",
    "rework_pending",
    "oral_date",
    "oral_time",
    "room",
    "jury",
)
MARK_COLUMNS = ("candidate_id", "item", "evaluator_mark", "comment")
PRIOR_COLUMNS = ("candidate_id", "item", "year", "copy_deposited", "original_received")
JUROR_COLUMNS = ("jury", "name", "email", "certificate")
# The longest text the database keeps in each column (storage.models): a longer cell is a problem in the package,
# not a database error at the end of the import (PostgreSQL enforces these lengths; SQLite does not).
CELL_LIMITS = {
    "candidates": {
        "candidate_id": 64,
        "last_name": 200,
        "first_name": 200,
        "email": 300,
        "dossier": 300,
        "room": 100,
        "jury": 100,
        "evaluator": 200,
    },
    "jurors": {"jury": 100, "name": 200, "email": 300},
    "campaign.json": {"id": 64, "title": 300, "oral_length_reason": 500},
}


@dataclass(frozen=True)
class CampaignInfo:
    id: str
    title: str
    year: int
    deposit_opens: date
    deposit_closes: date
    orals_from: date
    orals_to: date
    presentation_minutes: int = 10
    discussion_minutes: int = 20
    room_kit: str | None = None  # a room kit holds only that room's candidates (see services.room_kits)


@dataclass
class CandidateRecord:
    candidate_id: str
    last_name: str
    first_name: str
    email: str
    dossier: str  # member name under dossiers/, "" when none
    deposited: bool
    rework_pending: bool
    oral_date: date | None
    oral_time: str
    room: str
    jury: str
    evaluator: str = ""
    extra_time_percent: int = 0
    marks: dict[str, tuple[str | None, str]] = field(default_factory=dict)  # item -> (mark, comment)
    prior: dict[str, tuple[int | None, bool, bool]] = field(default_factory=dict)


@dataclass(frozen=True)
class JurorRecord:
    jury: str
    name: str
    email: str
    certificate_pem: str | None
