"""What a PDF page draws, taken straight from pdfminer's layout: glyphs, ruling lines, and the tables the lines make.

pdfplumber turns every object of a page into a dictionary of all its attributes,
which costs as much as interpreting the page; the reader needs a few numbers per
glyph and the lines. Coordinates are pdfplumber's (points, from the top of the
page), and the tables come from pdfplumber's own algorithm: close lines merged,
crossings, cells, cells that touch grouped into tables.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from pdfminer.layout import LTChar, LTComponent, LTContainer, LTCurve, LTImage, LTRect
from pdfplumber.table import cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

from extractor.ajustes import AjustesTablas

Caracter = dict[str, Any]
Borde = dict[str, Any]
Caja = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Dibujo:
    """A page's glyphs in drawing order (text, box, size, upright) and its horizontal and vertical strokes."""

    caracteres: list[Caracter]
    bordes: list[Borde]
    imagenes: int = 0
    """How many pictures the page shows: a page with pictures and no text is a scan, without either a blank."""


def _objetos(contenedor: Iterable[LTComponent]) -> Iterator[LTComponent]:
    for objeto in contenedor:
        if isinstance(objeto, LTContainer):
            yield from _objetos(objeto)
        else:
            yield objeto


def borde(x0: float, top: float, x1: float, bottom: float) -> Borde:
    """A ruling line as pdfplumber's table finder takes it; OCR draws the lines it sees with it too."""
    return {
        "object_type": "line_edge",
        "orientation": "h" if top == bottom else "v",
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "doctop": top,
        "width": x1 - x0,
        "height": bottom - top,
    }


def dibujo(pagina: Any) -> Dibujo:
    """The glyphs and strokes of a pdfplumber page, within its box."""
    alto = float(pagina.height)
    base_x, base_y = float(pagina.mediabox[0]), float(pagina.mediabox[1])
    izquierda, arriba, derecha, abajo = (float(v) for v in pagina.bbox)
    caracteres: list[Caracter] = []
    bordes: list[Borde] = []
    imagenes = 0
    for objeto in _objetos(pagina.layout):
        if isinstance(objeto, LTChar):
            x0, x1 = objeto.x0 + base_x, objeto.x1 + base_x
            top, bottom = alto - objeto.y1 + base_y, alto - objeto.y0 + base_y
            if x1 > izquierda and x0 < derecha and bottom > arriba and top < abajo:
                caracteres.append(
                    {
                        "text": objeto.get_text(),
                        "x0": x0,
                        "x1": x1,
                        "top": top,
                        "bottom": bottom,
                        "size": objeto.size,
                        "upright": objeto.upright,
                    }
                )
        elif isinstance(objeto, LTRect):
            x0, x1 = objeto.x0 + base_x, objeto.x1 + base_x
            top, bottom = alto - objeto.y1 + base_y, alto - objeto.y0 + base_y
            bordes += [borde(x0, top, x1, top), borde(x0, bottom, x1, bottom)]
            bordes += [borde(x0, top, x0, bottom), borde(x1, top, x1, bottom)]
        elif isinstance(objeto, LTImage):
            imagenes += 1
        elif isinstance(objeto, LTCurve):
            puntos = [(x + base_x, alto - y + base_y) for x, y in objeto.pts]
            for (xa, ya), (xb, yb) in itertools.pairwise(puntos):
                if xa == xb or ya == yb:
                    bordes.append(borde(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)))
    return Dibujo(caracteres, bordes, imagenes)


def _tapas(lineas: list[Borde], ajustes: AjustesTablas) -> list[Borde]:
    """Lines that close a table left open at a page break: a browser draws the last row of a page
    without its bottom line (and the first of the next without its top one), only the column lines.

    Three or more column lines ending at the same height with no line across there get one.
    """
    horizontales = [b for b in lineas if b["orientation"] == "h"]
    verticales = [b for b in lineas if b["orientation"] == "v"]
    tapas = []
    for extremo in ("top", "bottom"):
        grupos: list[list[Borde]] = []
        for vertical in sorted(verticales, key=lambda b: b[extremo]):
            if grupos and vertical[extremo] - grupos[-1][-1][extremo] <= ajustes.cruce:
                grupos[-1].append(vertical)
            else:
                grupos.append([vertical])
        for grupo in grupos:
            if len(grupo) < 3:
                continue
            y = grupo[0][extremo]
            x0, x1 = min(b["x0"] for b in grupo), max(b["x0"] for b in grupo)
            if not any(
                abs(h["top"] - y) <= ajustes.cruce and h["x0"] <= x0 + ajustes.cruce and h["x1"] >= x1 - ajustes.cruce
                for h in horizontales
            ):
                tapas.append(borde(x0, y, x1, y))
    return tapas


def tablas(bordes: list[Borde], ajustes: AjustesTablas = AjustesTablas()) -> list[list[Caja]]:
    """The cells of each table the ruling lines make, as pdfplumber's `find_tables` finds them."""
    lineas = [b for b in bordes if b["width"] + b["height"] >= 1]
    unidas = merge_edges(lineas, ajustes.union, ajustes.union, ajustes.union, ajustes.union)
    largas = [b for b in unidas if b["width"] + b["height"] >= ajustes.largo_minimo]
    largas += _tapas(largas, ajustes)
    cruces = edges_to_intersections(largas, ajustes.cruce, ajustes.cruce)
    return [list(celdas) for celdas in cells_to_tables(intersections_to_cells(cruces))]
