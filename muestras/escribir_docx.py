"""Word copies of the form, laid out the ways offices fill it in."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table, _Cell
from oraculo import Hallazgo, PlanMuestra

TITULOS = ("PROCESO DE GESTION EVALUACION Y MEJORA", "FORMATO PLAN DE MEJORAMIENTO")


@dataclass
class DisenoDocx:
    """How one Word copy looks. `columnas` pairs a canonical key (or `extra`) with its heading."""

    columnas: tuple[tuple[str, str], ...]
    anchos: dict[str, float]
    horizontal: bool = True
    encabezado: Literal["parrafos", "tabla"] = "parrafos"
    titulo_en_cabecera: bool = False
    rotulos: dict[str, str] = field(default_factory=dict)
    separador: str = " "
    valores_negrita: bool = False
    grupo: tuple[str, tuple[str, ...]] | None = None
    repetir_titulos: bool = False
    bordes: Literal["todos", "pocos"] = "todos"
    cortes: tuple[int, ...] = ()
    titulos_en_medio: tuple[int, ...] = ()
    filas_vacias: int = 0
    lineas_firma: bool = False
    letra: float = 8
    titulo_lineas: tuple[str, ...] = TITULOS


ROTULOS = {
    "codigo": "CODIGO:",
    "version": "VERSION:",
    "fecha_formato": "FECHA:",
    "proceso_auditado": "Proceso Auditado:",
    "procedimientos": "Procedimientos:",
    "responsables": "Responsables:",
    "fecha_suscripcion": "Fecha de Suscripción:",
}


def _celda_texto(celda: _Cell, texto: str | None, letra: float, negrita: bool = False) -> None:
    parrafo = celda.paragraphs[0]
    if texto:
        run = parrafo.add_run(texto)
        run.font.size = Pt(letra)
        run.bold = negrita


def _propiedad(padre: Any, etiqueta: str, **atributos: str) -> Any:
    elemento = OxmlElement(etiqueta)
    for clave, valor in atributos.items():
        elemento.set(qn(clave), valor)
    padre.append(elemento)
    return elemento


def _margenes_estrechos(tabla: Table) -> None:
    """Narrow cell padding, as offices use to fit 14 columns on a page."""
    margenes = _propiedad(tabla._tbl.tblPr, "w:tblCellMar")
    for lado in ("left", "right"):
        _propiedad(margenes, f"w:{lado}", **{"w:w": "40", "w:type": "dxa"})


def _repetir_fila(fila: Any) -> None:
    _propiedad(fila._tr.get_or_add_trPr(), "w:tblHeader", **{"w:val": "true"})


def _sin_bordes(tabla: Table) -> None:
    bordes = _propiedad(tabla._tbl.tblPr, "w:tblBorders")
    for lado in ("top", "left", "bottom", "right", "insideH", "insideV"):
        _propiedad(bordes, f"w:{lado}", **{"w:val": "nil"})


def _borde_inferior(celda: _Cell) -> None:
    bordes = _propiedad(celda._tc.get_or_add_tcPr(), "w:tcBorders")
    _propiedad(bordes, "w:bottom", **{"w:val": "single", "w:sz": "8", "w:color": "000000"})


def _texto_hallazgo(h: Hallazgo, clave: str) -> str | None:
    if clave == "extra":
        return h.extra
    valor = getattr(h, clave)
    if hasattr(valor, "raw"):
        raw: str | None = valor.raw
        return raw
    return valor if isinstance(valor, str) else None


class _Escritor:
    def __init__(self, plan: PlanMuestra, diseno: DisenoDocx) -> None:
        self.plan, self.d = plan, diseno
        self.doc = Document()
        estilo = self.doc.styles["Normal"]
        estilo.font.name = "Arial"
        estilo.font.size = Pt(diseno.letra + 1)
        estilo.paragraph_format.space_after = Pt(2)
        seccion = self.doc.sections[0]
        if diseno.horizontal:
            seccion.orientation = WD_ORIENT.LANDSCAPE
            seccion.page_width, seccion.page_height = Cm(27.94), Cm(21.59)
        else:
            seccion.page_width, seccion.page_height = Cm(21.59), Cm(27.94)
        for margen in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(seccion, margen, Cm(1.0))

    def rotulo(self, clave: str) -> str:
        return self.d.rotulos.get(clave, ROTULOS[clave])

    def valor(self, clave: str) -> str | None:
        dato = getattr(self.plan, clave)
        return dato.raw if hasattr(dato, "raw") else dato  # type: ignore[no-any-return]

    def linea(self, clave: str, destino: Any = None) -> None:
        """A label and its value on one line; a label with no value stays alone."""
        parrafo = (destino or self.doc).add_paragraph()
        parrafo.add_run(self.rotulo(clave))
        valor = self.valor(clave)
        if valor:
            parrafo.add_run(self.d.separador)
            parrafo.add_run(valor).bold = self.d.valores_negrita

    def titulo(self) -> None:
        if self.d.titulo_en_cabecera:
            self.titulo_en_cabecera()
            return
        for texto in (self.plan.entidad, *self.d.titulo_lineas):
            self.doc.add_paragraph().add_run(texto).bold = True
        self.linea("version")
        self.doc.add_paragraph()
        self.linea("fecha_formato")
        self.linea("codigo")

    def titulo_en_cabecera(self) -> None:
        cabecera = self.doc.sections[0].header
        tabla = cabecera.add_table(3, 2, Cm(24))
        tabla.style = "Table Grid"
        izquierda = tabla.cell(0, 0).merge(tabla.cell(2, 0))
        izquierda.paragraphs[0].add_run(self.plan.entidad).bold = True
        for texto in self.d.titulo_lineas:
            izquierda.add_paragraph().add_run(texto).bold = True
        for fila, clave in enumerate(("codigo", "version", "fecha_formato")):
            celda = tabla.cell(fila, 1)
            celda.paragraphs[0].add_run(f"{self.rotulo(clave)} {self.valor(clave)}")
        for fila in tabla.rows:
            fila.cells[0].width, fila.cells[1].width = Cm(18), Cm(6)

    def datos_generales(self) -> None:
        claves = ("proceso_auditado", "procedimientos", "responsables", "fecha_suscripcion")
        if self.d.encabezado == "parrafos":
            for clave in claves:
                self.linea(clave)
            return
        tabla = self.doc.add_table(len(claves), 2)
        tabla.style = "Table Grid"
        for fila, clave in zip(tabla.rows, claves, strict=True):
            _celda_texto(fila.cells[0], self.rotulo(clave), self.d.letra + 1, negrita=True)
            _celda_texto(fila.cells[1], self.valor(clave), self.d.letra + 1)
            fila.cells[0].width, fila.cells[1].width = Cm(6), Cm(18)
        self.doc.add_paragraph()

    def nueva_tabla(self) -> Table:
        filas_titulo = 2 if self.d.grupo else 1
        tabla: Table = self.doc.add_table(filas_titulo, len(self.d.columnas))
        tabla.autofit = False
        if self.d.bordes == "todos":
            tabla.style = "Table Grid"
        else:
            _sin_bordes(tabla)
        _margenes_estrechos(tabla)
        for (clave, _), columna in zip(self.d.columnas, tabla.columns, strict=True):
            columna.width = Cm(self.d.anchos[clave])
        self.titulos(tabla, 0)
        return tabla

    def titulos(self, tabla: Table, primera: int) -> None:
        """The heading row(s); with a group, its title spans its columns and the rest span two rows."""
        claves = [c for c, _ in self.d.columnas]
        for j, (_, encabezado) in enumerate(self.d.columnas):
            _celda_texto(tabla.cell(primera, j), encabezado, self.d.letra - 1, negrita=True)
        if self.d.grupo:
            titulo, miembros = self.d.grupo
            desde, hasta = claves.index(miembros[0]), claves.index(miembros[-1])
            for j in range(len(claves)):
                arriba, abajo = tabla.cell(primera, j), tabla.cell(primera + 1, j)
                if desde <= j <= hasta:
                    _celda_texto(abajo, arriba.text, self.d.letra - 1, negrita=True)
                    arriba.paragraphs[0].clear()
                else:
                    arriba.merge(abajo)
            _celda_texto(
                tabla.cell(primera, desde).merge(tabla.cell(primera, hasta)), titulo, self.d.letra - 1, negrita=True
            )
        for k in range(primera, primera + (2 if self.d.grupo else 1)):
            fila = tabla.rows[k]
            if self.d.repetir_titulos and primera == 0:
                _repetir_fila(fila)
            if self.d.bordes == "pocos":
                for celda in fila.cells:
                    _borde_inferior(celda)

    def hallazgos(self) -> None:
        tabla = self.nueva_tabla()
        anterior: list[_Cell] = []
        for i, h in enumerate(self.plan.hallazgos):
            if i in self.d.cortes:
                self.doc.add_paragraph()
                tabla = self.nueva_tabla()
            if i in self.d.titulos_en_medio:
                primera = len(tabla.rows)
                for _ in range(2 if self.d.grupo else 1):
                    tabla.add_row()
                self.titulos(tabla, primera)
            fila = tabla.add_row()
            celdas = list(fila.cells)
            for (clave, _), celda in zip(self.d.columnas, celdas, strict=True):
                if h.sigue_al_anterior and clave in ("numero", "descripcion"):
                    continue
                _celda_texto(celda, _texto_hallazgo(h, clave), self.d.letra)
            if h.sigue_al_anterior:
                for j, (clave, _) in enumerate(self.d.columnas):
                    if clave in ("numero", "descripcion"):
                        anterior[j].merge(celdas[j])
            anterior = celdas
        for _ in range(self.d.filas_vacias):
            tabla.add_row()

    def firmas(self) -> None:
        self.doc.add_paragraph()
        self.doc.add_paragraph("Firma Responsables:")
        self.doc.add_paragraph()
        tabla = self.doc.add_table(1, len(self.plan.firmas))
        _sin_bordes(tabla)
        for celda, firma in zip(tabla.rows[0].cells, self.plan.firmas, strict=True):
            if self.d.lineas_firma:
                celda.paragraphs[0].add_run("_" * 34)
                celda.add_paragraph().add_run(firma.nombre).bold = True
            else:
                celda.paragraphs[0].add_run(firma.nombre).bold = True
            if firma.cargo:
                celda.add_paragraph(firma.cargo)
        if self.plan.proyecto:
            self.doc.add_paragraph()
            self.doc.add_paragraph(f"Proyectó: {self.plan.proyecto}")


def escribir(plan: PlanMuestra, diseno: DisenoDocx, destino: Path) -> list[int]:
    """Write the copy and give the `fila` of each finding (its position among finding rows)."""
    escritor = _Escritor(plan, diseno)
    escritor.titulo()
    if not diseno.titulo_en_cabecera:
        escritor.doc.add_paragraph()
    escritor.datos_generales()
    escritor.hallazgos()
    escritor.firmas()
    escritor.doc.save(str(destino))
    return list(range(1, len(plan.hallazgos) + 1))


def escribir_memorando(destino: Path) -> None:
    """A readable Word file that is not a GEM-FM014: an internal memo."""
    doc = Document()
    doc.add_paragraph().add_run("ALCALDÍA MUNICIPAL DE TAMBORAL").bold = True
    doc.add_paragraph("MEMORANDO OCI-2022-041")
    doc.add_paragraph("PARA:\tSecretarios de Despacho")
    doc.add_paragraph("DE:\tJefe de la Oficina de Control Interno")
    doc.add_paragraph("ASUNTO:\tEntrega de informes de seguimiento")
    doc.add_paragraph("Cordial saludo,")
    doc.add_paragraph(
        "De manera atenta les recuerdo que el plazo para entregar los informes de seguimiento a los planes "
        "de mejoramiento del primer semestre vence el 15 de julio. Los informes deben enviarse en el formato "
        "vigente, firmados por el responsable de cada proceso, al correo de la Oficina de Control Interno."
    )
    doc.add_paragraph("Atentamente,")
    doc.add_paragraph("CARLOS ANDRÉS VILLAMIL SUÁREZ")
    doc.add_paragraph("Jefe Oficina de Control Interno")
    doc.save(str(destino))
