from __future__ import annotations

from capnum_desktop.core.privacy.spans import mask_text


def test_every_kind_of_span_is_masked_and_counted() -> None:
    text = ("Dossier suivi par M. Jean DUPONT (jean.dupont@gmail.com, 06 12 34 56 78), "
            "NIR 2 95 10 99 126 111 93, IBAN FR76 3000 6000 0112 3456 7890 189.")
    masked, counts = mask_text(text)
    for secret in ("DUPONT", "jean.dupont", "06 12", "126 111", "3000 6000"):
        assert secret not in masked
    assert counts == {"email": 1, "phone": 1, "nir": 1, "iban": 1, "name": 1}
    assert masked.startswith("Dossier suivi par M. [nom masqué]")


def test_numbers_dates_and_titles_are_left_alone() -> None:
    text = "Le maire a reçu M. le Préfet le 12/03/2024 ; montant 12 345 euros ; dossier 0612345 ; RIB invalide FR76 1111."
    masked, counts = mask_text(text)
    assert masked == text and not counts


def test_civilities_with_particles_and_compound_names() -> None:
    masked, counts = mask_text("Rencontre avec Mme de la Fontaine et Monsieur Jean-Paul Martin-Durand.")
    assert masked == "Rencontre avec Mme [nom masqué] et Monsieur [nom masqué]."
    assert counts["name"] == 2


def test_invalid_checksums_are_not_masked() -> None:
    masked, counts = mask_text("Numéro 2 95 10 99 126 111 94 à vérifier")
    assert "126 111 94" in masked and not counts


def test_decimal_numbers_are_not_phones() -> None:
    masked, counts = mask_text("761857,0232829786 et 0,0612345678 mais 06 12 34 56 78")
    assert masked == "761857,0232829786 et 0,0612345678 mais [téléphone masqué]"
    assert counts == {"phone": 1}
