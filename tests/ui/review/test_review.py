"""The president's review workspace, driven offscreen: sorting, filtering, a candidate's detail, the decision
buttons, the reversal tables and the charts. Every model goes through qtmodeltester."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from c2i2e_jury.services.review.rows import review_rows
from c2i2e_jury.ui.review import ReviewWorkspace
from c2i2e_jury.ui.review.charts import THRESHOLD
from c2i2e_jury.ui.review.examine_badge import BADGE
from c2i2e_jury.ui.review.review_model import COLUMN, EXAMINE_ROLE, ReviewModel, ReviewProxy
from tests.services.review_factory import PLAGIARISM, UNSIGNED
from tests.ui.scripted_prompts import Script

pytestmark = pytest.mark.gui


@pytest.fixture
def script():
    """The president's answers to the workspace's questions, and what it told them."""
    return Script()


@pytest.fixture
def workspace(qtbot, heard_db, script):
    widget = ReviewWorkspace(heard_db, prompts=script.prompts())
    qtbot.addWidget(widget)
    widget.resize(1400, 800)
    with qtbot.waitSignal(widget.campaignLoaded) as loaded:
        widget.set_campaign("grenoble-2017")
    assert loaded.args == [12]
    widget.show()
    return widget


def shown_ids(widget):
    proxy = widget.proxy
    return [proxy.index(r, COLUMN["id"]).data() for r in range(proxy.rowCount())]


def select(widget, candidate_id):
    row = shown_ids(widget).index(candidate_id)
    widget.table.selectRow(row)
    return widget.detail


def test_every_model_passes_the_model_tester(qtmodeltester, workspace, heard_db):
    model = ReviewModel()
    model.set_rows(review_rows(heard_db, "grenoble-2017"))
    qtmodeltester.check(model)
    proxy = ReviewProxy()
    proxy.setSourceModel(model)
    proxy.set_filter("flagged")
    qtmodeltester.check(proxy)
    select(workspace, "C2017-004")
    workspace.tabs.setCurrentIndex(1)
    qtmodeltester.check(workspace.detail.items)
    qtmodeltester.check(workspace.detail.history)
    qtmodeltester.check(workspace.by_item)
    qtmodeltester.check(workspace.by_evaluator)


def test_sorting_by_any_column(workspace):
    workspace.table.sortByColumn(COLUMN["id"], Qt.SortOrder.AscendingOrder)
    assert shown_ids(workspace)[:2] == ["C2017-001", "C2017-002"]
    workspace.table.sortByColumn(COLUMN["validated"], Qt.SortOrder.AscendingOrder)
    counts = [workspace.proxy.index(r, COLUMN["validated"]).data() for r in range(12)]
    assert [int(c) for c in counts] == sorted(int(c) for c in counts)
    workspace.table.sortByColumn(COLUMN["name"], Qt.SortOrder.DescendingOrder)
    names = [workspace.proxy.index(r, COLUMN["name"]).data() for r in range(12)]
    assert names[0].startswith("ROUSSEAU") and names[-1].startswith("BERTRAND")
    workspace.table.sortByColumn(COLUMN["A3"], Qt.SortOrder.DescendingOrder)
    assert set(shown_ids(workspace)[:2]) == {"C2017-006", "C2017-007"}  # three misses in A3
    assert shown_ids(workspace)[-1] in ("C2017-010", "C2017-011", "C2017-012")  # not heard: last


def test_clicking_a_header_sorts(qtbot, workspace):
    header = workspace.table.horizontalHeader()
    x = header.sectionViewportPosition(COLUMN["flags"]) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == COLUMN["flags"]
    first = workspace.proxy.index(0, COLUMN["flags"]).data()
    assert first in ("borderline, jury reversed", "")  # most flags first, or fewest when descending
    assert workspace.model.rowCount() == 12


def test_filtering_by_text_and_by_flag(qtbot, workspace):
    workspace.table.sortByColumn(COLUMN["id"], Qt.SortOrder.AscendingOrder)
    qtbot.keyClicks(workspace.search, "lefevre")  # typed without the accent
    assert shown_ids(workspace) == ["C2017-004"]
    assert workspace.count.text() == "1 of 12 candidates"
    workspace.search.setText("MAËLLE")
    assert shown_ids(workspace) == ["C2017-003"]
    workspace.search.setText("garnier")  # the evaluator
    assert shown_ids(workspace) == ["C2017-005", "C2017-006", "C2017-007"]
    workspace.search.clear()
    workspace.filter.setCurrentIndex(workspace.filter.findData("borderline"))
    assert shown_ids(workspace) == ["C2017-004", "C2017-009"]
    workspace.filter.setCurrentIndex(workspace.filter.findData("plagiarism"))
    assert shown_ids(workspace) == [PLAGIARISM]
    workspace.filter.setCurrentIndex(workspace.filter.findData("missing_sheet"))
    assert shown_ids(workspace) == [UNSIGNED]
    workspace.filter.setCurrentIndex(workspace.filter.findData("not_admitted"))
    qtbot.keyClicks(workspace.search, "perrin")
    assert shown_ids(workspace) == ["C2017-011"]


def test_a_candidates_detail_with_items_and_history(workspace):
    detail = select(workspace, "C2017-004")
    assert detail.title.text() == "LEFÈVRE Gaëlle — C2017-004"
    assert "22 items validated out of 28" in detail.explanation.text()  # the interface's language (English)
    assert detail.items.rowCount() == 28
    assert detail.history_label.text() == "History of B1.1"  # the reversed item, selected at once
    assert detail.history.rowCount() == 1
    assert detail.history.index(0, 4).data() == "Travail collaboratif non démontré."
    b11 = next(r for r in range(28) if detail.items.index(r, 0).data() == "B1.1")
    assert detail.items.index(b11, 1).data() == "✓ V" and detail.items.index(b11, 2).data() == "✗ NV"
    assert "Signed sheet: version 1" in detail.facts.text()
    assert detail.attestation_button.isEnabled() and not detail.deliver_button.isEnabled()


def test_decision_buttons_record_through_the_rules(workspace, script):
    detail = select(workspace, "C2017-004")
    detail.attestation_button.click()
    row = COLUMN["decision"]
    assert workspace.proxy.index(shown_ids(workspace).index("C2017-004"), row).data() == "partial attestation"
    assert "Partial attestation on" in workspace.detail.facts.text()
    assert not workspace.detail.attestation_button.isEnabled()
    select(workspace, UNSIGNED).deliver_button.click()
    warnings = script.said("warn")
    assert warnings == ["Aucune feuille de résultats signée de ce candidat n'est dans la base."]


def test_annulment_asks_a_reason(workspace, script):
    script.texts.append("Pages 4 à 6 copiées d'un mémoire en ligne.")
    select(workspace, PLAGIARISM).annul_button.click()
    index = shown_ids(workspace).index(PLAGIARISM)
    assert workspace.proxy.index(index, COLUMN["status"]).data() == "annulled (plagiarism)"
    assert workspace.proxy.index(index, COLUMN["validated"]).data() == "0"
    assert workspace.detail.lift_button.isEnabled()
    assert "Pages 4 à 6" in workspace.detail.facts.text()


def test_reversal_tables_show_the_harsh_evaluator(workspace):
    assert workspace.by_evaluator.rowCount() == 0  # computed when first looked at
    workspace.tabs.setCurrentIndex(1)
    model = workspace.by_evaluator
    first = [model.index(0, c).data() for c in range(model.columnCount())]
    assert first[0] == "Olivier Garnier" and first[4] == "3" and first[-1] == "rather harsh"
    assert workspace.by_item.rowCount() == 28


def test_charts_are_drawn(workspace):
    workspace.tabs.setCurrentWidget(workspace.charts)
    assert sum(workspace.charts.histogram.counts) == 9
    image = workspace.charts.histogram.grab().toImage()
    red = QColor(THRESHOLD).rgb()
    assert any(image.pixel(x, y) == red for x in range(0, image.width(), 2) for y in range(image.height()))
    assert workspace.charts.items.rates.examined == 9
    assert workspace.charts.items.rates.items["B1.1"] == pytest.approx(8 / 9)  # withdrawn from C2017-004 only


def test_the_sheets_facts_are_shown_and_a_fraud_report_is_flagged(workspace):
    """Issue 11 §4: the check-in, the timing and the incidents as the signed sheet states them."""
    detail = select(workspace, PLAGIARISM)
    index = shown_ids(workspace).index(PLAGIARISM)
    assert "plagiarism reported" in workspace.proxy.index(index, COLUMN["flags"]).data()
    assert workspace.proxy.index(index, COLUMN["flags"]).data(Qt.ItemDataRole.ForegroundRole) == QColor(
        "#c62828"
    )
    text = detail.facts.text()
    assert "Checked in at 12/06/2017" in text
    assert "Fraud or plagiarism reported at " in text and "Pages 4 à 6 copiées d'un mémoire en ligne." in text


def test_data_changed_since_the_sheet_are_shown_and_the_president_chooses(workspace, heard_db, script):
    """B1.1, withdrawn at the oral, is found acquired in 2016 after the sheet was signed: both proposals shown,
    the president decides on today's data."""
    from c2i2e_jury.storage.certification_models import CertificationDecision
    from c2i2e_jury.storage.models import PriorItem
    from tests.services.review_factory import demo_ids

    pk = demo_ids(heard_db)["C2017-004"]
    with heard_db.session() as s:
        s.add(PriorItem(candidate_pk=pk, item="B1.1", year=2016, copy_deposited=True, original_received=True))
    workspace.reload()
    index = shown_ids(workspace).index("C2017-004")
    assert "data changed since the sheet" in workspace.proxy.index(index, COLUMN["flags"]).data()
    detail = select(workspace, "C2017-004")
    assert (
        "Data changed since the sheet: the sheet proposes a partial attestation (22/28), today's data give the "
        "certificate (23/28)"
    ) in detail.facts.text()
    assert detail.deliver_button.isEnabled() and detail.attestation_button.isEnabled()
    script.choices.append("Today's data")
    detail.deliver_button.click()
    asked = script.said("choose")
    assert asked == [
        "The signed sheet proposes a partial attestation (22/28); today's data give the certificate "
        "(23/28). Which do you decide on?"
    ]
    with heard_db.read() as s:
        decision = s.query(CertificationDecision).filter_by(candidate_pk=pk).one()
        assert (decision.kind, decision.basis, decision.sheet_proposal) == (
            "certificate",
            "current",
            "attestation",
        )


def test_the_decider_is_the_designated_president_not_the_login(workspace, heard_db, monkeypatch):
    """Issue 12 §2: « Décision prise par » names the president the package designates, and the database records
    that name whatever the computer's login."""
    from c2i2e_jury.storage.certification_models import CertificationDecision
    from tests.services.review_factory import demo_ids

    monkeypatch.setenv("USER", "jdupont")
    monkeypatch.setenv("LOGNAME", "jdupont")
    detail = select(workspace, "C2017-004")
    assert detail.operator.text() == "Hélène Présidente"
    detail.attestation_button.click()
    with heard_db.read() as s:
        decision = (
            s.query(CertificationDecision).filter_by(candidate_pk=demo_ids(heard_db)["C2017-004"]).one()
        )
        assert decision.decided_by == "Hélène Présidente"
    assert "by Hélène Présidente" in detail.facts.text()


TO_EXAMINE = {"C2017-002", "C2017-003", "C2017-004", "C2017-005", "C2017-006", "C2017-009"}


def badge_drawn(workspace, candidate_id) -> bool:
    """Whether the amber « À examiner » pill is painted in the candidate's name cell."""
    index = workspace.proxy.index(shown_ids(workspace).index(candidate_id), COLUMN["name"])
    workspace.table.scrollTo(index)
    rect = workspace.table.visualRect(index)
    image = workspace.table.viewport().grab().toImage()
    amber = BADGE.rgb()
    return any(
        image.pixel(x, y) == amber
        for x in range(rect.left(), rect.right())
        for y in range(rect.top(), rect.bottom(), 2)
    )


def test_cases_to_examine_come_first_with_a_visible_marker(qtbot, workspace):
    """Issue 12 §1: the flagged cases not yet settled carry « À examiner » beside the name and open the table."""
    ids = shown_ids(workspace)
    assert set(ids[: len(TO_EXAMINE)]) == TO_EXAMINE and ids[0] == "C2017-004"  # the most flags first
    assert workspace.table.horizontalHeader().sortIndicatorSection() == COLUMN["flags"]
    names = [workspace.proxy.index(r, COLUMN["name"]) for r in range(len(ids))]
    assert [bool(n.data(EXAMINE_ROLE)) for n in names] == [i in TO_EXAMINE for i in ids]
    assert names[0].data(EXAMINE_ROLE) == "To examine"
    assert names[0].data(Qt.ItemDataRole.ToolTipRole) == "To examine: borderline, jury reversed"
    assert badge_drawn(workspace, "C2017-004") and not badge_drawn(workspace, "C2017-001")
    workspace.table.sortByColumn(COLUMN["id"], Qt.SortOrder.AscendingOrder)  # still sortable
    assert shown_ids(workspace) == sorted(ids) and badge_drawn(workspace, "C2017-004")
    workspace.filter.setCurrentIndex(workspace.filter.findData("to_examine"))
    assert set(shown_ids(workspace)) == TO_EXAMINE
    select(workspace, "C2017-004").attestation_button.click()  # settled: no longer to examine
    assert "C2017-004" not in shown_ids(workspace)
    workspace.filter.setCurrentIndex(workspace.filter.findData("all"))
    assert not badge_drawn(workspace, "C2017-004")
