"""A focus ring the juror sees: the button, check box or tool button that Space would press is circled in the
palette's highlight colour, in every window of the program.

Fusion marks a focused button with a faint outline and Windows' style with a dotted rectangle: keyboard-only, the
juror could not tell which button Space would press (« Absent » or « Incident… »). A proxy of the style in force
draws the ring over the style's own drawing, so that the buttons keep their native look otherwise; a style sheet
on ``:focus`` would have replaced that look with the style sheet's.

The same proxy (the one style of the program) gives a tab's label the font's whole height (``tab_label``): the
accent of « Évaluation » is drawn on a tab that is not the current one.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QStyleOptionComplex, QWidget

from c2i2e_jury.ui.tab_label import whole_label_rect

RING_WIDTH = 2
RINGED_CONTROLS = (
    QStyle.ControlElement.CE_PushButton,
    QStyle.ControlElement.CE_CheckBox,
    QStyle.ControlElement.CE_RadioButton,
)


class FocusRingStyle(QProxyStyle):
    """The style in force, with a ring around the focused button."""

    def drawControl(  # noqa: N802 (Qt's name)
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, widget)
        if element in RINGED_CONTROLS and has_focus(option):
            draw_ring(option, painter)

    def drawComplexControl(  # noqa: N802 (Qt's name)
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control == QStyle.ComplexControl.CC_ToolButton and has_focus(option):
            draw_ring(option, painter)

    def subElementRect(  # noqa: N802 (Qt's name)
        self, element: QStyle.SubElement, option: QStyleOption, widget: QWidget | None = None
    ) -> QRect:
        rect = super().subElementRect(element, option, widget)  # type: ignore[arg-type]  # Qt may pass None
        if element == QStyle.SubElement.SE_TabBarTabText:
            return whole_label_rect(rect, option)
        return rect


def has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


def draw_ring(option: QStyleOption, painter: QPainter) -> None:
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    pen = QPen(option.palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING_WIDTH)
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    half = RING_WIDTH // 2
    painter.drawRect(option.rect.adjusted(half, half, -half, -half))
    painter.restore()


def install(app: QApplication) -> FocusRingStyle:
    """Wrap the application's style (once: a second call keeps the ring already there)."""
    style = app.style()
    if isinstance(style, FocusRingStyle):
        return style
    ring = FocusRingStyle(style.name())  # a fresh instance of the same style: the proxy owns its base
    app.setStyle(ring)
    return ring
