"""The outcome in words, composed by the interface: French word for word the rules engine's explanation (the text
the signed sheet records), English in an English interface."""

import random
import re

import pytest

from c2i2e_jury.domain.rules import (
    Attendance,
    Mark,
    NotAdmitted,
    PriorValidation,
    Situation,
    Status,
    evaluate,
    not_admitted_reason,
)
from c2i2e_jury.ui import i18n
from c2i2e_jury.ui.jury_room.outcome_widget import OutcomeWidget
from c2i2e_jury.ui.outcome_text import explanation_text, not_admitted_reason_text

V, NV = Mark.VALIDATED, Mark.NOT_VALIDATED
FRENCH_WORDS = re.compile(
    r"compétence|validée|Domaine|Certificat |épreuve|attente|Aucune|annulé|déposé|décidée|"
    r"au plus|au moins| sur "
)


@pytest.fixture
def english(qapp):
    i18n.install(qapp, "en")


def situations(referential):
    """One situation of each kind the explanation tells apart, by name."""
    codes = referential.codes
    every = dict.fromkeys(codes, V)
    a3_lost = {**every, **dict.fromkeys(("A3.1", "A3.2", "A3.3"), NV)}
    below = {**every, **dict.fromkeys(("A1.1", "A2.1", "A3.1", "B3.1", "B1.1", "B2.1"), NV)}
    pending = {code: mark for code, mark in a3_lost.items() if code not in codes[-11:]}  # 11 to decide
    return {
        "certificate": Situation(attendance=Attendance.PRESENT, decisions=every),
        "certificate at 23": Situation(
            attendance=Attendance.PRESENT,
            decisions={**every, **dict.fromkeys(("A1.1", "A2.1", "A3.1", "B3.1", "B1.1"), NV)},
        ),
        "partial, a domain lost": Situation(attendance=Attendance.PRESENT, decisions=a3_lost),
        "partial, below 23": Situation(attendance=Attendance.PRESENT, decisions=below),
        "pending, undecided items": Situation(attendance=Attendance.PRESENT, decisions=pending),
        "pending, one undecided": Situation(
            attendance=Attendance.PRESENT, decisions={c: V for c in codes if c != "B4.3"}
        ),
        "awaiting the oral": Situation(prior=(PriorValidation("A1.1", 2016, True, True),)),
        "not deposited": Situation(deposited=False),
        "rework pending": Situation(rework_pending=True),
        "absent": Situation(attendance=Attendance.ABSENT),
        "annulled": Situation(attendance=Attendance.PRESENT, annulled=True, decisions=every),
    }


def test_french_is_word_for_word_the_engines_explanation(referential, french):
    cases = situations(referential)
    for name, situation in cases.items():
        outcome = evaluate(referential, situation)
        assert explanation_text(referential, outcome) == outcome.explanation, name
    assert [evaluate(referential, s).certificate for s in cases.values()].count(True) == 2
    pending = evaluate(referential, cases["pending, undecided items"])
    assert pending.explanation == (
        "En attente : 11 compétences non décidées par le jury. 14 compétences validées sur 28. "
        "Domaine A3 : 3 compétences non validées, 2 au plus."
    )


def test_french_matches_the_engine_on_random_situations(referential, french):
    """Any mix of decisions, attendance and prior validations: the same sentence as the engine's."""
    rng = random.Random(2017)
    codes = referential.codes
    seen = set()
    for _ in range(400):
        open_rate, refusal_rate = rng.choice((0, 0, 0.05, 0.3)), rng.choice((0.05, 0.15, 0.3))
        decisions = {
            code: None if rng.random() < open_rate else NV if rng.random() < refusal_rate else V
            for code in codes
        }
        prior = tuple(PriorValidation(code, 2016, True, rng.random() < 0.8) for code in rng.sample(codes, 3))
        situation = Situation(
            attendance=rng.choice((Attendance.PRESENT, Attendance.PRESENT, Attendance.PENDING)),
            decisions={c: m for c, m in decisions.items() if m is not None},
            prior=prior,
        )
        outcome = evaluate(referential, situation)
        assert explanation_text(referential, outcome) == outcome.explanation
        seen.add((outcome.status, outcome.certificate, "Domaine" in outcome.explanation))
    assert seen >= {
        (Status.EXAMINED, True, False),
        (Status.EXAMINED, False, True),
        (Status.EXAMINED, False, False),
        (Status.IN_PROGRESS, False, True),
        (Status.IN_PROGRESS, False, False),
        (Status.AWAITING, False, False),
    }


def test_the_reason_for_not_admitting_is_structured_and_translated(referential, french):
    for situation, kind in (
        (Situation(deposited=False), NotAdmitted.NOT_DEPOSITED),
        (Situation(deposited=False, rework_pending=True), NotAdmitted.NOT_DEPOSITED),
        (Situation(rework_pending=True), NotAdmitted.REWORK_PENDING),
    ):
        outcome = evaluate(referential, situation)
        assert outcome.status is Status.NOT_ADMITTED and outcome.not_admitted is kind
        assert not_admitted_reason_text(kind) == not_admitted_reason(situation)
    assert evaluate(referential, Situation(attendance=Attendance.ABSENT)).not_admitted is None


def test_english_reads_english(referential, english):
    cases = situations(referential)
    for name, situation in cases.items():
        text = explanation_text(referential, evaluate(referential, situation))
        assert text and not FRENCH_WORDS.search(text), (name, text)
    pending = explanation_text(referential, evaluate(referential, cases["pending, undecided items"]))
    assert pending == (
        "Pending: 11 items not decided by the jury. 14 items validated out of 28. "
        "Domain A3: 3 items not validated, at most 2."
    )
    assert explanation_text(referential, evaluate(referential, cases["rework pending"])) == (
        "Not admitted to the oral: rework requested and still pending at the closing date. "
        "No item validated in this campaign."
    )
    assert explanation_text(referential, evaluate(referential, cases["partial, below 23"])).startswith(
        "Certificate not proposed: 22 items validated out of 28, at least 23 required"
    )


@pytest.mark.gui
def test_the_outcome_widget_speaks_the_interfaces_language(qtbot, qapp, referential):
    widget = OutcomeWidget(referential)
    qtbot.addWidget(widget)
    situation = situations(referential)["partial, a domain lost"]
    outcome = evaluate(referential, situation)
    i18n.install(qapp, "en")
    widget.show_outcome(outcome, dict(situation.decisions))
    assert widget.explanation.text() == (
        "Certificate not proposed: 25 items validated out of 28. Domain A3: 3 items not validated, at most 2."
    )
    try:
        i18n.install(qapp, "fr")
        widget.show_outcome(outcome, dict(situation.decisions))
        assert widget.explanation.text() == outcome.explanation
        assert widget.explanation.text().startswith(
            "Certificat non proposé : 25 compétences validées sur 28."
        )
    finally:
        i18n.install(qapp, "en")
