"""The command line talks French (help, usage, argparse errors), ends quietly when its reader goes away
(``capnum schemas | head -1``) and never fails on a console that cannot show « é », « … » or « ’ »."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from capnum_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
RUN_CAPNUM = "from capnum_desktop.cli import run; run()"  # the installed program's entry point


def capnum(*args: str, **popen: object) -> subprocess.Popen[bytes]:
    """``capnum`` in a process of its own, as a shell runs it (real stdout and stderr)."""
    env = {**os.environ, "PYTHONPATH": str(REPO), **popen.pop("env", {})}  # type: ignore[dict-item]
    return subprocess.Popen([sys.executable, "-c", RUN_CAPNUM, *args], cwd=REPO, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)  # type: ignore[call-overload]


def exit_code(argv: list[str]) -> int:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    return int(stop.value.code or 0)


def test_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : capnum")
    assert "afficher cette aide puis quitter" in out and "afficher le numéro de version" in out
    assert "usage:" not in out and "show this help" not in out and "positional arguments" not in out


def test_a_command_help_is_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    assert exit_code(["validate", "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : capnum validate") and "\narguments:\n" in out
    assert "show this help" not in out


@pytest.mark.parametrize(("argv", "french", "english"), [
    (["validate", "tableau.csv"], "arguments obligatoires manquants : --schema",
     "the following arguments are required"),
    (["valider"], "choix inconnu : 'valider' (possibles :", "invalid choice"),
    (["validate", "t.csv", "--schema", "scdl/subventions", "--max", "beaucoup"],
     "argument --max : valeur incorrecte (type int attendu) : 'beaucoup'", "invalid int value"),
    (["validate", "t.csv", "--schema"], "argument --schema : une valeur est attendue", "expected one argument"),
    (["schemas", "--en-trop"], "arguments non reconnus : --en-trop", "unrecognized arguments"),
])
def test_argparse_errors_are_in_french_and_say_where_the_help_is(
        capsys: pytest.CaptureFixture[str], argv: list[str], french: str, english: str) -> None:
    assert exit_code(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("utilisation : capnum")
    assert french in err and english not in err
    assert "Voir : capnum" in err and "--help" in err


def test_other_argparse_users_keep_english(capsys: pytest.CaptureFixture[str]) -> None:
    """French only while capnum's parser works: the process's other parsers are untouched."""
    exit_code(["--help"])
    other = argparse.ArgumentParser(prog="autre")
    other.add_argument("--x", type=int)
    assert other.format_help().startswith("usage: autre")
    with pytest.raises(SystemExit):
        other.parse_args(["--x", "a"])
    assert "invalid int value" in capsys.readouterr().err


@pytest.mark.parametrize("args", [("schemas",), ("--help",)])
def test_a_closed_pipe_ends_quietly(args: tuple[str, ...]) -> None:
    """``capnum schemas | head -1``: the reader is gone before capnum writes; no « Erreur inattendue »,
    no « Exception ignored … BrokenPipeError », exit 0 (also for the help, printed by argparse)."""
    process = capnum(*args)
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away at once: every write of capnum meets a closed pipe
    _, err = process.communicate(timeout=120)
    assert err.decode("utf-8", "replace") == ""
    assert process.returncode == 0


def test_a_closed_pipe_in_process_is_not_an_unexpected_error(monkeypatch, capsys) -> None:
    class ClosedPipe:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr(sys, "stdout", ClosedPipe())
    assert main(["schemas"]) == 0
    assert capsys.readouterr().err == ""


def test_an_ascii_console_gets_question_marks_instead_of_a_crash() -> None:
    process = capnum("schemas", env={"PYTHONIOENCODING": "ascii:strict"})
    out, err = process.communicate(timeout=120)
    assert process.returncode == 0, err.decode("ascii", "replace")
    text = out.decode("ascii")  # only ASCII was written
    assert "scdl/subventions" in text and "sch?mas" in text
    assert b"UnicodeEncodeError" not in err


def test_a_cp1252_console_shows_an_error_message_it_can_show() -> None:
    """The French error and its « Que faire » reach a cp1252 console; a character outside cp1252 is « ? »."""
    process = capnum("validate", "absent ≠ fichier.csv", "--schema", "scdl/subventions",
                     env={"PYTHONIOENCODING": "cp1252:strict"})
    _, err = process.communicate(timeout=120)
    text = err.decode("cp1252")
    assert process.returncode == 2
    assert text.startswith("Erreur : ") and "Que faire" in text
    assert "Traceback" not in text and "UnicodeEncodeError" not in text and "inattendue" not in text


def test_the_program_ends_at_once_with_everything_written(tmp_path: Path) -> None:
    """``run`` ends the process without Python's tear-down: the folder ``prepare`` writes is whole (same
    files, same bytes apart from the dates, as when ``main`` returns normally) and the exit code is kept."""
    demo = REPO / "resources" / "demo" / "subventions-demo.xlsx"
    process = capnum("prepare", str(demo), "-o", str(tmp_path / "program"))
    out, err = process.communicate(timeout=300)
    assert process.returncode in (0, 1), err.decode("utf-8", "replace")
    code = main(["prepare", str(demo), "-o", str(tmp_path / "in-process")])
    assert process.returncode == code
    written = sorted(p.relative_to(tmp_path / "program") for p in (tmp_path / "program").rglob("*") if p.is_file())
    assert written == sorted(p.relative_to(tmp_path / "in-process") for p in (tmp_path / "in-process").rglob("*")
                             if p.is_file())
    for name in written:
        if name.suffix == ".csv":
            assert (tmp_path / "program" / name).read_bytes() == (tmp_path / "in-process" / name).read_bytes()
        else:
            assert (tmp_path / "program" / name).stat().st_size > 0
    assert out.decode("utf-8").strip()  # its summary reached the terminal
