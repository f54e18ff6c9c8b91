"""Whatever text a user opens, read_table returns a Table or a French CapnumError, never a crash."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from capnum_desktop.core.errors import CapnumError
from capnum_desktop.core.io import read_table

ALPHABET = st.sampled_from([*";,|\t\"'\n\r aZé0123€ÃE+.-", "\r\n", "Total", "Source : x", "\ufffd"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=st.lists(ALPHABET, max_size=80).map("".join),
    encoding=st.sampled_from(["utf-8", "cp1252", "utf-8-sig"]),
)
def test_any_text_opens_or_fails_politely(text: str, encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(text.encode(encoding, errors="replace"))
        try:
            table = read_table(path)
        except CapnumError as exc:
            assert exc.message and exc.hint
            return
        assert table.row_numbers == sorted(set(table.row_numbers))
        assert len(set(table.columns)) == len(table.columns)
        assert all(isinstance(v, str) for col in table.df.columns for v in table.df[col])
        preview = read_table(path, max_rows=3)
        assert preview.columns == table.columns
        assert preview.df.equals(table.df.head(3))
