"""Read the follow-up from the public views: current actions (`v_hallazgos`), copies (`v_versiones`) and the
actions of every copy (`v_hallazgos_historia`), through the same snapshot and errors as the quality report."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy.engine import RowMapping

from planmejora.calidad.consulta import ORDEN_HALLAZGOS, acciones_de, fecha_sql, leer_acciones, leer_vistas
from planmejora.calidad.modelo import Accion, Filtros
from planmejora.seguimiento.cambios import comparar
from planmejora.seguimiento.modelo import CambiosDePlan, Copia, Seguimiento


def _copia(fila: RowMapping) -> Copia:
    return Copia(str(fila["archivo"]), fecha_sql(fila.get("modificado_en")), int(fila["numero_version"]))


def _actual_y_anterior(versiones: list[RowMapping]) -> dict[Any, tuple[RowMapping, RowMapping]]:
    """For each plan with more than one copy: its current copy and the one just before it."""
    por_plan: dict[Any, dict[int, RowMapping]] = defaultdict(dict)
    for fila in versiones:
        por_plan[fila["plan_id"]][int(fila["numero_version"])] = fila
    pares: dict[Any, tuple[RowMapping, RowMapping]] = {}
    for plan_id, copias in por_plan.items():
        actual = next((f for f in copias.values() if f["actual"] in (True, 1)), None)
        if actual is not None and (anterior := copias.get(int(actual["numero_version"]) - 1)) is not None:
            pares[plan_id] = (actual, anterior)
    return pares


def _cambios(
    actuales: list[Accion], historia: list[RowMapping], versiones: list[RowMapping], filtros: Filtros, corte: dt.date
) -> tuple[list[CambiosDePlan], int]:
    """The changes of each plan with a previous copy, in the order of the plans; and how many have none."""
    pares = _actual_y_anterior(versiones)
    anteriores_ids = {anterior["version_id"] for _, anterior in pares.values()}
    filas_anteriores = [f for f in historia if f["version_id"] in anteriores_ids]
    todas_anteriores = acciones_de(filas_anteriores)
    anteriores: dict[Any, list[Accion]] = defaultdict(list)
    for accion, fila in zip(todas_anteriores, filas_anteriores, strict=True):
        if filtros.deja_accion(accion):
            anteriores[fila["version_id"]].append(accion)
    por_plan: dict[Any, list[Accion]] = defaultdict(list)
    for accion in actuales:
        por_plan[accion.plan_id].append(accion)
    etiquetas = {a.plan_id: a.plan for a in [*todas_anteriores, *actuales]}
    resultado: list[CambiosDePlan] = []
    for plan_id in dict.fromkeys([*por_plan, *pares]):
        if plan_id not in pares:
            continue
        actual, anterior = pares[plan_id]
        previas = anteriores.get(anterior["version_id"], [])
        if previas or por_plan.get(plan_id):
            copia_anterior = _copia(anterior)
            cambios = comparar(previas, por_plan.get(plan_id, []), copia_anterior.fecha, corte)
            resultado.append(CambiosDePlan(etiquetas[plan_id], copia_anterior, _copia(actual), cambios))
    return resultado, len([p for p in por_plan if p not in pares])


def seguimiento(
    db: str, corte: dt.date, filtros: Filtros | None = None, ahora: dt.datetime | None = None
) -> Seguimiento:
    """Every action of the current copy of each plan at `corte`, and what changed since each plan's previous copy.

    Raises `planmejora.calidad.ErrorDeBase` with a Spanish message when the database cannot be read.
    """
    filtros = filtros or Filtros()
    with leer_vistas(db) as vistas:
        actuales = leer_acciones(vistas, filtros)
        historia = vistas.filas("v_hallazgos_historia", ORDEN_HALLAZGOS)
        versiones = vistas.filas("v_versiones", ("plan_id", "numero_version"))
        base = vistas.base
    cambios, sin_anterior = _cambios(actuales, historia, versiones, filtros, corte)
    return Seguimiento(
        base=base,
        corte=corte,
        generado=ahora or dt.datetime.now().replace(microsecond=0),
        filtros=filtros,
        acciones=actuales,
        cambios=cambios,
        planes_sin_copia_anterior=sin_anterior,
    )
