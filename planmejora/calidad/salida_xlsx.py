"""The report as an Excel workbook: a summary to read, and sheets to filter.

Every sheet of rows has its header frozen and an autofilter, columns wide enough to read, and
real Excel dates, so the control office can sort and filter without retyping anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import NamedTuple

from openpyxl import Workbook
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
_MES = "MMM-YYYY"
_PORCENTAJE = "0%"
_ANCHO_MAXIMO = 60
_NEGRITA = Font(bold=True)
_TITULO = Font(bold=True, size=14)
_FONDO_ENCABEZADO = PatternFill("solid", fgColor="DDE6F0")


def _poner(hoja: Worksheet, fila: Sequence[Valor]) -> None:
    """Append one row: text escaped, dates as Excel dates with their format."""
    hoja.append([celda(v) if isinstance(v, str) else v.valor if isinstance(v, ConFormato) else v for v in fila])
    for c, v in zip(hoja[hoja.max_row], fila, strict=False):
        if isinstance(v, ConFormato):
            c.number_format = v.formato
        elif isinstance(v, dt.datetime):
            c.number_format = "DD/MM/YYYY HH:MM"
        elif isinstance(v, dt.date):
            c.number_format = _FECHA


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
        return 10
    return max((len(linea) for linea in str(valor or "").splitlines()), default=0)


def _tabla(hoja: Worksheet, encabezados: Sequence[str], filas: Iterable[Sequence[Valor]]) -> None:
    """A sheet of rows people filter: bold frozen header, autofilter, readable widths."""
    hoja.append(list(encabezados))
    for celda_encabezado in hoja[1]:
        celda_encabezado.font = _NEGRITA
        celda_encabezado.fill = _FONDO_ENCABEZADO
    anchos = [len(e) for e in encabezados]
    for fila in filas:
        _poner(hoja, fila)
        anchos = [max(a, _ancho(v)) for a, v in zip(anchos, fila, strict=True)]
    for i, ancho in enumerate(anchos, start=1):
        hoja.column_dimensions[get_column_letter(i)].width = min(ancho + 2, _ANCHO_MAXIMO)
    hoja.freeze_panes = "A2"
    hoja.auto_filter.ref = hoja.dimensions


def _resumen(hoja: Worksheet, reporte: Reporte) -> None:
    hoja.title = "Resumen"
    hoja.append(["Reporte de calidad de datos — planes de mejoramiento (GEM-FM014)"])
    hoja["A1"].font = _TITULO
    vencidas = reporte.vencidas
    filas: list[tuple[str, Valor]] = [
        ("Base de datos", reporte.base),
        ("Generado", reporte.generado),
        ("Fecha de corte", reporte.corte),
        ("Filtros", "; ".join(reporte.filtros.describir()) or "ninguno"),
        ("", None),
        ("Documentos", reporte.documentos),
        ("Documentos ilegibles", len(reporte.ilegibles)),
        ("Planes", reporte.planes),
        ("Acciones", len(reporte.acciones)),
        ("Acciones vencidas", len(vencidas)),
        ("Problemas", len(reporte.problemas)),
        ("Archivos con problemas", len(reporte.por_archivo())),
    ]
    for rotulo, valor in filas:
        _poner(hoja, (rotulo, valor))
        hoja.cell(hoja.max_row, 1).font = _NEGRITA
    hoja.append([])
    _bloque(
        hoja,
        ("Problemas por tipo", "Código", "Cantidad"),
        [(nombre_de_codigo(c), c, n) for c, n in reporte.por_codigo()],
    )
    _bloque(hoja, ("Problemas por dependencia", "", "Cantidad"), [(d, None, n) for d, n in reporte.por_dependencia()])
    _bloque(hoja, ("Documentos ilegibles", "Motivo", ""), [(d.archivo, d.error, None) for d in reporte.ilegibles])
    hoja.column_dimensions["A"].width = 45
    hoja.column_dimensions["B"].width = 45
    hoja.column_dimensions["C"].width = 12


def _bloque(hoja: Worksheet, encabezados: Sequence[str], filas: Sequence[Sequence[Valor]]) -> None:
    if not filas:
        return
    hoja.append(list(encabezados))
    for c in hoja[hoja.max_row]:
        c.font = _NEGRITA
        c.fill = _FONDO_ENCABEZADO
    for fila in filas:
        _poner(hoja, fila)
    hoja.append([])


def _seguimiento(hoja: Worksheet, reporte: Reporte) -> None:
    encabezados = (
        "Agrupación",
        "Grupo",
        "Acciones",
        "Cerradas",
        "% cerradas",
        "Cumplen",
        "% cumplen",
        "Efectivas",
        "% efectivas",
        "Vencidas",
        "Sin estado",
    )
    avances = [("Dependencia", a) for a in seguimiento.por_dependencia(reporte.acciones, reporte.corte)]
    avances += [("Plan", a) for a in seguimiento.por_plan(reporte.acciones, reporte.corte)]
    _tabla(
        hoja,
        encabezados,
        [
            (
                tipo,
                a.grupo,
                a.total,
                a.cerradas,
                a.parte_cerradas,
                a.cumplen,
                a.parte_cumplen,
                a.efectivas,
                a.parte_efectivas,
                a.vencidas,
                a.sin_estado,
            )
            for tipo, a in avances
        ],
    )
    for columna in ("E", "G", "I"):
        for c in hoja[columna][1:]:
            c.number_format = _PORCENTAJE


def escribir_xlsx(reporte: Reporte, ruta: Path) -> None:
    libro = Workbook()
    _resumen(libro.active, reporte)
    _tabla(
        libro.create_sheet("Problemas"),
        (
            "Archivo",
            "Ubicación",
            "Campo",
            "Código",
            "Tipo",
            "Valor escrito",
            "Valor adoptado",
            "Mensaje",
            "Dependencia",
        ),
        [
            (
                p.archivo,
                p.ubicacion,
                p.campo,
                p.codigo,
                nombre_de_codigo(p.codigo),
                p.raw,
                _fecha_adoptada(p.valor),
                p.mensaje,
                p.dependencia,
            )
            for p in reporte.problemas
        ],
    )
    _tabla(
        libro.create_sheet("Vencidas"),
        (
            "Dependencia",
            "Archivo",
            "Plan",
            "N° hallazgo",
            "Acción de mejora",
            "Terminación",
            "Vence",
            "Días de atraso",
            "Estado",
        ),
        [
            (
                a.dependencia,
                a.archivo,
                a.plan,
                a.numero,
                a.accion_mejora,
                _fecha(a.fecha_terminacion, a.fecha_terminacion_precision),
                a.vence,
                a.dias_de_atraso(reporte.corte),
                a.estado_accion or "sin estado",
            )
            for a in reporte.vencidas
        ],
    )
    _seguimiento(libro.create_sheet("Seguimiento"), reporte)
    libro.save(ruta)
