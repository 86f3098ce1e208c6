"""How a page goes to Tesseract: as raw gray pixels in a file, read by one thread.

pytesseract hands Tesseract a file whatever it is given; given a Pillow image it writes a PNG,
and compressing a 300 dpi page costs a quarter of a second each time (four times a page, with
orientation and second looks), and Tesseract then spends more decoding it. An uncompressed PGM
is written and read in milliseconds, and has no resolution in it, as the PNG had none: Tesseract
estimates it from the text the same way, so it reads the same words.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytesseract
from PIL import Image

HILOS = "1"
"""Tesseract threads per call: files are read in parallel already, and its threads would only compete."""


@contextmanager
def _archivo_pgm(imagen: Image.Image) -> Iterator[str]:
    gris = imagen if imagen.mode == "L" else imagen.convert("L")
    with tempfile.NamedTemporaryFile(prefix="planmejora-ocr-", suffix=".pgm") as archivo:
        gris.save(archivo, format="PPM")
        archivo.flush()
        yield archivo.name


def _un_hilo() -> None:
    """pytesseract starts Tesseract with this process's environment, so the limit is set there."""
    os.environ.setdefault("OMP_THREAD_LIMIT", HILOS)


def datos(imagen: Image.Image, idioma: str, config: str, timeout: float = 0) -> dict[str, list[Any]]:
    """Tesseract's words with their boxes and confidence (pytesseract's `image_to_data` as a dict)."""
    _un_hilo()
    with _archivo_pgm(imagen) as ruta:
        resultado: dict[str, list[Any]] = pytesseract.image_to_data(
            ruta, lang=idioma, config=config, output_type=pytesseract.Output.DICT, timeout=timeout
        )
    return resultado


def orientacion(imagen: Image.Image, config: str, timeout: float = 0) -> dict[str, Any]:
    """Tesseract's orientation and script detection (pytesseract's `image_to_osd` as a dict)."""
    _un_hilo()
    with _archivo_pgm(imagen) as ruta:
        resultado: dict[str, Any] = pytesseract.image_to_osd(
            ruta, config=config, output_type=pytesseract.Output.DICT, timeout=timeout
        )
    return resultado
