"""``c2i2e-jury summary --format csv|xlsx|json [-o FILE] [--campaign ID]``: the president's table for the
student records (docs/FORMATS.md §5.3), one row per candidate and one column per item; the figures are the
rules engine's. CSV and JSON go to the standard output unless ``-o`` is given; XLSX needs ``-o``."""

from __future__ import annotations

import argparse
from typing import Any

from c2i2e_jury.errors import os_error_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "summary",
        help="the president's table as CSV, XLSX or JSON",
        description="Every candidate of the campaign with status, validated count, misses per domain, whether the "
        "rules grant the certificate, the certification jury's decision and each item. CSV: ';' and "
        "UTF-8 with a BOM (French Excel opens it as is).",
    )
    parser.add_argument("--format", choices=("csv", "xlsx", "json"), default="csv", help="default: csv")
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="write to FILE (required for xlsx; default: standard output)"
    )
    parser.add_argument(
        "--campaign", metavar="ID", help="the campaign (default: the only one in the database)"
    )
    parser.set_defaults(handler=run_summary)


def run_summary(args: argparse.Namespace) -> int:
    import sys
    from pathlib import Path

    from c2i2e_jury.errors import UserError
    from c2i2e_jury.files import write_durably
    from c2i2e_jury.services.campaigns import choose_campaign
    from c2i2e_jury.services.review.summary import summary_bytes
    from c2i2e_jury.storage.database import open_database

    if args.format == "xlsx" and not args.output:
        raise UserError("Le format xlsx s'écrit dans un fichier : ajoutez -o FICHIER.xlsx.")
    db = open_database(args.db)
    try:
        data = summary_bytes(db, choose_campaign(db, args.campaign), args.format)
    finally:
        db.dispose()
    if not args.output:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return 0
    try:
        write_durably(Path(args.output), data)
    except OSError as exc:
        raise UserError(f"Impossible d'écrire {args.output} : {os_error_text(exc)}.") from exc
    print(f"Synthèse écrite dans {args.output}.", file=sys.stderr)
    return 0
