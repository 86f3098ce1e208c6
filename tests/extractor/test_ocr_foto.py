"""Phone photos of a page: flattened to a rectangle and evenly lit before anything is read.

The photo is made from a page drawn as in `test_ocr` by the same function that makes the
photographed sample (`muestras/escanear.fotografiar`): a slanted view on a dark desk, a lamp on one side.
"""

from __future__ import annotations

import random

import numpy as np
import pytest
from PIL import Image

from extractor.ocr import CONFIANZA_DE_FOTO_TORCIDA, dibujo_de_imagen
from extractor.ocr_foto import aplanar, es_foto
from extractor.ocr_imagen import angulo_inclinacion, enderezar, lineas_de_regla, tinta
from muestras.escanear import fotografiar
from tests.extractor.test_ocr import DPI, formulario


def foto() -> Image.Image:
    return fotografiar(formulario().imagen, random.Random(3))


def test_un_escaneo_no_es_una_foto_y_queda_como_llego() -> None:
    escaneo = np.asarray(formulario().escaneada(1.0))
    assert not es_foto(escaneo)
    assert aplanar(escaneo).gris is escaneo


def test_una_foto_se_aplana_y_su_tabla_vuelve_a_tener_sus_reglas_rectas() -> None:
    fotografiada = np.asarray(foto())
    assert es_foto(fotografiada)
    aplanada = aplanar(fotografiada)
    assert aplanada.foto and aplanada.enderezada
    derecha = enderezar(Image.fromarray(aplanada.gris), 0.0)
    gris = np.asarray(enderezar(derecha, angulo_inclinacion(tinta(np.asarray(derecha)))))
    segmentos, _ = lineas_de_regla(tinta(gris), DPI)
    assert sum(s.horizontal for s in segmentos) == 4 and sum(not s.horizontal for s in segmentos) == 5
    papel = gris[gris > 128]
    assert np.percentile(papel, 5) > 200  # the lamp's shadow is gone: paper is light everywhere


def test_una_foto_sin_borde_de_pagina_se_lee_tal_como_esta() -> None:
    """The sheet fills the picture (no desk shows): only the light is evened, the outline is not looked for."""
    pagina = np.asarray(foto())
    alto, ancho = pagina.shape
    recorte = np.ascontiguousarray(pagina[alto // 8 : -alto // 8, ancho // 8 : -ancho // 8])
    aplanada = aplanar(recorte)
    assert aplanada.foto and not aplanada.enderezada
    assert aplanada.gris.shape == recorte.shape


@pytest.mark.lento
@pytest.mark.usefixtures("con_tesseract")
def test_lo_leido_de_una_foto_que_no_se_pudo_enderezar_queda_en_duda() -> None:
    pagina = np.asarray(foto())
    alto, ancho = pagina.shape
    recorte = Image.fromarray(np.ascontiguousarray(pagina[alto // 10 : -alto // 10, ancho // 10 : -ancho // 10]))
    contenido = dibujo_de_imagen(recorte, 1)
    letras = [c for c in contenido.caracteres if not c["text"].isspace()]
    assert letras and all(c["confianza"] <= CONFIANZA_DE_FOTO_TORCIDA for c in letras)
