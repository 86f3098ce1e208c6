"""PDFs from a browser's print and from reportlab: they draw no space where they wrap a line between words.

LibreOffice and Word draw one, so there a missing space tells a word cut by a narrow cell. A page
that never ends a line with a space says nothing by it: the lines of a cell are joined with their
space unless the geometry shows a word longer than the line, cut where the line ran out.
The sample PDFs are made by `muestras/otros_productores.py`; their fields are all checked in
`tests/test_muestras.py`, here only what this rule is about.
"""

from __future__ import annotations

import pytest

from extractor.lector import leer
from extractor.pdf_texto import Tramo, texto_de
from muestras.comparar import RAIZ

CELDA = (100.0, 140.0)
"""A cell 40 points wide with 5 points of padding: its lines may reach x = 135."""


def _renglon(texto: str, x1: float, top: float) -> Tramo:
    """One line of 8-point text starting at x = 105, on a page that draws no space at line ends."""
    return Tramo(texto, 105.0, x1, top, top + 8.0, x1, espacio_final=False, espacios_al_final=False)


@pytest.mark.parametrize(
    ("renglones", "esperado"),
    [
        pytest.param(
            [_renglon("Universitario", 134.5, 0), _renglon("de Contratación", 134.0, 9)],
            "Universitario\nde Contratación",
            id="una palabra que llena el renglón y una de enlace: dos palabras",
        ),
        pytest.param(
            [_renglon("Secretaría", 131.0, 0), _renglon("de Hacienda", 130.0, 9)],
            "Secretaría\nde Hacienda",
            id="sin espacio dibujado pero con sitio para él: no dice nada en esta página",
        ),
        pytest.param(
            [_renglon("% Cumplimi", 134.5, 0), _renglon("ento al Plan", 132.0, 9)],
            "% Cumplimiento al Plan",
            id="palabra más larga que el renglón, cortada donde se acabó (reportlab)",
        ),
        pytest.param(
            [_renglon("Se encontró un", 134.0, 0), _renglon("acta de inicio", 134.0, 9)],
            "Se encontró un\nacta de inicio",
            id="palabras cortas que juntas caben en un renglón: nadie las corta",
        ),
        pytest.param(
            [_renglon("publicados", 134.5, 0), _renglon("a tiempo", 120.0, 9)],
            "publicados\na tiempo",
            id="una palabra corta que suele ir sola no se pega",
        ),
        pytest.param(
            [_renglon("MARÍA PÉREZ", 134.0, 0), _renglon("Tesorera", 125.0, 9)],
            "MARÍA PÉREZ\nTesorera",
            id="después de mayúsculas, una palabra que no va en mayúsculas es otra",
        ),
    ],
)
def test_sin_espacio_al_final_del_renglon_la_union_la_decide_la_geometria(
    renglones: list[Tramo], esperado: str
) -> None:
    assert texto_de(renglones, CELDA) == esperado


@pytest.mark.parametrize("productor", ["navegador", "reportlab"])
def test_el_cargo_partido_en_renglones_conserva_sus_espacios(productor: str) -> None:
    documento = leer(RAIZ / "muestras" / f"{productor}_santa_rosa_2021.pdf")
    (plan,) = documento.planes
    cargos = {" ".join((f.celdas["cargo_responsable"].texto or "").split()) for f in plan.filas}
    assert "Profesional Universitario de Contratación" in cargos
