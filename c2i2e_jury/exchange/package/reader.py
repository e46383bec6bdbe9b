"""The campaign package (docs/FORMATS.md §1): read, check everything, and either return it whole or refuse it
with every problem listed (file, line, column, the offending value, why). Nothing is stored here."""

from __future__ import annotations

import json
import re
import struct
import zipfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.errors import UserError
from c2i2e_jury.exchange.ods import read_ods
from c2i2e_jury.exchange.package.checks import UNSAFE_ID, Checker, Problem, parse_time, safe_identifier
from c2i2e_jury.exchange.package.dates import check_oral_dates, check_oral_length, check_periods
from c2i2e_jury.exchange.package.evaluators import check_evaluators
from c2i2e_jury.exchange.package.format import (
    CANDIDATE_COLUMNS,
    CELL_LIMITS,
    FORMAT,
    PRIOR_COLUMNS,
    CampaignInfo,
    CandidateRecord,
    JurorRecord,
)
from c2i2e_jury.exchange.package.juries import check_juries
from c2i2e_jury.exchange.package.limits import sheet_limits
from c2i2e_jury.exchange.package.president import check_president
from c2i2e_jury.exchange.package.source import (
    REDO_ZIP,
    PackageSource,
    UnreadableMember,
    UnsafePath,
    safe_member,
)
from c2i2e_jury.exchange.package.spreadsheet_values import parse_percent
from c2i2e_jury.exchange.tabular import Row, SheetError, Table, read_csv, read_xlsx


class PackageError(UserError):
    def __init__(self, path: Path, problems: list[Problem]) -> None:
        count = len(problems)
        noun = "problème" if count == 1 else "problèmes"
        super().__init__(
            f"Le paquet {path.name} est refusé ({count} {noun}) : rien n'a été enregistré.",
            [str(p) for p in problems],
        )
        self.problems = problems


@dataclass
class CampaignPackage:
    path: Path
    source: PackageSource
    campaign: CampaignInfo
    candidates: list[CandidateRecord]
    jurors: list[JurorRecord]
    authority_pem: str | None
    root: str  # the folder inside the package holding campaign.json ("" at the top)
    warnings: list[Problem] = field(default_factory=list)  # said at import, not reasons to refuse

    def close(self) -> None:
        self.source.close()

    def members(self) -> list[str]:
        """The package's files (real member names), in a stable order."""
        return [name for name in self.source.names() if name.startswith(self.root)]


def read_package(path: Path, referential: Referential) -> CampaignPackage:
    """Read and check a whole package; raise PackageError listing every problem."""
    if not path.exists():
        raise UserError(f"Paquet introuvable : {path}.")
    source = _open(path)
    try:
        if source.refusal:
            raise PackageError(path, [Problem(path.name, None, None, None, source.refusal)])
        return _read(path, source, Checker(referential))
    except BaseException:
        source.close()
        raise


def _open(path: Path) -> PackageSource:
    try:
        return PackageSource(path)
    except UnicodeDecodeError as exc:  # zipfile decodes every name at once, as UTF-8 when the flag says so
        raise PackageError(
            path,
            [
                Problem(
                    path.name,
                    None,
                    None,
                    None,
                    f"un nom de fichier de l'archive n'est pas en UTF-8 comme elle l'annonce : {REDO_ZIP}",
                )
            ],
        ) from exc
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise UserError(f"{path.name} n'est ni un dossier ni une archive .zip lisible ({exc}).") from exc


def _read(path: Path, source: PackageSource, check: Checker) -> CampaignPackage:
    for name in source.unsafe:
        check.add(name, None, None, None, "chemin qui sort du paquet (refusé, rien n'est écrit)")
    for name, why in source.broken.items():
        check.add(name, None, None, None, why)
    root = source.root
    campaign = _campaign(source, root, check)
    candidates_table = _table(source, root, "candidates", check, required=True)
    marks_table = _table(source, root, "marks", check, required=True)
    prior_table = _table(source, root, "prior", check, required=False)
    jurors_table = _table(source, root, "jurors", check, required=False)
    candidates = _candidates(candidates_table, source, root, check) if candidates_table else {}
    if campaign is not None and candidates_table:
        check_oral_dates(candidates_table, campaign, check)
    # An id is "unknown" only when candidates.csv could be read and does not list it: without a usable list (or
    # for a row of it already refused), every line of marks.csv would repeat what one problem already says.
    listed = (
        {row.get("candidate_id") for row in candidates_table.rows}
        if candidates_table and candidates
        else set()
    )
    if marks_table:
        _marks(marks_table, candidates, check, listed)
    if prior_table:
        _prior(prior_table, candidates, check, listed)
    jurors = _jurors(jurors_table, source, root, check) if jurors_table else []
    check_juries(check, candidates_table if candidates else None, jurors_table, jurors)
    authority = (
        _pem(source, root + "authority.pem", "authority.pem", None, check)
        if source.has(root + "authority.pem")
        else None
    )
    check_president(jurors_table, jurors, authority, check)
    check_evaluators(jurors_table, jurors, list(candidates.values()), authority, check)
    for name, why in source.unread_too_big().items():
        check.add(name[len(root) :] if name.startswith(root) else name, None, None, None, why)
    if check.problems or campaign is None:
        raise PackageError(path, check.problems)
    return CampaignPackage(
        path, source, campaign, list(candidates.values()), jurors, authority, root, check.warnings
    )


def _campaign(source: PackageSource, root: str, check: Checker) -> CampaignInfo | None:
    name = root + "campaign.json"
    if not source.has(name):
        check.add("campaign.json", None, None, None, "fichier manquant")
        return None
    try:
        data: Any = json.loads(source.read(name).decode("utf-8-sig"))
    except UnreadableMember as exc:
        check.add("campaign.json", None, None, None, exc.why)
        return None
    except RecursionError:
        check.add("campaign.json", None, None, None, "JSON invalide (imbrication trop profonde)")
        return None
    except ValueError as exc:  # not UTF-8, not JSON, or a number too long to be one (Python's int limit)
        why = "un nombre de plus de 4300 chiffres" if "integer string conversion" in str(exc) else str(exc)
        check.add("campaign.json", getattr(exc, "lineno", None), None, None, f"JSON invalide ({why})")
        return None
    if not isinstance(data, dict):
        check.add("campaign.json", None, None, None, "un objet JSON est attendu")
        return None
    before = len(check.problems)
    check.json_text("campaign.json", data)
    if data.get("format") != FORMAT:
        check.add("campaign.json", None, "format", str(data.get("format")), f"« {FORMAT} » attendu")
    for key in ("id", "title"):
        if not isinstance(data.get(key), str) or not data[key].strip():
            check.add("campaign.json", None, key, str(data.get(key, ""))[:100], "texte obligatoire")
    if isinstance(data.get("id"), str) and data["id"].strip() and not safe_identifier(data["id"].strip()):
        check.add("campaign.json", None, "id", data["id"][:100], UNSAFE_ID)
    for key, limit in CELL_LIMITS["campaign.json"].items():
        if isinstance(data.get(key), str) and len(data[key].strip()) > limit:
            check.too_long("campaign.json", None, key, data[key].strip(), limit)
    year = data.get("year")
    if not isinstance(year, int) or not 2000 <= year <= 2100:
        check.add("campaign.json", None, "year", str(year)[:100], "année attendue (par exemple 2017)")
    dates: dict[str, date] = {}
    for key in ("deposit_opens", "deposit_closes", "orals_from", "orals_to"):
        raw = data.get(key)
        parsed = _iso_date(raw)
        if parsed is None:
            check.add("campaign.json", None, key, str(raw)[:100], "date invalide (AAAA-MM-JJ attendu)")
        else:
            dates[key] = parsed
    minutes = {}
    for key, default in (("presentation_minutes", 10), ("discussion_minutes", 20)):
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 120:
            check.add(
                "campaign.json", None, key, str(value)[:100], "nombre de minutes entre 1 et 120 attendu"
            )
        minutes[key] = value
    check_oral_length(data, minutes, check)
    kit = data.get("room_kit")
    if kit is not None and not (
        isinstance(kit, dict) and isinstance(kit.get("room"), str) and kit["room"].strip()
    ):
        check.add(
            "campaign.json",
            None,
            "room_kit",
            str(kit)[:100],
            'un kit de salle s\'écrit {"room": "nom de la salle", …} : le fichier a été modifié à la main ?',
        )
    if len(check.problems) > before or not isinstance(year, int):
        return None
    if dates["deposit_opens"] > dates["deposit_closes"] or dates["orals_from"] > dates["orals_to"]:
        check.add("campaign.json", None, None, None, "une période se termine avant de commencer")
        return None
    if not check_periods(dates, check):
        return None
    room = str(kit["room"]) if isinstance(kit, dict) else None
    return CampaignInfo(
        data["id"].strip(),
        data["title"].strip(),
        year,
        dates["deposit_opens"],
        dates["deposit_closes"],
        dates["orals_from"],
        dates["orals_to"],
        minutes["presentation_minutes"],
        minutes["discussion_minutes"],
        room,
    )


def _iso_date(raw: object) -> date | None:
    """A YYYY-MM-DD date that exists (not 2017-02-30), else None."""
    if not isinstance(raw, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw, re.ASCII):
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        return None


def _table(source: PackageSource, root: str, stem: str, check: Checker, required: bool) -> Table | None:
    try:
        for suffix, read in (("csv", read_csv), ("xlsx", read_xlsx), ("ods", read_ods)):
            if source.has(f"{root}{stem}.{suffix}"):
                table = read(f"{stem}.{suffix}", source.read(f"{root}{stem}.{suffix}"), sheet_limits(stem))
                return check.cells(table, CELL_LIMITS.get(stem, {}))
    except SheetError as exc:
        check.add(exc.name, None, None, None, exc.why)
        return None
    except UnreadableMember as exc:
        check.add(exc.name[len(root) :], None, None, None, exc.why)
        return None
    except (ValueError, KeyError, OSError, zipfile.BadZipFile) as exc:
        check.add(f"{stem}.csv/.xlsx", None, None, None, f"illisible ({exc})")
        return None
    if required:
        check.add(f"{stem}.csv", None, None, None, "fichier manquant (ou la même feuille en .xlsx ou .ods)")
    return None


def _columns(table: Table, required: tuple[str, ...], check: Checker) -> bool:
    missing = [c for c in required if c not in table.columns]
    for column in missing:
        check.add(table.file, 1, column, None, "colonne obligatoire absente")
    return not missing


def _candidates(table: Table, source: PackageSource, root: str, check: Checker) -> dict[str, CandidateRecord]:
    if not _columns(table, CANDIDATE_COLUMNS, check):
        return {}
    if not table.rows:
        check.add(table.file, None, None, None, "aucun candidat : le fichier n'a que sa ligne d'en-tête")
        return {}
    out: dict[str, CandidateRecord] = {}
    for row in table.rows:
        cid = row.get("candidate_id")
        for column in ("candidate_id", "last_name", "first_name"):
            if not row.get(column):
                check.add(row.file, row.line, column, "", "valeur obligatoire manquante")
        if cid and not check.candidate_id(row):
            continue
        if cid in out:
            check.add(row.file, row.line, "candidate_id", cid, "identifiant de candidat en double")
            continue
        deposited = check.boolean(row, "deposited")
        rework = check.boolean(row, "rework_pending", default=False)
        oral_date = check.date(row, "oral_date")
        oral_time = ""
        if row.get("oral_time"):
            oral_time = parse_time(row.get("oral_time")) or ""
            if not oral_time:
                check.add(
                    row.file, row.line, "oral_time", row.get("oral_time"), "heure invalide (HH:MM attendu)"
                )
        extra = _extra_time(row, check)
        dossier = _dossier(row, source, root, deposited, check)
        out[cid] = CandidateRecord(
            cid,
            row.get("last_name"),
            row.get("first_name"),
            row.get("email"),
            dossier,
            deposited,
            rework,
            oral_date,
            oral_time,
            row.get("room"),
            row.get("jury"),
            row.get("evaluator"),
            extra,
        )
    return out


def _extra_time(row: Row, check: Checker) -> int:
    raw = row.get("extra_time_percent")
    percent, why = parse_percent(raw)
    if why:
        check.add(row.file, row.line, "extra_time_percent", raw, why)
    return percent or 0


def _dossier(row: Row, source: PackageSource, root: str, deposited: bool, check: Checker) -> str:
    raw = row.get("dossier")
    if not raw:
        if deposited:
            check.add(row.file, row.line, "dossier", "", "dossier déposé mais aucun fichier indiqué")
        return ""
    try:
        name = safe_member(raw)
    except UnsafePath:
        check.add(row.file, row.line, "dossier", raw, "chemin qui sort du paquet")
        return ""
    member = root + "dossiers/" + (name[len("dossiers/") :] if name.startswith("dossiers/") else name)
    if not source.has(member):
        check.add(row.file, row.line, "dossier", raw, "dossier indiqué mais absent de dossiers/")
        return ""
    try:
        head = source.head(member, 1024)
    except UnreadableMember as exc:
        check.add(row.file, row.line, "dossier", raw, exc.why)
        return ""
    if b"%PDF-" not in head:
        check.add(row.file, row.line, "dossier", raw, "ce n'est pas un fichier PDF")
        return ""
    return member


def _marks(table: Table, candidates: dict[str, CandidateRecord], check: Checker, listed: set[str]) -> None:
    if not _columns(table, ("candidate_id", "item", "evaluator_mark"), check):
        return
    for row in table.rows:
        cid = row.get("candidate_id")
        candidate = candidates.get(cid)
        if candidate is None and listed and cid not in listed:
            check.add(row.file, row.line, "candidate_id", cid, "identifiant de candidat inconnu")
        code = check.item(row)
        raw = row.get("evaluator_mark")
        mark = raw.upper()
        if mark not in ("V", "NV", ""):
            check.add(row.file, row.line, "evaluator_mark", raw, "V, NV ou vide attendu")
            continue
        if candidate is None or code is None:
            continue
        if code in candidate.marks:
            check.add(row.file, row.line, "item", code, f"deuxième note pour {cid}")
            continue
        candidate.marks[code] = (mark or None, row.get("comment"))


def _prior(table: Table, candidates: dict[str, CandidateRecord], check: Checker, listed: set[str]) -> None:
    if not _columns(table, PRIOR_COLUMNS, check):
        return
    for row in table.rows:
        cid = row.get("candidate_id")
        candidate = candidates.get(cid)
        if candidate is None and listed and cid not in listed:
            check.add(row.file, row.line, "candidate_id", cid, "identifiant de candidat inconnu")
        code = check.item(row)
        raw_year = row.get("year")
        year = (
            int(raw_year)
            if (
                raw_year.isascii()
                and raw_year.isdigit()
                and len(raw_year) == 4
                and 2000 <= int(raw_year) <= 2100
            )
            else None
        )
        if raw_year and year is None:
            check.add(row.file, row.line, "year", raw_year, "année invalide")
        copy, original = check.boolean(row, "copy_deposited"), check.boolean(row, "original_received")
        if candidate is None or code is None:
            continue
        if code in candidate.prior:
            check.add(row.file, row.line, "item", code, f"validation antérieure en double pour {cid}")
            continue
        candidate.prior[code] = (year, copy, original)


def _jurors(table: Table, source: PackageSource, root: str, check: Checker) -> list[JurorRecord]:
    if not _columns(table, ("jury", "name"), check):
        return []
    out: list[JurorRecord] = []
    seen: set[tuple[str, str]] = set()
    for row in table.rows:
        key = (row.get("jury"), row.get("name"))
        if not all(key):
            check.add(
                row.file, row.line, "jury" if not key[0] else "name", "", "valeur obligatoire manquante"
            )
            continue
        if key in seen:
            check.add(row.file, row.line, "name", key[1], "juré en double dans ce jury")
            continue
        seen.add(key)
        pem = None
        if row.get("certificate"):
            try:
                member = root + safe_member(row.get("certificate"))
            except UnsafePath:
                check.add(
                    row.file, row.line, "certificate", row.get("certificate"), "chemin qui sort du paquet"
                )
                continue
            pem = _pem(source, member, row.file, row.line, check)
        out.append(JurorRecord(key[0], key[1], row.get("email"), pem))
    return out


def _pem(source: PackageSource, member: str, file: str, line: int | None, check: Checker) -> str | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if not source.has(member):
        check.add(file, line, "certificate", member, "fichier de certificat absent du paquet")
        return None
    try:
        data = source.read(member)
    except UnreadableMember as exc:
        check.add(file, line, "certificate", member, exc.why)
        return None
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        check.add(file, line, "certificate", member, "ce n'est pas un certificat PEM")
        return None
    # Kept as the certificates alone: what OpenSSL adds around them (« Bag Attributes », a friendlyName with
    # accents) is not PEM, and not ASCII.
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certificates)
