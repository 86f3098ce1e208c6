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
from extractor.pdf_objetos import Borde, Caja, Caracter, Dibujo, borde, tablas

CAJA_DE_LINEA = 1.4
"""A word box spans about 0.8 of the font size (capitals to descenders); a font's line box about 1.1:
glyphs get the box a PDF would give them, so line pitch compares with it as for drawn text."""
COLUMNAS_DE_TABLA = 3
"""Pieces of text side by side on a line that make it the row of a table without lines."""
HUECO_DE_COLUMNA = 2.0
"""A gap between words wider than this many of the page's usual spaces is layout (a tab, two columns)."""


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
        resultado.append(borde(x0, top, x1, bottom))
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


def _alto(palabras: Iterable[Palabra]) -> float:
    """The usual height of a word box (pixels): the size of the print, punctuation aside."""
    todas = list(palabras)
    palabras_de_verdad = [p for p in todas if sum(c.isalnum() for c in p.texto) >= 2] or todas
    return float(statistics.median(p.y1 - p.y0 for p in palabras_de_verdad))


def hueco_de_columna(palabras: Sequence[Palabra]) -> float:
    """The widest gap (pixels) that is still a space between words on this page: a few usual spaces."""
    huecos = [b.x0 - a.x1 for linea in lineas(palabras) for a, b in itertools.pairwise(linea) if b.x0 > a.x1]
    espacio = statistics.median(huecos) if huecos else 0.4 * _alto(palabras)
    return HUECO_DE_COLUMNA * espacio


def _tramos(linea: list[Palabra], hueco: float) -> list[list[Palabra]]:
    """A line cut where words stand far apart: a label and its value, two columns side by side."""
    tramos = [[linea[0]]]
    for anterior, palabra in itertools.pairwise(linea):
        if palabra.x0 - anterior.x1 > hueco:
            tramos.append([])
        tramos[-1].append(palabra)
    return tramos


def _centro(tramo: list[Palabra]) -> float:
    return float(statistics.median(p.centro[1] for p in tramo))


def _sigue(ultimo: list[Palabra], tramo: list[Palabra], alto: float) -> float | None:
    """How far `tramo` is from being the next line of the block ending in `ultimo` (None: it is not).

    The same test the PDF reader makes on drawn text: just below, and aligned left, right or centred.
    """
    paso = _centro(tramo) - _centro(ultimo)
    if not 0.9 * alto <= paso <= 2.0 * alto:
        return None
    a0, a1, b0, b1 = ultimo[0].x0, ultimo[-1].x1, tramo[0].x0, tramo[-1].x1
    if min(a1, b1) <= max(a0, b0):
        return None
    desvio = min(abs(a0 - b0), abs(a1 - b1), abs(a0 + a1 - b0 - b1) / 2)
    return desvio if desvio <= 0.5 * alto else None


def _bloques(palabras: Sequence[Palabra], hueco: float) -> list[list[list[Palabra]]]:
    """Free text as a PDF producer draws it: line by line, left to right, except that a block (a
    paragraph, the lines of one cell of a table without lines) is drawn whole where it starts.

    A line goes on a block above it when both are lines of text alone (a paragraph), or when the
    block starts on a row of at least `COLUMNAS_DE_TABLA` pieces (a table without lines). Two
    pieces side by side (`FECHA ⇥ 09/07/2021` over `CÓDIGO ⇥ GEM-FM014`) are rows of their own.
    """
    if not palabras:
        return []
    alto = _alto(palabras)
    por_linea = [_tramos(linea, hueco) for linea in lineas(palabras)]
    piezas = {id(t): len(tramos) for tramos in por_linea for t in tramos}
    bloques: list[list[list[Palabra]]] = []
    for tramo in sorted((t for tramos in por_linea for t in tramos), key=_centro):
        candidatos = [
            (d, b)
            for b in bloques
            if (piezas[id(b[0])] >= COLUMNAS_DE_TABLA or piezas[id(b[-1])] == piezas[id(tramo)] == 1)
            and (d := _sigue(b[-1], tramo, alto)) is not None
        ]
        if candidatos:
            min(candidatos, key=lambda par: par[0])[1].append(tramo)
        else:
            bloques.append([tramo])
    primero = {id(b[0]): b for b in bloques}
    return [primero[id(t)] for tramos in por_linea for t in tramos if id(t) in primero]


def _glifos(linea: list[Palabra], alto: float, hueco: float, escala: Escala) -> list[Caracter]:
    """One line of words as glyphs: each word's letters side by side, a space between near words.

    All glyphs of a line get one box around the line's middle, as a font's line box does, so lines
    with and without capitals or descenders keep an even pitch.
    """
    centro, medio_alto = _centro(linea), CAJA_DE_LINEA * alto / 2
    arriba, abajo = escala.y(centro - medio_alto), escala.y(centro + medio_alto)
    tamano = abajo - arriba
    glifos: list[Caracter] = []
    for anterior, palabra in itertools.pairwise([None, *linea]):
        assert palabra is not None
        if anterior is not None and palabra.x0 - anterior.x1 <= hueco:
            glifos.append(_glifo(" ", escala.x(anterior.x1), escala.x(palabra.x0), arriba, abajo, tamano, 1.0))
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
    """The page as a PDF would draw it: each ruled cell's words line by line, then the free text block by block."""
    dentro, fuera = por_celda(palabras, celdas(bordes_pagina), escala)
    hueco = hueco_de_columna(palabras) if palabras else 0.0
    caracteres: list[Caracter] = []
    for grupo in dentro:
        if grupo:
            alto = _alto(grupo)
            for linea in lineas(grupo):
                caracteres.extend(_glifos(linea, alto, hueco, escala))
    for bloque in _bloques(fuera, hueco):
        alto = _alto(p for tramo in bloque for p in tramo)
        for tramo in bloque:
            caracteres.extend(_glifos(tramo, alto, hueco, escala))
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
