"""Entry script of the frozen ``capnum`` program (console): the same CLI as the ``capnum`` entry point.

``capnum_desktop/cli/__init__.py`` cannot be the script itself: run as ``__main__`` it has no ``__path__``
to find its sub-commands.
"""

from capnum_desktop.cli import run

if __name__ == "__main__":
    run()
