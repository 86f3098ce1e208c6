"""The follow-up at a cut-off: the state of every action, and what changed since each plan's previous copy.

import datetime as dt
from pathlib import Path
from planmejora.seguimiento import seguimiento, escribir_seguimiento

seg = seguimiento("sqlite:///planes.db", dt.date(2024, 6, 30))
escribir_seguimiento(seg, Path("seguimiento.xlsx"))  # or .html, .csv

resumen = avisos("sqlite:///planes.db", dt.date(2024, 6, 30), dias=15, salida=Path("avisos_2024-06-30"))
print(len(resumen.avisos), "dependencias deben algo")
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from planmejora.calidad.modelo import Filtros
from planmejora.seguimiento.avisar import Aviso
from planmejora.seguimiento.consulta import seguimiento
from planmejora.seguimiento.correo import ErrorDeCorreo
from planmejora.seguimiento.modelo import Cambio, CambiosDePlan, Seguimiento
from planmejora.seguimiento.recordar import Envio, ResumenAvisos, avisos
from planmejora.seguimiento.salida_csv import escribir_csv
from planmejora.seguimiento.salida_html import escribir_html
from planmejora.seguimiento.salida_xlsx import escribir_xlsx
from planmejora.vencimiento import EstadoSeguimiento, estado_seguimiento, vence

__all__ = [
    "FORMATOS",
    "Aviso",
    "Cambio",
    "CambiosDePlan",
    "Envio",
    "ErrorDeCorreo",
    "EstadoSeguimiento",
    "Filtros",
    "ResumenAvisos",
    "Seguimiento",
    "avisos",
    "escribir_seguimiento",
    "estado_seguimiento",
    "seguimiento",
    "vence",
]

FORMATOS: dict[str, Callable[[Seguimiento, Path], None]] = {
    ".xlsx": escribir_xlsx,
    ".html": escribir_html,
    ".htm": escribir_html,
    ".csv": escribir_csv,
}


def escribir_seguimiento(seg: Seguimiento, salida: Path) -> None:
    """Write the follow-up in the format its extension names (`.xlsx`, `.html`, `.csv`)."""
    try:
        escritor = FORMATOS[Path(salida).suffix.lower()]
    except KeyError:
        raise ValueError(
            f"No sé escribir un seguimiento «{Path(salida).suffix or 'sin extensión'}»: use .xlsx, .html o .csv."
        ) from None
    escritor(seg, Path(salida))
