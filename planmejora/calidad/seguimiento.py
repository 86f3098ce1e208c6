"""The control office's follow-up: how many actions are closed, compliant, effective and overdue.

Shares are over every action of the group, so an action whose cell was left blank counts as not
closed, not compliant and not effective: the office asks for evidence, it does not assume it.
The state at the cut-off is `planmejora.vencimiento`'s: cerradas are the cumplidas, and
cerradas + en_termino + vencidas + sin_fecha is every action of the group.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from planmejora.calidad.modelo import SIN_DEPENDENCIA, Accion


@dataclass(frozen=True, slots=True)
class Avance:
    """Counts of one group of actions (a plan or a dependencia) at the cut-off date."""

    grupo: str
    total: int
    cerradas: int
    cumplen: int
    efectivas: int
    vencidas: int
    sin_estado: int
    en_termino: int
    sin_fecha: int

    @staticmethod
    def _parte(cuantas: int, total: int) -> float:
        return cuantas / total if total else 0.0

    @property
    def parte_cerradas(self) -> float:
        return self._parte(self.cerradas, self.total)

    @property
    def parte_cumplen(self) -> float:
        return self._parte(self.cumplen, self.total)

    @property
    def parte_efectivas(self) -> float:
        return self._parte(self.efectivas, self.total)

    @property
    def parte_vencidas(self) -> float:
        return self._parte(self.vencidas, self.total)


def _avance(grupo: str, acciones: list[Accion], corte: dt.date) -> Avance:
    estados = Counter(a.estado_seguimiento(corte) for a in acciones)
    return Avance(
        grupo=grupo,
        total=len(acciones),
        cerradas=sum(a.cerrada for a in acciones),
        cumplen=sum(a.cumplimiento is True for a in acciones),
        efectivas=sum(a.efectividad is True for a in acciones),
        vencidas=estados["vencida"],
        sin_estado=sum(a.estado_accion is None for a in acciones),
        en_termino=estados["en_termino"],
        sin_fecha=estados["sin_fecha"],
    )


def _agrupar(acciones: Iterable[Accion], clave: Callable[[Accion], str], corte: dt.date) -> list[Avance]:
    grupos: dict[str, list[Accion]] = {}
    for accion in acciones:
        grupos.setdefault(clave(accion), []).append(accion)
    return [_avance(grupo, grupos[grupo], corte) for grupo in sorted(grupos)]


def por_dependencia(acciones: Iterable[Accion], corte: dt.date) -> list[Avance]:
    return _agrupar(acciones, lambda a: a.dependencia or SIN_DEPENDENCIA, corte)


def por_plan(acciones: Iterable[Accion], corte: dt.date) -> list[Avance]:
    return _agrupar(acciones, lambda a: a.plan, corte)


def total(acciones: list[Accion], corte: dt.date) -> Avance:
    return _avance("Total", acciones, corte)
