"""Dates as Colombian offices type them: day first, month words in any case, months as dates."""

import datetime as dt

import pytest

from normalizacion.fechas import normalizar_fecha

FORMAS = [
    # raw, valor, precision, estado
    ("09/07/2021", "2021-07-09", "dia", "ok"),
    ("1/7/21", "2021-07-01", "dia", "ok"),
    ("30-06-2021", "2021-06-30", "dia", "ok"),
    ("2021-09-21", "2021-09-21", "dia", "ok"),
    ("04/05/2021", "2021-05-04", "dia", "ok"),
    ("15 de marzo de 2022", "2022-03-15", "dia", "ok"),
    ("15 de marzo del 2022", "2022-03-15", "dia", "ok"),
    ("21-sep-21", "2021-09-21", "dia", "ok"),
    ("15/Mar/2022", "2022-03-15", "dia", "ok"),
    ("15.03.2022", "2022-03-15", "dia", "ok"),
    ("15 mar 2022", "2022-03-15", "dia", "ok"),
    ("2022/03/15", "2022-03-15", "dia", "ok"),
    ("15-03-22", "2022-03-15", "dia", "ok"),
    ("jun-21", "2021-06", "mes", "ok"),
    ("ene-22", "2022-01", "mes", "ok"),
    ("Sep-21", "2021-09", "mes", "ok"),
    ("sept. 2021", "2021-09", "mes", "ok"),
    ("set-21", "2021-09", "mes", "ok"),
    ("dic.-21", "2021-12", "mes", "ok"),
    ("agosto-21", "2021-08", "mes", "ok"),
    ("mar/22", "2022-03", "mes", "ok"),
    ("Marzo 2022", "2022-03", "mes", "ok"),
    ("Marzo de 2022", "2022-03", "mes", "ok"),
    ("MARZO-2022", "2022-03", "mes", "ok"),
    ("03/2022", "2022-03", "mes", "ok"),
    ("mar. 22", "2022-03", "mes", "ok"),
    ("  jun-21 ", "2021-06", "mes", "ok"),
    ("21sept-21", "2021-09-21", "dia", "corregida"),
    ("1o. de marzo 2022", "2022-03-01", "dia", "corregida"),
    ("1° de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("marzo 15/2022", "2022-03-15", "dia", "corregida"),
    ("del 15 de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("Jan-22", "2022-01", "mes", "corregida"),
    ("jun-\n21", "2021-06", "mes", "corregida"),
    ("15/03/2022,", "2022-03-15", "dia", "corregida"),
    ("31-04-2022", None, None, "invalida"),
    ("004-21", None, None, "invalida"),
    ("13/13/2021", None, None, "invalida"),
    ("ene-22 a jun-22", None, None, "invalida"),
]


@pytest.mark.parametrize(("raw", "valor", "precision", "estado"), FORMAS)
def test_forma_escrita(raw: str, valor: str | None, precision: str | None, estado: str) -> None:
    lectura = normalizar_fecha(raw)
    assert lectura.fecha.a_json() == {"raw": raw, "valor": valor, "precision": precision, "estado": estado}
    assert (lectura.motivo is None) == (estado == "ok")


@pytest.mark.parametrize("raw", [None, "", "   ", "\n"])
def test_celda_vacia(raw: str | None) -> None:
    assert normalizar_fecha(raw).fecha.estado == "vacia"


@pytest.mark.parametrize(
    ("valor", "formato", "esperado", "precision"),
    [
        (dt.datetime(2022, 1, 15), "mmm-yy", "2022-01", "mes"),
        (dt.datetime(2022, 1, 15), "dd/mm/yyyy", "2022-01-15", "dia"),
        (dt.datetime(2022, 3, 1), "[$-240A]mmmm\\ yyyy;@", "2022-03", "mes"),
        (dt.date(2022, 3, 1), None, "2022-03-01", "dia"),
    ],
)
def test_celda_de_fecha_de_excel(valor: dt.date, formato: str | None, esperado: str, precision: str) -> None:
    fecha = normalizar_fecha("lo que Excel muestra", valor, formato).fecha
    assert (fecha.texto_valor(), fecha.precision, fecha.estado) == (esperado, precision, "ok")


@pytest.mark.parametrize("serial", [44562, 44562.0, 44562.75])
def test_numero_de_serie_de_excel(serial: float) -> None:
    fecha = normalizar_fecha(str(serial), serial).fecha
    assert (fecha.valor, fecha.precision, fecha.estado) == (dt.date(2022, 1, 1), "dia", "corregida")
