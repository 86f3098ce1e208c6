"""Options that several verbs share, said once so they read and behave the same everywhere."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Annotated, overload

import typer
from rich.console import Console
from rich.markup import escape

from carga.eleccion import URL_POR_DEFECTO, VARIABLE_DB
from carga.rutas import texto_de_ruta

BaseDeDatos = Annotated[
    str | None,
    typer.Option(
        "--db",
        envvar=VARIABLE_DB,
        metavar="URL",
        help="Base de datos: sqlite:///archivo.db o postgresql://usuario:clave@servidor/base.",
        show_default=URL_POR_DEFECTO,
    ),
]

Workers = Annotated[
    int, typer.Option("--workers", min=1, max=64, metavar="N", help="Procesos que leen archivos a la vez.")
]


def _nucleos_disponibles(tope: int = 4) -> int:
    """The cores this process may use, up to `tope`: each reader may hold up to --limite-memoria."""
    nucleos = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return max(1, min(tope, nucleos))


NUCLEOS = _nucleos_disponibles()
"""Readers a verb starts when the user does not say: one per core, up to 4."""


_FORMATOS_FECHA = ("%Y-%m-%d", "%d/%m/%Y")


def exigir_rutas(rutas: list[Path]) -> None:
    """A path that does not exist is a mistyped command (code 2), the same in every verb, before anything is read."""
    if faltan := [texto_de_ruta(ruta) for ruta in rutas if not ruta.exists()]:
        Console(stderr=True).print(f"[bold red]No existe:[/] {escape(', '.join(faltan))}", highlight=False)
        raise typer.Exit(2)


@overload
def fecha_de_opcion(texto: str) -> dt.date: ...
@overload
def fecha_de_opcion(texto: str | None) -> dt.date | None: ...
def fecha_de_opcion(texto: str | None) -> dt.date | None:
    """A date typed on the command line, ISO or day first as the office writes it; else a usage error."""
    if texto is None:
        return None
    for formato in _FORMATOS_FECHA:
        try:
            return dt.datetime.strptime(texto.strip(), formato).date()
        except ValueError:
            continue
    raise typer.BadParameter(f"«{texto}» no es una fecha: escríbala como aaaa-mm-dd (2024-06-30) o dd/mm/aaaa.")
