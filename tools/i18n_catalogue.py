"""Maintaining the French catalogue (a developer's tool: not shipped, not used at run time).

    python -m tools.i18n_catalogue [--add tools/i18n/PAIRS.txt ...]   # refresh the .ts files from the sources
    python -m tools.i18n_catalogue --check                            # exit 1 and list what is untranslated

``lupdate`` (shipped with PySide6) extracts every ``tr()`` / ``translate()`` string of ``c2i2e_jury/ui`` into
``resources/i18n/c2i2e_jury_fr.ts``, keeping the translations already there. A PAIRS file holds
``English source<TAB>French`` lines (``singulier|pluriel`` for ``%n`` strings); they fill the catalogue's
missing translations. The pairs written so far are kept in ``tools/i18n/``, one file per part of the interface.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

ROOT = Path(__file__).resolve().parent.parent
UI = ROOT / "c2i2e_jury" / "ui"
CATALOGUE = ROOT / "resources" / "i18n" / "c2i2e_jury_fr.ts"
ENGLISH = CATALOGUE.with_name("c2i2e_jury_en.ts")  # derived from the French one: the plurals only


def lupdate(target: Path) -> None:
    binary = Path(PySide6.__file__).parent / ("lupdate.exe" if sys.platform == "win32" else "lupdate")
    sources = sorted(str(p) for p in UI.rglob("*.py"))
    subprocess.run(
        [str(binary), "-silent", "-locations", "none", "-no-obsolete", *sources, "-ts", str(target)],
        check=True,
    )


def read_pairs(paths: list[Path]) -> dict[str, str]:
    pairs: dict[str, str] = {}
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if "\t" in line and not line.startswith("#"):
                source, french = line.split("\t", 1)
                pairs[source.replace("\\n", "\n")] = french.replace("\\n", "\n")
    return pairs


def fill(ts: Path, pairs: dict[str, str]) -> list[str]:
    """Fill missing translations from ``pairs``; returns the sources still untranslated."""
    tree = ET.parse(ts)
    missing: list[str] = []
    for message in tree.getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        plural = message.get("numerus") == "yes"
        forms = translation.findall("numerusform")
        done = translation.get("type") != "unfinished" and (
            all((f.text or "").strip() for f in forms) if plural else bool((translation.text or "").strip())
        )
        if done:
            continue
        french = pairs.get(source)
        if french is None:
            missing.append(source)
            continue
        if plural:
            for form in forms:
                translation.remove(form)
            for text in french.split("|"):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = french
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def english_plurals(french_ts: Path, target: Path) -> int:
    """The English catalogue: only the ``%n`` strings, singular and plural made from the source's « (s) »
    (« %n item(s) » -> « 1 item », « 3 items »); every other English string is its own source. Returns their
    count."""
    root = ET.Element("TS", version="2.1", language="en_GB")
    count = 0
    for context in ET.parse(french_ts).getroot().iter("context"):
        plurals = [m.findtext("source") or "" for m in context.iter("message") if m.get("numerus") == "yes"]
        if not plurals:
            continue
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context.findtext("name")
        for source in plurals:
            message = ET.SubElement(element, "message", numerus="yes")
            ET.SubElement(message, "source").text = source
            translation = ET.SubElement(message, "translation")
            for form in (source.replace("(s)", ""), source.replace("(s)", "s")):
                ET.SubElement(translation, "numerusform").text = form
            count += 1
    tree = ET.ElementTree(root)
    ET.indent(tree, space="    ")
    tree.write(target, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--add", type=Path, nargs="*", default=[], help="PAIRS files of new translations")
    parser.add_argument("--check", action="store_true", help="only report untranslated strings")
    args = parser.parse_args(argv)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / CATALOGUE.name
            copy.write_bytes(CATALOGUE.read_bytes())
            lupdate(copy)
            missing = fill(copy, {})
            english = Path(tmp) / ENGLISH.name
            english_plurals(copy, english)
            if not ENGLISH.is_file() or english.read_bytes() != ENGLISH.read_bytes():
                missing.append(f"{ENGLISH.name} is out of date (run without --check)")
    else:
        lupdate(CATALOGUE)
        missing = fill(CATALOGUE, read_pairs(args.add))
        english_plurals(CATALOGUE, ENGLISH)
    for source in missing:
        print(f"untranslated: {source!r}")  # noqa: T201 (a developer's tool)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
