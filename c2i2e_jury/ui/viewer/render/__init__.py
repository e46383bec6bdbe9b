"""Rendering a dossier's pages off the GUI thread: the renderer the view talks to, its worker thread and
mailbox, and the cache of images keyed by page, zoom and device pixel ratio."""
