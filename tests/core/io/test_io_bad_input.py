"""Bad input: a French message and hint, exit code 2 from the CLI, no traceback, the file untouched."""

from __future__ import annotations

import hashlib
import io
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from capnum_desktop.cli import main
from capnum_desktop.core.errors import InputFileError, ProtectedFileError, UnsupportedFormatError
from capnum_desktop.core.io import delimited, read_table

REPO = Path(__file__).resolve().parents[3]
DEMO = REPO / "resources" / "demo" / "subventions-demo.xlsx"


def _empty(tmp: Path) -> Path:
    path = tmp / "vide.csv"
    path.write_bytes(b"")
    return path


def _blank_lines(tmp: Path) -> Path:
    path = tmp / "blancs.csv"
    path.write_bytes(b"\r\n \r\n;;\r\n")
    return path


def _truncated_xlsx(tmp: Path) -> Path:
    data = DEMO.read_bytes()
    path = tmp / "tronque.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _corrupt_sheet(tmp: Path) -> Path:
    """A valid zip whose sheet XML is cut in the middle of a tag."""
    path = tmp / "corrompu.xlsx"
    with zipfile.ZipFile(DEMO) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 3]
            dst.writestr(info, data)
    return path


def _ole(names: list[str]) -> bytes:
    """A minimal Compound File (the container of .xls and of encrypted .xlsx) naming ``names``."""
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    header[0x1A:0x1C] = (0x3E).to_bytes(2, "little")
    header[0x1C:0x1E] = b"\xfe\xff"
    header[0x1E:0x20] = (9).to_bytes(2, "little")
    entries = bytearray()
    for name in ["Root Entry", *names]:
        raw = name.encode("utf-16-le") + b"\x00\x00"
        entry = bytearray(128)
        entry[: len(raw)] = raw
        entry[64:66] = len(raw).to_bytes(2, "little")
        entry[66] = 5 if name == "Root Entry" else 2
        entries += entry
    return bytes(header) + bytes(entries) + b"\x00" * 2048


def _protected(tmp: Path) -> Path:
    path = tmp / "protege.xlsx"
    path.write_bytes(_ole(["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]))
    return path


def _garbage(tmp: Path) -> Path:
    path = tmp / "donnees.csv"
    path.write_bytes(bytes(range(256)) * 64)
    return path


def _pdf(tmp: Path) -> Path:
    path = tmp / "tableau.xlsx"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    return path


def _docx(tmp: Path) -> Path:
    path = tmp / "note.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<document/>")
    return path


def _zip_bomb(tmp: Path) -> Path:
    """An .xlsx whose sheet claims 60 MB that compress 1000:1 (a real sheet compresses 5-30:1)."""
    path = tmp / "bombe.xlsx"
    with zipfile.ZipFile(DEMO) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                dst.writestr(info.filename, b"<worksheet>" + b" " * 60_000_000 + b"</worksheet>")
            else:
                dst.writestr(info.filename, src.read(info.filename))
    return path


def _ods_bomb(tmp: Path) -> Path:
    path = tmp / "bombe.ods"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        dst.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        dst.writestr("content.xml", b"<office:document-content>" + b" " * 60_000_000)
    return path


def _directory(tmp: Path) -> Path:
    path = tmp / "dossier.csv"
    path.mkdir()
    return path


def _missing(tmp: Path) -> Path:
    return tmp / "absent.xlsx"


def _json(tmp: Path) -> Path:
    path = tmp / "export.csv"
    path.write_text('[{"nom": "a"}]', "utf-8")
    return path


CASES: list[tuple[str, Callable[[Path], Path], type[Exception], str]] = [
    ("empty", _empty, InputFileError, "vide"),
    ("blank lines only", _blank_lines, InputFileError, "aucune donnée"),
    ("truncated xlsx", _truncated_xlsx, InputFileError, "endommagé"),
    ("corrupt sheet xml", _corrupt_sheet, InputFileError, "endommagé"),
    ("password protected", _protected, ProtectedFileError, "mot de passe"),
    ("binary garbage", _garbage, InputFileError, "binaire"),
    ("pdf named xlsx", _pdf, UnsupportedFormatError, "PDF"),
    ("word named xlsx", _docx, UnsupportedFormatError, "Word"),
    ("json", _json, UnsupportedFormatError, "JSON"),
    ("zip bomb", _zip_bomb, InputFileError, "anormale"),
    ("ods zip bomb", _ods_bomb, InputFileError, "anormale"),
    ("directory", _directory, InputFileError, "dossier"),
    ("missing", _missing, InputFileError, "introuvable"),
]


def _digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


@pytest.mark.parametrize(("name", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_french_error(
    tmp_path: Path, name: str, make: Callable[[Path], Path], error: type[Exception], words: str
) -> None:
    path = make(tmp_path)
    before = _digest(path)
    with pytest.raises(error) as info:
        read_table(path)
    assert words.lower() in info.value.message.lower()
    assert info.value.hint and info.value.hint.endswith(".")
    assert _digest(path) == before


@pytest.mark.parametrize(("name", "make", "error", "words"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_cli_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, make: Callable, error: type, words: str
) -> None:
    path = make(tmp_path)
    assert main(["inspect", str(path), "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith("Erreur : ")
    assert "Que faire : " in captured.err
    assert "Traceback" not in captured.err


def test_protected_hint_says_how_to_remove_protection(tmp_path: Path) -> None:
    with pytest.raises(ProtectedFileError) as info:
        read_table(_protected(tmp_path))
    assert "retirez la protection" in info.value.hint


def test_locked_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel on Windows holds a lock: opening raises PermissionError."""
    path = tmp_path / "ouvert.xlsx"
    shutil.copy(DEMO, path)
    real_open = Path.open

    def locked_open(self: Path, *args: object, **kwargs: object) -> io.IOBase:
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "open", locked_open)
    with pytest.raises(InputFileError) as info:
        read_table(path)
    assert "verrouillé" in info.value.message
    assert "Fermez-le" in info.value.hint


def test_enormous_single_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(delimited, "MAX_LINE_BYTES", 10_000)
    path = tmp_path / "une_ligne.csv"
    path.write_bytes(b"a;" * 20_000)
    with pytest.raises(InputFileError) as info:
        read_table(path)
    assert "ligne de plus de" in info.value.message


def test_header_only_opens_with_zero_rows(tmp_path: Path) -> None:
    path = tmp_path / "entete.csv"
    path.write_bytes("nom;prénom;code postal\r\n".encode("cp1252"))
    table = read_table(path)
    assert table.columns == ["nom", "prénom", "code postal"]
    assert table.row_count == 0
    assert table.source.header_line == 1


def test_csv_named_xlsx_is_read_as_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    path.write_text("a;b\n1;2\n", "utf-8")
    table = read_table(path)
    assert table.source.format == "csv"
    assert table.df.values.tolist() == [["1", "2"]]


def test_unknown_encoding_option(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a;b\n1;2\n", "utf-8")
    from capnum_desktop.core.io import ReadOptions

    with pytest.raises(InputFileError) as info:
        read_table(path, ReadOptions(encoding="klingon-8"))
    assert "klingon-8" in info.value.message


def test_missing_header_line_option(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a;b\n1;2\n", "utf-8")
    from capnum_desktop.core.io import ReadOptions

    with pytest.raises(InputFileError) as info:
        read_table(path, ReadOptions(header_line=50))
    assert "50" in info.value.message


def test_calamine_password_error_becomes_protected() -> None:
    """An encrypted legacy .xls reaches us as calamine's error text: say "protected", not "damaged"."""
    from capnum_desktop.core.io.workbook import damaged

    error = damaged(Path("budget.xls"), RuntimeError("Xls error: Workbook is password protected"))
    assert isinstance(error, ProtectedFileError)
    assert not isinstance(damaged(Path("budget.xls"), RuntimeError("Xml error")), ProtectedFileError)


def test_bad_delimiter_option(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("a;b\n1;2\n", "utf-8")
    from capnum_desktop.core.io import ReadOptions

    with pytest.raises(InputFileError) as info:
        read_table(path, ReadOptions(delimiter=";;"))
    assert "un seul caractère" in info.value.message


def test_workbook_header_only_and_empty(tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["nom", "code postal"])
    wb.save(tmp_path / "entete.xlsx")
    table = read_table(tmp_path / "entete.xlsx")
    assert (table.columns, table.row_count) == (["nom", "code postal"], 0)
    Workbook().save(tmp_path / "vide.xlsx")
    with pytest.raises(InputFileError) as info:
        read_table(tmp_path / "vide.xlsx")
    assert "aucune donnée" in info.value.message
