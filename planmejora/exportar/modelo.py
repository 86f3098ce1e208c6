"""One action of the consolidated plan as the views give it: the plan's header, the finding, where it is."""

from __future__ import annotations

from dataclasses import dataclass

from extractor.vocabulario import leer_toml
from normalizacion.modelo import Fecha, Hallazgo
from planmejora.calidad.modelo import ubicacion


@dataclass(frozen=True, slots=True)
class AccionDelPlan:
    """One row of `v_hallazgos`: an action of the current version of its plan.

    The form's fields are a `Hallazgo`, the model that follows `COLUMNAS`: a column added to the form
    reaches the exports with no field to declare here. Its dates come from the view without `raw`.
    """

    entidad: str | None
    proceso_auditado: str | None
    fecha_suscripcion: Fecha
    hallazgo: Hallazgo
    archivo: str

    @property
    def ubicacion(self) -> str:
        """Where a person finds the action in its file: «página 2, fila 3» or «hoja «Plan», fila 14»."""
        origen = self.hallazgo.origen
        return ubicacion(origen.hoja, origen.pagina, origen.fila)

    @property
    def cerrada(self) -> bool:
        return self.hallazgo.estado_accion == "cerrada"


def columnas(salida: str) -> dict[str, str]:
    """The columns of an output, in order, as `columnas.toml` names them: key → title written."""
    tabla: dict[str, str] = leer_toml("planmejora.exportar", "columnas")[salida]
    return tabla
