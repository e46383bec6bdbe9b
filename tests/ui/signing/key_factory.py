"""A USB key as the secretariat hands it to a room (issue 12): each credential written by the program, with its
public certificate beside it (``NAME.crt.pem``), and, by mistake, the authority's and the president's files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from c2i2e_jury.exchange import credentials
from c2i2e_jury.exchange.credential_files import write_credential
from tests.exchange.signing_factory import ISSUED, Pki

KEY_PASSPHRASES = ("phrase-du-jure-un", "phrase-du-jure-deux")  # ASCII: typed key by key in the tests


@dataclass(frozen=True)
class Key:
    folder: Path
    jurors: tuple[Path, Path]
    president: credentials.Credential
    president_file: Path
    authority_file: Path  # the authority's, written as the demo writes it (its certificate beside it)
    authority_by_name: Path  # ``authority.p12`` as ``authority init`` names it, alone
    stranger: Path  # a juror of another jury, issued by the same authority


def make_key(folder: Path, pki: Pki) -> Key:
    folder.mkdir(parents=True, exist_ok=True)
    jurors = tuple(folder / f"jure{i + 1}.p12" for i in range(2))
    for path, juror, phrase in zip(jurors, pki.jurors, KEY_PASSPHRASES, strict=True):
        write_credential(path, juror, phrase)
    president = credentials.issue_credential(
        pki.authority, "Hélène Marchetti", "presidence@example.fr", now=ISSUED
    )
    write_credential(folder / "presidente.p12", president, "phrase-presidente")
    write_credential(folder / "autorite.p12", pki.authority, "phrase-autorite")
    (folder / "authority.p12").write_bytes(credentials.to_pkcs12(pki.authority, "phrase-autorite"))
    stranger = credentials.issue_credential(pki.authority, "Nadia Benali", "nadia@example.fr", now=ISSUED)
    write_credential(folder / "nadia.p12", stranger, "phrase-de-nadia")
    return Key(
        folder,
        (jurors[0], jurors[1]),
        president,
        folder / "presidente.p12",
        folder / "autorite.p12",
        folder / "authority.p12",
        folder / "nadia.p12",
    )
