"""``c2i2e-jury campaign import PACKAGE`` and ``c2i2e-jury campaign demo OUT_DIR``; the follow-up commands
(``progress``, ``convocations``, ``register``) are in :mod:`.admission`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from c2i2e_jury.errors import os_error_text


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "campaign",
        help="import a campaign package, follow it (progress, convocations, register), or write the demo",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    imp = actions.add_parser("import", help="check and import a campaign package (folder or .zip)")
    imp.add_argument("package", type=Path, help="the package folder or .zip (docs/FORMATS.md §1)")
    imp.add_argument(
        "--problems",
        type=Path,
        metavar="FILE.csv",
        help="if the package is refused, also write its problems there as a sheet for Excel "
        "(FILE.xlsx: a workbook)",
    )
    imp.set_defaults(handler=import_command)
    demo = actions.add_parser("demo", help="write the demo campaign as a package")
    demo.add_argument("out_dir", type=Path, help="folder to write the package into")
    demo.set_defaults(handler=demo_command)
    from c2i2e_jury.cli.admission import register_commands

    register_commands(actions)


def import_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.exchange.package.reader import PackageError
    from c2i2e_jury.services.campaign_import import import_package
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        report = import_package(db, args.package)
    except PackageError as refused:
        if args.problems is not None:
            _write_problems(args.problems, refused)
        raise
    finally:
        db.dispose()
    print(report.summary())
    for change in report.changes:
        print(f"  - {change}")
    for warning in report.warnings:
        print(f"  Attention : {warning}")
    return 0


def _write_problems(path: Path, refused: Any) -> None:
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.package.checks import problems_csv
    from c2i2e_jury.exchange.spreadsheet import format_of
    from c2i2e_jury.files import write_durably

    try:
        write_durably(path, problems_csv(refused.problems, format_of(path)))
    except OSError as exc:
        raise UserError(
            f"{refused.message} Et {path} n'a pas pu être écrit : {os_error_text(exc)}.", refused.details
        ) from exc
    refused.details.append(f"(liste enregistrée pour Excel dans {path})")


def demo_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.errors import UserError
    from c2i2e_jury.exchange.demo.campaign import write_demo_package

    out: Path = args.out_dir
    if out.exists() and not out.is_dir():
        raise UserError(f"{out} est un fichier, pas un dossier : choisissez un dossier vide ou nouveau.")
    if out.exists() and any(out.iterdir()):
        raise UserError(f"{out} n'est pas vide : choisissez un dossier vide ou nouveau.")
    try:
        write_demo_package(out)
    except OSError as exc:  # a read-only folder, a full disk, a path through a file
        raise UserError(
            f"Impossible d'écrire la campagne de démonstration dans {out} : {os_error_text(exc)}."
        ) from exc
    print(f"Campagne de démonstration écrite dans {out}")
    return 0
