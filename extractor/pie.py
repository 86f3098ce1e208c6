"""The block under the findings table: who signs, with their position, and who drafted the plan.

Signers stand side by side or one under another. Each column (a table cell, a tab stop, the
same stretch of a PDF line) is read top to bottom: a name, then its position (cargo) on the
line below or after a dash on the same line. `Firma`, the blank line to sign on, ID numbers
and dates are not signers; `Aprobó:`, `Revisó:`, `Nombre:`, `Cargo:` introduce one.
`Proyectó:` (or `Elaboró:` when there is no `Proyectó:`) is kept apart: the contract's `proyecto`.
Every word list is data, in `vocabulario/pie.toml`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from enum import Enum, auto
from functools import cache

from rapidfuzz import fuzz

from extractor.encabezado import buscar_rotulo, es_instruccion, es_numero_de_pagina, es_titulo_del_formato
from extractor.modelo import Celda, FilaLeida, FirmaCruda
from extractor.textos import clave, colapsar, sin_relleno, tiene_letras
from extractor.vocabulario import cargar

_PALABRA = re.compile(r"[^\W_]+")
_DOS_PUNTOS = re.compile(r"[:：]")
_ENTRE_NOMBRE_Y_CARGO = re.compile(r"\s+[–—-]\s+|,\s+")
_PARTES_DE_ROTULO = re.compile(r"\s*/\s*|\s+y\s+|\s+o\s+")
_CONECTORES = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "en", "para", "a", "al"})
_LARGO_MAXIMO = 120
"""A longer line under the table is a note or a paragraph, never a name or a position."""


class _Clase(Enum):
    MARCA = auto()
    PROYECTO = auto()
    ELABORO = auto()
    FIRMANTE = auto()
    NOMBRE = auto()
    CARGO = auto()
    DESCARTADO = auto()


class _Rol(Enum):
    NOMBRE = auto()
    CARGO = auto()


_PRIORIDAD_PROYECTO = {_Clase.PROYECTO: 0, _Clase.ELABORO: 1}


@dataclass(frozen=True, slots=True)
class _Vocabulario:
    rotulos: tuple[tuple[_Clase, tuple[str, ...]], ...]
    descartados: tuple[str, ...]
    inicios_cargo: frozenset[str]
    tratamientos: frozenset[str]


@cache
def _vocabulario() -> _Vocabulario:
    datos = cargar("pie")

    def claves(nombre: str) -> tuple[str, ...]:
        return tuple(clave(t) for t in datos[nombre])

    rotulos = (
        (_Clase.PROYECTO, claves("rotulos_proyecto")),
        (_Clase.ELABORO, claves("rotulos_elaboro")),
        (_Clase.FIRMANTE, claves("rotulos_firmante")),
        (_Clase.NOMBRE, claves("rotulos_nombre")),
        (_Clase.CARGO, claves("rotulos_cargo")),
        (_Clase.DESCARTADO, claves("rotulos_descartados")),
        (_Clase.MARCA, claves("marcas_firma")),
    )
    return _Vocabulario(
        rotulos,
        claves("rotulos_descartados"),
        frozenset(claves("inicios_cargo")),
        frozenset(claves("tratamientos")),
    )


def _es(cabeza: str, rotulos: tuple[str, ...], parecido: bool) -> bool:
    return any(cabeza == r or (parecido and len(r) > 5 and fuzz.ratio(cabeza, r) >= 85) for r in rotulos)


def _clase_de_cabeza(cabeza: str, dos_puntos: bool) -> _Clase | None:
    """What a label means (`Proyectó`, `Elaboró/Proyectó`, `Nombre`…), or None when it is not one.

    Without a colon only the exact words count: `Auditora` under a name is a position, not `Auditor`;
    and a header label (`Responsable del proceso`) is a caption.
    """
    k = clave(cabeza)
    if not k or len(k.split()) > 6:
        return None
    partes = [clave(p) for p in _PARTES_DE_ROTULO.split(cabeza) if clave(p)]
    for clase, rotulos in _vocabulario().rotulos:
        if _es(k, rotulos, dos_puntos) or (len(partes) > 1 and any(_es(p, rotulos, dos_puntos) for p in partes)):
            return clase
    campo = buscar_rotulo(cabeza) if dos_puntos else None
    if campo is not None and not campo[1]:
        return _Clase.FIRMANTE if campo[0] == "responsables" else _Clase.DESCARTADO
    return None


def _rotulo(texto: str) -> tuple[_Clase, str] | None:
    """The label `texto` starts with and what follows it: `Aprobó: X`, `Firma: ____`, `Revisó` alone."""
    partes = _DOS_PUNTOS.split(texto, maxsplit=1)
    cabeza, resto = partes[0], partes[1] if len(partes) == 2 else ""
    clase = _clase_de_cabeza(colapsar(sin_relleno(cabeza)) or "", dos_puntos=len(partes) == 2)
    if clase is not None:
        return clase, colapsar(sin_relleno(resto)) or ""
    k = clave(texto)
    marcas = dict(_vocabulario().rotulos)[_Clase.MARCA]
    if any(k.startswith(d + " ") for d in _vocabulario().descartados):
        return _Clase.DESCARTADO, ""
    if any(k == m or k.startswith(m + " ") for m in marcas) and len(k) <= 40:
        return _Clase.MARCA, ""
    return None


def _fragmentos(linea: str) -> list[str]:
    """One line cut before each later label with a colon: `Nombre: X   Cargo: Y`, `Firma: ___ Firma: ___`."""
    cortes = [0]
    for dos_puntos in _DOS_PUNTOS.finditer(linea):
        fin = dos_puntos.start()
        for palabra in list(_PALABRA.finditer(linea, cortes[-1], fin))[-4:]:
            inicio = palabra.start()
            if inicio > cortes[-1] and linea[inicio - 1].isspace() and _clase_de_cabeza(linea[inicio:fin], True):
                cortes.append(inicio)
                break
    return [t for a, b in zip(cortes, [*cortes[1:], len(linea)], strict=True) if (t := linea[a:b].strip())]


def es_marca_de_firmas(texto: str) -> bool:
    rotulo = _rotulo(texto)
    return rotulo is not None and rotulo[0] is _Clase.MARCA


def empieza_pie(fila: FilaLeida) -> bool:
    """The row opens the signature block: `Firma Responsables:`, `Proyectó:`, `Aprobó:`…

    The label must be whole, or end in a colon: a finding whose text goes on over a page
    break (`firma del supervisor del contrato.`) does not end the table.
    """
    primera = next((c.texto for c in fila.celdas if c.texto and c.texto.strip()), None)
    if primera is None:
        return False
    linea = primera.strip().split("\n", 1)[0]
    partes = _DOS_PUNTOS.split(linea, maxsplit=1)
    if buscar_rotulo(linea) is not None:
        return False
    clase = _clase_de_cabeza(colapsar(sin_relleno(partes[0])) or "", dos_puntos=len(partes) == 2)
    return clase in (_Clase.MARCA, _Clase.PROYECTO, _Clase.ELABORO, _Clase.FIRMANTE)


def _tratamiento(texto: str) -> bool:
    palabras = clave(texto).split()
    return bool(palabras) and palabras[0] in _vocabulario().tratamientos and len(palabras) > 1


def _mayusculas(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    return len(letras) >= 2 and sum(c.isupper() for c in letras) >= 0.7 * len(letras)


def _rol_de(texto: str) -> _Rol | None:
    """Name or position by its words; None when only the order of the lines can tell."""
    palabras = clave(texto).split()
    if palabras and palabras[0] in _vocabulario().inicios_cargo:
        return _Rol.CARGO
    if _tratamiento(texto) or _mayusculas(texto):
        return _Rol.NOMBRE
    return None


def _nombre_y_cargo(texto: str) -> list[tuple[str, _Rol | None]]:
    """`JUAN PÉREZ – Secretario de Hacienda` or `Juan Pérez, Contratista`: name and position on one line."""
    separador = _ENTRE_NOMBRE_Y_CARGO.search(texto)
    if separador is not None:
        nombre, cargo = texto[: separador.start()].strip(), texto[separador.end() :].strip()
        if nombre and _rol_de(cargo) is _Rol.CARGO and _rol_de(nombre) is not _Rol.CARGO:
            return [(nombre, _Rol.NOMBRE), (cargo, _Rol.CARGO)]
    return [(texto, None)]


@dataclass(slots=True)
class _Linea:
    texto: str
    orden: int
    rol: _Rol | None


@dataclass(slots=True)
class _Columna:
    """Lines one under another: a table column, a tab stop, or a stretch of a PDF page (`x`)."""

    tipo: str
    desde: float
    hasta: float
    lineas: list[_Linea] = field(default_factory=list)
    proyecto: _Clase | None = None
    """Set when the column sits under `Proyectó`/`Elaboró` in a row of such labels."""

    def solape(self, tipo: str, desde: float, hasta: float) -> float:
        return min(hasta, self.hasta) - max(desde, self.desde) if tipo == self.tipo else 0.0


@dataclass(slots=True)
class _Pieza:
    celda: Celda
    texto: str
    tipo: str
    desde: float
    hasta: float


def _piezas(fila: FilaLeida) -> list[_Pieza]:
    piezas: list[_Pieza] = []
    for i, celda in enumerate(fila.celdas):
        if not (celda.texto and celda.texto.strip()):
            continue
        if celda.caja is not None:
            piezas.append(_Pieza(celda, celda.texto, "x", celda.caja[0], celda.caja[1]))
        elif len(fila.celdas) == 1 and "\t" in celda.texto:
            partes = [p for p in celda.texto.split("\t") if p.strip()]
            piezas += [_Pieza(celda, p, "i", j, j + 1) for j, p in enumerate(partes)]
        else:
            piezas.append(_Pieza(celda, celda.texto, "i", i, i + 1))
    return piezas


@dataclass(slots=True)
class _Proyecto:
    clase: _Clase
    orden: int
    celda: Celda


@dataclass(slots=True)
class _Firmante:
    nombre: str
    orden: int
    cargo: str | None = None


def _instruccion(texto: str) -> bool:
    """`INSTRUCTIVO DE DILIGENCIAMIENTO`, or a field and what to write in it (`N° hallazgo: escriba el…`)."""
    linea = texto.strip().split("\n", 1)[0]
    return es_instruccion(linea) or es_instruccion(_DOS_PUNTOS.split(linea, maxsplit=1)[-1])


@dataclass(slots=True)
class LectorPie:
    """Reads the rows under the findings table; `ignorar` holds keys of header lines a page may repeat."""

    ignorar: set[str]
    columnas: list[_Columna] = field(default_factory=list)
    proyectos: list[_Proyecto] = field(default_factory=list)
    orden: int = 0
    en_instructivo: bool = False
    """An instructions block printed after the form has begun: nothing from there on signs the plan."""

    def leer_fila(self, fila: FilaLeida) -> None:
        piezas = _piezas(fila)
        self.en_instructivo = self.en_instructivo or any(_instruccion(p.texto) for p in piezas)
        if self.en_instructivo or not piezas or "|".join(clave(p.texto) for p in piezas) in self.ignorar:
            return
        if all(self._repetida(p.texto) for p in piezas):
            return
        cabezas = [_rotulo(p.texto.strip()) for p in piezas]
        if len(piezas) >= 2 and all(
            c is not None and not c[1] and c[0] in (_Clase.PROYECTO, _Clase.ELABORO, _Clase.FIRMANTE) for c in cabezas
        ):
            for pieza, cabeza in zip(piezas, cabezas, strict=True):
                assert cabeza is not None
                self._columna(pieza).proyecto = cabeza[0] if cabeza[0] in _PRIORIDAD_PROYECTO else None
            return
        consumida = False
        for n, pieza in enumerate(piezas):
            if consumida:
                consumida = False
                continue
            consumida = self._leer_pieza(pieza, piezas[n + 1] if n + 1 < len(piezas) else None)

    def _leer_pieza(self, pieza: _Pieza, siguiente: _Pieza | None) -> bool:
        """Read one cell; True when its label took the next cell as its value (`Proyectó: | Juan`)."""
        columna = self._columna(pieza)
        lineas = pieza.texto.split("\n")
        i = 0
        while i < len(lineas):
            fragmentos = _fragmentos(lineas[i])
            i += 1
            for j, fragmento in enumerate(fragmentos):
                rotulo = _rotulo(fragmento)
                if rotulo is None:
                    for texto, rol in _nombre_y_cargo(fragmento):
                        self._agregar(columna, texto, rol)
                    continue
                clase, valor = rotulo
                if clase in _PRIORIDAD_PROYECTO:
                    if valor:
                        self._proyecto(clase, valor, pieza.celda)
                        continue
                    if j < len(fragmentos) - 1:
                        continue
                    debajo = list(itertools.takewhile(lambda linea: _rotulo(linea) is None, lineas[i:]))
                    if colapsar(sin_relleno("\n".join(debajo))):
                        self._proyecto(clase, "\n".join(debajo).strip(), pieza.celda)
                        i += len(debajo)
                    elif i == len(lineas) and siguiente is not None and _rotulo(siguiente.texto) is None:
                        self._proyecto(clase, siguiente.texto.strip(), siguiente.celda)
                        return True
                elif clase in (_Clase.FIRMANTE, _Clase.MARCA) and valor:
                    for texto, rol in _nombre_y_cargo(valor):
                        self._agregar(columna, texto, rol)
                elif clase in (_Clase.NOMBRE, _Clase.CARGO) and valor:
                    self._agregar(columna, valor, _Rol.NOMBRE if clase is _Clase.NOMBRE else _Rol.CARGO)
        return False

    def _repetida(self, texto: str) -> bool:
        """Text a page header repeats: the header's own lines, titles, page numbers, header labels.

        Only a whole row of it is skipped: a signer's position may well equal a free line of the header.
        """
        if clave(texto) in self.ignorar:
            return True
        for linea in texto.split("\n"):
            limpia = colapsar(sin_relleno(linea))
            if limpia is None or clave(limpia) in self.ignorar:
                continue
            rotulo = buscar_rotulo(limpia)
            if not (
                es_titulo_del_formato(limpia) or es_numero_de_pagina(limpia) or (rotulo and rotulo[0] != "responsables")
            ):
                return False
        return True

    def _columna(self, pieza: _Pieza) -> _Columna:
        solapes = [(c.solape(pieza.tipo, pieza.desde, pieza.hasta), n) for n, c in enumerate(self.columnas)]
        solape, n = max(solapes, default=(0.0, -1))
        if solape > 0:
            return self.columnas[n]
        columna = _Columna(pieza.tipo, pieza.desde, pieza.hasta)
        self.columnas.append(columna)
        return columna

    def _agregar(self, columna: _Columna, texto: str, rol: _Rol | None) -> None:
        linea = colapsar(sin_relleno(texto))
        if (
            linea is None
            or not tiene_letras(linea)
            or len(linea) > _LARGO_MAXIMO
            or es_numero_de_pagina(linea)
            or es_titulo_del_formato(linea)
        ):
            return
        self.orden += 1
        columna.lineas.append(_Linea(linea, self.orden, rol))

    def _proyecto(self, clase: _Clase, texto: str, celda: Celda) -> None:
        self.orden += 1
        self.proyectos.append(_Proyecto(clase, self.orden, Celda(texto, celda.origen, confianza=celda.confianza)))

    def _candidatos(self) -> list[tuple[_Proyecto, _Columna | None]]:
        """Who may be `proyecto`, best first: `Proyectó` before `Elaboró`, then the first written."""
        candidatos: list[tuple[_Proyecto, _Columna | None]] = [(p, None) for p in self.proyectos]
        for columna in self.columnas:
            if columna.proyecto is not None and columna.lineas:
                texto = " – ".join(linea.texto for linea in columna.lineas)
                candidatos.append((_Proyecto(columna.proyecto, columna.lineas[0].orden, Celda(texto)), columna))
        return sorted(candidatos, key=lambda c: (_PRIORIDAD_PROYECTO[c[0].clase], c[0].orden))

    @property
    def proyecto(self) -> Celda | None:
        candidatos = self._candidatos()
        return candidatos[0][0].celda if candidatos else None

    def firmas(self) -> list[FirmaCruda]:
        """Everyone who signs, in reading order; who drafted the plan is not among them."""
        candidatos = self._candidatos()
        elegida = candidatos[0][1] if candidatos else None
        firmantes: list[_Firmante] = []
        for columna in self.columnas:
            if columna is not elegida:
                firmantes += _emparejar(columna.lineas)
        for perdedor, suya in candidatos[1:]:
            if suya is None and perdedor.celda.texto:
                partes = _nombre_y_cargo(colapsar(perdedor.celda.texto) or "")
                firmantes += _emparejar([_Linea(t, perdedor.orden, r) for t, r in partes])
        return [FirmaCruda(f.nombre, f.cargo) for f in sorted(firmantes, key=lambda f: f.orden)]


def _sigue(anterior: str, linea: str) -> bool:
    """`linea` goes on the text above it, wrapped by a narrow cell: `Directora de Planeación` / `Estratégica`."""
    ultima = clave(anterior).split()[-1:]
    return linea[:1].islower() or bool(ultima and ultima[0] in _CONECTORES) or len(linea.split()) == 1


def _emparejar(lineas: list[_Linea]) -> list[_Firmante]:
    """The lines of one column as signers: each name, and the position under it.

    A position above the first name (a caption over the box: `Jefe de Control Interno`,
    then the line to sign, then the name) is that signer's when nothing follows the name.
    """
    firmantes: list[_Firmante] = []
    rotulo_de_caja: str | None = None
    for linea in lineas:
        rol = linea.rol or _rol_de(linea.texto)
        actual = firmantes[-1] if firmantes else None
        if linea.rol is _Rol.NOMBRE or actual is None:
            if rol is not _Rol.CARGO or linea.rol is _Rol.NOMBRE:
                firmantes.append(_Firmante(linea.texto, linea.orden))
            elif actual is None and rotulo_de_caja is None:
                rotulo_de_caja = linea.texto
            continue
        if actual.cargo is None:
            if rol is _Rol.NOMBRE and len(linea.texto.split()) == 1:
                actual.nombre = f"{actual.nombre} {linea.texto}"
            elif rol is _Rol.NOMBRE:
                firmantes.append(_Firmante(linea.texto, linea.orden))
            else:
                actual.cargo = linea.texto
        elif rol is _Rol.CARGO or (rol is None and _sigue(actual.cargo, linea.texto)):
            actual.cargo = f"{actual.cargo}\n{linea.texto}"
        else:
            firmantes.append(_Firmante(linea.texto, linea.orden))
    if firmantes and firmantes[0].cargo is None:
        firmantes[0].cargo = rotulo_de_caja
    return firmantes
