"""The campaign package import under fuzzing (issue 16): mutated demo packages (bytes, truncation, encodings,
Unicode, zip structure, workbook parts, sizes, certificates; tests/exchange/package/mutator.py) are imported one
by one into a real SQLite database, each in a forked child with an address space limit. No exception may escape
the import (a refusal is a UserError with its problems), none may hang, use more than the memory and CPU bounds
of :mod:`tests.services.package_fuzzing`, and a refused import leaves every table and the dossier store as they
were. Forty variants run in the fast loop (``-m "not slow"``: they already reach both sides and several kinds of
refusal); the whole run adds the first hundred, the first three hundred and eight hundred more seeds."""

from __future__ import annotations

import os

import pytest

from tests.services.package_fuzzing import fuzz

pytestmark = pytest.mark.skipif(not hasattr(os, "pidfd_open"), reason="the worker waits on Linux pidfds")


@pytest.fixture(scope="module")
def demo_package(tmp_path_factory):
    from tests.demo_package import demo_package as copy_of_demo_package

    return copy_of_demo_package(tmp_path_factory.mktemp("fuzz") / "demo")


def test_forty_mutated_packages_are_imported_or_refused_cleanly(demo_package, tmp_path):
    findings = fuzz(demo_package, tmp_path, range(40))
    assert findings.failures == [], findings.summary() + "\n" + "\n".join(findings.failures)
    # the first forty already reach both sides (11 accepted, 29 refused when written)
    assert findings.outcomes["accepted"] > 4 and findings.outcomes["refused"] > 20, findings.summary()


@pytest.mark.slow
def test_a_hundred_mutated_packages_are_imported_or_refused_cleanly(demo_package, tmp_path):
    findings = fuzz(demo_package, tmp_path, range(100))
    assert findings.failures == [], findings.summary() + "\n" + "\n".join(findings.failures)
    # the first hundred already reach both sides: packages still accepted, and many kinds of refusal
    assert findings.outcomes["accepted"] > 10 and findings.outcomes["refused"] > 50, findings.summary()


@pytest.mark.slow
def test_a_few_hundred_mutated_packages_are_imported_or_refused_cleanly(demo_package, tmp_path):
    findings = fuzz(demo_package, tmp_path, range(300))
    assert findings.failures == [], findings.summary() + "\n" + "\n".join(findings.failures)
    # the mutator reaches both sides: packages still accepted, and many kinds of refusal
    assert findings.outcomes["accepted"] > 30 and findings.outcomes["refused"] > 150, findings.summary()


@pytest.mark.slow
def test_thousands_of_mutated_packages_are_imported_or_refused_cleanly(demo_package, tmp_path):
    findings = fuzz(
        demo_package, tmp_path, range(1_000, 1_000 + int(os.environ.get("C2I2E_FUZZ_VARIANTS", 800)))
    )
    assert findings.failures == [], findings.summary() + "\n" + "\n".join(findings.failures[:50])
