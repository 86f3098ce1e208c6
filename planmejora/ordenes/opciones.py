"""Options that several verbs share, said once so they read and behave the same everywhere."""

from __future__ import annotations

from typing import Annotated

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
