"""What changed in a plan between two of its copies: the list a follow-up meeting goes through.

Actions are matched across copies by their N° first and then by their text, because both move:
one finding often has several actions under one N° (the text tells them apart), and a plan
retyped from scratch may renumber its findings (the text still says which is which). What
is left unmatched was added or removed.

An action «se venció» when it was not overdue in the previous copy, judged on the day that copy
was saved, and is overdue in the current one at the cut-off: the news since the last meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from rapidfuzz import fuzz

from carga.identidad import comparable
from planmejora.calidad.modelo import Accion
from planmejora.seguimiento.modelo import Cambio, TipoCambio, fecha_legible
from planmejora.vencimiento import NOMBRES_ESTADOS

PARECIDO_MINIMO = 85
"""Two actions under different N° are one only if their texts are this alike (0–100, word order aside)."""

_DIGITOS = re.compile(r"\d+")


def _numero(accion: Accion) -> str:
    """`01`, `1.` and `H-1` name the same finding: digits without leading zeros, nothing else."""
    return _DIGITOS.sub(lambda m: str(int(m.group())), comparable(accion.numero))


def _mejores_pares(
    anteriores: Sequence[Accion], actuales: Sequence[Accion], minimo: float
) -> Iterator[tuple[int, int]]:
    """Indices of pairs, the most alike texts first (then the closest in the plan), each action in one pair at most."""
    if minimo <= 0 and len(anteriores) == len(actuales) == 1:
        yield 0, 0  # one action under the same N° in each copy: the same action, whatever its text says now
        return
    textos_a = [comparable(a.accion_mejora) for a in anteriores]
    textos_b = [comparable(b.accion_mejora) for b in actuales]
    candidatos = sorted(
        (
            (fuzz.token_sort_ratio(texto_a, texto_b), -abs(i - j), i, j)
            for i, texto_a in enumerate(textos_a)
            for j, texto_b in enumerate(textos_b)
        ),
        reverse=True,
    )
    usados_a: set[int] = set()
    usados_b: set[int] = set()
    for parecido, _, i, j in candidatos:
        if parecido >= minimo and i not in usados_a and j not in usados_b:
            usados_a.add(i)
            usados_b.add(j)
            yield i, j


def _por_numero(acciones: Sequence[Accion]) -> dict[str, list[Accion]]:
    grupos: dict[str, list[Accion]] = {}
    for accion in acciones:
        if numero := _numero(accion):
            grupos.setdefault(numero, []).append(accion)
    return grupos


def emparejar(
    anteriores: Sequence[Accion], actuales: Sequence[Accion]
) -> tuple[list[tuple[Accion, Accion]], list[Accion], list[Accion]]:
    """Pairs (previous, current) in the current copy's order, then the removed and the added actions."""
    pares: list[tuple[Accion, Accion]] = []
    emparejadas: set[int] = set()

    def tomar(grupo_a: list[Accion], grupo_b: list[Accion], minimo: float) -> None:
        for i, j in _mejores_pares(grupo_a, grupo_b, minimo):
            pares.append((grupo_a[i], grupo_b[j]))
            emparejadas.update((id(grupo_a[i]), id(grupo_b[j])))

    actuales_por_numero = _por_numero(actuales)
    for numero, grupo in _por_numero(anteriores).items():
        tomar(grupo, actuales_por_numero.get(numero, []), 0)
    libres_a = [a for a in anteriores if id(a) not in emparejadas]
    libres_b = [b for b in actuales if id(b) not in emparejadas]
    tomar(libres_a, libres_b, PARECIDO_MINIMO)
    orden = {id(b): j for j, b in enumerate(actuales)}
    pares.sort(key=lambda par: orden[id(par[1])])
    return pares, [a for a in libres_a if id(a) not in emparejadas], [b for b in libres_b if id(b) not in emparejadas]


def _cambio(tipo: TipoCambio, accion: Accion, antes: str | None, despues: str | None) -> Cambio:
    return Cambio(tipo, accion.numero, accion.accion_mejora, accion.dependencia, antes, despues)


def _estado_escrito(accion: Accion) -> str:
    return accion.estado_accion or "sin estado"


def _cambios_de_un_par(anterior: Accion, actual: Accion, fecha_anterior: dt.date, corte: dt.date) -> list[Cambio]:
    cambios: list[Cambio] = []
    if actual.cerrada and not anterior.cerrada:
        cambios.append(_cambio("cerrada", actual, _estado_escrito(anterior), _estado_escrito(actual)))
    elif anterior.estado_accion != actual.estado_accion:
        cambios.append(_cambio("estado_cambiado", actual, _estado_escrito(anterior), _estado_escrito(actual)))
    if anterior.vence != actual.vence:
        cambios.append(
            _cambio(
                "fecha_movida",
                actual,
                fecha_legible(anterior.fecha_terminacion, anterior.fecha_terminacion_precision),
                fecha_legible(actual.fecha_terminacion, actual.fecha_terminacion_precision),
            )
        )
    antes, ahora = anterior.estado_seguimiento(fecha_anterior), actual.estado_seguimiento(corte)
    if ahora == "vencida" and antes != "vencida":
        cambios.append(_cambio("vencida", actual, NOMBRES_ESTADOS[antes], f"Vencida el {fecha_legible(actual.vence)}"))
    return cambios


def comparar(
    anteriores: Sequence[Accion], actuales: Sequence[Accion], fecha_anterior: dt.date | None, corte: dt.date
) -> list[Cambio]:
    """Every change from the previous copy (saved on `fecha_anterior`) to the current one, at `corte`.

    Without the previous copy's date, or with one after the cut-off, it is judged at the cut-off too.
    """
    cuando = min(fecha_anterior, corte) if fecha_anterior is not None else corte
    pares, quitadas, agregadas = emparejar(anteriores, actuales)
    cambios = [c for anterior, actual in pares for c in _cambios_de_un_par(anterior, actual, cuando, corte)]
    cambios += [
        _cambio("agregada", a, None, fecha_legible(a.fecha_terminacion, a.fecha_terminacion_precision))
        for a in agregadas
    ]
    cambios += [_cambio("quitada", a, _estado_escrito(a), None) for a in quitadas]
    return cambios
