"""Where one copy of the form ends and the next begins, when a file holds several one after the other.

A binder printed or scanned into one PDF, or two plans stacked in one sheet: each copy brings its
own general data (Proceso Auditado, Responsables, Fecha de Suscripción…) before its own table. The
next copy starts with the title block above that data (entity, form title, code, version), so the
signatures and `Proyectó:` above it stay with the plan they close. The same general data again, word
for word (a page header printed on every page), starts nothing.
"""

from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz

from extractor.ajustes import AjustesColumnas
from extractor.columnas import parece_fila_titulos
from extractor.encabezado import buscar_rotulo, es_numero_de_pagina, es_titulo_del_formato, nombra_entidad
from extractor.modelo import FilaLeida, HojaLeida
from extractor.textos import clave

DATOS_GENERALES = frozenset({"proceso_auditado", "procedimientos", "responsables", "fecha_suscripcion"})
"""The labels each copy fills for itself: two of them between two title rows start a new copy."""
_DEL_TITULO = frozenset({"entidad", "codigo", "version", "fecha_formato"})
_NUMERO_DE_PAGINA = re.compile(r"\bpag(?:ina)?\s+\d+(?:\s+de\s+\d+)?\b")
_MISMO_VALOR = 90
"""rapidfuzz points from which a value of two blocks of general data is the same, printed twice."""
_CELDAS_DE_UN_ROTULO = 4
"""A row of the header block holds a few cells (label, value); a finding's row fills many more."""


def partir_en_copias(hoja: HojaLeida, ajustes: AjustesColumnas = AjustesColumnas()) -> list[HojaLeida]:
    """The copies of the form in `hoja`, in order; the whole `hoja` when it holds one (or none)."""
    filas = hoja.filas
    titulos = [
        i for i, fila in enumerate(filas) if fila.tabla is not None and parece_fila_titulos(_textos(fila), ajustes)
    ]
    if len(titulos) < 2:
        return [hoja]
    cortes: list[int] = []
    anterior = _huella(filas, _datos_generales(filas, 0, titulos[0]))
    for desde, hasta in itertools.pairwise(titulos):
        bloque = _datos_generales(filas, desde + 1, hasta)
        if not bloque or _repetido(_huella(filas, bloque), anterior):
            continue
        anterior = _huella(filas, bloque)
        cortes.append(_inicio_de_copia(filas, bloque[0], desde))
    limites = [0, *cortes, len(filas)]
    return [
        HojaLeida(filas[a:b], nombre=hoja.nombre, paginas_en_blanco=hoja.paginas_en_blanco if k == 0 else [])
        for k, (a, b) in enumerate(itertools.pairwise(limites))
    ]


def _textos(fila: FilaLeida) -> list[str | None]:
    return [c.texto for c in fila.celdas]


def _llenas(fila: FilaLeida) -> list[str]:
    return [c.texto.strip() for c in fila.celdas if c.texto and c.texto.strip()]


def _rotulos(fila: FilaLeida) -> set[str]:
    """The header fields whose labels start a line of a cell of a short row (one cell may hold them all)."""
    llenas = _llenas(fila)
    if len(llenas) > _CELDAS_DE_UN_ROTULO:
        return set()
    lineas = (linea for texto in llenas for linea in texto.split("\n"))
    return {hallado[0] for linea in lineas if (hallado := buscar_rotulo(linea)) is not None}


def _datos_generales(filas: list[FilaLeida], desde: int, hasta: int) -> list[int]:
    """The rows between `desde` and `hasta` that label a copy's general data, if two fields or more are there."""
    filas_con_rotulo = [i for i in range(desde, hasta) if _rotulos(filas[i]) & DATOS_GENERALES]
    campos = set().union(*(_rotulos(filas[i]) for i in filas_con_rotulo)) & DATOS_GENERALES
    return filas_con_rotulo if len(campos) >= 2 else []


def _huella(filas: list[FilaLeida], bloque: list[int]) -> dict[str, str]:
    """What a block of general data says, field by field: to know the same block printed again on the next page."""
    valores: dict[str, str] = {}
    for i in bloque:
        llenas = _llenas(filas[i])
        for k, texto in enumerate(llenas):
            for linea in texto.split("\n"):
                hallado = buscar_rotulo(linea)
                if hallado is None or hallado[0] not in DATOS_GENERALES:
                    continue
                valor = hallado[1] or (llenas[k + 1] if k + 1 < len(llenas) else "")
                valores.setdefault(hallado[0], _NUMERO_DE_PAGINA.sub("", clave(valor)).strip())
    return valores


def _repetido(huella: dict[str, str], anterior: dict[str, str]) -> bool:
    """The same block again: each field it shares with the one before says the same, but for a letter or two
    a scanned page may misread."""
    comunes = huella.keys() & anterior.keys()
    return bool(comunes) and all(_mismo_valor(huella[c], anterior[c]) for c in comunes)


def _mismo_valor(uno: str, otro: str) -> bool:
    """Names alike but for a letter; dates and codes equal to the digit (2023 is not 2024)."""
    if any(c.isdigit() for c in uno + otro):
        return uno.replace(" ", "") == otro.replace(" ", "")
    return fuzz.ratio(uno, otro) >= _MISMO_VALOR


def _inicio_de_copia(filas: list[FilaLeida], primer_rotulo: int, tope: int) -> int:
    """The first row of the title block right above the general data of a copy, after the row `tope`.

    Title lines, the form's code, version and date, and page numbers go with the new copy; so does one
    line naming the entity, its topmost line. Anything else (a signature, `Proyectó:`) closes the copy above.
    """
    inicio = primer_rotulo
    while inicio - 1 > tope:
        llenas = _llenas(filas[inicio - 1])
        otras = _fuera_del_titulo(llenas)
        if not llenas or len(otras) > 1 or (otras and not nombra_entidad(otras[0])):
            break
        inicio -= 1
        if otras:
            break
    return inicio


def _fuera_del_titulo(llenas: list[str]) -> list[str]:
    """The cells of a row that are not of the title block; a label's value in the cell after it is
    (`VERSIÓN` | `03`)."""
    otras: list[str] = []
    es_valor = False
    for texto in llenas:
        if es_valor:
            es_valor = False
        elif _es_del_titulo(texto):
            hallado = buscar_rotulo(texto)
            es_valor = hallado is not None and hallado[0] in _DEL_TITULO and not hallado[1]
        else:
            otras.append(texto)
    return otras


def _es_del_titulo(texto: str) -> bool:
    """A cell of the title block: one of its lines is the form's title, its code, version or date, or a page
    number (a merged cell holds the entity and the title lines together)."""
    return any(_linea_del_titulo(linea) for linea in texto.split("\n"))


def _linea_del_titulo(linea: str) -> bool:
    hallado = buscar_rotulo(linea)
    return (
        es_titulo_del_formato(linea)
        or es_numero_de_pagina(linea)
        or (hallado is not None and hallado[0] in _DEL_TITULO)
    )
