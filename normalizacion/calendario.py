"""Month arithmetic shared by inference and consistency checks."""

from __future__ import annotations

import calendar
import datetime as dt


def indice_mes(fecha: dt.date) -> int:
    """Months since year 0: the difference of two indices is the number of calendar months between them."""
    return fecha.year * 12 + fecha.month - 1


def sumar_meses(fecha: dt.date, meses: int) -> dt.date:
    """Same day `meses` later (or earlier); a day the target month lacks becomes its last day (31 → 30)."""
    indice = indice_mes(fecha) + meses
    anio, mes = divmod(indice, 12)
    mes += 1
    if not dt.MINYEAR <= anio <= dt.MAXYEAR:
        raise OverflowError(f"año {anio} fuera del calendario")
    return dt.date(anio, mes, min(fecha.day, calendar.monthrange(anio, mes)[1]))
