"""Matching what people wrote as column titles or header labels to the form's fields, by meaning.

Scores are rapidfuzz similarities (0–100) between text keys (`textos.clave`);
each heading goes to at most one field and each field to at most one heading,
the best pairs first, so `Fecha inicial` and `Fecha terminación` never swap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, lru_cache

from rapidfuzz import fuzz

from extractor.ajustes import AjustesColumnas
from extractor.modelo import COLUMNAS as COLUMNAS
from extractor.textos import clave
from extractor.vocabulario import cargar


@dataclass(slots=True)
class Asignacion:
    """Which grid position holds which field, and what could not be placed."""

    columnas: dict[int, str] = field(default_factory=dict)
    desconocidas: dict[int, str] = field(default_factory=dict)

    @property
    def faltantes(self) -> list[str]:
        presentes = set(self.columnas.values())
        return [c for c in COLUMNAS if c not in presentes]


@cache
def _variantes_columnas() -> dict[str, tuple[str, ...]]:
    datos = cargar("columnas")
    return {nombre: tuple(clave(v) for v in datos[nombre]["variantes"]) for nombre in COLUMNAS}


def _abreviado(texto: str, variante: str) -> float:
    """90 when every word of `texto` starts a word of `variante`, in order.

    So `tiempo ejec prog` reads as `tiempo de ejecucion programado`.
    """
    palabras = texto.split()
    objetivo = variante.split()
    if len(palabras) < 2:
        return 0.0
    if not objetivo or not objetivo[0].startswith(palabras[0]):
        return 0.0
    j = 0
    for palabra in palabras:
        while j < len(objetivo) and not objetivo[j].startswith(palabra):
            j += 1
        if j == len(objetivo):
            return 0.0
        j += 1
    return 90.0


def similitud(texto: str, variante: str) -> float:
    """How much two text keys mean the same heading: exact wording first, shared words second."""
    if not texto or not variante:
        return 0.0
    directo = fuzz.ratio(texto, variante)
    palabras = (directo + fuzz.token_set_ratio(texto, variante)) / 2
    return max(directo, palabras, _abreviado(texto, variante))


_ABREVIATURA = re.compile(r"([^\W\d_]{3,})\.")


def _palabra_abreviada(texto: str, variante: str) -> float:
    """90 when `texto` is one word cut short with a dot (`Obs.`) and `variante` one word it begins."""
    abreviatura = _ABREVIATURA.fullmatch(texto.strip())
    if abreviatura is None or " " in variante:
        return 0.0
    return 90.0 if variante.startswith(clave(abreviatura.group(1))) else 0.0


@lru_cache(maxsize=4096)
def puntajes_columna(texto: str) -> dict[str, float]:
    """Best score of a heading against each field of the table."""
    k = clave(texto)
    return {
        nombre: max(max(similitud(k, v), _palabra_abreviada(texto, v)) for v in variantes)
        for nombre, variantes in _variantes_columnas().items()
    }


def mejor_puntaje(texto: str | None) -> float:
    if not texto or not texto.strip():
        return 0.0
    return max(puntajes_columna(texto).values())


def parece_fila_titulos(textos: list[str | None], ajustes: AjustesColumnas = AjustesColumnas()) -> bool:
    """A row where enough cells read like the form's column titles."""
    distintos = {t.strip() for t in textos if t and t.strip()}
    parecidos = sum(1 for t in distintos if mejor_puntaje(t) >= ajustes.umbral_fila_titulos)
    return parecidos >= ajustes.minimo_titulos and parecidos >= ajustes.proporcion_titulos * len(distintos)


def asignar(niveles: list[list[str | None]], ajustes: AjustesColumnas = AjustesColumnas()) -> Asignacion:
    """Assign fields to grid positions from one or two rows of titles (upper level first).

    A position's candidates are each level's text and their union; a text that
    only the upper level has (a group title) is scored a little lower.
    """
    ancho = max((len(n) for n in niveles), default=0)
    candidatos: list[tuple[float, float, int, str]] = []
    visibles: dict[int, str] = {}
    for pos in range(ancho):
        textos = [t for n in niveles if pos < len(n) and (t := n[pos]) is not None and t.strip()]
        if not textos:
            continue
        propio = textos[-1]
        visibles[pos] = " ".join(propio.split())
        opciones: list[tuple[str, float]] = [(propio, 0.0)]
        if len(textos) > 1 and textos[0] != propio:
            opciones.append((f"{textos[0]} {propio}", 0.0))
            opciones.append((textos[0], ajustes.castigo_titulo_grupo))
        mejores: dict[str, float] = {}
        for texto, castigo in opciones:
            for nombre, puntaje in puntajes_columna(texto).items():
                mejores[nombre] = max(mejores.get(nombre, 0.0), puntaje - castigo)
        for nombre, puntaje in mejores.items():
            if puntaje >= ajustes.umbral:
                candidatos.append((puntaje, fuzz.ratio(clave(propio), nombre.replace("_", " ")), pos, nombre))
    asignacion = Asignacion()
    usados: set[str] = set()
    for _puntaje, _desempate, pos, nombre in sorted(candidatos, key=lambda c: (-c[0], -c[1], c[2])):
        if pos in asignacion.columnas or nombre in usados:
            continue
        asignacion.columnas[pos] = nombre
        usados.add(nombre)
    asignacion.desconocidas = {p: t for p, t in visibles.items() if p not in asignacion.columnas}
    return asignacion
