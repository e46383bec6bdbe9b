"""Candidate dossiers (PDF, read with PyMuPDF; no Qt): opening them safely, their text, the format report, the
evidence map and search. Page numbers are 1-based throughout; coordinates are PDF points on the page as displayed.

- :mod:`.document` — ``open_dossier(path_or_bytes) -> Dossier`` (or a ``DossierError`` in one French sentence);
  ``Dossier``: ``page_count``, ``page_size(n)``, ``outline()``, ``text()``, ``page_text(n)``, ``render(n, scale)``,
  ``search(query)``, ``report(expected)``, ``evidence()``, ``probe()``, ``damage``, ``close()``.
- :mod:`.damage` — what can go wrong: ``DossierError`` and its kinds (one French sentence each), ``Damage`` (a
  problem with the page it concerns), ``PageError``, MuPDF's warnings caught (``mupdf_quiet``).
- :mod:`.drawing` — ``draw_page(page, scale)``: a page drawn straight into bytes a QImage can wrap (``RenderedPage``).
- :mod:`.text` — ``DossierText`` / ``PageText`` / ``Line`` / ``Span``, extracted once; ``fold()`` for comparisons.
- :mod:`.structure` — where the introduction, Parts 1-4, the conclusion and the annexes begin.
- :mod:`.report` — ``FormatReport`` of ``Finding`` (check, ok, French message, pages).
- :mod:`.evidence` — ``EvidenceMap``: item code -> pages citing it (with rectangles) and its part's first page.
- :mod:`.search` — ``SearchIndex`` / ``SearchHit`` (page, rectangles, context), ignoring case and accents.
- :mod:`.expected` — ``Expected(last_name, first_name, year)`` and the ``CandidateLookup`` injection point.
- :mod:`.check` — ``check_dossier(path, expected) -> CheckResult``: ``dossier check``'s JSON and exit code.

Imports nothing heavy here: ``c2i2e_jury.dossier.expected`` must stay cheap for the command line.
"""
