"""One PDF page as rows of cells: ruled tables by their lines, the rest by how the text lines up.

A block of text goes to the ruled cell it is anchored in: its start, its end or
its centre sits in the cell, as left, right or centred text does (top, bottom
or middle, vertically). So text that overflows its cell, sideways or below a
row that is too short, still counts for the cell it was typed in.
Outside ruled tables, blocks that start on the same line side by side make a
row; consecutive such rows make a table whose columns are the gaps between texts.
"""

from __future__ import annotations

import bisect
import dataclasses
import itertools
import math
from dataclasses import dataclass, field

from extractor.ajustes import AjustesLectura, AjustesPagina, AjustesTexto
from extractor.modelo import Celda, FilaLeida, Origen
from extractor.pdf_texto import Bloque, Reglas, Tramo, continua, misma_linea, renglones, texto_de

Caja = tuple[float, float, float, float]
"""x0, top, x1, bottom, as pdfplumber gives table cells."""


@dataclass(slots=True)
class FilaPdf:
    """A row, where it sits on the page (to recognise a page header repeated) and its reading order."""

    fila: FilaLeida
    top: float
    orden: tuple[float, int]


# ---------------------------------------------------------------- ruled tables


def _confianza(tramos: list[Tramo]) -> float | None:
    """How sure OCR was of a cell: its least sure run; None for text the PDF holds as text."""
    return min((t.confianza for t in tramos if t.confianza is not None), default=None)


@dataclass(slots=True)
class _CeldaReglada:
    caja: Caja
    columnas: tuple[int, int]
    filas: tuple[int, int]
    tramos: list[Tramo] = field(default_factory=list)
    _texto: str | None = None
    _leido: bool = False

    def celda(self, origen: Origen, caja: tuple[float, float], fusionada: bool) -> Celda:
        """The cell at one grid position it covers: its text is read once, however many positions it spans."""
        if not self._leido:
            self._texto, self._leido = texto_de(self.tramos, (self.caja[0], self.caja[2])), True
        return Celda(self._texto, origen, fusionada=fusionada, caja=caja, confianza=_confianza(self.tramos))


@dataclass(slots=True)
class _Rejilla:
    xs: list[float]
    ys: list[float]
    celdas: list[_CeldaReglada]


def _lineas_de_rejilla(valores: list[float], tolerancia: float) -> list[float]:
    grupos: list[list[float]] = []
    for valor in sorted(valores):
        if grupos and valor - grupos[-1][-1] <= tolerancia:
            grupos[-1].append(valor)
        else:
            grupos.append([valor])
    return [sum(g) / len(g) for g in grupos]


def _indice(lineas: list[float], valor: float) -> int:
    i = bisect.bisect_left(lineas, valor)
    if i == len(lineas) or (i > 0 and valor - lineas[i - 1] < lineas[i] - valor):
        return i - 1
    return i


def _rejilla(cajas: list[Caja], ajustes: AjustesPagina) -> _Rejilla | None:
    """The grid of one table; None for a frame of a single column (a box around text, the page border)."""
    xs = _lineas_de_rejilla([c[0] for c in cajas] + [c[2] for c in cajas], ajustes.tolerancia_rejilla)
    ys = _lineas_de_rejilla([c[1] for c in cajas] + [c[3] for c in cajas], ajustes.tolerancia_rejilla)
    if len(xs) < 3 or len(ys) < 2:
        return None
    celdas = []
    for caja in cajas:
        columnas = (_indice(xs, caja[0]), _indice(xs, caja[2]))
        filas = (_indice(ys, caja[1]), _indice(ys, caja[3]))
        if columnas[1] > columnas[0] and filas[1] > filas[0]:
            celdas.append(_CeldaReglada(caja, columnas, filas))
    return _Rejilla(xs, ys, celdas)


def _rejillas(cajas: list[Caja], ajustes: AjustesPagina) -> list[_Rejilla]:
    """The grids of what the finder saw as one table: two tables that touch (Word's page header over
    the findings on page 2) are cut where the column lines above share none of the ones below.
    A merged cell only removes lines, so a row with merged cells never cuts its table.
    """
    completa = _rejilla(cajas, ajustes)
    if completa is None:
        return []
    lineas: list[set[int]] = [set() for _ in range(len(completa.ys) - 1)]
    for celda in completa.celdas:
        for j in range(*celda.filas):
            lineas[j].update(celda.columnas)
    cortes = [
        j
        for j in range(1, len(lineas))
        if not (lineas[j - 1] <= lineas[j] or lineas[j] <= lineas[j - 1])
        and not any(c.filas[0] < j < c.filas[1] for c in completa.celdas)
    ]
    if not cortes:
        return [completa]
    partes: dict[int, list[Caja]] = {}
    for celda in completa.celdas:
        partes.setdefault(bisect.bisect_right(cortes, celda.filas[0]), []).append(celda.caja)
    return [r for _, parte in sorted(partes.items()) if (r := _rejilla(parte, ajustes)) is not None]


def _desvio(a0: float, a1: float, c0: float, c1: float, margen: float) -> float:
    """How far text spanning a0–a1 is from sitting in a cell spanning c0–c1, along one axis.

    0 when inside; otherwise the distance of the anchor it may have (start, end or centre)
    to the cell's same point, and infinite when it has none nearer than `margen` (a cell's padding).
    """
    if a0 >= c0 - 1 and a1 <= c1 + 1:
        return 0.0
    opciones = []
    if a0 >= c0 - 1:
        opciones.append(a0 - c0)
    if a1 <= c1 + 1:
        opciones.append(c1 - a1)
    centro = (a0 + a1) / 2
    if c0 <= centro <= c1:
        opciones.append(abs(centro - (c0 + c1) / 2))
    desvio = min(opciones, default=math.inf)
    return desvio if desvio <= margen else math.inf


def _asignar(bloques: list[Bloque], rejillas: list[_Rejilla]) -> list[Bloque]:
    """Put each block in its ruled cell; the blocks in no cell are returned."""
    celdas = sorted((c for r in rejillas for c in r.celdas), key=lambda c: c.caja[1])
    tops = [c.caja[1] for c in celdas]
    alto_maximo = max((c.caja[3] - c.caja[1] for c in celdas), default=0.0)
    libres = []
    for bloque in bloques:
        x0, top, x1, bottom = bloque.x0, bloque.top, bloque.x1, bloque.bottom
        margen = max(6.0, bloque.alto_linea)
        mejor: tuple[float, float, float] | None = None
        elegida: _CeldaReglada | None = None
        inicio = bisect.bisect_left(tops, top - alto_maximo - 2)
        fin = bisect.bisect_right(tops, bottom + 2)
        for celda in celdas[inicio:fin]:
            cx0, ctop, cx1, cbottom = celda.caja
            if cx0 > x1 + 2 or cx1 < x0 - 2 or cbottom < top - 2:
                continue
            desvio = _desvio(x0, x1, cx0, cx1, margen) + _desvio(top, bottom, ctop, cbottom, margen)
            if desvio == math.inf:
                continue
            solape = max(0.0, min(x1, cx1) - max(x0, cx0)) * max(0.0, min(bottom, cbottom) - max(top, ctop))
            clave = (desvio, -solape, (cx1 - cx0) * (cbottom - ctop))
            if mejor is None or clave < mejor:
                mejor, elegida = clave, celda
        if elegida is None:
            libres.append(bloque)
        else:
            elegida.tramos.extend(bloque.lineas)
    return libres


def _filas_de_rejilla(rejilla: _Rejilla, numero: int, tabla: int) -> list[FilaPdf]:
    """One row per grid row where a cell starts; merged cells as the Word reader gives them."""
    duenos: dict[tuple[int, int], _CeldaReglada] = {}
    for celda in rejilla.celdas:
        for j in range(*celda.filas):
            for i in range(*celda.columnas):
                duenos.setdefault((j, i), celda)
    origen = Origen(pagina=numero)
    filas = []
    for j in range(len(rejilla.ys) - 1):
        if not any(c.filas[0] == j for c in rejilla.celdas):
            continue
        celdas = []
        for i in range(len(rejilla.xs) - 1):
            caja = (rejilla.xs[i], rejilla.xs[i + 1])
            dueno = duenos.get((j, i))
            if dueno is None:
                celdas.append(Celda(None, origen, caja=caja))
            elif dueno.columnas[0] != i:
                celdas.append(Celda(None, origen, fusionada=True, caja=caja))
            else:
                celdas.append(dueno.celda(origen, caja, fusionada=dueno.filas[0] != j))
        for parte in _renglones_sin_linea(celdas, [duenos.get((j, i)) for i in range(len(celdas))], j) or [celdas]:
            fila = FilaLeida(parte, tabla=tabla, pagina=numero)
            filas.append(FilaPdf(fila, rejilla.ys[j], (rejilla.ys[0], j)))
    return filas


def _parrafos_sueltos(celda: _CeldaReglada) -> list[list[Tramo]] | None:
    """The lines of a cell when each is a paragraph of its own (the next line's first word would have
    fitted on the line above), or None when the text wraps."""
    lineas = renglones(celda.tramos)
    x0, x1 = celda.caja[0], celda.caja[2]
    for arriba, abajo in itertools.pairwise(lineas):
        relleno = max(0.0, min(t.x0 for t in arriba) - x0)
        fin = max(t.x1 for t in arriba)
        palabra = abajo[0].fin_primera_palabra - abajo[0].x0
        if fin + 0.3 * abajo[0].alto + palabra > x1 - relleno + 1:
            return None
    return lineas


def _renglones_sin_linea(celdas: list[Celda], duenos: list[_CeldaReglada | None], j: int) -> list[list[Celda]] | None:
    """A ruled row that is really several rows drawn with no line between them: a label | value table with
    only its column lines puts every label in one cell and every value in the cell beside it. Its first cell
    holds two or more lines, each a paragraph of its own, and every line of the other cells sits on one of
    them: each of those lines is a row (a label whose value is empty gets an empty cell). A cell merged
    over several rows (a title block) is a real layout and is left whole."""
    if any(d is not None and d.filas != (j, j + 1) for d in duenos):
        return None
    primera = next((d for d in duenos if d is not None and d.tramos), None)
    guia = _parrafos_sueltos(primera) if primera is not None else None
    if guia is None or len(guia) < 2:
        return None
    por_columna = _lineas_por_columna(duenos, guia)
    if por_columna is None:
        return None
    return [_fila_del_renglon(celdas, renglon, por_columna) for renglon in guia]


_LineasDeCelda = dict[int, tuple[Caja, list[list[Tramo]]]]
"""Column -> (the cell's box, its lines): the cells of a ruled row that are several rows."""


def _lineas_por_columna(duenos: list[_CeldaReglada | None], guia: list[list[Tramo]]) -> _LineasDeCelda | None:
    """The lines of each cell with text, or None when a line sits on no line of the first cell (`guia`)."""
    por_columna: _LineasDeCelda = {}
    for i, dueno in enumerate(duenos):
        if dueno is None or dueno.columnas[0] != i or not dueno.tramos:
            continue
        lineas = _parrafos_sueltos(dueno)
        if lineas is None or any(not any(misma_linea(g[0], linea[0]) for g in guia) for linea in lineas):
            return None
        por_columna[i] = (dueno.caja, lineas)
    return por_columna


def _fila_del_renglon(celdas: list[Celda], renglon: list[Tramo], por_columna: _LineasDeCelda) -> list[Celda]:
    """One line of the first cell as a row: each cell keeps only its text on that line."""
    fila = list(celdas)
    for i, (caja, lineas) in por_columna.items():
        tramos = [t for linea in lineas if misma_linea(renglon[0], linea[0]) for t in linea]
        texto = texto_de(tramos, (caja[0], caja[2]))
        fila[i] = dataclasses.replace(celdas[i], texto=texto, confianza=_confianza(tramos))
    return fila


# ---------------------------------------------------------------- text without lines


@dataclass(slots=True)
class _Banda:
    """Blocks that start on the same line: a row of a table without lines, or one free line."""

    referencia: Tramo
    unidades: list[Bloque]

    @property
    def top(self) -> float:
        return min(u.top for u in self.unidades)

    @property
    def bottom(self) -> float:
        return max(u.bottom for u in self.unidades)


def _partir(bloques: list[Bloque]) -> list[Bloque]:
    """Cut a block where another block starts on the same line: it went on into a new row.

    `FORMATO…` / `Proceso Auditado: …` / `RESPONSABLES ⇥ Directora…` is drawn as one block
    on the left and one on the right; the right one starts on the third line, so the left
    one is two paragraphs and a label.
    """
    inicios = sorted((b.lineas[0] for b in bloques), key=lambda t: t.top)
    tops = [t.top for t in inicios]
    alto = max((t.alto for t in inicios), default=0.0)
    partidos = []
    for bloque in bloques:
        actual = [bloque.lineas[0]]
        for linea in bloque.lineas[1:]:
            desde = bisect.bisect_left(tops, linea.top - alto)
            hasta = bisect.bisect_right(tops, linea.bottom)
            if any(_comparten_linea(otro, linea, 0.7) for otro in inicios[desde:hasta]):
                partidos.append(Bloque(actual))
                actual = []
            actual.append(linea)
        partidos.append(Bloque(actual))
    return partidos


def _comparten_linea(a: Tramo, b: Tramo, parte: float = 0.4) -> bool:
    """Two runs on the same line: they share `parte` of the shorter one's height."""
    menor = min(a.alto, b.alto)
    return menor > 0 and (min(a.bottom, b.bottom) - max(a.top, b.top)) >= parte * menor


def _bandas(unidades: list[Bloque]) -> list[_Banda]:
    """Rows of blocks: one-line blocks by the line they sit on, taller ones by their top, middle or bottom."""
    bandas: list[_Banda] = []
    for unidad in sorted((u for u in unidades if len(u.lineas) == 1), key=lambda u: u.top):
        if bandas and _comparten_linea(bandas[-1].referencia, unidad.lineas[0]):
            bandas[-1].unidades.append(unidad)
        else:
            bandas.append(_Banda(unidad.lineas[0], [unidad]))
    for unidad in sorted((u for u in unidades if len(u.lineas) > 1), key=lambda u: u.top):
        mejor: tuple[float, _Banda] | None = None
        for banda in bandas:
            ref = banda.referencia
            distancia = min(
                abs(unidad.top - ref.top),
                abs(unidad.bottom - ref.bottom),
                abs(unidad.top + unidad.bottom - ref.top - ref.bottom) / 2,
            )
            if distancia <= 0.5 * ref.alto and (mejor is None or distancia < mejor[0]):
                mejor = (distancia, banda)
        if mejor is not None:
            mejor[1].unidades.append(unidad)
        else:
            bandas.append(_Banda(unidad.lineas[0], [unidad]))
    return sorted(bandas, key=lambda b: b.top)


def _columnas(bandas: list[_Banda]) -> list[tuple[float, float]]:
    """The columns of a table without lines, from its fullest row (the titles, mostly): each of its
    blocks is a column, reaching halfway to the next one. A value narrower than its title, and apart
    from it, still falls under it.
    """
    referencia = sorted(max(bandas, key=lambda b: len(b.unidades)).unidades, key=lambda u: u.x0)
    limites = [-math.inf, *((a.x1 + b.x0) / 2 for a, b in itertools.pairwise(referencia)), math.inf]
    return list(itertools.pairwise(limites))


def _columna(unidad: Bloque, columnas: list[tuple[float, float]]) -> int:
    return max(range(len(columnas)), key=lambda i: min(unidad.x1, columnas[i][1]) - max(unidad.x0, columnas[i][0]))


def _encaja(bandas: list[_Banda]) -> bool:
    """Every row's blocks fall one per column: the rows can be one table."""
    columnas = _columnas(bandas)
    for banda in bandas:
        usadas = {_columna(u, columnas) for u in banda.unidades}
        if len(usadas) < len(banda.unidades):
            return False
    return True


def _extension(tramos: list[Tramo]) -> tuple[float, float]:
    """Where a cell's own text lies: a title centred over three columns (SEGUIMIENTO) is narrower than the
    column the rows around it make, and the titles below it say which columns it heads."""
    return (min(t.x0 for t in tramos), max(t.x1 for t in tramos))


def _parrafos(bloque: Bloque, derecha: float) -> list[list[Tramo]]:
    """A free block cut into paragraphs: a line ends its paragraph when the next word would have fitted on it."""
    parrafos = [[bloque.lineas[0]]]
    for previa, linea in itertools.pairwise(bloque.lineas):
        palabra = linea.fin_primera_palabra - linea.x0
        if previa.x1 + 0.3 * linea.alto + palabra <= derecha + 1:
            parrafos.append([linea])
        else:
            parrafos[-1].append(linea)
    return parrafos


@dataclass(slots=True)
class _Texto:
    """Rows of the text outside ruled tables, in order."""

    numero: int
    derecha: float
    horizontales: Reglas
    tablas: itertools.count[int]
    ajustes: AjustesTexto
    por_renglones: bool = False
    """The page draws text line by line across the table, not cell by cell: a cell's next line is a row of its own."""
    filas: list[FilaPdf] = field(default_factory=list)

    def celda(
        self, tramos: list[Tramo], caja: tuple[float, float], columna: tuple[float, float] | None = None
    ) -> Celda:
        """`columna`: from where the column's text starts to where its widest line ends, the room a line had."""
        texto = texto_de(tramos, columna)
        return Celda(texto, Origen(pagina=self.numero), caja=caja, confianza=_confianza(tramos))

    def libre(self, banda: _Banda) -> None:
        """One block alone on its line: free text, a row per paragraph."""
        for parrafo in _parrafos(banda.unidades[0], self.derecha):
            caja = (min(t.x0 for t in parrafo), max(t.x1 for t in parrafo))
            fila = FilaLeida([self.celda(parrafo, caja)], tabla=None, pagina=self.numero)
            self.filas.append(FilaPdf(fila, parrafo[0].top, (parrafo[0].top, 0)))

    def region(self, bandas: list[_Banda]) -> None:
        """Consecutive rows of blocks side by side: a table without lines, or one line cut in pieces by tabs or
        spaces (`RESPONSABLES ⇥ Directora…`, a page footer), which stays free text. A single row whose cells
        hold several lines (names over their positions) is a table of one row, as Word's signature table is.
        """
        if len(bandas) == 1 and all(len(u.lineas) == 1 for u in bandas[0].unidades):
            unidades = sorted(bandas[0].unidades, key=lambda u: u.x0)
            fila = FilaLeida([self.celda(u.lineas, (u.x0, u.x1)) for u in unidades], tabla=None, pagina=self.numero)
            self.filas.append(FilaPdf(fila, bandas[0].top, (bandas[0].top, 0)))
            return
        columnas = _columnas(bandas)
        grupos = [[_columna(u, columnas) for u in banda.unidades] for banda in bandas]
        extension: dict[int, tuple[float, float]] = {}
        for banda, grupo in zip(bandas, grupos, strict=True):
            for unidad, i in zip(banda.unidades, grupo, strict=True):
                x0, x1 = extension.get(i, (unidad.x0, unidad.x1))
                extension[i] = (min(x0, unidad.x0), max(x1, unidad.x1))
        tabla = next(self.tablas)
        for j, (banda, grupo) in enumerate(zip(bandas, grupos, strict=True)):
            por_columna: dict[int, list[Tramo]] = {}
            for unidad, i in zip(banda.unidades, grupo, strict=True):
                por_columna.setdefault(i, []).extend(unidad.lineas)
            celdas = []
            for i, caja in enumerate(columnas):
                tramos = por_columna.get(i, [])
                celdas.append(
                    self.celda(tramos, _extension(tramos) if tramos else extension.get(i, caja), extension.get(i))
                )
            fila = FilaLeida(celdas, tabla=tabla, pagina=self.numero)
            self.filas.append(FilaPdf(fila, banda.top, (bandas[0].top, j)))

    def sigue_la_fila(self, region: list[_Banda], banda: _Banda) -> bool:
        """On a page drawn line by line, join a row that only goes on the cells of the row above."""
        if not self.por_renglones:
            return False
        columnas = _columnas(region)
        arriba = {_columna(u, columnas): u for u in region[-1].unidades}
        destinos = []
        for unidad in banda.unidades:
            columna = _columna(unidad, columnas)
            destino = arriba.get(columna)
            if (
                columna == 0
                or destino is None
                or not continua(destino, unidad.lineas[0], self.horizontales, self.ajustes)
            ):
                return False
            destinos.append((destino, unidad))
        for destino, unidad in destinos:
            destino.lineas.extend(unidad.lineas)
        return True

    def leer(self, bloques: list[Bloque]) -> None:
        self.por_renglones = all(len(b.lineas) == 1 for b in bloques)
        region: list[_Banda] = []
        for banda in _bandas(_partir(bloques)):
            if region and self.sigue_la_fila(region, banda):
                continue
            if len(banda.unidades) == 1:
                if region:
                    self.region(region)
                    region = []
                self.libre(banda)
                continue
            if region and not _encaja([*region, banda]):
                self.region(region)
                region = []
            region.append(banda)
        if region:
            self.region(region)


def filas_de_pagina(
    numero: int,
    bloques: list[Bloque],
    tablas_regladas: list[list[Caja]],
    horizontales: Reglas,
    tablas: itertools.count[int],
    ajustes: AjustesLectura = AjustesLectura(),
) -> list[FilaPdf]:
    """The rows of page `numero` in reading order; `tablas` numbers the tables of the whole document."""
    rejillas = [r for cajas in tablas_regladas for r in _rejillas(cajas, ajustes.pagina)]
    rejillas.sort(key=lambda r: r.ys[0])
    libres = _asignar(bloques, rejillas)
    filas = [f for rejilla in rejillas for f in _filas_de_rejilla(rejilla, numero, next(tablas))]
    derecha = max([b.x1 for b in bloques] + [r.xs[-1] for r in rejillas], default=0.0)
    texto = _Texto(numero, derecha, horizontales, tablas, ajustes.texto)
    texto.leer(libres)
    filas.extend(texto.filas)
    return sorted(filas, key=lambda f: f.orden)
