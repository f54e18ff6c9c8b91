"""Benchmark: opening a big workbook and a big CSV with capnum vs pandas (issue 2, "Speed and memory").

Generates (once, cached under bench/out/) an Excel-like 1,000,000-row x 12-column xlsx (shared
strings, typed numbers and dates, as Excel writes them) and the same rows as a French Excel CSV
(cp1252, ``;``, decimal comma, dd/mm/yyyy, CRLF, some multi-line cells), and as an .ods. Then, each in a fresh
process so that peak memory is its own, measures:

* capnum ``read_table`` on the xlsx, and its ``max_rows=1000`` preview;
* ``pandas.read_excel(engine="openpyxl")`` on the xlsx (4-5 minutes at 1M rows: ``--skip-openpyxl``);
* capnum ``read_table`` on the CSV (and its preview) vs ``pandas.read_csv(dtype=str)``;
* capnum ``read_table`` on the same rows as an .ods (LibreOffice-like typed cells; and its preview)
  vs fastexcel's bare load of the sheet.

Run: ``python bench/open_files.py [--rows 1000000] [--skip-openpyxl]``. Prints a table of seconds
(the read call only, imports excluded) and peak RSS (MB) of each process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

OUT = Path(__file__).resolve().parent / "out"
COLUMNS = [
    "id",
    "civilite",
    "nom",
    "prenom",
    "email",
    "telephone",
    "code_postal",
    "ville",
    "date_naissance",
    "montant",
    "siret",
    "commentaire",
]


def _pools(seed: int = 42) -> dict[str, list[str]]:
    from faker import Faker

    fake = Faker("fr_FR")
    Faker.seed(seed)
    return {
        "nom": [fake.last_name() for _ in range(3000)],
        "prenom": [fake.first_name() for _ in range(1500)],
        "ville": [fake.city() for _ in range(3000)],
        "phone": [fake.phone_number() for _ in range(5000)],
        "comment": [fake.sentence(nb_words=8) for _ in range(2000)]
        + ["Dossier « urgent » – pièce manquante ; relancé", "Subvention œuvre sociale : 1 234,50 €"],
    }


def rows(n: int, seed: int = 42):
    """The same n rows for both files: (id, civ, nom, prenom, email, tel, cp, ville, date, montant, siret, comment)."""
    pools = _pools(seed)
    rng = random.Random(seed)
    epoch = dt.date(1940, 1, 1)
    for i in range(1, n + 1):
        nom = rng.choice(pools["nom"])
        prenom = rng.choice(pools["prenom"])
        cp = f"{rng.randint(1000, 98999):05d}"
        comment = ""
        r = rng.random()
        if r < 0.6:
            comment = rng.choice(pools["comment"])
            if r < 0.003:
                comment += "\nSuite du commentaire sur une deuxième ligne."
        yield (
            i,
            rng.choice(("M.", "Mme")),
            nom,
            prenom,
            f"{prenom}.{nom}.{i}@exemple.fr".lower().replace(" ", ""),
            rng.choice(pools["phone"]),
            cp,
            rng.choice(pools["ville"]),
            epoch + dt.timedelta(days=rng.randint(0, 25000)),
            round(rng.uniform(-500, 50000), 2),
            f"{rng.randint(10**13, 10**14 - 1)}",
            comment,
        )


def write_xlsx(path: Path, n: int) -> None:
    """An xlsx as Excel writes it: shared strings, numbers and dates typed, a date style."""
    strings: dict[str, int] = {}

    def sst(value: str) -> str:
        index = strings.get(value)
        if index is None:
            index = strings[value] = len(strings)
        return f'<c t="s"><v>{index}</v></c>'

    excel_epoch = dt.date(1899, 12, 30)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
                + f'<dimension ref="A1:L{n + 1}"/>'.encode()
                + b"<sheetData>"
            )
            head = "".join(sst(c) for c in COLUMNS)
            buf = [f'<row r="1">{head}</row>']
            for r, row in enumerate(rows(n), start=2):
                i, civ, nom, prenom, email, tel, cp, ville, born, amount, siret, comment = row
                cells = [
                    f"<c><v>{i}</v></c>",
                    sst(civ),
                    sst(nom),
                    sst(prenom),
                    sst(email),
                    sst(tel),
                    sst(cp),
                    sst(ville),
                    f'<c s="1"><v>{(born - excel_epoch).days}</v></c>',
                    f'<c s="2"><v>{amount!r}</v></c>',
                    sst(siret),
                    sst(comment) if comment else "",
                ]
                buf.append(f'<row r="{r}">{"".join(cells)}</row>')
                if len(buf) >= 5000:
                    sheet.write("".join(buf).encode())
                    buf = []
            buf.append("</sheetData></worksheet>")
            sheet.write("".join(buf).encode())
        with z.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            out.write(
                b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                + f'count="{len(strings)}" uniqueCount="{len(strings)}">'.encode()
            )
            chunk = []
            for value in strings:
                space = ' xml:space="preserve"' if value != value.strip() or "\n" in value else ""
                chunk.append(f"<si><t{space}>{escape(value)}</t></si>")
                if len(chunk) >= 10000:
                    out.write("".join(chunk).encode())
                    chunk = []
            out.write(("".join(chunk) + "</sst>").encode())
        z.writestr("[Content_Types].xml", _CONTENT_TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _WORKBOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        z.writestr("xl/styles.xml", _STYLES)


def write_ods(path: Path, n: int) -> None:
    """An .ods as LibreOffice writes its cells: typed floats and dates, each with its displayed text."""
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _ODS_MANIFEST)
        with z.open("content.xml", "w", force_zip64=True) as content:
            content.write(
                (
                    '<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
                    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
                    f'xmlns:table="{table}" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
                    'office:version="1.2"><office:body><office:spreadsheet>'
                    '<table:table table:name="Données">'
                ).encode()
            )

            def text(value: str) -> str:
                if not value:
                    return "<table:table-cell/>"
                return f'<table:table-cell office:value-type="string"><text:p>{escape(value)}</text:p></table:table-cell>'

            def number(value: float, shown: str) -> str:
                return (
                    f'<table:table-cell office:value-type="float" office:value="{value!r}">'
                    f"<text:p>{shown}</text:p></table:table-cell>"
                )

            buf = ["<table:table-row>" + "".join(text(c) for c in COLUMNS) + "</table:table-row>"]
            for row in rows(n):
                i, civ, nom, prenom, email, tel, cp, ville, born, amount, siret, comment = row
                cells = [
                    number(i, str(i)),
                    text(civ),
                    text(nom),
                    text(prenom),
                    text(email),
                    text(tel),
                    text(cp),
                    text(ville),
                    f'<table:table-cell office:value-type="date" office:date-value="{born.isoformat()}">'
                    f"<text:p>{born:%d/%m/%Y}</text:p></table:table-cell>",
                    number(amount, f"{amount:.2f}".replace(".", ",")),
                    text(siret),
                    text(comment).replace("\n", "</text:p><text:p>"),
                ]
                buf.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
                if len(buf) >= 5000:
                    content.write("".join(buf).encode())
                    buf = []
            buf.append("</table:table></office:spreadsheet></office:body></office:document-content>")
            content.write("".join(buf).encode())


_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


def write_csv(path: Path, n: int) -> None:
    """French Excel CSV: cp1252, ';', decimal comma, dd/mm/yyyy, CRLF."""
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(";".join(COLUMNS) + "\r\n")
        buf = []
        for row in rows(n):
            i, civ, nom, prenom, email, tel, cp, ville, born, amount, siret, comment = row
            text = comment.replace('"', '""')
            if ";" in text or "\n" in text or '"' in comment:
                text = f'"{text}"'
            buf.append(
                f"{i};{civ};{nom};{prenom};{email};{tel};{cp};{ville};{born:%d/%m/%Y};"
                f"{str(amount).replace('.', ',')};{siret};{text}\r\n"
            )
            if len(buf) >= 10000:
                out.write("".join(buf))
                buf = []
        out.write("".join(buf))


_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="Données" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts>'
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="1"><fill><patternFill patternType="none"/></fill></fills>'
    '<borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
    "</styleSheet>"
)


# --------------------------------------------------------------------------- measuring


def _measure(case: str, path: str) -> dict:
    """Run one case in this process; return seconds (read call only) and peak RSS."""
    if case.startswith("capnum"):
        from capnum_desktop.core.io import read_table

        start = time.perf_counter()
        table = read_table(path, max_rows=1000 if case.endswith("preview") else None)
        seconds = time.perf_counter() - start
        shape = [table.row_count, len(table.columns)]
    elif case == "fastexcel_ods":  # the floor: calamine's parse + one copy of the sheet + Arrow, no text
        import fastexcel

        start = time.perf_counter()
        batch = fastexcel.read_excel(path).load_sheet(0, schema_sample_rows=None).to_arrow()
        seconds = time.perf_counter() - start
        shape = [batch.num_rows, batch.num_columns]
    elif case == "pandas_openpyxl":
        import pandas as pd

        start = time.perf_counter()
        df = pd.read_excel(path, engine="openpyxl")
        seconds = time.perf_counter() - start
        shape = list(df.shape)
    elif case == "pandas_csv":
        import pandas as pd

        start = time.perf_counter()
        df = pd.read_csv(path, dtype=str, sep=";", encoding="cp1252")
        seconds = time.perf_counter() - start
        shape = list(df.shape)
    else:
        raise SystemExit(f"unknown case {case}")
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"case": case, "seconds": round(seconds, 2), "peak_mb": round(peak_mb), "shape": shape}


def _run_case(case: str, path: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--measure", case, str(path)], capture_output=True, text=True, check=False
    )
    if proc.returncode != 0:
        return {"case": case, "error": proc.stderr.strip().splitlines()[-1:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument(
        "--skip-openpyxl", action="store_true", help="do not run pandas+openpyxl (minutes at 1M)"
    )
    parser.add_argument("--generate-only", action="store_true")
    parser.add_argument("--measure", nargs=2, metavar=("CASE", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(_measure(*args.measure)))
        return 0
    OUT.mkdir(exist_ok=True)
    xlsx = OUT / f"people_{args.rows}.xlsx"
    csv_path = OUT / f"people_{args.rows}_cp1252.csv"
    ods_path = OUT / f"people_{args.rows}.ods"
    for path, writer in ((xlsx, write_xlsx), (csv_path, write_csv), (ods_path, write_ods)):
        if not path.exists():
            start = time.perf_counter()
            tmp = path.with_suffix(".tmp")
            writer(tmp, args.rows)
            tmp.rename(path)
            print(
                f"generated {path.name} ({path.stat().st_size / 1e6:.1f} MB) in {time.perf_counter() - start:.0f} s"
            )
    if args.generate_only:
        return 0
    cases = [("capnum_xlsx_preview", xlsx), ("capnum_xlsx", xlsx)]
    if not args.skip_openpyxl:
        cases.append(("pandas_openpyxl", xlsx))
    cases += [("capnum_csv_preview", csv_path), ("capnum_csv", csv_path), ("pandas_csv", csv_path)]
    cases += [("capnum_ods_preview", ods_path), ("capnum_ods", ods_path), ("fastexcel_ods", ods_path)]
    results = {}
    print(f"{'case':<22}{'seconds':>10}{'peak MB':>10}  rows x cols")
    for case, path in cases:
        res = _run_case(case, path)
        results[case] = res
        if "error" in res:
            print(f"{case:<22} ERROR {res['error']}")
        else:
            print(
                f"{case:<22}{res['seconds']:>10.2f}{res['peak_mb']:>10}  {res['shape'][0]} x {res['shape'][1]}"
            )
    if (
        "capnum_xlsx" in results
        and "pandas_openpyxl" in results
        and "seconds" in results.get("pandas_openpyxl", {})
    ):
        ratio = results["pandas_openpyxl"]["seconds"] / results["capnum_xlsx"]["seconds"]
        print(f"xlsx: capnum is {ratio:.1f}x faster than pandas+openpyxl (target >= 4x)")
    if "seconds" in results.get("capnum_csv", {}) and "seconds" in results.get("pandas_csv", {}):
        ratio = results["capnum_csv"]["seconds"] / results["pandas_csv"]["seconds"]
        print(f"csv: capnum takes {ratio:.2f}x the time of pandas read_csv(dtype=str) (target <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
