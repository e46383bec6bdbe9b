import pytest
from sqlalchemy import select

from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.models import Candidate
from tests.exchange.package.factory import write_package


@pytest.fixture
def imported(database, tmp_path):
    """The small test campaign imported; returns {candidate_id: pk}."""
    import_package(database, write_package(tmp_path / "pkg"), DossierStore())
    with database.read() as s:
        return {c.candidate_id: c.pk for c in s.scalars(select(Candidate))}
