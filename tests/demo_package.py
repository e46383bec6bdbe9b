"""The demo campaign package, written once per test run and copied where a test wants it.

:func:`~c2i2e_jury.exchange.demo.campaign.write_demo_package` draws 58 dossiers full of screenshots (seconds of
work) and, with its fixed seed, writes the same bytes every time (``tests/exchange/demo/test_campaign.py`` checks
it and keeps calling the writer itself): the fixtures that only need the package share one copy per run."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from tests.run_shared import built_once


def demo_package(dest: Path) -> Path:
    """A copy of the run's demo package at ``dest`` (which must not exist yet); returns ``dest``."""
    shared = built_once("demo-package", _build, lambda: Path(tempfile.mkdtemp(prefix="c2i2e-demo-package-")))
    shutil.copytree(shared / "package", dest)
    return dest


def _build(folder: Path) -> None:
    from c2i2e_jury.exchange.demo.campaign import write_demo_package

    write_demo_package(folder / "package")
