"""``python -m capnum_desktop`` starts the GUI, as the ``capnum-desktop`` entry point does."""

import sys

from capnum_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
