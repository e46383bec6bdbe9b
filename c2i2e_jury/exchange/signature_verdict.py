"""What pyHanko's validation statuses of a document's signatures mean for us: the first problem found, as the one
French sentence that refuses the document (:func:`judge`), in the order that explains it best.

Kept apart from :mod:`pades`, which gathers the statuses, so that each stays readable.
"""

from __future__ import annotations

from typing import Any

from cryptography import x509

from c2i2e_jury.exchange.credentials import common_name
from c2i2e_jury.exchange.pades import MODIFIED_AFTER_LAST, SheetRejected


def judge(statuses: list[tuple[str, Any]]) -> None:
    """The first problem found, in the order that explains it best: integrity, then trust."""
    for field, status in statuses:
        if not status.intact:
            raise SheetRejected("modified", f"La feuille a été modifiée après la signature « {field} ».")
    if not _nothing_after(statuses[-1][1]):
        raise SheetRejected("modified", MODIFIED_AFTER_LAST)
    for field, status in statuses:
        if not status.docmdp_ok:
            raise SheetRejected(
                "modified",
                f"La feuille a été modifiée après la signature « {field} » autrement "
                "que par la signature suivante.",
            )
        if not status.valid:
            raise SheetRejected("modified", f"La signature « {field} » n'est pas valide.")
    for field, status in statuses:
        if not status.trusted:
            raise SheetRejected("untrusted_signer", _untrusted(field, status))


def _nothing_after(status: Any) -> bool:
    """Nothing follows the last signature but what an archive adds for long-term validation (a DSS, document
    timestamps), as pyHanko's difference analysis judges it. Sound only because :func:`read_signatures` checked
    that the signature covers a whole revision: pyHanko's ENTIRE_FILE alone is arithmetic on lengths."""
    from pyhanko.sign.diff_analysis import ModificationLevel
    from pyhanko.sign.validation.status import SignatureCoverageLevel

    if status.coverage == SignatureCoverageLevel.ENTIRE_FILE:
        return True
    level = status.modification_level
    return bool(
        status.coverage == SignatureCoverageLevel.ENTIRE_REVISION
        and level is not None
        and level <= ModificationLevel.LTA_UPDATES
    )


def _untrusted(field: str, status: Any) -> str:
    cert = x509.load_der_x509_certificate(status.signing_cert.dump())
    name = common_name(cert)
    when = status.signer_reported_dt
    problem = getattr(status.trust_problem_indic, "name", "")
    if (
        when is not None and not cert.not_valid_before_utc <= when <= cert.not_valid_after_utc
    ) or problem in {"EXPIRED", "NOT_YET_VALID", "OUT_OF_BOUNDS_NO_POE", "OUT_OF_BOUNDS_NOT_REVOKED"}:
        day = f" ({when:%d/%m/%Y})" if when is not None else ""
        return f"Le certificat de {name} (« {field} ») n'était pas valide à la date de signature{day}."
    if problem == "SIG_CONSTRAINTS_FAILURE":
        return f"Le certificat de {name} (« {field} ») ne permet pas de signer des documents."
    if problem.startswith("REVOKED"):
        return f"Le certificat de {name} (« {field} ») a été révoqué."
    return f"Le signataire de « {field} », {name}, n'a pas été habilité par l'autorité de la campagne."
