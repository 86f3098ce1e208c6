"""`planmejora vigilar`: keep a folder loaded into the database, each file once it is completely written."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from types import FrameType
from typing import Annotated

import typer
from rich.console import Console

from carga.conexion import ErrorDeBase, interpretar
from carga.eleccion import url_elegida
from planmejora.errores_del_sistema import causa
from planmejora.ordenes.opciones import BaseDeDatos
from planmejora.vigilancia import registro
from planmejora.vigilancia.ingestor import ingestor_de
from planmejora.vigilancia.observador import PROPIA
from planmejora.vigilancia.vigilante import Opciones, Vigilante

ESPERA_POR_DEFECTO = 5.0


def _uso_incorrecto(mensaje: str) -> typer.Exit:
    Console(stderr=True).print(f"[bold red]Error:[/] {mensaje}")
    return typer.Exit(2)


def vigilar(
    carpeta: Annotated[
        Path,
        typer.Argument(metavar="CARPETA", help="Carpeta a vigilar, con todas sus subcarpetas.", show_default=False),
    ],
    db: BaseDeDatos = None,
    sondeo: Annotated[
        float | None,
        typer.Option(
            "--sondeo",
            metavar="SEGUNDOS",
            help="Revisar la carpeta cada tantos segundos en vez de esperar avisos del sistema: "
            "para carpetas compartidas en red (SMB, NFS), donde esos avisos no llegan.",
            show_default=False,
        ),
    ] = None,
    espera: Annotated[
        float,
        typer.Option(
            "--espera",
            metavar="SEGUNDOS",
            help="Segundos que un archivo debe quedar sin cambiar de tamaño ni de fecha para darlo por copiado.",
        ),
    ] = ESPERA_POR_DEFECTO,
    una_vez: Annotated[
        bool,
        typer.Option("--una-vez", help="Cargar lo que ya hay en la carpeta y terminar (para cron o systemd)."),
    ] = False,
    mover: Annotated[
        bool,
        typer.Option(
            "--mover",
            help="Mover lo cargado a CARPETA/procesados/ y lo fallido a CARPETA/con_errores/ "
            "(con el motivo en ARCHIVO.error.txt). Nunca se borra nada.",
        ),
    ] = False,
    log: Annotated[
        Path | None,
        typer.Option(
            "--log",
            metavar="ARCHIVO",
            help=f"Registro de lo hecho, rotado a los 5 MB. Por defecto CARPETA/{PROPIA}/vigilar.log.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Vigila una carpeta y carga cada archivo nuevo o cambiado cuando termina de copiarse.

    Al arrancar carga lo que ya está en la carpeta (lo ya cargado se salta sin leerlo). Un archivo
    se carga cuando su tamaño y su fecha dejan de cambiar durante --espera segundos y se puede abrir;
    los archivos de bloqueo de Office y los temporales se ignoran. Una versión nueva de un archivo se
    carga de nuevo; los mismos bytes, no. Si la base de datos no responde, se reintenta con pausas
    crecientes. SIGTERM o Ctrl-C terminan el archivo en curso y salen con código 0.

    Ejemplos:

      planmejora vigilar /srv/planes --db postgresql://planes@servidor/planes

      planmejora vigilar /mnt/compartida/planes --sondeo 30 --mover

      planmejora vigilar /srv/planes --una-vez --mover   # cada noche, desde cron o systemd
    """
    if not carpeta.is_dir():
        raise _uso_incorrecto(f"La carpeta «{carpeta}» no existe o no es una carpeta.")
    if espera < 0 or (sondeo is not None and sondeo <= 0):
        raise _uso_incorrecto("--espera no puede ser negativo y --sondeo debe ser mayor que cero.")
    url = url_elegida(db)
    try:
        interpretar(url)
    except ErrorDeBase as error:
        raise _uso_incorrecto(error.mensaje) from error
    carpeta = Path(os.path.abspath(carpeta))
    archivo_log = log or carpeta / PROPIA / "vigilar.log"
    try:
        registro.configurar(archivo_log, ocultar=(url,))
    except OSError as error:
        raise _uso_incorrecto(
            f"No se puede escribir el registro en «{archivo_log}»: {causa(error)}. Elija otro con --log."
        ) from error

    opciones = Opciones(carpeta=carpeta, espera=espera, sondeo=sondeo, una_vez=una_vez, mover=mover)
    vigilante = Vigilante(opciones, ingestor_de(url))

    def al_recibir_senal(_numero: int, _marco: FrameType | None) -> None:
        vigilante.parar()

    anteriores = {senal: signal.signal(senal, al_recibir_senal) for senal in (signal.SIGTERM, signal.SIGINT)}
    try:
        codigo = vigilante.correr()
    finally:
        for senal, anterior in anteriores.items():
            signal.signal(senal, anterior)
    raise typer.Exit(codigo)
