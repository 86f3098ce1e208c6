"""`planmejora exportar consolidado|f14`: what the office hands in, written from the database."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from carga.eleccion import url_elegida
from planmejora.calidad import ErrorDeBase
from planmejora.errores_del_sistema import causa
from planmejora.exportar import MODALIDAD_POR_DEFECTO, exportar_consolidado, exportar_f14
from planmejora.ordenes.filtros import Dependencia, Desde, Entidad, Hasta, filtros_de
from planmejora.ordenes.opciones import BaseDeDatos, fecha_de_opcion

exportar = typer.Typer(
    help="Escribe el plan consolidado o el formulario F14.1 de SIRECI desde la base de datos.",
    no_args_is_help=True,
)


def _salida(extensiones: tuple[str, ...]) -> object:
    return typer.Option(
        "--salida",
        "-o",
        metavar="ARCHIVO",
        help="Archivo que se escribe: " + " o ".join(extensiones) + ".",
        show_default=False,
    )


def _comprobar_extension(salida: Path, extensiones: tuple[str, ...]) -> None:
    if salida.suffix.lower() not in extensiones:
        raise typer.BadParameter(
            f"«{salida.name}» no termina en {' ni '.join(extensiones)}: no sé en qué formato escribirlo.",
            param_hint="--salida",
        )


def _escribir(salida: Path, escribir: Callable[[], int], que: str) -> None:
    """Run the writer and say in Spanish what was written, or why not: never a traceback."""
    consola_error = Console(stderr=True, soft_wrap=True)
    try:
        filas = escribir()
    except ErrorDeBase as error:
        consola_error.print(f"[bold red]Error:[/] {error.mensaje}", highlight=False)
        raise typer.Exit(2 if error.uso else 1) from None
    except OSError as error:
        consola_error.print(f"[bold red]Error:[/] no se pudo escribir «{salida}»: {causa(error)}.", highlight=False)
        raise typer.Exit(1) from None
    if filas == 0:
        consola_error.print(
            f"[yellow]Aviso:[/] ninguna acción que exportar (¿la base está vacía, o los filtros no dejan nada?). "
            f"«{salida}» quedó solo con los títulos.",
            highlight=False,
        )
    Console(soft_wrap=True).print(f"{que} escrito en [bold]{salida}[/]: {filas} acciones.", highlight=False)


@exportar.command("consolidado", short_help="El plan consolidado, una fila por acción (Excel o CSV).")
def consolidado(
    salida: Annotated[Path, _salida((".xlsx", ".csv"))],
    db: BaseDeDatos = None,
    entidad: Entidad = None,
    dependencia: Dependencia = None,
    desde: Desde = None,
    hasta: Hasta = None,
) -> None:
    """El plan consolidado: cada acción de la versión actual de cada plan, una fila por acción,
    con las columnas del formato GEM-FM014 en su orden, la entidad, el proceso auditado, la fecha
    de suscripción, y el archivo y el lugar de donde salió.

    Ejemplos:

      planmejora exportar consolidado --salida consolidado.xlsx

      planmejora exportar consolidado --dependencia Planeación --desde 2022-01-01 --salida planeacion.csv
    """
    _comprobar_extension(salida, (".xlsx", ".csv"))
    filtros = filtros_de(entidad, dependencia, desde, hasta)
    _escribir(salida, lambda: exportar_consolidado(url_elegida(db), salida, filtros), "Plan consolidado")


@exportar.command("f14", short_help="El formulario F14.1 de SIRECI (Excel), con lo que falta diligenciar.")
def f14(
    salida: Annotated[Path, _salida((".xlsx",))],
    db: BaseDeDatos = None,
    corte: Annotated[
        str | None,
        typer.Option(
            "--corte",
            metavar="FECHA",
            help="Fecha de corte del informe (aaaa-mm-dd o dd/mm/aaaa): los planes suscritos después "
            "quedan para el siguiente. Por defecto, hoy.",
            show_default=False,
        ),
    ] = None,
    modalidad: Annotated[
        str,
        typer.Option(
            "--modalidad",
            metavar="TEXTO",
            help="Modalidad de registro: «seguimiento» (2 AVANCE ó SEGUIMIENTO…), «suscripcion» "
            "(1 SUSCRIPCIÓN…) u otro texto, que se escribe tal cual.",
        ),
    ] = MODALIDAD_POR_DEFECTO,
) -> None:
    """El plan en el formulario F14.1 de SIRECI (Contraloría General): una fila por acción (FILA_1,
    FILA_2…), fechas AAAA/MM/DD y plazo en semanas. La hoja «Por diligenciar» dice, fila por fila,
    qué falta escribir a mano antes de cargarlo (causa, unidad de medida, cantidad, avance…).

    Ejemplos:

      planmejora exportar f14 --salida f14.xlsx

      planmejora exportar f14 --corte 2024-06-30 --modalidad suscripcion --salida f14_2024_1.xlsx
    """
    _comprobar_extension(salida, (".xlsx",))
    fecha_corte = fecha_de_opcion(corte) or dt.date.today()
    _escribir(salida, lambda: exportar_f14(url_elegida(db), salida, fecha_corte, modalidad), "F14.1")
