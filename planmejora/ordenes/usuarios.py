"""`planmejora usuarios`: the people who may sign in to the web application (`planmejora servir`)."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer
from rich.console import Console

from carga.conexion import ErrorDeBase
from carga.eleccion import url_elegida
from carga.esquema import abrir_base
from planmejora import usuarios as biblioteca
from planmejora.ordenes.opciones import BaseDeDatos

usuarios = typer.Typer(
    help="Usuarios de la aplicación web (planmejora servir): quién entra y con qué rol.",
    no_args_is_help=True,
)


def _error(mensaje: str, codigo: int = 2) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]Error:[/] {mensaje}", highlight=False)
    return typer.Exit(codigo)


def _leer_clave() -> str:
    """From a terminal, typed twice without echo; from a pipe, the first line (for scripts and `make demo`)."""
    if sys.stdin.isatty():
        clave = getpass.getpass("Clave: ")
        if getpass.getpass("Repita la clave: ") != clave:
            raise _error("Las dos claves no coinciden; no se creó el usuario.")
        return clave
    return sys.stdin.readline().rstrip("\r\n")


@usuarios.command("crear")
def crear(
    nombre: Annotated[str, typer.Argument(metavar="NOMBRE", help="Nombre con que la persona entra.")],
    rol: Annotated[
        str,
        typer.Option(
            "--rol",
            metavar="|".join(biblioteca.ROLES),
            help="consulta: ve planes, acciones y reportes; carga: además sube copias; admin: además administra "
            "usuarios.",
            show_default=False,
        ),
    ],
    db: BaseDeDatos = None,
) -> None:
    """Crea un usuario de la aplicación web; la clave se lee de la entrada estándar (nunca va en la orden).

    Ejemplos:

      planmejora usuarios crear ana --rol admin

      printf '%s\\n' "$CLAVE" | planmejora usuarios crear consulta1 --rol consulta --db postgresql://…
    """
    try:
        biblioteca.validar_nombre(nombre)
        biblioteca.validar_rol(rol)
        clave = _leer_clave()
        biblioteca.validar_clave(clave)
        motor = abrir_base(url_elegida(db))
    except (biblioteca.ErrorDeUsuario, ErrorDeBase) as error:
        raise _error(error.mensaje) from None
    try:
        biblioteca.crear_usuario(motor, nombre, rol, clave)
    except biblioteca.ErrorDeUsuario as error:
        raise _error(error.mensaje) from None
    finally:
        motor.dispose()
    Console().print(f"Usuario «{nombre}» creado con rol {rol}.", highlight=False)


@usuarios.command("listar")
def listar(db: BaseDeDatos = None) -> None:
    """Muestra los usuarios y su rol (nunca sus claves)."""
    try:
        motor = abrir_base(url_elegida(db))
    except ErrorDeBase as error:
        raise _error(error.mensaje) from None
    try:
        for usuario in biblioteca.listar(motor):
            Console().print(f"{usuario.nombre}\t{usuario.rol}", highlight=False)
    finally:
        motor.dispose()
