"""The follow-up as CSV: one row per action, for people who filter in their own spreadsheet or load it elsewhere.

Dates are ISO, as in the JSON of `extraer`: `2022-01` when only the month was written.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from planmejora.salidas.escapar import celda
from planmejora.seguimiento.modelo import Seguimiento

COLUMNAS = (
    "hallazgo_id",
    "entidad",
    "proceso_auditado",
    "fecha_suscripcion",
    "archivo",
    "numero",
    "dependencia",
    "cargo_responsable",
    "fecha_terminacion",
    "vence",
    "estado_accion",
    "estado_seguimiento",
)


def _iso(fecha: dt.date | None, precision: str | None = "dia") -> str:
    if fecha is None:
        return ""
    return fecha.strftime("%Y-%m") if precision == "mes" else fecha.isoformat()


def escribir_csv(seguimiento: Seguimiento, ruta: Path) -> None:
    """UTF-8 with BOM so that Excel shows the accents right; typed text never runs as a formula."""
    with ruta.open("w", encoding="utf-8-sig", newline="") as archivo:
        escritor = csv.writer(archivo)
        escritor.writerow(COLUMNAS)
        for a in seguimiento.ordenadas():
            escritor.writerow(
                [
                    a.hallazgo_id if a.hallazgo_id is not None else "",
                    celda(a.entidad),
                    celda(a.proceso_auditado),
                    _iso(a.fecha_suscripcion),
                    celda(a.archivo),
                    celda(a.numero),
                    celda(a.dependencia),
                    celda(a.cargo_responsable),
                    _iso(a.fecha_terminacion, a.fecha_terminacion_precision),
                    _iso(a.vence),
                    a.estado_accion or "",
                    seguimiento.estado(a),
                ]
            )
