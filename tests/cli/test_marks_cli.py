"""The evaluator's time from the command line (issue 17), on real SQLite files with real keys: the secretariat
writes the evaluator kits, the evaluator's laptop imports its kit and signs the marks, the secretariat imports
the signed files (exit 1 and the reason when one is refused)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from c2i2e_jury import cli
from c2i2e_jury.resources_access import referential
from c2i2e_jury.services.evaluation import set_mark
from c2i2e_jury.storage.database import open_database
from tests.services.evaluation_factory import PASSPHRASE, evaluation_package, make_evaluation_pki
from tests.services.test_evaluation_flow import pk_of


@pytest.fixture(scope="module")
def epki(tmp_path_factory):
    return make_evaluation_pki(tmp_path_factory.mktemp("pki"), datetime.now(UTC))  # the command signs now


def test_kits_sign_import_from_the_command_line(tmp_path, epki, capsys, monkeypatch):
    secretariat, laptop = str(tmp_path / "secretariat.sqlite"), str(tmp_path / "martin.sqlite")
    package = evaluation_package(tmp_path / "package", epki)
    assert cli.main(["--db", secretariat, "campaign", "import", str(package)]) == 0
    assert (
        cli.main(["--db", secretariat, "campaign", "kits", str(tmp_path / "kits"), "--evaluators", "--zip"])
        == 0
    )
    out = capsys.readouterr().out
    assert "M. Martin : " in out and "(2 candidats, 2 dossiers), archive evaluateur-m-martin.zip" in out
    assert "Mme Durand : " in out and "(1 candidats, 0 dossiers)" in out

    assert (
        cli.main(["--db", laptop, "campaign", "import", str(tmp_path / "kits" / "evaluateur-m-martin.zip")])
        == 0
    )
    db = open_database(laptop)
    try:
        for code in referential().codes:
            set_mark(db, pk_of(db, "C1"), code, "V", "")
    finally:
        db.dispose()
    monkeypatch.setenv("C2I2E_PASSPHRASE_1", PASSPHRASE)
    usb = tmp_path / "usb"
    sign = ["--db", laptop, "marks", "sign", str(usb), "--sign", str(epki.martin_p12), "--candidate", "C1"]
    assert cli.main(sign) == 0
    assert "C1" in capsys.readouterr().out
    wrong = ["--db", laptop, "marks", "sign", str(usb), "--sign", str(epki.durand_p12)]
    assert cli.main(wrong) == 1
    assert "n'est pas celui d'un évaluateur" in capsys.readouterr().err  # Durand is not in Martin's kit

    assert cli.main(["--db", secretariat, "marks", "import", str(usb)]) == 0
    out = capsys.readouterr().out
    assert ": imported [C1] — Notes signées par M. Martin importées" in out and out.strip().endswith(
        "1 importé(s)"
    )
    assert cli.main(["--db", secretariat, "marks", "import", str(usb), str(tmp_path / "absent.pdf")]) == 1
    out = capsys.readouterr().out
    assert ": duplicate" in out and "absent.pdf : rejected" in out
