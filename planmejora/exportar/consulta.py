"""The actions to export, read from `v_hallazgos` only, in one read-only snapshot of the database."""

from __future__ import annotations

from functools import cache
from typing import Any, cast, get_type_hints

from sqlalchemy.engine import RowMapping

from normalizacion.modelo import COLUMNAS, EstadoFecha, Fecha, Hallazgo, Origen, Precision
from planmejora.calidad.consulta import (
    ORDEN_HALLAZGOS,
    booleano_sql,
    entero_sql,
    fecha_sql,
    leer_vistas,
    texto_sql,
)
from planmejora.calidad.modelo import Filtros
from planmejora.exportar.modelo import AccionDelPlan


def _fecha(fila: RowMapping, nombre: str) -> Fecha:
    """A date of the view: its value, precision and state (the view keeps no `raw`)."""
    valor = fecha_sql(fila.get(nombre))
    precision = cast(Precision | None, texto_sql(fila.get(f"{nombre}_precision")))
    estado = texto_sql(fila.get(f"{nombre}_estado")) or ("ok" if valor is not None else "vacia")
    return Fecha(None, valor, precision, cast(EstadoFecha, estado))


@cache
def _tipos_de_campo() -> dict[str, Any]:
    """Each field of the form with its type in `Hallazgo`: what says how to read it from the view."""
    return get_type_hints(Hallazgo)


def _campo(fila: RowMapping, nombre: str, tipo: Any) -> Any:
    if tipo is Fecha:
        return _fecha(fila, nombre)
    if tipo == int | None:
        return entero_sql(fila.get(nombre))
    if tipo == bool | None:
        return booleano_sql(fila.get(nombre))
    return texto_sql(fila.get(nombre))


def _accion(f: RowMapping) -> AccionDelPlan:
    tipos = _tipos_de_campo()
    origen = Origen(pagina=entero_sql(f.get("pagina")), hoja=texto_sql(f.get("hoja")), fila=entero_sql(f.get("fila")))
    hallazgo = Hallazgo(**{campo: _campo(f, campo, tipos[campo]) for campo in COLUMNAS}, origen=origen)
    return AccionDelPlan(
        entidad=texto_sql(f.get("entidad")),
        proceso_auditado=texto_sql(f.get("proceso_auditado")),
        fecha_suscripcion=_fecha(f, "fecha_suscripcion"),
        hallazgo=hallazgo,
        archivo=str(f["archivo"]),
    )


def leer_acciones(url: str, filtros: Filtros | None = None) -> list[AccionDelPlan]:
    """Every action of the current version of each plan that the filters let through, plan by plan in form order."""
    filtros = filtros or Filtros()
    with leer_vistas(url) as vistas:
        filas = vistas.filas("v_hallazgos", ORDEN_HALLAZGOS)
    return [
        accion
        for accion in map(_accion, filas)
        if filtros.deja_dependencia(accion.hallazgo.dependencia)
        and filtros.deja_entidad(accion.entidad)
        and filtros.deja_fecha(accion.fecha_suscripcion.valor)
    ]
