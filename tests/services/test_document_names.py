"""A document's file name never leaves its folder or its ZIP, whatever the candidate id holds."""

from datetime import UTC, date, datetime

import pytest

from c2i2e_jury.exchange.certificates import Statement
from c2i2e_jury.services.documents import file_name


def _statement(candidate_id: str) -> Statement:
    return Statement(
        "certificate",
        "grenoble-2017",
        "C2i2e 2017",
        2017,
        candidate_id,
        "Lefèvre",
        "Élodie",
        (),
        date(2017, 7, 10),
        datetime(2017, 7, 10, tzinfo=UTC),
        "Pr. Lévêque",
    )


@pytest.mark.parametrize(
    "candidate_id", ["../../ESCAPE-001", "..\\..\\ESCAPE-001", "/etc/ESCAPE-001", "..", "a/b"]
)
def test_an_id_with_a_path_in_it_is_slugged_and_the_file_stays_in_its_folder(tmp_path, candidate_id):
    name = file_name(_statement(candidate_id))
    assert "/" not in name and "\\" not in name and not name.startswith(".")
    written = tmp_path / "out" / name
    written.parent.mkdir()
    written.write_bytes(b"%PDF-1.7")
    assert written.resolve().parent == (tmp_path / "out").resolve()
    assert sorted(p.name for p in tmp_path.rglob("*")) == sorted(["out", name])


def test_a_plain_id_keeps_its_case():
    assert file_name(_statement("C2017-001")).startswith("C2017-001_lefevre_elodie_")
    assert file_name(_statement("../../ESCAPE-001")).startswith("escape-001_lefevre_elodie_")
