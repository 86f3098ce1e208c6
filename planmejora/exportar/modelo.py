"""One action of the consolidated plan as the views give it: the plan's header, the form's fields, where it is."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass

from extractor.vocabulario import leer_toml
from planmejora.calidad.modelo import ubicacion


@dataclass(frozen=True, slots=True)
class Fecha:
    """A date of the view: the first day of the month when only the month was written (`precision` «mes»)."""

    valor: dt.date | None
    precision: str | None = "dia"
    estado: str | None = "ok"

    @property
    def inferida(self) -> bool:
        """Not written in the copy: derived from the other date and the plazo (see `problemas`)."""
        return self.valor is not None and self.estado == "inferida"

    @property
    def solo_mes(self) -> bool:
        return self.valor is not None and self.precision == "mes"

    @property
    def primer_dia(self) -> dt.date | None:
        return self.valor

    @property
    def ultimo_dia(self) -> dt.date | None:
        """The last day the date may mean: the end of its month when only the month was written."""
        if self.valor is None or not self.solo_mes:
            return self.valor
        return self.valor.replace(day=calendar.monthrange(self.valor.year, self.valor.month)[1])


@dataclass(frozen=True, slots=True)
class AccionDelPlan:
    """One row of `v_hallazgos`: an action of the current version of its plan."""

    entidad: str | None
    proceso_auditado: str | None
    fecha_suscripcion: Fecha
    numero: str | None
    descripcion: str | None
    accion_mejora: str | None
    meta_indicador: str | None
    plazo_meses: int | None
    fecha_inicio: Fecha
    fecha_terminacion: Fecha
    dependencia: str | None
    cargo_responsable: str | None
    cumplimiento: bool | None
    efectividad: bool | None
    estado_accion: str | None
    direccion_tecnica: str | None
    observaciones: str | None
    archivo: str
    hoja: str | None = None
    pagina: int | None = None
    fila: int | None = None

    @property
    def ubicacion(self) -> str:
        """Where a person finds the action in its file: «página 2, fila 3» or «hoja «Plan», fila 14»."""
        return ubicacion(self.hoja, self.pagina, self.fila)

    @property
    def cerrada(self) -> bool:
        return self.estado_accion == "cerrada"


def columnas(salida: str) -> dict[str, str]:
    """The columns of an output, in order, as `columnas.toml` names them: key → title written."""
    tabla: dict[str, str] = leer_toml("planmejora.exportar", "columnas")[salida]
    return tabla
