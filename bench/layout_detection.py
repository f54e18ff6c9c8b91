"""How often the reader finds bureau layouts (issue 17), and what it does on the reference files.

Part 1 makes, for each layout, N files the way bureaus make them (Faker fr_FR values, random widths,
row counts, column kinds, CSV or xlsx) and counts the files read exactly right: the expected column
names and exactly the data rows, the layout rows reported under their kind. Part 2 reads every file
of ../shared/reference/real-files (and csv-detective's a_test_file.csv) and lists what was detected,
so that a false detection (a data row left out, a wrong sheet) shows.

    python bench/layout_detection.py [N]      (default N = 40 per layout)
"""

from __future__ import annotations

import random
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
from faker import Faker

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from capnum_desktop.core.io import ReadOptions, read_table

REPO = Path(__file__).resolve().parent.parent
REFERENCE = REPO.parent / "shared" / "reference"

fake = Faker("fr_FR")

COLUMNS: list[tuple[str, Callable[[], object], str]] = [
    ("nom", lambda: fake.company(), "Champ texte"),
    ("commune", lambda: fake.city(), "Texte"),
    ("montant", lambda: random.randint(100, 90000), "Nombre"),
    ("date_decision", lambda: fake.date_between("-3y").isoformat(), "Date"),
    ("places", lambda: random.randint(1, 500), "Nombre entier"),
    ("courriel", lambda: fake.email(), "Texte"),
    ("accessible", lambda: random.choice(["Oui", "Non"]), "Booléen"),
    ("code_postal", lambda: fake.postcode(), "Texte"),
]
INSTRUCTIONS = ["Indiquez {c}", "ex. : {v}", "Saisir {c}", "Obligatoire", "Facultatif", "Format : {v}"]


def _pick_columns() -> list[tuple[str, Callable[[], object], str]]:
    return random.sample(COLUMNS, random.randint(3, len(COLUMNS)))


def _write(rows: list[list[object]], folder: Path, name: str, merges: list[str] = ()) -> Path:
    """As xlsx or as a ;-separated CSV (half of each)."""
    if random.random() < 0.5:
        path = folder / f"{name}.xlsx"
        book = openpyxl.Workbook()
        for row in rows:
            book.active.append([None if v == "" else v for v in row])
        for ref in merges:
            book.active.merge_cells(ref)
        book.save(path)
        return path
    path = folder / f"{name}.csv"
    path.write_text("\n".join(";".join(str(v) for v in r) for r in rows) + "\n", encoding="utf-8")
    return path


def _data(cols, n: int) -> list[list[object]]:
    return [[f() for _, f, _ in cols] for _ in range(n)]


def case_template(folder: Path, k: int):
    cols = _pick_columns()
    rows = [[c for c, _, _ in cols]]
    with_types, with_instr = random.choice([(True, True), (True, False), (False, True)])
    if with_types:
        rows.append([t for _, _, t in cols])
    if with_instr:
        rows.append([random.choice(INSTRUCTIONS).format(c=c, v=f()) for c, f, _ in cols])
    n = random.randint(3, 120)
    rows += _data(cols, n)
    kinds = ({"types"} if with_types else set()) | ({"instructions"} if with_instr else set())
    return _write(rows, folder, f"template{k}"), [c for c, _, _ in cols], n, kinds


def case_total_under_header(folder: Path, k: int):
    cols = [("libelle", lambda: fake.city(), "")] + [
        (f"valeur_{j}", lambda: random.randint(1, 999), "") for j in range(random.randint(2, 6))
    ]
    n = random.randint(3, 120)
    data = _data(cols, n)
    total = [random.choice(["Total", "TOTAL", "Total général", "Ensemble"])] + [
        sum(int(r[j]) for r in data) for j in range(1, len(cols))
    ]
    rows = [[c for c, _, _ in cols], total, *data]
    return _write(rows, folder, f"total{k}"), [c for c, _, _ in cols], n, {"total"}


def case_subtotals(folder: Path, k: int):
    cols = [("commune", lambda: fake.city(), ""), ("code", lambda: fake.postcode(), "")] + [
        (f"indicateur_{j}", lambda: random.randint(1, 999), "") for j in range(random.randint(2, 5))
    ]
    rows: list[list[object]] = [[c for c, _, _ in cols]]
    n = 0
    kinds: set[str] = set()
    for g in range(random.randint(2, 5)):
        if random.random() < 0.7:
            rows.append([fake.region()] + [""] * (len(cols) - 1))
            kinds.add("subheading")
        group = _data(cols, random.randint(4, 30))
        rows += group
        n += len(group)
        rows.append(
            [f"Sous-total {g + 1}", ""] + [sum(int(r[j]) for r in group) for j in range(2, len(cols))]
        )
        kinds.add("subtotal")
    return _write(rows, folder, f"subtotal{k}"), [c for c, _, _ in cols], n, kinds


def case_multirow_header(folder: Path, k: int):
    """A band (« Population »), a sub-band (« 2019 ») on 4-line headers, the labels, a units line;
    « Commune » on the band line (even ``k``) or on the labels line (odd ``k``: no random draw, so the
    other layouts' files stay the same)."""
    groups = random.sample(
        ["Population", "Logements", "Emplois", "Ménages", "Superficie"], random.randint(1, 3)
    )
    subs = (
        ["Hommes", "Femmes", "Ensemble"] if random.random() < 0.5 else ["Moins de 15 ans", "15 ans ou plus"]
    )
    units = random.random() < 0.6
    years = [str(random.choice([2019, 2020, 2021]))] if random.random() < 0.5 else []
    on_labels = k % 2 == 1
    band: list[object] = ["" if on_labels else "Commune"]
    sub_band: list[object] = [""]
    labels: list[object] = ["Commune" if on_labels else ""]
    unit_row: list[object] = [""]
    names = ["Commune"]
    merges = []
    for g in groups:
        start = len(band) + 1
        band += [g] + [""] * (len(subs) - 1)
        sub_band += years[:1] + [""] * (len(subs) - 1)
        labels += subs
        unit_row += ["(nombre)"] * len(subs)
        names += [" - ".join([g, *years, s]) + (" (nombre)" if units else "") for s in subs]
        end = openpyxl.utils.get_column_letter(start + len(subs) - 1)
        merges.append(f"{openpyxl.utils.get_column_letter(start)}1:{end}1")
        if years:
            merges.append(f"{openpyxl.utils.get_column_letter(start)}2:{end}2")
    rows = [band] + ([sub_band] if years else []) + [labels] + ([unit_row] if units else [])
    n = random.randint(3, 80)
    rows += [[fake.city()] + [random.randint(1, 9999) for _ in range(len(names) - 1)] for _ in range(n)]
    return _write(rows, folder, f"multi{k}", merges), names, n, set()


def case_band_per_column(folder: Path, k: int):
    p = random.randint(2, 7)
    band = ["", ""] + [f"Paramètre {j}" for j in range(1, p + 1)]
    labels = ["date", "heure"] + [f"valeur_parametre{j}" for j in range(1, p + 1)]
    n = random.randint(5, 150)
    rows = [band, labels] + [
        [fake.date_between("-1y").isoformat(), f"{random.randint(0, 23):02d}:00"]
        + [round(random.uniform(0, 50), 2) for _ in range(p)]
        for _ in range(n)
    ]
    return _write(rows, folder, f"band{k}"), labels, n, set()


def case_active_sheet(folder: Path, k: int):
    book = openpyxl.Workbook()
    book.remove(book.active)
    years = list(range(2019, 2019 + random.randint(2, 5)))
    sizes = {y: random.randint(3, 60) for y in years}
    for y in years:
        ws = book.create_sheet(str(y))
        ws.append(["Bénéficiaire", "Montant", "Année"])
        for _ in range(sizes[y]):
            ws.append([fake.company(), random.randint(100, 9000), y])
    active = random.randrange(len(years))
    book.active = active
    path = folder / f"sheets{k}.xlsx"
    book.save(path)
    return path, ["Bénéficiaire", "Montant", "Année"], sizes[years[active]], {f"sheet:{years[active]}"}


def case_cr_in_quoted_field(folder: Path, k: int):
    """An old cp1252 export: ``\\r\\n`` between records, a bare ``\\r`` inside a quoted comment."""
    names = ["Bénéficiaire", "Commentaire", "Montant"]
    n = random.randint(3, 60)
    lines = [";".join(names)]
    for _ in range(n):
        comment = fake.sentence()
        if random.random() < 0.5:
            comment = comment + "\r" + fake.sentence()
        lines.append(f'"{fake.company()}";"{comment}";{random.randint(100, 9000)}')
    path = folder / f"cr{k}.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252", errors="replace"))
    return path, names, n, set()


CASES = {
    "ligne de types / d'instructions (modèle)": case_template,
    "ligne « Total » sous l'en-tête": case_total_under_header,
    "sous-totaux et intertitres": case_subtotals,
    "en-tête sur 2 à 4 lignes (bandeau, sous-bandeau, unités)": case_multirow_header,
    "bandeau d'une case par colonne": case_band_per_column,
    "feuille active parmi des feuilles semblables": case_active_sheet,
    "retour chariot seul dans un champ entre guillemets (cp1252)": case_cr_in_quoted_field,
}


def judge(path: Path, names: list[str], n: int, kinds: set[str]) -> tuple[bool, bool, bool, bool]:
    """(header, data rows, columns, layout reported) right, as ``capnum inspect`` reads the file."""
    table = read_table(path, ReadOptions())
    found = {s.reason for s in table.source.skipped} | {f"sheet:{table.source.sheet}"}
    columns = list(table.columns) == names
    # The header line found: as many columns, each named from the right header cells (case, spaces
    # and separators aside), even where the joined name differs from the exporter's.
    header = len(table.columns) == len(names) and all(
        _bare(names[i]).endswith(_bare(str(c)).split("-")[-1]) or _bare(str(c)) == _bare(names[i])
        for i, c in enumerate(table.columns)
    )
    return header, table.row_count == n, columns, kinds <= found


def _bare(text: str) -> str:
    return "".join(ch for ch in text.lower() if ch.isalnum() or ch == "-").replace("nombre", "")


def _pct(ok: int, count: int) -> str:
    return f"{ok} ({100 * ok / count:.0f} %)"


def generated(count: int) -> None:
    random.seed(17)
    Faker.seed(17)
    print("| layout | files | header right | data rows right | columns right | all right |")
    print("|---|---:|---:|---:|---:|---:|")
    total = good = 0
    with tempfile.TemporaryDirectory() as tmp:
        for label, make in CASES.items():
            marks = [judge(*make(Path(tmp), k)) for k in range(count)]
            header, rows, columns = (sum(m[i] for m in marks) for i in range(3))
            ok = sum(all(m) for m in marks)
            total += count
            good += ok
            print(
                f"| {label} | {count} | {_pct(header, count)} | {_pct(rows, count)} | "
                f"{_pct(columns, count)} | {_pct(ok, count)} |"
            )
    print(f"| all | {total} | | | | {_pct(good, total)} |")


def reference() -> None:
    files = sorted(p for p in (REFERENCE / "real-files").glob("*/*") if p.suffix != ".md")
    files.append(REFERENCE / "csv-detective" / "tests-data" / "a_test_file.csv")
    if not files[0].exists():
        print("(../shared/reference absent: part 2 skipped)")
        return
    print("\n| reference file | sheet | header (rows) | rows | left out |\n|---|---|---|---:|---|")
    for path in files:
        t = read_table(path)
        s = t.source
        left = (
            ", ".join(f"{k.reason} {len(k.lines)}" for k in s.skipped if k.reason not in ("empty", "blank"))
            or "—"
        )
        print(
            f"| {path.name} | {s.sheet or ''} | {s.header_line} ({s.header_lines}) | {t.row_count} | {left} |"
        )


if __name__ == "__main__":
    generated(int(sys.argv[1]) if len(sys.argv) > 1 else 40)
    reference()
