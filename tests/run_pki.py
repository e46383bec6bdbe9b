"""A module's authority and jurors, and what it signs with them, made once for the run instead of once per xdist
worker: ``-n 2`` hands a module's tests to both workers, and each built its module fixtures again (16 signed
sheets are seconds of CPU). The first worker to ask writes the key pairs as the program stores them (PKCS#12, the
tests' passphrases) in the run folder (``tests/run_shared.py``), the other reads them back; each module names its
own, so no test sees another module's files."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from pathlib import Path

from c2i2e_jury.exchange import credentials
from tests.exchange.signing_factory import AUTHORITY_PASSPHRASE, PASSPHRASES, Pki, make_pki
from tests.run_shared import built_once


def _private(name: str) -> Callable[[], Path]:
    return lambda: Path(tempfile.mkdtemp(prefix=f"c2i2e-{name}-"))


def load_pki(folder: Path) -> Pki:
    """The PKI :func:`make_pki` wrote into ``folder``."""
    authority = credentials.load_credential(folder / "authority.p12", AUTHORITY_PASSPHRASE)
    paths = (folder / "jure1.p12", folder / "jure2.p12")
    jurors = tuple(credentials.load_credential(p, s) for p, s in zip(paths, PASSPHRASES, strict=True))
    return Pki(authority, folder / "authority.p12", folder / "authority.pem", (jurors[0], jurors[1]), paths)


def run_pki(name: str) -> Pki:
    """The run's PKI called ``name`` (one per module), made by the first worker that asks."""
    return load_pki(built_once(f"pki-{name}", make_pki, _private(name)))


def run_credential(name: str, issue: Callable[[], credentials.Credential]) -> credentials.Credential:
    """The run's credential called ``name`` (a module's president, say): ``issue()`` by the first worker."""

    def build(folder: Path) -> None:
        (folder / "credential.p12").write_bytes(credentials.to_pkcs12(issue(), AUTHORITY_PASSPHRASE))

    folder = built_once(f"credential-{name}", build, _private(name))
    return credentials.load_credential(folder / "credential.p12", AUTHORITY_PASSPHRASE)


def run_files(name: str, make: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
    """The run's files called ``name``: ``make()`` run by the first worker that asks, read back by the others."""

    def build(folder: Path) -> None:
        for file, data in make().items():
            (folder / file).write_bytes(data)

    folder = built_once(f"files-{name}", build, _private(name))
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if not p.name.startswith(".")}
