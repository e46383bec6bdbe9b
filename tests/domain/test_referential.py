import copy

import pytest

from c2i2e_jury.domain.referential import Referential, ReferentialError
from c2i2e_jury.resources_access import read_json


def test_shipped_referential_has_28_items_in_7_domains_and_4_parts(referential):
    assert len(referential) == 28
    assert [d.code for d in referential.domains] == ["A1", "A2", "A3", "B1", "B2", "B3", "B4"]
    assert [len(d.items) for d in referential.domains] == [5, 3, 4, 3, 5, 5, 3]
    assert referential.codes[0] == "A1.1" and referential.codes[-1] == "B4.3"


def test_every_item_is_in_exactly_one_part_as_the_seed_says(referential):
    assert referential.part(1).items == (
        "B2.1",
        "B2.2",
        "B2.3",
        "B2.4",
        "B2.5",
        "B3.1",
        "B3.2",
        "B3.3",
        "B3.4",
        "B3.5",
        "B4.1",
        "B4.2",
        "B4.3",
    )
    assert referential.part(2).items == ("A1.5", "A2.1", "A2.2", "A2.3")
    assert referential.part(4).items == ("A3.2", "A3.3", "A3.4")
    assert sum(len(p.items) for p in referential.parts) == 28
    assert referential.item("A1.3").part == 3
    assert "ENT" in referential.item("A1.3").wording


def _data():
    return copy.deepcopy(read_json("referential.json"))


def test_duplicate_code_is_refused():
    data = _data()
    data["domains"][0]["items"][1]["code"] = "A1.1"
    with pytest.raises(ReferentialError, match="duplicate|parts"):
        Referential.from_data(data)


def test_item_in_no_part_is_refused():
    data = _data()
    data["parts"][3]["items"].remove("A3.4")
    with pytest.raises(ReferentialError, match="A3.4 belongs to no dossier part"):
        Referential.from_data(data)


def test_item_in_two_parts_is_refused():
    data = _data()
    data["parts"][1]["items"].append("A3.4")
    with pytest.raises(ReferentialError, match="A3.4 is in parts"):
        Referential.from_data(data)
