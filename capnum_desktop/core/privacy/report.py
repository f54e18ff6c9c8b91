"""The processing report (GDPR art. 5(2) accountability): what was found, done, and on which legal basis.

Built from the scan, the plan and the log, which hold counts, column names, rule ids and legal
references only, so the report never contains a cell value. Written as JSON (for machines) and as
a self-contained HTML page (for the DPO), each through a temporary file then ``os.replace``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from capnum_desktop import __version__
from capnum_desktop.core.privacy.aggregates import SmallCountResult
from capnum_desktop.core.privacy.apply import PrivacyLog
from capnum_desktop.core.privacy.plan import PrivacyPlan
from capnum_desktop.core.privacy.rules import Rules, load_rules
from capnum_desktop.core.privacy.scan import ColumnFinding, ScanResult, classify_column, sample_values
from capnum_desktop.core.privacy.small_communes import SmallCommunes
from capnum_desktop.core.privacy.small_communes import settings as small_commune_settings
from capnum_desktop.core.table import Table
from capnum_desktop.core.wording import count as count_of

REPORT_VERSION = 1
_SPAN_LABELS = {"email": "e-mails", "phone": "téléphones", "nir": "NIR", "iban": "IBAN", "name": "noms de personnes"}


def _legal(refs: list[str], rules: Rules) -> list[dict[str, str]]:
    return [{"reference": r, "text": rules.legal_text(r)} for r in refs]


# What was found, said with its own gender and number (« adresse e-mail repérée », « nom repéré »).
_FOUND = {
    "nir": "numéro de sécurité sociale repéré", "iban": "coordonnées bancaires repérées",
    "tax_id": "numéro fiscal repéré", "email": "adresse e-mail repérée", "phone": "téléphone repéré",
    "full_name": "nom et prénom repérés", "last_name": "nom de famille repéré", "first_name": "prénom repéré",
    "license_plate": "plaque d'immatriculation repérée", "ip_address": "adresse IP repérée",
    "postal_address": "adresse postale repérée", "birth_date": "date de naissance repérée",
    "gps": "coordonnées géographiques repérées", "sole_proprietor": "entrepreneur individuel repéré",
    "sensitive": "donnée sensible repérée", "free_text": "texte libre pouvant contenir des données personnelles",
    "age": "âge repéré", "sex": "sexe ou civilité repéré", "postal_code": "code postal repéré",
    "commune": "commune repérée", "profession": "profession repérée", "nationality": "nationalité repérée",
}


def left_out_findings(source: Table, mapping: Any, rules: Rules | None = None) -> list[ColumnFinding]:
    """The personal data found in the source columns that the export leaves out (fed to no schema field and
    not kept as extra columns).

    The scan runs on the mapped table, so a « Téléphone » or « Courriel » column the schema has no field for
    would otherwise be absent from the report; the DPO must see it was in the file and is not published."""
    if mapping is None:
        return []
    rules = rules or load_rules()
    published = set(mapping.copies.values()) | {c for c, f in mapping.columns.items() if f} | set(mapping.keep_extra)
    found = []
    for i, column in enumerate(source.columns):
        if column not in published:
            finding = classify_column(column, sample_values(source.df.iloc[:, i]), rules)
            if finding.category:
                found.append(finding)
    return found


def found_words(category: str | None, label: str = "") -> str:
    """What was found, in words that agree with it: « téléphone repéré », « adresse e-mail repérée »."""
    return _FOUND.get(category or "", f"donnée repérée : {label.lower()}" if label else "donnée personnelle repérée")


def left_out_sentence(column: str, category: str | None, label: str) -> str:
    """« colonne « Téléphone » non publiée (téléphone repéré) »."""
    return f"colonne « {column} » non publiée ({found_words(category, label)})"


def build_processing_report(*, source_name: str, scan: ScanResult, plan: PrivacyPlan, log: PrivacyLog,
                            user: str = "", small_counts: SmallCountResult | None = None,
                            rules: Rules | None = None, generated_at: str | None = None,
                            left_out: list[ColumnFinding] | None = None,
                            mapping: Any = None) -> dict[str, Any]:
    """A JSON-able report of the Protect step (no personal value: only names of columns, counts, rules).

    ``left_out`` are the findings of :func:`left_out_findings`: source columns with personal data that are
    not published, listed as such so the report accounts for every personal column of the file. With the
    ``mapping``, each column also names the source column that fed it (the agent knows « Bénéficiaire »,
    not ``nomBeneficiaire``)."""
    rules = rules or load_rules()
    columns = []
    exceptions = []
    used_pseudonyms = False
    for finding in scan.columns:
        decision = plan.decision(finding.column)
        entry = log.entry(finding.column)
        action = decision.action if decision else "keep"
        used_pseudonyms |= action == "pseudonymise"
        exc = rules.exception(decision.exception) if decision and decision.exception else None
        exc_data = None
        if exc is not None and decision is not None:
            exc_data = {"id": exc.id, "label": exc.label, "reference": exc.reference,
                        "cited_text": decision.exception_reference, "claimed_by": user}
            exceptions.append({"column": finding.column, **exc_data})
        params = {k: val for k, val in (entry.params if entry else (decision.params if decision else {})).items()
                  if k not in ("flag_values",)}
        source_column = mapping.column_for(finding.column) if mapping is not None else None
        columns.append({
            "column": finding.column,
            "source_column": source_column if source_column != finding.column else None,
            "category": finding.category,
            "label": finding.label or "aucune donnée personnelle repérée",
            "confidence": round(finding.confidence, 3),
            "evidence": list(finding.evidence),
            "action": action,
            "action_label": rules.actions.get(action, {}).get("label", action),
            "params": params,
            "legal_basis": _legal(finding.legal_basis, rules),
            "explanation": finding.explanation,
            "cells_changed": entry.cells_changed if entry else 0,
            "spans_masked": dict(entry.spans_masked) if entry else {},
            "exception": exc_data,
            "warnings": list(entry.warnings) if entry else [],
            "note": decision.note if decision else "",
            "reason": decision.reason if decision else "",
        })
    warnings = []
    if used_pseudonyms:
        warnings.append(rules.pseudonymisation_warning)
    if log.k_after is not None and not log.k_after.ok:
        warnings.append(log.k_after.sentence())
    if log.missing_columns:
        warnings.append("Colonnes prévues par la recette mais absentes du fichier : "
                        + ", ".join(f"« {c} »" for c in log.missing_columns) + ".")
    withheld = None
    if log.rows_withheld:
        refs = list((rules.lexicons.get("subjects") or {}).get("withhold_legal_basis", []))
        withheld = {"rows": log.rows_withheld, "legal_basis": _legal(refs, rules),
                    "sentence": f"{count_of(log.rows_withheld, 'ligne')} concernant une personne physique "
                                "(entrepreneur individuel parmi des personnes morales) "
                                f"{'n’est' if log.rows_withheld < 2 else 'ne sont'} pas "
                                f"{'publiée' if log.rows_withheld < 2 else 'publiées'} : ni le nom, ni le "
                                "SIRET, ni aucune autre cellule."}
    return {
        "report_version": REPORT_VERSION,
        **_small_communes_part(plan, rules),
        "title": "Rapport de traitement des données personnelles",
        "generated_at": generated_at or dt.datetime.now().isoformat(timespec="seconds"),
        "app": f"CapNum Desktop {__version__}",
        "rules_version": rules.version,
        "source_file": Path(source_name).name,
        "user": user,
        "statement": rules.statement,
        "rows_before": log.rows_before,
        "rows_after": log.rows_after,
        "rows_dropped": log.rows_dropped,
        "subject": {"kind": plan.subject, "note": plan.subject_note},
        "rows_withheld": withheld,
        "columns": columns,
        "left_out_columns": [
            {"column": f.column, "category": f.category, "label": f.label, "confidence": round(f.confidence, 3),
             "evidence": list(f.evidence), "legal_basis": _legal(f.legal_basis, rules),
             "sentence": left_out_sentence(f.column, f.category, f.label)}
            for f in (left_out or [])],
        "k_anonymity": {
            "target": plan.k,
            "before": log.k_before.to_dict() if log.k_before else None,
            "after": log.k_after.to_dict() if log.k_after else None,
            "steps": list(log.k_steps),
        },
        "exceptions": exceptions,
        "small_counts": small_counts.to_dict() if small_counts else None,
        "warnings": warnings,
    }


def _small_communes_part(plan: PrivacyPlan, rules: Rules) -> dict[str, Any]:
    """Rows of persons in small communes: the measure, the threshold with where it comes from (a policy
    choice, not a legal figure: the DPO validates it) and what was done, column by column."""
    if not plan.small_communes:
        return {"small_communes": None}
    conf = small_commune_settings(rules)
    columns = []
    for column, measure in plan.small_communes.items():
        decision = plan.decision(column)
        action = decision.action if decision else "keep"
        found = SmallCommunes(column, decision.category or "" if decision else "", int(measure["threshold"]),
                              int(measure["rows"]), int(measure["communes"]), 0)
        columns.append({"column": column, "rows": found.rows, "communes": found.communes,
                        "action": action, "action_label": rules.action_label(action),
                        "method": (decision.params or {}).get("method", "") if decision else "",
                        "exception": decision.exception if decision else None, "sentence": found.sentence()})
    return {"small_communes": {"threshold": int(conf.get("threshold", 0) or 0), "source": conf.get("source", ""),
                               "legal_basis": _legal(list(conf.get("legal_basis", [])), rules), "columns": columns}}


def _small_communes_html(part: dict[str, Any] | None) -> str:
    if not part:
        return ""
    limit = f"{part['threshold']:,}".replace(",", "\u202f")
    refs = "; ".join(_e(x["reference"]) for x in part["legal_basis"])
    items = "".join(f"<li>« {_e(c['column'])} » : {_e(c['sentence'])} Action : {_e(c['action_label'])}"
                    f"{' (exception : ' + _e(c['exception']) + ')' if c['exception'] else ''}.</li>"
                    for c in part["columns"])
    return (f"<h2>Petites communes</h2><p>Seuil : moins de {limit} habitants ({refs}). {_e(part['source'])}</p>"
            f"<ul>{items}</ul>")


def _e(text: Any) -> str:
    return html.escape(str(text))


def _k_line(data: dict[str, Any] | None) -> str:
    if not data:
        return "non mesuré"
    return _e(data.get("sentence", ""))


def _column_html(col: dict[str, Any]) -> str:
    """« Bénéficiaire » → nomBeneficiaire: the agent's own column first, the schema field beside it."""
    if col.get("source_column"):
        return f"« {_e(col['source_column'])} » → {_e(col['column'])}"
    return _e(col["column"])


def _note_html(col: dict[str, Any]) -> str:
    parts = [f"<br><small>{_e(col[key])}</small>" for key in ("note",) if col.get(key)]
    if col.get("reason"):
        parts.append(f"<br><small>Motif de l'agent : {_e(col['reason'])}</small>")
    return "".join(parts)


MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")


def french_date(iso: str) -> str:
    """« 5 décembre 2026 à 11 h 41 » for a report read by people (the JSON keeps ISO 8601 for programs)."""
    try:
        when = dt.datetime.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    day = "1er" if when.day == 1 else str(when.day)
    return f"{day} {MONTHS[when.month - 1]} {when.year} à {when.hour} h {when.minute:02d}"


def render_html(report: dict[str, Any]) -> str:
    """A self-contained HTML page of the report (no script, no external file)."""
    rows = []
    # What was found comes first: an agent reads the columns that hold personal data, not 14 « rien trouvé ».
    for col in sorted(report["columns"], key=lambda c: not c.get("category")):
        spans = ", ".join(f"{n} {_SPAN_LABELS.get(k, k)}" for k, n in col["spans_masked"].items())
        legal = "<br>".join(f"<b>{_e(x['reference'])}</b> {_e(x['text'])}" for x in col["legal_basis"])
        exc = col["exception"]
        exc_html = (f"<br><i>Exception : {_e(exc['label'])} ({_e(exc['reference'])}"
                    f"{' — ' + _e(exc['cited_text']) if exc['cited_text'] else ''}), déclarée par "
                    f"{_e(exc['claimed_by'] or 'utilisateur non renseigné')}</i>") if exc else ""
        rows.append(
            "<tr>"
            f"<td>{_column_html(col)}</td>"
            f"<td>{_e(col['label'])}<br><small>confiance {round(100 * col['confidence'])} %</small></td>"
            f"<td><ul>{''.join(f'<li>{_e(x)}</li>' for x in col['evidence'])}</ul></td>"
            f"<td>{_e(col['action_label'])}{exc_html}<br><small>{_e(col['explanation'])}</small>"
            f"{_note_html(col)}</td>"
            f"<td>{legal}</td>"
            f"<td>{col['cells_changed']}{'<br><small>' + _e(spans) + '</small>' if spans else ''}</td>"
            "</tr>"
        )
    k = report["k_anonymity"]
    steps = "".join(
        f"<li>{_e(s.get('action'))} {_e(s.get('column') or ', '.join(s.get('columns', [])))} "
        f"{_e(s.get('label', ''))} — lignes à risque ensuite : {_e(s.get('rows_at_risk_after'))}</li>"
        for s in k["steps"])
    small = report.get("small_counts")
    small_html = (f"<h2>Secret statistique</h2><p>Seuil : comptages de 1 à {small['threshold']} masqués "
                  f"({small['primary_count']} cases), plus {small['secondary_count']} cases masquées par "
                  f"suppression secondaire pour qu'aucune ne puisse être recalculée à partir des totaux.</p>"
                  ) if small else ""
    left = report.get("left_out_columns") or []
    left_html = ("<h2>Colonnes non publiées contenant des données personnelles</h2>"
                 "<p>Ces colonnes du fichier source ne correspondent à aucun champ du schéma : elles ne sont pas "
                 "dans l'export.</p><ul>"
                 + "".join(f"<li>{_e(x['sentence'][0].upper() + x['sentence'][1:])}"
                           f"<br><small>{_e(' ; '.join(x['evidence']))}</small></li>" for x in left)
                 + "</ul>") if left else ""
    warnings = "".join(f"<p class='warn'>{_e(w)}</p>" for w in report["warnings"])
    subject = report.get("subject") or {}
    if subject.get("note"):
        warnings += f"<p>Objet des lignes : {_e(subject['note'])}</p>"
    withheld = report.get("rows_withheld")
    if withheld:
        legal_w = "; ".join(f"{_e(x['reference'])}" for x in withheld["legal_basis"])
        warnings += f"<p><b>Lignes retirées de la publication :</b> {_e(withheld['sentence'])} (base légale : {legal_w})</p>"
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>{_e(report['title'])}</title>
<style>body{{font-family:sans-serif;margin:2em;max-width:70em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #999;padding:.4em;vertical-align:top;text-align:left}}.warn{{color:#a00}}
.statement{{background:#eef;padding:1em}}</style></head><body>
<h1>{_e(report['title'])}</h1>
<p>Fichier source : <b>{_e(report['source_file'])}</b> — traité le {_e(french_date(report['generated_at']))}
par {_e(report['user'] or 'utilisateur non renseigné')} avec {_e(report['app'])} (règles v{_e(report['rules_version'])}).</p>
<p class="statement">{_e(report['statement'])}</p>
{warnings}
<p>Lignes : {report['rows_before']} avant, {report['rows_after']} après ({report['rows_dropped']} retirées).</p>
{left_html}
<h2>Colonnes</h2>
<table><tr><th>Colonne</th><th>Donnée repérée</th><th>Indices</th><th>Action</th><th>Base légale</th><th>Cellules modifiées</th></tr>
{''.join(rows)}</table>
<h2>Risque de ré-identification (anonymat k, seuil {k['target']})</h2>
<p>Avant : {_k_line(k['before'])}</p><p>Après : {_k_line(k['after'])}</p>
{'<ul>' + steps + '</ul>' if steps else ''}
{small_html}
{_small_communes_html(report.get("small_communes"))}
</body></html>
"""


def _atomic_write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the report is meant to be shared with the DPO
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_processing_report(report: dict[str, Any], html_path: str | Path | None,
                            json_path: str | Path | None) -> None:
    """Write the report as HTML and/or JSON (either path may be None), each atomically."""
    if json_path is not None:
        _atomic_write(Path(json_path), json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    if html_path is not None:
        _atomic_write(Path(html_path), render_html(report))
