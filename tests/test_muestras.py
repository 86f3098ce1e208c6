"""Every sample in `muestras/` gives, field by field, what was written by hand in `muestras/esperado/`.

One test per file and field, so a failure names both: `tamboral_2022.pdf::hallazgos[3].fecha_inicio`.
The expected JSON is the oracle (`muestras/oraculo.py`, values typed by hand); nothing here
decides what is right.
"""

from __future__ import annotations

import contextlib
import functools
from typing import Any

import pytest

from muestras.comparar import RAIZ, Muestra, Ruta, muestras, nombre, rutas, valor
from planmejora.api import extraer_archivo

pytestmark = pytest.mark.lento  # reads every sample, scanned ones through OCR: seconds per file

PALABRA_DEL_ERROR = {
    "muestras/danados/vacio.pdf": "vacío",
    "muestras/danados/protegido.docx": "contraseña",
    "muestras/danados/protegido.xlsx": "contraseña",
    "muestras/danados/protegido.pdf": "contraseña",
}
"""What the message must say for the files whose fault a person can fix once told."""

FALLAS_CONOCIDAS = {
    "reportlab_santa_rosa_2021.pdf::hallazgos[1].meta_indicador": (
        "reportlab corta «Supervisores» en «Supervisor» / «es» sin dibujar espacio al final, igual que partiría "
        "«Supervisor» / «es designados»: «es» suele ir sola y el lector no la pega"
    ),
}
"""Values read wrong on purpose-built samples, each with its cause: they fail until it is fixed (strict)."""


@functools.cache
def extraido(archivo: str) -> list[dict[str, Any]] | BaseException:
    """The JSON of every plan in the file, read once, with the path given relative to the repository."""
    try:
        with contextlib.chdir(RAIZ):
            return [plan.a_json() for plan in extraer_archivo(archivo)]
    except Exception as error:  # the API promises a plan with `error`, never an exception
        return error


def _casos() -> list[Any]:
    casos = []
    for muestra in muestras():
        if muestra.escaneada:  # OCR misreads a letter here and there: tests/extractor/test_ocr.py asks for 90 %
            continue
        corto = muestra.archivo.removeprefix("muestras/")
        for ruta in rutas(muestra.esperado):
            caso = f"{corto}::{nombre(ruta, len(muestra.esperado))}"
            marcas = [pytest.mark.xfail(reason=FALLAS_CONOCIDAS[caso], strict=True)] if caso in FALLAS_CONOCIDAS else []
            casos.append(pytest.param(muestra, ruta, id=caso, marks=marcas))
    return casos


@pytest.mark.parametrize(("muestra", "ruta"), _casos())
def test_campo_igual_al_esperado(muestra: Muestra, ruta: Ruta) -> None:
    obtenido = extraido(muestra.archivo)
    if isinstance(obtenido, BaseException):
        pytest.fail(f"extraer_archivo lanzó {obtenido!r} en vez de devolver el error en el plan")
    esperado, visto = valor(muestra.esperado, ruta), valor(obtenido, ruta)
    if isinstance(esperado, set) and isinstance(visto, set):
        faltan, sobran = sorted(esperado - visto), sorted(visto - esperado)
        assert not faltan and not sobran, f"problemas que faltan: {faltan}; que sobran: {sobran}"
    else:
        assert visto == esperado


@pytest.mark.parametrize("archivo", sorted(PALABRA_DEL_ERROR))
def test_el_error_dice_que_arreglar(archivo: str) -> None:
    obtenido = extraido(archivo)
    assert not isinstance(obtenido, BaseException), obtenido
    assert PALABRA_DEL_ERROR[archivo] in (obtenido[0]["error"] or "").lower()


def test_hay_muestras_de_cada_formato_y_de_archivos_danados() -> None:
    todas = muestras()
    assert {m.tipo for m in todas} >= {"pdf", "docx", "xlsx", "imagen"}
    assert {m.formato for m in todas} >= {
        "pdf",
        "docx",
        "doc",
        "rtf",
        "odt",
        "xlsx",
        "xls",
        "ods",
        "jpg",
        "png",
        "tiff",
    }
    assert len([m for m in todas if not m.archivo.startswith("muestras/danados/")]) >= 12
    assert any(m.esperado[0]["error"] for m in todas)
