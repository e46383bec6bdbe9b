"""Versions at import: a version whose predecessor never arrived is said (a room may have kept it back, and no
signature can show that), then the late predecessor is kept as history."""

from __future__ import annotations

from pathlib import Path

from c2i2e_jury.services.sheet_import import import_sheets
from tests.services.sheet_factory import import_with_pki, make_pki, make_sheet


def test_a_version_whose_predecessor_never_arrived_is_said(referential, database, tmp_path: Path) -> None:
    pki = make_pki(tmp_path / "pki")
    import_with_pki(database, tmp_path / "pkg", pki)
    (tmp_path / "v2.pdf").write_bytes(make_sheet(referential, pki.jurors, "C1", version=2, nv=("B2.5",)))
    (tmp_path / "v1.pdf").write_bytes(make_sheet(referential, pki.jurors, "C1"))
    [second] = import_sheets(database, [tmp_path / "v2.pdf"], workers=1)
    assert second.status == "imported"
    assert second.message == "Remplace la version 1, qui n'a pas été reçue : demandez-la à la salle."
    [first] = import_sheets(database, [tmp_path / "v1.pdf"], workers=1)
    assert first.status == "superseded"
