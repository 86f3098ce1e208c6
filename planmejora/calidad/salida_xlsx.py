"""The report as an Excel workbook: a summary to read, and sheets to filter.

Every sheet of rows has its header frozen and an autofilter, columns wide enough to read, and
real Excel dates, so the control office can sort and filter without retyping anything. The
workbook is streamed (openpyxl's write-only mode): a database of many thousand problems gives a
file in seconds, with memory that does not grow with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from planmejora.calidad import seguimiento
from planmejora.calidad.escapar import celda
from planmejora.calidad.modelo import Reporte
from planmejora.calidad.vocabulario import nombre_de_codigo


class ConFormato(NamedTuple):
    """A value with its Excel number format (a month shows as a month, not as its first day)."""

    valor: dt.date | float
    formato: str


Valor = str | int | float | dt.date | ConFormato | None

_FECHA = "DD/MM/YYYY"
_FECHA_HORA = "DD/MM/YYYY HH:MM"
_MES = "MMM-YYYY"
_PORCENTAJE = "0%"
_ANCHO_MAXIMO = 60
_NEGRITA = Font(bold=True)
_TITULO = Font(bold=True, size=14)
_FONDO_ENCABEZADO = PatternFill("solid", fgColor="DDE6F0")


def _celda(hoja: Worksheet, valor: Valor, negrita: bool = False) -> WriteOnlyCell | str | int | float | None:
    """One cell: text escaped so it never runs as a formula, dates as Excel dates with their format.

    A plain value needs no cell object: openpyxl writes it as it comes, which is much faster.
    """
    if isinstance(valor, str):
        valor = celda(valor)
    if isinstance(valor, ConFormato):
        resultado = WriteOnlyCell(hoja, valor.valor)
        resultado.number_format = valor.formato
    elif isinstance(valor, dt.date):
        resultado = WriteOnlyCell(hoja, valor)
        resultado.number_format = _FECHA_HORA if isinstance(valor, dt.datetime) else _FECHA
    elif negrita:
        resultado = WriteOnlyCell(hoja, valor)
    else:
        return valor
    if negrita:
        resultado.font = _NEGRITA
    return resultado


def _encabezado(hoja: Worksheet, textos: Sequence[str]) -> list[WriteOnlyCell]:
    celdas = [WriteOnlyCell(hoja, celda(t)) for t in textos]
    for c in celdas:
        c.font = _NEGRITA
        c.fill = _FONDO_ENCABEZADO
    return celdas


def _fecha(fecha: dt.date | None, precision: str | None) -> Valor:
    if fecha is None:
        return None
    return ConFormato(fecha, _MES if precision == "mes" else _FECHA)


def _fecha_adoptada(texto: str | None) -> Valor:
    """A value adopted that is a date (`2022-01-31`, `2022-01`) goes to Excel as a date."""
    for formato, precision in (("%Y-%m-%d", "dia"), ("%Y-%m", "mes")):
        try:
            return _fecha(dt.datetime.strptime(texto or "", formato).date(), precision)
        except ValueError:
            continue
    return texto


def _ancho(valor: Valor) -> int:
    if isinstance(valor, dt.date | ConFormato):
        return 11
    return max((len(linea) for linea in str(valor if valor is not None else "").splitlines()), default=0)


def _tabla(libro: Workbook, titulo: str, encabezados: Sequence[str], filas: Sequence[Sequence[Valor]]) -> Worksheet:
    """A sheet of rows people filter: bold frozen header, autofilter, readable widths."""
    hoja = libro.create_sheet(titulo)
    for i, encabezado in enumerate(encabezados, start=1):
        ancho = max([len(encabezado), *(_ancho(f[i - 1]) for f in filas)])
        hoja.column_dimensions[get_column_letter(i)].width = min(ancho + 2, _ANCHO_MAXIMO)
    hoja.freeze_panes = "A2"
    hoja.auto_filter.ref = f"A1:{get_column_letter(len(encabezados))}{len(filas) + 1}"
    hoja.append(_encabezado(hoja, encabezados))
    for fila in filas:
        hoja.append([_celda(hoja, v) for v in fila])
    return hoja


def _resumen(libro: Workbook, reporte: Reporte) -> None:
    hoja = libro.create_sheet("Resumen")
    for columna, ancho in (("A", 45), ("B", 45), ("C", 12)):
        hoja.column_dimensions[columna].width = ancho
    titulo = WriteOnlyCell(hoja, "Reporte de calidad de datos — planes de mejoramiento (GEM-FM014)")
    titulo.font = _TITULO
    hoja.append([titulo])
    filas: list[tuple[str, Valor]] = [
        ("Base de datos", reporte.base),
        ("Generado", reporte.generado),
        ("Fecha de corte", reporte.corte),
        ("Filtros", "; ".join(reporte.filtros.describir()) or "ninguno"),
        ("Documentos", reporte.documentos),
        ("Documentos ilegibles", len(reporte.ilegibles)),
        ("Ilegibles ya reemplazados por una copia nueva (no incluidos)", reporte.ilegibles_reemplazados),
        ("Planes", reporte.planes),
        ("Acciones", len(reporte.acciones)),
        ("Acciones vencidas", len(reporte.vencidas)),
        ("Problemas", len(reporte.problemas)),
        ("Archivos con problemas", len(reporte.por_archivo())),
        ("Problemas de versiones anteriores (no incluidos)", reporte.de_versiones_anteriores),
    ]
    for rotulo, valor in filas:
        hoja.append([_celda(hoja, rotulo, negrita=True), _celda(hoja, valor)])
    bloques: list[tuple[Sequence[str], list[tuple[Valor, Valor, Valor]]]] = [
        (("Problemas por tipo", "Código", "Cantidad"), [(nombre_de_codigo(c), c, n) for c, n in reporte.por_codigo()]),
        (("Problemas por dependencia", "", "Cantidad"), [(d, None, n) for d, n in reporte.por_dependencia()]),
        (("Documentos ilegibles", "Motivo", ""), [(d.archivo, d.error, None) for d in reporte.ilegibles]),
    ]
    for encabezados, contenido in bloques:
        if contenido:
            hoja.append([])
            hoja.append(_encabezado(hoja, encabezados))
            for fila in contenido:
                hoja.append([_celda(hoja, v) for v in fila])


def _porcentaje(parte: float) -> ConFormato:
    return ConFormato(parte, _PORCENTAJE)


def escribir_xlsx(reporte: Reporte, ruta: Path) -> None:
    libro = Workbook(write_only=True)
    _resumen(libro, reporte)
    _tabla(
        libro,
        "Problemas",
        ("Archivo", "Ubicación", "Campo", "Código", "Tipo", "Valor escrito", "Valor adoptado", "Mensaje",
         "Dependencia"),
        [
            (p.archivo, p.ubicacion, p.campo, p.codigo, nombre_de_codigo(p.codigo), p.raw, _fecha_adoptada(p.valor),
             p.mensaje, p.dependencia)
            for p in reporte.problemas
        ],
    )  # fmt: skip
    _tabla(
        libro,
        "Vencidas",
        ("Dependencia", "Archivo", "Plan", "N° hallazgo", "Acción de mejora", "Terminación", "Vence",
         "Días de atraso", "Estado"),
        [
            (a.dependencia, a.archivo, a.plan, a.numero, a.accion_mejora,
             _fecha(a.fecha_terminacion, a.fecha_terminacion_precision), a.vence, a.dias_de_atraso(reporte.corte),
             a.estado_accion or "sin estado")
            for a in reporte.vencidas
        ],
    )  # fmt: skip
    avances = [("Dependencia", a) for a in seguimiento.por_dependencia(reporte.acciones, reporte.corte)]
    avances += [("Plan", a) for a in seguimiento.por_plan(reporte.acciones, reporte.corte)]
    _tabla(
        libro,
        "Seguimiento",
        ("Agrupación", "Grupo", "Acciones", "Cerradas", "% cerradas", "Cumplen", "% cumplen", "Efectivas",
         "% efectivas", "Vencidas", "Sin estado"),
        [
            (tipo, a.grupo, a.total, a.cerradas, _porcentaje(a.parte_cerradas), a.cumplen, _porcentaje(a.parte_cumplen),
             a.efectivas, _porcentaje(a.parte_efectivas), a.vencidas, a.sin_estado)
            for tipo, a in avances
        ],
    )  # fmt: skip
    libro.save(ruta)
