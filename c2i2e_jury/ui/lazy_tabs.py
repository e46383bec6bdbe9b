"""Tabs whose page is built when first wanted: the jury room opens without importing or building the
secretariat's and the president's screens (issue 15: they were a quarter of the cold start)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget


class LazyTabs:
    """Named tabs of ``tabs``: an empty placeholder until :meth:`get` builds the page and puts it in its place."""

    def __init__(self, tabs: QTabWidget) -> None:
        self.tabs = tabs
        self._factories: dict[str, Callable[[], QWidget]] = {}
        self._pages: dict[str, QWidget] = {}  # the placeholder, then the page
        self._built: set[str] = set()

    def add(self, name: str, label: str, factory: Callable[[], QWidget]) -> None:
        placeholder = QWidget(self.tabs)
        placeholder.setObjectName(f"{name}Placeholder")
        self._factories[name] = factory
        self._pages[name] = placeholder
        self.tabs.addTab(placeholder, label)

    def name_at(self, index: int) -> str | None:
        widget = self.tabs.widget(index)
        return next((name for name, page in self._pages.items() if page is widget), None)

    def built(self, name: str) -> bool:
        return name in self._built

    def get(self, name: str) -> QWidget:
        """The page, built on the first call and swapped into its tab without the tab bar noticing (the current
        tab, its label and shortcut stay; no ``currentChanged`` while it is swapped)."""
        if name in self._built:
            return self._pages[name]
        placeholder = self._pages[name]
        page = self._factories[name]()
        index, current = self.tabs.indexOf(placeholder), self.tabs.currentIndex()
        blocker = QSignalBlocker(self.tabs)
        label = self.tabs.tabText(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, label)
        self.tabs.setCurrentIndex(current)
        blocker.unblock()
        placeholder.deleteLater()
        self._pages[name] = page
        self._built.add(name)
        return page
