"""The demo campaign (ESPE de Grenoble, 2017), written by code as a campaign package (docs/FORMATS.md §1).

Twelve candidates chosen so that every case of the rules shows up: clear certificates, a candidate exactly at
23 items, one at 22, one with three misses in a domain, one mostly not validated, earlier validations that count
and one that does not (original not received), a candidate under a rework request, one who never deposited, one
with extra time, and a dossier whose conclusion is too short. The CSV files are written as French Excel writes
them (``;``, UTF-8 with a BOM, CRLF, ``oui``/``non``) by :mod:`c2i2e_jury.exchange.package.writer`. The same seed gives the
same bytes.
"""

from __future__ import annotations

import logging
import random
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from c2i2e_jury.exchange.demo.comments import comment
from c2i2e_jury.exchange.demo.dossier import make_dossier
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord
from c2i2e_jury.exchange.package.writer import PackageContent, write_package
from c2i2e_jury.resources_access import referential

log = logging.getLogger(__name__)

YEAR = 2017
CAMPAIGN = CampaignInfo(
    id="grenoble-2017",
    title="Certification C2i2e — ESPE de Grenoble — campagne 2017",
    year=YEAR,
    deposit_opens=date(2017, 5, 10),
    deposit_closes=date(2017, 5, 17),
    orals_from=date(2017, 6, 12),
    orals_to=date(2017, 7, 7),
    presentation_minutes=10,
    discussion_minutes=20,
)

HARSH_EVALUATOR = "Olivier Garnier"
ROOMS = {"J1": "Salle B112", "J2": "Salle B114"}
DAYS = (date(2017, 6, 12), date(2017, 6, 13))
TIMES = ("08:30", "09:15", "10:00")  # a 30-minute oral every 45 minutes (40 with a third more time)


@dataclass(frozen=True)
class DemoCandidate:
    """One candidate of the demo and the case it shows."""

    last_name: str
    first_name: str
    evaluator: str
    pages: int = 14
    not_validated: tuple[str, ...] = ()  # the evaluator's NV marks (every other item is V)
    validated_only: tuple[str, ...] | None = None  # for a mostly-NV candidate: the only V marks
    prior: tuple[tuple[str, bool], ...] = ()  # (item, original received) validated in 2016, copy deposited
    deposited: bool = True
    rework_pending: bool = False
    extra_time_percent: int = 0
    screenshots: int = 1
    defect: str | None = None


ROSTER = (
    DemoCandidate("Marchand", "Élodie", "Catherine Roux", pages=16, screenshots=2),
    DemoCandidate("Dubois", "François", "Sylvie Morel", pages=13, not_validated=("A2.2",)),
    DemoCandidate(
        "Girard", "Maëlle", "Catherine Roux", pages=12, not_validated=("B4.2", "A3.4"), extra_time_percent=33
    ),
    DemoCandidate(
        "Lefèvre", "Gaëlle", "Sylvie Morel", pages=15, not_validated=("A2.2", "A2.3", "B2.5", "B3.3", "B4.2")
    ),
    DemoCandidate(
        "Bertrand",
        "Noël",
        HARSH_EVALUATOR,
        pages=11,
        not_validated=("A1.5", "A2.2", "A3.3", "B2.5", "B3.3", "B3.5"),
    ),
    DemoCandidate("Mercier", "Thibault", HARSH_EVALUATOR, pages=14, not_validated=("A3.2", "A3.3", "A3.4")),
    DemoCandidate(
        "Fontaine",
        "Inès",
        HARSH_EVALUATOR,
        pages=10,
        validated_only=("A1.2", "A1.3", "A1.4", "A3.1", "B1.1", "B2.1", "B3.1", "B3.2"),
    ),
    DemoCandidate(
        "Lacroix",
        "Jérôme",
        "Sylvie Morel",
        pages=13,
        not_validated=("A2.2",),
        prior=(("A1.1", True), ("A1.2", True), ("B1.1", True)),
    ),
    DemoCandidate(
        "Rousseau",
        "Amélie",
        "Catherine Roux",
        pages=14,
        not_validated=("B1.3", "A2.3", "B2.5", "B4.2", "A3.3", "B3.5"),
        prior=(("B1.3", False),),
    ),
    DemoCandidate(
        "Chevalier", "Loïc", "Catherine Roux", pages=10, rework_pending=True, defect="missing_part"
    ),
    DemoCandidate("Perrin", "Solène", "", deposited=False),
    DemoCandidate(
        "Lemaire",
        "Benoît",
        "Sylvie Morel",
        pages=12,
        not_validated=("B3.5", "A1.5"),
        defect="short_conclusion",
    ),
)


def candidate_id(index: int) -> str:
    return f"C2017-{index + 1:03d}"


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


def _dossier_name(index: int, c: DemoCandidate) -> str:
    return (
        f"{candidate_id(index)}_{_ascii(c.last_name).upper()}_{_ascii(c.first_name)}.pdf"
        if c.deposited
        else ""
    )


def _admitted(c: DemoCandidate) -> bool:
    return c.deposited and not c.rework_pending


def write_demo_package(out_dir: Path, *, seed: int = 2017) -> Path:
    """Write the demo campaign package into ``out_dir`` (created if needed) and return ``out_dir``."""
    dossiers = out_dir / "dossiers"
    dossiers.mkdir(parents=True, exist_ok=True)
    records = _records(seed)
    for index, c in enumerate(ROSTER):
        if c.deposited:
            make_dossier(
                dossiers / _dossier_name(index, c),
                last_name=c.last_name,
                first_name=c.first_name,
                year=YEAR,
                pages=c.pages,
                screenshots=c.screenshots,
                seed=seed * 1000 + index,
                cited_items=_cited(c),
                conform=c.defect is None,
                defect=c.defect,
            )
    files = {r.dossier: dossiers / r.dossier for r in records if r.dossier}
    write_package(out_dir, PackageContent(CAMPAIGN, records, dossiers=files))
    log.info("demo campaign package written to %s", out_dir)
    return out_dir


def _records(seed: int) -> list[CandidateRecord]:
    """The roster as package records; the comments are drawn in roster then referential order."""
    rng = random.Random(f"marks:{seed}")
    records: list[CandidateRecord] = []
    for index, c in enumerate(ROSTER):
        day, slot, jury = DAYS[index // 6], TIMES[index % 6 // 2], ("J1", "J2")[index % 2]
        email = f"{_ascii(c.first_name).lower()}.{_ascii(c.last_name).lower()}@etu.univ-grenoble-alpes.fr"
        record = CandidateRecord(
            candidate_id(index),
            c.last_name,
            c.first_name,
            email,
            _dossier_name(index, c),
            c.deposited,
            c.rework_pending,
            day,
            slot,
            ROOMS[jury],
            jury,
            c.evaluator,
            c.extra_time_percent,
        )
        if _admitted(c):  # no dossier assessed: no marks
            harsh = c.evaluator == HARSH_EVALUATOR
            record.marks = {
                code: (mark or None, comment(code, mark, harsh, rng)) for code, mark in _marks(c).items()
            }
        record.prior = {item: (YEAR - 1, True, received) for item, received in c.prior}
        records.append(record)
    return records


def _marks(c: DemoCandidate) -> dict[str, str]:
    """The evaluator's mark per item: V, NV, or "" for an item acquired earlier (not assessed again)."""
    acquired = {item for item, received in c.prior if received}
    marks = {}
    for code in referential().codes:
        if code in acquired:
            marks[code] = ""
        elif c.validated_only is not None:
            marks[code] = "V" if code in c.validated_only else "NV"
        else:
            marks[code] = "NV" if code in c.not_validated else "V"
    return marks


def _cited(c: DemoCandidate) -> tuple[str, ...] | None:
    """A mostly-NV candidate cites few items; the others cite all 28 (validated or not)."""
    if c.validated_only is None:
        return None
    return (*c.validated_only, "A2.1", "B2.2", "B4.3", "A3.4")
