"""The ``capnum`` command line: the core's functions, without Qt.

Each sub-command is a module of this package that defines ``NAME``, ``HELP``,
``add_arguments(parser)`` and ``run(args) -> int``, listed in :func:`command_modules` (an explicit list: a
command that fails to import fails loudly, and the frozen build sees every import). A :class:`CapnumError` is printed in French on stderr with its hint and exits 2;
nothing prints a traceback unless ``--debug`` is given.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Sequence
from types import ModuleType

from capnum_desktop import __version__
from capnum_desktop.cli._french_argparse import FrenchParser
from capnum_desktop.cli._output import quiet_closed_stdout, replace_unprintable
from capnum_desktop.cli._wording import lang_of, say
from capnum_desktop.core.errors import Cancelled, CapnumError

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_ERROR = 2


def command_modules() -> list[ModuleType]:
    """Every sub-command module, sorted by command name."""
    from capnum_desktop.cli import apply, inspect, map, prepare, scan, schemas, validate

    modules: list[ModuleType] = [apply, inspect, map, prepare, scan, schemas, validate]
    return sorted(modules, key=lambda m: m.NAME)


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchParser(
        prog="capnum",
        description="CapNum : préparer un tableur pour l'open data (schéma, données personnelles, validation, export).",
    )
    parser.add_argument("--version", action="version", version=f"capnum {__version__}",
                        help="afficher le numéro de version puis quitter")
    parser.add_argument("--debug", action="store_true", help="afficher le détail technique des erreurs")
    sub = parser.add_subparsers(dest="command", metavar="COMMANDE", parser_class=FrenchParser)
    for module in command_modules():
        cmd = sub.add_parser(module.NAME, help=module.HELP, description=module.HELP)
        module.add_arguments(cmd)
        cmd.set_defaults(_run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit code. A closed pipe (``capnum schemas | head -1``) ends quietly with 0,
    and a console that cannot show a character (« … » on cp1252 or ASCII) gets « ? » instead of a crash."""
    replace_unprintable()
    try:
        try:
            code = _main(argv)
        finally:  # also after --help (argparse exits): what is left in the buffer meets the closed pipe here
            sys.stdout.flush()
    except BrokenPipeError:
        quiet_closed_stdout()
        return EXIT_OK
    return code


def run() -> None:
    """The ``capnum`` program: :func:`main`, then the process ends at once.

    A command that read a million rows leaves a gigabyte of cells behind; Python's tear-down would free
    them one by one (0.1-0.2 s) only for the system to take the memory back anyway. What the command
    wrote is closed by then (every file is written in a ``with`` block, the export's temporary folder
    is renamed or removed before it returns); the logs and both output streams are flushed here."""
    code = main()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):  # the reader went away (| head): nothing to say
            stream.flush()
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "_run", None):
        parser.print_help()
        return EXIT_ERROR
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING)
    lang = lang_of(args)  # --lang of the commands that print sentences (validate, inspect, prepare, apply)
    try:
        return int(args._run(args))
    except BrokenPipeError:
        raise  # the reader went away (| head): not an error
    except CapnumError as exc:
        message, hint = exc.text(lang)  # English for an error with a code, else its French sentence
        print(say("error", lang, message=message), file=sys.stderr)
        if hint:
            print(say("what-to-do", lang, hint=hint), file=sys.stderr)
        if args.debug:
            raise
        return EXIT_ERROR
    except (Cancelled, KeyboardInterrupt):
        print(say("interrupted", lang), file=sys.stderr)
        return EXIT_ERROR
    except Exception:
        if args.debug:
            raise
        print(say("unexpected", lang), file=sys.stderr)
        return EXIT_ERROR


if __name__ == "__main__":
    run()
