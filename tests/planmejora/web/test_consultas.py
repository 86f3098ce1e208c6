"""The SQL that filters and sorts the actions page gives the same follow-up state as the rule every output uses."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import create_engine, select

from planmejora.vencimiento import estado_seguimiento as regla
from planmejora.vencimiento import vence
from planmejora.web.consultas import estado_seguimiento, v_hallazgos


def test_el_estado_en_sql_es_el_de_la_regla_en_cada_fecha_limite_y_a_su_lado(url: str) -> None:
    motor = create_engine(url)
    h = v_hallazgos.c
    with motor.connect() as conexion:
        filas = conexion.execute(
            select(h.hallazgo_id, h.estado_accion, h.fecha_terminacion, h.fecha_terminacion_precision)
        ).all()
        limites = {vence(f.fecha_terminacion, f.fecha_terminacion_precision) for f in filas} - {None}
        assert any(f.fecha_terminacion_precision == "mes" for f in filas), "sin fechas de solo mes no prueba nada"
        cortes = {limite + dt.timedelta(days=d) for limite in limites if limite for d in (-1, 0, 1)}
        for corte in sorted(cortes):
            en_sql = dict(conexion.execute(select(h.hallazgo_id, estado_seguimiento(corte))).all())
            for fila in filas:
                esperado = regla(fila.estado_accion, fila.fecha_terminacion, fila.fecha_terminacion_precision, corte)
                assert en_sql[fila.hallazgo_id] == esperado, (fila, corte)
    motor.dispose()
