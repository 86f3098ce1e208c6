"""What Tesseract gets wrong the same way every time, put right word by word.

Only confusions that the surrounding characters settle: a capital O in a run of
digits is a zero (`GEM-FMO14`), and a long dash is the en dash office programs type
(`Lamprea – Profesional`), since OCR cannot tell dash lengths apart.
"""

from __future__ import annotations

import re

_CIFRAS_CON_O = re.compile(r"[O\d]{3,}")
_RAYAS = {"—": "–", "―": "–"}


def _ceros(coincidencia: re.Match[str]) -> str:
    """Three or more digits and O's together are a number (`O14`, `OO3`, `2O21`); `CO2` stays."""
    grupo = coincidencia.group()
    return grupo.replace("O", "0") if any(c.isdigit() for c in grupo) else grupo


def corregir(palabra: str) -> str:
    """The word with the letter O read inside a number as the digit 0, and long dashes as en dashes."""
    if palabra in _RAYAS:
        return _RAYAS[palabra]
    if "O" in palabra and any(c.isdigit() for c in palabra):
        palabra = _CIFRAS_CON_O.sub(_ceros, palabra)
    return palabra
