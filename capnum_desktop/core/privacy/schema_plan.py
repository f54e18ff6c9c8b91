"""The privacy plan made for the chosen schema and for what each row is about.

``default_plan`` applies each category's default on its own. Here the plan also knows:

* the schema: a field it requires is never removed or emptied silently; where protection and the schema
  conflict, the decision carries a ``note`` that says so and what keeps the file publishable (French, with
  its codes in ``note_phrases`` for the English of the window or the command line: issue 16);
* the subject of the rows (:func:`decide_subject`): a legal entity (SIRET/SIREN/RNA, raison sociale), a
  place or facility (car park, charging point…) or a natural person. Attributes of legal entities and
  facilities are not personal data (RGPD considérant 14): their coordinates, addresses, postal codes and
  the contacts the schema requires are kept, with that reason recorded; k-anonymity is measured only over
  quasi-identifiers of natural persons (never over rows a public SIRET identifies anyway);
* natural persons among legal entities (sole traders among beneficiaries): their rows are withheld as a
  whole (``withhold``), counted and cited with the legal basis in the processing report;
* a generalisation never leaves a finer column of the same information (a postal code generalised to
  the département while the commune is kept).

Words and legal references are data (``subjects`` in ``resources/privacy_rules.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from capnum_desktop.core.jobs import CancelToken, Progress
from capnum_desktop.core.pipeline_notes import PipelineNote, counted
from capnum_desktop.core.privacy import values as v
from capnum_desktop.core.privacy.detectors import company_share
from capnum_desktop.core.privacy.plan import Decision, PrivacyPlan, default_plan
from capnum_desktop.core.privacy.rules import Rules, header_tokens, load_rules
from capnum_desktop.core.privacy.scan import ScanResult, sample_values, scan_table
from capnum_desktop.core.privacy.sentences import PRIVACY_SENTENCES, Phrase, say, say_all
from capnum_desktop.core.privacy.small_communes import SmallCommunes, resolve
from capnum_desktop.core.privacy.small_communes import settings as small_commune_settings
from capnum_desktop.core.table import Table
from capnum_desktop.core.wording import fill

LEGAL_ENTITY, FACILITY, PERSON = "legal_entity", "facility", "person"
ENTITY_EXCEPTION = "personne-morale-ou-lieu"
_RNA = re.compile(r"^W\d{9}$", re.IGNORECASE)
_EMPTYING = ("remove", "suppress")
_PERSON_IDS = ("full_name", "last_name", "first_name", "birth_date", "nir", "age")


@dataclass(frozen=True)
class Subject:
    """What the rows are about, and the French sentence that says why (``phrase``: its codes)."""

    kind: str
    reason: str
    phrase: Phrase = ()


def _subject(kind: str, key: str, **params: Any) -> Subject:
    phrase = ((key, params),)
    return Subject(kind, say(phrase), phrase)


def _phrase(key: str, **params: Any) -> Phrase:
    return ((key, params),)


def _subjects(rules: Rules) -> dict[str, Any]:
    return rules.lexicons.get("subjects") or {}


def _is_entity_id(value: str) -> bool:
    return v.is_siret(value) or v.is_siren(value) or bool(_RNA.match(value.strip()))


def _words(text: str) -> set[str]:
    return set(header_tokens(text))


def _identifier_column(table: Table, rules: Rules) -> str | None:
    """A column whose values are mostly SIRET, SIREN or RNA numbers, or whose header names one."""
    conf = _subjects(rules).get(LEGAL_ENTITY, {})
    share = float(conf.get("min_identifier_share", 0.8))
    headers = {tuple(header_tokens(h)) for h in conf.get("headers", [])}
    for i, column in enumerate(table.columns):  # values first: they say more than a header
        sample = sample_values(table.df.iloc[:, i])
        if sample and sum(1 for x in sample if _is_entity_id(x)) / len(sample) >= share:
            return column
    return next((c for c in table.columns if tuple(header_tokens(c)) in headers), None)


def _required_location(schema: Any, rules: Rules) -> str | None:
    """A required field of ``schema`` that holds a position (geopoint type, or a coordinates header)."""
    if schema is None:
        return None
    gps = rules.category("gps")
    for f in getattr(schema, "fields", []) or []:
        if not (f.get("constraints") or {}).get("required"):
            continue
        if f.get("type") in ("geopoint", "geojson") or gps.header_hit(str(f.get("name", ""))):
            return str(f["name"])
    return None


def _entity_name_column(table: Table, rules: Rules) -> str | None:
    """A column that names the structures: a raison sociale header, or values mostly company names."""
    conf = _subjects(rules).get(LEGAL_ENTITY, {})
    names = {tuple(header_tokens(h)) for h in conf.get("name_headers", [])}
    found = next((c for c in table.columns if tuple(header_tokens(c)) in names), None)
    if found is not None:
        return found
    share = float(conf.get("min_company_name_share", 0.5))
    for i, column in enumerate(table.columns):
        sample = sample_values(table.df.iloc[:, i])
        if sample and company_share(sample) >= share:
            return column
    return None


def _entity(column: str, mapping: Any = None) -> Subject:
    # the agent knows the column by the file's header: « Bénéficiaire » (nomBeneficiaire), as the cards say
    source = mapping.column_for(column) if mapping is not None else None
    if source and source != column:
        return _subject(LEGAL_ENTITY, "subject.entity.mapped", source=source, column=column)
    return _subject(LEGAL_ENTITY, "subject.entity", column=column)


def decide_subject(table: Table, scan: ScanResult, schema: Any = None, *, rules: Rules | None = None,
                   mapping: Any = None) -> Subject:
    """Legal entity, facility or natural person: what one row of ``table`` describes (``mapping``, the
    file's columns → the schema's fields, lets the sentence name a column by the file's header)."""
    rules = rules or load_rules()
    conf = _subjects(rules)
    facility_words = set(conf.get(FACILITY, {}).get("words", []))
    persons = [f.column for f in scan.flagged if f.category in _PERSON_IDS]
    schema_text = " ".join(str(getattr(schema, a, "") or "") for a in ("id", "title")) if schema is not None else ""
    schema_hit = sorted(_words(schema_text) & facility_words)
    # a schema about places still describes places when an optional field names a person (a referent, whose
    # column keeps its own protection); a person's name in a required field (the place's name) says otherwise
    required_persons = set(persons) & _required(schema) if schema is not None else set(persons)
    if schema_hit and not required_persons:
        return _subject(FACILITY, "subject.facility.schema", word=schema_hit[0])
    located = _required_location(schema, rules)
    if located and not required_persons:  # a national schema that requires a position publishes places
        return _subject(FACILITY, "subject.facility.position", field=located)
    sole = [f.column for f in scan.flagged if f.category == "sole_proprietor"]
    if sole:  # structures with some persons among them: the rows are about legal entities
        return _entity(sole[0], mapping)
    header_hit = sorted({w for c in table.columns for w in _words(c)} & facility_words)
    if header_hit and not persons:  # car parks whose producer has a SIREN are still car parks
        return _subject(FACILITY, "subject.facility.headers", word=header_hit[0])
    id_column = _identifier_column(table, rules)
    # with persons' names on the rows, a SIRET alone (an employer's) does not make each row an entity
    if id_column is not None and (not persons or _entity_name_column(table, rules) is not None):
        return _entity(id_column, mapping)
    return _subject(PERSON, "subject.person")


def plan_for_schema(scan: ScanResult, table: Table, schema: Any = None, *, rules: Rules | None = None,
                    mapping: Any = None) -> PrivacyPlan:
    """The default plan adjusted to the schema and to the subject of the rows (see the module docstring)."""
    rules = rules or load_rules()
    conf = _subjects(rules)
    base = default_plan(scan, rules=rules)
    subject = decide_subject(table, scan, schema, rules=rules, mapping=mapping)
    required = _required(schema)
    decisions = list(base.decisions)
    small: dict[str, dict[str, Any]] = {}
    quasi = base.quasi_identifiers
    if subject.kind in (LEGAL_ENTITY, FACILITY):
        decisions = _keep_entity_attributes(decisions, required, conf, subject)
        quasi = ()  # rows about a public entity or place: no group of persons to measure
    else:
        decisions, small = _flag_small_communes(decisions, scan, rules)
        decisions = _no_finer_column(decisions, table)
    return replace(base, decisions=[_noted(d, required, schema) for d in decisions], quasi_identifiers=quasi,
                   subject=subject.kind, subject_note=subject.reason, subject_phrase=subject.phrase,
                   small_communes=small)


def _noted(d: Decision, required: set[str], schema: Any) -> Decision:
    """``d`` with what the plan-maker says about it: rows withheld, a conflict with the schema."""
    phrases = [_phrase("note.withhold")] if d.action == "withhold" else list(d.note_phrases)
    conflict = conflict_phrase(d, required) or type_conflict_phrase(d, schema)
    if conflict:
        phrases.append(conflict)
    return _with_note(d, phrases) if say_all(phrases) != d.note else d


def _with_note(d: Decision, phrases: list[Phrase], **changes: Any) -> Decision:
    """``d`` (with ``changes``) whose note says ``phrases``, its French sentences in ``note``."""
    return replace(d, note=say_all(phrases), note_phrases=tuple(phrases), **changes)


def scan_for_schema(table: Table, schema: Any = None, *, k: int | None = None, rules: Rules | None = None,
                    mapping: Any = None, progress: Progress | None = None,
                    cancel: CancelToken | None = None) -> tuple[ScanResult, PrivacyPlan]:
    """The scan and the plan made for it, together: both walk the table (the subject of the rows, the small
    communes, the finer locations), so a caller with a window runs them in one background job rather than
    making the plan on the UI thread (Protéger at 1M rows: issue 16)."""
    scan = scan_table(table, progress=progress, cancel=cancel, rules=rules, k=k)
    return scan, plan_for_schema(scan, table, schema, rules=rules, mapping=mapping)


def _required(schema: Any) -> set[str]:
    """Fields ``schema`` requires; none for a schema inferred from the file (it follows what is published)."""
    if schema is None or getattr(schema, "source", "") == "inferred":
        return set()
    return set(getattr(schema, "required_fields", []) or [])


def _keep_entity_attributes(decisions: list[Decision], required: set[str], conf: dict[str, Any],
                            subject: Subject) -> list[Decision]:
    attributes = set(conf.get("entity_attribute_categories", []))
    contacts = set(conf.get("contact_categories", []))
    persons = set(conf.get("person_in_entity_categories", []))
    kept = "note.kept.facility" if subject.kind == FACILITY else "note.kept.entity"
    out = []
    for d in decisions:
        if d.category in attributes or (d.category in contacts and d.column in required):
            d = _with_note(d, [_phrase(kept)], action="keep", params={}, exception=ENTITY_EXCEPTION)
        elif d.category in persons and d.action == "generalise" and d.column not in required:
            # a person attached to a row that a public identifier names: a band does not hide them
            d = _with_note(d, [_phrase("note.person-removed")], action="remove", params={})
        out.append(d)
    return out


def _flag_small_communes(decisions: list[Decision], scan: ScanResult,
                         plan_rules: Rules | None = None) -> tuple[list[Decision], dict[str, dict[str, Any]]]:
    """Rows of persons in communes under the threshold (measured by the scan): propose the département.

    Returns the decisions and the measure per column (``PrivacyPlan.small_communes``). The finding gets the
    sentence (shown on its card and by ``capnum scan``) and keeping the column then needs an exception, like a
    direct identifier; run again on the same scan, nothing is added twice.
    """
    conf = small_commune_settings(plan_rules or load_rules())
    by_column = {d.column: i for i, d in enumerate(decisions)}
    out = list(decisions)
    small: dict[str, dict[str, Any]] = {}
    for finding in scan.flagged:
        found = next((e for e in finding.evidence_data if e.get("rule") == "small_communes"), None)
        at = by_column.get(finding.column)
        if found is None or at is None or not found.get("rows"):
            continue
        d = out[at]
        measure = SmallCommunes(finding.column, finding.category or "", int(found["threshold"]), int(found["rows"]),
                                int(found["communes"]), int(found.get("resolved_rows", 0)))
        if measure.sentence() not in finding.evidence:
            finding.add_evidence(measure.phrase())
        finding.keep_requires_exception = True
        method = "departement" if finding.category == "postal_code" else "commune_departement"
        finding.default_action, finding.default_params = "generalise", {"method": method}
        small[finding.column] = {"rows": measure.rows, "communes": measure.communes, "threshold": measure.threshold}
        for reference in conf.get("legal_basis", []):
            if reference not in finding.legal_basis:
                finding.legal_basis.append(reference)
        if d.action == "keep":
            d = replace(d, action="generalise", params={"method": method})
        out[at] = _with_note(d, [*d.note_phrases, _phrase("note.small-communes", threshold_number=measure.threshold)])
    return out, small


_LOCATION = ("postal_code", "commune", "postal_address", "gps")


def _no_finer_column(decisions: list[Decision], table: Table) -> list[Decision]:
    """A location brought to the département (postal code, commune): a kept commune, postal code, address or
    point would give back what was removed, so each follows at the same level (or goes)."""
    coarse = [d for d in decisions if d.category in ("postal_code", "commune") and d.action == "generalise"]
    if not coarse:
        return decisions
    out = []
    for d in decisions:
        if d.category not in _LOCATION or d.action != "keep":
            out.append(d)
            continue
        if d.category == "postal_code":
            action, params = "generalise", {"method": "departement"}
        elif d.category == "commune" and (_all_commune_codes(table, d.column) or _named_communes(table, d.column)):
            action, params = "generalise", {"method": "commune_departement"}
        else:  # an address, a point or unknown names cannot be brought to the département offline
            action, params = "remove", {}
        out.append(_with_note(d, [_phrase("note.finer-location", coarse=coarse[0].column, column=d.column)],
                              action=action, params=params))
    return out


def _named_communes(table: Table, column: str) -> bool:
    """Most names of the column resolve to one commune of the bundled list (so to its département)."""
    sample = sample_values(table.df[column]) if column in table.df.columns else []
    return bool(sample) and sum(resolve(x, "commune") is not None for x in sample) / len(sample) >= 0.9


def _all_commune_codes(table: Table, column: str) -> bool:
    sample = sample_values(table.df[column]) if column in table.df.columns else []
    return bool(sample) and all(re.fullmatch(r"(\d{5}|2[AB]\d{3})", x.strip(), re.IGNORECASE) for x in sample)


def conflict_phrase(decision: Decision, required: set[str]) -> Phrase:
    """The note when ``decision`` would remove or empty a field the schema requires (else empty)."""
    if decision.column not in required or decision.action not in _EMPTYING:
        return ()
    return _phrase(f"note.conflict.{decision.action}", column=decision.column)


def conflict_note(decision: Decision, required: set[str]) -> str:
    """French note when ``decision`` would remove or empty a field the schema requires (else "")."""
    phrase = conflict_phrase(decision, required)
    return say(phrase) if phrase else ""


# methods whose values a strict field refuses (a band, a département or an EPCI name where a code is expected)
_BANDS = ("age_band", "birth_date_band", "departement", "commune_departement", "nationality_group", "date_period",
          "epci", "small_commune_departement")


def type_conflict_phrase(decision: Decision, schema: Any) -> Phrase:
    """When generalising ``decision``'s column gives values the schema's field refuses (a band « 50-59 ans » in a
    date field, a département where a 5-digit pattern is expected): the note's code and parameters (empty when
    there is no conflict)."""
    if decision.action != "generalise" or schema is None or getattr(schema, "source", "") == "inferred":
        return ()
    method = decision.params.get("method") or ""
    fields = {str(f.get("name")): f for f in getattr(schema, "fields", []) or []}
    field = fields.get(decision.column)
    if field is None:  # a column the schema does not describe: nothing to conflict with
        return ()
    strict = field.get("type") in ("date", "datetime", "integer", "year", "yearmonth") or \
        bool((field.get("constraints") or {}).get("pattern") or (field.get("constraints") or {}).get("enum"))
    if method not in _BANDS or not strict:
        return ()
    return _phrase("note.type-conflict", column=decision.column)


def schema_conflicts(plan: PrivacyPlan, schema: Any) -> list[Decision]:
    """Decisions that remove or empty a field ``schema`` requires, or generalise it into values it refuses."""
    required = _required(schema)
    return [d for d in plan.decisions if conflict_phrase(d, required) or type_conflict_phrase(d, schema)]


_MARKED = ("remove", "suppress", "generalise", "mask")


def emptied_by_protect(plan: PrivacyPlan | None, lang: str = "fr") -> dict[str, str]:
    """Column -> mark (in ``lang``, French by default) for the cells and columns the Protect step emptied or
    removed."""
    if plan is None:
        return {}
    return {d.column: fill(PRIVACY_SENTENCES, f"mark.{d.action}", lang) for d in plan.decisions if d.action in _MARKED}


def privacy_notes(plan: PrivacyPlan, log: Any) -> list[str]:
    """What the Protect step did that the agent must know before publishing (for ``prepare``'s notes; each
    a French ``str`` said in English by ``text("en")``, core.pipeline_notes)."""
    notes: list[str] = []
    if getattr(log, "rows_withheld", 0):
        notes.append(counted("rows-withheld", int(log.rows_withheld)))
    for d in plan.decisions:
        if _states_a_conflict(d):
            notes.append(PipelineNote("privacy-conflict", column=d.column, note=_NoteOf(d)))
    return notes


def _states_a_conflict(d: Decision) -> bool:
    """The decision's note says it conflicts with the schema: by its codes, or by its French text for a note
    its codes do not say (written before codes, in an older recipe, or otherwise; as ``Decision.note_in``)."""
    if d.note_phrases and say_all(d.note_phrases) == d.note:
        return any(key.startswith("note.conflict.") or key == "note.type-conflict"
                   for phrase in d.note_phrases for key, _ in phrase)
    return "Conflit avec le schéma" in d.note


@dataclass(frozen=True)
class _NoteOf:
    """A decision's note as a piece of a coded sentence: said in the language asked (Decision.note_in)."""

    decision: Decision

    def text(self, lang: str = "fr") -> str:
        return self.decision.note_in(lang)
