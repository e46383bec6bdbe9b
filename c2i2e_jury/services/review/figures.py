"""The figures behind the president's review: how many items the examined candidates validated, how often each
item and domain is held, and how often the jury reversed the evaluator, per item and per evaluator (a lenient
evaluator shows many withdrawals, a harsh one many grants)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import and_, func, select

from c2i2e_jury.domain.referential import Referential
from c2i2e_jury.domain.rules import Status
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.review.rows import ReviewRow
from c2i2e_jury.storage.database import Database
from c2i2e_jury.storage.models import Candidate, Decision, EvaluatorMark


def histogram(rows: Iterable[ReviewRow], size: int = 28) -> list[int]:
    """How many examined candidates validated 0, 1, … ``size`` items."""
    counts = [0] * (size + 1)
    for row in rows:
        if row.status is Status.EXAMINED:
            counts[min(row.validated_count, size)] += 1
    return counts


@dataclass(frozen=True)
class Rates:
    """The share of examined candidates who hold each item, and each domain's share of validated items."""

    examined: int
    items: dict[str, float]
    domains: dict[str, float]


def validation_rates(rows: Sequence[ReviewRow], ref: Referential | None = None) -> Rates:
    ref = ref or referential()
    examined = [row for row in rows if row.status is Status.EXAMINED]
    held: dict[str, int] = dict.fromkeys(ref.codes, 0)
    for row in examined:
        for code in row.outcome.validated:
            held[code] += 1
    n = len(examined)
    items = {code: (held[code] / n if n else 0.0) for code in ref.codes}
    domains = {
        d.code: (sum(held[c] for c in d.items) / (n * len(d.items)) if n else 0.0) for d in ref.domains
    }
    return Rates(n, items, domains)


@dataclass(frozen=True)
class ReversalLine:
    """How often the jury reversed the evaluator: ``withdrawn`` V→NV, ``granted`` NV→V, out of ``decided``
    items that had both a mark and a decision."""

    key: str
    decided: int
    withdrawn: int
    granted: int
    candidates: int = 0

    @property
    def reversed(self) -> int:
        return self.withdrawn + self.granted

    @property
    def rate(self) -> float:
        return self.reversed / self.decided if self.decided else 0.0


@dataclass(frozen=True)
class ReversalStats:
    by_item: list[ReversalLine]
    by_evaluator: list[ReversalLine]


def reversal_stats(db: Database, campaign_id: str, ref: Referential | None = None) -> ReversalStats:
    """Per item (referential order) and per evaluator (most reversed first): a lenient evaluator shows many
    withdrawals, a harsh one many grants."""
    ref = ref or referential()
    withdrawn = func.sum(_when(EvaluatorMark.mark == "V", Decision.decision == "NV"))
    granted = func.sum(_when(EvaluatorMark.mark == "NV", Decision.decision == "V"))
    base = (
        select(func.count(), withdrawn, granted, func.count(func.distinct(Candidate.pk)))
        .select_from(Decision)
        .join(
            EvaluatorMark,
            and_(EvaluatorMark.candidate_pk == Decision.candidate_pk, EvaluatorMark.item == Decision.item),
        )
        .join(Candidate, Candidate.pk == Decision.candidate_pk)
        .where(
            Candidate.campaign_id == campaign_id,
            Decision.decision.is_not(None),
            EvaluatorMark.mark.is_not(None),
        )
    )
    with db.read() as session:
        items = {
            item: ReversalLine(item, n, int(w or 0), int(g or 0), c)
            for n, w, g, c, item in session.execute(base.add_columns(Decision.item).group_by(Decision.item))
        }
        evaluators = [
            ReversalLine(name or "—", n, int(w or 0), int(g or 0), c)
            for n, w, g, c, name in session.execute(
                base.add_columns(Candidate.evaluator).group_by(Candidate.evaluator)
            )
        ]
    by_item = [items.get(code, ReversalLine(code, 0, 0, 0)) for code in ref.codes]
    return ReversalStats(by_item, sorted(evaluators, key=lambda line: (-line.rate, line.key)))


def _when(*conditions: object) -> object:
    from sqlalchemy import case

    return case((and_(*conditions), 1), else_=0)  # type: ignore[arg-type]
