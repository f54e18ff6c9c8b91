"""French reference data bundled offline (the official list of communes), read lazily on first use."""

from __future__ import annotations

from capnum_desktop.core.reference.communes import (
    Commune,
    Epci,
    code_for_name,
    commune,
    communes_for_postal_code,
    epci,
    find_by_name,
    is_commune_code,
    population,
    postal_code_matches,
    reference_info,
)

__all__ = [
    "Commune",
    "Epci",
    "code_for_name",
    "commune",
    "communes_for_postal_code",
    "epci",
    "find_by_name",
    "is_commune_code",
    "population",
    "postal_code_matches",
    "reference_info",
]
