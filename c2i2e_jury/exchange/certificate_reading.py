"""Reading a certificate or attestation back: do its pages say what its signed statement says?

A program trusts the statement; a person trusts the page. :func:`visible_mismatch` makes sure they agree on what
matters to whoever is shown the paper: the title (certificate or attestation), the holder's name in the sentence
that delivers or attests, the count of validated items, the candidate's number, and the items themselves, each
once, with the year of each validated in an earlier campaign. The sentences are the ones
:mod:`certificate_pdf` prints (:func:`holder_line`), so the check does not depend on coordinates; the items'
wording is left out on purpose, so that a document stays readable after the referential's typography is fixed.
"""

from __future__ import annotations

import re
from collections import Counter

from c2i2e_jury.exchange.certificate_pdf import candidate_line, holder_line
from c2i2e_jury.exchange.certificates import KIND_TITLES, Statement
from c2i2e_jury.exchange.pdf.fonts import printable

ITEM = re.compile(r"(?<![\w.])([AB][1-4]\.[1-5])(?!\w|\.\d)")
_YEAR = re.compile(r"\b(\d{4})\b")
_PRIOR_YEAR = re.compile(r"\s*\((\d{4})\)")


def normalised(text: str) -> str:
    return " ".join(text.split())


def visible_mismatch(text: str, statement: Statement) -> str | None:
    """What the pages' ``text`` shows differently from ``statement`` (one short French phrase), or None."""
    page = normalised(text)
    for check in (_title, _holder, _candidate, _items):
        problem = check(page, statement)
        if problem:
            return problem
    return None


def _shown(text: str) -> str:
    return normalised(printable(text))


def _title(page: str, statement: Statement) -> str | None:
    if _shown(statement.title) not in page:
        return f"le document n'a pas pour titre « {statement.title} »"
    others = [
        title for kind, title in KIND_TITLES.items() if kind != statement.kind and _shown(title) in page
    ]
    return f"le document se présente aussi comme « {others[0]} »" if others else None


def _holder(page: str, statement: Statement) -> str | None:
    sentence = _shown(" ".join(holder_line(statement)))
    if sentence not in page:
        return (
            f"le document ne dit pas « {_shown(' '.join(holder_line(statement)[:2]))} » avec "
            f"{len(statement.items)} compétences validées"
        )
    return None


def _candidate(page: str, statement: Statement) -> str | None:
    expected = _shown(candidate_line(statement))
    return None if expected in page else f"le document n'indique pas « {expected} »"


def _items(page: str, statement: Statement) -> str | None:
    """Each item of the statement shown once, no other, each with its year (the certificate shows an earlier
    year in brackets after the item; the attestation has a column « Validée en »)."""
    parts = ITEM.split(page)
    shown = parts[1::2]
    counts = Counter(shown)
    expected = dict(statement.items)
    extra = sorted(set(counts) - set(expected))
    if extra:
        return f"le document montre l'item {extra[0]}, que la déclaration signée ne valide pas"
    missing = [code for code in expected if code not in counts]
    if missing:
        return f"l'item {missing[0]} validé n'apparaît pas sur le document"
    twice = [code for code, n in counts.items() if n > 1]
    if twice:
        return f"l'item {twice[0]} apparaît plusieurs fois sur le document"
    for code, after in zip(shown, parts[2::2], strict=True):
        year = _year_after(after, statement)
        if year != expected[code]:
            return (
                f"l'item {code} est daté de {year} sur le document, de {expected[code]} dans la déclaration"
            )
    return None


def _year_after(after: str, statement: Statement) -> int:
    if statement.kind == "certificate":
        bracket = _PRIOR_YEAR.match(after)
        return int(bracket[1]) if bracket else statement.year
    found = _YEAR.search(after)
    return int(found[1]) if found else 0
