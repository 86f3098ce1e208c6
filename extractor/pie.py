"""The block under the findings table: signatures side by side or stacked, and the `Proyectó:` line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from rapidfuzz import fuzz

from extractor.encabezado import es_numero_de_pagina, segmentos
from extractor.modelo import Celda, FilaLeida, FirmaCruda
from extractor.textos import clave
from extractor.vocabulario import cargar

_RAYA = re.compile(r"^[\s_\-–—.=*]*$")
_TITULO_PERSONA = re.compile(r"^(ing|dr|dra|lic|abg|arq|mg|msc|esp|sr|sra|cpt|tec)\b\.?", re.IGNORECASE)


@cache
def _marcas() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    datos = cargar("pie")
    return (
        tuple(clave(m) for m in datos["marcas_firma"]),
        tuple(clave(m) for m in datos["rotulo_proyecto"]),
        tuple(clave(m) for m in datos["rotulos_ignorados"]),
    )


def _rotulo_al_inicio(texto: str, rotulos: tuple[str, ...], con_dos_puntos: bool) -> str | None:
    """What follows one of `rotulos` at the start of `texto`, or None when it does not start with one."""
    antes, dos_puntos, despues = texto.partition(":")
    if con_dos_puntos and not dos_puntos:
        return None
    cabeza = clave(antes if dos_puntos else texto)
    for rotulo in rotulos:
        if cabeza == rotulo or (len(rotulo) > 5 and fuzz.ratio(cabeza, rotulo) >= 85):
            return despues.strip() if dos_puntos else ""
    return None


def es_marca_de_firmas(texto: str) -> bool:
    marcas, _, _ = _marcas()
    cabeza = clave(texto.split(":", 1)[0])
    return any(cabeza == m or cabeza.startswith(m + " ") for m in marcas) and len(cabeza) <= 40


def proyecto_en(texto: str) -> str | None:
    """The name after `Proyectó:`, `""` when the label has no value, None when the text is not that line."""
    _, rotulos, _ = _marcas()
    return _rotulo_al_inicio(texto, rotulos, con_dos_puntos=True)


def empieza_pie(fila: FilaLeida) -> bool:
    """The row opens the signature block: `Firma Responsables:` or a `Proyectó:` line."""
    piezas = segmentos(fila)
    if not piezas:
        return False
    texto = piezas[0].texto or ""
    return es_marca_de_firmas(texto) or proyecto_en(texto) is not None


def _parece_nombre(texto: str) -> bool:
    letras = [c for c in texto if c.isalpha()]
    if not letras:
        return False
    return bool(_TITULO_PERSONA.match(texto)) or sum(c.isupper() for c in letras) / len(letras) >= 0.7


@dataclass(slots=True)
class LectorPie:
    """Signatures read column by column: in each column, a name and then its position (cargo)."""

    ignorar: set[str]
    columnas: dict[float, list[tuple[int, str]]] = field(default_factory=dict)
    proyecto: Celda | None = None
    orden: int = 0

    def leer_fila(self, fila: FilaLeida) -> None:
        piezas = segmentos(fila)
        pendiente_proyecto = False
        for posicion, celda in enumerate(piezas):
            texto = (celda.texto or "").strip()
            if pendiente_proyecto:
                self.proyecto = Celda(texto, celda.origen)
                pendiente_proyecto = False
                continue
            valor = proyecto_en(texto)
            if valor is not None:
                if self.proyecto is None:
                    if valor:
                        self.proyecto = Celda(valor, celda.origen)
                    else:
                        pendiente_proyecto = True
                continue
            _, _, ignorados = _marcas()
            if es_marca_de_firmas(texto) or _rotulo_al_inicio(texto, ignorados, con_dos_puntos=False) is not None:
                resto = texto.split(":", 1)[1].strip() if ":" in texto else ""
                if not resto:
                    continue
                texto = resto
            llave = float(celda.caja[0]) if celda.caja else float(self._posicion_en_grilla(fila, celda, posicion))
            for linea in texto.split("\n"):
                linea = " ".join(linea.split())
                if not linea or _RAYA.match(linea) or es_numero_de_pagina(linea) or clave(linea) in self.ignorar:
                    continue
                self.orden += 1
                self.columnas.setdefault(llave, []).append((self.orden, linea))

    @staticmethod
    def _posicion_en_grilla(fila: FilaLeida, celda: Celda, posicion: int) -> int:
        for i, c in enumerate(fila.celdas):
            if c is celda:
                return i
        return posicion

    def firmas(self) -> list[FirmaCruda]:
        encontradas: list[tuple[int, FirmaCruda]] = []
        for llave in sorted(self.columnas):
            lineas = self.columnas[llave]
            i = 0
            while i < len(lineas):
                orden, nombre = lineas[i]
                cargo: str | None = None
                if i + 1 < len(lineas) and not (_parece_nombre(lineas[i + 1][1]) and not _parece_nombre(nombre)):
                    cargo = lineas[i + 1][1]
                    i += 1
                i += 1
                encontradas.append((orden, FirmaCruda(nombre, cargo)))
        return [f for _, f in sorted(encontradas, key=lambda par: par[0])]
