"""Image files (a photo or a scan of the form: .jpg, .png, .tif, multi-page TIFF) read as scanned pages.

Each image, or each page of a TIFF, goes through the same OCR as a scanned PDF page
(`extractor.ocr`) and the pages are joined as a PDF's are; `origen.pagina` is the page of
the TIFF (1 for a single image). Pillow's own guard refuses an image whose pixel count is a
decompression bomb, and no page is read at more than the OCR's resolution.
"""

from __future__ import annotations

from collections.abc import Iterator

from PIL import Image, ImageOps, ImageSequence, UnidentifiedImageError

from extractor.ajustes import AjustesLectura
from extractor.errores import ArchivoIlegible
from extractor.modelo import Fuente, HojaLeida
from extractor.ocr import DPI, dibujo_de_imagen
from extractor.pdf import hoja_de_escaneos
from extractor.pdf_objetos import Dibujo

LADO_LARGO_PULGADAS = 11.0
"""An image that does not say its resolution is taken for a letter page (11 in on its long side), the
paper of Colombian offices: a phone photo of a page is then read at the size of the page it shows."""
DPI_CREIBLE = (100, 1200)
"""A resolution an image declares outside this range is a default of the program that wrote it, not a scan's."""


def leer_imagen(fuente: Fuente, max_paginas: int, ajustes: AjustesLectura = AjustesLectura()) -> list[HojaLeida]:
    """The image's pages read by OCR, as one `HojaLeida`; raises `ArchivoIlegible` when it cannot be read."""
    try:
        with Image.open(fuente) as imagen:
            paginas = getattr(imagen, "n_frames", 1)
            if paginas > max_paginas:
                raise ArchivoIlegible(
                    f"La imagen tiene {paginas} páginas y el límite es {max_paginas}: no se leyó. "
                    "Revise que sea el archivo correcto o divídalo."
                )
            return [hoja_de_escaneos(_escaneos(imagen), ajustes)]
    except Image.DecompressionBombError as error:
        raise ArchivoIlegible(
            "La imagen declara tantos píxeles que abrirla agotaría la memoria: no se abrió por seguridad."
        ) from error
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
        raise ArchivoIlegible(
            "La imagen está dañada o incompleta: no se puede abrir. Vuelva a escanearla o a copiarla."
        ) from error


def _escaneos(imagen: Image.Image) -> Iterator[Dibujo]:
    for numero, pagina in enumerate(ImageSequence.Iterator(imagen), start=1):
        derecha = ImageOps.exif_transpose(pagina.convert("RGB"))
        dpi = _resolucion(pagina, derecha)
        if dpi > DPI:
            escala = DPI / dpi
            derecha = derecha.resize((round(derecha.width * escala), round(derecha.height * escala)))
            dpi = DPI
        yield dibujo_de_imagen(derecha, numero, dpi)


def _resolucion(original: Image.Image, derecha: Image.Image) -> float:
    """The dots per inch the image declares when they are credible, else as if it showed a letter page."""
    declarada = original.info.get("dpi")
    if isinstance(declarada, tuple) and declarada and DPI_CREIBLE[0] <= float(declarada[0]) <= DPI_CREIBLE[1]:
        return float(declarada[0])
    return max(derecha.width, derecha.height) / LADO_LARGO_PULGADAS
