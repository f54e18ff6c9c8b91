"""Step 5, Export: the folder to publish (CSV, JSON, datapackage.json, reports, recipe), atomically.

Public names: :class:`ExportOptions`, :func:`export_dataset` -> :class:`ExportResult`,
:func:`default_output_dir`, :func:`dataset_name`, :func:`build_datapackage`, :func:`slugify`.
"""

from capnum_desktop.core.export.dataset import (
    DATAPACKAGE,
    RECIPE,
    ExportResult,
    build_datapackage,
    dataset_name,
    default_output_dir,
    export_dataset,
)
from capnum_desktop.core.export.options import ExportOptions, licence_descriptor, slugify

__all__ = [
    "DATAPACKAGE",
    "RECIPE",
    "ExportOptions",
    "ExportResult",
    "build_datapackage",
    "dataset_name",
    "default_output_dir",
    "export_dataset",
    "licence_descriptor",
    "slugify",
]
