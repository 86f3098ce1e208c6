"""Which way up a scanned page is: a page fed sideways or upside down is turned before it is read.

Tesseract's orientation detection (OSD) answers for a page with enough text. On a sparse page
it is unsure, and then the lines of ink tell sideways from upright (rows of text make the row
profile of the ink sharp), and OCR confidence tells upright from upside down.
"""

from __future__ import annotations

import numpy as np
import pytesseract
from numpy.typing import NDArray
from PIL import Image

from extractor import ocr_tesseract as tesseract
from extractor.ocr_imagen import lineas_de_regla, tinta

CONFIANZA_OSD = 2.0
"""Tesseract's orientation confidence above which its answer is taken; below, a sparse page may fool it."""
ANCHO_MUESTRA = 600
"""Width (pixels) of the copy whose ink profiles are compared: rows of text stay distinct at this size."""
SEGUNDOS_OSD = 30
"""Orientation detection takes a second or two; past this it has no answer."""
LADO_PARA_LEER = 1500
"""A page wider than this is read at half size to compare two turns: a quarter of the pixels, and upside-down
text reads poorly at any size."""
PALABRA_MINIMA = 3
"""Words shorter than this are left out of the confidence check: specks read upside down look like `l` or `.`."""


def _osd(imagen: Image.Image) -> tuple[int, float] | None:
    """Tesseract's answer: degrees to turn the page clockwise, and how sure it is; None when it has none."""
    try:
        datos = tesseract.orientacion(imagen, "--psm 0 -c min_characters_to_try=10", timeout=SEGUNDOS_OSD)
    except (pytesseract.TesseractError, RuntimeError):  # too few characters to tell, or pytesseract's timeout
        return None
    return int(datos["rotate"]), float(datos["orientation_conf"])


def _contraste(perfil: NDArray[np.float64]) -> float:
    """How sharply a profile of ink rises and falls, for its amount of ink: high across lines of text."""
    total = float(perfil.sum())
    return float(np.sum(np.diff(perfil) ** 2)) / total**2 * perfil.size if total else 0.0


def de_lado(mascara: NDArray[np.bool_]) -> bool:
    """The lines of text run up and down the page: its columns of ink stand out more than its rows."""
    imagen = Image.fromarray(mascara.astype(np.uint8) * 255)
    factor = min(1.0, ANCHO_MUESTRA / max(imagen.size))
    chica = imagen.resize((max(1, round(imagen.width * factor)), max(1, round(imagen.height * factor))))
    tinta = np.asarray(chica, dtype=np.float64)
    return _contraste(tinta.sum(axis=0)) > _contraste(tinta.sum(axis=1))


def _seguridad_de_lectura(imagen: Image.Image, idioma: str) -> float:
    """How much text Tesseract reads surely on the page as it stands: the sum of its words' confidence."""
    datos = tesseract.datos(imagen, idioma, "--psm 3")
    return sum(
        float(c) for t, c in zip(datos["text"], datos["conf"], strict=True) if len(str(t).strip()) >= PALABRA_MINIMA
    )


def giro(gris: Image.Image, dpi: float, idioma: str) -> int:
    """Degrees (0, 90, 180 or 270, counter-clockwise) that turn the page upright.

    The ruling lines are left out of the ink profiles: a table's column rules would pass for lines of text.
    """
    osd = _osd(gris)
    if osd is not None and osd[1] >= CONFIANZA_OSD:
        return (360 - osd[0]) % 360
    mascara = tinta(np.asarray(gris))
    _, reglas = lineas_de_regla(mascara, dpi)
    candidatos = (90, 270) if de_lado(mascara & ~reglas) else (0, 180)
    chica = gris.reduce(2) if min(gris.size) > LADO_PARA_LEER else gris
    return max(candidatos, key=lambda g: _seguridad_de_lectura(girar(chica, g), idioma))


_VUELTAS = {90: Image.Transpose.ROTATE_90, 180: Image.Transpose.ROTATE_180, 270: Image.Transpose.ROTATE_270}


def girar(gris: Image.Image, grados: int) -> Image.Image:
    """The page turned by `grados` counter-clockwise, whole (its width and height swap for a quarter turn)."""
    return gris.transpose(_VUELTAS[grados]) if grados in _VUELTAS else gris
