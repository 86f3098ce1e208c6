"""Samples of what real copies contain, and their expected JSON: `python muestras/generar_reales.py`.

- `rio_claro_2023.docx`: the form filled in on Word's legacy form fields, as the template of many
  offices has them: every value a FORMTEXT, Cumplimiento / Efectividad / Estado FORMDROPDOWN lists
  (one left in «Seleccione»), one Efectividad as two FORMCHECKBOX (`Sí ☐ No ☒`); findings numbered
  `H-01` and `Hallazgo No. 3`; states `CERRADA EFICAZ`, `CERRADA NO EFICAZ`, `En término`, `Vencida`.
- `la_esperanza_2023.xlsx`: a workbook written by a program (openpyxl) and never opened in Excel, so
  its formulas have no stored result: numbers `=B12+1`, end dates `=EDATE(…)`, a start `=DATE(…)`, a
  state `=IF(…)`, and one end date `=TODAY()+120` that cannot be computed.
- `carpeta_calica_santa_rosa.pdf`: two plans one after the other in one PDF, as a binder scanned or
  printed into one file (`calica_2021.pdf` and `santa_rosa_2021.pdf`, whole).
- `apiladas_2023.xlsx`: two plans stacked in one sheet, the second below the signatures of the first.
- `san_pedro_2023.docx`: the form preceded by the template's instructions block, which names the
  header fields and columns with what to write in them (paragraphs, then a small table); findings
  numbered `1.`; `Cumple` / `No cumple` in the Estado column. `san_pedro_2023_instructivo_al_final.docx`:
  the same block printed under the signatures instead, where nothing signs the plan.

The layouts come from `escribir_docx.py` / `escribir_xlsx.py`; this script then turns the written
values into form fields or formulas that show the same thing, so the expected JSON of `oraculo.py`
(values typed by hand in `planes_reales.py`) still holds. No LibreOffice needed.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import escribir_docx
import escribir_xlsx
import planes
import planes_reales
import pypdfium2 as pdfium
from docx import Document
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from escribir_docx import DisenoDocx
from escribir_xlsx import DisenoXlsx
from generar import ANCHOS_DOCX, CARPETA, ESTANDAR, _columnas, disenos_docx, escribir_json, esperado_plan
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from oraculo import PlanMuestra, problema

LISTAS = {
    "cumplimiento": ("Seleccione", "Cumple", "No cumple", "N/A"),
    "efectividad": ("Seleccione", "Sí", "No", "N/A"),
    "estado_accion": ("Seleccione", "En término", "Vencida", "CERRADA EFICAZ", "CERRADA NO EFICAZ"),
}
VACIO = "\u2002" * 5
"""What Word shows in a FORMTEXT nobody filled in."""


def _corrida(contenido: str) -> Any:
    return parse_xml(f"<w:r {nsdecls('w')}>{contenido}</w:r>")


def _campo(codigo: str, datos: str, resultado: str | None) -> list[Any]:
    """The runs of a legacy form field as Word saves it: begin (with its data), code, [separate, result], end."""
    corridas = [
        _corrida(f"<w:fldChar w:fldCharType='begin'><w:ffData><w:enabled/>{datos}</w:ffData></w:fldChar>"),
        _corrida(f"<w:instrText xml:space='preserve'> {codigo} </w:instrText>"),
    ]
    if resultado is not None:
        corridas.append(_corrida("<w:fldChar w:fldCharType='separate'/>"))
        texto = resultado.replace("&", "&amp;").replace("<", "&lt;")
        corridas.append(_corrida(f"<w:t xml:space='preserve'>{texto}</w:t>"))
    corridas.append(_corrida("<w:fldChar w:fldCharType='end'/>"))
    return corridas


def formtext(texto: str | None) -> list[Any]:
    return _campo("FORMTEXT", "<w:textInput/>", texto or VACIO)


def formdropdown(opciones: tuple[str, ...], elegida: str) -> list[Any]:
    entradas = "".join(f"<w:listEntry w:val={quoteattr(o)}/>" for o in opciones)
    return _campo("FORMDROPDOWN", f"<w:ddList><w:result w:val='{opciones.index(elegida)}'/>{entradas}</w:ddList>", None)


def formcheckbox(marcada: bool) -> list[Any]:
    marca = "<w:checked/>" if marcada else ""
    return _campo("FORMCHECKBOX", f"<w:checkBox><w:sizeAuto/><w:default w:val='0'/>{marca}</w:checkBox>", None)


def texto_suelto(texto: str) -> Any:
    return _corrida(f"<w:t xml:space='preserve'>{texto}</w:t>")


def casillas(raw: str) -> list[Any]:
    """`Sí ☐ No ☒` as the label of each option followed by its check box."""
    corridas: list[Any] = []
    for parte in raw.replace("☐", "☐|").replace("☒", "☒|").split("|"):
        if parte.strip():
            etiqueta, marca = parte[:-1], parte[-1]
            corridas += [texto_suelto(etiqueta), *formcheckbox(marca == "☒")]
    return corridas


def _reemplazar(parrafo: Any, corridas: list[Any], desde: int = 0) -> None:
    """The paragraph's runs from `desde` on give way to `corridas`."""
    for r in parrafo._p.findall(f"{{{parrafo._p.nsmap['w']}}}r")[desde:]:
        parrafo._p.remove(r)
    for corrida in corridas:
        parrafo._p.append(corrida)


def rio_claro() -> tuple[str, DisenoDocx]:
    diseno = DisenoDocx(
        columnas=(("numero", "N° Hallazgo"), *ESTANDAR[1:]),
        anchos={**ANCHOS_DOCX, "numero": 1.6},
        rotulos={"codigo": "Código:", "version": "Versión:", "fecha_formato": "Fecha:"},
        letra=7,
    )
    return "rio_claro_2023.docx", diseno


def campos_de_formulario(ruta: Path, diseno: DisenoDocx) -> None:
    """Every filled-in value of the written copy becomes the legacy form field that shows it."""
    plan, numeros = planes_reales.RIO_CLARO, planes_reales.RIO_CLARO_NUMEROS
    documento = Document(str(ruta))
    rotulos = {diseno.rotulos.get(c, r) for c, r in escribir_docx.ROTULOS.items()}
    for parrafo in documento.paragraphs:
        corridas = parrafo.runs
        if len(corridas) >= 3 and corridas[0].text.strip() in rotulos:
            _reemplazar(parrafo, formtext(corridas[2].text), desde=2)
    tabla = next(t for t in documento.tables if len(t.columns) == len(diseno.columnas))
    for fila, hallazgo, numero in zip(tabla.rows[1:], plan.hallazgos, numeros, strict=True):
        for (clave, _), celda in zip(diseno.columnas, fila.cells, strict=True):
            parrafo = celda.paragraphs[0]
            escrito = escribir_docx._texto_hallazgo(hallazgo, clave)
            if clave == "numero":
                _reemplazar(parrafo, formtext(numero))
            elif escrito and ("☐" in escrito or "☒" in escrito):
                _reemplazar(parrafo, casillas(escrito))
            elif clave in LISTAS:
                _reemplazar(parrafo, formdropdown(LISTAS[clave], escrito or "Seleccione"))
            else:
                _reemplazar(parrafo, formtext(escrito))
    documento.save(str(ruta))


def san_pedro() -> tuple[str, DisenoDocx]:
    diseno = DisenoDocx(columnas=ESTANDAR, anchos=ANCHOS_DOCX, separador=" ", letra=7)
    return "san_pedro_2023.docx", diseno


def instructivo_antes(ruta: Path, diseno: DisenoDocx) -> None:
    """The instructions block the template prints above the form (paragraphs, then a small table), and
    the findings numbered `1.`, as the office wrote them."""
    documento = Document(str(ruta))
    primero = documento.paragraphs[0]
    for texto in planes_reales.INSTRUCTIVO:
        primero.insert_paragraph_before(texto)
    tabla = documento.add_table(len(planes_reales.INSTRUCTIVO_TABLA), 2)
    tabla.style = "Table Grid"
    for fila, (campo, instruccion) in zip(tabla.rows, planes_reales.INSTRUCTIVO_TABLA, strict=True):
        fila.cells[0].text, fila.cells[1].text = campo, instruccion
    primero._p.addprevious(tabla._tbl)
    primero.insert_paragraph_before("")
    hallazgos = next(t for t in documento.tables if len(t.columns) == len(diseno.columnas))
    for fila, numero in zip(hallazgos.rows[1:], planes_reales.SAN_PEDRO_NUMEROS, strict=True):
        _reemplazar(fila.cells[0].paragraphs[0], [texto_suelto(numero)])
    documento.save(str(ruta))


def instructivo_despues(ruta: Path) -> None:
    """The same instructions block printed under the signatures, as other templates do."""
    documento = Document(str(ruta))
    documento.add_paragraph()
    for texto in planes_reales.INSTRUCTIVO:
        documento.add_paragraph(texto)
    tabla = documento.add_table(len(planes_reales.INSTRUCTIVO_TABLA), 2)
    tabla.style = "Table Grid"
    for fila, (campo, instruccion) in zip(tabla.rows, planes_reales.INSTRUCTIVO_TABLA, strict=True):
        fila.cells[0].text, fila.cells[1].text = campo, instruccion
    documento.save(str(ruta))


def la_esperanza() -> tuple[str, DisenoXlsx]:
    diseno = DisenoXlsx(
        hoja="Plan de Mejoramiento",
        columnas=ESTANDAR,
        anchos={clave: 14 for clave, _ in ESTANDAR},
        primera_columna=2,
    )
    return "la_esperanza_2023.xlsx", diseno


def formulas_sin_resultado(ruta: Path, diseno: DisenoXlsx, filas: list[int]) -> list[tuple[int, str, str]]:
    """Formulas where the program would have put them; give (finding, field, formula) of those with no value."""
    libro = load_workbook(ruta)
    hoja = libro[diseno.hoja]
    letra = {clave: get_column_letter(diseno.primera_columna + j) for j, (clave, _) in enumerate(diseno.columnas)}
    for anterior, fila in itertools.pairwise(filas):
        hoja[f"{letra['numero']}{fila}"] = f"={letra['numero']}{anterior}+1"
    for fila in filas:
        hoja[f"{letra['fecha_terminacion']}{fila}"] = (
            f"=EDATE({letra['fecha_inicio']}{fila},{letra['plazo_meses']}{fila})"
        )
    tercera, primera = filas[2], filas[0]
    hoja[f"{letra['fecha_inicio']}{tercera}"] = "=DATE(2023,4,3)"
    hoja[f"{letra['fecha_terminacion']}{tercera}"] = hoy = "=TODAY()+120"
    hoja[f"{letra['fecha_terminacion']}{tercera}"].number_format = "dd/mm/yyyy"
    hoja[f"{letra['estado_accion']}{primera}"] = f'=IF({letra["cumplimiento"]}{primera}="Cumple","Cerrada","Abierta")'
    libro.save(ruta)
    return [(2, "fecha_terminacion", hoy)]


def carpeta(nombre: str, fuentes: tuple[str, ...]) -> None:
    """The exported PDFs of `fuentes`, whole and in order, in one file: each plan keeps its own pages, shifted."""
    ruta = CARPETA / nombre
    union = pdfium.PdfDocument.new()
    disenos = {n: (plan, diseno, paginas) for n, plan, diseno, paginas, _ in disenos_docx()}
    objetos = []
    for fuente in fuentes:
        antes = len(union)
        union.import_pages(pdfium.PdfDocument(CARPETA / fuente))
        plan, diseno, paginas = disenos[fuente.replace(".pdf", ".docx")]
        filas = list(range(1, len(plan.hallazgos) + 1))
        objetos.append((plan, _columnas(diseno.columnas), filas, [antes + p for p in paginas]))
    union.save(ruta)
    escribir_json(nombre, [esperado_plan(ruta, "pdf", p, c, f, pag, None) for p, c, f, pag in objetos])


def apiladas(nombre: str, copias: tuple[PlanMuestra, ...]) -> None:
    """Several plans in one sheet, each below the signatures of the one before, as offices paste them."""
    diseno = DisenoXlsx(
        hoja="Planes 2023",
        columnas=ESTANDAR,
        anchos={clave: 14 for clave, _ in ESTANDAR},
        encabezado="contiguo",
        rotulos=("PROCESO AUDITADO", "PROCEDIMIENTOS", "RESPONSABLES", "FECHA DE SUSCRIPCIÓN"),
    )
    libro = Workbook()
    hoja = libro.active
    hoja.title = diseno.hoja
    objetos = []
    fila = 1
    ruta = CARPETA / nombre
    for plan in copias:
        escritor = escribir_xlsx._Hoja(hoja, plan, diseno)
        escritor.fila = fila
        escritor.titulo()
        escritor.datos_generales()
        filas = escritor.hallazgos()
        escritor.firmas()
        escritor.pagina()
        fila = escritor.fila + 4
        objetos.append((plan, filas))
    libro.save(ruta)
    columnas = _columnas(diseno.columnas)
    escribir_json(nombre, [esperado_plan(ruta, "xlsx", p, columnas, f, None, diseno.hoja) for p, f in objetos])


def generar() -> None:
    nombre, diseno_docx = rio_claro()
    ruta = CARPETA / nombre
    filas = escribir_docx.escribir(planes_reales.RIO_CLARO, diseno_docx, ruta)
    campos_de_formulario(ruta, diseno_docx)
    columnas = _columnas(diseno_docx.columnas)
    escribir_json(nombre, [esperado_plan(ruta, "docx", planes_reales.RIO_CLARO, columnas, filas, None, None)])

    nombre, diseno_docx = san_pedro()
    ruta = CARPETA / nombre
    filas = escribir_docx.escribir(planes_reales.SAN_PEDRO, diseno_docx, ruta)
    instructivo_antes(ruta, diseno_docx)
    columnas = _columnas(diseno_docx.columnas)
    escribir_json(nombre, [esperado_plan(ruta, "docx", planes_reales.SAN_PEDRO, columnas, filas, None, None)])

    carpeta("carpeta_calica_santa_rosa.pdf", ("calica_2021.pdf", "santa_rosa_2021.pdf"))
    apiladas("apiladas_2023.xlsx", (planes_reales.LA_ESPERANZA, planes_reales.RIO_CLARO, planes.CALICA))

    ruta = CARPETA / "san_pedro_2023_instructivo_al_final.docx"
    filas = escribir_docx.escribir(planes_reales.SAN_PEDRO, diseno_docx, ruta)
    instructivo_despues(ruta)
    escribir_json(ruta.name, [esperado_plan(ruta, "docx", planes_reales.SAN_PEDRO, columnas, filas, None, None)])

    nombre, diseno_xlsx = la_esperanza()
    ruta = CARPETA / nombre
    (filas,) = escribir_xlsx.escribir([(planes_reales.LA_ESPERANZA, diseno_xlsx)], ruta)
    sin_resultado = formulas_sin_resultado(ruta, diseno_xlsx, filas)
    objeto = esperado_plan(
        ruta, "xlsx", planes_reales.LA_ESPERANZA, _columnas(diseno_xlsx.columnas), filas, None, diseno_xlsx.hoja
    )
    for i, campo, formula in sin_resultado:
        objeto["problemas"].append({**problema(f"hallazgos[{i}].{campo}", "formula_sin_valor"), "raw": formula})
    escribir_json(nombre, [objeto])


def main() -> int:
    generar()
    return 0


if __name__ == "__main__":
    sys.exit(main())
