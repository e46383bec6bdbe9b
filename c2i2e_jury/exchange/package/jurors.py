"""The jurors' table and the certificates the package carries (each juror's, the authority's), kept as PEM."""

from __future__ import annotations

from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.format import JurorRecord
from c2i2e_jury.exchange.package.source import PackageSource, UnreadableMember, UnsafePath, safe_member
from c2i2e_jury.exchange.package.tables import has_columns
from c2i2e_jury.exchange.tabular import Table


def read_jurors(table: Table, source: PackageSource, root: str, check: Checker) -> list[JurorRecord]:
    if not has_columns(table, ("jury", "name"), check):
        return []
    out: list[JurorRecord] = []
    seen: set[tuple[str, str]] = set()
    for row in table.rows:
        key = (row.get("jury"), row.get("name"))
        if not all(key):
            check.add(
                row.file, row.line, "jury" if not key[0] else "name", "", "valeur obligatoire manquante"
            )
            continue
        if key in seen:
            check.add(row.file, row.line, "name", key[1], "juré en double dans ce jury")
            continue
        seen.add(key)
        pem = None
        if row.get("certificate"):
            try:
                member = root + safe_member(row.get("certificate"))
            except UnsafePath:
                check.add(
                    row.file, row.line, "certificate", row.get("certificate"), "chemin qui sort du paquet"
                )
                continue
            pem = read_pem(source, member, row.file, row.line, check)
        out.append(JurorRecord(key[0], key[1], row.get("email"), pem))
    return out


def read_pem(source: PackageSource, member: str, file: str, line: int | None, check: Checker) -> str | None:
    from cryptography import x509
    from cryptography.hazmat.primitives import serialization

    if not source.has(member):
        check.add(file, line, "certificate", member, "fichier de certificat absent du paquet")
        return None
    try:
        data = source.read(member)
    except UnreadableMember as exc:
        check.add(file, line, "certificate", member, exc.why)
        return None
    try:
        certificates = x509.load_pem_x509_certificates(data)
    except ValueError:
        check.add(file, line, "certificate", member, "ce n'est pas un certificat PEM")
        return None
    # Kept as the certificates alone: what OpenSSL adds around them (« Bag Attributes », a friendlyName with
    # accents) is not PEM, and not ASCII.
    return "".join(c.public_bytes(serialization.Encoding.PEM).decode("ascii") for c in certificates)
