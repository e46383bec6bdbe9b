"""LibreOffice Calc as the tests' spreadsheet: files converted by ``soffice --headless`` are what a secretariat's
Calc (and, for what both do alike, French Excel) makes of ours. Skipped with the reason when soffice is absent;
CI installs it (``.ci/run``: libreoffice-calc-nogui)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_soffice = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice is not installed here (apt-get install libreoffice-calc-nogui; CI has it)",
)

# Our CSV as a French user opens it: ';', '"', UTF-8, from line 1, French number and date conventions (1036),
# quoted fields not forced to text, special numbers detected, formulas evaluated: as eager as Excel.
FRENCH_CSV_IN = "CSV:59,34,76,1,,1036,false,true,false,false,false,-1,true"
# Calc's CSV out: ';', '"', UTF-8, French; token 9 says whether cells are written as shown or as raw values.
FRENCH_CSV_OUT = "csv:Text - txt - csv (StarCalc):59,34,76,1,,1036,false,true,{shown}"


def convert(
    files: list[Path],
    target: str,
    out_dir: Path,
    infilter: str | None = FRENCH_CSV_IN,
    locale: str = "fr_FR.UTF-8",
) -> list[Path]:
    """Convert ``files`` in one soffice run (its own profile: runs in parallel do not share one); the outputs,
    in the same order. ``target`` is soffice's ``--convert-to`` argument (``xlsx``, ``ods``, a CSV filter);
    ``locale`` is the user's, which sets how Calc writes dates, times and numbers back."""
    assert SOFFICE is not None
    profile = out_dir / ".lo-profile"
    out_dir.mkdir(parents=True, exist_ok=True)
    command = [
        SOFFICE,
        f"-env:UserInstallation={profile.as_uri()}",
        "--headless",
        "--norestore",
        "--convert-to",
        target,
        "--outdir",
        str(out_dir),
    ]
    if infilter:
        command.insert(-4, f"--infilter={infilter}")
    env = {**os.environ, "LC_ALL": locale, "LANG": locale}
    done = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600, check=False, env=env
    )
    suffix = target.split(":", 1)[0]
    outputs = [out_dir / f"{f.stem}.{suffix}" for f in files]
    missing = [p.name for p in outputs if not p.is_file()]
    assert not missing, f"soffice wrote no {missing}: {done.stdout} {done.stderr}"
    return outputs
