"""Shared test set-up: Qt offscreen, an isolated data folder, the referential."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
CORPUS = REPO.parent / "shared" / "corpus" / "pdf"


@pytest.fixture(autouse=True)
def _isolated_data_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Every test gets its own data folder and database: nothing is written outside tmp."""
    data = tmp_path_factory.mktemp("data")
    monkeypatch.setenv("C2I2E_DATA_DIR", str(data))
    monkeypatch.delenv("C2I2E_DB", raising=False)
    return data


@pytest.fixture(scope="session")
def referential():
    from c2i2e_jury.resources_access import referential as load

    return load()


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus/pdf is not beside the repository")
    return CORPUS
