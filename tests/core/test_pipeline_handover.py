"""Hand-over between the pipeline's steps (issue 18): a step's input is freed once no later step needs it.

At 1M rows the source, the conformed and the protected tables were all alive until the export (2.1 GB);
the processing report needs only the source's columns that the export leaves out.
"""

from __future__ import annotations

import gc
import json
import weakref
from pathlib import Path
from typing import Any

import pytest

import capnum_desktop.core.io as core_io
from capnum_desktop.core import pipeline
from capnum_desktop.core.schemas import Mapping

SCHEMA = {"name": "aides", "title": "Aides", "fields": [
    {"name": "commune", "type": "string"},
    {"name": "montant", "type": "number"},
]}


@pytest.fixture
def source(tmp_path: Path) -> tuple[Path, Path]:
    schema = tmp_path / "aides.json"
    schema.write_text(json.dumps(SCHEMA), encoding="utf-8")
    path = tmp_path / "aides.csv"
    rows = "".join(f"Lyon;{i},5;Dupont;06 12 34 56 {i % 100:02d}\n" for i in range(30))
    path.write_bytes(("commune;montant;nom;telephone\n" + rows).encode("cp1252"))
    return path, schema


def _watch(monkeypatch: pytest.MonkeyPatch) -> tuple[list[weakref.ref[Any]], list[bool]]:
    """Weak references to the table read and to the table given to Protect; at the export, whether each
    is still alive."""
    refs: list[weakref.ref[Any]] = []
    alive: list[bool] = []
    read_table, protect, export = core_io.read_table, pipeline.protect, pipeline.export_dataset

    def watched_read(*args: Any, **kwargs: Any) -> Any:
        table = read_table(*args, **kwargs)
        refs.append(weakref.ref(table))
        return table

    def watched_protect(conformed: Any, *args: Any, **kwargs: Any) -> Any:
        refs.append(weakref.ref(conformed))
        return protect(conformed, *args, **kwargs)

    def watched_export(*args: Any, **kwargs: Any) -> Any:
        gc.collect()
        alive.extend(ref() is not None for ref in refs)
        return export(*args, **kwargs)

    monkeypatch.setattr(core_io, "read_table", watched_read)
    monkeypatch.setattr(pipeline, "protect", watched_protect)
    monkeypatch.setattr(pipeline, "export_dataset", watched_export)
    return refs, alive


def test_prepare_frees_the_source_and_the_conformed_table_before_the_export(
    source: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path, schema = source
    refs, alive = _watch(monkeypatch)
    result = pipeline.prepare(path, str(schema), None, tmp_path / "out")
    assert len(refs) == 2 and alive == [False, False]
    assert result.table.row_count == 30
    # the report still names the personal columns left out of the export
    report = json.loads((tmp_path / "out" / "rapport-traitement.json").read_text(encoding="utf-8"))
    assert "telephone" in json.dumps(report, ensure_ascii=False)


def test_apply_frees_them_too(source: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path, schema = source
    first = pipeline.prepare(path, str(schema), None, tmp_path / "first")
    refs, alive = _watch(monkeypatch)
    result = pipeline.apply_recipe(first.recipe, path, tmp_path / "again")
    assert len(refs) == 2 and alive == [False, False]
    assert result.table.row_count == 30


def test_left_out_columns_keeps_only_what_the_export_leaves_out(source: tuple[Path, Path]) -> None:
    path, _schema = source
    table = core_io.read_table(path)
    mapping = Mapping(columns={"commune": "commune", "montant": "montant", "nom": None, "telephone": None},
                      keep_extra=("nom",))
    left = pipeline.left_out_columns(table, mapping)
    assert left.columns == ["telephone"] and left.source == table.source
    assert list(left.df["telephone"]) == list(table.df["telephone"])
    assert list(left.df.index) == list(table.df.index)
