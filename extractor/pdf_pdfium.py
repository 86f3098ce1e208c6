"""What a PDF page draws, read by pdfium: the glyph boxes and strokes pdfminer's layout gives, much sooner.

pdfminer interprets every page in Python, which was three quarters of the time of reading
a PDF; pdfium, the C library pdfplumber already uses to render pages, gets the same glyphs
and paths. The reader's heuristics were tuned on pdfminer's geometry, so it is rebuilt here
exactly: a glyph's box is its advance width wide and one font size high, from the font's
descent below the baseline (pdfium's own boxes are tight to the ink), in pdfminer's page
coordinates (the page turned by its /Rotate, from the corner of its media box); a path is
split into subpaths, and each becomes a rectangle, a line or a polyline by pdfminer's rules.
pdfminer is still what opens the file and measures the page (pdfplumber's page).
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pypdfium2.raw as pdfium_c
from pdfminer.fontmetrics import FONT_METRICS
from pdfminer.pdftypes import PDFStream, resolve1

from extractor.pdf_objetos import Borde, Caracter, Dibujo, borde

Matriz = tuple[float, float, float, float, float, float]
Punto = tuple[float, float]

_IDENTIDAD: Matriz = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
_GUION_DE_PDFIUM = 0x02
_SUBCONJUNTO = re.compile(r"^[A-Z]{6}\+")
"""The tag of an embedded subset (`BAAAAA+LiberationSans`), which pdfium leaves out of a simple font's name
(not out of a composite, Type0, font's)."""
_MISMO_PUNTO = 0.01
"""Points closer than this (pt) are one: pdfium keeps positions in single precision."""
CONTENIDO_MAXIMO = 2 * 1024 * 1024
"""Bytes of content a page may have to be read by pdfium; the pages of the forms seen have under 100 KB."""
_HUECO_TRAS_ESPACIO = 0.25
"""A gap after a space wider than this (em) within one piece of text: a space pdfium dropped."""


def _por(m: Matriz, n: Matriz) -> Matriz:
    """`m` then `n`, as PDF matrices compose (row vectors)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _aplicar(m: Matriz, x: float, y: float) -> Punto:
    a, b, c, d, e, f = m
    return (a * x + c * y + e, b * x + d * y + f)


def _giro_de_pagina(pagina: Any) -> Matriz:
    """pdfminer's device space: the page turned by its /Rotate, the media box's corner at the origin."""
    x0, y0, x1, y1 = (float(v) for v in pagina.page_obj.mediabox)
    giro = pagina.page_obj.rotate % 360
    if giro == 90:
        return (0.0, -1.0, 1.0, 0.0, -y0, x1)
    if giro == 180:
        return (-1.0, 0.0, 0.0, -1.0, x1, y1)
    if giro == 270:
        return (0.0, 1.0, -1.0, 0.0, y1, -x0)
    return (1.0, 0.0, 0.0, 1.0, -x0, -y0)


@dataclass(frozen=True, slots=True)
class _Pagina:
    """pdfplumber's coordinates of a page: from the top, shifted by the media box, within the page's box."""

    giro: Matriz
    alto: float
    base_x: float
    base_y: float
    caja: tuple[float, float, float, float]

    def arriba_abajo(self, y0: float, y1: float) -> tuple[float, float]:
        return self.alto - y1 + self.base_y, self.alto - y0 + self.base_y

    def dentro(self, x0: float, x1: float, top: float, bottom: float) -> bool:
        izquierda, arriba, derecha, abajo = self.caja
        return x1 > izquierda and x0 < derecha and bottom > arriba and top < abajo


# ---------------------------------------------------------------- glyphs


def _nombre(valor: Any) -> str:
    return str(getattr(resolve1(valor), "name", ""))


def _descenso_de(fuente: dict[str, Any]) -> float | None:
    """A font's descent per unit of font size, as pdfminer takes it; None for a Type3 font (its glyphs
    are drawings pdfium places its own way)."""
    tipo = _nombre(fuente.get("Subtype"))
    if tipo == "Type3":
        return None
    if tipo == "Type0":
        descendientes = resolve1(fuente.get("DescendantFonts"))
        fuente = resolve1(descendientes[0]) if isinstance(descendientes, list) and descendientes else {}
        if not isinstance(fuente, dict):
            return None
    metricas = FONT_METRICS.get(_nombre(fuente.get("BaseFont")))
    if metricas is not None and _nombre(fuente.get("Subtype")) not in ("CIDFontType0", "CIDFontType2"):
        descriptor: Any = metricas[0]
    else:
        descriptor = resolve1(fuente.get("FontDescriptor")) or {}
    descenso = resolve1(descriptor.get("Descent", 0)) if isinstance(descriptor, dict) else 0
    if not isinstance(descenso, int | float):
        return None
    return -abs(float(descenso)) / 1000


def _descensos(recursos: Any, vistos: set[int] | None = None) -> dict[str, float | None]:
    """Each font of the page (and of the forms it draws) by its name, with its descent; None for a
    name two fonts with different descents share, or a font pdfminer places differently."""
    vistos = set() if vistos is None else vistos
    recursos = resolve1(recursos)
    if not isinstance(recursos, dict) or id(recursos) in vistos:
        return {}
    vistos.add(id(recursos))
    descensos: dict[str, float | None] = {}

    def agregar(nombre: str, descenso: float | None) -> None:
        descensos[nombre] = descenso if descensos.get(nombre, descenso) == descenso else None

    fuentes = resolve1(recursos.get("Font"))
    for fuente in (fuentes or {}).values() if isinstance(fuentes, dict) else ():
        fuente = resolve1(fuente)
        if isinstance(fuente, dict):
            agregar(_SUBCONJUNTO.sub("", _nombre(fuente.get("BaseFont"))), _descenso_de(fuente))
    objetos = resolve1(recursos.get("XObject"))
    for objeto in (objetos or {}).values() if isinstance(objetos, dict) else ():
        objeto = resolve1(objeto)
        if isinstance(objeto, PDFStream) and _nombre(objeto.get("Subtype")) == "Form":
            for nombre, descenso in _descensos(objeto.get("Resources"), vistos).items():
                agregar(nombre, descenso)
    return descensos


def _nombre_pdfium(fuente: int) -> str:
    largo = _nombre_de(fuente, None, 0)
    nombre = ctypes.create_string_buffer(largo)
    _nombre_de(fuente, nombre, largo)
    return nombre.value.decode("latin-1")


class _Fuentes:
    """The descent of each font pdfium hands, found by name among the page's fonts: pdfium's own
    descent differs where the descriptor says 0 (LibreOffice) or where there is none (a standard font)."""

    def __init__(self, descensos: dict[str, float | None]) -> None:
        self._por_nombre = descensos
        self._descensos: dict[int, float | None] = {}

    def descenso(self, fuente: int) -> float | None:
        if fuente not in self._descensos:
            nombre = _SUBCONJUNTO.sub("", _nombre_pdfium(fuente)) if fuente else None
            self._descensos[fuente] = self._por_nombre.get(nombre) if nombre else None
        return self._descensos[fuente]


_LetraMedida = tuple[int, int, str, tuple[float, float, float, float], bool]
"""A glyph: its text's place in the drawing order, its text object, its text, its box, upright."""


class _Distinto(Exception):
    """pdfium's text of the page may not be what the page draws: pdfminer reads it instead."""


def _funcion(original: Any, devuelve: Any, *argumentos: Any) -> Any:
    """pdfium's function with handles as plain integers: a glyph's text object and font are compared
    and looked up thousands of times a page, and a ctypes pointer is neither hashable nor cheap."""
    return ctypes.CFUNCTYPE(devuelve, *argumentos)(ctypes.cast(original, ctypes.c_void_p).value or 0)


_P = ctypes.c_void_p
_objeto_de = _funcion(pdfium_c.FPDFText_GetTextObject, _P, _P, ctypes.c_int)
_generada = _funcion(pdfium_c.FPDFText_IsGenerated, ctypes.c_int, _P, ctypes.c_int)
_unicode = _funcion(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _P, ctypes.c_int)
_origen = _funcion(
    pdfium_c.FPDFText_GetCharOrigin,
    ctypes.c_int,
    _P,
    ctypes.c_int,
    ctypes.POINTER(ctypes.c_double),
    ctypes.POINTER(ctypes.c_double),
)
_fuente_de = _funcion(pdfium_c.FPDFTextObj_GetFont, _P, _P)
_ancho_de = _funcion(
    pdfium_c.FPDFFont_GetGlyphWidth, ctypes.c_int, _P, ctypes.c_uint, ctypes.c_float, ctypes.POINTER(ctypes.c_float)
)
_tamano_de = _funcion(pdfium_c.FPDFTextObj_GetFontSize, ctypes.c_int, _P, ctypes.POINTER(ctypes.c_float))
_limites_de = _funcion(pdfium_c.FPDFPageObj_GetBounds, ctypes.c_int, _P, *[ctypes.POINTER(ctypes.c_float)] * 4)
_nombre_de = _funcion(pdfium_c.FPDFFont_GetBaseFontName, ctypes.c_size_t, _P, ctypes.c_char_p, ctypes.c_size_t)


def _clave(objeto: Any) -> int:
    return ctypes.cast(objeto, ctypes.c_void_p).value or 0


@dataclass(frozen=True, slots=True)
class _Texto:
    """What all glyphs of one text object share, in pdfminer's device space."""

    orden: int
    lineal: tuple[float, float, float, float]
    """The text's matrix, without its translation, turned with the page."""
    fuente: int
    tamano: float
    descenso: float
    """Below the baseline, in text space (font size units)."""


class _Textos:
    """The text objects of the page, each read once from the first glyph pdfium gives of it."""

    def __init__(self, texto: Any, pagina: _Pagina, textos: dict[int, tuple[int, Matriz]], fuentes: _Fuentes) -> None:
        self._texto, self._pagina, self._donde, self._fuentes = texto, pagina, textos, fuentes
        self._leidos: dict[int, _Texto] = {}
        self._matriz = pdfium_c.FS_MATRIX()

    def de(self, objeto: int, indice: int, x: float, y: float) -> _Texto:
        leido = self._leidos.get(objeto)
        if leido is None:
            leido = self._leidos[objeto] = self._leer(objeto, indice, x, y)
        return leido

    def _leer(self, objeto: int, indice: int, x: float, y: float) -> _Texto:
        if objeto not in self._donde:
            raise _Distinto("una letra de un texto que la página no dibuja")
        orden, matriz = self._donde[objeto]
        if abs(matriz[4] - x) > _MISMO_PUNTO or abs(matriz[5] - y) > _MISMO_PUNTO:
            raise _Distinto("un texto no empieza donde se dibuja")
        m = self._matriz
        pdfium_c.FPDFText_GetMatrix(self._texto, indice, m)
        tamano = float(pdfium_c.FPDFText_GetFontSize(self._texto, indice))
        return self._texto_de(objeto, orden, (m.a, m.b, m.c, m.d), tamano)

    def _texto_de(self, objeto: int, orden: int, lineal: tuple[float, float, float, float], tamano: float) -> _Texto:
        fuente = _fuente_de(objeto) or 0
        descenso = self._fuentes.descenso(fuente)
        if descenso is None:
            raise _Distinto("fuente sin medidas")
        a, b, c, d, _, _ = _por((*lineal, 0.0, 0.0), self._pagina.giro)
        return _Texto(orden, (a, b, c, d), fuente, tamano, descenso * tamano)

    def sin_letras(self) -> Iterator[tuple[int, _Texto, Punto]]:
        """The texts pdfium left out of its text, with where each starts (in pdfminer's device space)."""
        tamano = ctypes.c_float()
        for objeto, (orden, matriz) in self._donde.items():
            if objeto not in self._leidos:
                if not _tamano_de(objeto, tamano):
                    raise _Distinto("texto sin tamaño")
                t = self._texto_de(objeto, orden, matriz[:4], tamano.value)
                yield objeto, t, _aplicar(self._pagina.giro, matriz[4], matriz[5])


def _sin_ancho(objeto: int) -> bool:
    izquierda, abajo, derecha, arriba = (ctypes.c_float() for _ in range(4))
    return bool(_limites_de(objeto, izquierda, abajo, derecha, arriba)) and izquierda.value == derecha.value


def _caja(t: _Texto, x: float, y: float, ancho: float) -> tuple[float, float, float, float]:
    """pdfminer's box of a glyph: its advance wide, one font size high from the font's descent."""
    a, b, c, d = t.lineal
    abajo, arriba = t.descenso, t.descenso + t.tamano
    if b == 0 and c == 0:
        xs, ys = (x, x + a * ancho), (y + d * abajo, y + d * arriba)
        return min(xs), min(ys), max(xs), max(ys)
    esquinas_x = [x + a * u + c * v for u in (0.0, ancho) for v in (abajo, arriba)]
    esquinas_y = [y + b * u + d * v for u in (0.0, ancho) for v in (abajo, arriba)]
    return min(esquinas_x), min(esquinas_y), max(esquinas_x), max(esquinas_y)


def _letras(texto: Any, textos: _Textos, giro: Matriz) -> list[_LetraMedida]:
    """The page's glyphs (drawing order, object, text, box in device space, upright) in pdfium's order.

    pdfium's text page is made for selecting text, not for geometry, and it changes what it is given:
    it sorts the pieces of text on one line from left to right (the caller puts them back in drawing
    order) and marks a hyphen that ends a line as U+0002 (it is a hyphen again: a soft hyphen, U+00AD,
    drawn there would become one too, which pdfminer would give as such). What it drops or
    splits cannot be put back: one of two spaces in a row (also across pieces of text), a space after
    which it measures a gap (it adds one of its own), a piece of text it finds drawn twice (bold by
    overprinting) or without width, a ligature split into its letters. Each leaves a trace (a piece
    of text that does not start where it should or is missing, a gap after a space, a generated
    space inside a text, two letters at one place), and then the page is read by pdfminer (`_Distinto`).
    """
    letras = []
    x, y = ctypes.c_double(), ctypes.c_double()
    ancho = ctypes.c_float()
    anchos_por_fuente: dict[int, dict[int, float]] = {}
    ga, gb, gc, gd, ge, gf = giro
    anterior, x_anterior, y_anterior = 0, math.nan, math.nan
    for i in range(pdfium_c.FPDFText_CountChars(texto)):
        objeto = _objeto_de(texto, i) or 0
        if _generada(texto, i):
            if objeto:
                raise _Distinto("pdfium midió un hueco dentro de un texto")
            continue
        if not objeto:
            raise _Distinto("letra sin texto de origen")
        codigo = _unicode(texto, i)
        _origen(texto, i, x, y)
        mismo_texto = objeto == anterior
        if mismo_texto and x.value == x_anterior and y.value == y_anterior:
            raise _Distinto("una ligadura partida en letras")
        anterior, x_anterior, y_anterior = objeto, x.value, y.value
        if not mismo_texto:
            t = textos.de(objeto, i, x_anterior, y_anterior)
            anchos = anchos_por_fuente.setdefault(t.fuente, {})
            a, b, c, d = t.lineal
            derecha = a * d > 0 and b * c <= 0
        if codigo == _GUION_DE_PDFIUM:
            codigo = ord("-")
        if codigo not in anchos:
            if not _ancho_de(t.fuente, codigo, 1.0, ancho):
                raise _Distinto("letra sin ancho")
            anchos[codigo] = ancho.value
        ex, ey = ga * x_anterior + gc * y_anterior + ge, gb * x_anterior + gd * y_anterior + gf
        letras.append((t.orden, objeto, chr(codigo), _caja(t, ex, ey, anchos[codigo] * t.tamano), derecha))
    return letras + _espacios_sueltos(textos, letras)


def _espacios_sueltos(textos: _Textos, letras: list[_LetraMedida]) -> list[_LetraMedida]:
    """The texts pdfium leaves out of its text because they have no width, as the spaces they are.

    A browser (Chromium's Skia) draws each glyph as a text of its own, a space too, and pdfium skips
    a text without ink. Where every text pdfium kept holds one glyph, a text it left out without
    width is one blank glyph: it is given as a space (U+0020), the blank a font has a width for; a
    no-break space (U+00A0) comes out as a space too, as the reader takes both. Anywhere else what
    such a text held is unknown, and pdfminer reads the page.
    """
    sueltos = list(textos.sin_letras())
    if not sueltos:
        return []
    if len({letra[1] for letra in letras}) != len(letras):
        raise _Distinto("un texto de la página no está en el texto de pdfium")
    ancho = ctypes.c_float()
    espacios = []
    for objeto, t, (x, y) in sueltos:
        if not _sin_ancho(objeto) or not _ancho_de(t.fuente, ord(" "), 1.0, ancho):
            raise _Distinto("un texto de la página no está en el texto de pdfium")
        a, b, c, d = t.lineal
        espacios.append((t.orden, objeto, " ", _caja(t, x, y, ancho.value * t.tamano), a * d > 0 and b * c <= 0))
    return espacios


def _caracteres(
    texto: Any, pagina: _Pagina, textos: dict[int, tuple[int, Matriz]], fuentes: _Fuentes
) -> list[Caracter]:
    letras = sorted(_letras(texto, _Textos(texto, pagina, textos, fuentes), pagina.giro), key=lambda letra: letra[0])
    _revisar_espacios(letras)
    caracteres: list[Caracter] = []
    for _, _, letra, (x0, y0, x1, y1), derecha in letras:
        top, bottom = pagina.arriba_abajo(y0, y1)
        x0, x1 = x0 + pagina.base_x, x1 + pagina.base_x
        if pagina.dentro(x0, x1, top, bottom):
            caracteres.append(
                {"text": letra, "x0": x0, "x1": x1, "top": top, "bottom": bottom, "size": y1 - y0, "upright": derecha}
            )
    return caracteres


def _revisar_espacios(letras: list[_LetraMedida]) -> None:
    """A gap after a space drawn within one piece of text is a space pdfium dropped (two in a row)."""
    for (_, objeto, letra, caja, _), (_, siguiente, _, caja_siguiente, _) in itertools.pairwise(letras):
        if (
            letra == " "
            and siguiente == objeto
            and abs(caja_siguiente[0] - caja[2]) > _HUECO_TRAS_ESPACIO * (caja[3] - caja[1])
        ):
            raise _Distinto("hueco tras un espacio")


def _con_reemplazo(objeto: Any) -> bool:
    """A text marked with the text it stands for (/ActualText): pdfium gives that text, pdfminer the glyphs."""
    for i in range(pdfium_c.FPDFPageObj_CountMarks(objeto)):
        marca = pdfium_c.FPDFPageObj_GetMark(objeto, i)
        if pdfium_c.FPDFPageObjMark_GetParamValueType(marca, b"ActualText") != pdfium_c.FPDF_OBJECT_UNKNOWN:
            return True
    return False


# ---------------------------------------------------------------- strokes and pictures


def _matriz(objeto: Any) -> Matriz:
    m = pdfium_c.FS_MATRIX()
    pdfium_c.FPDFPageObj_GetMatrix(objeto, m)
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _objetos(pagina_pdfium: Any) -> Iterator[tuple[Any, Matriz]]:
    """Every object the page draws, those inside forms (XObjects) too, with the matrix to the page."""

    def dentro_de(forma: Any, matriz: Matriz) -> Iterator[tuple[Any, Matriz]]:
        for i in range(pdfium_c.FPDFFormObj_CountObjects(forma)):
            yield from uno(pdfium_c.FPDFFormObj_GetObject(forma, i), matriz)

    def uno(objeto: Any, padre: Matriz) -> Iterator[tuple[Any, Matriz]]:
        matriz = _por(_matriz(objeto), padre)
        if pdfium_c.FPDFPageObj_GetType(objeto) == pdfium_c.FPDF_PAGEOBJ_FORM:
            yield from dentro_de(objeto, matriz)
        else:
            yield objeto, matriz

    for i in range(pdfium_c.FPDFPage_CountObjects(pagina_pdfium)):
        yield from uno(pdfium_c.FPDFPage_GetObject(pagina_pdfium, i), _IDENTIDAD)


def _subtrazos(trazo: Any, matriz: Matriz) -> Iterator[tuple[str, list[Punto]]]:
    """A path as pdfminer splits it: each subpath's operators (m, l, c, h) and the point each ends at."""
    x, y = ctypes.c_float(), ctypes.c_float()
    operadores, puntos = "", list[Punto]()
    tipos = {pdfium_c.FPDF_SEGMENT_MOVETO: "m", pdfium_c.FPDF_SEGMENT_LINETO: "l", pdfium_c.FPDF_SEGMENT_BEZIERTO: "c"}
    pendientes = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(trazo)):
        segmento = pdfium_c.FPDFPath_GetPathSegment(trazo, i)
        tipo = tipos.get(pdfium_c.FPDFPathSegment_GetType(segmento), "l")
        pdfium_c.FPDFPathSegment_GetPoint(segmento, x, y)
        if tipo == "m" and operadores:
            yield operadores, puntos
            operadores, puntos = "", list[Punto]()
        if tipo == "c":
            pendientes = (pendientes + 1) % 3
            if pendientes:
                continue
        operadores += tipo
        puntos.append(_aplicar(matriz, x.value, y.value))
        if pdfium_c.FPDFPathSegment_GetClose(segmento):
            operadores += "h"
            puntos.append(puntos[0])
    if operadores:
        yield operadores, puntos


def _bordes_de_subtrazo(forma: str, puntos: list[Punto], pagina: _Pagina) -> list[Borde]:
    """pdfminer's reading of a subpath (a line, a rectangle or a polyline) as the reader's strokes."""
    if forma[:1] != "m":
        return []
    if len(forma) > 3 and forma[-2:] == "lh" and puntos[-2] == puntos[0]:
        forma, puntos = forma[:-2] + "h", puntos[:-2] + puntos[-1:]
    if forma in {"mlh", "ml"}:
        puntos = puntos[:2]
    elif forma in {"mlllh", "mllll"}:
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = puntos
        cuadrado = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (
            y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0
        )
        if puntos[0] == puntos[4] and cuadrado:
            return _bordes_de_rectangulo(puntos[0], puntos[2], pagina)
    bordes = []
    en_pagina = [(x + pagina.base_x, pagina.arriba_abajo(y, y)[0]) for x, y in puntos]
    for (xa, ya), (xb, yb) in itertools.pairwise(en_pagina):
        if xa == xb or ya == yb:
            bordes.append(borde(min(xa, xb), min(ya, yb), max(xa, xb), max(ya, yb)))
    return bordes


def _bordes_de_rectangulo(a: Punto, b: Punto, pagina: _Pagina) -> list[Borde]:
    x0, x1 = min(a[0], b[0]) + pagina.base_x, max(a[0], b[0]) + pagina.base_x
    top, bottom = pagina.arriba_abajo(min(a[1], b[1]), max(a[1], b[1]))
    return [
        borde(x0, top, x1, top),
        borde(x0, bottom, x1, bottom),
        borde(x0, top, x0, bottom),
        borde(x1, top, x1, bottom),
    ]


def _pintado(trazo: Any) -> bool:
    """pdfminer sees a path only when it is stroked or filled; a path that only clips is no stroke."""
    relleno, trazado = ctypes.c_int(), ctypes.c_int()
    pdfium_c.FPDFPath_GetDrawMode(trazo, relleno, trazado)
    return bool(relleno.value or trazado.value)


def _formularios(recursos: Any, vistos: set[int]) -> Iterator[PDFStream]:
    recursos = resolve1(recursos)
    objetos = resolve1(recursos.get("XObject")) if isinstance(recursos, dict) else None
    for objeto in objetos.values() if isinstance(objetos, dict) else ():
        objeto = resolve1(objeto)
        if isinstance(objeto, PDFStream) and _nombre(objeto.get("Subtype")) == "Form" and id(objeto) not in vistos:
            vistos.add(id(objeto))
            yield objeto
            yield from _formularios(objeto.get("Resources"), vistos)


def para_pdfium(pagina: Any) -> bool:
    """Whether pdfium may read the page: its content (and its forms', inflated by pdfminer) is not larger
    than a form's page ever is.

    pdfium aborts the whole process when an allocation fails, as a content stream that inflates to
    gigabytes or draws millions of glyphs makes it do within the reader's memory limit; pdfminer
    raises `MemoryError`, or takes its time, and the reader's process reports the file past its
    memory or time limit, as it should. Inflating a page's content is C's work (zlib).
    """
    tamano = 0
    for flujo in [*pagina.page_obj.contents, *_formularios(pagina.page_obj.resources, set())]:
        flujo = resolve1(flujo)
        if isinstance(flujo, PDFStream):
            tamano += len(flujo.get_data())
    return tamano <= CONTENIDO_MAXIMO


def dibujo_de_pdfium(pagina: Any, pagina_pdfium: Any) -> Dibujo | None:
    """The glyphs and strokes of a page, within its box, as pdfminer's layout gives them; None when
    pdfium's text may not be what the page draws (`_letras`). `pagina` is pdfplumber's page (its
    measures and fonts), `pagina_pdfium` the same page opened by pdfium (what it draws)."""
    geometria = _Pagina(
        _giro_de_pagina(pagina),
        float(pagina.height),
        float(pagina.mediabox[0]),
        float(pagina.mediabox[1]),
        (float(pagina.bbox[0]), float(pagina.bbox[1]), float(pagina.bbox[2]), float(pagina.bbox[3])),
    )
    objetos = list(_objetos(pagina_pdfium))
    textos = [(o, m) for o, m in objetos if pdfium_c.FPDFPageObj_GetType(o) == pdfium_c.FPDF_PAGEOBJ_TEXT]
    if any(_con_reemplazo(o) for o, _ in textos):
        return None
    texto = pdfium_c.FPDFText_LoadPage(pagina_pdfium)
    try:
        donde = {_clave(o): (n, m) for n, (o, m) in enumerate(textos)}
        caracteres = _caracteres(texto, geometria, donde, _Fuentes(_descensos(pagina.page_obj.resources)))
    except _Distinto:
        return None
    finally:
        pdfium_c.FPDFText_ClosePage(texto)
    bordes: list[Borde] = []
    imagenes = 0
    for objeto, matriz in objetos:
        tipo = pdfium_c.FPDFPageObj_GetType(objeto)
        if tipo == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            imagenes += 1
        elif tipo == pdfium_c.FPDF_PAGEOBJ_PATH and _pintado(objeto):
            for forma, puntos in _subtrazos(objeto, _por(matriz, geometria.giro)):
                bordes += _bordes_de_subtrazo(forma, puntos, geometria)
    return Dibujo(caracteres, bordes, imagenes)
