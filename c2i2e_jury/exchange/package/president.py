"""The row of ``jurors.csv`` that designates the certification jury's president (docs/FORMATS.md §1.5):
``jury`` is ``president``, with the president's certificate, which alone signs the PV, the certificates and
the attestations. The other rows (the validation juries' jurors) are checked by :mod:`.reader`.
"""

from __future__ import annotations

from collections.abc import Sequence

from cryptography import x509

from c2i2e_jury.exchange.credentials import common_name, issued_by, load_certificates
from c2i2e_jury.exchange.package.checks import Checker
from c2i2e_jury.exchange.package.format import JurorRecord
from c2i2e_jury.exchange.tabular import Row, Table

PRESIDENT_JURY = "president"
_SPELLINGS = {"president", "président", "presidente", "présidente"}


def check_president(
    table: Table | None, jurors: Sequence[JurorRecord], authority_pem: str | None, check: Checker
) -> None:
    """One president at most, spelt ``president``, with a certificate that is theirs and that the campaign's
    authority issued: a designation that could not sign would be found out only on the day of the PV."""
    if table is None:
        return
    rows = [row for row in table.rows if row.get("jury").casefold() in _SPELLINGS]
    for row in rows:
        if row.get("jury") != PRESIDENT_JURY:
            check.add(
                row.file,
                row.line,
                "jury",
                row.get("jury"),
                "écrivez « president » pour désigner le président du jury de certification",
            )
    exact = [row for row in rows if row.get("jury") == PRESIDENT_JURY]
    for extra in exact[1:]:
        check.add(
            extra.file,
            extra.line,
            "name",
            extra.get("name"),
            "un seul président du jury de certification par campagne",
        )
    if exact:
        _check_certificate(exact[0], jurors, authority_pem, check)


def _check_certificate(
    row: Row, jurors: Sequence[JurorRecord], authority_pem: str | None, check: Checker
) -> None:
    if not row.get("certificate"):
        check.add(
            row.file,
            row.line,
            "certificate",
            "",
            "le certificat du président est obligatoire : lui seul "
            "signe le procès-verbal, les certificats et les attestations",
        )
        return
    record = next((j for j in jurors if j.jury == PRESIDENT_JURY and j.name == row.get("name")), None)
    if record is None or record.certificate_pem is None:
        return  # the certificate's file is missing or unreadable: already said
    certificate = x509.load_pem_x509_certificate(record.certificate_pem.encode("ascii"))
    if common_name(certificate) != row.get("name"):
        check.add(
            row.file,
            row.line,
            "certificate",
            row.get("certificate"),
            f"ce certificat est celui de {common_name(certificate)}, pas de {row.get('name')}",
        )
    roots = load_certificates(authority_pem.encode("ascii"), "authority.pem") if authority_pem else []
    if roots and not any(issued_by(certificate, root) for root in roots):
        check.add(
            row.file,
            row.line,
            "certificate",
            row.get("certificate"),
            "certificat que l'autorité de la campagne (authority.pem) n'a pas délivré",
        )
