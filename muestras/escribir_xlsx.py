"""Excel copies of the form: one copy per sheet, laid out the ways offices fill it in."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet
from oraculo import Fecha, Hallazgo, PlanMuestra, Valor

_LINEA = Side(style="thin", color="000000")
_CAJA = Border(left=_LINEA, right=_LINEA, top=_LINEA, bottom=_LINEA)
_ARRIBA = Alignment(vertical="top", wrap_text=True)
_CENTRO = Alignment(horizontal="center", vertical="center", wrap_text=True)


@dataclass
class DisenoXlsx:
    """How one sheet looks. `columnas` pairs a canonical key (or `extra`) with its heading."""

    hoja: str
    columnas: tuple[tuple[str, str], ...]
    anchos: Mapping[str, float]
    primera_columna: int = 1
    encabezado: Literal["fusionado", "una_celda", "contiguo"] = "fusionado"
    rotulos: tuple[str, str, str, str] = (
        "Proceso Auditado:",
        "Procedimientos:",
        "Responsables:",
        "Fecha de Suscripción:",
    )
    grupo: tuple[str, tuple[str, ...]] | None = None
    repetir_titulos: bool = False
    bordes: bool = True
    titulos_en_medio: tuple[int, ...] = ()
    filas_vacias: int = 0
    horizontal: bool = True
    derecha: tuple[str, ...] = ()
    saltos: tuple[int, ...] = ()
    """Findings that start a new printed page (a manual page break above their row)."""


def _lineas(texto: str, ancho: float) -> int:
    """Lines a text takes in a column `ancho` characters wide, wrapping whole words (Arial 8)."""
    por_linea = max(4, int(ancho * 1.1))
    total = 0
    for parrafo in texto.split("\n"):
        largo, lineas = 0, 1
        for palabra in parrafo.split():
            if largo and largo + 1 + len(palabra) > por_linea:
                lineas, largo = lineas + 1, len(palabra)
            else:
                largo += len(palabra) + (1 if largo else 0)
        total += lineas
    return total


class _Hoja:
    def __init__(self, ws: Worksheet, plan: PlanMuestra, d: DisenoXlsx) -> None:
        self.ws, self.plan, self.d = ws, plan, d
        self.c0 = d.primera_columna
        self.fila = 1

    def col(self, j: int) -> int:
        return self.c0 + j

    def poner(
        self,
        fila: int,
        columna: int,
        valor: object,
        *,
        negrita: bool = False,
        alineacion: Alignment = _ARRIBA,
        borde: bool = False,
    ) -> None:
        celda = self.ws.cell(fila, columna, valor)
        celda.font = Font(name="Arial", size=8, bold=negrita)
        celda.alignment = alineacion
        if borde:
            celda.border = _CAJA

    def fusionar(self, fila: int, desde: int, hasta: int, valor: object, negrita: bool = False) -> None:
        self.poner(fila, desde, valor, negrita=negrita)
        if hasta > desde:
            self.ws.merge_cells(start_row=fila, start_column=desde, end_row=fila, end_column=hasta)

    def titulo(self) -> None:
        ultima = self.col(len(self.d.columnas) - 1)
        lineas = (self.plan.entidad, "PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA", "FORMATO PLAN DE MEJORAMIENTO")
        derecha = (
            f"CÓDIGO: {self.plan.codigo}",
            f"VERSIÓN: {self.plan.version}",
            f"FECHA: {self.plan.fecha_formato.raw}",
        )
        for k, (texto, dato) in enumerate(zip(lineas, derecha, strict=True)):
            self.fusionar(self.fila + k, self.c0, ultima - 2, texto, negrita=True)
            self.fusionar(self.fila + k, ultima - 1, ultima, dato)
        self.fila += 4

    def datos_generales(self) -> None:
        valores: tuple[str | Fecha | None, ...] = (
            self.plan.proceso_auditado,
            self.plan.procedimientos,
            self.plan.responsables,
            self.plan.fecha_suscripcion,
        )
        for rotulo, valor in zip(self.d.rotulos, valores, strict=True):
            if self.d.encabezado == "una_celda":
                mostrado = valor.raw if isinstance(valor, Fecha) else valor
                self.fusionar(self.fila, self.c0, self.col(5), f"{rotulo} {mostrado or ''}".strip())
            elif self.d.encabezado == "fusionado":
                self.poner(self.fila, self.c0, rotulo, negrita=True)
                self.ws.merge_cells(
                    start_row=self.fila, start_column=self.c0, end_row=self.fila, end_column=self.col(1)
                )
                self.fusionar(self.fila, self.col(2), self.col(6), None)
                self.escribir_valor(self.fila, self.col(2), valor)
            else:
                self.poner(self.fila, self.col(1), rotulo, negrita=True, alineacion=Alignment())
                self.escribir_valor(self.fila, self.col(2), valor)
            self.fila += 1
        self.fila += 1

    def escribir_valor(self, fila: int, columna: int, valor: str | Fecha | Valor | None, borde: bool = False) -> None:
        """A typed date is a real date cell; a whole number typed as such is a number cell, as Excel stores it."""
        if isinstance(valor, Fecha) and valor.excel is not None:
            self.poner(fila, columna, valor.excel, borde=borde)
            self.ws.cell(fila, columna).number_format = valor.formato or "dd/mm/yyyy"
        elif isinstance(valor, Fecha | Valor):
            self.escribir_valor(fila, columna, valor.raw, borde)
        elif isinstance(valor, str) and valor.isdigit() and not valor.startswith("0"):
            self.poner(fila, columna, int(valor), borde=borde)
        else:
            self.poner(fila, columna, valor, borde=borde)

    def ajustar_alto(self, fila: int, minimo: int = 1) -> None:
        """Row height for the wrapped text, as a person sets it so nothing is cut when printed."""
        lineas = minimo
        for j, (clave, _) in enumerate(self.d.columnas):
            valor = self.ws.cell(fila, self.col(j)).value
            if isinstance(valor, str):
                lineas = max(lineas, _lineas(valor, self.d.anchos.get(clave, 10)))
        self.ws.row_dimensions[fila].height = 11 * lineas + 3

    def titulos(self) -> None:
        claves = [c for c, _ in self.d.columnas]
        alto = 2 if self.d.grupo else 1
        for j, (_, encabezado) in enumerate(self.d.columnas):
            self.poner(
                self.fila + alto - 1, self.col(j), encabezado, negrita=True, alineacion=_CENTRO, borde=self.d.bordes
            )
        if self.d.grupo:
            titulo, miembros = self.d.grupo
            desde, hasta = self.col(claves.index(miembros[0])), self.col(claves.index(miembros[-1]))
            for j in range(len(claves)):
                columna = self.col(j)
                if desde <= columna <= hasta:
                    continue
                valor = self.ws.cell(self.fila + 1, columna).value
                self.ws.cell(self.fila + 1, columna).value = None
                self.poner(self.fila, columna, valor, negrita=True, alineacion=_CENTRO, borde=self.d.bordes)
                self.poner(self.fila + 1, columna, None, borde=self.d.bordes)
                self.ws.merge_cells(
                    start_row=self.fila, start_column=columna, end_row=self.fila + 1, end_column=columna
                )
            for columna in range(desde, hasta + 1):
                self.poner(
                    self.fila,
                    columna,
                    titulo if columna == desde else None,
                    negrita=True,
                    alineacion=_CENTRO,
                    borde=self.d.bordes,
                )
            self.ws.merge_cells(start_row=self.fila, start_column=desde, end_row=self.fila, end_column=hasta)
        self.ajustar_alto(self.fila)
        if self.d.grupo:
            self.ws.row_dimensions[self.fila + 1].height = 11 * 2 + 3
        self.fila += alto

    def hallazgos(self) -> list[int]:
        inicio_titulos = self.fila
        self.titulos()
        if self.d.repetir_titulos:
            self.ws.print_title_rows = f"{inicio_titulos}:{self.fila - 1}"
        filas: list[int] = []
        for i, h in enumerate(self.plan.hallazgos):
            if i in self.d.titulos_en_medio:
                self.titulos()
            if i in self.d.saltos:
                self.ws.row_breaks.append(Break(id=self.fila - 1))
            self.hallazgo(h)
            self.ajustar_alto(self.fila)
            filas.append(self.fila)
            self.fila += 1
        for _ in range(self.d.filas_vacias):
            for j in range(len(self.d.columnas)):
                self.poner(self.fila, self.col(j), None, borde=self.d.bordes)
            self.fila += 1
        return filas

    def hallazgo(self, h: Hallazgo) -> None:
        for j, (clave, _) in enumerate(self.d.columnas):
            columna = self.col(j)
            if h.sigue_al_anterior and clave in ("numero", "descripcion"):
                self.poner(self.fila, columna, None, borde=self.d.bordes)
                self.ws.merge_cells(
                    start_row=self.fila - 1, start_column=columna, end_row=self.fila, end_column=columna
                )
                continue
            valor = h.extra if clave == "extra" else getattr(h, clave)
            self.escribir_valor(self.fila, columna, valor, borde=self.d.bordes)
            if clave in self.d.derecha:
                self.ws.cell(self.fila, columna).alignment = Alignment(horizontal="right", vertical="top")

    def firmas(self) -> None:
        self.fila += 1
        self.poner(self.fila, self.c0, "Firma Responsables:", negrita=True, alineacion=Alignment())
        self.fila += 3
        for k, firma in enumerate(self.plan.firmas):
            columna = self.col(1 + 4 * k)
            self.poner(self.fila, columna, firma.nombre, negrita=True, alineacion=Alignment())
            self.poner(self.fila + 1, columna, firma.cargo, alineacion=Alignment())
            self.ws.cell(self.fila, columna).border = Border(top=_LINEA)
        self.fila += 3
        if self.plan.proyecto:
            self.poner(self.fila, self.c0, f"Proyectó: {self.plan.proyecto}", alineacion=Alignment())

    def pagina(self) -> None:
        for j, (clave, _) in enumerate(self.d.columnas):
            self.ws.column_dimensions[get_column_letter(self.col(j))].width = self.d.anchos[clave]
        for j in range(1, self.c0):
            self.ws.column_dimensions[get_column_letter(j)].width = 3
        self.ws.page_setup.paperSize = self.ws.PAPERSIZE_LETTER
        self.ws.page_setup.orientation = "landscape" if self.d.horizontal else "portrait"
        self.ws.sheet_properties.pageSetUpPr.fitToPage = True
        self.ws.page_setup.fitToWidth = 1
        self.ws.page_setup.fitToHeight = 0
        for margen in ("left", "right", "top", "bottom"):
            setattr(self.ws.page_margins, margen, 0.5)


def _hoja(ws: Worksheet, plan: PlanMuestra, diseno: DisenoXlsx) -> list[int]:
    hoja = _Hoja(ws, plan, diseno)
    hoja.titulo()
    hoja.datos_generales()
    filas = hoja.hallazgos()
    hoja.firmas()
    hoja.pagina()
    return filas


def escribir(
    copias: list[tuple[PlanMuestra, DisenoXlsx]],
    destino: Path,
    *,
    oculta_despues: int | None = None,
    hoja_vacia: bool = False,
) -> list[list[int]]:
    """Write one copy per sheet and give the Excel row of each finding, per copy.

    `oculta_despues` adds a hidden sheet of drop-down lists after that copy; `hoja_vacia`
    adds an empty sheet at the end. Both are what real workbooks carry and must be ignored.
    """
    libro = Workbook()
    libro.remove(libro.active)  # type: ignore[arg-type]
    filas: list[list[int]] = []
    for k, (plan, diseno) in enumerate(copias):
        filas.append(_hoja(libro.create_sheet(diseno.hoja), plan, diseno))
        if oculta_despues == k:
            listas = libro.create_sheet("Listas")
            for fila, (a, b) in enumerate([("Si", "Cerrada-C"), ("No", "Abierta-A"), ("N/A", None)], start=1):
                listas.cell(fila, 1, a)
                listas.cell(fila, 2, b)
            listas.sheet_state = "hidden"
    if hoja_vacia:
        libro.create_sheet("Hoja5")
    libro.save(str(destino))
    return filas
