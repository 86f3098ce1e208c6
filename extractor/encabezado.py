"""The header block of the form: labels such as `Proceso Auditado:` and the value beside them.

A value is what follows the label in its own cell or line, or the next cell to
the right; never the line below: a label with no value stays empty.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from extractor.modelo import Celda, FilaLeida
from extractor.textos import clave
from extractor.vocabulario import cargar

_PALABRA = re.compile(r"[^\W_]+")
_SEPARADORES = " \t:：-–—.=>)"
_PAGINA = re.compile(r"^\s*p[aá]gina\s+\d+(\s+de\s+\d+)?\s*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Rotulo:
    campo: str
    palabras: tuple[str, ...]
    corto: bool


@cache
def _rotulos() -> tuple[Rotulo, ...]:
    rotulos: list[Rotulo] = []
    for campo, datos in cargar("encabezado").items():
        for variante in datos["variantes"]:
            rotulos.append(Rotulo(campo, tuple(clave(variante).split()), False))
        for variante in datos["variantes_cortas"]:
            rotulos.append(Rotulo(campo, tuple(clave(variante).split()), True))
    return tuple(sorted(rotulos, key=lambda r: -len(r.palabras)))


@cache
def _titulos() -> frozenset[str]:
    return frozenset(clave(t) for t in cargar("pie")["titulos"])


def es_titulo_del_formato(texto: str) -> bool:
    k = clave(texto)
    return k in _titulos() or any(fuzz.ratio(k, t) >= 90 for t in _titulos())


def es_numero_de_pagina(texto: str) -> bool:
    return bool(_PAGINA.match(texto))


def _misma_palabra(escrita: str, rotulo: str) -> bool:
    """Typos tolerated in long words (`Suscrpción`), never in short ones (`de`, `s`)."""
    if len(rotulo) <= 4:
        return escrita == rotulo
    return fuzz.ratio(escrita, rotulo) >= 80


def buscar_rotulo(texto: str) -> tuple[str, str] | None:
    """If `texto` starts with a header label, the field and what follows the label (maybe empty)."""
    palabras = list(_PALABRA.finditer(texto))
    if not palabras:
        return None
    claves = [clave(p.group()) for p in palabras]
    for rotulo in _rotulos():
        n = len(rotulo.palabras)
        if n > len(claves) or not rotulo.palabras:
            continue
        if not all(_misma_palabra(a, b) for a, b in zip(claves[:n], rotulo.palabras, strict=True)):
            continue
        fin = palabras[n - 1].end()
        resto = texto[fin:]
        if rotulo.corto and resto.strip() and resto.lstrip(" ")[:1] not in (":", "：", "\t"):
            continue
        if not rotulo.corto and resto[:1].isalnum():
            continue
        return rotulo.campo, resto.strip(_SEPARADORES + "\n")
    return None


def _partir_en_rotulos(texto: str) -> list[str]:
    """`VERSION: 02 FECHA: 09/07/2021` holds two labels: cut before every later label followed by a colon."""
    cortes = [0]
    for palabra in list(_PALABRA.finditer(texto))[1:]:
        inicio = palabra.start()
        if inicio == 0 or texto[inicio - 1] not in " \t\n":
            continue
        siguiente = texto[inicio:].split(":", 1)
        if len(siguiente) < 2 or len(siguiente[0]) > 40 or buscar_rotulo(siguiente[0]) is None:
            continue
        anterior = buscar_rotulo(texto[cortes[-1] : inicio])
        if anterior is not None and anterior[1]:
            cortes.append(inicio)
    return [texto[a:b].strip() for a, b in zip(cortes, [*cortes[1:], len(texto)], strict=True)]


def segmentos(fila: FilaLeida) -> list[Celda]:
    """The pieces of a row a label can sit in: its cells, or a free line cut at its tabs."""
    if fila.tabla is None and len(fila.celdas) == 1 and fila.celdas[0].texto and "\t" in fila.celdas[0].texto:
        celda = fila.celdas[0]
        assert celda.texto is not None
        return [Celda(p, celda.origen) for p in celda.texto.split("\t") if p.strip()]
    return [c for c in fila.celdas if c.texto and c.texto.strip()]


@dataclass(slots=True)
class LectorEncabezado:
    """Collects header values from the rows above the findings table; the first value of a field wins."""

    valores: dict[str, Celda]
    vistos: set[str]
    entidad_libre: Celda | None = None

    @classmethod
    def nuevo(cls) -> LectorEncabezado:
        return cls({}, set())

    def leer_fila(self, fila: FilaLeida) -> None:
        piezas = segmentos(fila)
        i = 0
        while i < len(piezas):
            celda = piezas[i]
            texto = celda.texto or ""
            self.vistos.add(clave(texto))
            partes = _partir_en_rotulos(texto)
            consumido = False
            for n, parte in enumerate(partes):
                encontrado = buscar_rotulo(parte)
                if encontrado is None:
                    if n == 0:
                        self._quizas_entidad(Celda(parte, celda.origen))
                    continue
                campo, resto = encontrado
                valor: Celda | None
                if resto:
                    valor = celda if (len(partes) == 1 and celda.valor is not None) else Celda(resto, celda.origen)
                elif n == len(partes) - 1 and i + 1 < len(piezas) and buscar_rotulo(piezas[i + 1].texto or "") is None:
                    valor = piezas[i + 1]
                    self.vistos.add(clave(valor.texto or ""))
                    consumido = True
                else:
                    valor = Celda(None, celda.origen)
                self.valores.setdefault(campo, valor)
            i += 2 if consumido else 1

    def _quizas_entidad(self, celda: Celda) -> None:
        texto = (celda.texto or "").strip()
        if self.entidad_libre is not None or not texto:
            return
        if es_titulo_del_formato(texto) or es_numero_de_pagina(texto) or not any(c.isalpha() for c in texto):
            return
        self.entidad_libre = celda

    def resultado(self) -> dict[str, Celda]:
        valores = dict(self.valores)
        if "entidad" not in valores and self.entidad_libre is not None:
            valores["entidad"] = self.entidad_libre
        return valores

    def cuantos_rotulos(self) -> int:
        return len(self.valores)
