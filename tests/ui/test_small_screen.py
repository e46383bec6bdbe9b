"""The jurors' laptops: the whole window fits a 1366×768 screen."""

from sqlalchemy import select

from c2i2e_jury.storage.models import Candidate
from c2i2e_jury.ui.main_window import MainWindow


def test_the_window_fits_a_1366_by_768_screen(qtbot, demo_db):
    window = MainWindow(demo_db)
    qtbot.addWidget(window)
    window.show()
    with demo_db.read() as s:
        pk = s.scalars(select(Candidate.pk).where(Candidate.candidate_id == "C2017-006")).one()
    window.open_candidate(pk)
    minimum = window.minimumSizeHint()
    assert minimum.width() <= 1366 and minimum.height() <= 740, minimum
