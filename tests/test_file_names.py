"""Issue 13: file names transliterate rather than drop letters (« Wałęsa Łucja » gave ``waesa_ucja``), by one
rule for every name the program writes (:func:`c2i2e_jury.files.file_name_part`)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from c2i2e_jury.exchange.certificates import Statement
from c2i2e_jury.exchange.package.writer import slug
from c2i2e_jury.files import ascii_letters, file_name_part
from c2i2e_jury.services.demo_credentials import _file_name as credential_file_name
from c2i2e_jury.services.documents import file_name as document_file_name
from c2i2e_jury.services.sheet_export import safe_part


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Wałęsa Łucja", "Walesa Lucja"),
        ("Nguyễn Thị Ánh Đức", "Nguyen Thi Anh Duc"),
        ("Ștefan Kőrösi-Dvořák", "Stefan Korosi-Dvorak"),
        ("Œhlenschläger Straße", "OEhlenschlager Strasse"),
        ("Søren Þórsson, Ħamrun, Kırıkkale", "Soren Thorsson, Hamrun, Kirikkale"),
        ("Bât. C / 2ᵉ étage", "Bat. C / 2e etage"),
    ],
)
def test_every_letter_has_a_latin_reading(text, expected):
    assert ascii_letters(text) == expected


def test_a_certificate_file_keeps_every_letter_of_the_name():
    statement = Statement(
        "certificate",
        "c",
        "C",
        2017,
        "C2017-004",
        "Wałęsa",
        "Łucja",
        (),
        date(2017, 7, 10),
        datetime(2017, 7, 10, tzinfo=UTC),
        "P",
    )
    assert document_file_name(statement) == "C2017-004_walesa_lucja_certificat.pdf"


def test_every_writer_of_names_follows_the_one_rule():
    assert slug("Salle Łódź") == file_name_part("Salle Łódź", "sans-nom") == "salle-lodz"
    assert safe_part("Salle Łódź 2.1", "x") == "Salle-Lodz-2.1"
    assert credential_file_name("Łukasz Wróbel") == "lukasz-wrobel.p12"
    assert file_name_part("東京", "sans-nom") == "sans-nom"  # nothing with a Latin reading: the default
