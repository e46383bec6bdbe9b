"""The candidates' rows (``candidates``, with each dossier's file), then their evaluators' marks and their prior
validations (``marks``, ``prior``), gathered into one record a candidate."""

from __future__ import annotations

from c2i2e_jury.exchange.package.checks import Checker, parse_time
from c2i2e_jury.exchange.package.format import CANDIDATE_COLUMNS, PRIOR_COLUMNS, CandidateRecord
from c2i2e_jury.exchange.package.source import PackageSource, UnreadableMember, UnsafePath, safe_member
from c2i2e_jury.exchange.package.spreadsheet_values import parse_percent
from c2i2e_jury.exchange.package.tables import has_columns
from c2i2e_jury.exchange.tabular import Row, Table


def read_candidates(
    table: Table, source: PackageSource, root: str, check: Checker
) -> dict[str, CandidateRecord]:
    if not has_columns(table, CANDIDATE_COLUMNS, check):
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


def read_marks(
    table: Table, candidates: dict[str, CandidateRecord], check: Checker, listed: set[str]
) -> None:
    if not has_columns(table, ("candidate_id", "item", "evaluator_mark"), check):
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


def read_prior(
    table: Table, candidates: dict[str, CandidateRecord], check: Checker, listed: set[str]
) -> None:
    if not has_columns(table, PRIOR_COLUMNS, check):
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
