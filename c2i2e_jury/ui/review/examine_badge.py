"""The « À examiner » marker drawn beside a candidate's name in the president's table: an amber pill the eye
finds down a column of names without reading them (the model says which rows carry it, :data:`EXAMINE_ROLE`).

At 1366 px the name column is narrower than a name and the whole marker: the name stays whole and the marker
gives, to one short form the same on every row (« ! » in the amber pill: elided at different places, « À …er »,
« À e…ner », the column read as noise); its colour says it, its tooltip says it whole."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from c2i2e_jury.ui.review.review_model import EXAMINE_ROLE

BADGE = QColor("#b26a00")  # the table's amber: borderline, partial
GAP, PAD = 8, 6  # pixels between the name and the pill, inside the pill on each side
SHORT = "!"  # the marker where it does not fit whole

Index = QModelIndex | QPersistentModelIndex


def _badge_font(font: QFont) -> QFont:
    bold = QFont(font)
    bold.setBold(True)
    return bold


def badge_layout(
    name: str, badge: str, names: QFontMetrics, badges: QFontMetrics, width: int
) -> tuple[str, str]:
    """The name and the marker as they fit in ``width`` pixels: the name whole (elided only when even the short
    marker would not fit beside it), the marker whole in the room left, else its short form."""
    least = badges.horizontalAdvance(SHORT) + 2 * PAD
    shown = names.elidedText(name, Qt.TextElideMode.ElideRight, max(0, width - GAP - least))
    room = width - names.horizontalAdvance(shown) - GAP - 2 * PAD
    return shown, badge if badges.horizontalAdvance(badge) <= room else SHORT


class ExamineBadgeDelegate(QStyledItemDelegate):
    """The name as usual, then the marker's pill when the row is to be examined."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badge = index.data(EXAMINE_ROLE)
        if not badge:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        name, opt.text = opt.text, ""
        widget: Any = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(
            QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget
        )  # background, selection
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        font = _badge_font(opt.font)
        shown, badge = badge_layout(name, badge, opt.fontMetrics, QFontMetrics(font), text_rect.width())
        width = QFontMetrics(font).horizontalAdvance(badge) + 2 * PAD
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setFont(opt.font)
        pen = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.setPen(pen)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), shown)
        left = text_rect.left() + opt.fontMetrics.horizontalAdvance(shown) + GAP
        pill = QRect(left, text_rect.top() + 2, width, max(8, text_rect.height() - 4))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(BADGE)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(font)
        painter.setPen(QColor("white"))
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), badge)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        badge = index.data(EXAMINE_ROLE)
        if badge:
            size.setWidth(
                size.width() + GAP + QFontMetrics(_badge_font(option.font)).horizontalAdvance(badge) + 2 * PAD
            )
        return size
