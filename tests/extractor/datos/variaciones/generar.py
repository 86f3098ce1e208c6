"""Randomized copies of the GEM-FM014 form, laid out in ways the samples in `muestras/` never are.

Run from the repository root: `make fixtures`, or `.venv/bin/python tests/extractor/datos/variaciones/generar.py`
(`--sin-pdf` leaves the PDFs as they are). Each copy `vNN.docx`/`vNN.xlsx` comes with `vNN.<ext>.json`,
the values exactly as they were typed into it (the truth the extractor must give back, whitespace
collapsed); some copies are exported to `vNN.pdf` with LibreOffice (`soffice`), which the tests do not
need: the generated files are committed.

Each file draws from its own random stream, seeded with its name: changing how one copy is drawn, or
adding copies, leaves every other file as it was. The known failures of a copy (`fallas_conocidas`: the
value's path and the cause's key in `tests/extractor/test_variaciones.py`) are written by hand into its
JSON and kept when it is generated again.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from extractor.modelo import COLUMNAS

AQUI = Path(__file__).resolve().parent
SEMILLA = 20261125
CUANTAS_DOCX = 16
CUANTAS_XLSX = 14
CUANTAS_DOCX_DIFICILES = 12
"""Word copies whose header tables lack lines, whose findings table has lines only under its titles,
whose signatures carry `Nombre:` / `Cargo:` labels: all exported to PDF, where the lines matter."""
CUANTAS_CON_TEXTO = 10
"""Word and Excel copies with the text offices add: the entity's NIT under its name, a sentence before the
findings table, a blank row between findings, a note after the table. All exported to PDF."""
CUANTAS_LARGAS = 6
"""Word copies of long findings over several pages, the title row repeated on each, `Página N de M` in the
page header. All exported to PDF."""
A_PDF = ("v00", "v01", "v02", "v04", "v05", "v07", "v09", "v11", "v13", "v16", "v19", "v22", "v25")
"""Word variants of the first batch also exported to PDF, one or more of each header layout; every
workbook of one sheet is exported too."""

SEGUIMIENTO = ("cumplimiento", "efectividad", "estado_accion")

TITULOS: dict[str, tuple[str, ...]] = {
    "numero": ("N° hallazgo", "No.", "Nº", "Num.", "#", "No. Hallazgo", "N°\nHallazgo", "NÚMERO"),
    "descripcion": (
        "Descripción del hallazgo",
        "DESCRIPCION DEL HALLAZGO",
        "Descripción\ndel hallazgo",
        "Hallazgo",
        "Descripción",
    ),
    "accion_mejora": ("Acción de mejora", "ACCIONES DE MEJORA", "Acción de\nmejoramiento", "Accion correctiva"),
    "meta_indicador": (
        "Meta (Indicador de Cumplimiento)",
        "Meta / Indicador",
        "Indicador de\ncumplimiento",
        "META",
        "Meta (indicador)",
    ),
    "plazo_meses": (
        "Tiempo de Ejecución Programado (Meses)",
        "Tiempo ejecución (meses)",
        "Plazo",
        "Plazo (meses)",
        "TIEMPO DE\nEJECUCION",
        "Tiempo de ejecución\nprogramado\n(meses)",
    ),
    "fecha_inicio": ("Fecha inicial de la Acción", "Fecha Ini.", "F. Inicio", "Fecha de inicio", "FECHA\nINICIO"),
    "fecha_terminacion": (
        "Fecha terminación de la Acción",
        "Fech. Terminación",
        "Fecha Fin",
        "FECHA DE\nTERMINACION",
        "Fecha final",
    ),
    "dependencia": (
        "Dependencia donde se realiza la acción",
        "Dependencia",
        "DEPENDENCIA\nRESPONSABLE",
        "Área responsable",
    ),
    "cargo_responsable": ("Cargo Responsable", "Responsable", "CARGO DEL\nRESPONSABLE", "Cargo"),
    "cumplimiento": ("Cumplimiento", "CUMPLIMIENTO", "Cumple"),
    "efectividad": ("Efectividad", "EFECTIVIDAD", "Efectiva"),
    "estado_accion": (
        "Estado de la Acción (Cerrada-C / Abierta-A)",
        "Estado",
        "ESTADO (C/A)",
        "Estado de la acción",
    ),
    "direccion_tecnica": ("Dirección Técnica Responsable", "Direccion tecnica", "DIRECCIÓN TÉCNICA\nRESPONSABLE"),
    "observaciones": ("Observaciones", "Obs.", "OBSERVACIONES", "Observaciones del seguimiento"),
}
EXTRAS = ("Avance %", "Evidencia", "% de avance", "Soporte")
OPCIONALES = ("meta_indicador", "dependencia", "direccion_tecnica", "observaciones", "efectividad", "fecha_inicio")
"""Columns an office may leave out of its copy."""

ROTULOS: dict[str, tuple[str, ...]] = {
    "proceso_auditado": ("Proceso Auditado:", "PROCESO AUDITADO", "Proceso auditado", "Proceso/Área auditada:"),
    "procedimientos": ("Procedimiento(s):", "Procedimientos:", "PROCEDIMIENTOS", "Procedimiento"),
    "responsables": ("Responsable(s):", "Responsables:", "RESPONSABLES", "Líder del proceso:"),
    "fecha_suscripcion": (
        "Fecha de Suscripción:",
        "FECHA DE SUSCRIPCION",
        "Fecha suscripción",
        "Fecha de suscripción:",
    ),
}
ROTULOS_TITULO = {
    "codigo": ("CÓDIGO:", "Código:", "CODIGO:"),
    "version": ("VERSIÓN:", "Versión:", "VERSION:"),
    "fecha_formato": ("FECHA:", "Fecha:", "FECHA:"),
}
GENERALES = ("proceso_auditado", "procedimientos", "responsables", "fecha_suscripcion")
NIT = "NIT 800.123.456-7"
INTRODUCCION = "A continuación se relacionan los hallazgos de la auditoría y las acciones de mejora acordadas."
NOTA = "Nota: el seguimiento se realiza cada trimestre por la Oficina de Control Interno."

ENTIDADES = (
    "ALCALDÍA MUNICIPAL DE VILLA DEL ROSARIO",
    "GOBERNACIÓN DEL META",
    "EMPRESA DE SERVICIOS PÚBLICOS DE LA MESA E.S.P.",
    "HOSPITAL SAN RAFAEL E.S.E.",
    "ALCALDIA DE PUERTO NARE",
    "CONCEJO MUNICIPAL DE SOPÓ",
)
PROCESOS = ("Gestión Financiera", "Gestión de TIC", "Gestión Jurídica", "Talento Humano", "Gestión Documental")
PROCEDIMIENTOS = (
    "GF-PR003 - Pagos y giros",
    "GTI-PR001 Copias de seguridad",
    "GJ-PR010 - Contratación directa",
    "TH-PR004 - Nómina",
)
CARGOS = (
    "Director de TIC",
    "Secretario de Hacienda",
    "Jefe Oficina Jurídica",
    "Profesional Universitario",
    "Técnico Administrativo",
    "Subgerente Financiero",
)
DEPENDENCIAS = ("Secretaría de Hacienda", "Oficina de TIC", "Oficina Jurídica", "Talento Humano", "Almacén")
DIRECCIONES = ("Dirección Financiera", "Dirección de Tecnología", "Dirección Administrativa")
NOMBRES = (
    "MARÍA FERNANDA ROJAS PÉREZ",
    "Ing. JORGE ELIÉCER GÓMEZ DÍAZ",
    "LUIS CARLOS MENDOZA",
    "Dra. ANA LUCÍA TORRES",
    "PEDRO PABLO SUÁREZ VARGAS",
    "CLAUDIA PATRICIA RUIZ",
)
FRASES = (
    "No se evidencia la conciliación mensual de las cuentas bancarias con los extractos",
    "Los soportes de los pagos no están archivados según las tablas de retención documental",
    "Se realizaron pagos sin el registro presupuestal previo exigido por el estatuto",
    "Las copias de seguridad de la base de datos no se prueban periódicamente",
    "El inventario de activos de información no está actualizado desde la vigencia anterior",
    "Los contratos revisados no cuentan con el informe de supervisión mensual",
    "La matriz de riesgos del proceso no incluye los controles definidos en el manual",
    "No se publicó en el SECOP la totalidad de los documentos del proceso contractual",
)
ACCIONES = (
    "Realizar la conciliación bancaria cada mes y dejar el acta firmada por el tesorero",
    "Organizar el archivo de gestión de acuerdo con las TRD aprobadas",
    "Capacitar a los funcionarios en el procedimiento de ejecución presupuestal",
    "Programar pruebas trimestrales de restauración de las copias de seguridad",
    "Actualizar el inventario de activos y publicarlo en la intranet",
    "Diseñar un formato de informe de supervisión y socializarlo con los supervisores",
)
METAS = ("100% de conciliaciones realizadas", "Archivo organizado", "Una capacitación", "4 pruebas al año", "1")
OBSERVACIONES = (
    "Se verificaron las actas de los meses de enero a junio",
    "Acción cumplida, se anexan soportes",
    "Pendiente la publicación",
    "Ver anexo 2",
    "Sin observación",
)
FECHAS = ("15/03/2022", "mar-22", "30-06-2022", "1/02/2022", "abr-22", "2022-05-31", "10 de enero de 2022")
PLAZOS = ("6", "3", "12", "4 meses", "2")
SI_NO = ("Si", "No", "SI", "X", "N/A", "Sí")
ESTADOS = ("Cerrada-C", "Abierta-A", "C", "A", "En proceso", "Cerrada")


@dataclass
class Diseno:
    """One copy's layout, drawn from the seed."""

    columnas: list[tuple[str, str]]
    grupo: bool
    encabezado: str
    titulo: str
    vacios: tuple[str, ...]
    fusion: bool
    largos: bool
    filas_vacias: int
    firmas: str
    proyecto: bool
    horizontal: bool
    xlsx_fila: int = 1
    xlsx_columna: int = 1
    titulos_fusionados: bool = False
    hojas: int = 1
    bordes: str = "todos"
    texto_extra: bool = False
    paginas: bool = False
    rotulos: dict[str, str] = field(default_factory=dict)


def _texto(r: random.Random, largo: bool) -> str:
    if not largo:
        return r.choice(FRASES) + "."
    partes = r.sample(FRASES, 5) + r.sample(ACCIONES, 3)
    return ". ".join(partes) + "."


def _columnas(r: random.Random, i: int) -> tuple[list[tuple[str, str]], bool]:
    claves = list(COLUMNAS)
    faltante = OPCIONALES[i % len(OPCIONALES)] if i % 3 != 2 else None
    if faltante:
        claves.remove(faltante)
    grupo = i % 4 == 1 and all(c in claves for c in SEGUIMIENTO)
    if i % 2 == 1:
        resto = [c for c in claves if c != "numero" and (not grupo or c not in SEGUIMIENTO)]
        r.shuffle(resto)
        if grupo:
            k = r.randrange(len(resto) + 1)
            resto[k:k] = list(SEGUIMIENTO)
        claves = ["numero", *resto] if i % 4 != 3 else [*resto[:2], "numero", *resto[2:]]
    columnas = [(c, r.choice(TITULOS[c])) for c in claves]
    if i % 3 != 1:
        k = r.randrange(1, len(columnas) + 1)
        while 0 < k < len(columnas) and columnas[k - 1][0] in SEGUIMIENTO and columnas[k][0] in SEGUIMIENTO:
            k += 1  # never inside the group SEGUIMIENTO heads
        columnas.insert(k, ("extra", EXTRAS[i % len(EXTRAS)]))
    return columnas, grupo


def _diseno(r: random.Random, i: int, tipo: str, dificil: bool = False) -> Diseno:
    columnas, grupo = _columnas(r, i)
    encabezados = ("parrafos", "tabla2", "fila", "tabs") if tipo == "docx" else ("una_celda", "contiguo", "fila")
    if dificil:
        encabezados = ("tabla2_verticales", "tabla2_sin_bordes", "celda_con_salto", "tabs_dobles")
    titulos = ("parrafos", "tabla", "cabecera") if tipo == "docx" else ("fusionado",)
    vacios = tuple(c for c in ("procedimientos", "responsables") if r.random() < 0.3)
    if i % 5 == 0:
        vacios = ("procedimientos",)
    d = Diseno(
        columnas=columnas,
        grupo=grupo,
        encabezado=encabezados[i % len(encabezados)],
        titulo=titulos[(i // 2) % len(titulos)],
        vacios=vacios,
        fusion=i % 3 == 0,
        largos=i % 4 == 2,
        filas_vacias=(0, 2, 3)[i % 3],
        firmas=("lado", "pila", "lineas", "rotulos")[i % 4] if dificil else ("lado", "pila", "lineas")[i % 3],
        bordes="pocos" if dificil and i % 2 == 1 else "todos",
        proyecto=i % 2 == 0,
        horizontal=i % 5 != 4,
        xlsx_fila=1 + (i * 3) % 5,
        xlsx_columna=1 + i % 4,
        titulos_fusionados=i % 3 == 1,
        hojas=2 if i % 5 == 3 else 1,
    )
    d.rotulos = {k: r.choice(v) for k, v in {**ROTULOS, **ROTULOS_TITULO}.items()}
    return d


def _plan(r: random.Random, d: Diseno) -> dict[str, Any]:
    """The values typed into one copy: the truth."""
    presentes = [c for c, _ in d.columnas if c != "extra"]
    encabezado: dict[str, str | None] = {
        "entidad": r.choice(ENTIDADES),
        "codigo": "GEM-FM014",
        "version": r.choice(("01", "02", "03")),
        "fecha_formato": r.choice(("09/07/2021", "15/01/2020")),
        "proceso_auditado": r.choice(PROCESOS),
        "procedimientos": r.choice(PROCEDIMIENTOS),
        "responsables": r.choice(CARGOS),
        "fecha_suscripcion": r.choice(("21/09/2021", "15 de marzo de 2022", "feb-22")),
    }
    for vacio in d.vacios:
        encabezado[vacio] = None
    hallazgos: list[dict[str, str | None]] = []
    extras: list[str | None] = []
    cuantos = r.randint(3, 5) if not d.largos else 3
    numero = 0
    for k in range(cuantos):
        sigue = d.fusion and k == 1
        if not sigue:
            numero += 1
        valores: dict[str, str | None] = {
            "numero": hallazgos[-1]["numero"] if sigue else str(numero),
            "descripcion": hallazgos[-1]["descripcion"] if sigue else _texto(r, d.largos and (k == 1 or d.paginas)),
            "accion_mejora": r.choice(ACCIONES) + ".",
            "meta_indicador": r.choice(METAS),
            "plazo_meses": r.choice(PLAZOS),
            "fecha_inicio": r.choice(FECHAS),
            "fecha_terminacion": r.choice(FECHAS),
            "dependencia": r.choice(DEPENDENCIAS),
            "cargo_responsable": r.choice(CARGOS),
            "cumplimiento": r.choice(SI_NO),
            "efectividad": r.choice(SI_NO),
            "estado_accion": r.choice(ESTADOS),
            "direccion_tecnica": r.choice(DIRECCIONES),
            "observaciones": r.choice(OBSERVACIONES) if r.random() < 0.8 else None,
        }
        hallazgos.append({c: valores[c] for c in presentes})
        extras.append(r.choice(("50%", "100%", "Acta 12", None)))
    firmas = [
        {"nombre": n, "cargo": r.choice(CARGOS)}
        for n in r.sample(NOMBRES, r.randint(1, 3 if d.firmas != "pila" else 2))
    ]
    return {
        "encabezado": encabezado,
        "hallazgos": hallazgos,
        "extras": extras,
        "firmas": firmas,
        "proyecto": f"{r.choice(NOMBRES).title()} – Profesional de apoyo" if d.proyecto else None,
        "columnas_desconocidas": [t for c, t in d.columnas if c == "extra"],
        "columnas_faltantes": [c for c in COLUMNAS if c not in presentes],
        "fusionados": [1] if d.fusion else [],
    }


# ---------------------------------------------------------------- Word


def _propiedad(padre: Any, etiqueta: str, **atributos: str) -> Any:
    elemento = OxmlElement(etiqueta)
    for nombre, valor in atributos.items():
        elemento.set(qn(nombre), valor)
    padre.append(elemento)
    return elemento


def _sin_bordes(tabla: Table) -> None:
    bordes = _propiedad(tabla._tbl.tblPr, "w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _propiedad(bordes, f"w:{lado}", **{"w:val": "nil"})


def _campo(parrafo: Any, codigo: str) -> None:
    """A Word field (`PAGE`, `NUMPAGES`) that the page shows filled in."""
    campo = _propiedad(parrafo._p, "w:fldSimple", **{"w:instr": codigo})
    run = _propiedad(campo, "w:r")
    _propiedad(run, "w:t").text = "1"


def _bordes(tabla: Table, lados: tuple[str, ...]) -> None:
    """Lines only on `lados` of the table: a label | value table with no line between its rows."""
    bordes = _propiedad(tabla._tbl.tblPr, "w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        atributos = {"w:val": "single", "w:sz": "4", "w:color": "000000"} if lado in lados else {"w:val": "nil"}
        _propiedad(bordes, f"w:{lado}", **atributos)


def _borde_inferior(celda: _Cell) -> None:
    bordes = _propiedad(celda._tc.get_or_add_tcPr(), "w:tcBorders")
    _propiedad(bordes, "w:bottom", **{"w:val": "single", "w:sz": "8", "w:color": "000000"})


def _poner(celda: _Cell, texto: str | None, letra: float = 8, negrita: bool = False) -> None:
    if texto:
        run = celda.paragraphs[0].add_run(texto)
        run.font.size = Pt(letra)
        run.bold = negrita


class _Word:
    def __init__(self, d: Diseno, plan: dict[str, Any]) -> None:
        self.d, self.plan = d, plan
        self.doc = Document()
        estilo = self.doc.styles["Normal"]
        estilo.font.name = "Arial"
        estilo.font.size = Pt(9)
        estilo.paragraph_format.space_after = Pt(2)
        seccion = self.doc.sections[0]
        if d.horizontal:
            seccion.orientation = WD_ORIENT.LANDSCAPE
            seccion.page_width, seccion.page_height = Cm(27.94), Cm(21.59)
        else:
            seccion.page_width, seccion.page_height = Cm(21.59), Cm(27.94)
        for margen in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(seccion, margen, Cm(1.2))
        self.ancho = (27.94 if d.horizontal else 21.59) - 2.4

    def valor(self, campo: str) -> str | None:
        dato: str | None = self.plan["encabezado"][campo]
        return dato

    def titulo(self) -> None:
        enc = self.plan["encabezado"]
        lineas = (enc["entidad"], "PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", "FORMATO PLAN DE MEJORAMIENTO")
        datos = [f"{self.d.rotulos[c]} {enc[c]}" for c in ("codigo", "version", "fecha_formato")]
        if self.d.paginas:
            parrafo = self.doc.sections[0].header.add_paragraph("Página ")
            _campo(parrafo, "PAGE")
            parrafo.add_run(" de ")
            _campo(parrafo, "NUMPAGES")
        if self.d.titulo == "parrafos":
            for texto in lineas:
                self.doc.add_paragraph().add_run(texto).bold = True
                if self.d.texto_extra and texto == lineas[0]:
                    self.doc.add_paragraph(NIT)
            for texto in datos:
                self.doc.add_paragraph(texto)
            return
        if self.d.titulo == "cabecera":
            tabla = self.doc.sections[0].header.add_table(3, 2, Cm(self.ancho))
        else:
            tabla = self.doc.add_table(3, 2)
        tabla.style = "Table Grid"
        izquierda = tabla.cell(0, 0).merge(tabla.cell(2, 0))
        izquierda.paragraphs[0].add_run(lineas[0]).bold = True
        for texto in lineas[1:]:
            izquierda.add_paragraph().add_run(texto).bold = True
        for fila, texto in enumerate(datos):
            tabla.cell(fila, 1).paragraphs[0].add_run(texto)
        for fila in tabla.rows:
            fila.cells[0].width, fila.cells[1].width = Cm(self.ancho - 6), Cm(6)
        self.doc.add_paragraph()

    def generales(self) -> None:
        rot = self.d.rotulos
        if self.d.encabezado in ("parrafos", "tabs", "tabs_dobles"):
            separador = {"parrafos": " ", "tabs": "\t", "tabs_dobles": "\t\t"}[self.d.encabezado]
            for campo in GENERALES:
                parrafo = self.doc.add_paragraph()
                parrafo.add_run(rot[campo])
                valor = self.valor(campo)
                if valor:
                    parrafo.add_run(separador)
                    parrafo.add_run(valor).bold = True
        elif self.d.encabezado == "celda_con_salto":
            tabla = self.doc.add_table(1, len(GENERALES))
            tabla.style = "Table Grid"
            for j, campo in enumerate(GENERALES):
                _poner(tabla.cell(0, j), rot[campo], 9, negrita=True)
                if valor := self.valor(campo):
                    tabla.cell(0, j).add_paragraph(valor)
        elif self.d.encabezado.startswith("tabla2"):
            tabla = self.doc.add_table(len(GENERALES), 2)
            if self.d.encabezado == "tabla2":
                tabla.style = "Table Grid"
            elif self.d.encabezado == "tabla2_sin_bordes":
                _sin_bordes(tabla)
            else:
                _bordes(tabla, ("top", "left", "bottom", "right", "insideV"))
            for fila, campo in zip(tabla.rows, GENERALES, strict=True):
                _poner(fila.cells[0], rot[campo], 9, negrita=True)
                _poner(fila.cells[1], self.valor(campo), 9)
                fila.cells[0].width, fila.cells[1].width = Cm(6), Cm(self.ancho - 6)
        else:
            tabla = self.doc.add_table(2, len(GENERALES))
            tabla.style = "Table Grid"
            for j, campo in enumerate(GENERALES):
                _poner(tabla.cell(0, j), rot[campo].rstrip(":"), 9, negrita=True)
                _poner(tabla.cell(1, j), self.valor(campo), 9)
        self.doc.add_paragraph()

    def hallazgos(self) -> None:
        d = self.d
        if d.texto_extra:
            self.doc.add_paragraph(INTRODUCCION)
        arriba = 2 if d.grupo else 1
        tabla = self.doc.add_table(arriba, len(d.columnas))
        if d.bordes == "todos":
            tabla.style = "Table Grid"
        else:
            _sin_bordes(tabla)
        tabla.autofit = False
        anchos = {c: (5.0 if c in ("descripcion", "accion_mejora", "observaciones") else 2.0) for c, _ in d.columnas}
        escala = self.ancho / sum(anchos.values())
        for (c, _), columna in zip(d.columnas, tabla.columns, strict=True):
            columna.width = Cm(anchos[c] * escala)
            for celda in columna.cells:
                celda.width = Cm(anchos[c] * escala)
        claves = [c for c, _ in d.columnas]
        for j, (_, titulo) in enumerate(d.columnas):
            _poner(tabla.cell(arriba - 1, j), titulo, 7, negrita=True)
        if d.paginas:
            for fila in tabla.rows[:arriba]:
                _propiedad(fila._tr.get_or_add_trPr(), "w:tblHeader", **{"w:val": "true"})
        if d.grupo:
            desde, hasta = claves.index(SEGUIMIENTO[0]), claves.index(SEGUIMIENTO[-1])
            for j in range(len(claves)):
                if not desde <= j <= hasta:
                    texto = tabla.cell(1, j).text
                    tabla.cell(1, j).paragraphs[0].clear()
                    _poner(tabla.cell(0, j), texto, 7, negrita=True)
                    tabla.cell(0, j).merge(tabla.cell(1, j))
            _poner(tabla.cell(0, desde).merge(tabla.cell(0, hasta)), "SEGUIMIENTO", 7, negrita=True)
        if d.bordes == "pocos":
            for celda in tabla.rows[arriba - 1].cells:
                _borde_inferior(celda)
        anteriores: list[_Cell] = []
        for k, (valores, extra) in enumerate(zip(self.plan["hallazgos"], self.plan["extras"], strict=True)):
            sigue = k in self.plan["fusionados"]
            if d.texto_extra and k == 2 and not sigue:
                tabla.add_row()
            celdas = list(tabla.add_row().cells)
            for (c, _), celda in zip(d.columnas, celdas, strict=True):
                if sigue and c in ("numero", "descripcion"):
                    continue
                _poner(celda, extra if c == "extra" else valores[c])
            if sigue:
                for j, c in enumerate(claves):
                    if c in ("numero", "descripcion"):
                        anteriores[j].merge(celdas[j])
            anteriores = celdas
        for _ in range(d.filas_vacias):
            tabla.add_row()
        if d.texto_extra:
            self.doc.add_paragraph()
            self.doc.add_paragraph(NOTA)

    def firmas(self) -> None:
        firmas = self.plan["firmas"]
        self.doc.add_paragraph()
        if self.d.firmas == "rotulos":
            self.doc.add_paragraph("Firma de los responsables")
            tabla = self.doc.add_table(3, len(firmas))
            _sin_bordes(tabla)
            for j, firma in enumerate(firmas):
                tabla.cell(0, j).paragraphs[0].add_run("Firma: " + "_" * 24)
                tabla.cell(1, j).paragraphs[0].add_run(f"Nombre: {firma['nombre']}")
                tabla.cell(2, j).paragraphs[0].add_run(f"Cargo: {firma['cargo']}")
        elif self.d.firmas == "pila":
            self.doc.add_paragraph("Firmas:")
            for firma in firmas:
                self.doc.add_paragraph()
                self.doc.add_paragraph().add_run(firma["nombre"]).bold = True
                self.doc.add_paragraph(firma["cargo"])
        else:
            self.doc.add_paragraph("Firma Responsables:")
            self.doc.add_paragraph()
            tabla = self.doc.add_table(1, len(firmas))
            _sin_bordes(tabla)
            for celda, firma in zip(tabla.rows[0].cells, firmas, strict=True):
                if self.d.firmas == "lineas":
                    celda.paragraphs[0].add_run("_" * 30)
                    celda.add_paragraph().add_run(firma["nombre"]).bold = True
                else:
                    celda.paragraphs[0].add_run(firma["nombre"]).bold = True
                celda.add_paragraph(firma["cargo"])
        if self.plan["proyecto"]:
            self.doc.add_paragraph()
            self.doc.add_paragraph(f"Proyectó: {self.plan['proyecto']}")


def escribir_docx(d: Diseno, plan: dict[str, Any], destino: Path) -> None:
    w = _Word(d, plan)
    w.titulo()
    w.generales()
    w.hallazgos()
    w.firmas()
    w.doc.save(str(destino))


# ---------------------------------------------------------------- Excel

_LINEA = Side(style="thin", color="000000")
_CAJA = Border(left=_LINEA, right=_LINEA, top=_LINEA, bottom=_LINEA)
_ARRIBA = Alignment(vertical="top", wrap_text=True)
_CENTRO = Alignment(horizontal="center", vertical="center", wrap_text=True)


def _fecha_excel(texto: str) -> tuple[dt.datetime, str] | None:
    """A day typed as `dd/mm/yyyy` goes in as a real Excel date with that format, as Excel turns it when
    typed; other spellings stay text (the reader shows any numeric date format day-first, dd/mm/yyyy)."""
    if len(texto) != 10:
        return None
    try:
        return dt.datetime.strptime(texto, "%d/%m/%Y"), "dd/mm/yyyy"
    except ValueError:
        return None


class _Hoja:
    def __init__(self, ws: Worksheet, d: Diseno, plan: dict[str, Any]) -> None:
        self.ws, self.d, self.plan = ws, d, plan
        self.c0, self.fila = d.xlsx_columna, d.xlsx_fila

    def poner(
        self, fila: int, columna: int, valor: object, negrita: bool = False, borde: bool = False, ajustar: bool = True
    ) -> None:
        """`ajustar=False`: the text runs over the empty cells on its right, as names under a signature do."""
        celda = self.ws.cell(fila, columna, valor)
        celda.font = Font(name="Arial", size=8, bold=negrita)
        celda.alignment = (_CENTRO if negrita and borde else _ARRIBA) if ajustar else Alignment()
        if borde:
            celda.border = _CAJA

    def fusionar(self, fila: int, desde: int, hasta: int, valor: object, negrita: bool = False) -> None:
        self.poner(fila, desde, valor, negrita)
        if hasta > desde:
            self.ws.merge_cells(start_row=fila, start_column=desde, end_row=fila, end_column=hasta)

    def titulo(self) -> None:
        enc = self.plan["encabezado"]
        ultima = self.c0 + len(self.d.columnas) - 1
        lineas = (enc["entidad"], "PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", "FORMATO PLAN DE MEJORAMIENTO")
        for k, (texto, campo) in enumerate(zip(lineas, ("codigo", "version", "fecha_formato"), strict=True)):
            self.fusionar(self.fila + k, self.c0, ultima - 2, texto, negrita=True)
            self.fusionar(self.fila + k, ultima - 1, ultima, f"{self.d.rotulos[campo]} {enc[campo]}")
        if self.d.texto_extra:
            self.fusionar(self.fila + 3, self.c0, ultima - 2, NIT)
            self.fila += 1
        self.fila += 4

    def generales(self) -> None:
        rot, enc = self.d.rotulos, self.plan["encabezado"]
        if self.d.encabezado == "fila":
            for j, campo in enumerate(GENERALES):
                self.fusionar(self.fila, self.c0 + 2 * j, self.c0 + 2 * j + 1, rot[campo].rstrip(":"), negrita=True)
                self.fusionar(self.fila + 1, self.c0 + 2 * j, self.c0 + 2 * j + 1, enc[campo])
            self.fila += 3
            return
        for campo in GENERALES:
            if self.d.encabezado == "una_celda":
                self.fusionar(self.fila, self.c0, self.c0 + 5, f"{rot[campo]} {enc[campo] or ''}".strip())
            else:
                self.fusionar(self.fila, self.c0, self.c0 + 1, rot[campo], negrita=True)
                self.fusionar(self.fila, self.c0 + 2, self.c0 + 6, enc[campo])
            self.fila += 1
        self.fila += 1

    def titulos(self) -> None:
        d, claves = self.d, [c for c, _ in self.d.columnas]
        alto = 2 if d.grupo or d.titulos_fusionados else 1
        for j, (c, titulo) in enumerate(d.columnas):
            columna = self.c0 + j
            if d.grupo and c in SEGUIMIENTO:
                self.poner(self.fila + 1, columna, titulo, negrita=True, borde=True)
                continue
            self.poner(self.fila, columna, titulo, negrita=True, borde=True)
            if alto == 2:
                self.poner(self.fila + 1, columna, None, borde=True)
                self.ws.merge_cells(
                    start_row=self.fila, start_column=columna, end_row=self.fila + 1, end_column=columna
                )
        if d.grupo:
            desde, hasta = self.c0 + claves.index(SEGUIMIENTO[0]), self.c0 + claves.index(SEGUIMIENTO[-1])
            self.poner(self.fila, desde, "SEGUIMIENTO", negrita=True, borde=True)
            self.ws.merge_cells(start_row=self.fila, start_column=desde, end_row=self.fila, end_column=hasta)
        self.fila += alto

    def hallazgos(self) -> None:
        if self.d.texto_extra:
            self.poner(self.fila, self.c0, INTRODUCCION, ajustar=False)
            self.fila += 2
        self.titulos()
        claves = [c for c, _ in self.d.columnas]
        for k, (valores, extra) in enumerate(zip(self.plan["hallazgos"], self.plan["extras"], strict=True)):
            sigue = k in self.plan["fusionados"]
            if self.d.texto_extra and k == 2 and not sigue:
                for j in range(len(claves)):
                    self.poner(self.fila, self.c0 + j, None, borde=True)
                self.fila += 1
            for j, c in enumerate(claves):
                columna = self.c0 + j
                if sigue and c in ("numero", "descripcion"):
                    self.poner(self.fila, columna, None, borde=True)
                    self.ws.merge_cells(
                        start_row=self.fila - 1, start_column=columna, end_row=self.fila, end_column=columna
                    )
                    continue
                valor = extra if c == "extra" else valores[c]
                if c in ("numero", "plazo_meses") and valor and valor.isdigit():
                    self.poner(self.fila, columna, int(valor), borde=True)
                elif c in ("fecha_inicio", "fecha_terminacion") and valor and (fecha := _fecha_excel(valor)):
                    self.poner(self.fila, columna, fecha[0], borde=True)
                    self.ws.cell(self.fila, columna).number_format = fecha[1]
                else:
                    self.poner(self.fila, columna, valor, borde=True)
            largo = max(len(v or "") for v in valores.values())
            self.ws.row_dimensions[self.fila].height = max(60, 11 * (largo // 25 + 2))
            self.fila += 1
        for _ in range(self.d.filas_vacias):
            for j in range(len(claves)):
                self.poner(self.fila, self.c0 + j, None, borde=True)
            self.fila += 1

    def firmas(self) -> None:
        self.fila += 1
        if self.d.texto_extra:
            self.poner(self.fila, self.c0, NOTA, ajustar=False)
            self.fila += 2
        self.poner(self.fila, self.c0, "Firma Responsables:", negrita=True, ajustar=False)
        self.fila += 2
        for k, firma in enumerate(self.plan["firmas"]):
            if self.d.firmas == "pila":
                self.poner(self.fila, self.c0 + 1, firma["nombre"], negrita=True, ajustar=False)
                self.poner(self.fila + 1, self.c0 + 1, firma["cargo"], ajustar=False)
                self.fila += 3
            else:
                columna = self.c0 + 1 + 4 * k
                self.poner(self.fila, columna, firma["nombre"], negrita=True, ajustar=False)
                self.poner(self.fila + 1, columna, firma["cargo"], ajustar=False)
        self.fila += 3
        if self.plan["proyecto"]:
            self.poner(self.fila, self.c0, f"Proyectó: {self.plan['proyecto']}", ajustar=False)

    def pagina(self) -> None:
        for j, (c, _) in enumerate(self.d.columnas):
            ancho = 30 if c in ("descripcion", "accion_mejora", "observaciones") else 12
            self.ws.column_dimensions[get_column_letter(self.c0 + j)].width = ancho
        self.ws.page_setup.orientation = "landscape" if self.d.horizontal else "portrait"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0


def escribir_xlsx(copias: list[tuple[Diseno, dict[str, Any]]], destino: Path) -> None:
    libro = Workbook()
    libro.remove(libro.active)  # type: ignore[arg-type]
    for k, (d, plan) in enumerate(copias):
        hoja = _Hoja(libro.create_sheet(plan["hoja"]), d, plan)
        hoja.titulo()
        hoja.generales()
        hoja.hallazgos()
        hoja.firmas()
        hoja.pagina()
        if k == 0 and len(copias) > 1:
            listas = libro.create_sheet("Listas")
            for fila, texto in enumerate(("Si", "No", "N/A"), start=1):
                listas.cell(fila, 1, texto)
    libro.save(str(destino))


# ---------------------------------------------------------------- all


_SOFFICE = ("soffice", "--headless", "--convert-to", "pdf")


def _a_pdf(archivos: list[Path]) -> None:
    with tempfile.TemporaryDirectory() as perfil, tempfile.TemporaryDirectory() as salida:
        subprocess.run(
            [*_SOFFICE, f"-env:UserInstallation=file://{perfil}", "--outdir", salida, *map(str, archivos)],
            check=True,
            capture_output=True,
            timeout=600,
        )
        for archivo in archivos:
            (Path(salida) / archivo.with_suffix(".pdf").name).replace(archivo.with_suffix(".pdf"))


def _fallas_conocidas(verdad: Path) -> dict[str, str]:
    """The known failures written by hand into the committed truth, to keep them."""
    if not verdad.exists():
        return {}
    fallas: dict[str, str] = json.loads(verdad.read_text(encoding="utf-8")).get("fallas_conocidas", {})
    return fallas


def _escribir_verdad(
    carpeta: Path, nombre: str, planes: list[dict[str, Any]], tipo: str, con_fallas: bool = True
) -> None:
    """The copy's truth; its known failures are those of the committed copy, when it is the same copy."""
    verdad = {
        "archivo": nombre,
        "tipo": tipo,
        "planes": [{k: v for k, v in p.items() if k != "extras"} for p in planes],
        "fallas_conocidas": _fallas_conocidas(AQUI / f"{nombre}.json") if con_fallas else {},
    }
    texto = json.dumps(verdad, ensure_ascii=False, indent=1) + "\n"
    (carpeta / f"{nombre}.json").write_text(texto, encoding="utf-8")


def generar(con_pdf: bool = True, carpeta: Path = AQUI, semilla: int = SEMILLA) -> None:
    """Every copy and its truth into `carpeta`; with `con_pdf`, the PDFs too (LibreOffice).

    Another `semilla` draws other copies, that neither the tests nor the reader's rules have seen
    (`python -m bench pdf_nuevos` measures on them).
    """
    propias = semilla == SEMILLA
    pdfs: list[Path] = []
    previas = CUANTAS_DOCX + CUANTAS_XLSX + CUANTAS_DOCX_DIFICILES
    for i in range(previas + CUANTAS_CON_TEXTO + CUANTAS_LARGAS):
        nombre = f"v{i:02d}"
        r = random.Random(f"{semilla}:{nombre}")
        largas = i >= previas + CUANTAS_CON_TEXTO
        en_excel = CUANTAS_DOCX <= i < CUANTAS_DOCX + CUANTAS_XLSX or (i >= previas and i % 2 and not largas)
        tipo = "xlsx" if en_excel else "docx"
        dificil = CUANTAS_DOCX + CUANTAS_XLSX <= i < previas
        d = _diseno(r, i, tipo, dificil)
        d.texto_extra = previas <= i < previas + CUANTAS_CON_TEXTO
        if largas:
            d.paginas, d.largos, d.bordes = True, True, "todos"
        if d.texto_extra:
            d.hojas = 1
        destino = carpeta / f"{nombre}.{tipo}"
        if tipo == "docx":
            plan = _plan(r, d)
            plan["hoja"] = None
            escribir_docx(d, plan, destino)
            copias = [(d, plan)]
        else:
            copias = []
            for h in range(d.hojas):
                dh = d if h == 0 else _diseno(r, i + 7 * h, tipo)
                plan = _plan(r, dh)
                plan["hoja"] = f"Plan {h + 1}" if d.hojas > 1 else "GEM-FM014"
                copias.append((dh, plan))
            escribir_xlsx(copias, destino)
        planes = [p for _, p in copias]
        _escribir_verdad(carpeta, destino.name, planes, tipo, propias)
        if nombre in A_PDF or dificil or d.texto_extra or d.paginas or (tipo == "xlsx" and d.hojas == 1):
            pdfs.append(destino)
            _escribir_verdad(carpeta, f"{nombre}.pdf", [{**p, "hoja": None} for p in planes], "pdf", propias)
    if con_pdf:
        _a_pdf(pdfs)


if __name__ == "__main__":
    argumentos = argparse.ArgumentParser(description="Genera las copias de variaciones y su verdad.")
    argumentos.add_argument("--sin-pdf", action="store_true", help="sin exportar a PDF (no necesita LibreOffice)")
    argumentos.add_argument("--carpeta", type=Path, default=AQUI, help="dónde escribirlas (por defecto, aquí)")
    argumentos.add_argument("--semilla", type=int, default=SEMILLA, help="otra semilla da otras copias")
    pedido = argumentos.parse_args()
    generar(con_pdf=not pedido.sin_pdf, carpeta=pedido.carpeta, semilla=pedido.semilla)
