"""Every boundary of the certification rules (seed: Délivrance, Règles, Cas des candidats ayant déjà validé)."""

import pytest

from c2i2e_jury.domain.rules import Attendance, Mark, PriorValidation, Situation, Status, evaluate

V, NV = Mark.VALIDATED, Mark.NOT_VALIDATED


def decisions(referential, not_validated=(), undecided=()):
    out = {}
    for code in referential.codes:
        if code in undecided:
            continue
        out[code] = NV if code in not_validated else V
    return out


def present(referential, **kw):
    return Situation(attendance=Attendance.PRESENT, decisions=decisions(referential, **kw))


def test_all_validated_gives_the_certificate(referential):
    out = evaluate(referential, present(referential))
    assert out.status is Status.EXAMINED
    assert out.validated_count == 28
    assert out.certificate
    assert out.explanation.startswith("Certificat proposé : 28 compétences validées sur 28")


@pytest.mark.parametrize(
    ("misses", "certificate"),
    [
        # 23 validated, at most 2 per domain: certificate
        (("A1.1", "A1.2", "A2.1", "A3.1", "B1.1"), True),
        # 22 validated, at most 2 per domain: no certificate
        (("A1.1", "A1.2", "A2.1", "A3.1", "B1.1", "B2.1"), False),
        # 25 validated but 3 missing in A1: no certificate
        (("A1.1", "A1.2", "A1.3"), False),
        # exactly 2 missing in a domain of 3 items (A2): allowed
        (("A2.1", "A2.2"), True),
        # 3 missing in B4 (all of it): no
        (("B4.1", "B4.2", "B4.3"), False),
    ],
)
def test_23_of_28_and_at_most_2_per_domain(referential, misses, certificate):
    out = evaluate(referential, present(referential, not_validated=misses))
    assert out.validated_count == 28 - len(misses)
    assert out.certificate is certificate
    assert sum(out.missing_by_domain.values()) == len(misses)


def test_explanation_names_the_domain_over_its_limit(referential):
    out = evaluate(referential, present(referential, not_validated=("A3.1", "A3.2", "A3.3")))
    assert "Domaine A3 : 3 compétences non validées, 2 au plus" in out.explanation
    assert out.explanation.startswith("Certificat non proposé")
    assert out.missing_by_domain["A3"] == 3


def test_explanation_names_the_count_below_23(referential):
    out = evaluate(
        referential, present(referential, not_validated=("A1.1", "A2.1", "A3.1", "B1.1", "B2.1", "B3.1"))
    )
    assert "22 compétences validées sur 28, 23 au moins" in out.explanation
    assert "Domaine" not in out.explanation


def test_undecided_items_keep_the_oral_in_progress(referential):
    out = evaluate(referential, present(referential, undecided=("B4.3",)))
    assert out.status is Status.IN_PROGRESS
    assert out.undecided == ("B4.3",)
    assert not out.certificate
    assert "1 compétence non décidée" in out.explanation


def test_prior_items_count_only_with_both_conditions(referential):
    both = PriorValidation("A1.1", 2016, copy_deposited=True, original_received=True)
    copy_only = PriorValidation("A1.2", 2016, copy_deposited=True, original_received=False)
    original_only = PriorValidation("A1.3", 2016, copy_deposited=False, original_received=True)
    misses = ("A1.1", "A1.2", "A1.3")  # the jury's decisions on these do not matter for A1.1
    situation = Situation(
        attendance=Attendance.PRESENT,
        prior=(both, copy_only, original_only),
        decisions=decisions(referential, not_validated=misses),
    )
    out = evaluate(referential, situation)
    assert out.acquired == ("A1.1",)
    assert "A1.1" in out.validated and "A1.2" not in out.validated and "A1.3" not in out.validated
    assert out.missing_by_domain["A1"] == 2
    assert out.certificate


def test_prior_item_counts_even_when_undecided_by_the_jury(referential):
    prior = (PriorValidation("B4.3", 2015, True, True),)
    situation = Situation(
        attendance=Attendance.PRESENT, prior=prior, decisions=decisions(referential, undecided=("B4.3",))
    )
    out = evaluate(referential, situation)
    assert out.status is Status.EXAMINED
    assert out.validated_count == 28


def test_absence_validates_nothing(referential):
    prior = (PriorValidation("A1.1", 2016, True, True),)
    situation = Situation(attendance=Attendance.ABSENT, prior=prior, decisions=decisions(referential))
    out = evaluate(referential, situation)
    assert out.status is Status.ABSENT
    assert out.validated_count == 0
    assert not out.certificate
    assert sum(out.missing_by_domain.values()) == 28
    assert "Absent" in out.explanation


def test_plagiarism_annuls_the_dossier(referential):
    situation = Situation(attendance=Attendance.PRESENT, annulled=True, decisions=decisions(referential))
    out = evaluate(referential, situation)
    assert out.status is Status.ANNULLED
    assert out.validated_count == 0
    assert not out.certificate
    assert "plagiat" in out.explanation


@pytest.mark.parametrize(
    ("deposited", "rework", "reason"),
    [(False, False, "dossier non déposé"), (True, True, "re-travail"), (False, True, "dossier non déposé")],
)
def test_non_admitted_candidates_validate_nothing(referential, deposited, rework, reason):
    situation = Situation(
        deposited=deposited,
        rework_pending=rework,
        attendance=Attendance.PRESENT,
        decisions=decisions(referential),
    )
    out = evaluate(referential, situation)
    assert out.status is Status.NOT_ADMITTED
    assert out.validated_count == 0
    assert reason in out.explanation
    assert not situation.admitted


def test_awaiting_oral_counts_only_prior_items(referential):
    prior = (PriorValidation("A2.1", 2016, True, True),)
    out = evaluate(referential, Situation(prior=prior, decisions=decisions(referential)))
    assert out.status is Status.AWAITING
    assert out.validated == ("A2.1",)
    assert not out.certificate
    assert out.explanation.startswith("En attente : Épreuve orale non encore passée")


@pytest.mark.parametrize(
    ("evaluator", "decision", "required"),
    [(V, V, False), (NV, NV, False), (V, NV, True), (NV, V, True), (None, V, False), (V, None, False)],
)
def test_a_decision_against_the_evaluator_needs_a_justification(evaluator, decision, required):
    from c2i2e_jury.domain.rules import needs_justification

    assert needs_justification(evaluator, decision) is required


def test_in_progress_names_only_domains_already_lost(referential):
    # B2: 3 decided NV (lost); B3: 5 undecided (not yet lost).
    out = evaluate(
        referential,
        present(
            referential,
            not_validated=("B2.1", "B2.2", "B2.3"),
            undecided=("B3.1", "B3.2", "B3.3", "B3.4", "B3.5"),
        ),
    )
    assert out.status is Status.IN_PROGRESS
    assert "Domaine B2 : 3 compétences non validées, 2 au plus" in out.explanation
    assert "Domaine B3" not in out.explanation
    assert out.missing_by_domain["B3"] == 5  # the figures still count every item not validated
