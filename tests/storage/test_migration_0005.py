"""Migration 0005 (the signed sheet's facts beside it) on a real database made at 0003 with stored sheets and a
certification decision in it: the facts are read from each sheet's JSON, as the program reads them today."""

from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy import select, text

from c2i2e_jury.exchange.result_json import prior_items, validated_items
from c2i2e_jury.storage import database as dbmod
from c2i2e_jury.storage.certification_models import CertificationDecision
from c2i2e_jury.storage.database import create_db_engine, open_database, resolve_url
from c2i2e_jury.storage.models import ResultSheet
from tests.exchange.result_examples import example_result

SHEETS = sa.table(
    "result_sheet",
    sa.column("candidate_pk", sa.Integer()),
    sa.column("version", sa.Integer()),
    sa.column("supersedes", sa.Integer()),
    sa.column("sha256", sa.String()),
    sa.column("pdf", sa.LargeBinary()),
    sa.column("result", sa.JSON()),
    sa.column("signed_at", sa.DateTime()),
    sa.column("stored_at", sa.DateTime()),
    sa.column("reopen_reason", sa.Text()),
)
WHEN = datetime(2017, 6, 12, 12, 40)


def _fill_at_0003(url: str, results: list[dict]) -> None:
    engine = create_db_engine(resolve_url(url))
    dbmod.upgrade(engine, "0003")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO campaign (id, title, year, deposit_opens, deposit_closes, orals_from, orals_to,"
                " presentation_minutes, discussion_minutes, package_sha256, imported_at) VALUES"
                " ('c17', 'Campagne 2017', 2017, '2017-05-10', '2017-05-17', '2017-06-12', '2017-07-07', 10, 20,"
                " 'x', '2017-05-01 00:00:00')"
            )
        )
        for pk in (7, 8):
            conn.execute(
                text(
                    "INSERT INTO candidate (pk, campaign_id, candidate_id, last_name, first_name, email, deposited,"
                    " rework_pending, oral_time, room, jury, evaluator, extra_time_percent, annulled,"
                    " annulment_reason) VALUES (:pk, 'c17', :cid, 'Lefèvre', 'Élodie', '', :t, :f, '08:30', 'B112',"
                    " 'J1', '', 0, :f, '')"
                ),
                {"pk": pk, "cid": f"C{pk}", "t": True, "f": False},
            )
        for pk, result in zip((7, 8), results, strict=True):
            conn.execute(
                SHEETS.insert().values(
                    candidate_pk=pk,
                    version=1,
                    supersedes=None,
                    sha256=f"{pk:064d}",
                    pdf=b"%PDF",
                    result=result,
                    signed_at=WHEN,
                    stored_at=WHEN,
                    reopen_reason="",
                )
            )
        conn.execute(
            text(
                "INSERT INTO certification_decision (candidate_pk, kind, reason, validated, decided_at, decided_by)"
                " VALUES (7, 'attestation', '', 'A1.1', '2017-07-10 09:00:00', 'Présidente')"
            )
        )
    engine.dispose()


def test_a_0003_database_gets_each_sheets_facts(db_url, referential):
    examined, absent = example_result(referential), example_result(referential, status="absent")
    _fill_at_0003(db_url, [examined, absent])
    db = open_database(db_url)
    try:
        assert dbmod.current_revision(db.engine) == dbmod.SCHEMA_HEAD
        with db.read() as s:
            facts = {
                pk: (status, prior, held)
                for pk, status, prior, held in s.execute(
                    select(
                        ResultSheet.candidate_pk,
                        ResultSheet.status,
                        ResultSheet.prior_items,
                        ResultSheet.validated_items,
                    ).order_by(ResultSheet.candidate_pk)
                )
            }
            decision = s.scalars(select(CertificationDecision)).one()
            assert (decision.sheet_version, decision.sheet_proposal, decision.basis) == (None, "", "sheet")
            assert decision.decided_at == datetime(2017, 7, 10, 9, 0, tzinfo=UTC)
    finally:
        db.dispose()
    assert facts[7] == (
        "examined",
        ",".join(prior_items(examined)),
        ",".join(validated_items(examined, referential)),
    )
    assert facts[7][1] == "A1.1,A1.2" and len(facts[7][2].split(",")) == 24
    assert facts[8] == ("absent", "A1.1,A1.2", "")
