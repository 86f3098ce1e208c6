"""The state of an action at a cut-off, as internal control classifies it: one table, every case."""

from __future__ import annotations

import datetime as dt

import pytest

from planmejora.vencimiento import EstadoSeguimiento, estado_seguimiento, vence

D = dt.date


@pytest.mark.parametrize(
    ("estado_accion", "terminacion", "precision", "corte", "esperado"),
    [
        # closed: cumplida, whatever the date says, even without one
        ("cerrada", D(2022, 1, 31), "dia", D(2023, 1, 1), "cumplida"),
        ("cerrada", None, None, D(2023, 1, 1), "cumplida"),
        # open, day precision: due before the cut-off is overdue; due on it or after it is not yet
        ("abierta", D(2022, 6, 29), "dia", D(2022, 6, 30), "vencida"),
        ("abierta", D(2022, 6, 30), "dia", D(2022, 6, 30), "en_termino"),
        ("abierta", D(2022, 7, 1), "dia", D(2022, 6, 30), "en_termino"),
        # a month-only date is due on the last day of its month
        ("abierta", D(2022, 6, 1), "mes", D(2022, 6, 30), "en_termino"),
        ("abierta", D(2022, 6, 1), "mes", D(2022, 6, 15), "en_termino"),
        ("abierta", D(2022, 6, 1), "mes", D(2022, 7, 1), "vencida"),
        ("abierta", D(2024, 2, 1), "mes", D(2024, 2, 29), "en_termino"),
        ("abierta", D(2024, 2, 1), "mes", D(2024, 3, 1), "vencida"),
        # no state written: still pending, judged by its date like an open one
        (None, D(2022, 1, 15), "dia", D(2022, 6, 30), "vencida"),
        (None, D(2022, 12, 1), "mes", D(2022, 6, 30), "en_termino"),
        # nothing to judge by
        ("abierta", None, None, D(2022, 6, 30), "sin_fecha"),
        (None, None, None, D(2022, 6, 30), "sin_fecha"),
    ],
)
def test_estado_de_seguimiento_al_corte(
    estado_accion: str | None,
    terminacion: dt.date | None,
    precision: str | None,
    corte: dt.date,
    esperado: EstadoSeguimiento,
) -> None:
    assert estado_seguimiento(estado_accion, terminacion, precision, corte) == esperado


def test_el_ultimo_dia_de_una_fecha_de_solo_mes() -> None:
    assert vence(D(2022, 1, 1), "mes") == D(2022, 1, 31)
    assert vence(D(2023, 2, 1), "mes") == D(2023, 2, 28)
    assert vence(D(2022, 1, 15), "dia") == D(2022, 1, 15)
    assert vence(None, None) is None
