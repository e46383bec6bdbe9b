"""``c2i2e-jury sheet verify|create|import|export`` (docs/FORMATS.md §2, §4, §5.8).

``verify``: exit 0 and the result (with ``--json``, the embedded ``c2i2e-result.json`` exactly as signed); exit 1
and one sentence when the sheet is refused. The campaign authority comes from ``--trust``, or else from
:data:`trust_roots_provider`: by default the authority the database knows for the sheet's campaign.
``create``: the paper fallback, a typed-in paper sheet recorded and signed by both jurors.
``import``: the rooms' sheets into the database, a line per file, exit 1 if any file was refused.
``export``: a room's day of signed sheets to a folder (a USB key), with ``index.csv``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from c2i2e_jury.errors import os_error_text

if TYPE_CHECKING:
    from cryptography.x509 import Certificate

    from c2i2e_jury.exchange.signatures import VerifiedSheet

STATUS_TEXT = {"examined": "examiné", "absent": "absent (abandon)", "not_admitted": "non admis"}
PASSPHRASE_ENVS = ("C2I2E_PASSPHRASE_1", "C2I2E_PASSPHRASE_2")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "sheet", help="signed result sheets", description="Signed result sheets (docs/FORMATS.md §2)."
    )
    actions = parser.add_subparsers(dest="sheet_command", metavar="ACTION", required=True)
    verify = actions.add_parser(
        "verify",
        help="verify a signed result sheet",
        description="Verify a signed result sheet: both jurors' signatures, nothing changed since, signers issued "
        "by the campaign authority, embedded JSON valid and matching the visible sheet; with a "
        "database (--db, or the default one without --trust): signed by the two jurors of the "
        "candidate's jury as the campaign package lists them, two different persons, within their "
        "certificates' validity and the campaign's period, with no credential revoked at the time. "
        "Exit code: 0 valid, 1 refused.",
    )
    verify.add_argument("sheet", metavar="SHEET", help="the signed PDF")
    verify.add_argument(
        "--trust",
        metavar="PEM",
        help="the campaign authority's certificate (authority.pem); "
        "default: the authority known to the database",
    )
    verify.add_argument("--json", action="store_true", help="print the embedded c2i2e-result.json")
    verify.set_defaults(handler=run_verify)
    _register_create(actions)
    _register_import(actions)
    _register_export(actions)


def _register_create(actions: Any) -> None:
    create = actions.add_parser(
        "create",
        help="paper fallback: record a paper sheet's decisions and sign it",
        description="The paper fallback: record the decisions a jury wrote on paper (CSV with the columns "
        "item;decision;comment and optionally justification; items acquired earlier may be left out) "
        "and have both jurors sign the sheet. The same rules as in the jury room apply. Passphrases: "
        f"prompts, or ${PASSPHRASE_ENVS[0]} and ${PASSPHRASE_ENVS[1]}.",
    )
    create.add_argument("candidate", metavar="CANDIDATE", help="the candidate's id (candidate_id)")
    create.add_argument("--campaign", metavar="ID", help="the campaign, when several have this candidate id")
    create.add_argument(
        "--decisions",
        metavar="CSV",
        help="the jury's decisions (not for an absent or non-admitted candidate)",
    )
    create.add_argument("--absent", action="store_true", help="the candidate was absent (abandonment)")
    create.add_argument(
        "--sign",
        action="append",
        required=True,
        metavar="P12",
        help="a juror's credential; twice: juror 1 then juror 2",
    )
    create.add_argument("--out", required=True, metavar="SHEET.pdf", help="where to write the signed sheet")
    create.set_defaults(handler=run_create)


def _register_import(actions: Any) -> None:
    imports = actions.add_parser(
        "import",
        help="import the rooms' signed sheets",
        description="Import signed sheets (PDF files, folders searched recursively, .zip files): each is verified "
        "against its campaign's authority and reported as imported, duplicate, superseded, conflict "
        "(kept aside) or rejected. Exit code: 0, or 1 if any file was rejected.",
    )
    imports.add_argument("paths", nargs="+", metavar="SHEET_OR_FOLDER")
    imports.add_argument(
        "--report",
        metavar="CSV",
        help="also write the report as CSV (;, UTF-8), or as a workbook when CSV ends in .xlsx",
    )
    imports.set_defaults(handler=run_import)


def _register_export(actions: Any) -> None:
    export = actions.add_parser(
        "export",
        help="copy the signed sheets of a room's day to a folder (USB key)",
        description="Copy the latest signed version of each candidate's sheet to a folder, with index.csv. "
        "Unsigned sheets never leave.",
    )
    export.add_argument("out", metavar="FOLDER")
    export.add_argument("--room", metavar="ROOM", help="only this room")
    export.add_argument("--day", metavar="YYYY-MM-DD", help="only this day")
    export.set_defaults(handler=run_export)


def default_trust_roots(args: argparse.Namespace, pdf: bytes) -> list[Certificate]:
    """The campaign authority known to the database (``--db``), for the campaign the sheet names."""
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.services.sheet_trust import UnknownAuthority, trust_roots_for
    from c2i2e_jury.storage.database import open_database

    db = open_database(getattr(args, "db", None))
    try:
        return trust_roots_for(db, pdf)
    except UnknownAuthority as exc:
        if exc.reason in ("unknown_campaign", "unknown_authority"):
            raise UserError(
                f"Aucune autorité donnée : utiliser --trust authority.pem ({exc.message.rstrip('.')})."
            ) from exc
        raise
    finally:
        db.dispose()


# The injection point: (arguments, the sheet's bytes) -> the campaign authority's certificates.
trust_roots_provider: Callable[[argparse.Namespace, bytes], list[Certificate]] = default_trust_roots


def signer_warnings(args: argparse.Namespace, verified: VerifiedSheet) -> tuple[str, ...]:
    """The jury's rules for the sheet's signers, from the database: ``--db`` (or ``C2I2E_DB``), or the default
    one when the authority comes from it too. Raises :class:`SheetRejected` when they may not sign it; the
    warnings otherwise. With ``--trust`` and no database, the signers cannot be bound to the jury: said so."""
    import os

    from c2i2e_jury.exchange.sheet_signers import NOT_BOUND
    from c2i2e_jury.services.signer_rules import database_warnings
    from c2i2e_jury.storage.database import open_database

    if args.trust and not (getattr(args, "db", None) or os.environ.get("C2I2E_DB")):
        return (
            f"{NOT_BOUND.capitalize()} : sans base (--db), ni les jurés du jury ni les certificats révoqués ne "
            "sont connus ; les signataires sont seulement habilités par l'autorité donnée.",
        )
    db = open_database(getattr(args, "db", None))
    try:
        return database_warnings(db, verified.result, verified.signers)
    finally:
        db.dispose()


def run_verify(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.credentials import load_certificates
    from c2i2e_jury.exchange.signatures import verify_sheet
    from c2i2e_jury.resources_access import referential

    try:
        pdf = Path(args.sheet).read_bytes()
    except OSError as exc:
        raise UserError(f"Impossible de lire {args.sheet} : {os_error_text(exc)}.") from exc
    if args.trust:
        try:
            roots = load_certificates(Path(args.trust).read_bytes(), args.trust)
        except OSError as exc:
            raise UserError(f"Impossible de lire {args.trust} : {os_error_text(exc)}.") from exc
    else:
        roots = trust_roots_provider(args, pdf)
    verified = verify_sheet(pdf, roots, referential())
    warnings = signer_warnings(args, verified)
    if args.json:
        print(verified.json_bytes.decode("utf-8"))
        for warning in warnings:  # stdout holds the JSON alone
            print(f"c2i2e-jury: attention : {warning}", file=sys.stderr)
    else:
        print(describe(args.sheet, verified))
        for warning in warnings:
            print(f"Attention : {warning}")
    return 0


def proposal_text(outcome: Mapping[str, Any]) -> str:
    """The jurors' sheet proposes the certificate; only the certification jury delivers it."""
    return "certificat proposé" if outcome["certificate"] else "certificat non proposé"


def describe(name: str, verified: VerifiedSheet) -> str:
    """The verified sheet in a few lines, as the secretariat reads it in a terminal."""
    r = verified.result
    c = r["candidate"]
    outcome = r["outcome"]
    version = f"version {r['version']}" + (
        f", remplace la version {r['supersedes']}" if r["supersedes"] else ""
    )
    lines = [
        f"{name} : feuille valide.",
        f"Campagne {r['campaign']} — {c['last_name'].upper()} {c['first_name']} (n° {c['id']}), {version}.",
        f"Statut : {STATUS_TEXT[r['status']]} ; {outcome['validated']} compétences validées sur "
        f"{len(r['items'])} ; {proposal_text(outcome)}.",
        outcome["explanation"],
    ]
    for signer in verified.signers:
        when = f" le {signer.signed_at:%d/%m/%Y à %H:%M}" if signer.signed_at else ""
        lines.append(f"{signer.field} : {signer.name}{when} (certificat {signer.fingerprint[:16]}…).")
    return "\n".join(lines)


def run_create(args: argparse.Namespace) -> int:
    from pathlib import Path

    from c2i2e_jury.cli.credentials import read_passphrase
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.credentials import load_credential
    from c2i2e_jury.files import write_durably
    from c2i2e_jury.services.paper_sheet import create_paper_sheet, find_candidate
    from c2i2e_jury.services.signer_rules import signed_warnings
    from c2i2e_jury.storage.database import open_database

    if len(args.sign) != 2:
        raise UserError("Deux certificats sont nécessaires : --sign JURE1.p12 --sign JURE2.p12.")
    out = Path(args.out)
    if out.exists():
        raise UserError(f"{out} existe déjà : rien n'a été écrasé.")
    decisions = None
    if args.decisions:
        try:
            decisions = Path(args.decisions).read_bytes()
        except OSError as exc:
            raise UserError(f"Impossible de lire {args.decisions} : {os_error_text(exc)}.") from exc
    db = open_database(args.db)
    try:
        pk = find_candidate(db, args.candidate, args.campaign)
        jurors = [
            load_credential(p12, read_passphrase(env, f"Phrase de passe du juré {n} ({p12})"))
            for n, (p12, env) in enumerate(zip(args.sign, PASSPHRASE_ENVS, strict=True), start=1)
        ]
        stored = create_paper_sheet(
            db,
            pk,
            decisions,
            jurors[0],
            jurors[1],
            absent=args.absent,
            source=Path(args.decisions).name if args.decisions else "décisions.csv",
        )
        warnings = signed_warnings(db, stored.result, jurors)
    finally:
        db.dispose()
    try:
        write_durably(out, stored.pdf)
    except OSError as exc:
        raise UserError(
            f"Feuille signée et enregistrée dans la base, mais impossible d'écrire {out} : "
            f"{os_error_text(exc)}. Utiliser « sheet export » pour la copier."
        ) from exc
    outcome = stored.result["outcome"]
    print(
        f"{out} : feuille du candidat {stored.candidate_id}, version {stored.version}, signée par "
        f"{stored.result['jurors'][0]['name']} et {stored.result['jurors'][1]['name']}."
    )
    print(f"{outcome['validated']} compétences validées sur 28 ; {proposal_text(outcome)}.")
    for warning in warnings:
        print(f"Attention : {warning}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.sheet_import import import_sheets, summary
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        outcomes = import_sheets(db, args.paths, report=args.report)
    finally:
        db.dispose()
    for o in outcomes:
        who = f" — {o.candidate_id} v{o.version}" if o.candidate_id else ""
        print(f"{o.file} : {o.label}{who} — {o.message}")
    print(
        f"{len(outcomes)} fichier{'s' if len(outcomes) > 1 else ''} : {summary(outcomes)}."
        + (f" Rapport : {args.report}" if args.report else "")
    )
    return 1 if any(o.status == "rejected" for o in outcomes) else 0


def run_export(args: argparse.Namespace) -> int:
    from datetime import date

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.services.sheet_export import day_candidates, export_signed
    from c2i2e_jury.storage.database import open_database

    try:
        day = date.fromisoformat(args.day) if args.day else None
    except ValueError as exc:
        raise UserError(f"Date invalide : {args.day} (AAAA-MM-JJ attendu).") from exc
    db = open_database(args.db)
    try:
        if args.room is not None and not day_candidates(db, room=args.room):  # a typo would export nothing
            raise UserError(f"Aucune salle « {args.room} » dans la campagne : rien n'a été exporté.")
        everyone = day_candidates(db, room=args.room, day=day)
        index = export_signed(db, args.out, room=args.room, day=day)
    finally:
        db.dispose()
    signed = [c for c in everyone if c.version is not None]
    print(
        f"{len(signed)} feuille{'s' if len(signed) > 1 else ''} signée{'s' if len(signed) > 1 else ''} "
        f"copiée{'s' if len(signed) > 1 else ''} dans {index.parent} (index : {index.name})."
    )
    for c in everyone:
        if c.version is None:
            print(f"  non exportée : {c.candidate_id} {c.full_name} (aucune feuille signée)")
        elif c.reopened:
            print(
                f"  attention : {c.candidate_id} {c.full_name} a été rouverte ; la version {c.version} "
                "exportée est la dernière signée"
            )
    return 0
