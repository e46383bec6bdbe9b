"""The day's list read with SQLAlchemy Core (issue 15: the first window needs no ORM): the same tables and columns
as the models, the same dates and states as the ORM's candidates, on SQLite and PostgreSQL."""

from datetime import date

import pytest
from sqlalchemy import Boolean, Date

from c2i2e_jury.domain.rules import Attendance
from c2i2e_jury.services import day_list, jury_room
from c2i2e_jury.storage.base import Base


@pytest.mark.parametrize("light", [day_list.CANDIDATE, day_list.ORAL, day_list.RESULT_SHEET])
def test_the_core_columns_are_the_models_columns(light):
    """A column renamed in the models (and its migration) must be renamed here too: this test says so."""
    import c2i2e_jury.storage.models  # noqa: F401 - the tables join the metadata

    mapped = Base.metadata.tables[light.name]
    for col in light.columns:
        assert col.name in mapped.columns, f"{light.name}.{col.name} is not a column of the models"
        if isinstance(col.type, Date | Boolean):
            assert isinstance(mapped.columns[col.name].type, type(col.type)), f"{light.name}.{col.name}"


def test_the_day_reads_dates_as_dates_and_filters_by_day(database, imported):
    entries = day_list.day_entries(database, "test-2017", day=date(2017, 6, 12))
    assert {e.candidate_id for e in entries} >= {"C1", "C3"}
    assert all(e.oral_date == date(2017, 6, 12) for e in entries)
    assert day_list.day_entries(database, "test-2017", day=date(2017, 6, 13)) == [
        e for e in day_list.day_entries(database, "test-2017") if e.oral_date == date(2017, 6, 13)
    ]
    assert day_list.day_entries(database, "no-such-campaign") == []


def test_the_states_are_the_jury_rooms(database, imported):
    """Checked in, absent, not admitted, to come: as the ORM's candidate file says it (the room's own view)."""
    jury_room.check_in(database, imported["C1"], Attendance.PRESENT)
    jury_room.check_in(database, imported["C2"], Attendance.ABSENT)
    states = {e.candidate_id: e.state for e in day_list.day_entries(database, "test-2017")}
    assert states == {"C1": "present", "C2": "absent", "C3": "not_admitted"}
    for candidate_id, pk in imported.items():
        file = jury_room.candidate_file(database, pk)
        assert (file.not_admitted_reason is not None) == (states[candidate_id] == "not_admitted")


def test_no_candidate_to_reopen_on_a_fresh_campaign(database, imported):
    assert day_list.last_candidate(database) is None
    jury_room.save_view_state(database, imported["C2"], {"page": 2})
    assert day_list.last_candidate(database) == imported["C2"]
