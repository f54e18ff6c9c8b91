"""The validation report as a self-contained HTML page in plain French (and its JSON twin)."""

from __future__ import annotations

import html
from datetime import datetime
from typing import Any

from capnum_desktop.core.validation.report import ValidationReport

MAX_LISTED = 500

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1e1e1e;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem;border-bottom:1px solid #ddd}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ddd;padding:.3rem .5rem;
text-align:left;vertical-align:top}th{background:#f3f3f3}
.ok{color:#18753c;font-weight:600}.ko{color:#ce0500;font-weight:600}.warn{color:#b34000}
.small{color:#666;font-size:.9rem}
"""


def _e(value: Any) -> str:
    return html.escape(str(value), quote=True)


def render_validation_html(report: ValidationReport, *, title: str = "", source_name: str = "",
                           generated_at: str | None = None) -> str:
    """A page a non-specialist can read: verdict, counts by kind and by column, then each problem."""
    when = generated_at or datetime.now().astimezone().strftime("%d/%m/%Y à %H:%M")
    verdict = (f'<p class="ok">Le fichier est valide : {report.row_count} lignes conformes au schéma.</p>' if report.valid
               else f'<p class="ko">{_e(report.summary())}</p>')
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f"<title>Rapport de validation – {_e(title or source_name)}</title>",
        f"<style>{_STYLE}</style></head><body>",
        f"<h1>Rapport de validation{(' – ' + _e(title)) if title else ''}</h1>",
        f'<p class="small">Fichier : {_e(source_name) or "—"} · Schéma : {_e(report.schema_id) or "—"} · '
        f"Produit par CapNum le {_e(when)}</p>",
        verdict,
    ]
    if report.error_count:
        parts.append("<h2>Erreurs par type et par colonne</h2><table><tr><th>Colonne</th><th>Type d'erreur</th>"
                     "<th>Nombre</th></tr>")
        for field, kind, count in report.by_field_and_kind():
            parts.append(f"<tr><td>{_e(field) or '(ligne entière)'}</td><td>{_e(kind)}</td><td>{count}</td></tr>")
        parts.append("</table>")
    warnings = report.issues(severity="warning")
    if warnings:
        parts.append('<h2>Avertissements</h2><ul class="warn">')
        parts.extend(f"<li>{_e(w.message)} {_e(w.hint)}</li>" for w in warnings)
        parts.append("</ul>")
    if report.error_count:
        listed = report.issues(severity="error", limit=MAX_LISTED)
        parts.append("<h2>Détail des erreurs</h2>")
        if report.error_count > MAX_LISTED:
            parts.append(f'<p class="small">Les {MAX_LISTED} premières erreurs sur {report.error_count} sont listées ; '
                         "corrigez-les puis validez à nouveau.</p>")
        parts.append("<table><tr><th>Ligne</th><th>Colonne</th><th>Problème</th><th>Comment corriger</th></tr>")
        for i in listed:
            row = "" if i.row is None else str(i.row)
            parts.append(f"<tr><td>{row}</td><td>{_e(i.field)}</td><td>{_e(i.message)}</td><td>{_e(i.hint)}</td></tr>")
        parts.append("</table>")
    parts.append('<p class="small">Les numéros de ligne sont ceux du fichier d\'origine (ligne 1 = en-tête).</p>')
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
