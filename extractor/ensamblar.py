"""From the rows a reader saw to one copy of the form: header block, findings, signatures.

Shared by every format, so a layout learned once works for PDF, Word and Excel:
the findings table is found by its title row (columns matched by meaning), the
rows above it are the header block, the rows after its last finding the signatures.
Each row after the titles goes through `REGLAS`, small functions in a fixed order, each
one case of a layout (a page break, a merged number, a note under the table…).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import cache

from extractor.ajustes import AjustesEnsamble
from extractor.columnas import Asignacion, asignar, mejor_puntaje, parece_fila_titulos
from extractor.encabezado import LectorEncabezado
from extractor.modelo import Celda, FilaCruda, FilaLeida, HojaLeida, Origen, PlanCrudo
from extractor.pie import LectorPie, empieza_pie, es_marca_de_firmas
from extractor.textos import clave
from extractor.vocabulario import cargar

Caja = tuple[float, float]

_CORTAS = ("plazo_meses", "fecha_inicio", "fecha_terminacion", "cumplimiento", "efectividad", "estado_accion")
_HEREDABLES = ("numero", "descripcion")
"""A row with neither (or under a merged number) is one more action of the finding above: a table
without lines, in a PDF, cannot show that the two cells were merged."""


def _textos(fila: FilaLeida) -> list[str | None]:
    return [c.texto for c in fila.celdas]


def _es_fila_titulos(fila: FilaLeida, ajustes: AjustesEnsamble) -> bool:
    return fila.tabla is not None and parece_fila_titulos(_textos(fila), ajustes.columnas)


def _es_segundo_nivel(fila: FilaLeida, ajustes: AjustesEnsamble) -> bool:
    """A row under the title row that is more titles (Cumplimiento / Efectividad / Estado), not a finding."""
    distintos = {t.strip() for t in _textos(fila) if t and t.strip()}
    if not distintos:
        return False
    parecidos = sum(1 for t in distintos if mejor_puntaje(t) >= ajustes.columnas.umbral_fila_titulos)
    return parecidos >= 1 and parecidos >= 0.6 * len(distintos)


def _tiene_titulo_de_grupo(fila: FilaLeida) -> bool:
    """A text cell followed by cells its merge covers: SEGUIMIENTO over three columns."""
    celdas = fila.celdas
    return any(
        c.texto and c.texto.strip() and i + 1 < len(celdas) and celdas[i + 1].fusionada and not celdas[i + 1].texto
        for i, c in enumerate(celdas)
    )


def _con_cajas(fila: FilaLeida) -> bool:
    return all(c.caja for c in fila.celdas)


def _misma_tabla(titulos: FilaLeida, siguiente: FilaLeida) -> bool:
    """The row under the titles belongs to their table: same table, or, in a PDF table without lines, the
    next row on the same page (the reader may cut the titles from the rows whose columns they share)."""
    if siguiente.tabla is None:
        return False
    if siguiente.tabla == titulos.tabla:
        return True
    return siguiente.pagina == titulos.pagina and _con_cajas(titulos) and _con_cajas(siguiente)


def _combinar(arriba: FilaLeida, abajo: FilaLeida) -> tuple[list[str | None], list[str | None], list[Caja]]:
    """Two levels of titles with different columns, by where each title sits. The row below only has
    titles under a group (the other columns' titles span both rows): each run of them side by side goes
    under the title above centred nearest to the run (SEGUIMIENTO, centred over its columns and narrower
    than them). Any other title keeps its own column."""
    titulos = [c for c in arriba.celdas if c.texto and c.texto.strip() and c.caja]
    tandas: list[list[Celda]] = [[]]
    for celda in abajo.celdas:
        if celda.texto and celda.texto.strip() and celda.caja:
            tandas[-1].append(celda)
        elif tandas[-1]:
            tandas.append([])
    grupos: dict[int, list[Celda]] = {}
    for tanda in tandas:
        if len(tanda) >= 2 and titulos:
            centro = (_caja(tanda[0])[0] + _caja(tanda[-1])[1]) / 2
            k = min(range(len(titulos)), key=lambda k: abs(sum(_caja(titulos[k])) / 2 - centro))
            grupos[k] = tanda
    superior: list[str | None] = []
    inferior: list[str | None] = []
    cajas: list[Caja] = []
    for k, titulo in enumerate(titulos):
        if k not in grupos:
            superior.append(None)
            inferior.append(titulo.texto)
            cajas.append(_caja(titulo))
            continue
        for celda in grupos[k]:
            superior.append(titulo.texto)
            inferior.append(celda.texto)
            cajas.append(_caja(celda))
    return superior, inferior, cajas


def _caja(celda: Celda) -> Caja:
    assert celda.caja is not None
    return celda.caja


def _sin_texto(fila: FilaLeida) -> bool:
    return not any(c.texto and c.texto.strip() for c in fila.celdas)


@dataclass(slots=True)
class _Tabla:
    """The findings table as it goes on: its column map and the geometry to follow it over pages."""

    asignacion: Asignacion
    ancho: int
    cajas: list[tuple[float, float] | None]
    tabla: int | None

    por_cajas: bool = False
    """The columns come from where the titles sit, not from a grid: every row is placed by its cells' extent."""

    @classmethod
    def desde(cls, niveles: list[FilaLeida], ajustes: AjustesEnsamble) -> _Tabla:
        titulos = niveles[-1]
        if len(niveles) == 2 and niveles[0].tabla != titulos.tabla:
            superior, inferior, cajas = _combinar(*niveles)
            asignacion = asignar([superior, inferior], ajustes.columnas)
            return cls(asignacion, len(cajas), list(cajas), titulos.tabla, por_cajas=True)
        asignacion = asignar([_textos(f) for f in niveles], ajustes.columnas)
        return cls(asignacion, len(titulos.celdas), [c.caja for c in titulos.celdas], titulos.tabla)

    def posiciones(self, fila: FilaLeida) -> dict[int, int] | None:
        """Grid position of each cell of `fila` in the title row, or None when the row is another table.

        Without a common grid, a cell goes to the title it overlaps most; of two it overlaps as much (a
        narrow number under both `N°` and a title that spreads over it), to the narrower one.
        """
        if len(fila.celdas) == self.ancho and not self.por_cajas:
            return {i: i for i in range(self.ancho)}
        if all(self.cajas) and all(c.caja for c in fila.celdas):
            mapa: dict[int, int] = {}
            for i, celda in enumerate(fila.celdas):
                assert celda.caja is not None
                x0, x1 = celda.caja
                solapes = [
                    (min(x1, caja[1]) - max(x0, caja[0]), caja[0] - caja[1], j)
                    for j, caja in enumerate(self.cajas)
                    if caja is not None
                ]
                solape, _, j = max(solapes)
                if solape > 0:
                    mapa[i] = j
            return mapa if len(set(mapa.values())) >= max(3, self.ancho // 2) else None
        return None

    def celdas(self, fila: FilaLeida, posiciones: dict[int, int]) -> dict[str, Celda]:
        valores: dict[str, Celda] = {}
        for i, celda in enumerate(fila.celdas):
            campo = self.asignacion.columnas.get(posiciones.get(i, -1))
            if campo is None:
                continue
            previa = valores.get(campo)
            if previa is None or not previa.texto:
                valores[campo] = celda
            elif celda.texto:
                valores[campo] = Celda(f"{previa.texto}\n{celda.texto}", previa.origen, previa.valor, previa.formato)
        return valores


def _llenos(celdas: dict[str, Celda], campos: tuple[str, ...] | None = None) -> int:
    return sum(1 for k, c in celdas.items() if (campos is None or k in campos) and c.texto and c.texto.strip())


def _sigue_en_otra_pagina(celdas: dict[str, Celda], anterior: FilaCruda) -> bool:
    """The first row of a page, with no number, is the rest of the finding the page break cut when it fills
    fewer than half the short cells that finding filled: only what did not fit goes on (`10 de` | `enero`),
    while one more action of the finding fills its own dates, months and states. So is it when it has a
    description of its own under a numbered finding: one more action shares the finding's description
    (a merged cell, empty on the new page), a new finding has its own number.
    """
    propias = _llenos(celdas, _CORTAS)
    if propias == 0 or 2 * propias < _llenos(anterior.celdas, _CORTAS):
        return True
    return _llenos(celdas, ("descripcion",)) > 0 and _llenos(anterior.celdas, ("numero",)) > 0


@cache
def _palabras_solas() -> frozenset[str]:
    datos = cargar("texto")
    return frozenset(datos["enlaces"]) | frozenset(datos["palabras_cortas"])


def _palabra_partida(arriba: str, abajo: str) -> bool:
    """The page break fell inside a word: right after a hyphen or slash (`2022-` / `05-31`), or, the last
    line above being one word, the text below goes on in lower case with the rest of it: a short rest
    (`realizad` / `as`), or any rest in a cell whose words start with capitals (`Secretario de Hacien` / `da`).
    A short word that also goes alone (`a`, `de`, `es`) starts a word of its own."""
    if arriba[-1:] in ("-", "/") and arriba[-2:-1].isalnum() and abajo[:1].isalnum():
        return True
    ultima = arriba.rsplit("\n", 1)[-1].strip()
    resto = abajo.split(maxsplit=1)[0] if abajo.split() else ""
    if not ultima or " " in ultima or not resto[:1].islower() or resto.lower() in _palabras_solas():
        return False
    iniciales = [p for p in arriba.split()[1:] if p[:1].isalpha() and p.lower() not in _palabras_solas()]
    titulo = bool(iniciales) and all(p[0].isupper() for p in iniciales)
    return titulo or len(resto.rstrip(".,;:")) <= 3


def _sigue_la_descripcion(celdas: dict[str, Celda], anterior: FilaCruda) -> bool:
    """A row with no number whose description starts in lower case goes on with the description above: in a
    PDF table without lines, the last lines of a description merged over two actions fall beside the second."""
    propia = celdas.get("descripcion")
    arriba = anterior.celdas.get("descripcion")
    texto = (propia.texto or "").strip() if propia else ""
    return bool(texto[:1].islower() and arriba is not None and arriba.texto)


def _unir(anterior: FilaCruda, fragmento: dict[str, Celda]) -> None:
    """A finding cut by a page break: each cell's text goes on from where it stopped, on a new line, or
    glued when the break fell right after a hyphen or slash inside a word or date (`2022-` / `05-31`)."""
    for campo, celda in fragmento.items():
        if not celda.texto or not celda.texto.strip():
            continue
        previa = anterior.celdas.get(campo)
        if previa is None or not previa.texto:
            anterior.celdas[campo] = celda
        else:
            union = "" if _palabra_partida(previa.texto, celda.texto) else "\n"
            anterior.celdas[campo] = Celda(
                f"{previa.texto}{union}{celda.texto}", previa.origen, previa.valor, previa.formato
            )


def ensamblar(hoja: HojaLeida, ajustes: AjustesEnsamble = AjustesEnsamble()) -> PlanCrudo | None:
    """The copy of the form in `hoja`, or None when it holds none."""
    filas = hoja.filas
    inicio = next((i for i, f in enumerate(filas) if _es_fila_titulos(f, ajustes)), None)
    encabezado = LectorEncabezado.nuevo()
    for fila in filas[: inicio if inicio is not None else len(filas)]:
        encabezado.leer_fila(fila)
    if inicio is None:
        if encabezado.cuantos_rotulos() >= 3 and any("mejoramiento" in k for k in encabezado.vistos):
            return PlanCrudo(encabezado=encabezado.resultado(), hoja=hoja.nombre)
        return None

    niveles, siguiente = _niveles_de_titulos(filas, inicio, ajustes)
    ensamble = _Ensamble(hoja, _Tabla.desde(niveles, ajustes), ajustes, siguiente)
    ensamble.recorrer()
    plan = PlanCrudo(
        hoja=hoja.nombre,
        columnas_desconocidas=list(ensamble.primera_asignacion.desconocidas.values()),
        columnas_faltantes=ensamble.primera_asignacion.faltantes,
        filas=ensamble.hallazgos,
        encabezado=encabezado.resultado(),
    )
    pie = LectorPie(ignorar=encabezado.vistos | {clave(t) for t in _textos_titulos(niveles)})
    for fila in filas[ensamble.fin :]:
        if not _es_resto_de_la_tabla(fila, ensamble.tabla):
            pie.leer_fila(fila)
    plan.firmas = pie.firmas()
    plan.proyecto = pie.proyecto
    return plan


def _niveles_de_titulos(filas: list[FilaLeida], inicio: int, ajustes: AjustesEnsamble) -> tuple[list[FilaLeida], int]:
    """The title rows of the table whose main titles are `filas[inicio]`, and the index of the row after them:
    a group title above (SEGUIMIENTO) and a second level below (Cumplimiento / Efectividad / Estado)."""
    niveles = [filas[inicio]]
    siguiente = inicio + 1
    if inicio > 0 and filas[inicio - 1].tabla == filas[inicio].tabla and _tiene_titulo_de_grupo(filas[inicio - 1]):
        niveles.insert(0, filas[inicio - 1])
    if _segundo_nivel_bajo(filas, inicio, ajustes):
        niveles.append(filas[siguiente])
        siguiente += 1
    return niveles, siguiente


def _segundo_nivel_bajo(filas: list[FilaLeida], i: int, ajustes: AjustesEnsamble) -> bool:
    siguiente = i + 1
    return (
        siguiente < len(filas)
        and _misma_tabla(filas[i], filas[siguiente])
        and _es_segundo_nivel(filas[siguiente], ajustes)
    )


def _es_resto_de_la_tabla(fila: FilaLeida, tabla: _Tabla) -> bool:
    """A row of the findings table after its end that the signature block must not read."""
    return fila.tabla is not None and fila.tabla == tabla.tabla and not empieza_pie(fila) and not _parece_firmas(fila)


class _Paso(Enum):
    """What a rule decided about a row: read the next one, or the findings table ends at this one."""

    SIGUIENTE = auto()
    FIN = auto()


@dataclass(slots=True)
class _Fila:
    """The row the rules look at; once placed in the table's columns, its cells by field."""

    leida: FilaLeida
    celdas: dict[str, Celda] = field(default_factory=dict)
    numero: Celda | None = None
    """The number cell as placed: None when the table has no number column or the row no cell in it."""
    sin_numero: bool = True
    propios: int = 0
    """How many fields the row filled itself: these three are fixed before any rule changes its cells."""


@dataclass(slots=True)
class _Ensamble:
    """The rows after the title row, read in order: the table's findings, and the row where the table ends."""

    hoja: HojaLeida
    tabla: _Tabla
    ajustes: AjustesEnsamble
    siguiente: int
    """Index of the next row to read; a rule may take more than one row (titles over two rows)."""
    hallazgos: list[FilaCruda] = field(default_factory=list)
    pagina_ultimo: int | None = None
    """The page of the last row that went into a finding: a row on another page may be its rest."""
    fin: int = field(init=False)
    """Index of the row where the findings table ends: the signature block is read from there."""
    primera_asignacion: Asignacion = field(init=False)
    """The columns of the first title row, the ones the plan reports as unknown or missing."""

    def __post_init__(self) -> None:
        self.fin = len(self.hoja.filas)
        self.primera_asignacion = self.tabla.asignacion

    def recorrer(self) -> None:
        filas = self.hoja.filas
        while self.siguiente < len(filas):
            actual = self.siguiente
            self.siguiente += 1
            if _clasificar(self, _Fila(filas[actual])) is _Paso.FIN:
                self.fin = actual
                return


def _clasificar(ensamble: _Ensamble, fila: _Fila) -> _Paso:
    """The first rule of `REGLAS` that decides about the row; a rule that returns None passes it on."""
    for regla in REGLAS:
        paso = regla(ensamble, fila)
        if paso is not None:
            return paso
    return _Paso.SIGUIENTE


def _fuera_de_tabla(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """Text outside any table: the signature block when it starts it, else a stray line in the table's way."""
    if fila.leida.tabla is not None:
        return None
    return _Paso.FIN if empieza_pie(fila.leida) else _Paso.SIGUIENTE


def _vacia(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """A row with no text: a blank row between findings."""
    return _Paso.SIGUIENTE if _sin_texto(fila.leida) else None


def _titulos_repetidos(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """The title row again (on every page, or a new table): its columns hold from here on."""
    if not _es_fila_titulos(fila.leida, ensamble.ajustes):
        return None
    filas = ensamble.hoja.filas
    niveles = [fila.leida]
    if _segundo_nivel_bajo(filas, ensamble.siguiente - 1, ensamble.ajustes):
        niveles.append(filas[ensamble.siguiente])
        ensamble.siguiente += 1
    ensamble.tabla = _Tabla.desde(niveles, ensamble.ajustes)
    return _Paso.SIGUIENTE


def _pie(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """A row of the table that starts the signature block (`Elaboró`, `Firma`) ends the findings."""
    return _Paso.FIN if empieza_pie(fila.leida) else None


def _ubicar(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """Place the row's cells under the table's titles. A row that fits no columns is skipped in the same
    table, and ends the findings when it belongs to another table."""
    posiciones = ensamble.tabla.posiciones(fila.leida)
    if posiciones is None:
        return _Paso.FIN if fila.leida.tabla != ensamble.tabla.tabla else _Paso.SIGUIENTE
    ensamble.tabla.tabla = fila.leida.tabla
    fila.celdas = ensamble.tabla.celdas(fila.leida, posiciones)
    fila.numero = fila.celdas.get("numero")
    fila.sin_numero = fila.numero is None or not (fila.numero.texto and fila.numero.texto.strip())
    fila.propios = _llenos(fila.celdas)
    return None


def _sigue_de_la_pagina_anterior(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """The first row of a new page, with no number, that is the rest of the finding the page break cut."""
    pagina = fila.leida.pagina
    nueva_pagina = pagina is not None and ensamble.pagina_ultimo is not None and pagina != ensamble.pagina_ultimo
    if not (ensamble.hallazgos and fila.sin_numero and nueva_pagina):
        return None
    if not _sigue_en_otra_pagina(fila.celdas, ensamble.hallazgos[-1]):
        return None
    _unir(ensamble.hallazgos[-1], fila.celdas)
    ensamble.pagina_ultimo = pagina
    return _Paso.SIGUIENTE


def _sigue_la_descripcion_de_arriba(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """A description that goes on from the finding above moves up there; the row itself goes on to the
    next rules (it is usually one more action of that finding)."""
    arriba = ensamble.hallazgos[-1] if ensamble.hallazgos else None
    if arriba and fila.sin_numero and fila.numero is not None and _sigue_la_descripcion(fila.celdas, arriba):
        _unir(arriba, {"descripcion": fila.celdas["descripcion"]})
        fila.celdas["descripcion"] = Celda(None, fila.celdas["descripcion"].origen)
    return None


def _accion_heredada(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """One more action of the finding above (no number, under a merged number or with no description of its
    own) takes that finding's number and description; the row goes on to the next rules."""
    numero = fila.numero
    if not (ensamble.hallazgos and fila.sin_numero and numero is not None):
        return None
    if numero.fusionada or not _llenos(fila.celdas, ("descripcion",)):
        for campo in _HEREDABLES:
            propia = fila.celdas.get(campo)
            heredada = ensamble.hallazgos[-1].celdas.get(campo)
            if (propia is None or not propia.texto) and heredada is not None:
                fila.celdas[campo] = Celda(heredada.texto, heredada.origen, heredada.valor, heredada.formato, True)
    return None


def _ruido(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """A row without number that filled fewer than three fields is no finding: a note, stray text, or the
    names and positions that sign under the table (which end the findings)."""
    if not fila.sin_numero or fila.propios >= max(ensamble.ajustes.minimo_campos_hallazgo, 3):
        return None
    return _Paso.FIN if ensamble.hallazgos and _parece_firmas(fila.leida) else _Paso.SIGUIENTE


def _casi_vacia(ensamble: _Ensamble, fila: _Fila) -> _Paso | None:
    """A row that, inheritance included, fills too few fields to be a finding."""
    return _Paso.SIGUIENTE if _llenos(fila.celdas) < ensamble.ajustes.minimo_campos_hallazgo else None


def _hallazgo(ensamble: _Ensamble, fila: _Fila) -> _Paso:
    """What no rule above took: one finding (or one more action of a finding), with where it was read."""
    leida = fila.leida
    primera = next((c for c in leida.celdas if c.texto), leida.celdas[0])
    numero_de_fila = primera.origen.fila if primera.origen.fila is not None else len(ensamble.hallazgos) + 1
    origen = Origen(pagina=leida.pagina, hoja=ensamble.hoja.nombre, fila=numero_de_fila)
    ensamble.hallazgos.append(FilaCruda(celdas=fila.celdas, origen=origen))
    ensamble.pagina_ultimo = leida.pagina
    return _Paso.SIGUIENTE


_Regla = Callable[[_Ensamble, _Fila], _Paso | None]

REGLAS: tuple[_Regla, ...] = (
    _fuera_de_tabla,
    _vacia,
    _titulos_repetidos,
    _pie,
    _ubicar,
    _sigue_de_la_pagina_anterior,
    _sigue_la_descripcion_de_arriba,
    _accion_heredada,
    _ruido,
    _casi_vacia,
    _hallazgo,
)
"""Each row of the findings table goes through these rules in order, until one decides (`_Paso`). The rules
before `_ubicar` see the row as read; from it on, its cells by field. A layout fix is one rule, here."""


def _textos_titulos(niveles: list[FilaLeida]) -> list[str]:
    return [t for f in niveles for t in _textos(f) if t]


def _parece_firmas(fila: FilaLeida) -> bool:
    """Few short texts and no number: names and positions under the table, not a finding."""
    textos = [c.texto.strip() for c in fila.celdas if c.texto and c.texto.strip()]
    if not textos or len(textos) > 4:
        return False
    if any(es_marca_de_firmas(t) for t in textos):
        return True
    return all(len(t) <= 80 and not any(ch.isdigit() for ch in t) for t in textos)
