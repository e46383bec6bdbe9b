"""Where the command line writes: a file where a folder is wanted, a path through a file, a room that does not
exist: one sentence, exit 1, nothing written, never a traceback."""

import shutil

from c2i2e_jury.cli import main
from tests.services.review_factory import demo_template_fixture  # noqa: F401


def test_the_demo_into_a_file_or_through_a_file_is_one_sentence(tmp_path, capsys):
    taken = tmp_path / "demo.txt"
    taken.write_text("x", encoding="utf-8")
    assert main(["campaign", "demo", str(taken)]) == 1
    assert capsys.readouterr().err == (
        f"c2i2e-jury: {taken} est un fichier, pas un dossier : choisissez un dossier vide ou nouveau.\n"
    )
    assert main(["campaign", "demo", str(taken / "demo")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(
        f"c2i2e-jury: Impossible d'écrire la campagne de démonstration dans {taken / 'demo'} : "
    )
    assert err.count("\n") == 1 and taken.read_text(encoding="utf-8") == "x"


def test_the_kits_into_a_file_is_one_sentence(demo_template, tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    taken = tmp_path / "kits.txt"
    taken.write_text("x", encoding="utf-8")
    assert main(["--db", str(path), "campaign", "kits", str(taken)]) == 1
    assert capsys.readouterr().err == (
        f"c2i2e-jury: {taken} est un fichier, pas un dossier : choisissez un dossier pour les kits.\n"
    )


def test_an_unknown_room_is_refused_before_anything_is_written(demo_template, tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    shutil.copyfile(demo_template, path)
    out = tmp_path / "export"
    assert main(["--db", str(path), "sheet", "export", str(out), "--room", "Nowhere"]) == 1
    assert capsys.readouterr().err == (
        "c2i2e-jury: Aucune salle « Nowhere » dans la campagne : rien n'a été exporté.\n"
    )
    assert not out.exists()
    assert main(["--db", str(path), "sheet", "export", str(out), "--room", "Salle B112"]) == 0
    assert (out / "index.csv").is_file()
