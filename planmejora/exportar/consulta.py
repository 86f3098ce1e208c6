"""The actions to export, read from `v_hallazgos` only, in one read-only snapshot of the database."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import RowMapping

from planmejora.calidad.consulta import (
    ORDEN_HALLAZGOS,
    booleano_sql,
    entero_sql,
    fecha_sql,
    leer_vistas,
    texto_sql,
)
from planmejora.calidad.modelo import Filtros
from planmejora.exportar.modelo import AccionDelPlan, Fecha


def _fecha(fila: RowMapping, nombre: str) -> Fecha:
    return Fecha(
        fecha_sql(fila.get(nombre)), texto_sql(fila.get(f"{nombre}_precision")), texto_sql(fila.get(f"{nombre}_estado"))
    )


def _accion(f: RowMapping) -> AccionDelPlan:
    textos: dict[str, Any] = {
        nombre: texto_sql(f.get(nombre))
        for nombre in (
            "entidad", "proceso_auditado", "numero", "descripcion", "accion_mejora", "meta_indicador",
            "dependencia", "cargo_responsable", "estado_accion", "direccion_tecnica", "observaciones", "hoja",
        )
    }  # fmt: skip
    return AccionDelPlan(
        **textos,
        fecha_suscripcion=_fecha(f, "fecha_suscripcion"),
        plazo_meses=entero_sql(f.get("plazo_meses")),
        fecha_inicio=_fecha(f, "fecha_inicio"),
        fecha_terminacion=_fecha(f, "fecha_terminacion"),
        cumplimiento=booleano_sql(f.get("cumplimiento")),
        efectividad=booleano_sql(f.get("efectividad")),
        archivo=str(f["archivo"]),
        pagina=entero_sql(f.get("pagina")),
        fila=entero_sql(f.get("fila")),
    )


def leer_acciones(url: str, filtros: Filtros | None = None) -> list[AccionDelPlan]:
    """Every action of the current version of each plan that the filters let through, plan by plan in form order."""
    filtros = filtros or Filtros()
    with leer_vistas(url) as vistas:
        filas = vistas.filas("v_hallazgos", ORDEN_HALLAZGOS)
    return [
        accion
        for accion in map(_accion, filas)
        if filtros.deja_dependencia(accion.dependencia)
        and filtros.deja_entidad(accion.entidad)
        and filtros.deja_fecha(accion.fecha_suscripcion.valor)
    ]
