"""``campaign progress``, ``campaign convocations`` and ``campaign register``: the secretariat's follow-up of a
campaign from the command line (the same services as the secretariat's screens)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def register_commands(actions: Any) -> None:
    progress = actions.add_parser(
        "progress",
        help="the dossiers' progress and the admission list (provisional until the deposit closes)",
    )
    progress.add_argument("--campaign", help="the campaign's id (default: the only one in the database)")
    progress.add_argument(
        "-o", "--output", type=Path, metavar="FILE.csv", help="also write the admission list"
    )
    progress.set_defaults(handler=progress_command)
    convocations = actions.add_parser(
        "convocations", help="one PDF convocation per admitted candidate and the mail-merge CSV"
    )
    convocations.add_argument("out_dir", type=Path, help="folder to write the letters into (made if needed)")
    convocations.add_argument("--campaign", help="the campaign's id (default: the only one in the database)")
    convocations.set_defaults(handler=convocations_command)
    register = actions.add_parser("register", help="export the whole register (reclamations, date changes)")
    register.add_argument("output", type=Path, metavar="FILE.csv", help="the CSV for Excel to write")
    register.add_argument("--campaign", help="the campaign's id (default: the only one in the database)")
    register.set_defaults(handler=register_command)


def _write(path: Path, data: bytes) -> None:
    from c2i2e_jury.errors import UserError, os_error_text
    from c2i2e_jury.files import write_durably

    try:
        write_durably(path, data)
    except OSError as exc:
        raise UserError(f"{path} n'a pas pu être écrit : {os_error_text(exc)}.") from exc


def progress_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.admission import admission_csv, admission_list, counts
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        admission = admission_list(db, choose_campaign(db, args.campaign))
    finally:
        db.dispose()
    c = counts([*admission.admitted, *(r for r, _ in admission.not_admitted)])
    print(
        f"{c.total} candidats : {c.deposited} dossiers déposés, dont {c.evaluated} évalués ; "
        f"{c.rework_requested} re-travail demandé ({c.redeposited} redéposés, {c.rework_pending} en attente) ; "
        f"{c.not_deposited} non déposés."
    )
    state = "définitive" if admission.final else f"provisoire jusqu'au {admission.closes:%d/%m/%Y} inclus"
    print(f"Liste d'admission ({state}) : {len(admission.admitted)} admis.")
    for row, why in admission.not_admitted:
        print(f"  Non admis : {row.full_name} ({row.candidate_id}) — {why}")
    if args.output is not None:
        _write(args.output, admission_csv(admission))
        print(f"Liste d'admission écrite dans {args.output}")
    return 0


def convocations_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.convocations import write_convocations
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        report = write_convocations(db, choose_campaign(db, args.campaign), args.out_dir)
    finally:
        db.dispose()
    print(
        f"{len(report.letters)} convocations écrites dans {report.folder} ; publipostage : {report.mail_merge}"
    )
    for who, why in report.not_admitted:
        print(f"  Non convoqué : {who} — {why}")
    return 0


def register_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.register_view import export_register
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        data = export_register(db, choose_campaign(db, args.campaign))
    finally:
        db.dispose()
    _write(args.output, data)
    print(f"Registre écrit dans {args.output}")
    return 0
