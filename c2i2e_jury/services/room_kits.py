"""Room kits (docs/FORMATS.md §1.8): before the orals, each room gets its own campaign package and attendance
sheet.

A kit is an ordinary campaign package limited to the room's candidates (their marks, earlier validations and
dossiers), with the campaign's authority and the jurors of the juries sitting in that room, certificates
included; the jury room imports it as it would any package. Its ``campaign.json`` also says which room it is
for (``room_kit``, a key the reader ignores). Importing a kit never removes anyone: the importer keeps the
candidates a package leaves out, so a kit imported back into the secretariat's database changes no candidate,
mark, dossier or juror (only the campaign's record of the last package imported).

Everything is checked before anything is written (a dossier missing from the data folder, a kit already
there), and each kit is written under a temporary name then renamed: a kit folder is whole or absent.
"""

from __future__ import annotations

import logging
import re
import shutil
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from c2i2e_jury.errors import UserError, os_error_text
from c2i2e_jury.exchange.attendance_pdf import AttendanceDay, AttendanceLine, JuryLine, write_attendance
from c2i2e_jury.exchange.package.evaluators import EVALUATOR_JURY
from c2i2e_jury.exchange.package.format import CampaignInfo, CandidateRecord, JurorRecord
from c2i2e_jury.exchange.package.revocations import FILE_NAME as REVOCATIONS_FILE
from c2i2e_jury.exchange.package.revocations import revocations_csv
from c2i2e_jury.exchange.package.writer import PackageContent, slug, unique_slugs, write_package, zip_folder
from c2i2e_jury.exchange.sheet_signers import Revocation
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.marks_origin import signed_files
from c2i2e_jury.services.signer_rules import revocations
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Campaign, Candidate, Juror

log = logging.getLogger(__name__)

NO_ROOM_SLUG = "sans-salle"
EVALUATIONS = "evaluations"  # the signed marks files of the room's candidates (docs/FORMATS.md §1.8)
_UNSAFE_FILE_NAME = re.compile(r'[/\\:*?"<>|\x00-\x1f]')


class RoomKitError(UserError):
    """The kits cannot be written; nothing was."""


@dataclass(frozen=True)
class RoomKit:
    room: str
    slug: str
    folder: Path  # the package, importable as it is; the attendance sheet sits inside it
    attendance_pdf: Path
    zip_path: Path | None
    candidate_ids: tuple[str, ...]
    dossiers: int
    jurors: tuple[str, ...]
    warnings: tuple[str, ...] = ()


@dataclass
class _Room:
    """One room's share of the campaign, read from the database."""

    name: str
    candidates: list[CandidateRecord] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class _Snapshot:
    campaign: CampaignInfo
    authority_pem: str | None
    rooms: list[_Room]
    jurors: list[JurorRecord]
    revoked: tuple[Revocation, ...] = ()  # carried by every kit: the room refuses them at signing


def resolve_campaign_id(db: Database, campaign_id: str | None) -> str:
    """The campaign asked for, or the only one in the database."""
    with db.read() as session:
        ids = list(session.scalars(select(Campaign.id).order_by(Campaign.id)))
    if campaign_id is not None:
        if campaign_id not in ids:
            raise RoomKitError(
                f"Campagne inconnue : {campaign_id}.",
                [f"campagnes présentes : {', '.join(ids)}"] if ids else [],
            )
        return campaign_id
    if not ids:
        raise RoomKitError("Aucune campagne dans la base : importez d'abord un paquet (campaign import).")
    if len(ids) > 1:
        raise RoomKitError(
            "Plusieurs campagnes dans la base : précisez laquelle avec --campaign.",
            [f"campagne {i}" for i in ids],
        )
    return ids[0]


def export_room_kits(
    db: Database,
    campaign_id: str | None,
    out_dir: Path,
    store: DossierStore | None = None,
    *,
    zip: bool = False,
) -> list[RoomKit]:
    """Write ``out_dir/<room>/`` (package + ``emargement-<room>.pdf``) for every room of the campaign (None:
    the only one in the database), and ``out_dir/<room>.zip`` when ``zip``; return the kits in the order of the
    rooms' names."""
    store = store or DossierStore()
    snapshot = _read(db, resolve_campaign_id(db, campaign_id), store)
    slugs = unique_slugs([room.name for room in snapshot.rooms], NO_ROOM_SLUG)
    if out_dir.exists() and not out_dir.is_dir():
        raise RoomKitError(f"{out_dir} est un fichier, pas un dossier : choisissez un dossier pour les kits.")
    _check(snapshot, slugs, out_dir, store, zip)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        kits = [
            _write_kit(snapshot, room, slugs[room.name], out_dir, zip, _evaluations(db, snapshot, room))
            for room in snapshot.rooms
        ]
    except OSError as exc:  # a read-only folder, a full disk, a path through a file
        raise RoomKitError(f"Impossible d'écrire les kits dans {out_dir} : {os_error_text(exc)}.") from exc
    log.info("room kits of %s written to %s: %s", snapshot.campaign.id, out_dir, [k.slug for k in kits])
    return kits


def _read(db: Database, campaign_id: str, store: DossierStore) -> _Snapshot:
    order = {code: n for n, code in enumerate(referential().codes)}
    with db.read() as session:
        campaign = session.get(Campaign, campaign_id)
        assert campaign is not None  # resolve_campaign_id checked it
        info = CampaignInfo(
            campaign.id,
            campaign.title,
            campaign.year,
            campaign.deposit_opens,
            campaign.deposit_closes,
            campaign.orals_from,
            campaign.orals_to,
            campaign.presentation_minutes,
            campaign.discussion_minutes,
        )
        candidates = session.scalars(
            select(Candidate)
            .where(Candidate.campaign_id == campaign_id)
            .options(
                selectinload(Candidate.marks), selectinload(Candidate.prior), selectinload(Candidate.dossier)
            )
        ).all()
        rooms: dict[str, _Room] = {}
        for c in sorted(candidates, key=_sitting_order):
            room = rooms.setdefault(c.room, _Room(c.room))
            record = CandidateRecord(
                c.candidate_id,
                c.last_name,
                c.first_name,
                c.email,
                "",
                c.deposited,
                c.rework_pending,
                c.oral_date,
                c.oral_time,
                c.room,
                c.jury,
                c.evaluator,
                c.extra_time_percent,
            )
            record.marks = {
                m.item: (m.mark, m.comment) for m in sorted(c.marks, key=lambda m: order.get(m.item, 99))
            }
            record.prior = {
                p.item: (p.year, p.copy_deposited, p.original_received)
                for p in sorted(c.prior, key=lambda p: order.get(p.item, 99))
            }
            if c.dossier is not None:
                record.dossier = _file_name(c.dossier.file_name, c.candidate_id, room.files)
                room.files[record.dossier] = store.path(c.dossier.sha256)
                room.sizes[record.dossier] = c.dossier.size
            room.candidates.append(record)
        jurors = [
            JurorRecord(j.jury, j.name, j.email, j.certificate_pem)
            for j in session.scalars(
                select(Juror).where(Juror.campaign_id == campaign_id).order_by(Juror.jury, Juror.name)
            )
        ]
        return _Snapshot(
            info,
            campaign.authority_pem,
            sorted(rooms.values(), key=lambda r: (not r.name, r.name)),
            jurors,
            revocations(session),
        )


def _sitting_order(c: Candidate) -> tuple[date, str, str, str, str]:
    return (
        c.oral_date or date.max,
        c.oral_time or "99:99",
        c.last_name.lower(),
        c.first_name.lower(),
        c.candidate_id,
    )


def _file_name(name: str, candidate_id: str, taken: dict[str, Path]) -> str:
    """The dossier's own file name when it is safe everywhere and free in this room, else one made unique."""
    if not name or _UNSAFE_FILE_NAME.search(name) or name.startswith("."):
        name = f"{slug(candidate_id, 'dossier')}.pdf"
    if name in taken:
        name = f"{slug(candidate_id, 'dossier')}_{name}"
    return name


def _check(snapshot: _Snapshot, slugs: dict[str, str], out_dir: Path, store: DossierStore, zip: bool) -> None:
    problems: list[str] = []
    for room in snapshot.rooms:
        folder = out_dir / slugs[room.name]
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            problems.append(f"{folder} existe déjà et n'est pas vide")
        if zip and (out_dir / f"{slugs[room.name]}.zip").exists():
            problems.append(f"{out_dir / slugs[room.name]}.zip existe déjà")
        for record in room.candidates:
            if record.dossier and not _stored(room.files[record.dossier], room.sizes[record.dossier]):
                problems.append(
                    f"{record.candidate_id} ({record.last_name} {record.first_name}) : dossier absent "
                    f"ou incomplet dans le dossier de données ({store.root})"
                )
    if problems:
        raise RoomKitError("Les kits des salles ne sont pas écrits : rien n'a été écrit.", problems)


def _stored(path: Path, size: int) -> bool:
    return path.is_file() and path.stat().st_size == size


def _evaluations(db: Database, snapshot: _Snapshot, room: _Room) -> dict[str, bytes]:
    """The evaluators' signed marks in force for the room's candidates (issue 17): the jury room verifies them."""
    ids = [c.candidate_id for c in room.candidates]
    with db.read() as session:
        pks = list(
            session.scalars(
                select(Candidate.pk).where(
                    Candidate.campaign_id == snapshot.campaign.id, Candidate.candidate_id.in_(ids)
                )
            )
        )
        return signed_files(session, pks)


def _write_kit(
    snapshot: _Snapshot, room: _Room, room_slug: str, out_dir: Path, zip: bool, evaluations: dict[str, bytes]
) -> RoomKit:
    juries = sorted({c.jury for c in room.candidates})
    evaluators = {c.evaluator for c in room.candidates if c.evaluator}
    jurors = [j for j in snapshot.jurors if j.jury in juries]
    designated = [j for j in snapshot.jurors if j.jury == EVALUATOR_JURY and j.name in evaluators]
    extra = {"room_kit": {"room": room.name, "juries": juries, "candidates": len(room.candidates)}}
    content = PackageContent(
        snapshot.campaign, room.candidates, jurors + designated, snapshot.authority_pem, room.files, extra
    )
    final = out_dir / room_slug
    tmp = out_dir / f".{room_slug}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        write_package(tmp, content)
        if snapshot.revoked:
            (tmp / REVOCATIONS_FILE).write_bytes(revocations_csv(snapshot.revoked))
        if evaluations:
            (tmp / EVALUATIONS).mkdir()
            for name, pdf in evaluations.items():
                (tmp / EVALUATIONS / name).write_bytes(pdf)
        pdf_name = f"emargement-{room_slug}.pdf"
        write_attendance(tmp / pdf_name, snapshot.campaign.title, room.name, _attendance_days(room, jurors))
        if final.exists():
            final.rmdir()  # checked empty beforehand
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    zip_path = zip_folder(final, out_dir / f"{room_slug}.zip") if zip else None
    return RoomKit(
        room.name,
        room_slug,
        final,
        final / pdf_name,
        zip_path,
        tuple(c.candidate_id for c in room.candidates),
        len(room.files),
        tuple(f"{j.jury} : {j.name}" for j in jurors),
        tuple(_warnings(room, juries, jurors)),
    )


def _warnings(room: _Room, juries: Sequence[str], jurors: Sequence[JurorRecord]) -> list[str]:
    label = room.name or "sans salle"
    out = [f"{len(room.candidates)} candidat(s) sans salle attribuée"] if not room.name else []
    for jury in juries:
        members = [j for j in jurors if j.jury == jury]
        if not members:
            out.append(f"{label} : aucun juré enregistré pour le jury {jury or '(non attribué)'}")
        out += [
            f"{label} : {j.name} (jury {jury}) n'a pas de certificat de signature"
            for j in members
            if not j.certificate_pem
        ]
    return out


def _attendance_days(room: _Room, jurors: Sequence[JurorRecord]) -> list[AttendanceDay]:
    by_day: dict[date | None, list[CandidateRecord]] = defaultdict(list)
    for record in room.candidates:  # already in sitting order
        by_day[record.oral_date].append(record)
    days = []
    for day in sorted(by_day, key=lambda d: d or date.max):
        records = by_day[day]
        juries = tuple(
            JuryLine(jury, tuple(j.name for j in jurors if j.jury == jury))
            for jury in sorted({r.jury for r in records})
        )
        lines = tuple(
            AttendanceLine(
                r.oral_time, r.last_name, r.first_name, r.candidate_id, r.extra_time_percent, _note(r)
            )
            for r in records
        )
        days.append(AttendanceDay(day, juries, lines))
    return days


def _note(record: CandidateRecord) -> str:
    if not record.deposited:
        return "Non admis à l'oral : dossier non déposé"
    if record.rework_pending:
        return "Non admis à l'oral : reprise du dossier demandée"
    return ""
