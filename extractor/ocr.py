"""Scanned pages: a page with no text layer is read with Tesseract (Spanish) and then like any PDF page.

The page is rendered, flattened and evenly lit when it is a phone's photo (`ocr_foto`),
turned upright when it was fed sideways or upside down (`ocr_orientacion`), straightened,
its ruling lines found (they make the table's
cells, as the strokes of a drawn PDF do) and cleared, so Tesseract sees only the
writing. The words become glyphs (`ocr_dibujo`) and the PDF reader takes it from
there. Only `Celda.confianza` says the text came from OCR; normalization turns a
low one into an `ocr_baja_confianza` problem.
"""

from __future__ import annotations

import dataclasses
import shutil
from functools import cache
from typing import Any

import numpy as np
import pytesseract
from PIL import Image

from extractor import ocr_tesseract as tesseract
from extractor.errores import ArchivoIlegible
from extractor.ocr_dibujo import Dudosa, Escala, Palabra, bordes, celdas, celdas_dudosas, dibujo
from extractor.ocr_imagen import angulo_inclinacion, casi_en_blanco, enderezar, engordar, lineas_de_regla, tinta
from extractor.ocr_orientacion import girar, giro
from extractor.ocr_texto import corregir
from extractor.pdf_objetos import Dibujo

IDIOMA = "spa"
DPI = 300
"""Office scanners give 200 to 300 dpi; at 300 the small print of a table is legible to Tesseract."""
MAX_PIXELES = 40_000_000
"""A page larger than about A2 is rendered below 300 dpi, so the memory one page takes stays bounded."""
SEGUNDOS_POR_PAGINA = 120
INSTALAR = "apt-get install tesseract-ocr tesseract-ocr-spa"
CONFIANZA_SEGUNDA_MIRADA = 0.8
"""A short cell whose every word is less sure than this is read again on its own."""
MEJORA_SEGUNDA_MIRADA = 0.1
"""The second reading replaces the first only when clearly mas_segura: Tesseract is also sure of some wrong letters."""
CONFIANZA_DE_FOTO_TORCIDA = 0.4
"""Below normalization's threshold (0.5): every value of a photo that could not be straightened is flagged."""
DPI_SEGUNDA_MIRADA = (300, 900)
"""Cells are read again at each of these resolutions and the surest reading wins: Tesseract reads a lone
letter (`X`, `C`) better when it is large, and may take a large lone digit (`4`) for a letter."""


class SinOcr(ArchivoIlegible):
    """The page needs OCR and this machine has no Tesseract with Spanish."""


@cache
def _falta_tesseract() -> str | None:
    """Why OCR cannot run here, or None when Tesseract and its Spanish data are installed."""
    if shutil.which(pytesseract.pytesseract.tesseract_cmd) is None:
        return "no está instalado Tesseract OCR"
    try:
        idiomas = pytesseract.get_languages(config="")
    except (pytesseract.TesseractNotFoundError, pytesseract.TesseractError, OSError):
        return "no está instalado Tesseract OCR"
    if IDIOMA not in idiomas:
        return "Tesseract OCR no tiene instalado el idioma español"
    return None


def revisar_tesseract(pagina: int) -> None:
    """Raise a Spanish message saying what to install when OCR is needed and cannot run."""
    falta = _falta_tesseract()
    if falta is not None:
        raise SinOcr(
            f"La página {pagina} es una imagen escaneada (no tiene texto) y para leerla hace falta OCR, "
            f"pero en este equipo {falta}. Instálelo con «{INSTALAR}» y vuelva a procesar el archivo."
        )


def _palabras(imagen: Image.Image, pagina: int, modo: int = 3) -> list[Palabra]:
    """Recognized words with their boxes.

    `modo` is Tesseract's page segmentation mode: 3 finds the layout of a page, 6 reads one block.
    """
    try:
        datos = tesseract.datos(imagen, IDIOMA, f"--psm {modo}", timeout=SEGUNDOS_POR_PAGINA)
    except pytesseract.TesseractNotFoundError as error:
        _falta_tesseract.cache_clear()
        revisar_tesseract(pagina)
        raise SinOcr(f"La página {pagina} necesita OCR y Tesseract no se pudo ejecutar.") from error
    except RuntimeError as error:  # pytesseract's timeout
        raise ArchivoIlegible(
            f"La página {pagina} es una imagen escaneada y el OCR tardó más de {SEGUNDOS_POR_PAGINA} segundos: "
            "no se pudo leer."
        ) from error
    except pytesseract.TesseractError as error:
        raise ArchivoIlegible(f"El OCR no pudo leer la página {pagina} escaneada: {error.message}.") from error
    palabras: list[Palabra] = []
    for texto, confianza, x, y, ancho, alto in zip(
        datos["text"], datos["conf"], datos["left"], datos["top"], datos["width"], datos["height"], strict=True
    ):
        limpio = corregir(str(texto).strip())
        if not limpio or float(confianza) < 0:
            continue
        x0, y0 = int(x), int(y)
        palabras.append(Palabra(limpio, x0, y0, x0 + int(ancho), y0 + int(alto), float(confianza) / 100))
    return palabras


def _seguridad(palabras: list[Palabra]) -> float:
    return min((p.confianza for p in palabras), default=-1.0)


def _segunda_mirada(limpia: Image.Image, dudosas: list[Dudosa], pagina: int, dpi: float) -> list[Palabra]:
    """Read again the cells the page pass left empty or unsure, all in one Tesseract call.

    The pieces are stacked one under another on a blank sheet, enlarged and read as one
    block; each word goes back where it came from. A cell keeps the reading it is mas_segura of.
    """
    if not dudosas:
        return []
    separacion = round(dpi / 6)
    recortes = [limpia.crop(d.caja) for d in dudosas]
    hoja = Image.new(
        "L",
        (max(r.width for r in recortes) + 2 * separacion, sum(r.height + separacion for r in recortes) + separacion),
        255,
    )
    arribas: list[int] = []
    y = separacion
    for recorte in recortes:
        hoja.paste(recorte, (separacion, y))
        arribas.append(y)
        y += recorte.height + separacion
    lecturas: list[list[list[Palabra]]] = []
    for dpi_lectura in DPI_SEGUNDA_MIRADA:
        escala = max(1, round(dpi_lectura / dpi))
        grande = hoja.resize((hoja.width * escala, hoja.height * escala), Image.Resampling.LANCZOS)
        nuevas: list[list[Palabra]] = [[] for _ in dudosas]
        for leida in _palabras(grande, pagina, modo=6):
            palabra = leida.movida(0, 0, 1 / escala)
            centro = palabra.centro[1]
            for k, (arriba, recorte) in enumerate(zip(arribas, recortes, strict=True)):
                if arriba - separacion / 2 <= centro < arriba + recorte.height + separacion / 2:
                    x0, y0, _, _ = dudosas[k].caja
                    nuevas[k].append(palabra.movida(x0 - separacion, y0 - arriba))
                    break
        lecturas.append(nuevas)
    elegidas: list[Palabra] = []
    for k, dudosa in enumerate(dudosas):
        mejor = max((lectura[k] for lectura in lecturas), key=_seguridad)
        mas_segura = mejor and _seguridad(mejor) > _seguridad(dudosa.palabras) + MEJORA_SEGUNDA_MIRADA
        elegidas.extend(mejor if mas_segura else dudosa.palabras)
    return elegidas


def _de_pie(imagen: Image.Image, dpi: float) -> tuple[Image.Image, bool] | None:
    """The page ready to read: a photo flattened and evenly lit, turned upright, its tilt straightened;
    and whether it could be straightened (a photo whose outline was not found could not). None: blank."""
    from extractor.ocr_foto import aplanar  # OpenCV takes hundreds of MB of address space: only scans load it

    aplanada = aplanar(np.asarray(imagen.convert("L")))
    if casi_en_blanco(aplanada.gris):
        return None
    gris = Image.fromarray(aplanada.gris)
    gris = girar(gris, giro(gris, dpi, IDIOMA))
    return enderezar(gris, angulo_inclinacion(tinta(np.asarray(gris)))), aplanada.enderezada


def _en_duda(palabras: list[Palabra]) -> list[Palabra]:
    """Words of a photo that could not be straightened: none is sure enough to pass unchecked."""
    return [dataclasses.replace(p, confianza=min(p.confianza, CONFIANZA_DE_FOTO_TORCIDA)) for p in palabras]


def dibujo_de_imagen(
    imagen: Image.Image, numero: int, dpi: float = DPI, origen: tuple[float, float] = (0.0, 0.0)
) -> Dibujo:
    """Scanned page `numero` as the PDF reader's glyphs and strokes; `imagen` is rendered at `dpi`
    and its top-left corner is at `origen` (points) on the page. A blank page draws nothing."""
    revisar_tesseract(numero)
    lista = _de_pie(imagen, dpi)
    if lista is None:
        return Dibujo([], [])
    derecha, enderezada = lista
    pixeles = np.asarray(derecha)
    mascara = tinta(pixeles)
    segmentos, reglas = lineas_de_regla(mascara, dpi)
    escala = Escala(72 / dpi, *origen)
    bordes_pagina = bordes(segmentos, escala)
    bajo_reglas = engordar(reglas, 2)
    limpia = Image.fromarray(np.where(bajo_reglas, np.uint8(255), pixeles))
    palabras = _palabras(limpia, numero)
    escritura = mascara & ~bajo_reglas
    dudosas = celdas_dudosas(palabras, celdas(bordes_pagina), escritura, escala, CONFIANZA_SEGUNDA_MIRADA)
    revisadas = {id(p) for d in dudosas for p in d.palabras}
    palabras = [p for p in palabras if id(p) not in revisadas] + _segunda_mirada(limpia, dudosas, numero, dpi)
    return dibujo(palabras if enderezada else _en_duda(palabras), bordes_pagina, escala)


def dibujo_escaneado(pagina: Any, numero: int) -> Dibujo | None:
    """A pdfplumber page without text, read by OCR; None when it holds no image either (a blank page)."""
    if not pagina.images:
        return None
    revisar_tesseract(numero)
    x0, top, x1, bottom = (float(v) for v in pagina.bbox)
    pulgadas_cuadradas = max(1.0, (x1 - x0) * (bottom - top) / 72**2)
    dpi = min(DPI, (MAX_PIXELES / pulgadas_cuadradas) ** 0.5)
    imagen = pagina.to_image(resolution=dpi).original
    return dibujo_de_imagen(imagen, numero, dpi, (x0, top))
