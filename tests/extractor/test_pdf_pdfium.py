"""pdfium reads what a page draws as pdfminer does, or says it cannot and pdfminer reads the page.

The reader's heuristics were tuned on pdfminer's geometry: the glyphs pdfium gives must be the same
ones, in the same order, with the same boxes. The fixtures come from `datos/generar_pdf.py` and
`datos/variaciones/generar.py` (LibreOffice, Chromium, reportlab).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
import pytest

from extractor.pdf_objetos import Dibujo, dibujo, tablas
from extractor.pdf_pdfium import dibujo_de_pdfium

DATOS = Path(__file__).parent / "datos"
MUESTRAS = Path(__file__).parents[2] / "muestras"


@contextmanager
def paginas(ruta: Path) -> Iterator[list[tuple[Any, Any]]]:
    """Each page opened by pdfplumber and by pdfium."""
    documento = pdfium.PdfDocument(ruta)
    try:
        with pdfplumber.open(ruta) as pdf:
            yield [(pagina, documento[n]) for n, pagina in enumerate(pdf.pages)]
    finally:
        documento.close()


def iguales(viejo: Dibujo, nuevo: Dibujo) -> None:
    """The same drawing; a no-break space drawn as a text of its own is known to pdfium only as a blank."""
    assert [c["text"] for c in nuevo.caracteres] == [c["text"].replace("\xa0", " ") for c in viejo.caracteres]
    for a, b in zip(viejo.caracteres, nuevo.caracteres, strict=True):
        assert b["upright"] == a["upright"]
        assert b["x0"] == pytest.approx(a["x0"], abs=0.01), a
        assert b["x1"] == pytest.approx(a["x1"], abs=0.01), a
        assert b["top"] == pytest.approx(a["top"], abs=0.01), a
        assert b["bottom"] == pytest.approx(a["bottom"], abs=0.01), a
        assert b["size"] == pytest.approx(a["size"], abs=0.01), a
    assert nuevo.imagenes == viejo.imagenes
    celdas_viejas = sorted(c for t in tablas(viejo.bordes) for c in t)
    celdas_nuevas = sorted(c for t in tablas(nuevo.bordes) for c in t)
    assert len(celdas_nuevas) == len(celdas_viejas)
    for a, b in zip(celdas_viejas, celdas_nuevas, strict=True):
        assert b == pytest.approx(a, abs=0.01)


@pytest.mark.parametrize(
    "ruta",
    [
        DATOS / "reglada.pdf",
        DATOS / "desborde_calc.pdf",
        DATOS / "desborde_intercalado.pdf",
        DATOS / "girada.pdf",
        DATOS / "sin_lineas.pdf",
        DATOS / "solo_horizontales.pdf",
        DATOS / "por_renglones.pdf",
        DATOS / "variaciones" / "v16.pdf",
        DATOS / "variaciones" / "v44.pdf",
        MUESTRAS / "calica_2021.pdf",
        MUESTRAS / "reportlab_calica_2021.pdf",
        MUESTRAS / "navegador_calica_2021.pdf",
        DATOS / "navegador.pdf",
    ],
    ids=lambda ruta: ruta.name,
)
def test_pdfium_da_las_letras_y_las_lineas_de_pdfminer(ruta: Path) -> None:
    """LibreOffice (a quarter-turned page, hyphens ending lines, text clipped by cells), reportlab and
    Chromium (each glyph a text of its own; pdfium skips those of spaces, which have no width)."""
    with paginas(ruta) as todas:
        for pagina, pagina_pdfium in todas:
            nuevo = dibujo_de_pdfium(pagina, pagina_pdfium.raw)
            assert nuevo is not None
            iguales(dibujo(pagina), nuevo)


@pytest.mark.parametrize(
    ("ruta", "porque"),
    [
        (DATOS / "encabezado_y_firmas.pdf", "pdfium splits the ligature ﬁ in two letters at one place"),
        (MUESTRAS / "escaneado_buscable_tamboral_2022.pdf", "pdfium keeps one of two spaces in a row"),
    ],
)
def test_donde_pdfium_cambia_el_texto_lee_pdfminer(ruta: Path, porque: str) -> None:
    with paginas(ruta) as todas:
        pagina, pagina_pdfium = todas[0]
        assert dibujo_de_pdfium(pagina, pagina_pdfium.raw) is None, porque
