"""Month arithmetic: what inference and the plazo check rely on."""

import calendar
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizacion.calendario import indice_mes, sumar_meses


@pytest.mark.parametrize(
    ("fecha", "meses", "esperada"),
    [
        (dt.date(2021, 9, 1), 4, dt.date(2022, 1, 1)),
        (dt.date(2022, 1, 1), -4, dt.date(2021, 9, 1)),
        (dt.date(2022, 1, 31), 1, dt.date(2022, 2, 28)),
        (dt.date(2024, 1, 31), 1, dt.date(2024, 2, 29)),
        (dt.date(2022, 3, 31), -1, dt.date(2022, 2, 28)),
        (dt.date(2022, 8, 31), 1, dt.date(2022, 9, 30)),
        (dt.date(2022, 5, 15), 0, dt.date(2022, 5, 15)),
        (dt.date(2022, 12, 15), 12, dt.date(2023, 12, 15)),
        (dt.date(2022, 1, 15), -13, dt.date(2020, 12, 15)),
    ],
)
def test_sumar_meses_conserva_el_dia_o_toma_el_ultimo_del_mes(fecha: dt.date, meses: int, esperada: dt.date) -> None:
    assert sumar_meses(fecha, meses) == esperada


def test_indice_mes_cuenta_meses_de_calendario_no_dias() -> None:
    assert indice_mes(dt.date(2022, 1, 1)) - indice_mes(dt.date(2021, 9, 30)) == 4
    assert indice_mes(dt.date(2022, 3, 31)) - indice_mes(dt.date(2022, 3, 1)) == 0


def test_sumar_meses_fuera_del_calendario_es_un_error_claro() -> None:
    with pytest.raises(OverflowError, match="fuera del calendario"):
        sumar_meses(dt.date(9999, 12, 1), 1)
    with pytest.raises(OverflowError, match="fuera del calendario"):
        sumar_meses(dt.date(1, 1, 1), -1)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-240, 240))
def test_sumar_meses_avanza_exactamente_esos_meses(fecha: dt.date, meses: int) -> None:
    resultado = sumar_meses(fecha, meses)
    assert indice_mes(resultado) - indice_mes(fecha) == meses
    if resultado.day != fecha.day:
        assert resultado.day < fecha.day
        assert resultado.day == calendar.monthrange(resultado.year, resultado.month)[1]


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31)), st.integers(-240, 240))
def test_ir_y_volver_desde_el_primero_del_mes_da_la_misma_fecha(fecha: dt.date, meses: int) -> None:
    primero = fecha.replace(day=1)
    assert sumar_meses(sumar_meses(primero, meses), -meses) == primero
