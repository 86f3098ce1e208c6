"""Reader of Excel 97-2003 workbooks (.xls), with xlrd: each visible sheet read like a sheet of a .xlsx.

xlrd reads the binary format with its cell types, number formats and merged cells
(`formatting_info`); each sheet is copied into an openpyxl worksheet in memory and read
by `extractor.xlsx`, so a date shows as Excel shows it (`ene-22`), a merged cell repeats
down, and the limits, gaps and Excel row numbers are the same for both formats.
"""

from __future__ import annotations

import datetime as dt
import re
import struct
from typing import Any

import xlrd
from openpyxl import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from extractor.errores import ArchivoIlegible
from extractor.modelo import HojaLeida
from extractor.xlsx import leer_hoja

_VISIBLE = 0


def leer_xls(datos: bytes) -> list[HojaLeida]:
    """Every visible, non-empty sheet of the workbook, in sheet order; origins name the sheet and Excel row."""
    libro = _abrir(datos)
    try:
        hojas: list[HojaLeida] = []
        copia = Workbook()
        for indice in range(libro.nsheets):
            hoja = libro.sheet_by_index(indice)
            if hoja.visibility != _VISIBLE:
                continue
            leida = leer_hoja(_copiar(libro, hoja, copia.create_sheet(_titulo(hoja.name, copia))))
            if leida.filas:
                hojas.append(leida)
            libro.unload_sheet(indice)
        return hojas
    finally:
        libro.release_resources()


def _abrir(datos: bytes) -> Any:
    try:
        return xlrd.open_workbook(file_contents=datos, formatting_info=True, on_demand=True, logfile=_Silencio())
    except xlrd.XLRDError as error:
        if "encrypted" in str(error).lower():
            raise ArchivoIlegible(
                "El libro de Excel 97-2003 (.xls) está protegido con contraseña. Quite la contraseña en Excel "
                "y guárdelo de nuevo."
            ) from error
        raise ArchivoIlegible(f"El libro de Excel 97-2003 (.xls) no se puede leer: {error}.") from error
    except (xlrd.compdoc.CompDocError, AssertionError, IndexError, KeyError, ValueError, struct.error) as error:
        raise ArchivoIlegible(
            "El libro de Excel 97-2003 (.xls) está dañado o incompleto: su estructura interna no se puede leer."
        ) from error


class _Silencio:
    """xlrd writes its warnings to a log file; they say nothing a person can act on."""

    def write(self, _: str) -> None:
        pass


def _titulo(nombre: str, libro: Workbook) -> str:
    """openpyxl refuses some sheet names Excel 97 accepted; the origin keeps the name as close as it can."""
    titulo = re.sub(r"[\\/?*\[\]:]", "_", nombre)[:31] or "Hoja"
    existentes = set(libro.sheetnames)
    sufijo = 2
    unico = titulo
    while unico in existentes:
        unico = f"{titulo[:28]} {sufijo}"
        sufijo += 1
    return unico


def _copiar(libro: Any, hoja: Any, destino: Worksheet) -> Worksheet:
    """The sheet's non-empty cells, with their values and number formats, and its merged ranges."""
    for fila in range(hoja.nrows):
        for columna, celda in enumerate(hoja.row(fila)):
            valor = _valor(libro, celda)
            if valor is None:
                continue
            destino_celda = destino.cell(row=fila + 1, column=columna + 1, value=valor)
            formato = _formato(libro, celda)
            if formato:
                destino_celda.number_format = formato
    for fila_desde, fila_hasta, columna_desde, columna_hasta in hoja.merged_cells:
        if fila_hasta - fila_desde > 1 or columna_hasta - columna_desde > 1:
            destino.merge_cells(
                start_row=fila_desde + 1, end_row=fila_hasta, start_column=columna_desde + 1, end_column=columna_hasta
            )
    return destino


def _valor(libro: Any, celda: Any) -> object:
    tipo = celda.ctype
    if tipo == xlrd.XL_CELL_TEXT:
        return celda.value if str(celda.value).strip() else None
    if tipo == xlrd.XL_CELL_NUMBER:
        return celda.value
    if tipo == xlrd.XL_CELL_DATE:
        return _fecha(celda.value, libro.datemode)
    if tipo == xlrd.XL_CELL_BOOLEAN:
        return bool(celda.value)
    if tipo == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(celda.value, "#¿?")
    return None


def _fecha(serie: float, modo: int) -> dt.datetime | float:
    """The date Excel meant; a serial number no date stands for (negative, too large) stays a number."""
    try:
        fecha: dt.datetime = xlrd.xldate.xldate_as_datetime(serie, modo)
    except (xlrd.xldate.XLDateError, ValueError, OverflowError):
        return serie
    return fecha


def _formato(libro: Any, celda: Any) -> str | None:
    try:
        clave = libro.xf_list[celda.xf_index].format_key
        return str(libro.format_map[clave].format_str) or None
    except (IndexError, KeyError, AttributeError):
        return None
