"""The PySide6 application, one package per room: ``viewer`` (the dossier and the projector), ``jury_room``,
``timer``, ``signing``, ``secretariat`` and ``review``. At the top: the start (``app``), the main window that holds
the rooms, the Help menu, the translations, and what every room shares and no room owns: ``prompts`` (every
dialog), ``settings`` (everything remembered), ``shortcuts`` (every key), ``text`` and ``outcome_text`` (how values
and outcomes read). Which room may import which is checked by import-linter (``pyproject.toml``)."""
