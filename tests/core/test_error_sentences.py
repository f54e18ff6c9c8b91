"""Core errors with codes and parameters: their sentences made where shown, French or English (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from capnum_desktop.core import errors
from capnum_desktop.core.error_sentences import ERROR_SENTENCES
from capnum_desktop.core.errors import CapnumError, InputFileError
from capnum_desktop.core.io import ReadOptions, read_table
from capnum_desktop.core.io.sniff import _KNOWN_BINARIES

CORE = Path(errors.__file__).parent


# Every entry of the table in both languages with the same parameters: tests/test_sentence_tables.py


@pytest.mark.parametrize("cls", [c for c in vars(errors).values()
                                 if isinstance(c, type) and issubclass(c, CapnumError)])
def test_each_error_class_default_hint_is_its_table_entry(cls: type[CapnumError]) -> None:
    assert ERROR_SENTENCES[cls.hint_key]["fr"] == cls.default_hint


def test_every_code_the_core_raises_is_in_the_table() -> None:
    used: set[str] = set()
    for path in CORE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"\.coded\(\s*\"([a-z0-9-]+)\"", text))
        used |= set(re.findall(r"\bhint=\"([a-z0-9.-]+)\"", text))
        used |= set(re.findall(r"\(\"(schema\.[a-z0-9-]+)\", \{", text))  # schema_check's problems
        used |= set(re.findall(r"_key=\"([a-z0-9.-]+)\"", text))
    used |= {f"binary.{kind}" for kind in _KNOWN_BINARIES.values()}
    assert len(used) > 30  # the reader's errors are coded
    assert sorted(used - set(ERROR_SENTENCES)) == []


def test_a_read_error_in_french_and_in_english(tmp_path: Path) -> None:
    with pytest.raises(InputFileError) as info:
        read_table(tmp_path / "absent.csv")
    error = info.value
    assert error.code == "file-not-found" and error.params == {"path": str(tmp_path / "absent.csv")}
    assert error.message == f"Le fichier « {tmp_path / 'absent.csv'} » est introuvable."  # French by default
    assert error.text("en") == (f"The file \"{tmp_path / 'absent.csv'}\" cannot be found.",
                                "Check the file's name and folder (it may have been moved or renamed).")
    assert str(error).startswith("Le fichier « ")


def test_parameters_that_are_lists_or_pieces_of_the_table(tmp_path: Path) -> None:
    path = tmp_path / "a.pdf"
    path.write_bytes(b"%PDF-1.4")
    with pytest.raises(InputFileError) as info:
        read_table(path)
    assert info.value.text("en")[0] == '"a.pdf" is a PDF document, not a data table.'
    assert info.value.message == "« a.pdf » est un document PDF, pas un tableau de données."
    csv = tmp_path / "a.csv"
    csv.write_text("a;b\n1;2\n", encoding="utf-8")
    with pytest.raises(InputFileError) as info:
        read_table(csv, ReadOptions(encoding="klingon-8"))
    assert info.value.text("en") == ('The encoding "klingon-8" is not known.', "Try utf-8, cp1252 (Windows) or latin-1.")
    sheet = InputFileError.coded("sheet-missing", sheet="X", name="t.xlsx", sheets=["A", "B"])
    assert sheet.hint == "Feuilles disponibles : « A », « B »."
    assert sheet.text("en")[1] == 'Available sheets: "A", "B".'


def test_an_error_made_from_a_french_sentence_stays_french() -> None:
    error = CapnumError("Quelque chose ne va pas.", "Faites ceci.")
    assert error.code == "" and error.text("en") == ("Quelque chose ne va pas.", "Faites ceci.")


def test_an_unusable_schema_lists_its_problems_in_each_language() -> None:
    from capnum_desktop.core.errors import SchemaError
    from capnum_desktop.core.validation import schema_view

    fields = [{"name": "a", "type": "texte"}, {"name": "a"}, {"name": "b", "constraints": {"enum": "x"}},
              {"name": "c", "constraints": {"pattern": "(", "minLength": "2"}}]
    descriptor = {"fields": fields, "primaryKey": ["z"]}
    with pytest.raises(SchemaError) as info:
        schema_view(descriptor)
    message, hint = info.value.text("fr")
    assert message.startswith("Ce schéma ne peut pas servir à valider : le champ « a » est décrit 2 fois ; ")
    assert message.endswith(" ; et 1 autre problème.") and hint.startswith("Corrigez le fichier de schéma")
    english = info.value.text("en")
    assert english[0].startswith("This schema cannot be used to validate: the field \"a\" is described 2 times; ")
    assert english[0].endswith("; and 1 other problem.") and english[1].startswith("Correct the schema file")


def test_export_import_and_edit_errors_in_each_language(tmp_path: Path) -> None:
    """The errors an agent meets on Exporter, on « Importer un schéma » and in the bulk fix are coded."""
    from capnum_desktop.core.edits import EditError
    from capnum_desktop.core.export.writers import check_folder
    from capnum_desktop.core.schemas.catalogue_import import import_schemas

    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.csv").write_text("x\n", encoding="utf-8")
    with pytest.raises(errors.ExportError) as info:
        check_folder(tmp_path / "out", overwrite=False)
    assert info.value.message == f"Le dossier « {tmp_path / 'out'} » existe déjà et n'est pas vide."
    assert info.value.text("en")[0] == f"The folder \"{tmp_path / 'out'}\" already exists and is not empty."
    broken = tmp_path / "catalogue.zip"
    broken.write_bytes(b"PK\x03\x04 not an archive")
    with pytest.raises(errors.SchemaError) as info:
        import_schemas(broken)
    assert info.value.text("en")[0] == 'The archive "catalogue.zip" is unreadable or damaged.'
    assert ERROR_SENTENCES[EditError.hint_key]["fr"] == EditError.default_hint
    assert EditError.coded("edit-not-a-field", field="x").text("en")[1] == "Choose a column of the schema."
