"""A scanned page as the PDF reader sees a drawn one: ruling strokes, and glyphs in drawing order.

Once the words Tesseract recognized are glyphs and the rules found in the image are
strokes, the page goes through the same steps as any PDF page (`pdf_texto`,
`pdf_objetos.tablas`, `pdf_pagina`): the same tables, merged cells, rows and
page-header handling, whatever produced the page.
A PDF producer draws a table cell by cell; here the words are given in that order
too (cell by cell, line by line), so the lines of one cell stay one block.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from extractor.ocr_imagen import Mascara, Segmento
from extractor.pdf_objetos import Borde, Caja, Caracter, Dibujo, tablas

ESPACIO_MAXIMO = 0.6
"""A gap wider than this share of the line's height is layout (a tab, two columns), not a space."""


@dataclass(frozen=True, slots=True)
class Palabra:
    """One word Tesseract recognized: its text, its box in pixels and its confidence (0 to 1)."""

    texto: str
    x0: int
    y0: int
    x1: int
    y1: int
    confianza: float

    @property
    def centro(self) -> tuple[float, float]:
        return (self.x0 + self.x1) / 2, (self.y0 + self.y1) / 2

    def movida(self, dx: int, dy: int, escala: float = 1.0) -> Palabra:
        """The same word with its box scaled by `escala` and then moved by (dx, dy) pixels."""
        return Palabra(
            self.texto,
            round(self.x0 * escala) + dx,
            round(self.y0 * escala) + dy,
            round(self.x1 * escala) + dx,
            round(self.y1 * escala) + dy,
            self.confianza,
        )


@dataclass(frozen=True, slots=True)
class Escala:
    """From pixels of the rendered page to PDF points from the page's top-left corner."""

    puntos_por_pixel: float
    x0: float = 0.0
    top: float = 0.0

    def x(self, pixeles: float) -> float:
        return self.x0 + pixeles * self.puntos_por_pixel

    def y(self, pixeles: float) -> float:
        return self.top + pixeles * self.puntos_por_pixel

    def a_pixeles(self, caja: Caja) -> tuple[float, float, float, float]:
        return (
            (caja[0] - self.x0) / self.puntos_por_pixel,
            (caja[1] - self.top) / self.puntos_por_pixel,
            (caja[2] - self.x0) / self.puntos_por_pixel,
            (caja[3] - self.top) / self.puntos_por_pixel,
        )


def bordes(segmentos: Iterable[Segmento], escala: Escala) -> list[Borde]:
    """The ruling lines as the strokes `pdf_objetos` takes from a PDF page."""
    resultado: list[Borde] = []
    for s in segmentos:
        if s.horizontal:
            x0, x1, top, bottom = escala.x(s.inicio), escala.x(s.fin), escala.y(s.posicion), escala.y(s.posicion)
        else:
            x0, x1, top, bottom = escala.x(s.posicion), escala.x(s.posicion), escala.y(s.inicio), escala.y(s.fin)
        resultado.append(
            {
                "object_type": "line_edge",
                "orientation": "h" if s.horizontal else "v",
                "x0": x0,
                "x1": x1,
                "top": top,
                "bottom": bottom,
                "doctop": top,
                "width": x1 - x0,
                "height": bottom - top,
            }
        )
    return resultado


def celdas(bordes_pagina: list[Borde]) -> list[Caja]:
    """Every ruled cell of the page (points), top to bottom and left to right."""
    return sorted((c for tabla in tablas(bordes_pagina) for c in tabla), key=lambda c: (c[1], c[0]))


def _dentro(palabra: Palabra, caja: tuple[float, float, float, float]) -> bool:
    x, y = palabra.centro
    return caja[0] <= x < caja[2] and caja[1] <= y < caja[3]


def lineas(palabras: Sequence[Palabra]) -> list[list[Palabra]]:
    """Words grouped into lines of text (a word whose middle is within a line's height joins it), left to right."""
    grupos: list[tuple[float, float, list[Palabra]]] = []
    for palabra in sorted(palabras, key=lambda p: (p.centro[1], p.x0)):
        y = palabra.centro[1]
        for k, (arriba, abajo, miembros) in enumerate(grupos):
            if arriba <= y <= abajo:
                miembros.append(palabra)
                grupos[k] = (min(arriba, palabra.y0), max(abajo, palabra.y1), miembros)
                break
        else:
            grupos.append((palabra.y0, palabra.y1, [palabra]))
    grupos.sort(key=lambda g: g[0])
    return [sorted(miembros, key=lambda p: p.x0) for _, _, miembros in grupos]


def por_celda(
    palabras: Sequence[Palabra], cajas: Sequence[Caja], escala: Escala
) -> tuple[list[list[Palabra]], list[Palabra]]:
    """The words of each ruled cell, and the words in none."""
    en_pixeles = [escala.a_pixeles(c) for c in cajas]
    dentro: list[list[Palabra]] = [[] for _ in cajas]
    fuera: list[Palabra] = []
    for palabra in palabras:
        k = next((k for k, caja in enumerate(en_pixeles) if _dentro(palabra, caja)), None)
        if k is None:
            fuera.append(palabra)
        else:
            dentro[k].append(palabra)
    return dentro, fuera


def _glifos(linea: list[Palabra], escala: Escala) -> list[Caracter]:
    """One line of words as glyphs: each word's letters side by side, a space between near words.

    All glyphs of a line share its height, as a font's line box does, so blocks see even line pitch.
    """
    arriba, abajo = escala.y(min(p.y0 for p in linea)), escala.y(max(p.y1 for p in linea))
    tamano = abajo - arriba
    alto_pixeles = statistics.median(p.y1 - p.y0 for p in linea)
    glifos: list[Caracter] = []
    for anterior, palabra in itertools.pairwise([None, *linea]):
        if anterior is not None and palabra is not None and palabra.x0 - anterior.x1 <= ESPACIO_MAXIMO * alto_pixeles:
            glifos.append(_glifo(" ", escala.x(anterior.x1), escala.x(palabra.x0), arriba, abajo, tamano, 1.0))
        assert palabra is not None
        letras = list(palabra.texto)
        ancho = (palabra.x1 - palabra.x0) / len(letras)
        for i, letra in enumerate(letras):
            x0, x1 = escala.x(palabra.x0 + i * ancho), escala.x(palabra.x0 + (i + 1) * ancho)
            glifos.append(_glifo(letra, x0, x1, arriba, abajo, tamano, palabra.confianza))
    return glifos


def _glifo(texto: str, x0: float, x1: float, top: float, bottom: float, tamano: float, confianza: float) -> Caracter:
    return {
        "text": texto,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "size": tamano,
        "upright": True,
        "confianza": confianza,
    }


def dibujo(palabras: Sequence[Palabra], bordes_pagina: list[Borde], escala: Escala) -> Dibujo:
    """The page as a PDF would draw it: each ruled cell's words line by line, then the free text."""
    dentro, fuera = por_celda(palabras, celdas(bordes_pagina), escala)
    caracteres: list[Caracter] = []
    for grupo in [*dentro, fuera]:
        for linea in lineas(grupo):
            caracteres.extend(_glifos(linea, escala))
    return Dibujo(caracteres, bordes_pagina)


@dataclass(frozen=True, slots=True)
class Dudosa:
    """A ruled cell worth a second look: the box of its ink (pixels) and the words the page pass found there."""

    caja: tuple[int, int, int, int]
    palabras: list[Palabra]


def celdas_dudosas(
    palabras: Sequence[Palabra], cajas: Sequence[Caja], tinta: Mascara, escala: Escala, confianza: float
) -> list[Dudosa]:
    """Ruled cells with ink and no word, or a few words all read with less than `confianza`.

    Page layout analysis drops or garbles what looks like specks: a lone `1`, `X` or `C`
    in a narrow column. Those cells deserve a second look on their own.
    """
    dentro, _ = por_celda(palabras, cajas, escala)
    margen = max(2, round(1.5 / escala.puntos_por_pixel))
    minimo = max(4, round(2.5 / escala.puntos_por_pixel))
    dudosas: list[Dudosa] = []
    for caja, propias in zip(cajas, dentro, strict=True):
        if len(propias) > 3 or any(p.confianza >= confianza for p in propias):
            continue
        x0, y0, x1, y1 = (round(v) for v in escala.a_pixeles(caja))
        x0, y0, x1, y1 = max(0, x0 + margen), max(0, y0 + margen), x1 - margen, y1 - margen
        trozo = tinta[y0:y1, x0:x1]
        if trozo.size == 0:
            continue
        filas, columnas = np.flatnonzero(trozo.any(axis=1)), np.flatnonzero(trozo.any(axis=0))
        if filas.size == 0 or filas[-1] - filas[0] + 1 < minimo:
            continue
        ink = (x0 + int(columnas[0]), y0 + int(filas[0]), x0 + int(columnas[-1]) + 1, y0 + int(filas[-1]) + 1)
        dudosas.append(Dudosa(ink, propias))
    return dudosas
