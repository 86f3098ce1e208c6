"""Image files are scanned pages: read by OCR (measured on the samples in test_ocr.py), refused with a reason
when damaged, too many pages or too many pixels."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

import extractor.ocr
from extractor.lector import leer
from extractor.limites import Limites
from extractor.ocr import INSTALAR

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


@pytest.fixture(autouse=True)
def revisar_de_nuevo() -> Iterator[None]:
    extractor.ocr._falta_tesseract.cache_clear()
    yield
    extractor.ocr._falta_tesseract.cache_clear()


def test_una_imagen_cortada_dice_que_esta_danada(tmp_path: Path) -> None:
    cortada = tmp_path / "foto.jpg"
    datos = (MUESTRAS / "foto_calica_2021.jpg").read_bytes()
    cortada.write_bytes(datos[:200])
    documento = leer(cortada)
    assert (documento.tipo, documento.formato) == ("imagen", "jpg")
    assert documento.error is not None and "imagen está dañada" in documento.error


def test_un_tiff_con_mas_paginas_que_el_limite_no_se_lee(tmp_path: Path) -> None:
    tiff = tmp_path / "archivo.tif"
    paginas = [Image.new("L", (40, 40), 255) for _ in range(4)]
    paginas[0].save(tiff, save_all=True, append_images=paginas[1:])
    documento = leer(tiff, Limites(max_paginas=3))
    assert documento.error is not None and "4 páginas" in documento.error and "límite es 3" in documento.error


def test_una_imagen_de_demasiados_pixeles_no_se_abre(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    png = tmp_path / "plano.png"
    Image.new("L", (1000, 1000), 255).save(png)
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 100_000)
    documento = leer(png)
    assert documento.error is not None and "píxeles" in documento.error


def test_sin_tesseract_una_foto_dice_que_instalar(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(extractor.ocr.shutil, "which", lambda _: None)
    documento = leer(MUESTRAS / "escaneado_calica_2021.png")
    assert documento.error is not None and INSTALAR in documento.error
    assert documento.tipo == "imagen"
