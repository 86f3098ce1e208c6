"""Values typed by strangers must reach a spreadsheet or a browser as text, never as a formula or markup.

A cell of a plan can hold anything (`=HYPERLINK("http://…")`, `<script>`), and the report is opened
by the person with the most trust in the office. Spreadsheets: a text cell that starts with `=`,
`+`, `-`, `@`, a tab or a carriage return (also after leading spaces) gets a leading apostrophe,
as OWASP's CSV-injection guidance says; that includes text such as `-5` or `- revisar`, which
spreadsheets would otherwise evaluate: real numbers are written as numbers, never as text.
The full-width and small forms (`＝`, `＋`, `－`, `＠`, `﹦`…) count as what they stand for: some
spreadsheets and import wizards fold them to ASCII before deciding whether a cell is a formula.
HTML: the template engine escapes every value (autoescape), and the page's Content Security
Policy allows only its own inline script and style, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import unicodedata

_INICIO_PELIGROSO = ("=", "+", "-", "@", "\t", "\r", "\n")


def _primer_caracter(valor: str) -> str:
    """The first character that is not a space, read as NFKC folds it (`＝` is `=`, a no-break space is a space)."""
    for caracter in valor:
        plegado = unicodedata.normalize("NFKC", caracter)
        if plegado.strip(" "):
            return plegado
    return ""


def celda(valor: str | None) -> str:
    """Text safe for a CSV or XLSX cell: shown as typed, never run as a formula."""
    if not valor:
        return ""
    if _primer_caracter(valor).startswith(_INICIO_PELIGROSO):
        return "'" + valor
    return valor


def hash_csp(fuente: str) -> str:
    """The `'sha256-…'` source that lets exactly this inline script or style run, and nothing else."""
    resumen = hashlib.sha256(fuente.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(resumen).decode("ascii") + "'"
