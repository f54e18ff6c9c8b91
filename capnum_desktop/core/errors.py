"""Errors raised by the core, each with a plain-French message and a hint of what to do.

The CLI prints ``message`` and ``hint`` and exits 2; the GUI shows them in a dialog. Neither ever
shows a traceback to the user. Messages name files, rows and fields, never cell values.
"""

from __future__ import annotations


class CapnumError(Exception):
    """An expected failure that the user can act on."""

    default_hint = "Vérifiez le fichier puis réessayez."

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class InputFileError(CapnumError):
    """The file cannot be opened or read as a table (missing, locked, corrupt, unsupported…)."""

    default_hint = "Vérifiez que le fichier existe, qu'il n'est pas ouvert dans un autre programme, puis réessayez."


class UnsupportedFormatError(InputFileError):
    """The file is of a kind CapNum does not read."""

    default_hint = (
        "Enregistrez le fichier au format CSV, Excel (.xlsx, .xls) ou LibreOffice (.ods), puis ouvrez-le à nouveau."
    )


class ProtectedFileError(InputFileError):
    """The workbook is protected by a password."""

    default_hint = (
        "Ouvrez le classeur dans Excel ou LibreOffice avec son mot de passe, retirez la protection "
        "(Fichier > Informations > Protéger le classeur, ou Fichier > Propriétés > Sécurité), "
        "enregistrez une copie et ouvrez cette copie."
    )


class SchemaError(CapnumError):
    """A schema cannot be found, read or used."""

    default_hint = "Choisissez un schéma du catalogue ou vérifiez le fichier de schéma (Table Schema JSON ou YAML)."


class RecipeError(CapnumError):
    """A recipe cannot be read or applied."""

    default_hint = "Vérifiez que le fichier est bien une recette CapNum (recipe.json)."


class ExportError(CapnumError):
    """The export could not be written."""

    default_hint = "Choisissez un autre dossier de sortie ou libérez de la place, puis réessayez."


class Cancelled(Exception):
    """Raised inside a long job when the user cancelled it; not an error to report."""
