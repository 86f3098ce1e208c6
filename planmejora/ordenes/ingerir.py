"""`planmejora ingerir`: load every copy under the folders given into the database, once."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from types import FrameType
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Column
from rich.text import Text
from sqlalchemy.exc import SQLAlchemyError

from carga.conexion import ErrorDeBase
from carga.eleccion import url_elegida
from carga.rutas import texto_de_ruta
from extractor.limites import Limites
from planmejora import ingesta
from planmejora.ingesta import Avance, Resumen
from planmejora.ordenes.limites import (
    LIMITE_MEMORIA,
    LIMITE_SEGUNDOS,
    MAX_PAGINAS,
    LimiteMemoria,
    LimiteSegundos,
    MaxPaginas,
    limites_de,
)
from planmejora.ordenes.opciones import BaseDeDatos, Workers, exigir_rutas

_MARCAS = {"cargado": "cargado", "error": "ERROR  ", "omitido": "omitido"}


class _ArchivosPorSegundo(ProgressColumn):
    def render(self, task: Task) -> Text:
        return Text(f"{task.speed or 0:.1f} arch/s", style="progress.data.speed")


def ingerir(
    rutas: Annotated[
        list[Path],
        typer.Argument(
            help="Carpetas (se recorren completas) o archivos PDF, Word y Excel.", show_default=False, metavar="RUTA"
        ),
    ],
    db: BaseDeDatos = None,
    workers: Workers = 1,
    reintentar: Annotated[
        bool, typer.Option("--reintentar", help="Vuelve a leer los archivos que fallaron antes sin haber cambiado.")
    ] = False,
    como_json: Annotated[
        bool, typer.Option("--json", help="Imprime el resumen final en JSON, para otros programas.")
    ] = False,
    detallado: Annotated[
        bool,
        typer.Option(
            "--verbose",
            "-v",
            help="Sin terminal, un renglón también por cada archivo omitido (por defecto solo cuántos fueron).",
        ),
    ] = False,
    max_paginas: MaxPaginas = MAX_PAGINAS,
    limite_segundos: LimiteSegundos = LIMITE_SEGUNDOS,
    limite_memoria: LimiteMemoria = LIMITE_MEMORIA,
) -> None:
    """Carga en la base de datos cada copia del formato GEM-FM014 bajo las rutas dadas.

    Cada archivo se carga una sola vez: los mismos bytes, aunque cambien de
    nombre, no se vuelven a cargar, y un archivo ya visto con el mismo tamaño
    y fecha ni siquiera se vuelve a leer. Un archivo que falla queda
    registrado con su motivo y no detiene el lote; se reintenta cuando cambia,
    o con --reintentar. Si la orden se interrumpe, lo cargado queda completo
    y la siguiente corrida termina el resto.

    Sale con código 0 si todo salió bien, 1 si algún archivo falló (los demás
    sí se cargan) y 2 si la orden está mal escrita o la base no se puede abrir.

    Ejemplos:

      planmejora ingerir planes/

      planmejora ingerir planes/ --db postgresql://yo@servidor/planes --workers 4

      planmejora ingerir planes/2023 planes/2024 --json > resumen.json
    """
    consola = Console(stderr=True)
    exigir_rutas(rutas)
    url = url_elegida(db)
    limites = limites_de(max_paginas, limite_segundos, limite_memoria)
    parada = _Parada(consola)
    try:
        with parada:
            if consola.is_terminal and not como_json:
                resumen = _con_barra(rutas, url, workers, reintentar, consola, limites, parada.pedida)
            else:
                renglones = _Renglones(consola, detallado)
                resumen = ingesta.ingerir(rutas, url, workers, reintentar, renglones, limites, parada.pedida)
                renglones.resumir_omitidos()
    except ErrorDeBase as error:
        consola.print(f"[bold red]{escape(error.mensaje)}[/]")
        raise typer.Exit(2) from error
    except SQLAlchemyError as error:
        consola.print(
            "[bold red]La base de datos dejó de responder durante la carga[/] "
            f"({type(error).__name__}). Lo ya cargado quedó completo; vuelva a correr la orden para terminar."
        )
        raise typer.Exit(1) from error
    if como_json:
        json.dump(resumen.a_json(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        _mostrar(resumen, Console())
    _avisar_si_no_habia_nada(resumen, rutas, consola)
    if resumen.interrumpida:
        sin_empezar = resumen.archivos - resumen.cargados - resumen.con_error - resumen.omitidos
        consola.print(
            f"[yellow]Carga detenida por el usuario: {sin_empezar} archivo(s) no se empezaron.[/] "
            "Lo cargado quedó completo; vuelva a correr la misma orden para terminar el resto."
        )
        raise typer.Exit(130)
    if resumen.con_error:
        raise typer.Exit(1)


def _avisar_si_no_habia_nada(resumen: Resumen, rutas: list[Path], consola: Console) -> None:
    """A folder with no copy to read ends in success, but never in silence: the path may be the wrong one."""
    if resumen.archivos == 0 and not resumen.con_error:
        donde = ", ".join(texto_de_ruta(ruta) for ruta in rutas)
        consola.print(
            f"[yellow]Aviso:[/] en {escape(donde)} no hay ningún PDF, Word ni Excel que cargar: no se cargó nada. "
            "Revise que la carpeta sea la de los planes.",
            highlight=False,
        )


class _Parada:
    """Ctrl-C finishes the files in hand and closes the run as interrupted; a second Ctrl-C stops at once.

    Nothing is ever half-loaded either way (each file is one transaction), but the first way also
    records the run as `interrumpida` instead of leaving it open.
    """

    def __init__(self, consola: Console) -> None:
        self.consola = consola
        self.evento = threading.Event()
        self.anterior: Any = None

    def pedida(self) -> bool:
        return self.evento.is_set()

    def _al_recibir(self, _numero: int, _marco: FrameType | None) -> None:
        if self.evento.is_set():
            raise KeyboardInterrupt
        self.evento.set()
        self.consola.print(
            "[yellow]Terminando los archivos en curso; no se empieza ninguno más (Ctrl-C otra vez para salir ya).[/]"
        )

    def __enter__(self) -> _Parada:
        self.anterior = signal.signal(signal.SIGINT, self._al_recibir)
        return self

    def __exit__(self, *_: object) -> None:
        signal.signal(signal.SIGINT, self.anterior)


def _con_barra(
    rutas: list[Path],
    url: str,
    workers: int,
    reintentar: bool,
    consola: Console,
    limites: Limites,
    parar: Callable[[], bool],
) -> Resumen:
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.fields[archivo]}", table_column=Column(max_width=24, no_wrap=True, overflow="ellipsis")),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        _ArchivosPorSegundo(),
        TimeElapsedColumn(),
        TextColumn("quedan"),
        TimeRemainingColumn(),
        console=consola,
        transient=True,
    ) as barra:
        tarea = barra.add_task("archivos", total=None, archivo="Cargando")

        def avanzar(avance: Avance) -> None:
            barra.update(tarea, total=avance.total, completed=avance.hechos)

        def empezado(archivo: str) -> None:
            barra.update(tarea, archivo=escape(Path(archivo).name))

        return ingesta.ingerir(rutas, url, workers, reintentar, avanzar, limites, parar, empezado)


class _Renglones:
    """Plain log lines when the output is a file or a pipe: one per file loaded or failed, nothing redrawn.

    A nightly run over an archive skips thousands of files already loaded: one line says how many,
    unless `detallado` asks for each.
    """

    def __init__(self, consola: Console, detallado: bool) -> None:
        self.consola = consola
        self.detallado = detallado
        self.omitidos = 0

    def __call__(self, avance: Avance) -> None:
        if avance.resultado == "omitido" and not self.detallado:
            self.omitidos += 1
            return
        ancho = len(str(avance.total))
        linea = f"[{avance.hechos:>{ancho}}/{avance.total}] {_MARCAS[avance.resultado]} {avance.archivo}"
        if avance.resultado == "error":
            linea += f": {avance.mensaje}"
        self._imprimir(linea)

    def resumir_omitidos(self) -> None:
        if self.omitidos:
            self._imprimir(
                f"{self.omitidos} archivo(s) omitido(s) porque ya estaban cargados (-v los nombra uno a uno)."
            )

    def _imprimir(self, linea: str) -> None:
        self.consola.print(linea, markup=False, highlight=False, soft_wrap=True)


def _mostrar(resumen: Resumen, consola: Console) -> None:
    consola.print(
        f"[bold]{resumen.archivos} archivo(s) en {resumen.segundos:.1f} s:[/] "
        f"[green]{resumen.cargados} cargado(s)[/], "
        f"[red]{resumen.con_error} con error[/], "
        f"{resumen.omitidos} omitido(s) porque ya estaban cargados; "
        f"{resumen.hallazgos} hallazgo(s) y {resumen.problemas} problema(s) nuevos (corrida {resumen.corrida}).",
        highlight=False,
    )
    if resumen.omitidos_con_error:
        consola.print(
            f"[yellow]{resumen.omitidos_con_error} de los omitidos ya habían fallado antes y siguen igual; "
            "use --reintentar para leerlos otra vez.[/]"
        )
    for archivo, error in resumen.errores:
        consola.print(f"[red]✗[/] {archivo}: {error}", highlight=False)
    if resumen.ignorados:
        consola.print(f"[yellow]{len(resumen.ignorados)} archivo(s) ignorado(s)[/]: no son copias que planmejora lea.")
    for archivo, motivo in resumen.ignorados:
        consola.print(f"[yellow]–[/] {archivo}: {motivo}", highlight=False, soft_wrap=True)
