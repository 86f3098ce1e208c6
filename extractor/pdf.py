"""PDF reader: every page's text as rows of cells, with the page each value is on.

A PDF keeps no table, only glyphs and lines at positions: `pdf_texto` follows
the glyphs in drawing order, `pdf_pagina` puts them in ruled cells or lines
them up. Here the file is opened (refused when it is too long, protected,
damaged or has no text at all) and the pages are joined: a page header that
Word repeats on every page is kept once.
"""

from __future__ import annotations

import io
import itertools
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfexceptions import PDFException
from pdfminer.pdfpage import PDFPage
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSException
from pdfplumber.utils.exceptions import PdfminerException

from extractor.ajustes import AjustesLectura
from extractor.errores import ArchivoIlegible
from extractor.modelo import FilaLeida, Fuente, HojaLeida
from extractor.ocr import dibujo_escaneado
from extractor.pdf_capas import texto_de_ocr_ajeno
from extractor.pdf_objetos import Dibujo, dibujo, tablas
from extractor.pdf_pagina import FilaPdf, filas_de_pagina
from extractor.pdf_pdfium import dibujo_de_pdfium, para_pdfium
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


def _causa(error: Exception) -> BaseException:
    """What pdfminer really tripped on: pdfplumber wraps it."""
    causa = error.args[0] if isinstance(error, PdfminerException) and error.args else error
    return causa if isinstance(causa, BaseException) else error


def _ilegible(error: Exception) -> ArchivoIlegible:
    causa = _causa(error)
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
def _abierto(fuente: Fuente) -> Iterator[Any]:
    """The open PDF; whatever pdfminer trips on while reading it becomes a Spanish message.

    The file is closed, not the PDF: pdfplumber's `close` first builds every page it has not built,
    thousands of them for a file refused for its length. Each page read is closed on its own.
    """
    try:
        pdf = pdfplumber.open(fuente)
    except (PdfminerException, PDFException, PSException) as error:
        raise _ilegible(error) from _causa(error)
    try:
        yield pdf
    except (PdfminerException, PDFException, PSException) as error:
        raise _ilegible(error) from _causa(error)
    finally:
        pdf.stream.close()


@contextmanager
def _en_pdfium(fuente: Fuente, paginas: int) -> Iterator[Any | None]:
    """The same PDF opened by pdfium, which reads what pages draw; None where pdfium cannot open it or
    counts other pages than pdfminer: then pdfminer reads every page."""
    try:
        documento = pdfium.PdfDocument(fuente.getvalue() if isinstance(fuente, io.BytesIO) else fuente)
    except pdfium.PdfiumError:
        yield None
        return
    try:
        yield documento if len(documento) == paginas else None
    finally:
        documento.close()


def _paginas(pdf: Any, max_paginas: int) -> list[Any]:
    """The pages, refused before reading any when there are more than `max_paginas`.

    The page tree says how many pages it holds; it may lie, so they are also counted, up to the limit.
    """
    arbol = resolve1(pdf.doc.catalog.get("Pages"))
    declaradas = resolve1(arbol.get("Count")) if isinstance(arbol, dict) else None
    if isinstance(declaradas, int) and declaradas > max_paginas:
        raise _demasiadas(f"{declaradas} páginas", max_paginas)
    try:
        contadas = sum(1 for _ in itertools.islice(PDFPage.create_pages(pdf.doc), max_paginas + 1))
        if contadas > max_paginas:
            raise _demasiadas(f"más de {max_paginas} páginas", max_paginas)
        paginas: list[Any] = pdf.pages
    except ArchivoIlegible:
        raise
    except Exception as error:  # the page tree is read without pdfplumber's guard
        raise _ilegible(error) from _causa(error)
    return paginas


def _demasiadas(cuantas: str, max_paginas: int) -> ArchivoIlegible:
    return ArchivoIlegible(
        f"El PDF tiene {cuantas} y el límite es {max_paginas}: no se leyó. "
        "Un plan de mejoramiento ocupa pocas páginas; revise que sea el archivo correcto o divídalo."
    )


def _dibujo_sin_texto(pagina: Any, numero: int) -> Dibujo | None:
    """What a page with no text layer shows: its scanned image read by OCR; None for a page with no image."""
    return dibujo_escaneado(pagina, numero)


def _con_texto(contenido: Dibujo | None) -> bool:
    return contenido is not None and any(not c["text"].isspace() for c in contenido.caracteres)


def _filas(contenido: Dibujo, numero: int, numeracion: itertools.count[int], ajustes: AjustesLectura) -> list[FilaPdf]:
    bordes = contenido.bordes
    verticales = Reglas(Regla(b["x0"], b["top"], b["bottom"]) for b in bordes if b["orientation"] == "v")
    horizontales = Reglas(Regla(b["top"], b["x0"], b["x1"]) for b in bordes if b["orientation"] == "h")
    lista = bloques(tramos(contenido.caracteres, verticales, ajustes.texto), horizontales, ajustes.texto)
    return filas_de_pagina(numero, lista, tablas(bordes, ajustes.tablas), horizontales, numeracion, ajustes)


@dataclass(slots=True)
class _Documento:
    """The rows of all pages; a row already seen at the same height on an earlier page, maybe with
    another page number, is dropped: Word repeats its page header and footer on every page."""

    filas: list[FilaLeida] = field(default_factory=list)
    vistas: dict[tuple[str, ...], list[float]] = field(default_factory=dict)
    tablas: itertools.count[int] = field(default_factory=itertools.count)
    con_texto: int = 0
    con_imagenes: int = 0
    en_blanco: list[int] = field(default_factory=list)
    """Scanned pages with nothing to read: skipped, and said."""
    por_ocr: list[int] = field(default_factory=list)
    """Scanned pages whose text came from OCR."""

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

    def sin_texto(self) -> ArchivoIlegible:
        if self.con_imagenes:
            return ArchivoIlegible(
                "El PDF no tiene texto seleccionable: parece escaneado (solo imágenes) "
                "y el reconocimiento de texto (OCR) no leyó texto en ellas."
            )
        return ArchivoIlegible("El PDF no tiene texto ni imágenes: sus páginas están en blanco.")


def _pagina_de_pdfium(documento: Any, pagina: Any, numero: int) -> Any | None:
    return documento[numero - 1] if para_pdfium(pagina) else None


def _dibujo(pagina: Any, pagina_pdfium: Any | None) -> Dibujo:
    """What the page draws, read by pdfium; by pdfminer where pdfium's text may not be what is drawn."""
    contenido = None if pagina_pdfium is None else dibujo_de_pdfium(pagina, pagina_pdfium.raw)
    return dibujo(pagina) if contenido is None else contenido


def _leer_pagina(
    pagina: Any, numero: int, documento: _Documento, ajustes: AjustesLectura, pagina_pdfium: Any | None = None
) -> None:
    """One page's rows into the document; a scanned page (no text layer, or only someone's hidden OCR text)
    goes through `_dibujo_sin_texto`."""
    contenido: Dibujo | None = _dibujo(pagina, pagina_pdfium)
    if (
        contenido is not None
        and contenido.imagenes > 0
        and (not _con_texto(contenido) or (pagina_pdfium is not None and texto_de_ocr_ajeno(pagina_pdfium)))
    ):
        documento.con_imagenes += 1
        contenido = _dibujo_sin_texto(pagina, numero)
        (documento.por_ocr if _con_texto(contenido) else documento.en_blanco).append(numero)
    if contenido is not None and _con_texto(contenido):
        documento.agregar(_filas(contenido, numero, documento.tablas, ajustes))


def hoja_de_escaneos(escaneos: Iterable[Dibujo], ajustes: AjustesLectura = AjustesLectura()) -> HojaLeida:
    """Scanned pages that came as image files (already read by OCR), joined like the pages of a PDF."""
    documento = _Documento()
    for numero, contenido in enumerate(escaneos, start=1):
        if _con_texto(contenido):
            documento.agregar(_filas(contenido, numero, documento.tablas, ajustes))
            documento.por_ocr.append(numero)
    if not documento.con_texto:
        raise ArchivoIlegible(
            "El reconocimiento de texto (OCR) no leyó texto en la imagen: puede estar en blanco, "
            "muy borrosa o tomada de muy lejos."
        )
    return HojaLeida(documento.filas, paginas_por_ocr=documento.por_ocr)


def leer_pdf(fuente: Fuente, max_paginas: int, ajustes: AjustesLectura = AjustesLectura()) -> list[HojaLeida]:
    """The rows of a PDF as one `HojaLeida`; raises `ArchivoIlegible` when it cannot be read."""
    documento = _Documento()
    with _abierto(fuente) as pdf:
        paginas = _paginas(pdf, max_paginas)
        with _en_pdfium(fuente, len(paginas)) as en_pdfium:
            for numero, pagina in enumerate(paginas, start=1):
                pagina_pdfium = None if en_pdfium is None else _pagina_de_pdfium(en_pdfium, pagina, numero)
                try:
                    _leer_pagina(pagina, numero, documento, ajustes, pagina_pdfium)
                finally:
                    pagina.close()
                    if pagina_pdfium is not None:
                        pagina_pdfium.close()
    if not documento.con_texto:
        raise documento.sin_texto()
    return [HojaLeida(documento.filas, paginas_en_blanco=documento.en_blanco, paginas_por_ocr=documento.por_ocr)]
