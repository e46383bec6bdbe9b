"""Write a campaign package (docs/FORMATS.md §1) from plain records: the reverse of :mod:`.reader`.

The files are written the way French Excel writes them, so that what the program writes is what a secretariat
would hand it: ``;``-separated CSV, UTF-8 with a byte order mark, CRLF line ends, ``oui``/``non``. The same
records give the same bytes (a ``.zip`` too: sorted members, a fixed date), so that a package written twice
has the same fingerprint on import. Dossiers are copied from given files; nothing is ever written outside
the target folder, and every name written into a sheet is checked as :func:`.source.safe_member`
checks names on the way in.
"""

from __future__ import annotations

import json
import logging
import shutil
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from c2i2e_jury.exchange.package.format import (
    CANDIDATE_COLUMNS,
    FORMAT,
    JUROR_COLUMNS,
    MARK_COLUMNS,
    PRIOR_COLUMNS,
    CampaignInfo,
    CandidateRecord,
    JurorRecord,
)
from c2i2e_jury.exchange.spreadsheet import excel_csv
from c2i2e_jury.files import file_name_part

log = logging.getLogger(__name__)

FULL_CANDIDATE_COLUMNS = (*CANDIDATE_COLUMNS, "evaluator", "extra_time_percent")
PACKAGE_IDS = ("candidate_id", "room", "jury")  # text in a spreadsheet: « 00123 » must not become 123
ZIP_DATE = (2000, 1, 1, 0, 0, 0)  # a fixed member date: the same package, the same zip bytes
_STORED_SUFFIXES = (".pdf", ".zip", ".png", ".jpg")  # already compressed: deflating them only costs time


@dataclass(frozen=True)
class PackageContent:
    """Everything a package holds. ``CandidateRecord.dossier`` is a file name under ``dossiers/`` (or "");
    ``dossiers`` maps each such name to the file to copy. ``extra`` adds keys to campaign.json."""

    campaign: CampaignInfo
    candidates: Sequence[CandidateRecord]
    jurors: Sequence[JurorRecord] = ()
    authority_pem: str | None = None
    dossiers: Mapping[str, Path] = field(default_factory=dict)
    extra: Mapping[str, object] = field(default_factory=dict)


def slug(text: str, default: str = "sans-nom") -> str:
    """A file or folder name safe everywhere (Windows, FAT32 USB keys): lowercase ASCII, digits and dashes.
    ``Salle B112`` → ``salle-b112``, ``Bât. C / 2ᵉ étage`` → ``bat-c-2e-etage``."""
    return file_name_part(text, default)


def unique_slugs(texts: Iterable[str], default: str = "sans-nom") -> dict[str, str]:
    """A distinct slug per distinct text (``B/112`` and ``B-112`` become ``b-112`` and ``b-112-2``)."""
    out: dict[str, str] = {}
    taken: set[str] = set()
    for text in texts:
        if text in out:
            continue
        base = candidate = slug(text, default)
        n = 2
        while candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        taken.add(candidate)
        out[text] = candidate
    return out


def write_csv(path: Path, columns: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    """What Excel saves as « CSV UTF-8 » (:func:`~c2i2e_jury.exchange.spreadsheet.excel_csv`); the candidates'
    ids, rooms and juries stay text when the secretariat opens it in a spreadsheet."""
    path.write_bytes(excel_csv(columns, rows, PACKAGE_IDS))


def yes_no(flag: bool) -> str:
    return "oui" if flag else "non"


def campaign_json(info: CampaignInfo, extra: Mapping[str, object] | None = None) -> bytes:
    data: dict[str, object] = {
        "format": FORMAT,
        "id": info.id,
        "title": info.title,
        "year": info.year,
        "deposit_opens": info.deposit_opens.isoformat(),
        "deposit_closes": info.deposit_closes.isoformat(),
        "orals_from": info.orals_from.isoformat(),
        "orals_to": info.orals_to.isoformat(),
        "presentation_minutes": info.presentation_minutes,
        "discussion_minutes": info.discussion_minutes,
    }
    data.update(extra or {})
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def candidate_rows(candidates: Iterable[CandidateRecord]) -> list[tuple[str, ...]]:
    return [
        (
            c.candidate_id,
            c.last_name,
            c.first_name,
            c.email,
            c.dossier,
            yes_no(c.deposited),
            yes_no(c.rework_pending),
            c.oral_date.isoformat() if c.oral_date else "",
            c.oral_time,
            c.room,
            c.jury,
            c.evaluator,
            str(c.extra_time_percent) if c.extra_time_percent else "",
        )
        for c in candidates
    ]


def mark_rows(candidates: Iterable[CandidateRecord]) -> list[tuple[str, ...]]:
    return [
        (c.candidate_id, item, mark or "", comment)
        for c in candidates
        for item, (mark, comment) in c.marks.items()
    ]


def prior_rows(candidates: Iterable[CandidateRecord]) -> list[tuple[str, ...]]:
    return [
        (c.candidate_id, item, str(year) if year is not None else "", yes_no(copy), yes_no(original))
        for c in candidates
        for item, (year, copy, original) in c.prior.items()
    ]


def certificate_names(jurors: Sequence[JurorRecord]) -> list[str]:
    """``certificates/<jury>-<name>.pem`` for each juror with a certificate, "" for the others."""
    slugs = unique_slugs(f"{j.jury}-{j.name}" for j in jurors if j.certificate_pem)
    return [f"certificates/{slugs[f'{j.jury}-{j.name}']}.pem" if j.certificate_pem else "" for j in jurors]


def _check_dossier_names(content: PackageContent) -> None:
    """Flat, safe names under dossiers/, each one named by a candidate and given a file (a bug otherwise)."""
    named = {c.dossier for c in content.candidates if c.dossier}
    for name in named | set(content.dossiers):
        if not name or name != Path(name).name or name in (".", "..") or "\\" in name or ":" in name:
            raise ValueError(f"unsafe dossier name {name!r}: a plain file name under dossiers/ is expected")
    if named - set(content.dossiers):
        raise ValueError(f"no file given for the dossiers {sorted(named - set(content.dossiers))}")


def write_package(out_dir: Path, content: PackageContent) -> Path:
    """Write the package into ``out_dir`` (created if needed) and return ``out_dir``. A dossier whose source is
    already its place in ``out_dir/dossiers`` is left as it is (a generator may write dossiers in place)."""
    _check_dossier_names(content)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "campaign.json").write_bytes(campaign_json(content.campaign, content.extra))
    write_csv(out_dir / "candidates.csv", FULL_CANDIDATE_COLUMNS, candidate_rows(content.candidates))
    write_csv(out_dir / "marks.csv", MARK_COLUMNS, mark_rows(content.candidates))
    write_csv(out_dir / "prior.csv", PRIOR_COLUMNS, prior_rows(content.candidates))
    if content.jurors:
        _write_jurors(out_dir, content.jurors)
    if content.authority_pem:
        (out_dir / "authority.pem").write_bytes(content.authority_pem.encode("ascii"))
    dossiers = out_dir / "dossiers"
    dossiers.mkdir(exist_ok=True)
    for name, source in sorted(content.dossiers.items()):
        target = dossiers / name
        if not (target.exists() and target.samefile(source)):
            shutil.copyfile(source, target)
    log.info(
        "campaign package %s written to %s (%d candidates, %d dossiers)",
        content.campaign.id,
        out_dir,
        len(content.candidates),
        len(content.dossiers),
    )
    return out_dir


def _write_jurors(out_dir: Path, jurors: Sequence[JurorRecord]) -> None:
    names = certificate_names(jurors)
    write_csv(
        out_dir / "jurors.csv",
        JUROR_COLUMNS,
        [(j.jury, j.name, j.email, name) for j, name in zip(jurors, names, strict=True)],
    )
    for juror, name in zip(jurors, names, strict=True):
        if juror.certificate_pem:
            path = out_dir / name
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(juror.certificate_pem.encode("ascii"))


def zip_folder(folder: Path, zip_path: Path) -> Path:
    """A ``.zip`` of ``folder``'s files at the archive's top, in a stable order with a fixed date (the same
    folder, the same bytes). Written under a temporary name, then renamed: never a half-written archive."""
    tmp = zip_path.with_name(zip_path.name + ".part")
    try:
        with zipfile.ZipFile(tmp, "w") as archive:
            for file in sorted(p for p in folder.rglob("*") if p.is_file()):
                name = file.relative_to(folder).as_posix()
                info = zipfile.ZipInfo(name, ZIP_DATE)
                info.external_attr = 0o644 << 16
                stored = name.lower().endswith(_STORED_SUFFIXES)
                info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
                with file.open("rb") as source, archive.open(info, "w") as target:
                    shutil.copyfileobj(source, target, 1 << 20)
        tmp.replace(zip_path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return zip_path
