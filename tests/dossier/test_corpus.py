"""Every real PDF of the shared corpus (many producers) opens or is refused in one sentence: no crash, no freeze,
no traceback, no MuPDF chatter on the terminal."""

from __future__ import annotations

import faulthandler
import json
from pathlib import Path

import pytest

from c2i2e_jury.dossier.check import check_dossier
from c2i2e_jury.dossier.damage import DossierError, EncryptedError
from c2i2e_jury.dossier.document import open_dossier

# A hang guard, not a budget (the time each file takes is a row of benchmarks/bench_dossier.py): a freeze kills
# the run loudly instead of stalling CI; a loaded machine is far from it.
HANG_SECONDS = 600


def corpus_files(corpus_dir: Path) -> list[Path]:
    files = sorted(corpus_dir.glob("*.pdf"))
    assert len(files) >= 30
    return files


def encrypted_names(corpus_dir: Path) -> set[str]:
    data = json.loads((corpus_dir / "files.json").read_text(encoding="utf-8"))["data"]
    return {entry["path"].replace("/", "_") for entry in data if entry.get("encrypted")}


def exercise(path: Path) -> str:
    """What the viewer and the jury do with a file: every page's size, text, render; report, evidence, search."""
    with open_dossier(path) as dossier:
        sizes = [dossier.page_size(n) for n in range(1, dossier.page_count + 1)]
        assert all(w > 0 and h > 0 for w, h in sizes)
        dossier.outline()
        dossier.probe(render=True)
        dossier.render(1, scale=1.0)
        report = dossier.report()
        evidence = dossier.evidence()
        assert len(evidence.items) == 28
        dossier.search("the")
        dossier.search("é")
        return report.status


def test_every_corpus_file_opens_or_is_refused_cleanly(
    corpus_dir: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    encrypted = encrypted_names(corpus_dir)
    assert encrypted, "the corpus has a password-protected file"
    problems: list[str] = []
    outcomes: dict[str, str] = {}
    for path in corpus_files(corpus_dir):
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
        try:
            outcomes[path.name] = exercise(path)
        except EncryptedError:
            outcomes[path.name] = "encrypted"
        except DossierError as exc:
            outcomes[path.name] = f"refused: {exc.message}"
        finally:
            faulthandler.cancel_dump_traceback_later()
        if (path.name in encrypted) != (outcomes[path.name] == "encrypted"):
            problems.append(f"{path.name}: {outcomes[path.name]}")
    out, err = capfd.readouterr()
    assert problems == []
    assert (out, err) == ("", "")
    assert sum(1 for o in outcomes.values() if o in ("conform", "not_conform", "unreadable")) >= 28


def test_dossier_check_on_every_corpus_file(corpus_dir: Path, capfd: pytest.CaptureFixture[str]) -> None:
    encrypted = encrypted_names(corpus_dir)
    codes: dict[str, int] = {}
    for path in corpus_files(corpus_dir):
        faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
        try:
            result = check_dossier(path)
        finally:
            faulthandler.cancel_dump_traceback_later()
        codes[path.name] = result.exit_code
        json.dumps(result.to_json(), ensure_ascii=False)
        assert all(f.message for f in result.findings)
    assert {codes[name] for name in encrypted} == {2}
    assert set(codes.values()) <= {0, 1, 2}
    assert all(
        code == 1 for name, code in codes.items() if name not in encrypted and "unreadable" not in name
    ), "real files that are not dossiers are readable but not conform"
    assert capfd.readouterr() == ("", "")
