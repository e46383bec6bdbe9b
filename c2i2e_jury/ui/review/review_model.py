"""The president's table as a Qt model: an adapter over the service's :class:`ReviewRow` values (no rule here).

5,000 rows must sort at once: the model sorts its own list with Python key functions (a few milliseconds)
instead of letting :class:`QSortFilterProxyModel` compare cells through ``data()`` a hundred thousand times;
the proxy only filters (by text and by flag or status), reading the rows directly.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor

from c2i2e_jury.domain.rules import Status
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.review.rows import ReviewRow
from c2i2e_jury.ui.outcome_text import explanation_text
from c2i2e_jury.ui.text import fill

Index = QModelIndex | QPersistentModelIndex
DOMAINS = tuple(d.code for d in referential().domains)
REVIEW_COLUMNS = (
    "id",
    "name",
    "status",
    "validated",
    *DOMAINS,
    "outcome",
    "decision",
    "flags",
    "jury",
    "evaluator",
)
COLUMN = {key: n for n, key in enumerate(REVIEW_COLUMNS)}
ROW_ROLE = Qt.ItemDataRole.UserRole + 1  # the ReviewRow itself
EXAMINE_ROLE = Qt.ItemDataRole.UserRole + 2  # on the name: the « À examiner » marker's text, "" for none
_STATUS_ORDER = {
    s: n
    for n, s in enumerate(
        (
            Status.EXAMINED,
            Status.IN_PROGRESS,
            Status.AWAITING,
            Status.ABSENT,
            Status.NOT_ADMITTED,
            Status.ANNULLED,
        )
    )
}
GREEN, AMBER, RED, GREY = QColor("#2e7d32"), QColor("#b26a00"), QColor("#c62828"), QColor("#6b6b6b")


def folded(text: str) -> str:
    """Lower case without accents: « lefevre » finds Lefèvre."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def _heard(row: ReviewRow) -> bool:
    return row.status in (Status.EXAMINED, Status.IN_PROGRESS)


def outcome_key(row: ReviewRow) -> int:
    """0 certificate, 1 partial attestation, 2 nothing to deliver."""
    return 0 if row.proposed.certificate else 1 if row.partial else 2


def _missing_in(domain: str) -> Callable[[ReviewRow], Any]:
    """Sort by the items missing in ``domain`` (a candidate not heard first, at -1)."""
    return lambda r: (r.proposed.missing_by_domain.get(domain, 0) if _heard(r) else -1, r.candidate_id)


_KEYS: dict[str, Callable[[ReviewRow], Any]] = {
    "id": lambda r: r.candidate_id,
    "name": lambda r: (r.last_name.casefold(), r.first_name.casefold()),
    "jury": lambda r: (r.jury.casefold(), r.candidate_id),
    "evaluator": lambda r: (r.evaluator.casefold(), r.candidate_id),
    "status": lambda r: (_STATUS_ORDER[r.status], r.candidate_id),
    "validated": lambda r: (r.proposed.validated_count, r.candidate_id),
    "outcome": lambda r: (outcome_key(r), -r.proposed.validated_count),
    "flags": lambda r: (not r.to_examine, -len(r.flags), r.flags, r.candidate_id),  # the default order
    "decision": lambda r: (r.decision or "~", r.candidate_id),
    **{domain: _missing_in(domain) for domain in DOMAINS},
}


class ReviewModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ReviewRow] = []
        self._haystacks: list[str] = []

    # -- data in -------------------------------------------------------------------------------------------
    def set_rows(
        self, rows: Sequence[ReviewRow], column: int = -1, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    ) -> None:
        """The rows, sorted by ``column`` within the same reset (one pass of the proxy, not two)."""
        self.beginResetModel()
        self._rows = list(rows)
        if 0 <= column < len(REVIEW_COLUMNS):
            self._rows.sort(key=_KEYS[REVIEW_COLUMNS[column]], reverse=order == Qt.SortOrder.DescendingOrder)
        self._haystacks = []  # made on the first search: most loads are never searched
        self.endResetModel()

    @staticmethod
    def _haystack(row: ReviewRow) -> str:
        return folded(f"{row.candidate_id} {row.last_name} {row.first_name} {row.jury} {row.evaluator}")

    def row(self, n: int) -> ReviewRow:
        return self._rows[n]

    def haystack(self, n: int) -> str:
        if not self._haystacks and self._rows:
            self._haystacks = [self._haystack(r) for r in self._rows]
        return self._haystacks[n]

    def rows(self) -> list[ReviewRow]:
        return list(self._rows)

    def row_of(self, pk: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.pk == pk), -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(REVIEW_COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        pks = [self._rows[i.row()].pk for i in before]
        key = _KEYS[REVIEW_COLUMNS[column]]
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self._haystacks = []
        where = {r.pk: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(
            before, [self.index(where[pk], i.column()) for pk, i in zip(pks, before, strict=True)]
        )
        self.layoutChanged.emit()

    # -- Qt ------------------------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(REVIEW_COLUMNS)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,  # noqa: N802
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> Any:
        if orientation == Qt.Orientation.Vertical or not 0 <= section < len(REVIEW_COLUMNS):
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        key = REVIEW_COLUMNS[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if key in DOMAINS:
                return fill(self.tr("Items not validated in domain %1 (at most 2 for the certificate)"), key)
            if key == "validated":
                return self.tr("Items validated out of 28 (at least 23 for the certificate)")
            if key == "decision":
                return self.tr("Certification jury's decision")
        return None

    def _header(self, key: str) -> str:
        if key in DOMAINS:
            return key
        return {
            "id": self.tr("Id"),
            "name": self.tr("Candidate"),
            "jury": self.tr("Jury"),
            "evaluator": self.tr("Evaluator"),
            "status": self.tr("Status"),
            "validated": self.tr("/28"),
            "outcome": self.tr("Outcome"),
            "flags": self.tr("To look at"),
            "decision": self.tr("Decision"),
        }[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, key = self._rows[index.row()], REVIEW_COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and (key == "validated" or key in DOMAINS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == ROW_ROLE:
            return row
        if role == EXAMINE_ROLE:
            return self.tr("To examine") if key == "name" and row.to_examine else ""
        if role == Qt.ItemDataRole.AccessibleTextRole and key == "name" and row.to_examine:
            return f"{row.full_name} — {self.tr('To examine')}"
        return None

    def status_text(self, status: Status) -> str:
        return {
            Status.NOT_ADMITTED: self.tr("not admitted"),
            Status.AWAITING: self.tr("oral not taken"),
            Status.IN_PROGRESS: self.tr("being decided"),
            Status.EXAMINED: self.tr("examined"),
            Status.ABSENT: self.tr("absent (abandonment)"),
            Status.ANNULLED: self.tr("annulled (plagiarism)"),
        }[status]

    def flag_text(self, flag: str) -> str:
        return {
            "borderline": self.tr("borderline"),
            "reversed": self.tr("jury reversed"),
            "plagiarism": self.tr("plagiarism reported"),
            "changed": self.tr("data changed since the sheet"),
            "conflict": self.tr("sheet in conflict"),
            "missing_sheet": self.tr("no sheet"),
        }[flag]

    def decision_text(self, decision: str | None) -> str:
        return {
            "certificate": self.tr("certificate delivered"),
            "attestation": self.tr("partial attestation"),
            "annulment": self.tr("annulled for plagiarism"),
            "annulment_lifted": self.tr("annulment lifted"),
            "delivery_undone": self.tr("delivery undone"),
            None: "—",
        }.get(decision, decision or "—")

    def _display(self, row: ReviewRow, key: str) -> str:
        if key == "id":
            return row.candidate_id
        if key == "name":
            return row.full_name
        if key in ("jury", "evaluator"):
            return str(getattr(row, key)) or "—"
        if key == "status":
            return self.status_text(row.status)
        if key == "validated":
            return str(row.proposed.validated_count)
        if key in DOMAINS:  # only a heard candidate's misses say something
            return str(row.proposed.missing_by_domain.get(key, 0)) if _heard(row) else ""
        if key == "outcome":
            return (
                self.tr("Certificate")
                if row.proposed.certificate
                else self.tr("Partial")
                if row.partial
                else "—"
            )
        if key == "flags":
            return ", ".join(self.flag_text(f) for f in row.flags)
        return self.decision_text(row.decision)

    def _colour(self, row: ReviewRow, key: str) -> QColor | None:
        if key in ("validated", "outcome"):
            return GREEN if row.proposed.certificate else AMBER if row.partial else GREY
        if (
            key in DOMAINS
            and row.proposed.missing_by_domain.get(key, 0) > 2
            and row.status is Status.EXAMINED
        ):
            return RED
        if key == "flags" and (
            "plagiarism" in row.flags or "conflict" in row.flags or "changed" in row.flags
        ):
            return RED
        if key == "status" and row.status is not Status.EXAMINED:
            return GREY
        return None

    def _tooltip(self, row: ReviewRow, key: str) -> str:
        """The explanation of a cell, else its whole text (the table elides its widest cells at 1366 px)."""
        if key == "outcome" or key == "status":
            return explanation_text(referential(), row.proposed)
        if key == "name" and row.to_examine:
            return fill(self.tr("To examine: %1"), ", ".join(self.flag_text(f) for f in row.flags))
        if key == "flags" and row.reversed_items:
            reversed_on = fill(self.tr("Jury reversed the evaluator on: %1"), ", ".join(row.reversed_items))
            return f"{self._display(row, key)}\n{reversed_on}"
        if key == "decision" and row.document_code:
            return fill(self.tr("Verification code: %1"), row.document_code)
        return self._display(row, key) if key in ("name", "flags", "decision", "jury", "evaluator") else ""


FILTERS = (
    "all",
    "to_examine",
    "flagged",
    "borderline",
    "reversed",
    "plagiarism",
    "changed",
    "conflict",
    "missing_sheet",
    "certificate",
    "partial",
    "undecided",
    "absent",
    "not_admitted",
    "annulled",
)


class ReviewProxy(QSortFilterProxyModel):
    """Filters by text (id, names, jury, evaluator) and by flag or status; sorting is the source model's."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._filter = "all"

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = folded(text.strip())
        self.endFilterChange()

    def set_filter(self, name: str) -> None:
        if name not in FILTERS:
            raise ValueError(name)
        self.beginFilterChange()
        self._filter = name
        self.endFilterChange()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if isinstance(source, ReviewModel):
            source.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        source = self.sourceModel()
        if not isinstance(source, ReviewModel):
            return True
        if self._text and self._text not in source.haystack(source_row):
            return False
        return self._filter == "all" or _accepts(self._filter, source.row(source_row))


def _accepts(name: str, row: ReviewRow) -> bool:
    if name == "flagged":
        return bool(row.flags)
    if name == "to_examine":
        return row.to_examine
    if name in ("borderline", "reversed", "plagiarism", "changed", "conflict", "missing_sheet"):
        return name in row.flags
    if name == "certificate":
        return row.proposed.certificate
    if name == "partial":
        return row.partial
    if name == "undecided":
        return row.undecided
    return row.status.value == name
