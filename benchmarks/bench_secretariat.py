"""Issue 17's rows: the convocations of 200 admitted candidates (PDF/A letters and the mail-merge CSV, written
durably), against reportlab alone laying out the same 200 letters in memory; the register of 2,000 entries
exported, against the CSV writer given the same rows.

A letter costs what every PDF of the program costs: reportlab's layout in an embedded DejaVu Sans, then the PDF/A
pass (:func:`c2i2e_jury.exchange.pdf.archival.archival_pdf`, a pyHanko rewrite, about a third of the time); the
floor has neither, hence the target's 10×. Measured 3.5× and 7.8× (13 s and 15 s) on the shared 2-core machine."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.harness import Benchmark

if TYPE_CHECKING:
    from c2i2e_jury.exchange.convocation_pdf import Convocation
    from c2i2e_jury.services.register_view import RegisterEntry

LETTERS = 200
ENTRIES = 2000
MADE = datetime(2017, 5, 20, 9, 0, tzinfo=UTC)


def _convocations() -> list[Convocation]:
    from c2i2e_jury.exchange.convocation_pdf import Convocation

    return [
        Convocation(
            f"C2017-{n:03d}",
            f"Nom{n}",
            "Élodie",
            f"c{n}@example.fr",
            date(2017, 6, 12 + n % 15),
            f"{8 + n % 9:02d}:30",
            f"B{100 + n % 7}",
            f"J{n % 5}",
            extra_time_percent=33 if n % 10 == 0 else 0,
        )  # fmt: skip
        for n in range(LETTERS)
    ]


def _write_all(folder: Path, letters: list[Convocation]) -> None:
    from c2i2e_jury.exchange.convocation_pdf import mail_merge_csv, render_convocation
    from c2i2e_jury.files import fsync_folder, write_durably
    from c2i2e_jury.services.convocations import file_name

    folder.mkdir(parents=True, exist_ok=True)
    rows = [(c, file_name(c)) for c in letters]
    for c, name in rows:
        write_durably(
            folder / name, render_convocation(c, "Campagne 2017", MADE.date(), MADE), sync_folder=False
        )
    write_durably(folder / "convocations-publipostage.csv", mail_merge_csv(rows), sync_folder=False)
    fsync_folder(folder)


def _reportlab_alone(letters: list[Convocation]) -> None:
    """The floor: the same paragraphs laid out by reportlab in its own font, no PDF/A pass, nothing written."""
    import io

    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from c2i2e_jury.exchange.convocation_pdf import convocation_letter

    style = getSampleStyleSheet()["Normal"]
    for c in letters:
        letter = convocation_letter(c, "Campagne 2017", MADE.date(), MADE)
        texts = [t for p in letter.paragraphs for t in (p if isinstance(p, tuple) else (p,))]
        story = [Paragraph(t.replace("&", "&amp;").replace("<", "&lt;"), style) for t in texts]
        SimpleDocTemplate(io.BytesIO()).build(story)


def _entries() -> list[RegisterEntry]:
    from c2i2e_jury.services.register_view import RegisterEntry

    return [
        RegisterEntry(
            "reclamation",
            n,
            f"C2017-{n:04d}",
            f"NOM{n} Prénom",
            date(2017, 6, 20),
            date(2017, 6, 12),
            date(2017, 6, 27),
            n % 3 > 0,
            "dans le délai (8 jours)",
            "Item A3.2 : décision contestée. " * 4,
            "pending",
            "en attente",
            "",
            None,
            "",
            "",
            MADE,
            "Accueil",
        )  # fmt: skip
        for n in range(ENTRIES)
    ]


def benchmarks(workdir: Path) -> list[Benchmark]:
    from c2i2e_jury.exchange.spreadsheet import excel_csv
    from c2i2e_jury.services.register_view import COLUMNS, register_csv

    letters, entries = _convocations(), _entries()
    out = workdir / "convocations"
    plain_rows = [[e.subject if i == 8 else e.full_name for i in range(len(COLUMNS))] for e in entries]
    return [
        Benchmark(
            f"convocations: {LETTERS} PDF/A letters and the mail-merge CSV, written durably",
            lambda: _write_all(out, letters),
            lambda: _reportlab_alone(letters),
            "reportlab alone, the same paragraphs in memory",
            runs=3,
            setup=lambda: shutil.rmtree(out, ignore_errors=True),
            max_ratio=10.0,  # the PDF/A pass (pyHanko rewrites the file: ~35 % of a letter) and DejaVu embedded
            max_seconds=60.0,
        ),
        Benchmark(
            f"register of {ENTRIES:,} entries exported (CSV for Excel)",
            lambda: register_csv(entries),
            lambda: excel_csv(COLUMNS, plain_rows),
            "the CSV writer given 16 ready text columns",
            runs=5,
            max_ratio=4.0,
            max_seconds=1.0,
        ),
    ]
