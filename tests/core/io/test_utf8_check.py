"""The whole-file UTF-8 check (Arrow's validator) agrees with Python's decoder on every edge (issue 18)."""

from __future__ import annotations

import pytest

from capnum_desktop.core.io.delimited import _check_utf8

CASES = [
    b"",
    b"a,b\n1,2\n",
    "é,ü,€,𝄞\n".encode(),
    b"\xe9t\xe9",  # cp1252
    b"\xed\xa0\x80",  # a surrogate
    b"\xc0\x80",  # overlong
    b"\xf4\x90\x80\x80",  # beyond U+10FFFF
    b"abc\xe2\x82",  # cut in the middle of a character
    b"\xef\xbb\xbfa;b",  # BOM
    ("x" * 5_000_000 + "é").encode(),
    b"x" * 5_000_000 + b"\xff",
]


@pytest.mark.parametrize("data", CASES, ids=range(len(CASES)))
def test_same_verdict_as_python(data: bytes) -> None:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as expected:
        with pytest.raises(UnicodeDecodeError) as raised:
            _check_utf8(data)
        assert raised.value.start == expected.start  # the position the reader's warning gives
    else:
        _check_utf8(data)


def test_encoding_guess_asks_chardet_only_for_nul_bytes(monkeypatch: pytest.MonkeyPatch) -> None:
    """UTF-16 without a BOM is still recognised (chardet, when the sample holds NUL bytes); a cp1252 or
    Latin-1 sample has none, and its guess does not need chardet."""
    from capnum_desktop.core.io import encoding

    text = "Nom;Ville;Montant\nDupré;Orléans;12,5\nLefèvre;Besançon;7\n" * 50
    assert encoding.detect(text.encode("utf-16-le"), complete=True).startswith("utf-16")
    assert encoding.detect(text.encode("utf-32-le"), complete=True).startswith(("utf-32", "utf-16"))

    def refuse(*_args: object, **_kwargs: object) -> dict[str, str]:
        raise AssertionError("chardet asked about a sample without NUL bytes")

    monkeypatch.setattr(encoding.chardet, "detect", refuse)
    assert encoding.detect((text + "€ – œ").encode("cp1252"), complete=True) == "cp1252"
    assert encoding.detect(text.encode("latin-1") + b"\x81", complete=True) == "latin-1"


def test_a_utf32_bom_is_not_taken_for_utf16() -> None:
    """FF FE 00 00 (UTF-32 LE) starts with FF FE (UTF-16 LE): the longer mark is looked at first."""
    import codecs

    from capnum_desktop.core.io import encoding

    text = "Nom;Ville\nDupré;Orléans\n"
    assert encoding.detect(text.encode("utf-32"), complete=True) == "utf-32"
    assert encoding.detect(codecs.BOM_UTF32_BE + text.encode("utf-32-be"), complete=True) == "utf-32"
    assert encoding.detect(text.encode("utf-16"), complete=True) == "utf-16"


def test_a_utf32_file_with_its_bom_reads(tmp_path) -> None:
    from capnum_desktop.core.io import read_table

    path = tmp_path / "utf32.csv"
    path.write_bytes("Nom;Ville\nDupré;Orléans\nMartin;Besançon\n".encode("utf-32"))
    table = read_table(path)
    assert table.df["Ville"].tolist() == ["Orléans", "Besançon"]
