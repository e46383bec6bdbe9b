"""The code cites the repository's documents by section (``docs/FORMATS.md §2.2``): every citation names a file
that exists and a numbered heading it has, so that a reader who follows one finds what it promises."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CITATION = re.compile(r"(docs/[A-Za-z_]+\.md)((?:,?\s*§\d+(?:\.\d+)?(?:-§\d+(?:\.\d+)?)?)*)")
SECTION = re.compile(r"§(\d+(?:\.\d+)?)")
HEADING = re.compile(r"^#{2,3} (\d+(?:\.\d+)?)\.? ", re.MULTILINE)


def citations() -> list[tuple[str, str, str]]:
    """(where, document, section) for every section cited in the code, the tests and the benchmarks."""
    found = []
    for folder in ("c2i2e_jury", "tests", "benchmarks", "database"):
        for path in sorted((REPO / folder).rglob("*.py")):
            text = path.read_text(encoding="utf-8")
            for match in CITATION.finditer(text.replace("\n", " ")):
                where = f"{path.relative_to(REPO)}"
                found += [(where, match.group(1), section) for section in SECTION.findall(match.group(2))]
                if not match.group(2):
                    found.append((where, match.group(1), ""))
    return found


def test_every_cited_section_exists() -> None:
    found = citations()
    assert found, "no citation found: the pattern no longer matches how the code cites docs/"
    missing = []
    for where, document, section in found:
        path = REPO / document
        if not path.is_file():
            missing.append(f"{where}: {document} does not exist")
            continue
        if section and section not in HEADING.findall(path.read_text(encoding="utf-8")):
            missing.append(f"{where}: {document} has no section {section}")
    assert not missing, "\n".join(missing)
