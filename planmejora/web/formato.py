"""How values read on a page: dates day first as the office writes them, yes/no and states in words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import PurePosixPath, PureWindowsPath
from typing import Any

ESTADOS_SEGUIMIENTO = {
    "cumplida": "Cumplida",
    "en_termino": "En término",
    "vencida": "Vencida",
    "sin_fecha": "Sin fecha",
}
ESTADOS_ACCION = {"abierta": "Abierta", "cerrada": "Cerrada", "sin_estado": "Sin estado"}


def fecha(valor: dt.date | None, precision: str | None = "dia") -> str:
    if valor is None:
        return "—"
    return valor.strftime("%m/%Y" if precision == "mes" else "%d/%m/%Y")


def si_no(valor: bool | None) -> str:
    return "—" if valor is None else ("Sí" if valor else "No")


def estado_accion(valor: str | None) -> str:
    return ESTADOS_ACCION.get(valor or "sin_estado", valor or "—")


def seguimiento(valor: str | None) -> str:
    return ESTADOS_SEGUIMIENTO.get(valor or "", "—")


def nombre_de_archivo(ruta: str | None) -> str:
    """The file's own name, whichever system wrote the path."""
    if not ruta:
        return "—"
    return PureWindowsPath(PurePosixPath(ruta).name).name


def miles(numero: int | None) -> str:
    return f"{numero or 0:,}".replace(",", ".")


FILTROS: dict[str, Callable[..., Any]] = {
    "fecha": fecha,
    "si_no": si_no,
    "estado_accion": estado_accion,
    "seguimiento": seguimiento,
    "nombre_de_archivo": nombre_de_archivo,
    "miles": miles,
}
