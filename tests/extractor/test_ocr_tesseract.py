"""Tesseract gets the page as raw gray pixels, reads what a PNG of the same page would give, on one thread."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytesseract
import pytest
from PIL import Image, ImageDraw, ImageFont

from extractor import ocr_tesseract

pytestmark = pytest.mark.usefixtures("con_tesseract")


def _pagina() -> Image.Image:
    """A short line of print at 300 dpi, as a scan of the form would show it."""
    imagen = Image.new("L", (1400, 300), 255)
    ImageDraw.Draw(imagen).text((60, 100), "Conciliaciones bancarias 2021", fill=0, font=ImageFont.load_default(60))
    return imagen


def test_las_palabras_son_las_mismas_que_desde_un_png(tmp_path: Path) -> None:
    imagen = _pagina()
    png = tmp_path / "pagina.png"
    imagen.save(png)
    desde_png = pytesseract.image_to_data(str(png), lang="spa", output_type=pytesseract.Output.DICT)

    datos = ocr_tesseract.datos(imagen, "spa", "--psm 3")

    assert [t for t in datos["text"] if t.strip()] == ["Conciliaciones", "bancarias", "2021"]
    assert datos == desde_png


def test_una_imagen_en_color_se_lee_en_gris() -> None:
    datos = ocr_tesseract.datos(_pagina().convert("RGB"), "spa", "--psm 6")

    assert [t for t in datos["text"] if t.strip()] == ["Conciliaciones", "bancarias", "2021"]


def test_la_orientacion_tambien_corre_con_un_solo_hilo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OMP_THREAD_LIMIT", raising=False)

    with contextlib.suppress(pytesseract.TesseractError):  # one line may be too little text to tell which way is up
        ocr_tesseract.orientacion(_pagina(), "--psm 0")

    assert os.environ["OMP_THREAD_LIMIT"] == "1"
