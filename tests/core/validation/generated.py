"""Generated tables with injected errors, and a schema that uses every constraint (tests and bench)."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from capnum_desktop.core.table import SOURCE_ROW

SCHEMA: dict[str, Any] = {
    "fields": [
        {"name": "id", "type": "integer", "constraints": {"required": True, "unique": True, "minimum": 1}},
        {"name": "siret", "type": "string", "constraints": {"required": True, "pattern": "[0-9]{14}"}},
        {"name": "nom", "type": "string", "constraints": {"required": True, "minLength": 2, "maxLength": 40}},
        {"name": "email", "type": "string", "format": "email"},
        {"name": "statut", "type": "string", "constraints": {"enum": ["actif", "inactif", "en attente"]}},
        {"name": "montant", "type": "number", "constraints": {"minimum": 0, "maximum": 100000}},
        {"name": "effectif", "type": "integer", "constraints": {"maximum": 4999}},
        {"name": "date_debut", "type": "date"},
        {"name": "maj", "type": "datetime", "constraints": {"minimum": "2000-01-01T00:00:00"}},
        {"name": "annee", "type": "year", "constraints": {"minimum": 1990, "maximum": 2030}},
        {"name": "public", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
        {"name": "code_postal", "type": "string", "constraints": {"pattern": "[0-9]{5}", "maxLength": 5}},
    ],
    "primaryKey": ["id"],
    "missingValues": [""],
    "custom_checks": [{"name": "french-siret-value", "params": {"column": "siret"}}],
}

# Values frictionless judges in surprising ways: each must give the same verdict here.
EDGE = {
    "id": [" 12", "+5", "007", "1_000", "١٢", "1e3", "12.0", "-3", "0", "99999999999999999999", "", " "],
    "montant": ["5.", ".5", "-0", "1e3", "NaN", "Infinity", "1_000.5", " 12.5", "12,5", "1 000", "100000", "100000.0001",
                "0.1000000000000000055511151231257827", "-0.0", "", "+3"],
    "effectif": ["4999", "5000", "04999", "-1", "abc", ""],
    "email": ["a@b.fr", "A@B.FR", "a..b@c.fr", "a@b", "@b.fr", "é@b.fr", "a b@c.fr", "a@-b.fr", "x@y.co.uk", ""],
    "maj": ["2024-01-01T24:00:00", "2024-02-30T10:00:00", "1999-12-31T23:59:59",
            "2024-01-01 10:00:00", "2024-01-01T10:00", ""],
    "date_debut": ["2024-3-5", "15/03/2024", "2024-02-29", "2023-02-29", " 2024-01-01", ""],
    "annee": ["2024", " 202", "1989", "2031", "20245", "abcd", ""],
    "public": ["oui", "non", "Oui", "true", ""],
    "statut": ["actif", "Actif", "radié", ""],
    "nom": ["x", "é" * 41, "Ab", "", "  "],
    "code_postal": ["01000", "1000", "010000", "7500A", "75001\n", ""],
    "siret": ["73282932000074", "73282932000075", "7328293200007", "732 829 320 00074", "35600000000048", ""],
}


def generate(rows: int, *, seed: int = 7, error_rate: float = 0.01, edge: bool = True, dirty: bool = True,
             blank_rows: bool = True) -> pd.DataFrame:
    """A text DataFrame of ``rows`` rows (index = source rows from 2), with injected errors.

    ``dirty=False`` gives valid data (no injected errors, duplicates, blank rows or odd values).
    """
    rng = np.random.default_rng(seed)
    n = rows
    ids = np.arange(1, n + 1)
    siren = rng.integers(10_000_000, 99_999_999, n)
    nic = rng.integers(1_000, 9_999, n)
    siren9 = siren * 10 + _luhn_digits(siren)
    base13 = siren9 * 10_000 + nic
    sirets = (base13 * 10 + _luhn_digits(base13)).astype(str).astype(object)
    first = np.array(["jean", "marie", "luc", "anne", "paul", "lea", "hugo", "emma"], dtype=object)
    last = np.array(["martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand"], dtype=object)
    fi, la = rng.integers(0, 8, n), rng.integers(0, 8, n)
    noms = np.char.add(np.char.add(last[la].astype(str), " "), first[fi].astype(str)).astype(object)
    emails = np.array([f"{a}.{b}{i}@exemple.fr" for a, b, i in zip(first[fi], last[la], ids, strict=True)], dtype=object)
    statut = np.array(["actif", "inactif", "en attente"], dtype=object)[rng.integers(0, 3, n)]
    montant = np.char.mod("%.2f", rng.uniform(0, 99_999, n)).astype(object)
    effectif = rng.integers(0, 4999, n).astype(str).astype(object)
    days = rng.integers(0, 9000, n)
    dates = (np.datetime64("2000-01-01") + days).astype(str).astype(object)
    secs = rng.integers(0, 700_000_000, n)
    maj = (np.datetime64("2001-01-01T00:00:00") + secs.astype("timedelta64[s]")).astype(str).astype(object)
    annee = rng.integers(1990, 2031, n).astype(str).astype(object)
    public = np.array(["oui", "non"], dtype=object)[rng.integers(0, 2, n)]
    cp = np.char.zfill(rng.integers(1000, 99999, n).astype(str), 5).astype(object)
    df = pd.DataFrame({
        "id": ids.astype(str).astype(object), "siret": sirets, "nom": noms, "email": emails, "statut": statut,
        "montant": montant, "effectif": effectif, "date_debut": dates, "maj": maj, "annee": annee,
        "public": public, "code_postal": cp,
    })
    bad = {
        "id": ["0", "abc", "-4"], "siret": ["1234", "12345678901234"], "nom": ["", "x"], "email": ["pas-un-mail"],
        "statut": ["Actif", "radié"], "montant": ["12,5", "-3", "1 000"], "effectif": ["5000", "3.5"],
        "date_debut": ["15/03/2024", "2024-13-01"], "maj": ["1999-01-01T00:00:00", "hier"], "annee": ["1989", "20"],
        "public": ["peut-être"], "code_postal": ["7500", "ABCDE"],
    }
    for col, choices in (bad.items() if dirty else ()):
        hit = rng.random(n) < error_rate
        df.loc[hit, col] = rng.choice(np.array(choices, dtype=object), int(hit.sum()))
    if not dirty:
        df = df.astype(str)
        df.index = pd.Index(range(2, n + 2), name=SOURCE_ROW)
        return df
    # duplicated ids, blank rows
    dup = rng.choice(n, max(1, n // 500), replace=False)
    df.loc[dup, "id"] = df["id"].to_numpy()[(dup + 1) % n]
    blank = rng.choice(n, max(1, n // 2000), replace=False)
    if blank_rows:  # the app's reader drops blank lines of a file: benchmarks on files leave them out
        df.loc[blank, :] = ""
    if edge:
        for col, values in EDGE.items():
            for k, v in enumerate(values):
                df.loc[(k * 37 + sum(map(ord, col)) % 31) % n, col] = v
    df = df.astype(str)
    df.index = pd.Index(range(2, n + 2), name=SOURCE_ROW)
    return df


def _luhn_digits(numbers: np.ndarray) -> np.ndarray:
    """The check digit that makes each number Luhn-valid once appended (vectorised)."""
    total = np.zeros(len(numbers), dtype=np.int64)
    rest = numbers.astype(np.int64).copy()
    i = 0
    while (rest > 0).any():
        d = rest % 10
        if i % 2 == 0:  # becomes an odd position from the right once the check digit is appended
            d = d * 2
            d = np.where(d > 9, d - 9, d)
        total += d
        rest //= 10
        i += 1
    return (10 - total % 10) % 10
