"""What the follow-up at a cut-off is made of, independent of the database and of the output format.

The actions are the quality report's (`planmejora.calidad.Accion`), classified by the one rule of
`planmejora.vencimiento`; the totals are the report's `Avance` per plan and per dependencia.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from planmejora.calidad import seguimiento as avance
from planmejora.calidad.modelo import Accion, Filtros
from planmejora.calidad.seguimiento import Avance
from planmejora.vencimiento import ESTADOS_SEGUIMIENTO, EstadoSeguimiento

TipoCambio = Literal["cerrada", "vencida", "fecha_movida", "estado_cambiado", "agregada", "quitada"]

NOMBRES_CAMBIOS: dict[TipoCambio, str] = {
    "cerrada": "Se cerró",
    "vencida": "Se venció",
    "fecha_movida": "Cambió la fecha de terminación",
    "estado_cambiado": "Cambió el estado",
    "agregada": "Acción nueva",
    "quitada": "Acción que ya no está",
}


def fecha_legible(fecha: dt.date | None, precision: str | None = "dia") -> str:
    """A date as the office writes it: dd/mm/aaaa, or mm/aaaa when only the month is known."""
    if fecha is None:
        return "sin fecha"
    return fecha.strftime("%m/%Y" if precision == "mes" else "%d/%m/%Y")


@dataclass(frozen=True, slots=True)
class Cambio:
    """One thing that differs between the previous copy of a plan and the current one, as a person says it."""

    tipo: TipoCambio
    numero: str | None
    accion_mejora: str | None
    dependencia: str | None
    antes: str | None
    despues: str | None

    @property
    def nombre(self) -> str:
        return NOMBRES_CAMBIOS[self.tipo]


@dataclass(frozen=True, slots=True)
class Copia:
    """One copy (version) of a plan: its file, and when that file was last saved."""

    archivo: str
    fecha: dt.date | None
    numero_version: int


@dataclass(frozen=True, slots=True)
class CambiosDePlan:
    """What changed in one plan since its previous copy; no changes is news too."""

    plan: str
    anterior: Copia
    actual: Copia
    cambios: list[Cambio]


@dataclass(slots=True)
class Seguimiento:
    """Every action of the current copies at the cut-off, and what changed since each plan's previous copy."""

    base: str
    corte: dt.date
    generado: dt.datetime
    filtros: Filtros = field(default_factory=Filtros)
    acciones: list[Accion] = field(default_factory=list)
    cambios: list[CambiosDePlan] = field(default_factory=list)
    """One entry per plan that has a previous copy, in the order of the plans."""
    planes_sin_copia_anterior: int = 0

    def estado(self, accion: Accion) -> EstadoSeguimiento:
        return accion.estado_seguimiento(self.corte)

    def cuentas(self) -> dict[EstadoSeguimiento, int]:
        contadas = Counter(self.estado(a) for a in self.acciones)
        return {estado: contadas[estado] for estado in ESTADOS_SEGUIMIENTO}

    def por_plan(self) -> list[Avance]:
        return avance.por_plan(self.acciones, self.corte)

    def por_dependencia(self) -> list[Avance]:
        return avance.por_dependencia(self.acciones, self.corte)

    def total(self) -> Avance:
        return avance.total(self.acciones, self.corte)

    def ordenadas(self) -> list[Accion]:
        """The actions as people read the list: by plan, then in the plan's own order."""
        return sorted(self.acciones, key=lambda a: a.plan)
