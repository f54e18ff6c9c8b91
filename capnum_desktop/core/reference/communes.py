"""The official list of French communes, offline: look up by INSEE code, by name, by postal code.

Data: ``resources/reference/communes.tsv.gz`` (≈ 470 kB, 37 590 lines: current communes, delegated
and associated former communes, municipal arrondissements), built by
``resources/reference/build_communes.py`` from the npm package ``@etalab/decoupage-administratif``
(MIT, Etalab, from INSEE's Code officiel géographique, La Poste's postal codes and INSEE's legal
populations); ``communes.json`` says which millésime. The file is read on the first look-up only (about
0.1 s), so opening the app costs nothing.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import KeysView, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

from capnum_desktop.core.schemas.text import _MOJIBAKE, fold, strip_accents
from capnum_desktop.resources import resource_path

CURRENT, DELEGATED, ASSOCIATED, ARRONDISSEMENT = "C", "D", "A", "M"
TYPE_LABELS = {
    CURRENT: "commune",
    DELEGATED: "commune déléguée",
    ASSOCIATED: "commune associée",
    ARRONDISSEMENT: "arrondissement municipal",
}
_ARTICLE_SUFFIX = re.compile(r"^(?P<name>.+?)\s*\((?P<article>l'|l’|le|la|les)\)$", re.I)
_SAINT = {"st": "saint", "ste": "sainte", "sts": "saints", "stes": "saintes"}


@dataclass(frozen=True)
class Commune:
    """One line of the official list. ``parent`` is the current commune a former one belongs to."""

    code: str
    name: str
    type: str  # C, D, A or M (TYPE_LABELS)
    parent: str
    postal_codes: tuple[str, ...]
    population: int | None

    @property
    def is_current(self) -> bool:
        return self.type == CURRENT

    @property
    def departement(self) -> str:
        return self.code[:3] if self.code.startswith("97") else self.code[:2]

    @property
    def current_code(self) -> str:
        """The code of the current commune this line belongs to (itself when it is current)."""
        return self.parent if self.type in (DELEGATED, ASSOCIATED) and self.parent else self.code


class _Index:
    """Every look-up table, built once from the bundled file."""

    def __init__(self, rows: list[Commune], former_codes: dict[str, str]) -> None:
        self.by_code: dict[str, Commune] = {}
        self.by_postal: dict[str, list[Commune]] = {}
        self.rows = rows
        for c in rows:
            known = self.by_code.get(c.code)
            if known is None or (c.is_current and not known.is_current):
                self.by_code[c.code] = c
            for cp in c.postal_codes:
                self.by_postal.setdefault(cp, []).append(c)
        self.former_codes = former_codes  # an old code absorbed into a current commune -> that commune's code

    @cached_property
    def name_keys(self) -> dict[str, str]:
        """Official name -> :func:`name_key`, folded in one pass on the first name look-up (see :func:`_name_keys`)."""
        names = list(dict.fromkeys(c.name for c in self.rows))
        return dict(zip(names, _name_keys(names), strict=True))

    @cached_property
    def by_name(self) -> dict[str, list[Commune]]:
        """Folded name -> communes; built on the first name look-up only."""
        table: dict[str, list[Commune]] = {}
        keys = self.name_keys
        for c in self.rows:
            table.setdefault(keys[c.name], []).append(c)
        return table


@lru_cache(maxsize=1)
def _index() -> _Index:
    path = resource_path("reference", "communes.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    rows: list[Commune] = []
    former: dict[str, str] = {}
    for line in lines[1:]:
        code, name, kind, parent, postal, pop, old = line.split("\t")
        rows.append(Commune(code, name, kind, parent, tuple(postal.split()), int(pop) if pop else None))
        for old_code in old.split():
            former.setdefault(old_code, code)
    return _Index(rows, former)


@lru_cache(maxsize=1)
def reference_info() -> dict[str, Any]:
    """Where the list comes from and its millésime (``source``, ``producer``, ``millesime``, ``departements``)."""
    info: dict[str, Any] = json.loads(resource_path("reference", "communes.json").read_text(encoding="utf-8"))
    return info


@lru_cache(maxsize=1 << 16)  # rows repeat the same names; the official names are looked up again and again
def name_key(name: str) -> str:
    """A commune name folded for comparison: accents, case, hyphens, « St » and « (Le) » do not matter."""
    text = str(name).strip()
    match = _ARTICLE_SUFFIX.match(text)
    if match:  # INSEE's old « Havre (Le) » writing
        article = match.group("article")
        joint = "" if article.endswith(("'", "’")) else " "
        text = f"{article}{joint}{match.group('name')}"
    folded = fold(text)  # single spaces already: its words joined again are itself
    words = folded.split()
    if _SAINT.keys().isdisjoint(words):
        return folded
    return " ".join([_SAINT.get(w, w) for w in words])


_FOLD_LINES = re.compile(r"[^a-z0-9\n]+")


def _name_keys(names: list[str]) -> list[str]:
    """:func:`name_key` of many names at once: the article rewrite per name, then one accent strip, lower
    case and punctuation pass over the names joined by line breaks (what :func:`fold` does to each, per
    character; its space clean-up changes nothing once punctuation becomes spaces). 37,590 official names:
    0.05 s instead of 0.15 s; tests/core/reference/test_communes.py checks every official name."""
    texts = []
    for name in names:
        text = str(name).strip()
        match = _ARTICLE_SUFFIX.match(text) if "(" in text else None
        if match:
            article = match.group("article")
            joint = "" if article.endswith(("'", "’")) else " "
            text = f"{article}{joint}{match.group('name')}"
        texts.append(text)
    joined = "\n".join(texts)
    if joined.count("\n") != len(texts) - 1 or (not joined.isascii() and _MOJIBAKE.search(joined)):
        return [name_key(name) for name in names]  # a name with a line break, or text decoded twice
    keys = []
    for line in _FOLD_LINES.sub(" ", strip_accents(joined).lower()).split("\n"):
        words = line.split()
        keys.append(" ".join(words) if _SAINT.keys().isdisjoint(words) else " ".join([_SAINT.get(w, w) for w in words]))
    return keys


def official_name_key(name: str) -> str:
    """:func:`name_key` of a name of the list (from the folds made once for all of them), else folded now."""
    key = _index().name_keys.get(name)
    return key if key is not None else name_key(name)


def commune(code: str) -> Commune | None:
    """The line for an INSEE code (the current commune when a former one shares its code)."""
    return _index().by_code.get(str(code).strip())


def is_commune_code(code: str) -> bool:
    """Whether ``code`` is an INSEE commune code of the official list (current or former commune)."""
    code = str(code).strip()
    return code in _index().by_code or code in _index().former_codes


def population(code: str) -> int | None:
    """The legal population of a current commune or municipal arrondissement (None if unknown).

    For the privacy step: a row located in a small commune is easier to re-identify.
    """
    found = commune(code)
    return found.population if found is not None else None


@dataclass(frozen=True)
class Epci:
    """An intercommunalité (EPCI à fiscalité propre): SIREN, name, kind (CC, CA, CU, METRO…), population."""

    siren: str
    name: str
    kind: str
    population: int | None


@lru_cache(maxsize=1)
def _epci_index() -> dict[str, Epci]:
    """Commune code -> its EPCI, from ``epci.tsv.gz`` (same package and millésime as the communes)."""
    path = resource_path("reference", "epci.tsv.gz")
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        head, _, members = handle.read().partition("\n\n")
    epcis: dict[str, Epci] = {}
    for line in head.splitlines()[1:]:
        siren, name, kind, pop = line.split("\t")
        epcis[siren] = Epci(siren, name, kind, int(pop) if pop else None)
    out: dict[str, Epci] = {}
    for line in members.splitlines():
        code, siren = line.split("\t")
        if siren in epcis:
            out[code] = epcis[siren]
    return out


def epci(code: str) -> Epci | None:
    """The EPCI a commune belongs to (a former commune or an arrondissement: its current commune's)."""
    found = commune(code)
    if found is None:
        return None
    index = _epci_index()
    parent = found.parent if found.type == ARRONDISSEMENT else found.current_code
    return index.get(found.code) or index.get(parent)


def known_postal_codes() -> KeysView[str]:
    """Every postal code of the list (each serves at least one commune or arrondissement): a column's
    distinct values are checked against it at C speed before any look-up."""
    return _index().by_postal.keys()


def communes_by_postal_code() -> Mapping[str, Sequence[Commune]]:
    """Postal code -> the communes it serves (what :func:`communes_for_postal_code` copies), read-only and
    shared: for looking up a column's thousands of distinct postal codes without a copy each (issue 18)."""
    return MappingProxyType(_index().by_postal)


def communes_for_postal_code(postal_code: str) -> list[Commune]:
    """The communes served by a postal code (current ones and municipal arrondissements)."""
    return list(_index().by_postal.get(str(postal_code).strip(), ()))


def postal_code_matches(code: str, postal_code: str) -> bool | None:
    """Whether a postal code serves the commune ``code``; None when either is unknown to the list.

    A former commune is checked with its current commune's postal codes; a city divided into
    arrondissements (Paris, Lyon, Marseille) accepts the postal codes of all its arrondissements.
    """
    found = commune(code)
    postal_code = str(postal_code).strip()
    if found is None or postal_code not in _index().by_postal:
        return None
    codes = {found.code, found.current_code}
    for served in _index().by_postal[postal_code]:
        if served.code in codes or served.parent in codes:
            return True
    if found.type in (DELEGATED, ASSOCIATED):
        parent = commune(found.current_code)
        return parent is not None and postal_code in parent.postal_codes
    return False


def find_by_name(name: str, *, departement: str = "", postal_code: str = "") -> list[Commune]:
    """The communes called ``name`` (folded comparison), narrowed by département or postal code if given.

    Current communes come first; former communes are returned only when no current one has the name.
    """
    found = _index().by_name.get(name_key(name), [])
    if departement:
        dep = str(departement).strip().upper().zfill(2)
        found = [c for c in found if c.departement == dep]
    if postal_code:
        postal_code = str(postal_code).strip()
        by_cp = [c for c in found if postal_code in c.postal_codes or postal_code in _parent_postal(c)]
        found = by_cp or ([] if postal_code in _index().by_postal else found)
    current = [c for c in found if c.type in (CURRENT, ARRONDISSEMENT)]
    return current or list(found)


def _parent_postal(c: Commune) -> tuple[str, ...]:
    parent = commune(c.current_code) if c.current_code != c.code else None
    return parent.postal_codes if parent is not None else ()


def code_for_name(name: str, *, departement: str = "", postal_code: str = "") -> str | None:
    """The INSEE code of the commune called ``name`` when exactly one commune has it (None otherwise)."""
    found = find_by_name(name, departement=departement, postal_code=postal_code)
    codes = {c.code for c in found}
    return codes.pop() if len(codes) == 1 else None
