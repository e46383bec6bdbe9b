"""Evaluator kits (docs/FORMATS.md §1.9, issue 17): what the secretariat hands each evaluator before the orals.

A kit is an ordinary campaign package, as a room kit is (:mod:`.room_kits`): the evaluator's candidates (the
``evaluator`` column names them), their dossiers and current marks, the campaign's authority and the evaluator's
own row of ``jurors.csv`` (``jury`` = ``evaluator``) with the certificate. ``campaign.json`` says whose kit it is
(``evaluator_kit``, a key the reader ignores). Opened on the evaluator's laptop, it is imported like any package;
the « Évaluation » workspace then lists those candidates. The same all-or-nothing writing as the room kits.
"""

from __future__ import annotations

import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from c2i2e_jury.errors import os_error_text
from c2i2e_jury.exchange.package.evaluators import EVALUATOR_JURY
from c2i2e_jury.exchange.package.format import CandidateRecord, JurorRecord
from c2i2e_jury.exchange.package.writer import PackageContent, unique_slugs, write_package, zip_folder
from c2i2e_jury.services.room_kits import RoomKitError, _read, _Room, _Snapshot, _stored, resolve_campaign_id
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.dossier_store import DossierStore

log = logging.getLogger(__name__)

KIT_KEY = "evaluator_kit"


@dataclass(frozen=True)
class EvaluatorKit:
    evaluator: str
    folder: Path
    zip_path: Path | None
    candidate_ids: tuple[str, ...]
    dossiers: int
    warnings: tuple[str, ...] = ()


@dataclass
class _Share:
    evaluator: JurorRecord
    candidates: list[CandidateRecord] = field(default_factory=list)
    files: dict[str, Path] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def export_evaluator_kits(
    db: Database,
    campaign_id: str | None,
    out_dir: Path,
    store: DossierStore | None = None,
    *,
    zip: bool = False,
) -> list[EvaluatorKit]:
    """Write ``out_dir/evaluateur-<name>/`` for every evaluator the package designates (and a ``.zip`` when
    ``zip``); refuse, writing nothing, when the campaign names no evaluator or a kit is already there."""
    store = store or DossierStore()
    snapshot = _read(db, resolve_campaign_id(db, campaign_id), store)
    shares = _shares(snapshot.rooms, [j for j in snapshot.jurors if j.jury == EVALUATOR_JURY])
    if not shares:
        raise RoomKitError(
            "La campagne ne désigne aucun évaluateur : ajoutez à jurors.csv une ligne « evaluator » par "
            "évaluateur, avec son certificat, et la colonne evaluator de candidates.csv, puis importez le paquet."
        )
    slugs = unique_slugs([f"evaluateur-{s.evaluator.name}" for s in shares])
    _check(shares, slugs, out_dir, zip)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        kits = [
            _write(snapshot, share, slugs[f"evaluateur-{share.evaluator.name}"], out_dir, zip)
            for share in shares
        ]
    except OSError as exc:
        raise RoomKitError(f"Impossible d'écrire les kits dans {out_dir} : {os_error_text(exc)}.") from exc
    log.info("evaluator kits of %s written to %s", snapshot.campaign.id, out_dir)
    return kits


def _shares(rooms: list[_Room], evaluators: list[JurorRecord]) -> list[_Share]:
    by_name = {e.name: _Share(e) for e in evaluators}
    for room in rooms:
        for record in room.candidates:
            share = by_name.get(record.evaluator)
            if share is None:
                continue
            if record.dossier:
                name = (
                    record.dossier
                    if record.dossier not in share.files
                    else f"{record.candidate_id}_{record.dossier}"
                )
                share.files[name] = room.files[record.dossier]
                share.sizes[name] = room.sizes[record.dossier]
                record.dossier = name
            share.candidates.append(record)
    return [by_name[name] for name in sorted(by_name)]


def _check(shares: list[_Share], slugs: dict[str, str], out_dir: Path, zip: bool) -> None:
    problems: list[str] = []
    for share in shares:
        folder = out_dir / slugs[f"evaluateur-{share.evaluator.name}"]
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            problems.append(f"{folder} existe déjà et n'est pas vide")
        if zip and folder.with_suffix(".zip").exists():
            problems.append(f"{folder}.zip existe déjà")
        if not share.evaluator.certificate_pem:
            problems.append(
                f"{share.evaluator.name} : pas de certificat ; ses notes ne pourraient pas être vérifiées"
            )
        for name, path in share.files.items():
            if not _stored(path, share.sizes[name]):
                problems.append(f"{name} : dossier absent ou incomplet dans le dossier de données")
    if problems:
        raise RoomKitError("Les kits des évaluateurs ne sont pas écrits : rien n'a été écrit.", problems)


def _write(snapshot: _Snapshot, share: _Share, slug: str, out_dir: Path, zip: bool) -> EvaluatorKit:
    extra = {KIT_KEY: {"evaluator": share.evaluator.name, "candidates": len(share.candidates)}}
    # The validation jurors of those candidates' juries come too: a package that names juries lists their jurors.
    juries = {c.jury for c in share.candidates}
    jurors = [share.evaluator, *(j for j in snapshot.jurors if j.jury in juries)]
    content = PackageContent(
        snapshot.campaign, share.candidates, jurors, snapshot.authority_pem, share.files, extra
    )
    final, tmp = out_dir / slug, out_dir / f".{slug}.part"
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        write_package(tmp, content)
        if final.exists():
            final.rmdir()  # checked empty beforehand
        tmp.rename(final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    zip_path = zip_folder(final, out_dir / f"{slug}.zip") if zip else None
    warnings = () if share.candidates else (f"{share.evaluator.name} n'a aucun candidat à évaluer",)
    return EvaluatorKit(
        share.evaluator.name,
        final,
        zip_path,
        tuple(c.candidate_id for c in share.candidates),
        len(share.files),
        warnings,
    )
