"""Rebuild ``subventions-demo.xlsx``, the demo file opened by ``capnum-desktop --demo``.

It is messy on purpose, the way a bureau's file is (some beneficiaries are private persons, some
objects name a contact with a phone number): a title row and a blank row above the header,
human column names, French amounts and dates, a SIRET stored as a number, postal codes with leading
zeros kept by a ``00000`` number format, names and contact details of private persons, and a
"Total" footer. Every required field of SCDL subventions has a column except ``idAttribuant`` (the
bureau's SIRET: Paramètres fills it, or the agent types it once in Associer), so the demo reaches a
valid export with the default choices and that one visible fix. Deterministic (Faker fr_FR, seed 2024). Run: ``python resources/demo/build_demo.py``.
"""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from faker import Faker
from openpyxl import Workbook
from openpyxl.styles import Font
from stdnum import luhn
from stdnum.fr import siren as siren_mod
from stdnum.fr import siret as siret_mod

OUT = Path(__file__).with_name("subventions-demo.xlsx")


def _siret(rng: random.Random) -> str:
    while True:
        base = str(rng.randint(1, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        siren = base + luhn.calc_check_digit(base)
        partial = siren + "0001"
        siret = partial + luhn.calc_check_digit(partial)
        if siren_mod.is_valid(siren) and siret_mod.is_valid(siret):
            return siret


def _birth_date(fake: Faker, rng: random.Random) -> dt.date:
    """A birth date that does not depend on the day the file is built (Faker's is relative to today);
    Faker still draws one, so the values after it stay the same."""
    fake.date_of_birth(minimum_age=25, maximum_age=75)
    return dt.date(1950, 1, 1) + dt.timedelta(days=rng.randint(0, 50 * 365))


def build(path: Path = OUT, rows: int = 60) -> Path:
    fake = Faker("fr_FR")
    Faker.seed(2024)
    rng = random.Random(2024)
    extra = random.Random(13)  # the columns added for issue 13 draw apart, so the older values stay the same
    wb = Workbook()
    notes = wb.active
    notes.title = "Notes"
    notes["A1"] = "Tableau des subventions - notes de service"
    notes["A3"] = "Ce classeur est tenu par le bureau des associations."
    ws = wb.create_sheet("Subventions 2024")
    ws["A1"] = "Subventions accordées en 2024 - Bureau de la vie associative"
    ws["A1"].font = Font(bold=True, size=14)
    header = [
        "Nom attributaire",
        "Date de la convention",
        "Bénéficiaire",
        "SIRET bénéficiaire",
        "Objet de la subvention",
        "Montant (€)",
        "Nature",
        "Conditions de versement",
        "Date de versement",
        "Notification UE",
        "Pourcentage de la subvention",
        "Nom du référent",
        "Prénom du référent",
        "Téléphone",
        "Courriel",
        "Code postal",
        "Date de naissance du référent",
    ]
    ws.append([])
    ws.append(header)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    total = 0.0
    for i in range(rows):
        amount = round(rng.uniform(500, 50000), 2)
        total += amount
        postcode = int(fake.postcode())
        signed = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randint(0, 330))
        ws.append(
            [
                "Ministère de la Culture - Bureau de la vie associative",
                signed if i % 4 else signed.strftime("%d/%m/%Y"),
                (f"{fake.first_name()} {fake.last_name()}" if i % 5 == 0 else "Association " + fake.company()),
                int(_siret(rng)),
                rng.choice(["Festival de musique", "Atelier d'écriture", "Fonctionnement", "Résidence d'artistes"])
                + (
                    f" - contact : {rng.choice(['M.', 'Mme'])} {fake.last_name()}, {fake.phone_number()}"
                    if i % 3 == 0
                    else ""
                ),
                amount,
                rng.choice(["aide en numéraire", "aide en nature"]),
                rng.choice(["unique", "échelonné"]),
                signed + dt.timedelta(days=extra.randint(15, 60)),
                extra.choice(["non", "Non", "NON"]),
                extra.choice([1, 1, 0.5, 0.8]),
                fake.last_name(),
                fake.first_name(),
                fake.phone_number(),
                fake.email(),
                postcode,
                _birth_date(fake, extra),
            ]
        )
        row = ws.max_row
        ws.cell(row, 16).number_format = "00000"
        ws.cell(row, 6).number_format = '#,##0.00 "€"'
        ws.cell(row, 4).number_format = "0"
        ws.cell(row, 9).number_format = "DD/MM/YYYY"
        ws.cell(row, 11).number_format = "0%"
        ws.cell(row, 17).number_format = "DD/MM/YYYY"
        if i % 4:
            ws.cell(row, 2).number_format = "DD/MM/YYYY"
    ws.append([])
    ws.append(["Total", None, None, None, None, round(total, 2)])
    ws.append(["Source : bureau de la vie associative, extraction du 5 janvier 2025"])
    wb.save(path)
    return path


if __name__ == "__main__":
    print(build())
