"""Copies of the samples as web systems hand them out: «exportar a Excel» and «exportar a Word» that are really
an HTML page with a table saved as .xls or .doc, and a workbook in Excel 2003 XML (SpreadsheetML) saved as .xls.

Run from the repository root after `muestras/generar.py`: `python muestras/formatos_web.py`.
LibreOffice writes the HTML pages (its HTML export of the sheet and of the document, as a system that
builds its page from the same table would); the SpreadsheetML workbook is written here from the
cells of the source workbook, with its merged cells and number formats, as the programs that still
emit that format do. The expected JSON of each copy is its source's, with the copy's name, hash,
`tipo` and `formato`; an HTML page has no sheet, so its findings name none (`origen.hoja` null).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import openpyxl
from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet
from otros_formatos import CARPETA, convertir, escribir_json, esperado

HTML = (
    ("sabana_alta_2021.xlsx", "sabana_alta_2021_web.xls", "HTML (StarCalc)", "xlsx"),
    ("tamboral_2022.docx", "tamboral_2022_web.doc", "HTML (StarWriter)", "docx"),
)
"""(source sample, copy, LibreOffice's HTML export filter, the family the copy's name promises)."""
XML_2003 = (("san_jacinto_2023.xlsx", "san_jacinto_2023_xml.xls"),)
"""(source workbook, copy in Excel 2003 XML)."""


def _tipo_y_dato(celda: Cell) -> tuple[str, str]:
    valor = celda.value
    if isinstance(valor, bool):
        return "Boolean", "1" if valor else "0"
    if isinstance(valor, dt.datetime | dt.date):
        return "DateTime", valor.strftime("%Y-%m-%dT%H:%M:%S.000")
    if isinstance(valor, int | float):
        return "Number", repr(valor)
    return "String", str(valor)


def _estilos(hojas: list[Worksheet]) -> dict[str, str]:
    """One SpreadsheetML style per number format used in the workbook, as Excel 2003 names them (`s21`, `s22`…)."""
    formatos = sorted(
        {c.number_format for hoja in hojas for fila in hoja.iter_rows() for c in fila if c.number_format != "General"}
    )
    return {formato: f"s{21 + i}" for i, formato in enumerate(formatos)}


def _fila(hoja: Worksheet, numero: int, estilos: dict[str, str], cubiertas: set[tuple[int, int]]) -> str:
    celdas = []
    anterior = 0
    for celda in hoja[numero]:
        columna = celda.column
        if (numero, columna) in cubiertas or celda.value is None:
            continue
        atributos = "" if columna == anterior + 1 else f' ss:Index="{columna}"'
        for rango in hoja.merged_cells.ranges:
            if (rango.min_row, rango.min_col) == (numero, columna):
                if rango.max_col > rango.min_col:
                    atributos += f' ss:MergeAcross="{rango.max_col - rango.min_col}"'
                if rango.max_row > rango.min_row:
                    atributos += f' ss:MergeDown="{rango.max_row - rango.min_row}"'
                anterior = rango.max_col
                break
        else:
            anterior = columna
        if celda.number_format in estilos:
            atributos += f' ss:StyleID="{estilos[celda.number_format]}"'
        tipo, dato = _tipo_y_dato(celda)
        celdas.append(f'<Cell{atributos}><Data ss:Type="{tipo}">{escape(dato)}</Data></Cell>')
    return f'   <Row ss:Index="{numero}">' + "".join(celdas) + "</Row>"


def _hoja_xml(hoja: Worksheet, estilos: dict[str, str]) -> str:
    cubiertas = {
        (fila, columna)
        for rango in hoja.merged_cells.ranges
        for fila in range(rango.min_row, rango.max_row + 1)
        for columna in range(rango.min_col, rango.max_col + 1)
        if (fila, columna) != (rango.min_row, rango.min_col)
    }
    filas = [_fila(hoja, n, estilos, cubiertas) for n in range(1, hoja.max_row + 1)]
    anchos = "".join(
        f'<Column ss:Index="{openpyxl.utils.column_index_from_string(letra)}" ss:Width="{(d.width or 10) * 5.6:.1f}"/>'
        for letra, d in sorted(hoja.column_dimensions.items())
    )
    texto = f" <Worksheet ss:Name={quoteattr(hoja.title)}>\n  <Table>{anchos}\n" + "\n".join(filas)
    return texto + "\n  </Table>\n </Worksheet>"


def escribir_xml_2003(fuente: Path, destino: Path) -> Path:
    """The workbook's visible sheets in Excel 2003 XML: values with their type, merged cells, number formats."""
    libro = openpyxl.load_workbook(fuente)
    visibles = [hoja for hoja in libro.worksheets if hoja.sheet_state == "visible"]
    estilos = _estilos(visibles)
    definiciones = "".join(
        f'  <Style ss:ID="{nombre}"><NumberFormat ss:Format={quoteattr(formato)}/></Style>\n'
        for formato, nombre in estilos.items()
    )
    cuerpo = "\n".join(_hoja_xml(hoja, estilos) for hoja in visibles)
    documento = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">\n'
        f" <Styles>\n{definiciones} </Styles>\n{cuerpo}\n</Workbook>\n"
    )
    destino.write_text(documento, encoding="utf-8")
    return destino


def sin_hoja(objetos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """An HTML page opened as a workbook has no sheet of its own: its findings name none."""
    return [
        {**o, "hallazgos": [{**h, "origen": {**h["origen"], "hoja": None}} for h in o["hallazgos"]]} for o in objetos
    ]


def main() -> int:
    for fuente, nombre, filtro, tipo in HTML:
        copia = convertir(CARPETA / fuente, "html", filtro, CARPETA / nombre)
        objetos = esperado(fuente, copia, tipo, "html")
        escribir_json(copia, sin_hoja(objetos) if tipo == "xlsx" else objetos)
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    for fuente, nombre in XML_2003:
        copia = escribir_xml_2003(CARPETA / fuente, CARPETA / nombre)
        escribir_json(copia, esperado(fuente, copia, "xlsx", "xml"))
        print(f"{copia.relative_to(CARPETA.parent)}: {copia.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
