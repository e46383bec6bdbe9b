"""The outcome in words, in the interface's language.

The rules engine writes its explanation in French (:attr:`Outcome.explanation`), because that text goes into the
signed sheet (PRODUCT.md §4.2). The screens compose the same sentences here from the outcome's structured fields,
through Qt's translation (one context, ``OutcomeText``), so an English interface reads English and the French
catalogue gives back, word for word, the engine's French.
"""

from __future__ import annotations

import re
from collections import Counter

from PySide6.QtCore import QCoreApplication

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import NotAdmitted, Outcome, Status

_PLACEHOLDER = re.compile(r"%(\d)")


def _fill(text: str, *values: object) -> str:
    """``%1``, ``%2``… replaced in one pass (a value holding « %2 » is not replaced again)."""
    return _PLACEHOLDER.sub(lambda m: str(values[int(m.group(1)) - 1]), text)


class OutcomeText:
    """The sentences, in the translation context ``OutcomeText``.

    Not a QObject: ``tr`` is Qt's translate with this class's name as context, and being spelt ``self.tr`` lets
    ``lupdate`` extract the strings, plural forms included (it does not see ``%n`` in ``translate()`` calls)."""

    def tr(self, source: str, disambiguation: str = "", n: int = -1) -> str:
        return QCoreApplication.translate("OutcomeText", source, disambiguation, n)

    def not_admitted_reason(self, kind: NotAdmitted) -> str:
        """Why the candidate cannot take the oral, as a clause (« dossier not deposited »)."""
        if kind is NotAdmitted.NOT_DEPOSITED:
            return self.tr("dossier not deposited")
        return self.tr("rework requested and still pending at the closing date")

    def explanation(self, referential: Referential, outcome: Outcome) -> str:
        """What the outcome means and, when the certificate is out of reach, what is missing (what the engine's
        :func:`~c2i2e_jury.domain.rules.explain` says in French)."""
        if outcome.status is Status.NOT_ADMITTED:
            if outcome.not_admitted is None:  # not from the rules engine: its own text is all there is
                return outcome.explanation
            return _fill(
                self.tr("Not admitted to the oral: %1. No item validated in this campaign."),
                self.not_admitted_reason(outcome.not_admitted),
            )
        if outcome.status is Status.ANNULLED:
            return self.tr("Dossier annulled for plagiarism: no item validated in this campaign.")
        if outcome.status is Status.ABSENT:
            return self.tr("Absent from the oral (withdrawal): no item validated in this campaign.")
        return self._heard(referential, outcome)

    def _heard(self, referential: Referential, outcome: Outcome) -> str:
        total, validated = len(referential), outcome.validated_count
        limit = referential.max_missing_per_domain
        if outcome.certificate:
            return _fill(
                self.tr(
                    "Certificate proposed: %n item(s) validated out of %1, at most %2 not validated per domain.",
                    "",
                    validated,
                ),
                total,
                limit,
            )
        parts: list[str] = []
        if outcome.status is Status.AWAITING:
            parts.append(self.tr("Oral not taken yet"))
        elif outcome.undecided:
            parts.append(self.tr("%n item(s) not decided by the jury", "", len(outcome.undecided)))
        if outcome.status is Status.EXAMINED and validated < referential.min_validated:
            parts.append(
                _fill(
                    self.tr("%n item(s) validated out of %1, at least %2 required", "", validated),
                    total,
                    referential.min_validated,
                )
            )
        else:
            parts.append(_fill(self.tr("%n item(s) validated out of %1", "", validated), total))
        for domain, missed in _decided_misses(referential, outcome).items():
            if missed > limit:
                parts.append(
                    _fill(
                        self.tr("Domain %1: %n item(s) not validated, at most %2", "", missed), domain, limit
                    )
                )
        body = ". ".join(parts)
        if outcome.status is Status.EXAMINED:
            return _fill(self.tr("Certificate not proposed: %1."), body)
        return _fill(self.tr("Pending: %1."), body)


def _decided_misses(referential: Referential, outcome: Outcome) -> dict[str, int]:
    """The misses per domain the explanation names: all of them once examined; while the oral is in progress only
    the items decided "not validated" (a domain is not lost while its items are still to decide); none before."""
    if outcome.status is Status.EXAMINED:
        return dict(outcome.missing_by_domain)
    if outcome.status is Status.AWAITING:
        return {}
    open_items = Counter(referential.items_by_code[code].domain for code in outcome.undecided)
    return {domain: n - open_items[domain] for domain, n in outcome.missing_by_domain.items()}


_TEXT = OutcomeText()


def explanation_text(referential: Referential, outcome: Outcome) -> str:
    """The outcome's explanation in the interface's language (French: the engine's own text)."""
    return _TEXT.explanation(referential, outcome)


def not_admitted_reason_text(kind: NotAdmitted) -> str:
    """Why the candidate cannot take the oral, in the interface's language."""
    return _TEXT.not_admitted_reason(kind)
