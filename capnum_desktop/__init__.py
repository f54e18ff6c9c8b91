"""CapNum Desktop: prepare administrative spreadsheets for open data publication."""

from importlib import metadata

try:
    __version__ = metadata.version("capnum-desktop")
except metadata.PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+source"
