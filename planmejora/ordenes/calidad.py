"""`planmejora calidad`: the data-quality report and the follow-up of actions, from the database."""

from __future__ import annotations

import datetime as dt
import shlex
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from carga.conexion import enmascarar
from carga.eleccion import url_elegida
from planmejora.calidad import FORMATOS, ErrorDeBase, Filtros, Reporte, escribir, leer_reporte
from planmejora.calidad.terminal import mostrar_resumen
from planmejora.calidad.vocabulario import nombres_de_codigos
from planmejora.errores_del_sistema import causa
from planmejora.ordenes.filtros import Dependencia, Desde, Entidad, Hasta, filtros_de
from planmejora.ordenes.opciones import BaseDeDatos, fecha_de_opcion


def _codigos(valores: list[str] | None) -> tuple[str, ...]:
    """Codes given repeated (`--codigo a --codigo b`) or separated by commas (`--codigo a,b`)."""
    return tuple(dict.fromkeys(c.strip() for v in valores or [] for c in v.split(",") if c.strip()))


def _desconocidos(codigos: tuple[str, ...], reporte: Reporte) -> list[str]:
    return [c for c in codigos if c not in nombres_de_codigos() and c not in reporte.codigos_en_base]


def _ninguna_dependencia(buscada: str, url: str, reporte: Reporte, consola: Console) -> None:
    """A filter that matches nothing is most often a typo: say so, and name the dependencias there are."""
    todas = leer_reporte(url, Filtros(), reporte.corte)
    conocidas = sorted({a.dependencia for a in todas.acciones if a.dependencia}, key=str.casefold)
    lista = "; ".join(conocidas) if conocidas else "ninguna (las acciones no dicen su dependencia)"
    consola.print(
        f"[bold yellow]Aviso:[/] ninguna acción ni problema es de una dependencia que contenga «{buscada}». "
        f"Las dependencias de la base son: {lista}.",
        highlight=False,
    )


def calidad(
    db: BaseDeDatos = None,
    salida: Annotated[
        Path | None,
        typer.Option(
            "--salida",
            "-o",
            metavar="ARCHIVO",
            help="Archivo del reporte: .html (para leer), .xlsx (para filtrar) o .csv (una fila por problema). "
            "Sin él, solo se muestra el resumen.",
            show_default=False,
        ),
    ] = None,
    corte: Annotated[
        str | None,
        typer.Option(
            "--corte",
            metavar="FECHA",
            help="Fecha de corte para decidir qué acciones están vencidas (aaaa-mm-dd o dd/mm/aaaa). Por defecto, hoy.",
            show_default=False,
        ),
    ] = None,
    falla_si: Annotated[
        list[str] | None,
        typer.Option(
            "--falla-si",
            metavar="CODIGO",
            help="Sale con código 1 si el reporte tiene algún problema con este código "
            "(se puede repetir, o separar con comas).",
            show_default=False,
        ),
    ] = None,
    entidad: Entidad = None,
    dependencia: Dependencia = None,
    desde: Desde = None,
    hasta: Hasta = None,
    codigo: Annotated[
        list[str] | None,
        typer.Option(
            "--codigo",
            metavar="CODIGO",
            help="Solo los problemas con este código (se puede repetir, o separar con comas).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Reporte de calidad de datos: cada valor corregido, inferido, ilegible, faltante o inconsistente,
    y el seguimiento de las acciones (vencidas, cerradas, cumplidas y efectivas).

    Lee la base de datos que llenó «planmejora ingerir» y escribe el reporte en HTML, Excel o CSV.
    Sale con código 1 si la base no se puede leer o no tiene datos, o si --falla-si encuentra
    problemas de esos códigos; con código 2 si la orden está mal escrita.

    Ejemplos:

      planmejora calidad --salida calidad.html

      planmejora calidad --db postgresql://control@servidor/planes --salida calidad.xlsx --corte 2024-06-30

      planmejora calidad --dependencia Planeación --desde 2022-01-01 --salida planeacion.csv

      planmejora calidad --entidad Calica --corte 2024-06-30

      planmejora calidad --falla-si fecha_invalida --falla-si fechas_invertidas
    """
    consola_error = Console(stderr=True, soft_wrap=True)
    if salida is not None and salida.suffix.lower() not in FORMATOS:
        raise typer.BadParameter(
            f"«{salida.name}» no termina en .html, .xlsx ni .csv: no sé en qué formato escribirlo.",
            param_hint="--salida",
        )
    filtros = filtros_de(entidad, dependencia, desde, hasta, _codigos(codigo))
    fallar_con = _codigos(falla_si)
    try:
        reporte = leer_reporte(url_elegida(db), filtros, fecha_de_opcion(corte) or dt.date.today())
    except ErrorDeBase as error:
        consola_error.print(f"[bold red]Error:[/] {error.mensaje}", highlight=False)
        raise typer.Exit(2 if error.uso else 1) from None
    if desconocidos := _desconocidos(filtros.codigos + fallar_con, reporte):
        conocidos = ", ".join(sorted(set(nombres_de_codigos()) | reporte.codigos_en_base))
        consola_error.print(
            f"[bold red]Error:[/] código(s) desconocido(s): {', '.join(desconocidos)}. Los códigos son: {conocidos}.",
            highlight=False,
        )
        raise typer.Exit(2)
    if filtros.dependencia and not reporte.acciones and not reporte.problemas:
        _ninguna_dependencia(filtros.dependencia, url_elegida(db), reporte, consola_error)
    mostrar_resumen(reporte, Console())
    if salida is not None:
        try:
            escribir(reporte, salida)
        except OSError as error:
            consola_error.print(f"[bold red]Error:[/] no se pudo escribir «{salida}»: {causa(error)}.", highlight=False)
            raise typer.Exit(1) from None
        Console().print(f"Reporte escrito en [bold]{salida}[/]", highlight=False)
    else:
        con_base = escape(f" --db {shlex.quote(enmascarar(db))}") if db else ""
        Console().print(
            f"[dim]Para el reporte completo: planmejora calidad{con_base} --salida calidad.html[/]",
            highlight=False,
            soft_wrap=True,
        )
    if encontrados := sorted({p.codigo for p in reporte.problemas} & set(fallar_con)):
        consola_error.print(
            f"[bold red]Hay problemas de tipo {', '.join(encontrados)}[/] (--falla-si): termina con código 1.",
            highlight=False,
        )
        raise typer.Exit(1)
