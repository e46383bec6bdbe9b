"""The worker processes (« spawn »: they inherit no logging) write their warnings and errors to the application's
log file, the one the window's process writes: a juror's « detailed in the log » must be true."""

from __future__ import annotations

import logging

import pytest

from c2i2e_jury.errors import UserError
from c2i2e_jury.logs import setup_logging
from c2i2e_jury.services.sheet_verifying import DAMAGED, Job, checked_in_order
from c2i2e_jury.services.signing_worker import INTERNAL, SigningWorker
from tests.services.sheet_factory import CAMPAIGN_ID, make_pki, make_sheet

NOT_A_CERTIFICATE = "-----BEGIN CERTIFICATE-----\nQUJD\n-----END CERTIFICATE-----\n"


@pytest.fixture
def app_log():
    """The application's log file, set up as ``c2i2e-jury`` sets it up (in the test's own data folder)."""
    root = logging.getLogger()
    level, before = root.level, list(root.handlers)
    path = setup_logging()
    assert path is not None
    yield path
    for handler in [h for h in root.handlers if h not in before]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


def test_the_signing_workers_errors_reach_the_applications_log(database, app_log):
    worker = SigningWorker(database.url)
    try:
        with pytest.raises(UserError) as caught:
            worker.sign(1, None)  # no credential opened: a failure the worker did not foresee
    finally:
        worker.close()
    assert caught.value.message == INTERNAL  # « détaillée dans le journal »: it is
    text = app_log.read_text(encoding="utf-8")
    assert "the signing worker failed on sign" in text, text
    assert "KeyError" in text and "(c2i2e-signing " in text, text


def test_the_verifying_workers_errors_reach_the_applications_log(tmp_path, referential, app_log):
    pki = make_pki(tmp_path / "pki")
    sheet = make_sheet(referential, pki.jurors, "C4")
    jobs = [Job(n, sheet) for n in range(4)]
    verdicts = list(checked_in_order(jobs, {CAMPAIGN_ID: NOT_A_CERTIFICATE}, workers=2))
    assert [checked.reason for _n, checked in verdicts if checked] == [DAMAGED[0]] * 4
    text = app_log.read_text(encoding="utf-8")
    assert text.count("sheet refused: its verification failed") == 4, text
    assert "(SpawnProcess-" in text, text
