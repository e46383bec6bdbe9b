"""Every screen asks and tells through :class:`~c2i2e_jury.ui.prompts.Prompts`: no other module of the interface
opens Qt's message boxes, input dialogs or file choosers itself, so a test can always script the answers."""

from __future__ import annotations

import ast
from pathlib import Path

import c2i2e_jury.ui

UI = Path(c2i2e_jury.ui.__file__).parent
DIALOGS = {"QMessageBox", "QFileDialog", "QInputDialog"}


def _names(path: Path) -> set[str]:
    """Every name a module uses or imports."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Name):
            names.add(node.id)
        elif isinstance(node, ast.ImportFrom):
            names.update(alias.name for alias in node.names)
    return names


def test_only_the_prompts_module_opens_standard_dialogs():
    found = {
        str(path.relative_to(UI)): sorted(_names(path) & DIALOGS)
        for path in sorted(UI.rglob("*.py"))
        if path != UI / "prompts.py" and _names(path) & DIALOGS
    }
    assert found == {}
