"""Options that several verbs share, said once so they read and behave the same everywhere."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, overload

import typer

from carga.conexion import URL_POR_DEFECTO, VARIABLE_DB

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

_FORMATOS_FECHA = ("%Y-%m-%d", "%d/%m/%Y")


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
