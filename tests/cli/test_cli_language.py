"""Issue 12: ``c2i2e-jury --help`` speaks the interface's language. French by default (as the application),
argparse's own words included (« utilisation : », « options : », « afficher cette aide et quitter ») and its
usage errors; English with ``--lang en`` or ``C2I2E_LANG=en``. Every help text of every subcommand has its
French: a new option cannot stay English in a French ``--help``."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from c2i2e_jury.cli import build_parser, main
from c2i2e_jury.cli import language as languages
from c2i2e_jury.cli.french import ARGPARSE, HELP

REPO = Path(__file__).resolve().parents[2]
ENGLISH_WORDS = ("usage:", "options:", "show this help message and exit", "positional arguments")


@pytest.fixture(autouse=True)
def _english_afterwards(monkeypatch):
    """No language asked by the surroundings; argparse given back its English for the tests that follow."""
    monkeypatch.delenv("C2I2E_LANG", raising=False)
    yield
    languages.use("en")


def help_of(capsys, *args: str) -> str:
    with pytest.raises(SystemExit) as stop:
        main([*args, "--help"])
    assert stop.value.code == 0
    return capsys.readouterr().out


def test_help_is_french_by_default_argparse_words_included(capsys):
    out = help_of(capsys)
    assert out.startswith("utilisation : c2i2e-jury [-h]")
    for words in (
        "arguments positionnels\u00a0:",
        "options\u00a0:",
        "-h, --help      afficher cette aide et quitter",
        "afficher la version du programme et quitter",
        "Espace de travail des jurys du C2i2e. Sans commande, ouvre l'application.",
        "fiches de résultats signées",
    ):
        assert words in out, words
    assert not [words for words in ENGLISH_WORDS if words in out]


def test_every_subcommand_help_is_french(capsys):
    for command in (
        ("sheet",),
        ("sheet", "verify"),
        ("certificate", "pv"),
        ("summary",),
        ("dossier", "check"),
    ):
        out = help_of(capsys, *command)
        assert out.startswith(f"utilisation : c2i2e-jury {' '.join(command)}"), out
        assert "afficher cette aide et quitter" in out
        assert not [words for words in ENGLISH_WORDS if words in out], command
    assert "Vérifier une fiche de résultats signée" in help_of(capsys, "sheet", "verify")


def test_english_when_asked_by_option_or_environment(capsys, monkeypatch):
    out = help_of(capsys, "--lang", "en")
    assert out.startswith("usage: c2i2e-jury") and "show this help message and exit" in out
    assert "C2i2e jury workspace." in out
    monkeypatch.setenv("C2I2E_LANG", "en")
    assert help_of(capsys, "sheet").startswith("usage: c2i2e-jury sheet")
    assert help_of(capsys, "--lang=fr", "sheet").startswith("utilisation : c2i2e-jury sheet")


def test_a_usage_error_is_french_too(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["--lang", "de"])
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert "c2i2e-jury : erreur : argument --lang : choix invalide : 'de' (au choix : 'fr', 'en')" in err
    with pytest.raises(SystemExit):
        main(["sheet", "verify"])
    assert "erreur : arguments obligatoires manquants : SHEET" in capsys.readouterr().err


def test_every_help_text_of_the_parser_has_its_french():
    english = build_parser("en")
    texts = [t for p in languages._parsers(english) for t in _texts(p)]
    assert len(texts) > 80
    missing = [t for t in texts if t not in HELP and t not in ARGPARSE]
    assert missing == []
    french = build_parser("fr")
    assert not set(texts) & {t for p in languages._parsers(french) for t in _texts(p)}


def _texts(parser: argparse.ArgumentParser) -> list[str]:
    found = [parser.description] if parser.description else []
    for action in parser._actions:
        found += [action.help] if action.help else []
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions if choice.help]
    return found


def test_the_program_itself_answers_in_french():
    env = {k: v for k, v in os.environ.items() if k != "C2I2E_LANG"}
    result = subprocess.run(
        [sys.executable, "-m", "c2i2e_jury", "--help"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0 and result.stdout.startswith("utilisation : c2i2e-jury")
    assert "afficher cette aide et quitter" in result.stdout
