"""Developer tools, run from a source checkout (``python -m tools.…``); not part of the installed package."""
