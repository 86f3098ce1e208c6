"""From the glyphs of a PDF page to runs of text and blocks of lines, in the order the producer drew them.

Word, LibreOffice and Excel draw a table cell by cell, each cell's lines one
after the other. Following that order keeps together what was typed together:
a run is text drawn in one go on one line, placed whole in its cell (so text
clipped by its cell never mixes with the neighbour's glyphs), and a block is
the run's following lines, even when they overflow a row that is too short.
"""

from __future__ import annotations

import bisect
import itertools
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from pdfplumber.utils.text import LIGATURES

from extractor.ajustes import AjustesTexto
from extractor.vocabulario import cargar

Caracter = dict[str, Any]


@dataclass(frozen=True, slots=True)
class Regla:
    """A ruling line: `pos` is y for a horizontal one and x for a vertical one; `desde`–`hasta` its extent."""

    pos: float
    desde: float
    hasta: float


class Reglas:
    """Ruling lines of one direction, to ask quickly whether one lies between two positions."""

    def __init__(self, reglas: Iterable[Regla]) -> None:
        self._reglas = sorted(reglas, key=lambda r: r.pos)
        self._posiciones = [r.pos for r in self._reglas]

    def entre(self, desde: float, hasta: float, punto: float) -> bool:
        """A rule at a position in [desde, hasta] that spans `punto` across."""
        inicio = bisect.bisect_left(self._posiciones, desde)
        fin = bisect.bisect_right(self._posiciones, hasta)
        return any(r.desde <= punto <= r.hasta for r in self._reglas[inicio:fin])


@dataclass(slots=True)
class Tramo:
    """Text drawn in one go on one line, with its box (top-down coordinates, in points)."""

    texto: str
    x0: float
    x1: float
    top: float
    bottom: float
    fin_primera_palabra: float
    """Where the first word ends: would it have fitted at the end of the line above?"""
    confianza: float | None = None
    """The least sure letter, when the text was read by OCR (glyphs with a `confianza`)."""
    espacio_final: bool | None = None
    """A space glyph drawn after the last letter, as producers do where they wrap a line between words;
    None on a page that draws no spaces."""
    espacios_al_final: bool = True
    """The page draws a space at the end of some line, as LibreOffice and Word do where they wrap between
    words; browsers, reportlab and OCR never do, so there a missing one says nothing."""

    @property
    def alto(self) -> float:
        return self.bottom - self.top


@dataclass(slots=True)
class Bloque:
    """Lines drawn one under the other, aligned: a paragraph, or the lines of one cell."""

    lineas: list[Tramo]

    @property
    def x0(self) -> float:
        return min(t.x0 for t in self.lineas)

    @property
    def x1(self) -> float:
        return max(t.x1 for t in self.lineas)

    @property
    def top(self) -> float:
        return self.lineas[0].top

    @property
    def bottom(self) -> float:
        return max(t.bottom for t in self.lineas)

    @property
    def alto_linea(self) -> float:
        return max(t.alto for t in self.lineas)


def _solapa_vertical(a: Caracter | Tramo, b: Caracter | Tramo) -> float:
    """How much of the shorter of two boxes' heights they share (1 = same line)."""
    arriba, abajo = (a["top"], a["bottom"]) if isinstance(a, dict) else (a.top, a.bottom)
    arriba2, abajo2 = (b["top"], b["bottom"]) if isinstance(b, dict) else (b.top, b.bottom)
    menor = min(abajo - arriba, abajo2 - arriba2)
    if menor <= 0:
        return 1.0 if abs(arriba - arriba2) < 0.5 else 0.0
    return (min(abajo, abajo2) - max(arriba, arriba2)) / menor


@dataclass(slots=True)
class _Constructor:
    """Walks the glyphs in drawing order and cuts them into runs."""

    verticales: Reglas
    ajustes: AjustesTexto
    con_espacios: bool
    tramos: list[Tramo] = field(default_factory=list)
    partes: list[str] = field(default_factory=list)
    previo: Caracter | None = None
    caja: list[float] = field(default_factory=list)
    fin_primera_palabra: float | None = None
    confianza: float | None = None
    espacios: int = 0

    def agregar(self, c: Caracter) -> None:
        texto: str = c["text"]
        if not texto:
            return
        if texto.isspace():
            if self.previo is not None:
                self.espacios += 1
            return
        previo = self.previo
        if previo is not None and unicodedata.combining(texto[0]):
            self.partes.append(texto)
            return
        if previo is not None and self._repetido(previo, c):
            return
        if previo is not None and self._sigue(previo, c):
            hueco = c["x0"] - previo["x1"] if c["upright"] else 0.0
            if self.espacios or hueco > self.ajustes.hueco_palabra * previo["size"]:
                if self.fin_primera_palabra is None:
                    self.fin_primera_palabra = self.caja[1]
                self.partes.append(" ")
            self.partes.append(LIGATURES.get(texto, texto))
            self.caja = [
                min(self.caja[0], c["x0"]),
                max(self.caja[1], c["x1"]),
                min(self.caja[2], c["top"]),
                max(self.caja[3], c["bottom"]),
            ]
        else:
            self.cerrar()
            self.partes = [LIGATURES.get(texto, texto)]
            self.caja = [c["x0"], c["x1"], c["top"], c["bottom"]]
        if (confianza := c.get("confianza")) is not None:
            self.confianza = confianza if self.confianza is None else min(self.confianza, confianza)
        self.previo = c
        self.espacios = 0

    @staticmethod
    def _repetido(previo: Caracter, c: Caracter) -> bool:
        """The same glyph drawn again almost on top of itself: fake bold, a shadow."""
        return bool(
            c["text"] == previo["text"]
            and abs(c["x0"] - previo["x0"]) < 0.3 * (previo["x1"] - previo["x0"])
            and abs(c["top"] - previo["top"]) < 0.25 * previo["size"]
        )

    def _sigue(self, previo: Caracter, c: Caracter) -> bool:
        if previo["upright"] != c["upright"]:
            return False
        tamano = max(previo["size"], c["size"], 0.1)
        if not c["upright"]:
            return self._sigue_girado(previo, c, tamano)
        if _solapa_vertical(previo, c) < 0.5 or self.espacios >= self.ajustes.espacios_de_relleno:
            return False
        hueco = c["x0"] - previo["x1"]
        if hueco < -self.ajustes.retroceso * tamano:
            return False
        if self.espacios:
            limite = self.ajustes.salto_con_espacio
        elif self.con_espacios:
            limite = self.ajustes.salto_sin_espacio
        else:
            limite = self.ajustes.salto_sin_espacios_en_pagina
        if hueco > limite * tamano:
            return False
        medio = (c["top"] + c["bottom"]) / 2
        return not self.verticales.entre(previo["x1"] - 0.1, c["x0"] + 0.1, medio)

    def _sigue_girado(self, previo: Caracter, c: Caracter, tamano: float) -> bool:
        """Turned text (a title written upwards) runs along y: same column of glyphs, next to each other."""
        misma_columna = min(previo["x1"], c["x1"]) - max(previo["x0"], c["x0"]) > 0.5 * min(
            previo["x1"] - previo["x0"], c["x1"] - c["x0"]
        )
        hueco = max(c["top"] - previo["bottom"], previo["top"] - c["bottom"])
        limite = self.ajustes.salto_con_espacio if self.espacios else self.ajustes.salto_sin_espacios_en_pagina
        return bool(misma_columna and hueco <= limite * tamano)

    def cerrar(self) -> None:
        if not self.partes:
            return
        texto = unicodedata.normalize("NFC", "".join(self.partes))
        x0, x1, top, bottom = self.caja
        espacio_final = self.espacios > 0 if self.con_espacios else None
        tramo = Tramo(texto, x0, x1, top, bottom, self.fin_primera_palabra or x1, self.confianza, espacio_final)
        anterior = self.tramos[-1] if self.tramos else None
        if not (anterior and anterior.texto == texto and abs(anterior.x0 - x0) < 1 and abs(anterior.top - top) < 1):
            self.tramos.append(tramo)
        self.partes = []
        self.fin_primera_palabra = None
        self.confianza = None


def tramos(caracteres: Sequence[Caracter], verticales: Reglas, ajustes: AjustesTexto = AjustesTexto()) -> list[Tramo]:
    """The runs of text of a page, in drawing order."""
    constructor = _Constructor(verticales, ajustes, any(c["text"] == " " for c in caracteres))
    for caracter in caracteres:
        constructor.agregar(caracter)
    constructor.cerrar()
    if not _espacios_al_final(constructor.tramos):
        for tramo in constructor.tramos:
            tramo.espacios_al_final = False
    return constructor.tramos


def _espacios_al_final(lista: list[Tramo]) -> bool:
    """Some run ends in a space and the next one is drawn on a lower line: the producer wraps lines after
    their space. A space before a column rule or a wide gap on the same line says nothing of it."""
    return any(a.espacio_final and b.top > a.top + 0.5 * a.alto for a, b in itertools.pairwise(lista))


def continua(bloque: Bloque, tramo: Tramo, horizontales: Reglas, ajustes: AjustesTexto = AjustesTexto()) -> bool:
    """`tramo` is the next line of `bloque`: just below, aligned with it, no ruling line in between."""
    ultima = bloque.lineas[-1]
    alto = max(ultima.alto, tramo.alto)
    paso = tramo.top - ultima.top
    if not ajustes.paso_minimo * alto <= paso <= ajustes.paso_maximo * alto:
        return False
    if len(bloque.lineas) >= 2:
        paso_previo = ultima.top - bloque.lineas[-2].top
        if abs(paso - paso_previo) > 0.2 * paso_previo:
            return False
    tolerancia = max(1.0, 0.3 * alto)
    alineado = (
        abs(tramo.x0 - ultima.x0) <= tolerancia
        or abs(tramo.x1 - ultima.x1) <= tolerancia
        or abs(tramo.x0 + tramo.x1 - ultima.x0 - ultima.x1) / 2 <= tolerancia
    )
    izquierda, derecha = max(tramo.x0, ultima.x0), min(tramo.x1, ultima.x1)
    if not alineado or derecha <= izquierda:
        return False
    return not horizontales.entre(ultima.bottom - 0.5, tramo.top + 0.5, (izquierda + derecha) / 2)


def bloques(lista: Sequence[Tramo], horizontales: Reglas, ajustes: AjustesTexto = AjustesTexto()) -> list[Bloque]:
    """Runs grouped into blocks: each run continues the block drawn just before it, or starts one."""
    hechos: list[Bloque] = []
    for tramo in lista:
        if hechos and continua(hechos[-1], tramo, horizontales, ajustes):
            hechos[-1].lineas.append(tramo)
        else:
            hechos.append(Bloque([tramo]))
    return hechos


_ANCHO_ESPACIO = 0.28
"""A space is 0.28 em wide in Arial, Calibri and Times: a line stopping farther from the edge had room for one."""
_ANCHO_LETRA = 1.0
"""No letter is wider than the font size."""
_RESTO_CORTO = 4
"""When the line leaves no room to tell, only a short rest of a word (`o`, `ón`, `ado`) goes on the word:
a whole word (`humano`) more likely starts a word of its own."""


@cache
def _enlaces() -> frozenset[str]:
    return frozenset(cargar("texto")["enlaces"])


@cache
def _palabras_cortas() -> frozenset[str]:
    return frozenset(cargar("texto")["palabras_cortas"])


def _en_mayusculas_iniciales(lineas: list[list[Tramo]]) -> bool:
    """Every word of the cell that surely starts a word (after a space, on its line or drawn at the end of
    the line above), linking words aside, starts with a capital: `Dirección Financiera`, `Jefe Oficina
    Jurídica`. Then a line going on in lower case is the rest of a word."""
    palabras = [p for linea in lineas for t in linea for p in t.texto.split()[1:]]
    for arriba, abajo in itertools.pairwise(lineas):
        if arriba[-1].espacio_final and abajo[0].texto.split():
            palabras.append(abajo[0].texto.split()[0])
    palabras = [p for p in palabras if p[:1].isalpha()]
    propias = [p for p in palabras if p.lower() not in _enlaces()]
    return bool(propias) and all(p[0].isupper() for p in propias)


def _palabra_cortada(
    linea: list[Tramo], siguiente: list[Tramo], caja: tuple[float, float] | None, titulo: bool = False
) -> bool:
    """A word too long for its narrow cell, cut where the line ran out (`Direcci` / `ón`), with no hyphen.

    The line stops short of the cell's right edge by less than a letter (else the next letter would
    have fitted), and the next line goes on in lower case or digits (a word in capitals after capitals).
    On a page that draws a space glyph where it wraps between words (LibreOffice, Word), the line is
    one piece of a word with no space drawn after it, and when a space would still have fitted, it
    was a cut. When the word fills the line so exactly that no space fits, or on a page that never
    draws a space at a line end (a browser, reportlab, OCR), only the next word tells: see `_resto_de_palabra`.
    The right padding is taken equal to the left one, so only left-aligned text is judged.
    """
    if caja is None or len(linea) != 1 or linea[0].espacio_final is not False:
        return False
    primera, resto = linea[0], siguiente[0]
    con_espacios_finales = primera.espacios_al_final
    if con_espacios_finales and " " in primera.texto.strip():
        return False
    inicio = resto.texto.lstrip()[:1]
    en_mayusculas = primera.texto.isupper() and resto.texto.split()[0].isupper()
    sigue = inicio.islower() or inicio.isdigit() or inicio in "-/" or en_mayusculas
    if not sigue or abs(primera.x0 - resto.x0) > 1.0:
        return False
    relleno = primera.x0 - caja[0]
    sobra = caja[1] - relleno - primera.x1
    if relleno < 0 or sobra >= _ANCHO_LETRA * primera.alto:
        return False
    if inicio in "-/" or (con_espacios_finales and sobra >= _ANCHO_ESPACIO * primera.alto):
        return True
    if not con_espacios_finales and _cabe_en_un_renglon(primera, resto, caja[1] - caja[0] - 2 * relleno):
        return False
    return _resto_de_palabra(resto.texto.split()[0], titulo, con_espacios_finales)


def _ancho_de(tramo: Tramo, palabra: str) -> float:
    """About how wide one word of a run is: its share of the run's letters."""
    return (tramo.x1 - tramo.x0) * len(palabra) / max(1, len(tramo.texto))


def _cabe_en_un_renglon(linea: Tramo, siguiente: Tramo, ancho: float) -> bool:
    """The last word of a line and the first of the next, joined, would fit on a line of their own: no producer
    cuts such a word, it wraps it whole. Only a word longer than the line is cut where the line runs out."""
    ultima, primera = linea.texto.split()[-1], siguiente.texto.split()[0]
    return _ancho_de(linea, ultima) + _ancho_de(siguiente, primera) <= ancho


def _resto_de_palabra(palabra: str, titulo: bool, con_espacios_finales: bool) -> bool:
    """The first word of the next line is the rest of a cut word: short (`o`, `ón`, `ado`), or any in a cell
    whose words start with capitals; never a linking word (`de`, `al`). Where the producer draws no space at
    line ends, neither a short word that often goes alone (`a`, `es`): a line that ends exactly at the edge
    is as likely to have wrapped before it."""
    minuscula = palabra.lower()
    if minuscula in _enlaces() or (not con_espacios_finales and minuscula in _palabras_cortas()):
        return False
    return titulo or len(palabra) <= _RESTO_CORTO


def renglones(lista: Iterable[Tramo]) -> list[list[Tramo]]:
    """Runs grouped into visual lines, top to bottom."""
    lineas: list[list[Tramo]] = []
    for tramo in sorted(lista, key=lambda t: (t.top, t.x0)):
        if lineas and _solapa_vertical(lineas[-1][0], tramo) >= 0.5:
            lineas[-1].append(tramo)
        else:
            lineas.append([tramo])
    return lineas


def misma_linea(a: Tramo, b: Tramo) -> bool:
    return _solapa_vertical(a, b) >= 0.5


def texto_de(lista: Iterable[Tramo], caja: tuple[float, float] | None = None) -> str | None:
    """The text of runs that share a cell: visual lines top to bottom, runs of a line left to right.

    A line that ends in a hyphen glued to a word (`GTH-`) goes on without a break: the
    producer cut `GTH-PR009` after its hyphen. So does a word cut with no hyphen where the
    cell (`caja`, x0–x1) ran out of room.
    """
    lineas = renglones(lista)
    titulo = caja is not None and _en_mayusculas_iniciales(lineas)
    texto = ""
    for k, linea in enumerate(lineas):
        contenido = " ".join(t.texto for t in sorted(linea, key=lambda t: t.x0))
        if not texto:
            texto = contenido
        elif len(texto) >= 2 and texto.endswith("-") and texto[-2].isalnum() and contenido[:1].isalnum():
            texto += contenido
        elif _palabra_cortada(lineas[k - 1], linea, caja, titulo):
            texto += contenido.lstrip()
        else:
            texto += "\n" + contenido
    return texto or None
