"""Excel sheets people filter and print: one way to write a cell, a table and its page setup.

Each sheet of rows has its titles frozen, an autofilter, readable widths, long text wrapped, and
a page setup so it prints as a person expects: landscape, as wide as the page, the titles on every
page, «Página N de M» at the foot. Dates are real Excel dates shown dd/mm/aaaa, and a month-only
date shows as a month. Workbooks are streamed (openpyxl's write-only mode): many thousand rows
give a file in seconds, with memory that does not grow with them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from copy import copy
from io import BytesIO
from pathlib import Path
from typing import Any, NamedTuple
from weakref import WeakKeyDictionary

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

from planmejora.salidas.escapar import celda as texto_seguro

FECHA = "DD/MM/YYYY"
FECHA_HORA = "DD/MM/YYYY HH:MM"
MES = "[$-240A]MMM-YYYY"
"""A month in Spanish (`ene-2022`) whatever the reader's locale: 240A is Excel's code for español (Colombia)."""
PORCENTAJE = "0%"

ANCHO_MAXIMO = 40
"""Wider text wraps inside its cell instead of pushing the next columns off the page."""
CARTA = Worksheet.PAPERSIZE_LETTER
OFICIO = Worksheet.PAPERSIZE_LEGAL
"""The long paper Colombian offices print wide plans on."""
_ALTO_RENGLON = 15.0
"""Points per line of 11-point text."""
_TITULOS_EN_NEGRITA = 0.8
"""Bold titles take about a fifth more room than plain text: their row gets that much taller."""
_ALTO_MAXIMO = 409.0
"""The tallest row Excel allows."""
_ANCHO_FECHA = 11
_NEGRITA = Font(bold=True)
_TITULO = Font(bold=True, size=14)
_FONDO_TITULOS = PatternFill("solid", fgColor="DDE6F0")
_AJUSTADO = Alignment(wrap_text=True, vertical="top")
_ARRIBA = Alignment(vertical="top")
IZQUIERDA = Alignment(horizontal="left", vertical="top", wrap_text=True)


_ESTILOS: WeakKeyDictionary[Any, dict[tuple[str, int, bool], tuple[Alignment, StyleArray]]] = WeakKeyDictionary()
"""Per workbook: each kind of cell's style (the alignment is kept so that its id stays its own)."""


class ConFormato(NamedTuple):
    """A value with its Excel number format (a month shows as a month, not as its first day)."""

    valor: dt.date | float
    formato: str


Valor = str | int | float | dt.date | ConFormato | None


def fecha(valor: dt.date | None, precision: str | None = "dia") -> Valor:
    """A date as Excel shows it: dd/mm/aaaa, or the month alone when only the month was written."""
    if valor is None:
        return None
    return ConFormato(valor, MES if precision == "mes" else FECHA)


def porcentaje(parte: float) -> ConFormato:
    return ConFormato(parte, PORCENTAJE)


def _estilo(hoja: Worksheet, formato: str, alineacion: Alignment, negrita: bool) -> StyleArray:
    """The style of a kind of cell, built once per workbook and copied to each cell.

    Setting a cell's font, alignment and format looks each one up by hash in the workbook's
    tables: done for every cell of 20 000 actions, that took most of a minute. A cell's style
    is that small array of indices, so cells of the same kind share one, as openpyxl's own
    copies do.
    """
    estilos = _ESTILOS.setdefault(hoja.parent, {})
    clave = (formato, id(alineacion), negrita)
    if clave not in estilos:
        modelo = WriteOnlyCell(hoja)
        modelo.number_format = formato
        modelo.alignment = alineacion
        if negrita:
            modelo.font = _NEGRITA
        estilos[clave] = (alineacion, modelo._style)
    return copy(estilos[clave][1])


def celda(
    hoja: Worksheet, valor: Valor, *, negrita: bool = False, alineacion: Alignment | None = None
) -> WriteOnlyCell:
    """One cell: text escaped so it never runs as a formula, dates as Excel dates with their format."""
    formato = "General"
    escrito: str | int | float | dt.date | None
    if isinstance(valor, ConFormato):
        escrito, formato = valor.valor, valor.formato
    elif isinstance(valor, str):
        escrito = texto_seguro(valor)
    else:
        escrito = valor
        if isinstance(valor, dt.date):
            formato = FECHA_HORA if isinstance(valor, dt.datetime) else FECHA
    resultado = WriteOnlyCell(hoja, escrito)
    alineacion = alineacion or (_AJUSTADO if isinstance(escrito, str) else _ARRIBA)
    resultado._style = _estilo(hoja, formato, alineacion, negrita)
    return resultado


def titulos(hoja: Worksheet, textos: Sequence[str]) -> list[WriteOnlyCell]:
    """The row of column titles: bold, shaded, wrapped."""
    celdas = [WriteOnlyCell(hoja, texto_seguro(t)) for t in textos]
    for c in celdas:
        c.font = _NEGRITA
        c.fill = _FONDO_TITULOS
        c.alignment = _AJUSTADO
    return celdas


def titulo(hoja: Worksheet, texto: str) -> WriteOnlyCell:
    """The big title of a summary sheet."""
    resultado = WriteOnlyCell(hoja, texto_seguro(texto))
    resultado.font = _TITULO
    return resultado


def ancho(valor: Valor) -> int:
    """How many characters the value shows as, on its longest line."""
    if isinstance(valor, dt.date | ConFormato):
        return _ANCHO_FECHA
    return max((len(linea) for linea in str(valor if valor is not None else "").splitlines()), default=0)


def poner_anchos(hoja: Worksheet, anchos: Iterable[int], maximo: int = ANCHO_MAXIMO) -> list[float]:
    """Set each column's width in characters, capped; return the widths set."""
    puestos = [float(min(caracteres + 2, maximo)) for caracteres in anchos]
    for i, puesto in enumerate(puestos, start=1):
        hoja.column_dimensions[get_column_letter(i)].width = puesto
    return puestos


def _renglones(valor: Valor, ancho_columna: float) -> int:
    """Lines a wrapped text takes in a column this wide.

    A column's width counts digits, and text is narrower than digits while words break early: the two
    about cancel out, so one line holds about as many letters as the width says.
    """
    if not isinstance(valor, str) or not valor:
        return 1
    return sum(max(1, math.ceil(len(linea) / max(ancho_columna, 1.0))) for linea in valor.splitlines())


def poner_alto(hoja: Worksheet, numero_fila: int, fila: Sequence[Valor], anchos: Sequence[float]) -> None:
    """A row tall enough for its wrapped text: neither Excel nor LibreOffice grows it when opening a written file."""
    renglones = max((_renglones(v, a) for v, a in zip(fila, anchos, strict=False)), default=1)
    if renglones > 1:
        hoja.row_dimensions[numero_fila].height = min(renglones * _ALTO_RENGLON, _ALTO_MAXIMO)


def preparar_impresion(
    hoja: Worksheet, encabezado: str, filas_de_titulos: int = 1, horizontal: bool = True, papel: str = CARTA
) -> None:
    """Print as wide as the page, titles repeated on every page, the sheet's name at the head, pages counted."""
    hoja.page_setup.orientation = "landscape" if horizontal else "portrait"
    hoja.page_setup.paperSize = papel
    hoja.page_setup.fitToWidth = 1
    hoja.page_setup.fitToHeight = 0
    hoja.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    hoja.page_margins.left = hoja.page_margins.right = 0.4
    hoja.page_margins.top = hoja.page_margins.bottom = 0.8
    hoja.page_margins.header = hoja.page_margins.footer = 0.3
    if filas_de_titulos:
        hoja.print_title_rows = f"1:{filas_de_titulos}"
    hoja.oddHeader.center.text = encabezado.replace("&", "&&")
    hoja.oddFooter.center.text = "Página &P de &N"


def tabla(
    libro: Workbook,
    nombre: str,
    encabezados: Sequence[str],
    filas: Sequence[Sequence[Valor]],
    encabezado_impreso: str | None = None,
    anchos_minimos: Sequence[int] = (),
    papel: str = CARTA,
) -> Worksheet:
    """A sheet of rows people filter and print: frozen titles, autofilter, readable widths, page setup."""
    hoja = libro.create_sheet(nombre)
    minimos = list(anchos_minimos) + [0] * (len(encabezados) - len(anchos_minimos))
    anchos = poner_anchos(
        hoja,
        (max([min(len(t), 14), minimos[i], *(ancho(f[i]) for f in filas)]) for i, t in enumerate(encabezados)),
    )
    hoja.freeze_panes = "A2"
    hoja.auto_filter.ref = f"A1:{get_column_letter(len(encabezados))}{len(filas) + 1}"
    preparar_impresion(hoja, encabezado_impreso or nombre, papel=papel)
    poner_alto(hoja, 1, encabezados, [a * _TITULOS_EN_NEGRITA for a in anchos])
    hoja.append(titulos(hoja, encabezados))
    for numero, fila in enumerate(filas, start=2):
        poner_alto(hoja, numero, fila, anchos)
        hoja.append([celda(hoja, v) for v in fila])
    return hoja


def rotulos_y_valores(hoja: Worksheet, filas: Iterable[tuple[str, Valor]]) -> None:
    """A label in bold with its value right beside it, read left to right (numbers too, not pushed to the far edge)."""
    for rotulo, valor in filas:
        hoja.append([celda(hoja, rotulo, negrita=True), celda(hoja, valor, alineacion=IZQUIERDA)])


def guardar(libro: Workbook, ruta: Path) -> None:
    """Save a streamed workbook: built in memory first, so a folder that does not exist or cannot be written
    is one `OSError` for the caller to explain, not half a file and openpyxl's writers failing on their way out."""
    contenido = BytesIO()
    libro.save(contenido)
    ruta.write_bytes(contenido.getvalue())
