"""``c2i2e-jury certificate issue|pv|batch|pdf|verify|prior``: the PV, certificates and partial attestations
(docs/FORMATS.md §5.4-§5.6).

``issue`` signs, with the president's credential, a document for every delivery the certification jury decided
that has none yet (passphrase: prompt, or ``$C2I2E_PASSPHRASE_1``). ``verify CODE`` checks a typed code against
the database's register (exit 0 and who/what; 1 unknown, forged or revoked); ``verify FILE.pdf`` checks the
signed statement the PDF carries, against ``--trust authority.pem`` without any database, or else against the
campaign authority the database knows. ``prior`` writes the attestations' items as ``prior.csv`` rows for the
next campaign's package.
"""

from __future__ import annotations

import argparse
from typing import Any

from c2i2e_jury.errors import os_error_text

PASSPHRASE_ENV = "C2I2E_PASSPHRASE_1"


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "certificate",
        help="certificates and partial attestations",
        description="Certificates and partial attestations (PDF, verification codes).",
    )
    actions = parser.add_subparsers(dest="certificate_command", metavar="ACTION", required=True)
    issue = actions.add_parser(
        "issue",
        help="sign and register the documents the certification jury decided",
        description="Sign, with the president's credential, a document for every delivery "
        "in force that has none yet. Passphrase: prompt, or "
        f"${PASSPHRASE_ENV}.",
    )
    issue.add_argument("--sign", required=True, metavar="P12", help="the president's credential")
    issue.add_argument("--campaign", metavar="ID")
    issue.add_argument(
        "-o", "--output", metavar="FILE.zip", help="also write every document in force as a ZIP"
    )
    issue.set_defaults(handler=run_issue)
    pv = actions.add_parser(
        "pv",
        help="the certification jury's PV, signed by the president",
        description="The procès-verbal: every candidate with the outcome of their latest signed "
        "sheet and the jury's decision, the members, signed with the president's "
        f"credential (passphrase: prompt, or ${PASSPHRASE_ENV}).",
    )
    pv.add_argument("--sign", required=True, metavar="P12", help="the president's credential")
    pv.add_argument(
        "--member",
        action="append",
        default=[],
        metavar="NAME",
        help="another member of the certification jury (repeat for each)",
    )
    pv.add_argument("--date", metavar="YYYY-MM-DD", help="the meeting's date (default: today)")
    pv.add_argument("--place", default="", help="where the jury met")
    pv.add_argument("--campaign", metavar="ID")
    pv.add_argument("-o", "--output", required=True, metavar="PV.pdf")
    pv.set_defaults(handler=run_pv)
    batch = actions.add_parser("batch", help="every document in force as PDF in one ZIP (with index.csv)")
    batch.add_argument("-o", "--output", required=True, metavar="FILE.zip")
    batch.add_argument("--campaign", metavar="ID")
    batch.set_defaults(handler=run_batch)
    pdf = actions.add_parser("pdf", help="one registered document as PDF, by its code")
    pdf.add_argument("code", metavar="CODE")
    pdf.add_argument("-o", "--output", metavar="FILE.pdf", help="default: its own name, here")
    pdf.set_defaults(handler=run_pdf)
    verify = actions.add_parser(
        "verify",
        help="verify a verification code or a certificate PDF, offline",
        description="CODE: checked against the database's register (signature, signer, revocation). FILE.pdf: the "
        "signed statement it carries, against --trust (no database needed) or the campaign authority "
        "the database knows. Exit code: 0 valid, 1 unknown, forged or revoked.",
    )
    verify.add_argument("what", metavar="CODE_OR_PDF")
    verify.add_argument("--trust", metavar="PEM", help="the campaign authority's certificate (authority.pem)")
    verify.add_argument("--json", action="store_true", help="print the signed statement as JSON")
    verify.set_defaults(handler=run_verify)
    prior = actions.add_parser("prior", help="the attestations' items as prior.csv for the next campaign")
    prior.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="prior.csv",
        help="prior.csv, or prior.xlsx for a workbook (identifiers as text cells)",
    )
    prior.add_argument("--campaign", metavar="ID")
    prior.set_defaults(handler=run_prior)


def _write(path: str, data: bytes) -> None:
    from pathlib import Path

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.files import write_durably

    try:
        write_durably(Path(path), data)
    except OSError as exc:
        raise UserError(f"Impossible d'écrire {path} : {os_error_text(exc)}.") from exc


def run_pv(args: argparse.Namespace) -> int:
    from datetime import date

    from c2i2e_jury.cli.credentials import read_passphrase
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.credentials import load_credential
    from c2i2e_jury.exchange.pv_pdf import PvMember
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.certification_pv import pv_content, sign_pv
    from c2i2e_jury.storage.database import open_database

    try:
        meeting = date.fromisoformat(args.date) if args.date else date.today()
    except ValueError as exc:
        raise UserError(f"Date invalide : {args.date} (AAAA-MM-JJ attendu).") from exc
    credential = load_credential(
        args.sign, read_passphrase(PASSPHRASE_ENV, f"Phrase de passe de {args.sign}")
    )
    members = [
        PvMember(name) for name in args.member
    ]  # the president is the one the campaign package designates
    db = open_database(args.db)
    try:
        content = pv_content(db, choose_campaign(db, args.campaign), members, meeting, args.place)
        pdf = sign_pv(db, content, credential)
    finally:
        db.dispose()
    _write(args.output, pdf)
    print(
        f"Procès-verbal signé par {credential.name}, président du jury de certification : {args.output} "
        f"({len(content.candidates)} candidats)."
    )
    return 0


def run_issue(args: argparse.Namespace) -> int:
    from c2i2e_jury.cli.credentials import read_passphrase
    from c2i2e_jury.exchange.credentials import load_credential
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.documents import batch_zip, issue_documents
    from c2i2e_jury.storage.database import open_database

    credential = load_credential(
        args.sign, read_passphrase(PASSPHRASE_ENV, f"Phrase de passe de {args.sign}")
    )
    db = open_database(args.db)
    try:
        campaign = choose_campaign(db, args.campaign)
        report = issue_documents(db, campaign, credential)
        print(
            f"{len(report.issued)} document(s) signé(s) par {credential.name} ; {report.already} déjà émis."
        )
        for code in report.issued:
            print(f"  {code}")
        if args.output:
            _write(args.output, batch_zip(db, campaign))
            print(f"Documents en vigueur écrits dans {args.output}.")
    finally:
        db.dispose()
    return 0


def run_batch(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.documents import batch_zip
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        _write(args.output, batch_zip(db, choose_campaign(db, args.campaign)))
    finally:
        db.dispose()
    print(f"Documents en vigueur écrits dans {args.output}.")
    return 0


def run_pdf(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.documents import document_pdf
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        name, pdf = document_pdf(db, args.code)
    finally:
        db.dispose()
    _write(args.output or name, pdf)
    print(f"{args.output or name}")
    return 0


def run_verify(args: argparse.Namespace) -> int:
    import json
    import os
    from pathlib import Path

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.certificates import DocumentRefused
    from c2i2e_jury.services.documents import VerifiedDocument, verify_code, verify_pdf
    from c2i2e_jury.storage.database import open_database

    given = Path(args.what)
    if given.is_dir():
        raise UserError(
            f"{given} est un dossier : donnez le fichier PDF du document, ou son code de vérification."
        )
    looks_like_a_path = "/" in args.what or os.sep in args.what or args.what.lower().endswith(".pdf")
    if looks_like_a_path and not given.exists():
        raise UserError(f"Fichier introuvable : {given}.")
    try:
        if given.is_file():
            try:
                pdf = given.read_bytes()
            except OSError as exc:
                raise UserError(f"Impossible de lire {given} : {os_error_text(exc)}.") from exc
            if args.trust:
                from c2i2e_jury.exchange.credentials import load_certificates

                try:
                    roots = load_certificates(Path(args.trust).read_bytes(), args.trust)
                except OSError as exc:
                    raise UserError(f"Impossible de lire {args.trust} : {os_error_text(exc)}.") from exc
                verified: VerifiedDocument = verify_pdf(pdf, roots)
            else:
                db = open_database(args.db)
                try:
                    verified = verify_pdf(pdf, db=db)
                finally:
                    db.dispose()
        else:
            db = open_database(args.db)
            try:
                verified = verify_code(db, args.what)
            finally:
                db.dispose()
    except DocumentRefused as exc:
        print(f"REFUSÉ : {exc.message}")
        return 1
    if args.json:
        print(json.dumps(verified.statement.to_json(), ensure_ascii=False, indent=2))
    else:
        print("\n".join(verified.lines()))
    return 1 if verified.revoked else 0


def run_prior(args: argparse.Namespace) -> int:
    from c2i2e_jury.exchange.spreadsheet import format_of
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.documents import prior_csv, prior_rows
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        campaign = choose_campaign(db, args.campaign)
        rows = prior_rows(db, campaign)
        _write(args.output, prior_csv(db, campaign, format_of(args.output)))
    finally:
        db.dispose()
    print(
        f"{len(rows)} compétence(s) acquise(s) écrite(s) dans {args.output} (copy_deposited et original_received "
        "à renseigner par le secrétariat de la campagne suivante)."
    )
    return 0
