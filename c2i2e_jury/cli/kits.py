"""``c2i2e-jury campaign kits OUT_DIR [--campaign ID] [--zip]``: every room's kit and attendance sheet.

It joins the ``campaign`` group when that group is registered first (list "kits" after "campaign" in
``COMMAND_MODULES``); without it, it stands alone as ``c2i2e-jury kits``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any


def _campaign_actions(sub: Any) -> Any:
    """The sub-command group of ``campaign`` when already registered, else None."""
    campaign = getattr(sub, "choices", {}).get("campaign")
    if campaign is None:
        return None
    for action in campaign._actions:
        if isinstance(action, argparse._SubParsersAction):
            return action
    return None


def register(sub: Any) -> None:
    target = _campaign_actions(sub) or sub
    parser = target.add_parser("kits", help="write each room's kit (package + attendance sheet PDF)")
    parser.add_argument("out_dir", type=Path, help="folder to write the kits into, one folder per room")
    parser.add_argument(
        "--campaign",
        dest="campaign_id",
        metavar="ID",
        help="the campaign (default: the only one in the database)",
    )
    parser.add_argument("--zip", action="store_true", help="also write one .zip per room")
    parser.add_argument(
        "--evaluators", action="store_true", help="write each evaluator's kit instead of the rooms' kits"
    )
    parser.set_defaults(handler=kits_command)


def kits_command(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.room_kits import export_room_kits
    from c2i2e_jury.storage.database import open_database

    if args.evaluators:
        return _evaluator_kits(args)
    db = open_database(args.db)
    try:
        kits = export_room_kits(db, args.campaign_id, args.out_dir, zip=args.zip)
    finally:
        db.dispose()
    for kit in kits:
        print(
            f"{kit.room or 'Sans salle'} : {kit.folder} ({len(kit.candidate_ids)} candidats, {kit.dossiers} "
            f"dossiers, {len(kit.jurors)} jurés), émargement {kit.attendance_pdf.name}"
            + (f", archive {kit.zip_path.name}" if kit.zip_path else "")
        )
        for warning in kit.warnings:
            print(f"  attention : {warning}")
    return 0


def _evaluator_kits(args: argparse.Namespace) -> int:
    from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
    from c2i2e_jury.storage.database import open_database

    db = open_database(args.db)
    try:
        kits = export_evaluator_kits(db, args.campaign_id, args.out_dir, zip=args.zip)
    finally:
        db.dispose()
    for kit in kits:
        print(
            f"{kit.evaluator} : {kit.folder} ({len(kit.candidate_ids)} candidats, {kit.dossiers} dossiers)"
            + (f", archive {kit.zip_path.name}" if kit.zip_path else "")
        )
        for warning in kit.warnings:
            print(f"  attention : {warning}")
    return 0
