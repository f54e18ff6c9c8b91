"""capnum apply: a recipe replayed on another file."""

from __future__ import annotations

from pathlib import Path

import pytest

from capnum_desktop.cli import main


def test_apply_recipe_to_next_file(subsidy_examples: tuple[Path, Path], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    valid, with_errors = subsidy_examples
    assert main(["prepare", str(with_errors), "--schema", "scdl/subventions", "-o", str(tmp_path / "a")]) == 1
    capsys.readouterr()
    assert main(["apply", str(tmp_path / "a" / "recipe.json"), str(valid), "-o", str(tmp_path / "b")]) == 0
    out = capsys.readouterr().out
    assert "valide" in out and "recipe.json" in out
    assert main(["prepare", str(valid), "--recipe", str(tmp_path / "a" / "recipe.json"),
                 "-o", str(tmp_path / "c")]) == 0


def test_apply_bad_recipe_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.json").write_text('{"kind": "autre"}', encoding="utf-8")
    (tmp_path / "f.csv").write_text("a\n1\n", encoding="utf-8")
    assert main(["apply", str(tmp_path / "r.json"), str(tmp_path / "f.csv"), "-o", str(tmp_path / "o")]) == 2
    assert "recette" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()
