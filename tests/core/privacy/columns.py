"""Generated columns (Faker fr_FR) of every personal-data category and of non-personal look-alikes.

Used by the privacy tests (small numbers) and by ``bench/privacy_detection.py`` (thousands of
columns). Each column comes with the category the scan should find (None for look-alikes: company
names, amounts, decision dates, company SIRETs, product codes, cities of companies…). A share of the
columns get a meaningless header (``colonne_7``) so that value evidence is measured on its own; the
quasi-identifiers that the rules only detect by header (age, code postal, commune, profession,
nationalité) always get a header.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from faker import Faker


@dataclass
class GeneratedColumn:
    header: str
    values: list[str]
    truth: str | None


HEADERS: dict[str, list[str]] = {
    "last_name": ["Nom", "NOM", "nom_usage", "Nom de famille", "Patronyme", "nomNaissance"],
    "first_name": ["Prénom", "prenom", "PRENOM", "Prénoms", "firstName"],
    "full_name": ["Nom et prénom", "Nom complet", "Contact", "Signataire", "Responsable", "Demandeur"],
    "email": ["Courriel", "E-mail", "email", "Adresse électronique", "mel"],
    "phone": ["Téléphone", "Tel", "Portable", "tel_fixe", "Mobile"],
    "nir": ["NIR", "N° de sécurité sociale", "num_secu", "NSS"],
    "iban": ["IBAN", "RIB", "Coordonnées bancaires", "iban_beneficiaire"],
    "tax_id": ["Numéro fiscal", "SPI", "identifiant_fiscal", "Numéro de contribuable"],
    "license_plate": ["Immatriculation", "Plaque", "immat_vehicule"],
    "ip_address": ["Adresse IP", "ip", "ip_client"],
    "postal_address": ["Adresse", "Adresse postale", "adresse_domicile", "Rue"],
    "birth_date": ["Date de naissance", "né(e) le", "dateNaissance", "DDN"],
    "gps": ["Latitude", "lon", "geo_point", "Coordonnées GPS"],
    "free_text": ["Commentaire", "Observations", "Motif", "Remarques de l'instructeur"],
    "sole_proprietor": ["Raison sociale", "Bénéficiaire", "Entreprise", "Titulaire du marché", "Dénomination"],
    "sensitive": ["Pathologie", "Handicap", "Religion", "Infraction constatée", "Santé"],
    "age": ["Âge", "age", "Age du bénéficiaire"],
    "sex": ["Sexe", "Genre", "Civilité"],
    "postal_code": ["Code postal", "CP", "codePostal"],
    "commune": ["Commune", "Ville", "Commune de résidence"],
    "profession": ["Profession", "Métier", "CSP"],
    "nationality": ["Nationalité"],
}
NEGATIVE_HEADERS: dict[str, list[str]] = {
    "company": ["Raison sociale", "Nom de l'entreprise", "Société", "Dénomination", "Nom attributaire", "Bénéficiaire", "Organisme"],
    "amount": ["Montant", "Montant versé (€)", "montant_total", "Coût"],
    "decision_date": ["Date de décision", "Date de convention", "dateVersement", "Date"],
    "company_siret": ["SIRET", "Identification de l'attributaire", "idBeneficiaire", "siret_etablissement"],
    "product_code": ["Code produit", "Référence", "Code article", "N° de dossier"],
    "company_city": ["Siège", "Implantation", "Lieu du projet"],
    "label": ["Nature", "Type d'aide", "Statut", "Catégorie"],
    "url": ["Site web", "url", "Lien"],
    "named_place": ["Nom de l'équipement", "Équipement", "Lieu", "Établissement", "Libellé"],
}
HEADER_ONLY = {"age", "postal_code", "commune", "profession", "nationality"}
PERSON_KINDS = list(HEADERS)
NEGATIVE_KINDS = list(NEGATIVE_HEADERS)
SENSITIVE_VALUES = ["Diabète de type 2", "Asthme", "Cancer du sein", "Handicap moteur", "Dépression", "VIH",
                    "Maladie d'Alzheimer", "Épilepsie", "E11.9", "J45", "F32.1", "C50", "Catholique", "Musulman",
                    "Protestant", "Athée", "Autisme", "Hépatite C", "Invalidité 2e catégorie", "Condamné pour vol"]
SENSITIVE_FILLER = ["Aucun", "Non renseigné"]
NATIONALITIES = ["Française", "Française", "Française", "Belge", "Italienne", "Marocaine", "Algérienne",
                 "Portugaise", "Tunisienne", "Espagnole", "Allemande", "Sénégalaise", "Turque", "Chinoise"]
LABELS = ["Fonctionnement", "Investissement", "Projet", "Aide à l'emploi", "Subvention exceptionnelle",
          "En cours", "Clôturé", "Accordé", "Refusé", "Association", "Collectivité"]
PLACE_WORDS = ["Collège", "Lycée", "École", "Espace", "Salle", "Gymnase", "Stade", "Médiathèque", "Parc",
               "Square", "Piscine", "Rue", "Avenue", "Place", "Centre", "Résidence", "Prix", "Fondation"]
ASSOCIATION_WORDS = ["Association", "Amicale", "Club", "Comité", "Fédération", "Union", "Ligue", "Collectif"]


class Generator:
    """Columns drawn from Faker fr_FR; ``first_names``/``last_names`` override the name pools (held-out tests)."""

    def __init__(self, seed: int = 0, first_names: Sequence[str] | None = None,
                 last_names: Sequence[str] | None = None) -> None:
        self.fake = Faker("fr_FR")
        self.fake.seed_instance(seed)
        self.rng = random.Random(seed)
        self.first_names = list(first_names) if first_names else None
        self.last_names = list(last_names) if last_names else None

    # -- pools ------------------------------------------------------------------------------------
    def first(self) -> str:
        return self.rng.choice(self.first_names) if self.first_names else self.fake.first_name()

    def last(self) -> str:
        return self.rng.choice(self.last_names) if self.last_names else self.fake.last_name()

    def company(self) -> str:
        r = self.rng.random()
        if r < 0.45:
            return self.fake.company()
        if r < 0.7:
            return f"{self.rng.choice(ASSOCIATION_WORDS)} {self.rng.choice(['des', 'de', 'pour'])} {self.fake.word().capitalize()} {self.fake.city()}"
        if r < 0.85:
            return f"{self.last().upper()} {self.rng.choice(['SAS', 'SARL', 'SA', 'EURL', 'SCI'])}"
        return f"{self.fake.word().capitalize()} {self.rng.choice(['Conseil', 'Services', 'Transports', 'Immobilier', 'Diagnostics'])}"

    def full_name(self) -> str:
        r = self.rng.random()
        if r < 0.5:
            return f"{self.first()} {self.last()}"
        if r < 0.8:
            return f"{self.last().upper()} {self.first()}"
        return f"{self.rng.choice(['M.', 'Mme', 'Monsieur', 'Madame'])} {self.first()} {self.last()}"

    def nif(self) -> str:
        body = f"{self.rng.randint(0, 3)}{self.rng.randint(0, 999_999_999):09d}"
        return f"{body}{int(body) % 511:03d}"

    def decision_date(self) -> str:
        d = self.fake.date_between(dt.date(2016, 1, 1), dt.date(2025, 12, 31))
        return d.strftime("%d/%m/%Y") if self.rng.random() < 0.5 else d.isoformat()

    def birth_date(self) -> str:
        d = self.fake.date_of_birth(minimum_age=0, maximum_age=95)
        return d.strftime("%d/%m/%Y") if self.rng.random() < 0.6 else d.isoformat()

    def free_text(self) -> str:
        text = self.fake.paragraph(nb_sentences=self.rng.randint(2, 4))
        if self.rng.random() < 0.2:
            text += f" Contact : {self.rng.choice(['M.', 'Mme'])} {self.last()} ({self.fake.email()})."
        return text

    def sole_proprietor(self) -> str:
        r = self.rng.random()
        if r < 0.65:
            return self.company()
        if r < 0.85:
            return f"{self.first()} {self.last()}"
        return f"{self.last().upper()} {self.first()} {self.rng.choice(['EI', '(EI)', 'micro-entrepreneur', 'Entrepreneur individuel'])}"

    def point(self) -> str:
        lat, lon = self.rng.uniform(42.5, 51), self.rng.uniform(-4.5, 7.8)
        return f"{lat:.5f}, {lon:.5f}"

    def makers(self) -> dict[str, Callable[[], str]]:
        f, rng = self.fake, self.rng
        return {
            "last_name": lambda: self.last().upper() if rng.random() < 0.5 else self.last(),
            "first_name": self.first,
            "full_name": self.full_name,
            "email": lambda: rng.choice([f.email, f.free_email, lambda: f"{self.first()}.{self.last()}@{f.free_email_domain()}".lower().replace(" ", "")])(),
            "phone": f.phone_number,
            "nir": lambda: (lambda s: f"{s[0]} {s[1:3]} {s[3:5]} {s[5:7]} {s[7:10]} {s[10:13]} {s[13:]}" if rng.random() < 0.4 else s)(f.ssn()),
            "iban": lambda: (lambda s: " ".join(s[i:i + 4] for i in range(0, len(s), 4)) if rng.random() < 0.5 else s)(f.iban()),
            "tax_id": self.nif,
            "license_plate": f.license_plate,
            "ip_address": lambda: f.ipv4() if rng.random() < 0.8 else f.ipv6(),
            "postal_address": lambda: f.street_address() if rng.random() < 0.7 else f.address().replace("\n", ", "),
            "birth_date": self.birth_date,
            "gps": self.point,
            "free_text": self.free_text,
            "sole_proprietor": self.sole_proprietor,
            "sensitive": lambda: rng.choice(SENSITIVE_VALUES) if rng.random() < 0.8 else rng.choice(SENSITIVE_FILLER),
            "age": lambda: str(rng.randint(0, 99)),
            "sex": lambda: rng.choice(["H", "F"]),
            "postal_code": f.postcode,
            "commune": f.city,
            "profession": f.job,
            "nationality": lambda: rng.choice(NATIONALITIES),
            "company": self.company,
            "amount": lambda: rng.choice([f"{rng.randint(100, 900_000)}", f"{rng.uniform(100, 90_000):.2f}",
                                          f"{rng.randint(1, 900):d} {rng.randint(0, 999):03d},{rng.randint(0, 99):02d}"]),
            "decision_date": self.decision_date,
            "company_siret": f.siret,
            "product_code": lambda: rng.choice([f"PRD-{rng.randint(0, 99999):05d}", f"{f.lexify('??').upper()}{rng.randint(10, 99)}-{rng.randint(100, 999)}",
                                                f"DOS-{rng.randint(2016, 2025)}-{rng.randint(1, 9999):04d}"]),
            "company_city": f.city,
            "label": lambda: rng.choice(LABELS),
            "url": f.url,
            "named_place": lambda: f"{rng.choice(PLACE_WORDS)} {self.first()} {self.last()}",
        }

    def column(self, kind: str, rows: int, generic_share: float = 0.3) -> GeneratedColumn:
        make = self.makers()[kind]
        values = [make() for _ in range(rows)]
        if kind == "sex" and self.rng.random() < 0.5:
            values = [{"H": "Homme", "F": "Femme"}[x] for x in values]
        if kind == "gps":
            pass
        # a few empty and missing cells, as in real files
        for i in self.rng.sample(range(rows), k=max(0, rows // 20)):
            values[i] = self.rng.choice(["", "", "null", "NC"])
        truth = kind if kind in HEADERS else None
        headers = HEADERS.get(kind) or NEGATIVE_HEADERS[kind]
        generic = kind not in HEADER_ONLY and kind != "sole_proprietor" and self.rng.random() < generic_share
        header = f"colonne_{self.rng.randint(1, 40)}" if generic else self.rng.choice(headers)
        if kind == "gps" and not generic and header in ("Latitude", "lon"):
            idx = 0 if header == "Latitude" else 1
            values = [x.split(", ")[idx] if ", " in x else x for x in values]
        return GeneratedColumn(header, values, truth)

    def columns(self, per_kind: int, rows: int = 60, kinds: Sequence[str] | None = None) -> list[GeneratedColumn]:
        kinds = list(kinds or PERSON_KINDS + NEGATIVE_KINDS)
        return [self.column(kind, rows) for kind in kinds for _ in range(per_kind)]
