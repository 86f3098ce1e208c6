"""When an action is due, and what state it is in at a cut-off: the one rule every output applies.

The quality report, the follow-up (`seguimiento`), the reminders (`avisos`) and the web application
all classify actions with `estado_seguimiento`, so an action is overdue in one of them exactly when
it is overdue in the others.

- `cumplida`: the action is closed, whatever its date says.
- `vencida`: open or without a state, and due before the cut-off. Nobody marked it closed, so the
  office still asks for it.
- `en_termino`: open or without a state, and due on the cut-off day or after it. The last day to do
  something is still a day to do it: an action due on the cut-off is not yet overdue.
- `sin_fecha`: not closed and without an end date: nothing to judge it by.

A month-only end date («ene-22») is due on the last day of that month.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Literal

EstadoSeguimiento = Literal["cumplida", "en_termino", "vencida", "sin_fecha"]

ESTADOS_SEGUIMIENTO: tuple[EstadoSeguimiento, ...] = ("cumplida", "en_termino", "vencida", "sin_fecha")

NOMBRES_ESTADOS: dict[EstadoSeguimiento, str] = {
    "cumplida": "Cumplida",
    "en_termino": "En término",
    "vencida": "Vencida",
    "sin_fecha": "Sin fecha",
}


def vence(fecha_terminacion: dt.date | None, precision: str | None) -> dt.date | None:
    """The last day to do it: the end date, or the last day of its month when only the month is known."""
    if fecha_terminacion is None:
        return None
    if precision == "mes":
        ultimo = calendar.monthrange(fecha_terminacion.year, fecha_terminacion.month)[1]
        return fecha_terminacion.replace(day=ultimo)
    return fecha_terminacion


def estado_seguimiento(
    estado_accion: str | None, fecha_terminacion: dt.date | None, precision: str | None, corte: dt.date
) -> EstadoSeguimiento:
    """The state of one action at `corte`, from its `estado_accion` and its end date as stored."""
    if estado_accion == "cerrada":
        return "cumplida"
    ultimo_dia = vence(fecha_terminacion, precision)
    if ultimo_dia is None:
        return "sin_fecha"
    return "vencida" if ultimo_dia < corte else "en_termino"
