"""Errors raised by the core, each with a plain message and a hint of what to do.

The CLI prints them and exits 2; the GUI shows them in a dialog. Neither ever shows a traceback to
the user. Messages name files, rows and fields, never cell values.

An error made with :meth:`CapnumError.coded` carries a code and parameters; its sentences come from
``core/error_sentences.py`` where they are shown, in French (``message``/``hint``, the default) or in
English (``text("en")``). An error made with a French sentence (``CapnumError("…", "…")``) stays French.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self

from capnum_desktop.core.error_sentences import ERROR_SENTENCES
from capnum_desktop.core.wording import make


class CapnumError(Exception):
    """An expected failure that the user can act on."""

    default_hint = "Vérifiez le fichier puis réessayez."
    hint_key = "default.capnum"  # default_hint in the sentence table (French and English)

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint if hint is not None else self.default_hint
        self.code = ""
        self.params: dict[str, Any] = {}
        self._hint_key = ""

    @classmethod
    def coded(cls, code: str, *, hint: str = "", **params: Any) -> Self:
        """The error ``code`` with its ``params`` (a file name, a line…); ``hint`` names another hint of the
        table than the code's own. ``message`` and ``hint`` are its French sentences."""
        error = cls(_sentence(code, "fr", params))
        error.code, error.params, error._hint_key = code, dict(params), hint
        error.hint = error.text("fr")[1]
        return error

    def text(self, lang: str = "fr") -> tuple[str, str]:
        """(what went wrong, what to do) in ``lang``; French for an error made from a French sentence."""
        if not self.code:
            return self.message, self.hint
        key = self._hint_key or (f"{self.code}.hint" if f"{self.code}.hint" in ERROR_SENTENCES else self.hint_key)
        return _sentence(self.code, lang, self.params), _sentence(key, lang, self.params)

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


def _sentence(key: str, lang: str, params: Mapping[str, Any]) -> str:
    """``key``'s sentence of the error table (parameters as :func:`~capnum_desktop.core.wording.make` reads them)."""
    return make(ERROR_SENTENCES, key, lang, params)


class InputFileError(CapnumError):
    """The file cannot be opened or read as a table (missing, locked, corrupt, unsupported…)."""

    hint_key = "default.input-file"
    default_hint = "Vérifiez que le fichier existe, qu'il n'est pas ouvert dans un autre programme, puis réessayez."


class UnsupportedFormatError(InputFileError):
    """The file is of a kind CapNum does not read."""

    hint_key = "default.unsupported-format"
    default_hint = (
        "Enregistrez le fichier au format CSV, Excel (.xlsx, .xls) ou LibreOffice (.ods), puis ouvrez-le à nouveau."
    )


class ProtectedFileError(InputFileError):
    """The workbook is protected by a password."""

    hint_key = "default.protected"
    default_hint = (
        "Ouvrez le classeur dans Excel ou LibreOffice avec son mot de passe, retirez la protection "
        "(Fichier > Informations > Protéger le classeur, ou Fichier > Propriétés > Sécurité), "
        "enregistrez une copie et ouvrez cette copie."
    )


class SchemaError(CapnumError):
    """A schema cannot be found, read or used."""

    hint_key = "default.schema"
    default_hint = "Choisissez un schéma du catalogue ou vérifiez le fichier de schéma (Table Schema JSON ou YAML)."


class RecipeError(CapnumError):
    """A recipe cannot be read or applied."""

    hint_key = "default.recipe"
    default_hint = "Vérifiez que le fichier est bien une recette CapNum (recipe.json)."


class ExportError(CapnumError):
    """The export could not be written."""

    hint_key = "default.export"
    default_hint = "Choisissez un autre dossier de sortie ou libérez de la place, puis réessayez."


class Cancelled(Exception):
    """Raised inside a long job when the user cancelled it; not an error to report."""
