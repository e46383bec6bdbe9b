"""The campaign's progress and the admission list at the closing date (seed: « Conditions de participation à
l'épreuve orale », « Règles en cas d'échec ou d'abandon »), and the rework seam the evaluator's side plugs into."""

from datetime import UTC, datetime

from c2i2e_jury.services.admission import (
    ABANDON_NOT_DEPOSITED,
    ABANDON_NOT_REDEPOSITED,
    ReworkState,
    Stage,
    admission_list,
    counts,
    progress,
)
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.storage.dossier_store import DossierStore
from tests.exchange.package.factory import write_package

ROWS = [
    "C1;Lefèvre;Élodie;elodie@example.fr;c1.pdf;oui;non;2017-06-12;08:30;B112;J1;M. Martin;",
    "C2;Dupont;François;francois@example.fr;c2.pdf;oui;oui;2017-06-12;09:15;B112;J1;M. Martin;33",
    "C3;Nguyen;Maëlle;maelle@example.fr;;non;non;2017-06-12;10:00;B112;J1;;",
    "C4;Bernard;Jules;jules@example.fr;c1.pdf;oui;non;2017-06-13;08:30;B114;J2;;",
]


def _campaign(database, tmp_path):
    marks = [f"C1;{item};V;" for item in ("A1.1", "A1.2")] + ["C4;A1.1;;"]  # C4: a row, no mark yet
    import_package(database, write_package(tmp_path / "pkg", candidates=ROWS, marks=marks), DossierStore())


def at(day: int, month: int = 5) -> datetime:
    return datetime(2017, month, day, 12, 0, tzinfo=UTC)


def test_progress_counts_each_candidate_once_from_the_package(database, tmp_path):
    _campaign(database, tmp_path)
    rows = {r.candidate_id: r for r in progress(database, "test-2017")}
    assert {cid: r.stage for cid, r in rows.items()} == {
        "C1": Stage.EVALUATED,
        "C2": Stage.REWORK_PENDING,  # the package's rework_pending flag: the default provider
        "C3": Stage.NOT_DEPOSITED,
        "C4": Stage.DEPOSITED,  # deposited, no mark yet: awaiting its evaluation
    }
    assert (rows["C1"].in_store, rows["C3"].in_store) == (True, False)
    total = counts(list(rows.values()))
    assert (total.total, total.deposited, total.evaluated, total.not_deposited) == (4, 3, 1, 1)
    assert (total.rework_requested, total.rework_pending, total.redeposited) == (1, 1, 0)


def test_the_rework_states_come_from_a_provider_the_evaluator_side_replaces(database, tmp_path):
    _campaign(database, tmp_path)

    def evaluators_table(db, campaign_id):
        assert campaign_id == "test-2017"
        return {"C2": ReworkState.REDEPOSITED, "C4": ReworkState.PENDING}

    rows = {r.candidate_id: r for r in progress(database, "test-2017", evaluators_table)}
    assert (rows["C1"].rework, rows["C2"].stage, rows["C4"].stage) == (
        ReworkState.NONE,  # absent from the table: no rework
        Stage.REDEPOSITED,
        Stage.REWORK_PENDING,
    )
    total = counts(list(rows.values()))
    assert (total.rework_requested, total.rework_pending, total.redeposited) == (2, 1, 1)
    listed = admission_list(database, "test-2017", evaluators_table, now=lambda: at(18))
    assert [r.candidate_id for r in listed.admitted] == ["C2", "C1"]  # by name: Dupont, Lefèvre


def test_the_admission_list_is_final_the_day_after_the_closing_day_and_names_each_abandonment(
    database, tmp_path
):
    _campaign(database, tmp_path)
    closing_day = admission_list(database, "test-2017", now=lambda: at(17))
    assert not closing_day.final  # « 17 mai 2017 (inclus) »: a candidate may still deposit that day
    after = admission_list(database, "test-2017", now=lambda: at(18))
    assert after.final and after.closes.isoformat() == "2017-05-17"
    assert [r.candidate_id for r in after.admitted] == ["C4", "C1"]  # Bernard, Lefèvre
    assert [(r.candidate_id, why) for r, why in after.not_admitted] == [
        ("C2", ABANDON_NOT_REDEPOSITED),
        ("C3", ABANDON_NOT_DEPOSITED),
    ]
    assert ABANDON_NOT_DEPOSITED == "abandon (dossier non déposé)"
