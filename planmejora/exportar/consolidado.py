"""The consolidated plan: every action of the current version of each plan, one row each, in the form's order.

What the control office hands in and works from. The columns are the form's own (N° hallazgo …
Observaciones), preceded by the plan's entidad, proceso auditado and fecha de suscripción, and
followed by the file and the place in it, so a person can always go back to the source.
"""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from openpyxl import Workbook

from normalizacion.modelo import COLUMNAS, Fecha
from planmejora.calidad.modelo import Filtros
from planmejora.exportar.consulta import leer_acciones
from planmejora.exportar.modelo import AccionDelPlan, columnas
from planmejora.salidas.escapar import celda
from planmejora.salidas.xlsx import OFICIO, Valor, fecha, guardar, tabla

FORMATOS = (".xlsx", ".csv")
_ANCHOS_MINIMOS = {"descripcion": 36, "accion_mejora": 36, "observaciones": 30}


Dato = str | int | Fecha | None


def _en_palabras(valor: bool | str) -> str:
    palabras = columnas("palabras")
    if isinstance(valor, bool):
        return palabras["si" if valor else "no"]
    return palabras.get(valor, valor)


def _valor(accion: AccionDelPlan, clave: str) -> Dato:
    """The value of a column (a field of the form, or of the plan and its file); sí/no and the state in words."""
    valor: bool | Dato = getattr(accion.hallazgo if clave in COLUMNAS else accion, clave)
    if isinstance(valor, bool) or (clave == "estado_accion" and isinstance(valor, str)):
        return _en_palabras(valor)
    return valor


def _para_excel(valor: Dato) -> Valor:
    return fecha(valor.valor, valor.precision) if isinstance(valor, Fecha) else valor


def _para_csv(valor: Dato) -> str:
    """A CSV has no cell formats: dates written dd/mm/aaaa, a month alone mm/aaaa, as the HTML report shows them."""
    if isinstance(valor, Fecha):
        if valor.valor is None:
            return ""
        return valor.valor.strftime("%m/%Y" if valor.precision == "mes" else "%d/%m/%Y")
    return celda(None if valor is None else str(valor))


def _escribir_xlsx(acciones: list[AccionDelPlan], salida: Path, descripcion: str) -> None:
    claves = columnas("consolidado")
    libro = Workbook(write_only=True)
    tabla(
        libro,
        "Plan consolidado",
        list(claves.values()),
        [[_para_excel(_valor(a, clave)) for clave in claves] for a in acciones],
        encabezado_impreso=descripcion,
        anchos_minimos=[_ANCHOS_MINIMOS.get(clave, 0) for clave in claves],
        papel=OFICIO,
    )
    guardar(libro, salida)


def _escribir_csv(acciones: list[AccionDelPlan], salida: Path) -> None:
    claves = columnas("consolidado")
    with salida.open("w", encoding="utf-8-sig", newline="") as archivo:
        escritor = csv.writer(archivo)
        escritor.writerow(claves.values())
        for accion in acciones:
            escritor.writerow(_para_csv(_valor(accion, clave)) for clave in claves)


def exportar_consolidado(db: str, salida: Path, filtros: Filtros | None = None) -> int:
    """Write the consolidated plan to `salida` (.xlsx or .csv, UTF-8 with BOM); return how many actions it holds.

    Raises `ErrorDeBase` when the database cannot be read, and `ValueError` for another extension.
    """
    formato = salida.suffix.lower()
    if formato not in FORMATOS:
        raise ValueError(f"No sé escribir el consolidado como «{salida.suffix or 'sin extensión'}»: use .xlsx o .csv.")
    acciones = leer_acciones(db, filtros)
    if formato == ".csv":
        _escribir_csv(acciones, salida)
    else:
        filtros_escritos = "; ".join((filtros or Filtros()).describir())
        descripcion = f"Plan de mejoramiento consolidado — {dt.date.today():%d/%m/%Y}"
        _escribir_xlsx(acciones, salida, descripcion + (f" — {filtros_escritos}" if filtros_escritos else ""))
    return len(acciones)
