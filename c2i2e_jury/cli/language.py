"""The command line speaks the interface's language: French unless ``--lang en`` or ``C2I2E_LANG=en`` says
otherwise, as the application does, and ``--help`` with it, argparse's own words included (« utilisation : »,
« options », « afficher cette aide et quitter »).

argparse asks :func:`gettext.gettext` for its words through its module's ``_`` and ``ngettext``; in French
they are pointed at :mod:`c2i2e_jury.cli.french` (a missing word falls back to gettext), and the program's
help texts, written in English in each command's module, are replaced in the parser once it is built.
"""

from __future__ import annotations

import argparse
import gettext
import os
from collections.abc import Sequence

from c2i2e_jury.cli.french import ARGPARSE, ARGPARSE_PLURALS, HELP

LANGUAGES = ("fr", "en")


def language_of(argv: Sequence[str]) -> str:
    """The language asked before parsing (argparse's errors need it too): ``--lang``, ``$C2I2E_LANG``, French."""
    asked = os.environ.get("C2I2E_LANG", "")
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(argv):
            asked = argv[i + 1]
        elif arg.startswith("--lang="):
            asked = arg.partition("=")[2]
    return asked if asked in LANGUAGES else "fr"


def _french(message: str) -> str:
    return ARGPARSE.get(message) or gettext.gettext(message)


def _french_plural(singular: str, plural: str, n: int) -> str:
    forms = ARGPARSE_PLURALS.get((singular, plural))
    if forms is None:
        return gettext.ngettext(singular, plural, n)
    return forms[0] if n <= 1 else forms[1]


def use(language: str) -> None:
    """argparse's words in ``language`` from now on, in this process."""
    french = language == "fr"
    argparse._ = _french if french else gettext.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _french_plural if french else gettext.ngettext  # type: ignore[attr-defined]


def translate(parser: argparse.ArgumentParser) -> None:
    """The program's help texts of ``parser`` and of every subcommand, in French (the headings are argparse's)."""
    for each in _parsers(parser):
        each.description = _help(each.description)
        for action in each._actions:
            action.help = _help(action.help)
            if isinstance(action, argparse._SubParsersAction):
                for choice in action._choices_actions:
                    choice.help = _help(choice.help)


def _help(text: str | None) -> str | None:
    return (HELP.get(text) or ARGPARSE.get(text) or text) if text else text


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``parser`` and every parser below it, once each (an alias names the same parser twice)."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found.extend(p for p in _parsers(sub) if p not in found)
    return found
