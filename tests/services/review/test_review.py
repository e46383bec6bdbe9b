"""The president's review: rows from the rules engine, flags, reversal statistics, validation rates."""

from sqlalchemy import select

from c2i2e_jury.clock import utc_now
from c2i2e_jury.domain.rules import Status, evaluate
from c2i2e_jury.services import jury_room
from c2i2e_jury.services.review.detail import candidate_detail
from c2i2e_jury.services.review.figures import histogram, reversal_stats, validation_rates
from c2i2e_jury.services.review.rows import review_rows
from c2i2e_jury.storage.models import Candidate, SheetConflict
from tests.services.review_factory import (
    ABSENT,
    PLAGIARISM,
    UNSIGNED,
    demo_db_fixture,  # noqa: F401
    demo_ids,
    demo_template_fixture,  # noqa: F401
    small_heard,
)

DEMO = "grenoble-2017"


def test_every_row_is_the_rules_engines_outcome(demo_db, referential):
    rows = review_rows(demo_db, DEMO)
    assert [r.candidate_id for r in rows] == sorted(demo_ids(demo_db))
    with demo_db.read() as s:
        candidates = {c.pk: c for c in s.scalars(select(Candidate))}
        for row in rows:
            expected = evaluate(referential, jury_room.situation_of(candidates[row.pk]))
            assert row.outcome == expected, row.candidate_id


def test_demo_rows_show_each_case(demo_db):
    rows = {r.candidate_id: r for r in review_rows(demo_db, DEMO)}
    assert rows["C2017-001"].outcome.certificate and rows["C2017-001"].flags == ()
    assert rows["C2017-002"].reversed_items == ("A2.2",)
    lefevre = rows["C2017-004"]
    assert (lefevre.validated_count, lefevre.borderline, lefevre.partial) == (22, True, True)
    assert lefevre.reversed_items == ("B1.1",) and "reversed" in lefevre.flags
    assert rows[PLAGIARISM].plagiarism and "plagiarism" in rows[PLAGIARISM].flags
    assert rows[PLAGIARISM].outcome.missing_by_domain["A3"] == 3
    assert rows[UNSIGNED].missing_sheet and rows[UNSIGNED].sheet_version is None
    assert rows["C2017-001"].sheet_version == 1
    assert rows[ABSENT].status is Status.ABSENT
    assert rows["C2017-011"].status is Status.NOT_ADMITTED
    assert rows["C2017-008"].outcome.acquired == ("A1.1", "A1.2", "B1.1")


def test_histogram_and_rates_count_the_examined(demo_db, referential):
    rows = review_rows(demo_db, DEMO)
    counts = histogram(rows)
    examined = [r for r in rows if r.status is Status.EXAMINED]
    assert sum(counts) == len(examined) == 9
    assert counts[28] == 2 and counts[22] == 2 and counts[8] == 1
    rates = validation_rates(rows, referential)
    assert rates.examined == 9
    assert rates.items["A1.3"] == 1.0  # every examined candidate holds it
    assert rates.items["A3.3"] == sum("A3.3" in r.outcome.validated for r in examined) / 9
    a2 = sum(len([c for c in r.outcome.validated if c.startswith("A2")]) for r in examined)
    assert abs(rates.domains["A2"] - a2 / (9 * 3)) < 1e-9


def test_reversals_by_item_and_by_evaluator(demo_db):
    stats = reversal_stats(demo_db, DEMO)
    by_item = {line.key: line for line in stats.by_item}
    assert len(by_item) == 28
    assert (by_item["A2.2"].granted, by_item["A2.2"].withdrawn) == (1, 0)
    assert (by_item["B1.1"].withdrawn, by_item["B1.1"].granted) == (1, 0)
    by_evaluator = {line.key: line for line in stats.by_evaluator}
    harsh = by_evaluator["Olivier Garnier"]
    assert (harsh.granted, harsh.withdrawn) == (3, 0)
    assert harsh.rate > by_evaluator["Catherine Roux"].rate
    assert stats.by_evaluator[0].key == "Olivier Garnier"  # the most reversed first
    assert by_evaluator["Sylvie Morel"].withdrawn == 1 and by_evaluator["Sylvie Morel"].granted == 1


def test_detail_holds_items_history_and_sheets(demo_db):
    pk = demo_ids(demo_db)["C2017-004"]
    detail = candidate_detail(demo_db, pk)
    assert len(detail.file.items) == 28
    b11 = detail.file.item("B1.1")
    assert b11.justification == "Travail collaboratif non démontré."
    assert [(c.old, c.new) for c in detail.history_of("B1.1")] == [(None, "NV")]
    assert [s.version for s in detail.sheets] == [1]
    assert detail.certification == [] and detail.documents == []


def test_small_campaign_on_both_backends(database, imported):
    small_heard(database, imported)
    with database.session() as s:
        s.add(
            SheetConflict(
                candidate_pk=imported["C1"],
                version=1,
                sha256="f" * 64,
                pdf=b"%PDF",
                result={},
                received_at=utc_now(),
            )
        )
    rows = {r.candidate_id: r for r in review_rows(database, "test-2017")}
    c1, c2, c3 = rows["C1"], rows["C2"], rows["C3"]
    assert c1.validated_count == 28 and c1.outcome.certificate and c1.reversed_items == ("A3.2",)
    assert c1.conflict and not c1.missing_sheet
    assert c2.reversed_items == ("B2.1",) and c2.plagiarism and c2.missing_sheet
    assert c2.validated_count == 26  # A3.2 (evaluator NV) and B2.1 withdrawn
    assert c3.status is Status.NOT_ADMITTED
    stats = reversal_stats(database, "test-2017")
    m = {line.key: line for line in stats.by_evaluator}["M. Martin"]
    assert (m.decided, m.granted, m.withdrawn, m.candidates) == (55, 1, 1, 2)
    assert review_rows(database, "no-such-campaign") == []
