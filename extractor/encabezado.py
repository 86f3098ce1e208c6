"""The header block of the form: labels such as `Proceso Auditado:` and the value beside them.

A value is what follows its label in the same line or cell (a cell may wrap it onto its next
lines), or the next cell to the right, or, under a table row that holds only labels, the cell
below each; never the next paragraph or row: a label with no value stays empty. Labels are matched by meaning against
`vocabulario/encabezado.toml`, so a new spelling is a line of data, not code. The entity is
the label `Entidad:` when there is one, else the free line of the header that names one.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import cache, lru_cache

from rapidfuzz import fuzz

from extractor.modelo import Celda, FilaLeida
from extractor.textos import clave, colapsar, sin_relleno, tiene_letras
from extractor.vocabulario import cargar

_PALABRA = re.compile(r"[^\W_]+")
_VINETA = re.compile(r"[ \t]*(?:\d{1,2}[.)]|[a-z][.)](?=\s)|[•▪·*\-–])?[ \t]*")
_INICIO_DE_VALOR = " \t\n:：-–—.=>)"
_DOS_PUNTOS = (":", "：")
_DOS_PUNTOS_CERCA = re.compile(r"[^\n:：]{1,60}[:：]")
"""Inside a line only a label followed by a colon counts: no need to look for one farther from a colon."""
_PAGINACION = cargar("encabezado")["paginacion"]
_NUMERO_DE_PAGINA = (
    rf"(?:{'|'.join(sorted(map(re.escape, _PAGINACION['palabras']), key=len, reverse=True))})\.?"
    rf"\s*:?\s*\d+(?:\s*(?:{'|'.join(map(re.escape, _PAGINACION['entre']))})\s*\d+)?\s*$"
)
_PAGINA = re.compile(r"^\s*" + _NUMERO_DE_PAGINA, re.IGNORECASE)
_PAGINA_AL_FINAL = re.compile(r"\s+" + _NUMERO_DE_PAGINA, re.IGNORECASE)
_ENTRE_TITULO_Y_NOMBRE = re.compile(r"\s+[-–—|/]\s+")
_CALIFICATIVO = re.compile(r"[ \xa0]+[^\W\d_][^\W\d]*(?:[ \xa0]+[^\W\d_][^\W\d]*){0,3}[ \xa0]*(?=[:：])")
"""`Responsable del seguimiento:`: words between a label and its colon qualify the label, they are no value."""
_ROTULO_DESCONOCIDO = re.compile(r"[^:：\n]{1,40}[:：]")
"""`Auditor: …`: a line led by a label of its own is never the entity's name."""
AJENO = "ajeno"
"""The field of labels that are not the form's (`Dependencia`, `Vigencia`): read so their value is nobody's."""
_UNA_LINEA = frozenset({"codigo", "version"})
"""Fields whose value never wraps: what follows on the next line of the cell is something else."""


@dataclass(frozen=True, slots=True)
class Rotulo:
    """One spelling of a header label: its field and its words (`clave`), as `encabezado.toml` writes it."""

    campo: str
    palabras: tuple[str, ...]
    corto: bool
    abreviado: bool


@cache
def _rotulos() -> tuple[Rotulo, ...]:
    rotulos: list[Rotulo] = []
    for campo, datos in cargar("encabezado")["rotulos"].items():
        for variante in datos["variantes"]:
            rotulos.append(Rotulo(campo, tuple(clave(variante).split()), False, False))
        for variante in datos["variantes_cortas"]:
            rotulos.append(Rotulo(campo, tuple(clave(variante).split()), True, variante.endswith(".")))
    return tuple(sorted((r for r in rotulos if r.palabras), key=lambda r: (-len(r.palabras), r.corto)))


@cache
def _titulos() -> tuple[frozenset[str], tuple[str, ...]]:
    datos = cargar("encabezado")["titulos"]
    return frozenset(clave(t) for t in datos["lineas"]), tuple(clave(t) for t in datos["inicios"])


@cache
def _entidad() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    datos = cargar("encabezado")["entidad"]
    fuertes, territorios, membrete = (tuple(clave(p) for p in datos[k]) for k in ("fuertes", "territorios", "membrete"))
    return fuertes, territorios, membrete


@cache
def _instrucciones() -> tuple[str, ...]:
    return tuple(clave(inicio) for inicio in cargar("encabezado")["instrucciones"]["inicios"])


def es_instruccion(texto: str) -> bool:
    """`Escriba el nombre del proceso…`: what an instructions block asks of a field, never its value."""
    return _empieza_con(clave(texto), _instrucciones())


def es_titulo_del_formato(texto: str) -> bool:
    """`FORMATO PLAN DE MEJORAMIENTO`, `PROCESO DE GESTIÓN, EVALUACIÓN Y MEJORA` and the like."""
    k = clave(texto)
    lineas, _ = _titulos()
    return bool(k) and (k in lineas or any(fuzz.ratio(k, t) >= 90 for t in lineas))


def _parece_titulo(texto: str) -> bool:
    """A title, or a line of the title block (`Proceso: Evaluación independiente`): never the entity."""
    return es_titulo_del_formato(texto) or _empieza_con(clave(texto), _titulos()[1])


def es_numero_de_pagina(texto: str) -> bool:
    return bool(_PAGINA.match(texto))


def _empieza_con(k: str, inicios: tuple[str, ...]) -> bool:
    return any(k == i or k.startswith(i + " ") for i in inicios)


@lru_cache(maxsize=16384)
def _misma_palabra(escrita: str, rotulo: str) -> bool:
    """Typos tolerated in long words (`Suscrpción`), never in short ones (`de`, `s`)."""
    if len(rotulo) <= 4:
        return escrita == rotulo
    return fuzz.ratio(escrita, rotulo) >= 80


@lru_cache(maxsize=8192)
def _rotulos_que_empiezan(palabra: str) -> tuple[Rotulo, ...]:
    """The labels whose first word is `palabra` (or a typo of it), longest first: most words start none."""
    return tuple(r for r in _rotulos() if _misma_palabra(palabra, r.palabras[0]))


def _mayusculas(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    return bool(letras) and sum(c.isupper() for c in letras) >= 0.8 * len(letras)


def _coincidir(texto: str, inicio: int = 0) -> tuple[Rotulo, int] | None:
    """The label `texto` starts with at `inicio` (its words may wrap onto the next line) and where it ends."""
    palabras = _primeras_palabras(texto, inicio)
    if not palabras:
        return None
    candidatos = _rotulos_que_empiezan(clave(palabras[0].group()))
    claves = [clave(p.group()) for p in palabras] if candidatos else []
    for rotulo in candidatos:
        n = len(rotulo.palabras)
        if n > len(claves) or not all(map(_misma_palabra, claves[1:n], rotulo.palabras[1:])):
            continue
        fin = palabras[n - 1].end()
        if rotulo.corto and not _corto_bien_separado(rotulo, texto, fin):
            continue
        calificativo = _CALIFICATIVO.match(texto, fin) if not rotulo.corto else None
        return rotulo, calificativo.end() if calificativo else fin
    return None


def _primeras_palabras(texto: str, inicio: int) -> list[re.Match[str]]:
    """The first words from `inicio`, after a bullet and before a tab: where a label may be. None when
    something else than a bullet comes first."""
    vineta = _VINETA.match(texto, inicio)
    desde = vineta.end() if vineta else inicio
    tabulador = texto.find("\t", desde, desde + 160)
    palabras = list(itertools.islice(_PALABRA.finditer(texto, desde, tabulador if tabulador >= 0 else desde + 160), 8))
    if not palabras or texto[desde : palabras[0].start()].strip():
        return []
    return palabras


def _corto_bien_separado(rotulo: Rotulo, texto: str, fin: int) -> bool:
    """A short label (`Código`, `Proc.`) counts only when what follows shows it is one: a colon, a tab, the
    end of the line, a number, or the dot of its abbreviation."""
    siguiente = texto[fin : fin + 40].lstrip(" )]")[:1]
    separado = siguiente in ("", "\t", "\n", *_DOS_PUNTOS) or siguiente.isdigit()
    return separado or (rotulo.abreviado and siguiente == ".")


def buscar_rotulo(texto: str) -> tuple[str, str] | None:
    """If `texto` starts with a header label, the field and what follows the label (maybe empty)."""
    hallado = _coincidir(texto)
    if hallado is None:
        return None
    rotulo, fin = hallado
    return rotulo.campo, texto[fin:].lstrip(_INICIO_DE_VALOR).strip()


class _Corte(Enum):
    INICIO = auto()
    """The start of a cell, or after a tab: `PROCESO AUDITADO Gestión` is label and value."""
    LINEA = auto()
    """A later line of the cell: a label only when it looks like one (colon, tab, alone, number, capitals)."""
    HUECO = auto()
    """After a run of spaces typed in place of a tab (`Código GEM-FM014     Versión 03`): as a later line."""
    PALABRA = auto()
    """Inside a line: `VERSION: 02 FECHA: 09/07/2021`, a label only when a colon follows it."""


def _cortes(texto: str) -> list[tuple[int, _Corte]]:
    cortes = [(0, _Corte.INICIO)]
    for palabra in _PALABRA.finditer(texto):
        i = palabra.start()
        j = i
        while j > 0 and texto[j - 1] in " \xa0":
            j -= 1
        antes = texto[j - 1] if j > 0 else ""
        if i == 0:
            continue
        if antes in ("", "\t"):
            cortes.append((i, _Corte.INICIO))
        elif antes == "\n":
            cortes.append((i, _Corte.LINEA))
        elif i - j >= 2:
            cortes.append((i, _Corte.HUECO))
        elif texto[i - 1] in " \xa0;|" and _DOS_PUNTOS_CERCA.match(texto, i):
            cortes.append((i, _Corte.PALABRA))
    return cortes


def _con_dos_puntos(texto: str, fin: int) -> bool:
    return texto[fin : fin + 40].lstrip(" )]")[:1] in _DOS_PUNTOS


def _acepta(texto: str, inicio: int, fin: int, corte: _Corte) -> bool:
    siguiente = texto[fin : fin + 40].split("\n", 1)[0].lstrip(" )]")[:1]
    if corte is _Corte.PALABRA:
        return siguiente in _DOS_PUNTOS
    if corte in (_Corte.LINEA, _Corte.HUECO):
        return siguiente in ("", "\t", *_DOS_PUNTOS) or siguiente.isdigit() or _mayusculas(texto[inicio:fin])
    return True


@dataclass(frozen=True, slots=True)
class _Tramo:
    """A piece of one cell's text: a label and its value, or free text (`rotulo` None)."""

    inicio: int
    fin: int
    rotulo: Rotulo | None = None
    fin_rotulo: int = 0


def _tramos(texto: str) -> list[_Tramo]:
    """`texto` cut where each label starts; free text can only come before the first label."""
    inicios: list[tuple[int, Rotulo | None, int]] = []
    limite = 0
    for posicion, corte in _cortes(texto):
        if posicion < limite:
            continue
        hallado = _coincidir(texto, posicion)
        if hallado is None or not _acepta(texto, posicion, hallado[1], corte):
            continue
        anterior = inicios[-1][1] if inicios else None
        repetido = anterior is not None and anterior.campo == hallado[0].campo
        if repetido and corte is not _Corte.INICIO and not _con_dos_puntos(texto, hallado[1]):
            continue
        if not inicios and texto[:posicion].strip():
            inicios.append((0, None, 0))
        inicios.append((posicion, hallado[0], hallado[1]))
        limite = hallado[1]
    if not inicios:
        return [_Tramo(0, len(texto))]
    fines = [i for i, _, _ in inicios[1:]] + [len(texto)]
    return [_Tramo(i, f, r, fr) for (i, r, fr), f in zip(inicios, fines, strict=True)]


def _valor(cuerpo: str, campo: str) -> tuple[str | None, list[str]]:
    """The value of a label from the text after it, and the lines that follow it but are not it."""
    lineas = [colapsar(sin_relleno(linea).replace("\t", " ")) for linea in cuerpo.lstrip(_INICIO_DE_VALOR).split("\n")]
    valor: list[str] = []
    sobra: list[str] = []
    for linea in lineas:
        if linea is None:
            continue
        linea = _PAGINA_AL_FINAL.sub("", linea)
        if sobra or es_numero_de_pagina(linea) or (valor and (campo in _UNA_LINEA or es_titulo_del_formato(linea))):
            sobra.append(linea)
        elif valor or tiene_letras(linea) or any(c.isdigit() for c in linea):
            valor.append(linea)
    return ("\n".join(valor) or None), sobra


def _puede_ser_valor(texto: str) -> bool:
    limpio = colapsar(sin_relleno(texto)) or ""
    return any(c.isalnum() for c in limpio) and not es_titulo_del_formato(limpio) and not es_numero_de_pagina(limpio)


@dataclass(slots=True)
class _Pieza:
    celda: Celda
    texto: str
    columna: int
    tramos: list[_Tramo]

    @property
    def solo_rotulo(self) -> bool:
        """The piece is one label and nothing else: `PROCEDIMIENTOS`, `Código:`."""
        if len(self.tramos) != 1 or self.tramos[0].rotulo is None:
            return False
        return _valor(self.texto[self.tramos[0].fin_rotulo :], self.tramos[0].rotulo.campo)[0] is None

    @property
    def tiene_rotulo(self) -> bool:
        return any(t.rotulo is not None for t in self.tramos)


def _piezas(fila: FilaLeida) -> list[_Pieza]:
    return [_Pieza(c, c.texto, i, _tramos(c.texto)) for i, c in enumerate(fila.celdas) if c.texto and c.texto.strip()]


@dataclass(slots=True)
class _Pendientes:
    """A table row of labels only: their values are in the cells right below (`CÓDIGO | VERSIÓN | FECHA`)."""

    tabla: int
    rotulos: dict[int, tuple[Rotulo, Celda]]
    cajas: dict[int, tuple[float, float] | None]

    def columna_de(self, pieza: _Pieza) -> int | None:
        if pieza.columna in self.rotulos and (pieza.celda.caja is None or self.cajas[pieza.columna] is None):
            return pieza.columna
        if pieza.celda.caja is None:
            return None
        x0, x1 = pieza.celda.caja
        solapes = [(min(x1, caja[1]) - max(x0, caja[0]), j) for j, caja in self.cajas.items() if caja is not None]
        solape, j = max(solapes, default=(0.0, -1))
        return j if solape > 0 else None


@dataclass(frozen=True, slots=True)
class _ValorAbajo:
    """A label whose value cell beside it is empty: a PDF table without row lines may have drawn
    the value one row lower (`Procedimiento(s):⏎Responsable(s):` | ∅, then ∅ | `Director de TIC`)."""

    tabla: int
    columna: int
    """The empty cell right of the label, where the value belongs."""
    caja: tuple[float, float] | None
    rotulo: Rotulo

    def es_de(self, fila: FilaLeida, piezas: list[_Pieza]) -> _Pieza | None:
        """The piece of `fila` that is this label's value: alone, right of an empty label column, with no label."""
        if fila.tabla != self.tabla or len(piezas) != 1 or piezas[0].tiene_rotulo:
            return None
        pieza = piezas[0]
        if self.caja is not None and pieza.celda.caja is not None:
            x0, x1 = pieza.celda.caja
            return pieza if min(x1, self.caja[1]) - max(x0, self.caja[0]) > 0 else None
        return pieza if pieza.columna == self.columna else None


@dataclass(slots=True)
class LectorEncabezado:
    """Collects header values from the rows above the findings table.

    The first value of a field wins, and a full label (`Proceso Auditado`) wins over a
    generic one (`Proceso:`), so a header repeated on every page never doubles a value.
    `vistos` keeps the keys of the header's free lines, label lines and whole rows, for
    the signature block to skip a page header repeated after the table.
    """

    valores: dict[str, tuple[int, Celda]] = field(default_factory=dict)
    vistos: set[str] = field(default_factory=set)
    libres: list[tuple[list[str], Celda]] = field(default_factory=list)
    pendientes: _Pendientes | None = None
    abajo: _ValorAbajo | None = None

    @classmethod
    def nuevo(cls) -> LectorEncabezado:
        return cls()

    def leer_fila(self, fila: FilaLeida) -> None:
        """One row, in this order: the value a label of the row above left for it, the values under a row of
        labels, a row of labels whose values come below, and then each label with its value beside it."""
        piezas = _piezas(fila)
        abajo, self.abajo = self.abajo, None
        if not piezas:
            return
        self.vistos.add("|".join(clave(p.texto) for p in piezas))
        if self._valor_de_arriba(abajo, fila, piezas):
            return
        usadas = self._valores_bajo_rotulos(fila, piezas)
        if self._es_fila_de_rotulos(fila, piezas):
            piezas = self._dejar_pendientes(fila, piezas)
        piezas = [p for p in piezas if p.columna not in usadas]
        saltar_libre: set[int] = set()
        for n, pieza in enumerate(piezas):
            self._leer_pieza(pieza, piezas[n + 1] if n + 1 < len(piezas) else None, saltar_libre)
        self.abajo = self._valor_abajo(fila, piezas)

    def _valor_de_arriba(self, abajo: _ValorAbajo | None, fila: FilaLeida, piezas: list[_Pieza]) -> bool:
        """The row is the value of the label the row above ended in (see `_ValorAbajo`): take it."""
        pieza = abajo.es_de(fila, piezas) if abajo is not None else None
        if abajo is None or pieza is None or not _puede_ser_valor(pieza.texto):
            return False
        self.valores.pop(abajo.rotulo.campo, None)
        self._poner(abajo.rotulo, self._valor_de_vecina(pieza, abajo.rotulo.campo))
        return True

    def _dejar_pendientes(self, fila: FilaLeida, piezas: list[_Pieza]) -> list[_Pieza]:
        """A row of labels: their values are in the next row; what is left to read is its pieces without labels."""
        assert fila.tabla is not None
        self.pendientes = _Pendientes(
            fila.tabla,
            {p.columna: (t.rotulo, p.celda) for p in piezas for t in p.tramos if t.rotulo is not None},
            {p.columna: p.celda.caja for p in piezas},
        )
        for pieza in piezas:
            self.vistos.add(clave(pieza.texto))
        return [p for p in piezas if not p.tiene_rotulo]

    def _valor_abajo(self, fila: FilaLeida, piezas: list[_Pieza]) -> _ValorAbajo | None:
        """A row ending in a label with no value and an empty cell right of it: its value may be one row lower."""
        if fila.tabla is None or not piezas:
            return None
        ultima = piezas[-1]
        tramo = ultima.tramos[-1]
        if tramo.rotulo is None or _valor(ultima.texto[tramo.fin_rotulo : tramo.fin], tramo.rotulo.campo)[0]:
            return None
        derecha = fila.celdas[ultima.columna + 1 :]
        if not derecha or any(c.texto and c.texto.strip() for c in derecha) or all(c.fusionada for c in derecha):
            return None
        columna = next(i for i, c in enumerate(fila.celdas) if i > ultima.columna and not c.fusionada)
        return _ValorAbajo(fila.tabla, columna, fila.celdas[columna].caja, tramo.rotulo)

    def _leer_pieza(self, pieza: _Pieza, vecina: _Pieza | None, saltar_libre: set[int]) -> None:
        if pieza.tiene_rotulo:
            self.vistos.add(clave(pieza.texto))
        for k, tramo in enumerate(pieza.tramos):
            texto = pieza.texto[tramo.inicio : tramo.fin]
            if tramo.rotulo is None:
                if pieza.columna not in saltar_libre:
                    self._libre(texto, pieza.celda)
                continue
            campo = tramo.rotulo.campo
            valor, sobra = _valor(pieza.texto[tramo.fin_rotulo : tramo.fin], campo)
            if sobra:
                self._libre("\n".join(sobra), pieza.celda)
            if valor is not None:
                entera = len(pieza.tramos) == 1 and pieza.celda.valor is not None
                self._poner(tramo.rotulo, _celda(valor, pieza.celda, conservar_valor=entera))
            elif k == len(pieza.tramos) - 1 and vecina is not None and vecina.tramos[0].rotulo is None:
                if pieza.celda.fusionada:
                    self._seguir(tramo.rotulo, self._valor_de_vecina(vecina, campo))
                else:
                    self._poner(tramo.rotulo, self._valor_de_vecina(vecina, campo))
                saltar_libre.add(vecina.columna)
            else:
                self._poner(tramo.rotulo, _celda(None, pieza.celda))

    def _valor_de_vecina(self, vecina: _Pieza, campo: str) -> Celda:
        primero = vecina.tramos[0]
        texto = vecina.texto[primero.inicio : primero.fin]
        if not _puede_ser_valor(texto):
            self._libre(texto, vecina.celda)
            return _celda(None, vecina.celda)
        valor, sobra = _valor(texto, campo)
        if sobra:
            self._libre("\n".join(sobra), vecina.celda)
        return _celda(valor, vecina.celda, conservar_valor=len(vecina.tramos) == 1 and not sobra)

    @staticmethod
    def _es_fila_de_rotulos(fila: FilaLeida, piezas: list[_Pieza]) -> bool:
        """Two or more bare labels side by side in a table, none with room for a value to its right."""
        if fila.tabla is None:
            return False
        rotulos = [p for p in piezas if p.solo_rotulo]
        if len(rotulos) < 2 or any(p.tiene_rotulo and not p.solo_rotulo for p in piezas):
            return False
        primera, ultima = rotulos[0].columna, rotulos[-1].columna
        hueco = any(not c.fusionada and not (c.texto and c.texto.strip()) for c in fila.celdas[primera:ultima])
        return not hueco and all(p.solo_rotulo for p in piezas if primera <= p.columna <= ultima)

    def _valores_bajo_rotulos(self, fila: FilaLeida, piezas: list[_Pieza]) -> set[int]:
        """Resolve the labels of the row above: the cell under each is its value, if this row holds no label."""
        pendientes, self.pendientes = self.pendientes, None
        if pendientes is None:
            return set()
        usadas: set[int] = set()
        if fila.tabla == pendientes.tabla and not any(p.tiene_rotulo for p in piezas):
            for pieza in piezas:
                j = pendientes.columna_de(pieza)
                if j is None or j not in pendientes.rotulos or not _puede_ser_valor(pieza.texto):
                    continue
                rotulo, _ = pendientes.rotulos.pop(j)
                self._poner(rotulo, self._valor_de_vecina(pieza, rotulo.campo))
                usadas.add(pieza.columna)
        for rotulo, celda in pendientes.rotulos.values():
            self._poner(rotulo, _celda(None, celda))
        return usadas

    def _poner(self, rotulo: Rotulo, celda: Celda) -> None:
        """The label's value, unless one from a better label came first; an instruction is no value at all:
        the instructions block above the form names the fields too, and the form's own labels follow it."""
        if celda.texto and es_instruccion(celda.texto):
            return
        rango = 1 if rotulo.corto else 0
        actual = self.valores.get(rotulo.campo)
        if actual is None or rango < actual[0]:
            self.valores[rotulo.campo] = (rango, celda)

    def _seguir(self, rotulo: Rotulo, celda: Celda) -> None:
        """One more row beside a label merged over several rows: `PROCEDIMIENTOS` with one procedure per row."""
        actual = self.valores.get(rotulo.campo)
        if actual is None or not actual[1].texto or not celda.texto:
            self._poner(rotulo, celda)
        elif celda.texto not in actual[1].texto.split("\n"):
            previa = actual[1]
            self.valores[rotulo.campo] = (actual[0], _celda(f"{previa.texto}\n{celda.texto}", previa))

    def _libre(self, texto: str, celda: Celda) -> None:
        lineas = [
            limpia
            for parte in re.split(r"[\n\t]", texto)
            for trozo in _sin_titulo(parte)
            if (limpia := colapsar(trozo))
        ]
        if lineas:
            self.libres.append((lineas, celda))
            self.vistos.update(clave(linea) for linea in lineas)

    def _entidad_libre(self) -> Celda | None:
        """The free line that names the entity, with the lines a narrow cell wrapped it onto."""
        candidatas: list[tuple[int, int, int, int]] = []
        for b, (lineas, _) in enumerate(self.libres):
            for i, linea in enumerate(lineas):
                clase = _clase_de_entidad(linea)
                if clase is not None:
                    candidatas.append((clase, b, i, len(candidatas)))
        if not candidatas:
            return None
        _, b, i, _ = min(candidatas, key=lambda c: (c[0], c[3]))
        lineas, celda = self.libres[b]
        nombre = [lineas[i]]
        for siguiente in lineas[i + 1 :]:
            if (
                _clase_de_entidad(siguiente) != 2
                or any(c.isdigit() for c in siguiente)
                or _mayusculas(siguiente) != _mayusculas(nombre[0])
            ):
                break
            nombre.append(siguiente)
        return _celda("\n".join(nombre), celda)

    def resultado(self) -> dict[str, Celda]:
        self._valores_bajo_rotulos(FilaLeida([]), [])
        valores = {campo: celda for campo, (_, celda) in self.valores.items() if campo != AJENO}
        if not (valores.get("entidad") and valores["entidad"].texto):
            libre = self._entidad_libre()
            if libre is not None:
                valores["entidad"] = libre
        return valores

    def cuantos_rotulos(self) -> int:
        pendientes = self.pendientes.rotulos.values() if self.pendientes else ()
        return len((set(self.valores) | {rotulo.campo for rotulo, _ in pendientes}) - {AJENO})


def _sin_titulo(linea: str) -> list[str]:
    """`ALCALDÍA DE CALICA - FORMATO PLAN DE MEJORAMIENTO`: the entity and the title, apart."""
    trozos = _ENTRE_TITULO_Y_NOMBRE.split(linea)
    return trozos if len(trozos) > 1 and any(_parece_titulo(t) for t in trozos) else [linea]


def nombra_entidad(linea: str) -> bool:
    """`ALCALDÍA MUNICIPAL DE…`, `DEPARTAMENTO DE…`: a line that names an entity with a word of the vocabulary."""
    return _clase_de_entidad(linea) in (0, 1)


def _clase_de_entidad(linea: str) -> int | None:
    """0: names an entity (`ALCALDÍA…`), 1: a territory (`DEPARTAMENTO DE…`), 2: a short line in capitals
    (`CORPOAMAZONÍA`), None: a line that is never the entity (a title, a page number, the letterhead,
    a date, a sentence)."""
    k = clave(linea)
    fuertes, territorios, membrete = _entidad()
    if (
        not tiene_letras(linea)
        or len(k) > 150
        or _parece_titulo(linea)
        or es_numero_de_pagina(linea)
        or _empieza_con(k, membrete)
        or _coincidir(linea) is not None
        or _ROTULO_DESCONOCIDO.match(linea)
    ):
        return None
    if _empieza_con(k, fuertes) or _empieza_con(k.removeprefix("e s e ").strip(), fuertes):
        return 0
    if _empieza_con(k, territorios):
        return 1
    return 2 if _mayusculas(linea) and len(linea) <= 80 else None


def _celda(texto: str | None, origen: Celda, conservar_valor: bool = False) -> Celda:
    if conservar_valor:
        return Celda(texto, origen.origen, origen.valor, origen.formato, confianza=origen.confianza, caja=origen.caja)
    return Celda(texto, origen.origen, confianza=origen.confianza, caja=origen.caja)
