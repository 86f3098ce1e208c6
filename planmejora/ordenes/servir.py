"""`planmejora servir`: the web application for the office, served by uvicorn."""

from __future__ import annotations

import errno
import socket
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from carga.conexion import ErrorDeBase
from carga.eleccion import url_elegida
from extractor.limites import MB
from planmejora.errores_del_sistema import causa
from planmejora.ordenes.limites import (
    LIMITE_MEMORIA,
    LIMITE_SEGUNDOS,
    MAX_PAGINAS,
    LimiteMemoria,
    LimiteSegundos,
    MaxPaginas,
    limites_de,
)
from planmejora.ordenes.opciones import BaseDeDatos


def _no_se_puede_escuchar(host: str, puerto: int) -> str | None:
    """Why the address cannot be used (taken by another program, not of this machine), said before starting."""
    try:
        familia = socket.getaddrinfo(host, puerto, type=socket.SOCK_STREAM)[0][0]
        with socket.socket(familia, socket.SOCK_STREAM) as enchufe:
            enchufe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            enchufe.bind((host, puerto))
    except socket.gaierror:
        return "esa dirección no existe"
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            return "otro programa ya usa ese puerto (elija otro con --puerto)"
        if error.errno == errno.EADDRNOTAVAIL:
            return "esa dirección no es de este equipo"
        return causa(error)
    return None


def servir(
    db: BaseDeDatos = None,
    host: Annotated[
        str, typer.Option("--host", metavar="DIRECCION", help="Dirección donde escuchar (0.0.0.0: toda la red).")
    ] = "127.0.0.1",
    puerto: Annotated[int, typer.Option("--puerto", min=1, max=65535, metavar="N", help="Puerto TCP.")] = 8000,
    archivos: Annotated[
        Path | None,
        typer.Option(
            "--archivos",
            metavar="CARPETA",
            help="Dónde se guardan los archivos subidos. Por defecto, junto a la base SQLite "
            "(planes.db → planes_archivos/), o ./planmejora_archivos con PostgreSQL.",
            show_default=False,
        ),
    ] = None,
    limite_subida: Annotated[
        int, typer.Option("--limite-subida", min=1, metavar="MB", help="Máximo de megabytes por envío de archivos.")
    ] = 200,
    https: Annotated[
        bool,
        typer.Option(
            "--https", help="Detrás de un proxy con HTTPS: la cookie de sesión solo viaja cifrada (recomendado)."
        ),
    ] = False,
    max_paginas: MaxPaginas = MAX_PAGINAS,
    limite_segundos: LimiteSegundos = LIMITE_SEGUNDOS,
    limite_memoria: LimiteMemoria = LIMITE_MEMORIA,
) -> None:
    """Sirve la aplicación web para la oficina: planes, acciones, reporte de calidad, descargas y carga de copias.

    Nadie entra sin usuario: créelos con «planmejora usuarios crear NOMBRE --rol admin|carga|consulta».
    /salud responde «ok» sin usuario, para el monitoreo. Ctrl-C o SIGTERM la detienen.

    Ejemplos:

      planmejora servir --db sqlite:///planes.db

      planmejora servir --db postgresql://planes@localhost/planes --host 0.0.0.0 --puerto 8080 --https
    """
    import uvicorn

    from planmejora import usuarios
    from planmejora.web import crear_app

    consola = Console(stderr=True)
    if motivo := _no_se_puede_escuchar(host, puerto):
        consola.print(f"[bold red]Error:[/] no se puede escuchar en {host}:{puerto}: {motivo}.", highlight=False)
        raise typer.Exit(2)
    url = url_elegida(db)
    try:
        app = crear_app(
            url,
            archivos,
            limite_subida=limite_subida * MB,
            limites=limites_de(max_paginas, limite_segundos, limite_memoria),
            https=https,
        )
    except ErrorDeBase as error:
        consola.print(f"[bold red]Error:[/] {error.mensaje}", highlight=False)
        raise typer.Exit(2) from None
    except OSError as error:
        consola.print(f"[bold red]Error:[/] no se pudo preparar la carpeta de archivos: {error}.", highlight=False)
        raise typer.Exit(2) from None
    servicio = app.state.servicio
    if not usuarios.hay_usuarios(servicio.motor):
        consola.print(
            "[yellow]Aún no hay usuarios:[/] cree el primero con "
            "«planmejora usuarios crear NOMBRE --rol admin» y la misma --db."
        )
    consola.print(
        f"planmejora sirve en [bold]http://{host}:{puerto}/[/] · archivos en {servicio.archivos} · "
        "Ctrl-C para terminar.",
        highlight=False,
    )
    uvicorn.run(app, host=host, port=puerto, log_level="warning", proxy_headers=True, server_header=False)
