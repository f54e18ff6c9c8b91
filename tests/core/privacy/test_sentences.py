"""The Protect step says what it found in French or English from codes and parameters (issue 16).

The scan's evidence and the plan's notes are phrases (pieces of ``core/privacy/sentences.py`` with their
parameters); the French sentences kept on the results are made from them, so French reads as before and
English is made from the same facts.
"""

from __future__ import annotations

import random

from faker import Faker

from capnum_desktop.core.privacy import ScanResult, scan_table
from capnum_desktop.core.privacy.scan import ColumnFinding
from capnum_desktop.core.privacy.sentences import PRIVACY_SENTENCES, from_json, say, to_json
from capnum_desktop.core.privacy.small_communes import SmallCommunes
from tests.core.privacy.helpers import make_table


def _people(n: int = 200) -> dict[str, list[str]]:
    fake = Faker("fr_FR")
    Faker.seed(3)
    rng = random.Random(3)
    first, last = [fake.first_name() for _ in range(n)], [fake.last_name() for _ in range(n)]
    return {
        "nom": last, "prenom": first,
        "courriel": [fake.email() if i % 7 else "contact@mairie.fr" for i in range(n)],
        "tel": [f"06 12 34 56 {i % 100:02d}" for i in range(n)],
        "date de naissance": [fake.date_of_birth(minimum_age=1, maximum_age=95).strftime("%d/%m/%Y") for _ in range(n)],
        "code postal": [rng.choice(["75001", "69001", "73670", "74540"]) for _ in range(n)],
        "lien": [f"https://ex.fr/{a.lower()}-{b.lower()}" for a, b in zip(first, last, strict=True)],
        "obs": [f"x {fake.ssn()}" if i % 10 == 0 else "rien" for i in range(n)],
        "siret": [fake.siret().replace(" ", "") for _ in range(n)],
        "vide": [""] * n,
        "montant": [str(rng.randint(1, 999)) for _ in range(n)],
    }


def test_the_evidence_is_coded_and_its_french_is_the_sentence_kept() -> None:
    scan = scan_table(make_table(_people()))
    keys = set()
    for f in scan.columns:
        assert len(f.evidence_phrases) == len(f.evidence), f.column
        assert [say(p) for p in f.evidence_phrases] == f.evidence  # French made from the codes
        assert f.evidence_in("fr") == f.evidence
        keys |= {key for p in f.evidence_phrases for key, _ in p}
        english = f.evidence_in("en")
        assert len(english) == len(f.evidence) and not set(english) & set(f.evidence), english
    assert {"evidence.header", "values.count", "values.email.generic", "evidence.name-in-value",
            "evidence.spans.nir", "evidence.company-ids", "evidence.nothing"} <= keys
    assert set(keys) <= set(PRIVACY_SENTENCES)


def test_english_evidence_says_the_same_counts() -> None:
    scan = scan_table(make_table(_people()))
    email, link = scan.finding("courriel"), scan.finding("lien")
    assert email is not None and link is not None
    assert email.evidence_in("en")[0] == "The header contains \"courriel\", a word associated with: e-mail address."
    french, english = email.evidence[1], email.evidence_in("en")[1]
    assert french.startswith("200 valeurs sur 200 (100 %) ressemblent à des adresses e-mail, dont ")
    assert english.startswith("200 of 200 values (100%) look like e-mail addresses, ")
    assert link.evidence_in("en")[0].endswith("(\"nom\", \"prenom\"): publishing this column would give that name back.")
    assert link.label_in("en") == "Person's name repeated in another column (link, identifier)"
    assert link.explanation_in("en").startswith("The column repeats, row by row, a person's name")
    montant = scan.finding("montant")
    assert montant is not None and montant.explanation_in("en").startswith("No personal data found")


def test_a_stored_scan_keeps_its_codes_and_an_older_one_reads_french() -> None:
    scan = scan_table(make_table(_people(60)))
    again = ScanResult.from_dict(scan.to_dict())
    assert [f.evidence_in("en") for f in again.columns] == [f.evidence_in("en") for f in scan.columns]
    older = scan.finding("nom").to_dict()
    older.pop("evidence_phrases")
    assert ColumnFinding.from_dict(older).evidence_in("en") == scan.finding("nom").evidence  # no codes: French
    assert from_json(None) == () and from_json(to_json((("end", {}),))) == (("end", {}),)


def test_small_communes_in_both_languages_with_their_plurals() -> None:
    one = SmallCommunes("cp", "postal_code", 2000, 1, 1, 1)
    many = SmallCommunes("commune", "commune", 2000, 5, 2, 5)
    assert one.sentence().startswith("1 ligne concerne 1 code postal desservant des communes de moins de 2\u202f000 "
                                      "habitants : ")
    assert many.sentence().startswith("5 lignes concernent 2 communes de moins de 2\u202f000 habitants : ")
    assert say(one.phrase(), "en").startswith("1 row is in 1 postal code serving communes with fewer than 2,000 "
                                              "inhabitants: ")
    assert say(many.phrase(), "en").startswith("5 rows are in 2 communes with fewer than 2,000 inhabitants: ")
