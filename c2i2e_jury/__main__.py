"""Entry point: ``python -m c2i2e_jury`` and the ``c2i2e-jury`` script."""

from __future__ import annotations

import sys


def main() -> int:
    import multiprocessing

    multiprocessing.freeze_support()  # the sheet import's and the signing's worker processes, in a frozen build
    from c2i2e_jury.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
