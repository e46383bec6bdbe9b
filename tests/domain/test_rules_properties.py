"""The certification rules (cahier des charges 2016-2017: 23 items of 28 at least, no more than 3 missing in a
domain, earlier validations that count only with both copies) as properties over any decisions and any earlier
validations, drawn by hypothesis: what the table tests of test_rules.py show on chosen cases, for all."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from c2i2e_jury.domain.rules import Attendance, Mark, PriorValidation, Situation, Status, evaluate
from c2i2e_jury.resources_access import referential
from tests.property_budget import property_settings

REFERENTIAL = referential()
CODES = REFERENTIAL.codes
# No wall-clock deadline (a loaded machine is not a failure) and no example database written into the repository.
PROPERTY = property_settings(max_examples=200)  # no wall-clock deadline, nothing written

decisions = st.dictionaries(
    st.sampled_from(CODES), st.sampled_from([Mark.VALIDATED, Mark.NOT_VALIDATED, None])
)
prior = st.lists(
    st.builds(
        PriorValidation,
        st.sampled_from(CODES),
        st.none() | st.integers(2010, 2017),
        st.booleans(),
        st.booleans(),
    ),
    max_size=6,
).map(tuple)


@PROPERTY
@given(decisions, prior)
def test_the_certificate_is_exactly_the_seed_s_rule(chosen, earlier):
    outcome = evaluate(REFERENTIAL, Situation(attendance=Attendance.PRESENT, decisions=chosen, prior=earlier))
    counted = {p.item for p in earlier if p.copy_deposited and p.original_received}
    validated = {c for c in CODES if chosen.get(c) is Mark.VALIDATED} | counted
    undecided = {c for c in CODES if chosen.get(c) is None and c not in counted}
    missing = {d.code: sum(c not in validated for c in d.items) for d in REFERENTIAL.domains}
    assert set(outcome.validated) == validated and set(outcome.undecided) == undecided
    assert dict(outcome.missing_by_domain) == missing
    assert outcome.certificate == (
        not undecided
        and len(validated) >= REFERENTIAL.min_validated
        and max(missing.values()) <= REFERENTIAL.max_missing_per_domain
    )
    assert outcome.status is (Status.IN_PROGRESS if undecided else Status.EXAMINED)


@PROPERTY
@given(decisions, prior, st.sampled_from(CODES))
def test_validating_one_more_item_never_takes_a_certificate_away(chosen, earlier, code):
    before = evaluate(REFERENTIAL, Situation(attendance=Attendance.PRESENT, decisions=chosen, prior=earlier))
    after = evaluate(
        REFERENTIAL,
        Situation(attendance=Attendance.PRESENT, decisions={**chosen, code: Mark.VALIDATED}, prior=earlier),
    )
    assert after.certificate or not before.certificate
    assert set(before.validated) <= set(after.validated)


@PROPERTY
@given(decisions, prior, st.sampled_from(["not deposited", "rework", "absent", "annulled"]))
def test_a_candidate_not_examined_keeps_only_earlier_items(chosen, earlier, why):
    situation = Situation(
        deposited=why != "not deposited",
        rework_pending=why == "rework",
        attendance=Attendance.ABSENT if why == "absent" else Attendance.PRESENT,
        annulled=why == "annulled",
        decisions=chosen,
        prior=earlier,
    )
    outcome = evaluate(REFERENTIAL, situation)
    counted = {p.item for p in earlier if p.copy_deposited and p.original_received}
    assert not outcome.certificate and set(outcome.validated) <= counted
    assert outcome.acquired == tuple(c for c in CODES if c in counted)
