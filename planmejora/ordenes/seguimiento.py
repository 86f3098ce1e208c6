"""`planmejora seguimiento`: the state of every action at a cut-off, and what changed since each previous copy."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from carga.eleccion import url_elegida
from planmejora.calidad import ErrorDeBase
from planmejora.errores_del_sistema import causa
from planmejora.ordenes.filtros import Dependencia, Desde, Entidad, Hasta, filtros_de
from planmejora.ordenes.opciones import BaseDeDatos, fecha_de_opcion
from planmejora.seguimiento import FORMATOS, escribir_seguimiento
from planmejora.seguimiento import seguimiento as leer_seguimiento
from planmejora.vencimiento import NOMBRES_ESTADOS


def seguimiento(
    corte: Annotated[
        str,
        typer.Option("--corte", metavar="FECHA", help="Fecha de corte (aaaa-mm-dd o dd/mm/aaaa).", show_default=False),
    ],
    salida: Annotated[
        Path,
        typer.Option(
            "--salida",
            "-o",
            metavar="ARCHIVO",
            help="Archivo del seguimiento: .xlsx (para filtrar e imprimir), .html (para leer) o .csv "
            "(una fila por acción).",
            show_default=False,
        ),
    ],
    db: BaseDeDatos = None,
    entidad: Entidad = None,
    dependencia: Dependencia = None,
    desde: Desde = None,
    hasta: Hasta = None,
) -> None:
    """Seguimiento al corte: el estado de cada acción de la copia actual de cada plan (cumplida, en término,
    vencida o sin fecha), totales por plan y por dependencia, y qué cambió desde la copia anterior de cada plan.

    Una acción que vence el mismo día del corte todavía está en término. Sale con código 1 si la base
    no se puede leer o no tiene datos; con código 2 si la orden está mal escrita.

    Ejemplos:

      planmejora seguimiento --corte 2024-06-30 --salida seguimiento.xlsx

      planmejora seguimiento --corte 31/12/2024 --dependencia Hacienda --salida hacienda.html

      planmejora seguimiento --db postgresql://control@servidor/planes --corte 2024-06-30 --salida corte.csv
    """
    consola_error = Console(stderr=True, soft_wrap=True)
    if salida.suffix.lower() not in FORMATOS:
        raise typer.BadParameter(
            f"«{salida.name}» no termina en .xlsx, .html ni .csv: no sé en qué formato escribirlo.",
            param_hint="--salida",
        )
    fecha_corte = fecha_de_opcion(corte)
    filtros = filtros_de(entidad, dependencia, desde, hasta)
    try:
        seg = leer_seguimiento(url_elegida(db), fecha_corte, filtros)
    except ErrorDeBase as error:
        consola_error.print(f"[bold red]Error:[/] {error.mensaje}", highlight=False)
        raise typer.Exit(2 if error.uso else 1) from None
    try:
        escribir_seguimiento(seg, salida)
    except OSError as error:
        consola_error.print(f"[bold red]Error:[/] no se pudo escribir «{salida}»: {causa(error)}.", highlight=False)
        raise typer.Exit(1) from None
    cuentas = " · ".join(f"{NOMBRES_ESTADOS[e]}: {n}" for e, n in seg.cuentas().items())
    cambios = sum(len(p.cambios) for p in seg.cambios)
    Console().print(
        f"Seguimiento al {fecha_corte:%d/%m/%Y}: {len(seg.acciones)} acciones. {cuentas}.\n"
        f"{cambios} cambio(s) desde la copia anterior en {len(seg.cambios)} plan(es) que la tienen.\n"
        f"Escrito en [bold]{salida}[/]",
        highlight=False,
    )
