"""Column-level personal-data detection: recall and precision per category, printed as a confusion table.

Three measurements:
1. ``generated``: columns generated with Faker fr_FR (every category plus non-personal look-alikes:
   company names, amounts, decision dates, company SIRETs, product codes, cities of companies,
   labels, URLs), 30 % of them under a meaningless header so value evidence is tested alone.
2. ``held-out names``: the same name columns, but a random 30 % of Faker's fr_FR first names and
   surnames are REMOVED from the lexicons first, so about a third of the names are unknown to the
   detectors (the lexicons are generated from Faker, so measure 1 flatters them; on the real
   surveyors' directory the lexicons know 86 % of the first names but only about 17 % of the surnames).
3. ``real files``: hand-labelled columns of the reference files (surveyors' directory with real
   names, phones, e-mails and addresses; senators' subsidies with names of public officials;
   archive register free text; BAL and carpooling coordinates).

4. ``speed``: scan, then apply the default plan (free-text masking on every row), on a table of
   ``--speed-rows`` rows (1 000 000 by default) and 12 columns.

    python bench/privacy_detection.py [--per-kind 1000] [--rows 60] [--seed 1] [--speed-rows 1000000]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from capnum_desktop.core.privacy import values as privacy_values  # noqa: E402
from capnum_desktop.core.privacy.rules import fold, load_rules  # noqa: E402
from capnum_desktop.core.privacy.scan import classify_column, sample_values, scan_table  # noqa: E402
from tests.core.privacy.columns import PERSON_KINDS, Generator  # noqa: E402

REAL = ROOT.parent / "shared" / "reference" / "real-files"
REAL_TRUTH: dict[str, dict[str, str | None]] = {
    "hydra-tests/20190618-annuaire-diagnostiqueurs_compressed.csv.gz": {
        "Nom": "last_name", "Prenom": "first_name", "Societe": None, "Adresse": "postal_address",
        "CP": "postal_code", "Ville": "commune", "Tel1": "phone", "Tel2": "phone", "email": "email",
        "Organisme": None, "Org Cofrac": None, "Type de certificat": None, "N° de certificat": None,
        "Date début validité": None, "Date fin validité": None},
    "reserve-parlementaire-bercy/1409-Senat-reserve-2013-autre.csv": {
        "bénéficiaire": None, "département": None, "montant versé en 2013 (€)": None,
        "nature de la subvention": None, "programme budgétaire": None, "attributeur": "full_name",
        "département attributeur": None, "mandat attributeur": None, "année d'octroi de la subvention": None,
        "prénom": "first_name", "nom": "last_name", "sexe": "sex", "groupe": None, "url_institution": None,
        "url_nosparlementaires": None, "url_nosparlementaires_api": None},
    "archives-registre-entrees/Avignon.csv": {"descContenu": "free_text"},
    "archives-registre-entrees/StEtienne.csv": {"descContenu": "free_text", "activiteProd": "free_text"},
    "validateur-bal/sample.csv": {"x": "gps", "y": "gps", "long": "gps", "lat": "gps", "commune_nom": "commune",
                                  "voie_nom": "postal_address"},
    "transport-site-bnlc/csv_utf8.csv": {"Xlong": "gps", "Ylat": "gps", "com_lieu": "commune", "nom_lieu": None,
                                         "proprio": None, "id_local": None},
    "transport-site-bnlc/csv_latin1.csv": {"Xlong": "gps", "Ylat": "gps", "com_lieu": "commune", "comm": "free_text"},
    "parrainages-communes-2022/codesinseecommunesgeolocalisees.csv": {
        "Nom": None, "code_postal": "postal_code", "longitude_radian": "gps", "latitude_radian": "gps"},
    "rna-as-api/reencode_test.csv": {
        "objet": "free_text", "adr1": "postal_address", "adr2": "postal_address", "adr3": "postal_address",
        "adrs_codepostal": "postal_code", "libcom": "commune", "adrs_codeinsee": "commune", "telephone": "phone",
        "email": "email", "dir_civilite": None, "observation": None},
    "api-subventions-asso/fixture.csv": {},
    "schema-decp-dpa/decp-dpa.csv": {"coordonnnées": "postal_address"},  # buyers' addresses (legal persons)
}


def confusion_lines(pairs: list[tuple[str | None, str | None]]) -> list[str]:
    conf: dict[str | None, Counter] = defaultdict(Counter)
    for truth, found in pairs:
        conf[truth][found] += 1
    lines = [f"{'category':16} {'n':>6} {'TP':>6} {'FN':>5} {'FP':>5} {'recall':>7} {'precision':>9}  errors"]
    for cat in PERSON_KINDS:
        n = sum(conf[cat].values())
        tp = conf[cat][cat]
        fp = sum(conf[t][cat] for t in conf if t != cat)
        if not n and not fp:
            continue
        recall = f"{tp / n:.3f}" if n else "  -  "
        precision = f"{tp / (tp + fp):.3f}" if tp + fp else "  -  "
        errs = ", ".join(f"{k or 'none'}:{c}" for k, c in conf[cat].most_common() if k != cat)
        lines.append(f"{cat:16} {n:>6} {tp:>6} {n - tp:>5} {fp:>5} {recall:>7} {precision:>9}  {errs}")
    neg = conf[None]
    lines.append(f"{'(not personal)':16} {sum(neg.values()):>6} {neg[None]:>6}  flagged as: "
                 + (", ".join(f"{k}:{c}" for k, c in neg.most_common() if k) or "nothing"))
    return lines


def run_generated(per_kind: int, rows: int, seed: int, gen: Generator) -> tuple[list[tuple[str | None, str | None]], float]:
    rules = load_rules()
    cols = gen.columns(per_kind, rows)
    t0 = time.perf_counter()
    pairs = [(c.truth, classify_column(c.header, sample_values(pd.Series(c.values)), rules).category) for c in cols]
    return pairs, time.perf_counter() - t0


def held_out_generator(seed: int) -> Generator:
    """Remove 30 % of Faker's fr_FR names from the lexicons (values are still drawn from all of them)."""
    from faker.providers.person.fr_FR import Provider

    rng = random.Random(seed)
    firsts = sorted(set(Provider.first_names_male) | set(Provider.first_names_female))
    lasts = sorted(set(Provider.last_names))
    held_first = rng.sample(firsts, k=len(firsts) * 3 // 10)
    held_last = rng.sample(lasts, k=len(lasts) * 3 // 10)
    first, last, *rest = privacy_values._word_sets()
    patched = (first - {fold(n) for n in held_first}, last - {fold(n) for n in held_last}, *rest)
    privacy_values._word_sets = lambda: patched  # type: ignore[assignment]
    return Generator(seed)


def run_real() -> list[tuple[str | None, str | None]]:
    from capnum_desktop.core.io import read_table

    pairs = []
    for rel, truth in REAL_TRUTH.items():
        path = REAL / rel
        if not path.exists():
            continue
        scan = scan_table(read_table(path))
        for f in scan.columns:
            pairs.append((truth.get(f.column), f.category) if f.column in truth else (None, f.category))
    return pairs


def run_speed(rows: int, seed: int) -> list[str]:
    from capnum_desktop.core.privacy import apply_plan, default_plan
    from capnum_desktop.core.table import SourceInfo, Table

    gen = Generator(seed)
    kinds = ["full_name", "email", "phone", "postal_code", "age", "sex", "free_text", "amount", "company",
             "decision_date", "company_siret", "label"]
    block = 5000
    base = {f"{c.header}_{i}": c.values for i, c in enumerate(gen.columns(1, rows=block, kinds=kinds))}
    df = pd.DataFrame({k: pd.Series(v * (rows // block), dtype=object) for k, v in base.items()})
    text_col = list(base)[kinds.index("free_text")]
    df[text_col] = [f"{t} Dossier {i}." for i, t in enumerate(df[text_col])]  # every text distinct, as in real files
    df.index = pd.RangeIndex(2, len(df) + 2, name="source_row")
    table = Table(df, SourceInfo(Path("speed.csv"), "csv"))
    t0 = time.perf_counter()
    scan = scan_table(table)
    t1 = time.perf_counter()
    _, log = apply_plan(table, default_plan(scan))
    t2 = time.perf_counter()
    masked = sum(sum(e.spans_masked.values()) for e in log.entries)
    return [f"{len(df):,} rows x {len(df.columns)} columns: scan {t1 - t0:.1f} s, apply default plan {t2 - t1:.1f} s "
            f"({masked:,} spans masked in free text; {len(scan.flagged)} columns flagged)"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--per-kind", type=int, default=1000)
    parser.add_argument("--rows", type=int, default=60)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--speed-rows", type=int, default=1_000_000)
    args = parser.parse_args()

    pairs, seconds = run_generated(args.per_kind, args.rows, args.seed, Generator(args.seed))
    print(f"== 1. generated (Faker fr_FR): {len(pairs)} columns of {args.rows} rows, "
          f"{args.per_kind} per kind, classified in {seconds:.1f} s ({1000 * seconds / len(pairs):.1f} ms/column)")
    print("\n".join(confusion_lines(pairs)))

    real = run_real()
    print(f"\n== 3. real files: {len(real)} columns of {len(REAL_TRUTH)} files (hand-labelled)")
    print("\n".join(confusion_lines(real)))

    name_kinds = ["last_name", "first_name", "full_name", "sole_proprietor", "company", "company_city", "label",
                  "named_place"]
    gen = held_out_generator(args.seed + 1)
    cols = gen.columns(args.per_kind, args.rows, kinds=name_kinds)
    rules = load_rules()
    held = [(c.truth, classify_column(c.header, sample_values(pd.Series(c.values)), rules).category) for c in cols]
    print(f"\n== 2. held-out names (30 % of fr_FR names unknown to the lexicons): {len(held)} columns")
    print("\n".join(confusion_lines(held)))

    if args.speed_rows:
        print("\n== 4. speed")
        print("\n".join(run_speed(args.speed_rows, args.seed)))


if __name__ == "__main__":
    main()
