"""The data-quality report: every value planmejora could not trust, and the control office's follow-up.

import datetime as dt
from pathlib import Path
from planmejora.calidad import Filtros, escribir, leer_reporte

reporte = leer_reporte("sqlite:///planes.db", Filtros(dependencia="Planeación"), corte=dt.date.today())
escribir(reporte, Path("calidad.html"))  # or .xlsx, .csv
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from carga.conexion import ErrorDeBase
from planmejora.calidad.consulta import leer_reporte
from planmejora.calidad.modelo import Accion, FilaProblema, Filtros, Reporte
from planmejora.calidad.salida_csv import escribir_csv
from planmejora.calidad.salida_html import escribir_html
from planmejora.calidad.salida_xlsx import escribir_xlsx

__all__ = ["FORMATOS", "Accion", "ErrorDeBase", "FilaProblema", "Filtros", "Reporte", "escribir", "leer_reporte"]

FORMATOS: dict[str, Callable[[Reporte, Path], None]] = {
    ".html": escribir_html,
    ".htm": escribir_html,
    ".xlsx": escribir_xlsx,
    ".csv": escribir_csv,
}


def escribir(reporte: Reporte, ruta: Path) -> None:
    """Write the report in the format its extension names (`.html`, `.xlsx`, `.csv`)."""
    try:
        escritor = FORMATOS[ruta.suffix.lower()]
    except KeyError:
        raise ValueError(
            f"No sé escribir un reporte «{ruta.suffix or 'sin extensión'}»: use .html, .xlsx o .csv."
        ) from None
    escritor(reporte, ruta)
