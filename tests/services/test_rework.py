"""The seed's rework rule at its boundaries (« Démarche de certification », 3: « Cette procédure ne pourra pas être
répétée »): one request per candidate and campaign, a second refused on the evaluator's machine and at the
secretariat, the request's sentences from the format report, the redeposit once (both dossiers kept, the format
report run again), and :func:`rework_state` as the admission list reads it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from c2i2e_jury import cli
from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.services.admission import ReworkState as AdmissionRework
from c2i2e_jury.services.admission import progress, recorded_rework_states
from c2i2e_jury.services.campaign_import import import_package
from c2i2e_jury.services.evaluation import (
    EvaluationError,
    proposed_requirements,
    request_rework,
    rework_request_of,
)
from c2i2e_jury.services.evaluator_kits import export_evaluator_kits
from c2i2e_jury.services.marks_export import export_signed_marks
from c2i2e_jury.services.marks_import import import_marks
from c2i2e_jury.services.rework import ReworkError, redeposit, rework_state
from c2i2e_jury.storage.database import open_database
from c2i2e_jury.storage.dossier_store import DossierStore
from c2i2e_jury.storage.evaluation_models import ReworkRequest
from c2i2e_jury.storage.models import Candidate
from tests.dossier.factory import DossierSpec, build_dossier
from tests.services.evaluation_factory import (
    CAMPAIGN,
    MARTIN,
    SIGNED,
    evaluation_package,
    make_evaluation_pki,
)
from tests.services.test_evaluation_flow import mark_everything, pk_of

ASKED = datetime(2017, 5, 18, 9, 30, tzinfo=UTC)


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    return make_evaluation_pki(tmp_path_factory.mktemp("pki"))


@pytest.fixture
def campaign(database, epki, tmp_path):
    store = DossierStore()  # the data folder's, the one the command line reads too
    import_package(database, evaluation_package(tmp_path / "package", epki), store)
    return database, store


def test_the_request_lists_the_failed_requirements_in_sentences_a_candidate_reads(campaign):
    db, store = campaign
    with db.read() as session:
        sha = session.scalar(select(Candidate).where(Candidate.candidate_id == "C1")).dossier.sha256
    report = check_dossier(store.path(sha)).report
    sentences = proposed_requirements(report)
    assert len(sentences) == len(report.failures) > 0
    assert any(
        s.startswith("Votre nom et votre prénom doivent figurer en première page (") for s in sentences
    )
    assert all(s.endswith(".") for s in sentences)


def test_one_request_per_candidate_a_second_is_refused_and_changes_nothing(campaign):
    db, _store = campaign
    c1 = pk_of(db, "C1")
    first = request_rework(
        db, c1, ["Le dossier doit compter de 10 à 20 pages.", "  "], MARTIN, now=ASKED, store=_store
    )
    assert first.requirements == ["Le dossier doit compter de 10 à 20 pages."]
    with pytest.raises(EvaluationError, match="ne peut pas être répétée"):
        request_rework(db, c1, ["Autre chose."], MARTIN, now=ASKED + timedelta(days=1), store=_store)
    stored = rework_request_of(db, c1)
    assert (stored.requested_at, stored.requirements) == (
        ASKED,
        ["Le dossier doit compter de 10 à 20 pages."],
    )
    with db.read() as session:
        assert session.get(Candidate, c1).rework_pending is True
        assert len(session.scalars(select(ReworkRequest)).all()) == 1


def test_a_request_needs_a_sentence_and_a_dossier(campaign):
    db, _store = campaign
    with pytest.raises(EvaluationError, match="ce qui ne respecte pas le format"):
        request_rework(db, pk_of(db, "C1"), ["", "   "], MARTIN, store=_store)
    with pytest.raises(EvaluationError, match="n'a pas déposé de dossier"):
        request_rework(
            db, pk_of(db, "C3"), ["Le dossier doit compter de 10 à 20 pages."], MARTIN, store=_store
        )
    assert rework_state(db, CAMPAIGN) == {}


def test_the_redeposit_replaces_the_dossier_keeps_both_and_runs_the_report_once(campaign, tmp_path):
    db, store = campaign
    with pytest.raises(ReworkError, match="Aucune demande de re-travail"):
        redeposit(db, CAMPAIGN, "C1", tmp_path / "x.pdf", store)
    request_rework(
        db, pk_of(db, "C1"), ["Le dossier doit compter de 10 à 20 pages."], MARTIN, now=ASKED, store=store
    )
    state = rework_state(db, CAMPAIGN)["C1"]
    assert state.pending and state.requested_by == MARTIN
    assert recorded_rework_states(db, CAMPAIGN)["C1"] is AdmissionRework.PENDING  # the admission list's view
    reworked = tmp_path / "c1-v2.pdf"
    build_dossier(reworked, DossierSpec(last_name="Lefèvre", first_name="Élodie"))
    first_sha = rework_request_of(db, pk_of(db, "C1")).dossier_sha256
    done = redeposit(db, CAMPAIGN, "C1", reworked, store, now=ASKED + timedelta(days=3))
    assert done.conform, done.failures
    with db.read() as session:
        candidate = session.scalar(select(Candidate).where(Candidate.candidate_id == "C1"))
        assert candidate.dossier.sha256 == done.sha256 != first_sha
        assert candidate.rework_pending is False
    assert store.has(first_sha) and store.has(done.sha256)  # both kept
    state = rework_state(db, CAMPAIGN)["C1"]
    assert not state.pending and state.redeposit_conform is True
    assert recorded_rework_states(db, CAMPAIGN)["C1"] is AdmissionRework.REDEPOSITED
    assert {p.candidate_id: p.rework for p in progress(db, CAMPAIGN)}["C1"] is AdmissionRework.REDEPOSITED
    with pytest.raises(ReworkError, match="ne se répète pas"):
        redeposit(db, CAMPAIGN, "C1", reworked, store)


def test_a_second_request_arriving_in_signed_marks_is_refused_at_the_secretariat(campaign, epki, tmp_path):
    db, store = campaign
    kit = {k.evaluator: k for k in export_evaluator_kits(db, None, tmp_path / "kits", store)}[MARTIN]
    laptops = []
    for n in (
        1,
        2,
    ):  # two laptops of the same evaluator, each asking a rework of C1 (the rule across machines)
        laptop = open_database(f"sqlite:///{tmp_path / f'laptop{n}.sqlite'}")
        laptops.append(laptop)
        import_package(laptop, kit.folder, DossierStore(tmp_path / f"store{n}"))
        mark_everything(laptop, "C1")
        request_rework(
            laptop,
            pk_of(laptop, "C1"),
            [f"Exigence {n}."],
            MARTIN,
            now=ASKED + timedelta(hours=n),
            store=DossierStore(tmp_path / f"store{n}"),
        )
    try:
        first = export_signed_marks(laptops[0], CAMPAIGN, ["C1"], epki.martin, tmp_path / "a", now=SIGNED)
        again = export_signed_marks(
            laptops[0], CAMPAIGN, ["C1"], epki.martin, tmp_path / "b", now=SIGNED + timedelta(hours=1)
        )
        second = export_signed_marks(
            laptops[1], CAMPAIGN, ["C1"], epki.martin, tmp_path / "c", now=SIGNED + timedelta(hours=2)
        )
    finally:
        for laptop in laptops:
            laptop.dispose()
    assert [o.status for o in import_marks(db, [first[0].path])] == ["imported"]
    assert [o.status for o in import_marks(db, [again[0].path])] == ["imported"]  # the same request again
    (refused,) = import_marks(db, [second[0].path])
    assert (refused.status, refused.reason) == ("rejected", "second_rework")
    assert rework_state(db, CAMPAIGN)["C1"].requirements == ("Exigence 1.",)


def test_the_rework_commands(campaign, tmp_path, capsys):
    db, _store = campaign
    url = db.url
    assert cli.main(["--db", url, "rework", "state"]) == 0
    assert "Aucune demande de re-travail." in capsys.readouterr().out
    args = ["--db", url, "rework", "request", "C2", "--by", MARTIN, "--requirement", "Numérotez les pages."]
    assert cli.main(args) == 0
    assert cli.main(args) == 1
    assert "ne peut pas être répétée" in capsys.readouterr().err
    assert cli.main(["--db", url, "rework", "state"]) == 0
    assert "C2 : re-travail demandé le" in capsys.readouterr().out


def test_a_request_the_format_report_does_not_support_is_refused_and_writes_nothing(database, epki, tmp_path):
    """The seed allows the request « lorsque le dossier ne respecte pas les exigences de format général »: the
    service reads the stored dossier again, against the candidate it belongs to, whatever a screen showed."""
    package = evaluation_package(tmp_path / "package", epki)
    build_dossier(package / "dossiers" / "c2.pdf", DossierSpec(last_name="Dupont", first_name="François"))
    build_dossier(package / "dossiers" / "c1.pdf", DossierSpec(last_name="Dupont", first_name="François"))
    store = DossierStore(tmp_path / "store")
    import_package(database, package, store)
    with pytest.raises(
        EvaluationError, match="^Le dossier de DUPONT François respecte les exigences de format"
    ):
        request_rework(database, pk_of(database, "C2"), ["Numérotez les pages."], MARTIN, store=store)
    with pytest.raises(EvaluationError, match="n'est pas dans les données de ce poste"):
        request_rework(
            database, pk_of(database, "C1"), ["Autre chose."], MARTIN, store=DossierStore(tmp_path / "x")
        )
    assert rework_state(database, CAMPAIGN) == {}
    with database.read() as session:
        assert not any(c.rework_pending for c in session.scalars(select(Candidate)))
    # C1's file is a conform dossier, but Dupont's: read against Lefèvre Élodie, it is not hers to present.
    asked = request_rework(database, pk_of(database, "C1"), ["Votre nom en page 1."], MARTIN, store=store)
    assert rework_state(database, CAMPAIGN)["C1"].requirements == ("Votre nom en page 1.",)
    assert asked.dossier_sha256 == rework_request_of(database, pk_of(database, "C1")).dossier_sha256
