"""A "searchable" scan: a page that shows a scanned image, with the text of someone's OCR hidden in it.

Scanner software and `tesseract … pdf` lay the words they recognized over the image in
invisible ink (text render mode 3), or under the image. That text has no table (no ruling
lines), comes in OCR's reading order and carries its mistakes (`GEM-FMO14`), so such a page
is read from its image like any scan. pdfminer does not tell the render mode; pdfium, which
pdfplumber already uses to render pages, does.
"""

from __future__ import annotations

from typing import Any

import pypdfium2.raw as pdfium_c

CUBRE_LA_PAGINA = 0.85
"""An image over this share of the page is the page itself: a scan, not a logo or a signature."""


def _area(objeto: Any) -> float:
    izquierda, abajo, derecha, arriba = objeto.get_bounds()
    return float(max(0.0, derecha - izquierda) * max(0.0, arriba - abajo))


def _oculto_bajo_la_imagen(pagina: Any) -> bool:
    """The page is covered by an image, and every text is invisible or drawn before that image (under it)."""
    ancho, alto = pagina.get_size()
    imagen_encima = False
    for objeto in pagina.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_TEXT)):
        if objeto.type == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            imagen_encima = imagen_encima or _area(objeto) >= CUBRE_LA_PAGINA * ancho * alto
        elif imagen_encima and pdfium_c.FPDFTextObj_GetTextRenderMode(objeto.raw) != (
            pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE
        ):
            return False
    return imagen_encima or _todo_invisible(pagina)


def _todo_invisible(pagina: Any) -> bool:
    textos = list(pagina.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_TEXT,)))
    return bool(textos) and all(
        pdfium_c.FPDFTextObj_GetTextRenderMode(t.raw) == pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE for t in textos
    )


def texto_de_ocr_ajeno(pagina_pdfium: Any) -> bool:
    """The page (opened by pdfium) shows a scan whose only text is an OCR layer hidden over or under it."""
    return _oculto_bajo_la_imagen(pagina_pdfium)
