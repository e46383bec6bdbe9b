"""Entry point: ``python -m c2i2e_jury`` and the ``c2i2e-jury`` script."""

from __future__ import annotations

import sys


def main() -> int:
    from c2i2e_jury.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
