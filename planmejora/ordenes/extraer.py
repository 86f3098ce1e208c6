"""`planmejora extraer`: read copies of the form and show what they hold, without a database."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, TextIO

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import Progress

from carga.rutas import texto_de_ruta
from extractor.modelo import COLUMNAS
from normalizacion.modelo import Fecha, Hallazgo, Plan
from planmejora.ordenes.limites import (
    LIMITE_MEMORIA,
    LIMITE_SEGUNDOS,
    MAX_PAGINAS,
    LimiteMemoria,
    LimiteSegundos,
    MaxPaginas,
    limites_de,
)
from planmejora.ordenes.opciones import NUCLEOS, Workers, exigir_rutas
from planmejora.recorrido import Recorrido, recorrer
from planmejora.salidas.escapar import celda


class Formato(StrEnum):
    texto = "texto"
    json = "json"
    csv = "csv"


def extraer(
    archivos: Annotated[
        list[Path],
        typer.Argument(
            metavar="ARCHIVO",
            help="Archivos PDF, Word (.docx, .doc, .rtf, .odt), Excel (.xlsx, .xls, .ods) o imágenes (.jpg, .png, "
            ".tif); también carpetas, que se recorren completas.",
            show_default=False,
        ),
    ],
    como_json: Annotated[
        bool,
        typer.Option("--json", help="Imprime un arreglo JSON, un objeto por plan, en el orden de los archivos."),
    ] = False,
    formato: Annotated[
        Formato,
        typer.Option(
            "--formato",
            metavar="|".join(Formato),
            help="texto: un listado para leer; json: como --json; csv: una fila por hallazgo, "
            "para una hoja de cálculo.",
        ),
    ] = Formato.texto,
    workers: Workers = NUCLEOS,
    max_paginas: MaxPaginas = MAX_PAGINAS,
    limite_segundos: LimiteSegundos = LIMITE_SEGUNDOS,
    limite_memoria: LimiteMemoria = LIMITE_MEMORIA,
) -> None:
    """Lee copias del formato GEM-FM014 y muestra su encabezado, hallazgos, firmas y problemas.

    No toca la base de datos. Con --json imprime la forma fijada en el contrato, lista para otros
    programas. Lee varios archivos a la vez (--workers; por defecto uno por núcleo, hasta 4) y los
    muestra siempre en el orden dado. Sale con código 1 si algún archivo no se pudo leer (los demás
    sí se procesan) y con 2 si la orden está mal escrita o una ruta no existe.

    Ejemplos:

      planmejora extraer plan_2021.pdf

      planmejora extraer muestras/ --json > planes.json

      planmejora extraer muestras/ --formato csv > hallazgos.csv
    """
    from planmejora.api import extraer_aislados  # the readers: `extraer --help` need not import them

    exigir_rutas(archivos)
    recorrido = recorrer(archivos)
    rutas = recorrido.archivos
    planes: list[Plan] = []
    consola_error = Console(stderr=True)
    with Progress(console=consola_error, transient=True, disable=not consola_error.is_terminal) as progreso:
        tarea = progreso.add_task("Leyendo archivos", total=len(rutas))
        for del_archivo in extraer_aislados(rutas, limites_de(max_paginas, limite_segundos, limite_memoria), workers):
            planes.extend(del_archivo)
            progreso.advance(tarea)
    if como_json or formato is Formato.json:
        json.dump([p.a_json() for p in planes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    elif formato is Formato.csv:
        _escribir_csv(planes, sys.stdout)
    else:
        _mostrar(planes, Console())
    _sin_leer(recorrido, consola_error)
    if any(p.error for p in planes) or recorrido.carpetas_ilegibles:
        raise typer.Exit(1)


def _sin_leer(recorrido: Recorrido, consola: Console) -> None:
    """Every file found and not read, and every folder that could not be opened, on standard error:
    the JSON on standard output keeps the contract's shape."""
    for carpeta in recorrido.carpetas_ilegibles:
        consola.print(
            f"[bold red]✗ {texto_de_ruta(carpeta.ruta)}[/]: {carpeta.motivo}", highlight=False, soft_wrap=True
        )
    for ignorado in recorrido.ignorados:
        consola.print(
            f"[yellow]Ignorado[/] {texto_de_ruta(ignorado.ruta)}: {ignorado.motivo}", highlight=False, soft_wrap=True
        )


def _si_no(valor: bool | None) -> str:
    return "—" if valor is None else ("Sí" if valor else "No")


def _fecha(fecha: Fecha) -> str:
    """As the office writes it (`21/09/2021`, `09/2021`), else what the document said, else a dash."""
    if fecha.valor is not None:
        return fecha.valor.strftime("%m/%Y" if fecha.precision == "mes" else "%d/%m/%Y")
    return f"«{fecha.raw}» (ilegible)" if fecha.raw else "—"


def _linea(consola: Console, rotulo: str, valor: str | None, sangria: str = "") -> None:
    """One labelled value; the terminal wraps long text at word boundaries, nothing is cut."""
    consola.print(f"{sangria}[bold]{rotulo}:[/] {escape(valor or '—')}", highlight=False)


def _mostrar(planes: list[Plan], consola: Console) -> None:
    """A listing a person reads in an 80-column terminal: one plan after another, one value per line."""
    for plan in planes:
        titulo = texto_de_ruta(plan.archivo) + (f" · hoja «{plan.hoja}»" if plan.hoja else "")
        if plan.error:
            consola.print(f"[bold red]✗ {escape(titulo)}[/]: {escape(plan.error)}", highlight=False)
            continue
        consola.rule(f"[bold]{escape(titulo)}", align="left")
        e = plan.encabezado
        _linea(consola, "Entidad", e.entidad)
        _linea(consola, "Formato", f"{e.codigo or '—'} versión {e.version or '—'}")
        _linea(consola, "Proceso auditado", e.proceso_auditado)
        _linea(consola, "Suscripción", _fecha(e.fecha_suscripcion))
        consola.print(f"{len(plan.hallazgos)} hallazgo(s)", highlight=False)
        for hallazgo in plan.hallazgos:
            _mostrar_hallazgo(hallazgo, consola)
        if plan.firmas:
            _linea(consola, "Firmas", "; ".join(f"{f.nombre} ({f.cargo or 'sin cargo'})" for f in plan.firmas))
        if plan.problemas:
            consola.print(f"[yellow]{len(plan.problemas)} problema(s):[/]", highlight=False)
            for p in plan.problemas:
                consola.print(f"  • {escape(p.campo)} ({p.codigo}): {escape(p.mensaje)}", highlight=False)
        consola.print()


def _mostrar_hallazgo(h: Hallazgo, consola: Console) -> None:
    consola.print(f"\n[bold]Hallazgo {escape(h.numero or '—')}[/]", highlight=False)
    _linea(consola, "Descripción", h.descripcion, "  ")
    _linea(consola, "Acción de mejora", h.accion_mejora, "  ")
    _linea(consola, "Meta o indicador", h.meta_indicador, "  ")
    plazo = "—" if h.plazo_meses is None else f"{h.plazo_meses} mes(es)"
    fechas = f"{plazo} · inicio {_fecha(h.fecha_inicio)} · terminación {_fecha(h.fecha_terminacion)}"
    _linea(consola, "Plazo", fechas, "  ")
    _linea(consola, "Dependencia", h.dependencia, "  ")
    seguimiento = (
        f"cumplimiento {_si_no(h.cumplimiento)} · efectividad {_si_no(h.efectividad)} · estado {h.estado_accion or '—'}"
    )
    _linea(consola, "Seguimiento", seguimiento, "  ")


_COLUMNAS_CSV = ("archivo", "hoja", "error", "entidad", "proceso_auditado", "fecha_suscripcion", *COLUMNAS)


def _escribir_csv(planes: list[Plan], salida: TextIO) -> None:
    """One row per finding (a plan without findings, or a file that failed, is one row): for a spreadsheet.

    Dates are ISO (`2021-09-21`, `2021-09` for a month); a cell that starts like a formula is escaped."""
    escritor = csv.writer(salida)
    escritor.writerow(_COLUMNAS_CSV)
    for plan in planes:
        comun = [
            texto_de_ruta(plan.archivo),
            plan.hoja,
            plan.error,
            plan.encabezado.entidad,
            plan.encabezado.proceso_auditado,
            plan.encabezado.fecha_suscripcion.texto_valor(),
        ]
        hallazgos: list[Hallazgo | None] = [*plan.hallazgos] or [None]
        for hallazgo in hallazgos:
            valores = [_valor_csv(getattr(hallazgo, campo)) if hallazgo else None for campo in COLUMNAS]
            escritor.writerow([celda(v) for v in [*comun, *valores]])


def _valor_csv(valor: object) -> str | None:
    if isinstance(valor, Fecha):
        return valor.texto_valor()
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    return None if valor is None else str(valor)
