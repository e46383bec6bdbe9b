"""Who may sign a result sheet (docs/FORMATS.md §1.5, §2.4; issue 11 §3): the two jurors of the candidate's
jury as the campaign package lists them, two different persons, within their certificates' validity and the
campaign's period, with a credential the secretariat has not revoked.

The signatures themselves (intact, covering the document, chaining to the campaign authority) are checked by
:mod:`c2i2e_jury.exchange.signatures`; here, the signers it found are weighed against what the campaign says, as
plain data (:class:`SignerRules`) so that the same rules apply in the jury room before signing, at ``sheet
verify``, at ``sheet import`` and in the processes that verify a batch. The signing time is the one each signer's
computer declared (PAdES B-B carries no trusted time): a thief who sets the clock back is not caught here.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from c2i2e_jury.exchange.pades import SheetRejected, SheetSigner

# The reason codes of the refusals made here, beside those of pades.REASONS.
SIGNER_REASONS = ("same_person", "not_jury_signer", "outside_period", "outside_validity", "revoked")
NOT_BOUND = "signataires non rattachés au jury"


@dataclass(frozen=True)
class ExpectedJuror:
    """A juror of a jury as the campaign package lists them; ``fingerprint`` is None when it gave no certificate."""

    name: str
    email: str = ""
    fingerprint: str | None = None
    valid_from: datetime | None = None
    valid_until: datetime | None = None


@dataclass(frozen=True)
class Revocation:
    """A credential the secretariat revoked (a lost laptop): what it signed from ``since`` on is refused."""

    fingerprint: str
    name: str
    since: datetime
    reason: str


@dataclass(frozen=True)
class SignerRules:
    """Who may sign the sheets of one jury of a campaign, and when (``opens`` to ``closes``, both included)."""

    jury: str
    jurors: tuple[ExpectedJuror, ...]  # empty: the package named no juror for this jury (no jurors.csv)
    opens: date
    closes: date
    revocations: tuple[Revocation, ...] = ()


def check_signers(
    signers: Sequence[SheetSigner], rules: SignerRules, emails: Sequence[str | None] = ()
) -> tuple[str, ...]:
    """Raise :class:`SheetRejected` when ``signers`` may not sign this jury's sheet; else the warnings to show
    with it (the signers could not be bound to the jury). ``emails``: the signers' addresses, when known."""
    _check_different_persons(signers, emails)
    warnings = _check_members(signers, rules)
    for signer in signers:
        _check_time(signer, rules)
        _check_not_revoked(signer, rules.revocations)
    return warnings


LIGATURES = str.maketrans({"œ": "oe", "æ": "ae"})


def person_key(name: str) -> str:
    """A name as a person is recognised by: case, accents, ligatures and spacing do not make another person."""
    decomposed = unicodedata.normalize("NFKD", name.casefold().translate(LIGATURES))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


def _check_different_persons(signers: Sequence[SheetSigner], emails: Sequence[str | None]) -> None:
    for i, first in enumerate(signers):
        for j in range(i + 1, len(signers)):
            second = signers[j]
            same_email = (
                i < len(emails)
                and j < len(emails)
                and bool(emails[i])
                and str(emails[i]).casefold().strip() == str(emails[j] or "").casefold().strip()
            )
            if (
                first.fingerprint == second.fingerprint
                or person_key(first.name) == person_key(second.name)
                or same_email
            ):
                raise SheetRejected(
                    "same_person",
                    f"« {first.field} » et « {second.field} » : la même personne "
                    f"({second.name}) signe deux fois ; les deux jurés du jury "
                    "signent, chacun avec son propre certificat.",
                )


def _check_members(signers: Sequence[SheetSigner], rules: SignerRules) -> tuple[str, ...]:
    """Each signer is one of the jury's jurors; a warning when a juror's certificate is not in the package."""
    if not rules.jurors:
        return (
            f"{NOT_BOUND.capitalize()} : le paquet de la campagne ne donne pas les jurés du jury "
            f"{rules.jury or '(aucun)'} (jurors.csv absent) ; les signataires sont seulement habilités par "
            "l'autorité de la campagne.",
        )
    certified = {j.fingerprint: j for j in rules.jurors if j.fingerprint}
    uncertified = {person_key(j.name): j for j in rules.jurors if not j.fingerprint}
    unbound = []
    for signer in signers:
        if signer.fingerprint in certified:
            continue
        if person_key(signer.name) not in uncertified:
            names = " et ".join(j.name for j in rules.jurors)
            raise SheetRejected(
                "not_jury_signer",
                f"{signer.name} (« {signer.field} ») n'est pas juré du jury "
                f"{rules.jury} d'après le paquet de la campagne (jurés : "
                f"{names}).",
            )
        unbound.append(signer.name)
    if not unbound:
        return ()
    return (
        f"{NOT_BOUND.capitalize()} : le paquet de la campagne ne donne pas le certificat de "
        f"{' ni de '.join(unbound)} (jury {rules.jury}) ; le nom seul a été comparé.",
    )


def _check_time(signer: SheetSigner, rules: SignerRules) -> None:
    when = signer.signed_at
    if when is None:
        raise SheetRejected(
            "outside_period", f"La signature « {signer.field} » ne dit pas quand elle a été faite."
        )
    if not rules.opens <= when.date() <= rules.closes:
        raise SheetRejected(
            "outside_period",
            f"La signature « {signer.field} » de {signer.name} est datée du "
            f"{when:%d/%m/%Y}, hors de la période de la campagne (du "
            f"{rules.opens:%d/%m/%Y} au {rules.closes:%d/%m/%Y}).",
        )
    juror = next((j for j in rules.jurors if j.fingerprint == signer.fingerprint), None)
    if juror is None or juror.valid_from is None or juror.valid_until is None:
        return  # an unbound signer's validity is checked with the signature, against the authority
    if not juror.valid_from <= when <= juror.valid_until:
        raise SheetRejected(
            "outside_validity",
            f"Le certificat de {signer.name} (« {signer.field} ») n'est pas "
            f"valide à la date de signature ({when:%d/%m/%Y}) : valable du "
            f"{juror.valid_from:%d/%m/%Y} au {juror.valid_until:%d/%m/%Y}.",
        )


def _check_not_revoked(signer: SheetSigner, revocations: Sequence[Revocation]) -> None:
    for revocation in revocations:
        if revocation.fingerprint != signer.fingerprint:
            continue
        when = signer.signed_at
        if when is None or when >= revocation.since:
            since = revocation.since.astimezone()
            raise SheetRejected(
                "revoked",
                f"Le certificat de {signer.name} (« {signer.field} ») est révoqué depuis "
                f"le {since:%d/%m/%Y à %H:%M} (motif : {revocation.reason}) : une "
                f"signature du {when.astimezone() if when else since:%d/%m/%Y à %H:%M} "
                "n'est pas acceptée.",
            )
