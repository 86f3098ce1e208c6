"""`planmejora extraer`: read copies of the form and show what they hold, without a database."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import Progress
from rich.table import Table

from extractor.lector import texto_de_ruta
from normalizacion.modelo import Plan
from planmejora.api import extraer_aislados
from planmejora.ordenes.limites import (
    LIMITE_MEMORIA,
    LIMITE_SEGUNDOS,
    MAX_PAGINAS,
    LimiteMemoria,
    LimiteSegundos,
    MaxPaginas,
    limites_de,
)
from planmejora.ordenes.opciones import exigir_rutas
from planmejora.recorrido import Recorrido, recorrer


def extraer(
    archivos: Annotated[
        list[Path],
        typer.Argument(
            help="Archivos PDF, Word (.docx, .doc, .rtf, .odt), Excel (.xlsx, .xls, .ods) o imágenes (.jpg, .png, "
            ".tif); también carpetas, que se recorren completas.",
            show_default=False,
        ),
    ],
    como_json: Annotated[
        bool,
        typer.Option("--json", help="Imprime un arreglo JSON, un objeto por plan, en el orden de los archivos."),
    ] = False,
    max_paginas: MaxPaginas = MAX_PAGINAS,
    limite_segundos: LimiteSegundos = LIMITE_SEGUNDOS,
    limite_memoria: LimiteMemoria = LIMITE_MEMORIA,
) -> None:
    """Lee copias del formato GEM-FM014 y muestra su encabezado, hallazgos, firmas y problemas.

    No toca la base de datos. Con --json imprime la forma fijada en el contrato, lista para otros
    programas. Sale con código 1 si algún archivo no se pudo leer (los demás sí se procesan) y con 2
    si la orden está mal escrita o una ruta no existe.

    Ejemplos:

      planmejora extraer plan_2021.pdf

      planmejora extraer muestras/ --json > planes.json
    """
    exigir_rutas(archivos)
    recorrido = recorrer(archivos)
    rutas = recorrido.archivos
    planes: list[Plan] = []
    consola_error = Console(stderr=True)
    with Progress(console=consola_error, transient=True, disable=not consola_error.is_terminal) as progreso:
        tarea = progreso.add_task("Leyendo archivos", total=len(rutas))
        for del_archivo in extraer_aislados(rutas, limites_de(max_paginas, limite_segundos, limite_memoria)):
            planes.extend(del_archivo)
            progreso.advance(tarea)
    if como_json:
        json.dump([p.a_json() for p in planes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
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


def _mostrar(planes: list[Plan], consola: Console) -> None:
    for plan in planes:
        titulo = plan.archivo + (f" · hoja «{plan.hoja}»" if plan.hoja else "")
        if plan.error:
            consola.print(f"[bold red]✗ {titulo}[/]: {plan.error}")
            continue
        e = plan.encabezado
        consola.rule(f"[bold]{titulo}")
        consola.print(
            f"[bold]{e.entidad or '—'}[/] · {e.codigo or '—'} v{e.version or '—'} · "
            f"Proceso auditado: {e.proceso_auditado or '—'} · "
            f"Suscripción: {e.fecha_suscripcion.texto_valor() or e.fecha_suscripcion.raw or '—'}"
        )
        tabla = Table(show_lines=False, expand=True)
        for columna in ("N°", "Acción de mejora", "Meses", "Inicio", "Terminación", "Cumpl.", "Efect.", "Estado"):
            tabla.add_column(columna, overflow="fold")
        for h in plan.hallazgos:
            tabla.add_row(
                h.numero or "—",
                (h.accion_mejora or "—")[:80],
                "—" if h.plazo_meses is None else str(h.plazo_meses),
                h.fecha_inicio.texto_valor() or "—",
                h.fecha_terminacion.texto_valor() or "—",
                _si_no(h.cumplimiento),
                _si_no(h.efectividad),
                h.estado_accion or "—",
            )
        consola.print(tabla)
        if plan.firmas:
            consola.print("Firmas: " + "; ".join(f"{f.nombre} ({f.cargo or 'sin cargo'})" for f in plan.firmas))
        if plan.problemas:
            consola.print(f"[yellow]{len(plan.problemas)} problema(s):[/]")
            for p in plan.problemas:
                consola.print(f"  • [cyan]{p.campo}[/] ({p.codigo}): {p.mensaje}")
