"""The vectorised email verdict equals frictionless' own on French addresses (issue 18 speed path)."""

from __future__ import annotations

import random

import frictionless
import numpy as np
import pandas as pd

from capnum_desktop.core.validation import cells

LETTERS = "abcdefghijklmnopqrstuvwxyzàâäçéèêëîïôöùûüÿæœÉ0123456789._+-'ñ "


def test_fast_email_path_agrees_with_frictionless() -> None:
    rng = random.Random(18)
    values = ["grégoire.sauvage.2@exemple.fr", "zoé@mairie.fr", "œuvre@x.fr", "a..é@b.fr", ".é@b.fr", "é.@b.fr",
              "élodie@exemple", "noël@ex-emple.fr", "jean-françois@a.b.c.fr", "Émile@a.fr", "ü" * 31 + "@a.fr"]
    for _ in range(3000):
        user = "".join(rng.choice(LETTERS) for _ in range(rng.randint(1, 12)))
        values.append(f"{user}@{rng.choice(['exemple.fr', 'a-b.fr', 'x.co.uk', 'b', '-x.fr'])}")
    field = frictionless.Field.from_descriptor({"name": "e", "type": "string", "format": "email"})
    result = cells.check_column(pd.Series(values * 2, dtype="str"), field, need_groups=True)  # > slow-path size
    reader = field.create_value_reader()
    expected = np.array([reader(v) is None for v in values * 2])
    assert len(values) * 2 > cells.SLOW_PATH_MAX_UNIQUES
    assert (result.type_error == expected).all()
    assert (cells._match(cells.to_arrow(pd.Series(["zoé@mairie.fr"], dtype="str")), cells._EMAIL_RE)).all()


def test_pattern_check_with_and_without_the_printable_ascii_shortcut() -> None:
    """The pattern verdict equals Python's ``re`` (frictionless') whether the whole buffer is printable ASCII
    (no per-cell ASCII regex, issue 18) or not (accents, control characters, a trailing newline)."""
    import re

    import numpy as np
    import pyarrow as pa

    from capnum_desktop.core.validation import cells

    plain = ["75001", "7500", "A7500", "75001 ", "00000", "", "99999"] * 50
    odd = [*plain, "75001\n", "7500\u00e9", "\t75001", "７５００１"]
    for pattern in (r"[0-9]{5}", r"\d{5}", r"[A-Z]?\w{4,5}"):
        rx = re.compile(f"^{pattern}$")
        for values in (plain, odd):
            for arr in (pa.array(values), pa.array(values, type=pa.large_string()), pa.array(["é", *values]).slice(1)):
                expected = np.array([not rx.match(v) for v in values])
                assert np.array_equal(cells._pattern_bad(arr, pattern, np.ones(len(values), dtype=bool)), expected)
    assert cells._all_printable_ascii(pa.array(plain))
    assert not cells._all_printable_ascii(pa.array(odd))
    assert not cells._all_printable_ascii(pa.array(["é", *plain]).slice(1))  # unsure: the regex decides
