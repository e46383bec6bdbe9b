"""Import a campaign package: everything checked first, then one transaction.

The same package twice changes nothing; a newer package for the same campaign updates what the secretariat
owns (candidates' details, evaluator marks, prior validations, jurors, dossiers) and never touches what the juries
did (check-ins, decisions, sheets). The report says what changed.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, selectinload

from c2i2e_jury.exchange.package.checks import Problem
from c2i2e_jury.exchange.package.format import CandidateRecord
from c2i2e_jury.exchange.package.juries import unbound_warnings
from c2i2e_jury.exchange.package.reader import CampaignPackage, PackageError, read_package
from c2i2e_jury.exchange.package.revocations import FILE_NAME as REVOCATIONS_FILE
from c2i2e_jury.exchange.package.revocations import read_revocations
from c2i2e_jury.exchange.package.source import UnreadableMember
from c2i2e_jury.exchange.sheet_signers import Revocation
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.kit_evaluations import import_evaluations, kept_rework_facts, signed_marks_in_force
from c2i2e_jury.services.presidency import drop_former_presidents
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore, Incoming, hash_all
from c2i2e_jury.storage.models import (
    Campaign,
    Candidate,
    CredentialRevocation,
    Dossier,
    EvaluatorMark,
    Juror,
    PriorItem,
)

log = logging.getLogger(__name__)

CANDIDATE_FIELDS = (
    "last_name",
    "first_name",
    "email",
    "deposited",
    "rework_pending",
    "oral_date",
    "oral_time",
    "room",
    "jury",
    "evaluator",
    "extra_time_percent",
)


@dataclass
class ImportReport:
    campaign_id: str
    status: str  # "created", "updated" or "unchanged"
    candidates: int = 0
    dossiers: int = 0
    changes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # accepted, but worth the secretariat's attention

    def summary(self) -> str:
        if self.status == "unchanged":
            return f"Campagne {self.campaign_id} : paquet déjà importé, rien n'a changé."
        verb = "créée" if self.status == "created" else "mise à jour"
        return (
            f"Campagne {self.campaign_id} {verb} : {self.candidates} candidats, {self.dossiers} dossiers, "
            f"{len(self.changes)} modifications."
        )


def import_package(db: Database, path: Path, store: DossierStore | None = None) -> ImportReport:
    store = store or DossierStore()
    package = read_package(path, referential())
    try:
        try:
            hashes = _hash_dossiers(package)
            fingerprint = _fingerprint(package, hashes)
            revoked = _kit_revocations(package)
        except UnreadableMember as exc:  # damaged: a zip's CRC is only checked once the whole member is read
            raise PackageError(
                path, [Problem(exc.name[len(package.root) :], None, None, None, exc.why)]
            ) from exc
        with db.session() as session:
            existing = session.get(Campaign, package.campaign.id)
            if existing is not None and existing.package_sha256 == fingerprint:
                return ImportReport(
                    package.campaign.id, "unchanged", len(existing.candidates), warnings=_warnings(package)
                )
            _store_dossiers(package, hashes, store)
            report = _apply(session, package, hashes, fingerprint, existing)
            _store_revocations(session, revoked, report)
            report.warnings = _warnings(package)
        import_evaluations(db, package, report)
        log.info("imported %s: %s", path, report.summary())
        return report
    finally:
        package.close()


def _incoming(package: CampaignPackage, member: str) -> Incoming:
    return Incoming(
        package.source.local_path(member), lambda: package.source.chunks(member), member[len(package.root) :]
    )


def _hash_dossiers(package: CampaignPackage) -> dict[str, str]:
    """SHA-256 of each dossier named in the package (member name -> hash)."""
    members = sorted({c.dossier for c in package.candidates if c.dossier})
    return dict(zip(members, hash_all([_incoming(package, m) for m in members]), strict=True))


def _fingerprint(package: CampaignPackage, hashes: dict[str, str]) -> str:
    """The package's identity: its sheets' bytes and its dossiers' hashes."""
    digest = hashlib.sha256()
    for name in package.members():
        digest.update(name[len(package.root) :].encode())
        digest.update(hashes[name].encode() if name in hashes else _sha256(package, name).digest())
    return digest.hexdigest()


def _sha256(package: CampaignPackage, member: str) -> hashlib._Hash:
    """A member's hash, read in chunks: a file the package does not use is hashed, never held in memory."""
    digest = hashlib.sha256()
    for chunk in package.source.chunks(member):
        digest.update(chunk)
    return digest


def _store_dossiers(package: CampaignPackage, hashes: dict[str, str], store: DossierStore) -> None:
    store.put_all([(_incoming(package, member), sha) for member, sha in hashes.items()])


def _apply(
    session: Session,
    package: CampaignPackage,
    hashes: dict[str, str],
    fingerprint: str,
    campaign: Campaign | None,
) -> ImportReport:
    info = package.campaign
    status = "created" if campaign is None else "updated"
    # A room kit brought back to the secretariat's database: a part of the campaign, not a new version of it.
    partial = campaign is not None and info.room_kit is not None
    report = ImportReport(info.id, status, len(package.candidates), len(hashes))
    if campaign is None:
        campaign = Campaign(id=info.id)
        session.add(campaign)
    for key in (
        "title",
        "year",
        "deposit_opens",
        "deposit_closes",
        "orals_from",
        "orals_to",
        "presentation_minutes",
        "discussion_minutes",
    ):
        new = getattr(info, key)
        if status == "updated" and getattr(campaign, key) != new:
            report.changes.append(f"campagne : {key} {getattr(campaign, key)} → {new}")
        setattr(campaign, key, new)
    if package.authority_pem and campaign.authority_pem != package.authority_pem:
        if status == "updated":
            report.changes.append("campagne : nouvelle autorité de certification")
        campaign.authority_pem = package.authority_pem
    if not partial:
        campaign.package_sha256 = fingerprint
        campaign.imported_at = datetime.now(UTC)
    session.flush()
    existing = {
        c.candidate_id: c
        for c in session.scalars(
            select(Candidate)
            .where(Candidate.campaign_id == info.id)
            .options(
                selectinload(Candidate.marks), selectinload(Candidate.prior), selectinload(Candidate.dossier)
            )
        )
    }
    created: list[tuple[Candidate, CandidateRecord]] = []
    for record in package.candidates:
        size = package.source.size(record.dossier) if record.dossier else 0
        current = existing.get(record.candidate_id)
        if current is None:
            created.append((_new_candidate(session, campaign, record, hashes, size, report), record))
        else:
            _update_candidate(current, record, hashes, size, report)
    _insert_marks_and_prior(session, created)
    if not partial:
        for gone in sorted(set(existing) - {r.candidate_id for r in package.candidates}):
            report.changes.append(f"{gone} : absent du nouveau paquet, conservé avec ses décisions")
    _upsert_jurors(session, campaign, package, report)
    report.changes += [
        f"{name} n'est plus président du jury de certification"
        for name in drop_former_presidents(session, campaign.id, package.jurors)
    ]
    if partial and not report.changes:
        report.status = "unchanged"
    return report


def _new_candidate(
    session: Session,
    campaign: Campaign,
    record: CandidateRecord,
    hashes: dict[str, str],
    size: int,
    report: ImportReport,
) -> Candidate:
    candidate = Candidate(
        campaign_id=campaign.id,
        candidate_id=record.candidate_id,
        **{key: getattr(record, key) for key in CANDIDATE_FIELDS},
    )
    sha = hashes.get(record.dossier)
    if sha is not None:
        candidate.dossier = Dossier(file_name=record.dossier.rsplit("/", 1)[-1], sha256=sha, size=size)
    session.add(candidate)
    if report.status == "updated":
        report.changes.append(f"{record.candidate_id} : nouveau candidat")
    return candidate


def _insert_marks_and_prior(session: Session, created: list[tuple[Candidate, CandidateRecord]]) -> None:
    """New candidates' marks and prior validations in two multi-row inserts (thousands of rows)."""
    if not created:
        return
    session.flush()  # the candidates' primary keys
    marks = [
        {"candidate_pk": c.pk, "item": item, "mark": mark, "comment": comment}
        for c, r in created
        for item, (mark, comment) in r.marks.items()
    ]
    prior = [
        {
            "candidate_pk": c.pk,
            "item": item,
            "year": year,
            "copy_deposited": copy,
            "original_received": original,
        }
        for c, r in created
        for item, (year, copy, original) in r.prior.items()
    ]
    if marks:
        session.execute(insert(EvaluatorMark), marks)
    if prior:
        session.execute(insert(PriorItem), prior)


def _update_candidate(
    candidate: Candidate, record: CandidateRecord, hashes: dict[str, str], size: int, report: ImportReport
) -> None:
    record, sha = kept_rework_facts(candidate, record, hashes.get(record.dossier), report.changes)
    for key in CANDIDATE_FIELDS:
        new = getattr(record, key)
        if getattr(candidate, key) != new:
            report.changes.append(f"{record.candidate_id} : {key} {getattr(candidate, key)!r} → {new!r}")
        setattr(candidate, key, new)
    _sync_dossier(candidate, record, sha, size, report, True)
    if signed_marks_in_force(candidate):
        report.changes.append(
            f"{record.candidate_id} : notes signées de l'évaluateur conservées (marks.csv ignoré)"
        )
    else:
        _sync_marks(candidate, record, report, True)
    _sync_prior(candidate, record, report, True)


def _sync_dossier(
    candidate: Candidate,
    record: CandidateRecord,
    sha: str | None,
    size: int,
    report: ImportReport,
    updating: bool,
) -> None:
    current = candidate.dossier
    name = record.dossier.rsplit("/", 1)[-1]
    if sha is None:
        if current is not None:
            report.changes.append(f"{record.candidate_id} : dossier retiré")
            candidate.dossier = None
    elif current is None:
        candidate.dossier = Dossier(file_name=name, sha256=sha, size=size)
        if updating:
            report.changes.append(f"{record.candidate_id} : dossier ajouté")
    elif current.sha256 != sha:
        report.changes.append(f"{record.candidate_id} : dossier remplacé")
        current.sha256, current.file_name, current.size = sha, name, size


def _sync_marks(candidate: Candidate, record: CandidateRecord, report: ImportReport, updating: bool) -> None:
    by_item = {m.item: m for m in candidate.marks}
    for item, (mark, comment) in record.marks.items():
        current = by_item.pop(item, None)
        if current is None:
            candidate.marks.append(EvaluatorMark(item=item, mark=mark, comment=comment))
            if updating:
                report.changes.append(
                    f"{record.candidate_id} {item} : note de l'évaluateur ajoutée ({mark or '-'})"
                )
        elif (current.mark, current.comment) != (mark, comment):
            if updating:
                report.changes.append(
                    f"{record.candidate_id} {item} : note de l'évaluateur {current.mark or '-'} → {mark or '-'}"
                )
            current.mark, current.comment = mark, comment
    for item, stale in by_item.items():
        candidate.marks.remove(stale)
        report.changes.append(f"{record.candidate_id} {item} : note de l'évaluateur retirée")


def _sync_prior(candidate: Candidate, record: CandidateRecord, report: ImportReport, updating: bool) -> None:
    by_item = {p.item: p for p in candidate.prior}
    for item, (year, copy, original) in record.prior.items():
        current = by_item.pop(item, None)
        if current is None:
            candidate.prior.append(
                PriorItem(item=item, year=year, copy_deposited=copy, original_received=original)
            )
            if updating:
                report.changes.append(f"{record.candidate_id} {item} : validation antérieure ajoutée")
        elif (current.year, current.copy_deposited, current.original_received) != (year, copy, original):
            current.year, current.copy_deposited, current.original_received = year, copy, original
            report.changes.append(f"{record.candidate_id} {item} : validation antérieure modifiée")
    for item, stale in by_item.items():
        candidate.prior.remove(stale)
        report.changes.append(f"{record.candidate_id} {item} : validation antérieure retirée")


def _upsert_jurors(
    session: Session, campaign: Campaign, package: CampaignPackage, report: ImportReport
) -> None:
    existing = {
        (j.jury, j.name): j for j in session.scalars(select(Juror).where(Juror.campaign_id == campaign.id))
    }
    for record in package.jurors:
        juror = existing.get((record.jury, record.name))
        if juror is None:
            session.add(
                Juror(
                    campaign_id=campaign.id,
                    jury=record.jury,
                    name=record.name,
                    email=record.email,
                    certificate_pem=record.certificate_pem,
                )
            )
            if report.status == "updated":
                report.changes.append(f"jury {record.jury} : juré {record.name} ajouté")
        elif (juror.email, juror.certificate_pem) != (record.email, record.certificate_pem):
            juror.email, juror.certificate_pem = record.email, record.certificate_pem
            report.changes.append(f"jury {record.jury} : juré {record.name} mis à jour")


def _kit_revocations(package: CampaignPackage) -> list[Revocation]:
    """The revocations a room kit carries (``revocations.csv``), so that the room refuses those credentials."""
    name = package.root + REVOCATIONS_FILE
    if not package.source.has(name):
        return []
    revoked, problems = read_revocations(package.source.read(name))
    if problems:
        raise PackageError(package.path, problems)
    return revoked


def _store_revocations(session: Session, revoked: list[Revocation], report: ImportReport) -> None:
    """Those this database does not know yet; a revocation it knows already stays as it was recorded."""
    known = set(session.scalars(select(CredentialRevocation.fingerprint)))
    for revocation in revoked:
        if revocation.fingerprint in known:
            continue
        session.add(
            CredentialRevocation(
                fingerprint=revocation.fingerprint,
                name=revocation.name,
                revoked_from=revocation.since,
                reason=revocation.reason,
                recorded_at=datetime.now(UTC),
            )
        )
        known.add(revocation.fingerprint)
        report.changes.append(
            f"certificat de {revocation.name or revocation.fingerprint[:16]} révoqué à partir du "
            f"{revocation.since:%d/%m/%Y %H:%M} ({revocation.reason})"
        )


def _warnings(package: CampaignPackage) -> list[str]:
    """What the secretariat is told at every import of the package: what the package accepts but the seed does
    not foresee (an oral's length), and what it lacks to bind signers to juries."""
    return [str(w) for w in package.warnings] + unbound_warnings(package.candidates, package.jurors)
