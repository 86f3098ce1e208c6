"""PDF reader: every page's text as rows of cells, with the page each value is on.

A PDF keeps no table, only glyphs and lines at positions: `pdf_texto` follows
the glyphs in drawing order, `pdf_pagina` puts them in ruled cells or lines
them up. Here the file is opened (refused when it is too long, protected,
damaged or has no text at all) and the pages are joined: a page header that
Word repeats on every page is kept once.
"""

from __future__ import annotations

import itertools
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extractor.errores import ArchivoIlegible
from extractor.modelo import FilaLeida, HojaLeida
from extractor.ocr import dibujo_escaneado
from extractor.pdf_objetos import Dibujo, dibujo, tablas
from extractor.pdf_pagina import FilaPdf, filas_de_pagina
from extractor.pdf_texto import Regla, Reglas, bloques, tramos
from extractor.textos import colapsar

log = logging.getLogger(__name__)

_MISMA_ALTURA = 3.0
"""A row of a later page at the same height (points) and with the same text as an earlier one is a page header."""
_PAGINA = re.compile(r"p[aá]g(ina)?\.?\s*\d+(\s*(de|/)\s*\d+)?", re.IGNORECASE)
"""`Página 2 de 3`, `Pág. 2`: the part of a page header that changes from page to page."""
_SOLO_NUMERO = re.compile(r"\s*\d+(\s*(de|/)\s*\d+)?\s*")
"""`2`, `2 de 3`, `2/3` alone on a line of their own: a page number."""


def _clave_de_pagina(fila: FilaLeida) -> tuple[str, ...]:
    """What a row says, its page number aside: `Página 1 de 2` and `Página 2 de 2` are the same header line."""
    textos = [t for c in fila.celdas if (t := colapsar(c.texto)) is not None]
    if len(textos) == 1 and _SOLO_NUMERO.fullmatch(textos[0]):
        return ("#",)
    return tuple(_PAGINA.sub("#", t) for t in textos)


def _ilegible(error: Exception) -> ArchivoIlegible:
    causa = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    if isinstance(causa, PDFPasswordIncorrect):
        return ArchivoIlegible(
            "El PDF está protegido con contraseña. Ábralo con la contraseña, guárdelo sin ella "
            "(o imprímalo como PDF) y vuelva a cargarlo."
        )
    if isinstance(causa, PDFEncryptionError):
        return ArchivoIlegible(
            "El PDF está cifrado de una forma que no se puede abrir. Guárdelo sin protección y vuelva a cargarlo."
        )
    log.debug("PDF ilegible: %r", causa)
    return ArchivoIlegible(
        "El PDF está dañado o incompleto: su estructura interna no se puede leer. "
        "Vuelva a exportarlo o a copiarlo desde el original."
    )


@contextmanager
def _abierto(ruta: Path) -> Iterator[Any]:
    """The open PDF; whatever pdfminer trips on while reading it becomes a Spanish message."""
    try:
        pdf = pdfplumber.open(ruta)
    except (PdfminerException, PDFException, PSException) as error:
        raise _ilegible(error) from error
    with pdf:
        try:
            yield pdf
        except (PdfminerException, PDFException, PSException) as error:
            raise _ilegible(error) from error


def _paginas(pdf: Any, max_paginas: int) -> list[Any]:
    """The pages, refused before reading any when there are more than `max_paginas`."""
    arbol = resolve1(pdf.doc.catalog.get("Pages"))
    declaradas = resolve1(arbol.get("Count")) if isinstance(arbol, dict) else None
    if isinstance(declaradas, int) and declaradas > max_paginas:
        raise _demasiadas(declaradas, max_paginas)
    try:
        paginas: list[Any] = pdf.pages
    except Exception as error:  # pdfplumber builds each page from the page tree without guarding it
        raise _ilegible(error) from error
    if len(paginas) > max_paginas:
        raise _demasiadas(len(paginas), max_paginas)
    return paginas


def _demasiadas(cuantas: int, max_paginas: int) -> ArchivoIlegible:
    return ArchivoIlegible(
        f"El PDF tiene {cuantas} páginas y el límite es {max_paginas}: no se leyó. "
        "Un plan de mejoramiento ocupa pocas páginas; revise que sea el archivo correcto o divídalo."
    )


def _dibujo_sin_texto(pagina: Any, numero: int) -> Dibujo | None:
    """What a page with no text layer shows: its scanned image read by OCR; None for a page with no image."""
    return dibujo_escaneado(pagina, numero)


def _con_texto(contenido: Dibujo | None) -> bool:
    return contenido is not None and any(not c["text"].isspace() for c in contenido.caracteres)


def _leer_pagina(pagina: Any, numero: int, numeracion: itertools.count[int]) -> list[FilaPdf] | None:
    """The rows of one page, or None when it shows no text at all."""
    contenido: Dibujo | None = dibujo(pagina)
    if not _con_texto(contenido):
        contenido = _dibujo_sin_texto(pagina, numero)
    if contenido is None or not _con_texto(contenido):
        return None
    bordes = contenido.bordes
    verticales = Reglas(Regla(b["x0"], b["top"], b["bottom"]) for b in bordes if b["orientation"] == "v")
    horizontales = Reglas(Regla(b["top"], b["x0"], b["x1"]) for b in bordes if b["orientation"] == "h")
    lista = bloques(tramos(contenido.caracteres, verticales), horizontales)
    return filas_de_pagina(numero, lista, tablas(bordes), horizontales, numeracion)


@dataclass(slots=True)
class _Documento:
    """The rows of all pages; a row already seen at the same height on an earlier page, maybe with
    another page number, is dropped: Word repeats its page header and footer on every page."""

    filas: list[FilaLeida] = field(default_factory=list)
    vistas: dict[tuple[str, ...], list[float]] = field(default_factory=dict)
    tablas: itertools.count[int] = field(default_factory=itertools.count)
    con_texto: int = 0

    def agregar(self, filas: list[FilaPdf]) -> None:
        self.con_texto += 1
        nuevas: dict[tuple[str, ...], list[float]] = {}
        for fila in filas:
            clave = _clave_de_pagina(fila.fila)
            if clave and any(abs(fila.top - top) <= _MISMA_ALTURA for top in self.vistas.get(clave, [])):
                continue
            nuevas.setdefault(clave, []).append(fila.top)
            self.filas.append(fila.fila)
        for clave, tops in nuevas.items():
            self.vistas.setdefault(clave, []).extend(tops)


def leer_pdf(ruta: Path, max_paginas: int) -> list[HojaLeida]:
    """The rows of a PDF as one `HojaLeida`; raises `ArchivoIlegible` when it cannot be read."""
    documento = _Documento()
    with _abierto(ruta) as pdf:
        for numero, pagina in enumerate(_paginas(pdf, max_paginas), start=1):
            try:
                filas = _leer_pagina(pagina, numero, documento.tablas)
            finally:
                pagina.close()
            if filas is not None:
                documento.agregar(filas)
    if not documento.con_texto:
        raise ArchivoIlegible(
            "El PDF no tiene texto seleccionable: parece escaneado (solo imágenes). "
            "Hace falta reconocimiento de texto (OCR) para leerlo."
        )
    return [HojaLeida(documento.filas)]
