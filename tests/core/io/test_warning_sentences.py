"""The reader's warnings and reasons are coded: French as before (the str itself), English on request (issue 16).

The table's completeness (both languages, same parameters) is checked with the other sentence tables in
``tests/test_sentence_tables.py``; here: every code the reader uses is in the table, a note keeps its code
through copies, and files with warnings read in French exactly as before and in English when asked.
"""

from __future__ import annotations

import copy
import pickle
import re
from pathlib import Path

import pytest
from openpyxl import Workbook

from capnum_desktop.core.io import ReadOptions, read_table, row_kinds
from capnum_desktop.core.io.warning_sentences import READER_SENTENCES, ReadNote, read_text, skipped_detail

IO_DIR = Path(__file__).resolve().parents[3] / "capnum_desktop" / "core" / "io"


def test_every_code_the_reader_writes_is_in_the_table() -> None:
    used = set()
    for path in IO_DIR.glob("*.py"):
        used |= set(re.findall(r'ReadNote\(\s*"([^"]+)"', path.read_text(encoding="utf-8")))
        used |= {f"skipped.{r}" for r in re.findall(r'skipped_detail\("([^"]+)"\)', path.read_text(encoding="utf-8"))}
    used |= {f"skipped.{kind}" for kind in row_kinds.KINDS}  # skipped_detail(kind) in assemble
    assert len(used) > 15
    assert used - set(READER_SENTENCES) == set()


def test_a_note_is_its_french_sentence_and_keeps_its_code() -> None:
    note = ReadNote("html-several-tables", tables=3)
    assert note == "La page contient 3 tableaux : le plus grand a été lu."
    assert note.text("en") == "The page holds 3 tables: the largest one was read."
    assert note.text("de") == note  # a language we do not write: French
    for same in (copy.deepcopy(note), copy.copy(note), pickle.loads(pickle.dumps(note))):
        assert (same.code, same.text("en")) == (note.code, note.text("en"))
    with pytest.raises(AttributeError):
        note.code = "other"  # type: ignore[misc]
    assert read_text("une phrase d'avant", "en") == "une phrase d'avant"
    assert skipped_detail("total").text("en") == '"Total" line under the header'


def _files(tmp_path: Path) -> dict[str, Path]:
    rows = ["id;nom;ville"] + [f"{i};nom{i};ville{i}" for i in range(1, 60001)]  # past the 1 MB sample
    late = ("\n".join(rows) + "\n").encode("utf-8") + "60001;Zoé;Besançon\n".encode("cp1252")
    ragged = "a;b;c\n" + "".join(
        f"{i};{i};{i}\n" if i % 3 else f"{i};{i}\n" if i % 2 else f"{i};{i};{i};x\n" for i in range(1, 40)
    )
    files = {
        "late.csv": late,
        "title.csv": "Rapport annuel 2024\nSource : mairie\n\nid;montant;libellé\ntexte;nombre;texte\n"
        "1;10;a\n2;20;b\n3;30;c\nTotal;60;\n".encode(),
        "ragged.csv": ragged.encode(),
        "sci.csv": b"siret;nom\n2,10104E+13;a\n21010400000017;b\n",
        "moji.csv": "ville;nom\nBesanÃ§on;a\nCafÃ©;b\n".encode(),
        "noheader.csv": b"1;2;3\n4;5;6\n7;8;9\n",
    }
    out = {}
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        out[name] = tmp_path / name
    book = Workbook()
    book.active.title = "2023"
    for row in (["id", "v"], [1, 2], [3, 4]):
        book.active.append(row)
    second = book.create_sheet("2024")
    for row in (["id", "v"], [5, 6]):
        second.append(row)
    book.save(tmp_path / "sheets.xlsx")
    out["sheets.xlsx"] = tmp_path / "sheets.xlsx"
    return out


# the French of these files (that of the reader before codes, with plurals since: « 1 valeur », « ligne 2 »)
FRENCH = {
    "late.csv": "Le fichier semblait être en UTF-8 mais contient à partir de la ligne 60002 des caractères d'un "
    "autre encodage : il a été lu en Windows-1252 (Europe de l'Ouest). Vérifiez les accents dans l'aperçu.",
    "ragged.csv": "13 lignes n'ont pas autant de cellules que l'en-tête (3) : lignes 4, 7, 10, 13, 16, 19, 22, "
    "25… (13 lignes). Pour l'édition, les cellules manquantes sont laissées vides et les cellules en trop sont "
    "placées dans des colonnes ajoutées ; le validateur national refuserait le fichier tel quel (un séparateur en "
    "trop ou en moins, ou un texte contenant le séparateur sans guillemets).",
    "sci.csv": "Colonne « siret » : 1 valeur en notation scientifique (ligne 2). Excel a probablement abîmé "
    "des identifiants (SIRET, téléphone…) : les chiffres perdus ne peuvent pas être retrouvés ; reprenez ces "
    "valeurs depuis la source ou enregistrez la colonne au format Texte.",
    "moji.csv": "Colonne « ville » : 2 valeurs avec des caractères mal décodés (« Ã© » au lieu de « é », lignes "
    "2, 3). Le fichier a sans doute été converti deux fois ; choisissez un autre encodage ou corrigez le fichier "
    "source.",
    "noheader.csv": "Aucune ligne d'en-tête reconnue : les colonnes ont été nommées colonne_1, colonne_2…",
    "sheets.xlsx": "2 feuilles de même disposition mises bout à bout : « 2023 » (2), « 2024 » (1). La colonne "
    "« feuille » dit de quelle feuille vient chaque ligne ; les numéros de ligne continuent d'une feuille à la "
    "suivante.",
}
ENGLISH = {
    "late.csv": "it was read as Windows-1252 (Western Europe)",
    "ragged.csv": "13 lines with another number of cells than the header (3): lines 4, 7, 10, 13, 16, 19, 22, "
    "25… (13 lines). For editing, the missing cells are left empty and the extra cells are put in added columns",
    "sci.csv": 'Column "siret": 1 value in scientific notation (line 2).',
    "moji.csv": 'Column "ville": 2 values with badly decoded characters',
    "noheader.csv": "No header line recognised",
    "sheets.xlsx": '2 sheets with the same layout appended: "2023" (2), "2024" (1).',
}


@pytest.mark.parametrize("name", sorted(FRENCH))
def test_warnings_of_a_file_in_french_as_before_and_in_english(tmp_path: Path, name: str) -> None:
    path = _files(tmp_path)[name]
    table = read_table(path, ReadOptions(all_sheets=name.endswith(".xlsx")))
    assert FRENCH[name] in table.source.warnings
    english = [read_text(w, "en") for w in table.source.warnings]
    assert any(ENGLISH[name] in w for w in english), english
    assert not any("«" in w or " : " in w for w in english), english


def test_lines_left_out_say_why_in_both_languages(tmp_path: Path) -> None:
    table = read_table(_files(tmp_path)["title.csv"])
    details = {s.reason: s.detail for s in table.source.skipped}
    assert details == {
        "title": "lignes au-dessus de l'en-tête",
        "blank": "lignes vides au-dessus de l'en-tête",
        "footer": "total, source ou note sous le tableau",
        "types": "ligne de types de colonnes sous l'en-tête (modèle)",
    }
    assert read_text(details["types"], "en") == "line of column types under the header (template)"
    assert table.source.to_dict()["skipped"][0]["detail"] == "lignes au-dessus de l'en-tête"  # reports stay French
