"""The report as CSV, the columns fixed by the contract, for people who filter in their own spreadsheet."""

from __future__ import annotations

import csv
from pathlib import Path

from planmejora.calidad.modelo import Reporte
from planmejora.salidas.escapar import celda

COLUMNAS = ("archivo", "ubicacion", "campo", "codigo", "raw", "valor", "mensaje")


def escribir_csv(reporte: Reporte, ruta: Path) -> None:
    """One row per problem, UTF-8 with BOM so that Excel shows the accents right."""
    with ruta.open("w", encoding="utf-8-sig", newline="") as archivo:
        escritor = csv.writer(archivo)
        escritor.writerow(COLUMNAS)
        for p in reporte.problemas:
            escritor.writerow(celda(v) for v in (p.archivo, p.ubicacion, p.campo, p.codigo, p.raw, p.valor, p.mensaje))
