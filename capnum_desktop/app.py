"""GUI bootstrap: parse the few start-up flags, then hand over to the Qt application.

Heavy modules (Qt, pandas) are imported inside ``main`` so that ``--help`` stays instant.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="capnum-desktop", description="CapNum Desktop")
    parser.add_argument("file", nargs="?", help="fichier à ouvrir")
    parser.add_argument("--demo", action="store_true", help="ouvrir le fichier de démonstration")
    parser.add_argument("--self-test", action="store_true", help="vérifier l'installation puis quitter")
    parser.add_argument("--lang", choices=["fr", "en"], help="langue de l'interface")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    from capnum_desktop.ui.application import run

    return run(args)


if __name__ == "__main__":
    sys.exit(main())
