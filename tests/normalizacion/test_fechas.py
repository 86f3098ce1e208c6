"""Dates as Colombian offices type them: day first, month words in any case, months as dates."""

import datetime as dt
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from normalizacion.fechas import estilos_de_mes, normalizar_fecha
from normalizacion.modelo import Fecha

FORMAS = [
    # raw, valor, precision, estado
    # Normal ways: ok.
    ("09/07/2021", "2021-07-09", "dia", "ok"),
    ("1/7/21", "2021-07-01", "dia", "ok"),
    ("30-06-2021", "2021-06-30", "dia", "ok"),
    ("2021-09-21", "2021-09-21", "dia", "ok"),
    ("04/05/2021", "2021-05-04", "dia", "ok"),
    ("15.03.2022", "2022-03-15", "dia", "ok"),
    ("2022/03/15", "2022-03-15", "dia", "ok"),
    ("15-03-22", "2022-03-15", "dia", "ok"),
    ("15 de marzo de 2022", "2022-03-15", "dia", "ok"),
    ("15 de marzo del 2022", "2022-03-15", "dia", "ok"),
    ("15 Marzo 2022", "2022-03-15", "dia", "ok"),
    ("21-sep-21", "2021-09-21", "dia", "ok"),
    ("15/Mar/2022", "2022-03-15", "dia", "ok"),
    ("15 mar 2022", "2022-03-15", "dia", "ok"),
    ("15.mar.2022", "2022-03-15", "dia", "ok"),
    ("Marzo 15 de 2022", "2022-03-15", "dia", "ok"),
    ("diciembre 31 del 2022", "2022-12-31", "dia", "ok"),
    ("martes, 15 de marzo de 2022", "2022-03-15", "dia", "ok"),
    ("SÁBADO, 19 DE MARZO DE 2022", "2022-03-19", "dia", "ok"),
    ("15 de Marzo del año 2022", "2022-03-15", "dia", "ok"),
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
    ("Febrero/2022", "2022-02", "mes", "ok"),
    ("03/2022", "2022-03", "mes", "ok"),
    ("2022-06", "2022-06", "mes", "ok"),
    ("mar. 22", "2022-03", "mes", "ok"),
    ("may.2022", "2022-05", "mes", "ok"),
    ("  jun-21 ", "2021-06", "mes", "ok"),
    ("mar-99", "1999-03", "mes", "ok"),
    ("Junio-21", "2021-06", "mes", "ok"),
    ("Junio de 21", "2021-06", "mes", "ok"),
    ("Sept 21", "2021-09", "mes", "ok"),
    # Messy but unambiguous: corregida.
    ("21sept-21", "2021-09-21", "dia", "corregida"),
    ("1o. de marzo 2022", "2022-03-01", "dia", "corregida"),
    ("1° de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("1.º de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("1ro de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("1ª de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("a los 15 días del mes de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("15th March 2022", "2022-03-15", "dia", "corregida"),
    ("marzo 15/2022", "2022-03-15", "dia", "corregida"),
    ("Diciembre 31, 2022", "2022-12-31", "dia", "corregida"),
    ("2022-mar-15", "2022-03-15", "dia", "corregida"),
    ("15 de marzo, 2022", "2022-03-15", "dia", "corregida"),
    ("15 03 2022", "2022-03-15", "dia", "corregida"),
    ("15/03-2022", "2022-03-15", "dia", "corregida"),
    ("31 / 12 / 2022", "2022-12-31", "dia", "corregida"),
    ("15032022", "2022-03-15", "dia", "corregida"),
    ("20220315", "2022-03-15", "dia", "corregida"),
    ("15/03/2.022", "2022-03-15", "dia", "corregida"),
    ("del 15 de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("el 15 de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("Fecha: 15/03/2022", "2022-03-15", "dia", "corregida"),
    ("hasta jun-22", "2022-06", "mes", "corregida"),
    ("a partir de marzo de 2022", "2022-03", "mes", "corregida"),
    ("Quince de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("Primero de marzo de 2022", "2022-03-01", "dia", "corregida"),
    ("treinta y uno de marzo de 2022", "2022-03-31", "dia", "corregida"),
    ("quince (15) de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("30/06/2022 (reprogramada)", "2022-06-30", "dia", "corregida"),
    ("lunes, 15 de marzo de 2022", "2022-03-15", "dia", "corregida"),
    ("Jan-22", "2022-01", "mes", "corregida"),
    ("February 2022", "2022-02", "mes", "corregida"),
    ("Mzo-22", "2022-03", "mes", "corregida"),
    ("sbre-21", "2021-09", "mes", "corregida"),
    ("dbre-21", "2021-12", "mes", "corregida"),
    ("abl-22", "2022-04", "mes", "corregida"),
    ("novbre. 2021", "2021-11", "mes", "corregida"),
    ("novie-21", "2021-11", "mes", "corregida"),
    ("juliio 2022", "2022-07", "mes", "corregida"),
    ("julo-22", "2022-07", "mes", "corregida"),
    ("novienbre 2021", "2021-11", "mes", "corregida"),
    ("2022 marzo", "2022-03", "mes", "corregida"),
    ("Enero, 2022", "2022-01", "mes", "corregida"),
    ("jun-\n21", "2021-06", "mes", "corregida"),
    ("jun.-21.", "2021-06", "mes", "corregida"),
    ("15/03/2022,", "2022-03-15", "dia", "corregida"),
    ('"15/03/2022".', "2022-03-15", "dia", "corregida"),
    ("(15/03/2022)", "2022-03-15", "dia", "corregida"),
    ("- 15/03/2022", "2022-03-15", "dia", "corregida"),
    ("30/06/2022 10:00 a.m.", "2022-06-30", "dia", "corregida"),
    ("2022-03-15 00:00:00", "2022-03-15", "dia", "corregida"),
    ("2022-03-15T00:00:00", "2022-03-15", "dia", "corregida"),
    ("2022-06-30T00:00:00.000Z", "2022-06-30", "dia", "corregida"),
    ("15 de marzo de 2022 a las 3 pm", "2022-03-15", "dia", "corregida"),
    ("15/03/2022 14 hrs", "2022-03-15", "dia", "corregida"),
    ("\u200b15/03/2022", "2022-03-15", "dia", "corregida"),
    ("07/08/2026 00:00:00 (aprox.)", "2026-08-07", "dia", "corregida"),
    ("30/06/2022 10:30 a.m..", "2022-06-30", "dia", "corregida"),
    ("44562", "2022-01-01", "dia", "corregida"),
    # Never turned into some date: invalida.
    ("31-04-2022", None, None, "invalida"),
    ("29/02/2021", None, None, "invalida"),
    ("004-21", None, None, "invalida"),
    ("13/13/2021", None, None, "invalida"),
    ("15/13/2022", None, None, "invalida"),
    ("0/03/2022", None, None, "invalida"),
    ("2022-15-03", None, None, "invalida"),
    ("15/03", None, None, "invalida"),
    ("/03/2022", None, None, "invalida"),
    ("15/03/2022/", None, None, "invalida"),
    ("03/22", None, None, "invalida"),
    ("15 de marzo", None, None, "invalida"),
    ("Junio 21", None, None, "invalida"),
    ("Diciembre 31", None, None, "invalida"),
    ("marzo", None, None, "invalida"),
    ("2022", None, None, "invalida"),
    ("150322", None, None, "invalida"),
    ("15/3/202", None, None, "invalida"),
    ("15/03/0022", None, None, "invalida"),
    ("15/03/2200", None, None, "invalida"),
    ("12345", None, None, "invalida"),
    ("ene-22 a jun-22", None, None, "invalida"),
    ("enero a junio de 2022", None, None, "invalida"),
    ("del 1 al 15 de marzo de 2022", None, None, "invalida"),
    ("15 y 16 de marzo de 2022", None, None, "invalida"),
    ("15/03/2022 - 20/04/2022", None, None, "invalida"),
    ("jun-22 dic-22", None, None, "invalida"),
    ("30/06/2022 reprogramada", None, None, "invalida"),
    ("ene feb 2022", None, None, "invalida"),
    ("juino 2022", None, None, "invalida"),
    ("maryo-22", None, None, "invalida"),
    ("I semestre 2022", None, None, "invalida"),
    ("dos mil veintidós", None, None, "invalida"),
    ("N/A", None, None, "invalida"),
    ("Por definir", None, None, "invalida"),
    ("١٥/٠٣/٢٠٢٢", None, None, "invalida"),
]


@pytest.mark.parametrize(("raw", "valor", "precision", "estado"), FORMAS)
def test_forma_escrita(raw: str, valor: str | None, precision: str | None, estado: str) -> None:
    lectura = normalizar_fecha(raw)
    assert lectura.fecha.a_json() == {"raw": raw, "valor": valor, "precision": precision, "estado": estado}
    assert (lectura.motivo is None) == (estado == "ok")


@pytest.mark.parametrize(
    ("raw", "en_el_motivo"),
    [
        ("ene-22 a jun-22", "rango"),
        ("15/03/2022 - 20/04/2022", "más de una fecha"),
        ("31-04-2022", "el día 31 no existe en abril de 2022"),
        ("13/13/2021", "el mes 13 no existe"),
        ("004-21", "«004»"),
        ("15 de marzo", "falta el año"),
        ("lunes, 15 de marzo de 2022", "no coincide"),
        ("21sept-21", "separador"),
        ("Jan-22", "inglés"),
        ("Quince de marzo de 2022", "en letras"),
        ("juino 2022", "se parece a más de un mes"),
        ("Diciembre 31", "el día o el año"),
    ],
)
def test_el_motivo_dice_por_que(raw: str, en_el_motivo: str) -> None:
    motivo = normalizar_fecha(raw).motivo
    assert motivo is not None
    assert en_el_motivo in motivo


@pytest.mark.parametrize("raw", [None, "", "   ", "\n"])
def test_celda_vacia(raw: str | None) -> None:
    assert normalizar_fecha(raw).fecha.a_json() == {"raw": None, "valor": None, "precision": None, "estado": "vacia"}


@pytest.mark.parametrize(
    ("valor", "formato", "esperado", "precision"),
    [
        (dt.datetime(2022, 1, 15), "mmm-yy", "2022-01", "mes"),
        (dt.datetime(2022, 1, 15), "dd/mm/yyyy", "2022-01-15", "dia"),
        (dt.datetime(2022, 3, 1), "[$-240A]mmmm\\ yyyy;@", "2022-03", "mes"),
        (dt.datetime(2022, 3, 1), 'mmmm" de "yyyy', "2022-03", "mes"),
        (dt.datetime(2022, 3, 5), 'd" de "mmmm" de "yyyy', "2022-03-05", "dia"),
        (dt.datetime(2022, 3, 5), "[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy", "2022-03-05", "dia"),
        (dt.datetime(2022, 3, 5, 14, 30), "dd/mm/yyyy h:mm", "2022-03-05", "dia"),
        (dt.date(2022, 3, 1), None, "2022-03-01", "dia"),
    ],
)
def test_celda_de_fecha_de_excel(valor: dt.date, formato: str | None, esperado: str, precision: str) -> None:
    fecha = normalizar_fecha("lo que Excel muestra", valor, formato).fecha
    assert (fecha.texto_valor(), fecha.precision, fecha.estado) == (esperado, precision, "ok")


def test_celda_de_excel_que_muestra_solo_la_hora_no_es_una_fecha() -> None:
    fecha = normalizar_fecha("14:30", dt.datetime(2022, 3, 15, 14, 30), "h:mm").fecha
    assert (fecha.valor, fecha.estado) == (None, "invalida")


def test_celda_de_fecha_de_excel_con_un_anio_imposible_es_invalida() -> None:
    """A small number typed into a date-formatted cell shows as 05/01/1900: not a plan's date."""
    fecha = normalizar_fecha("05/01/1900", dt.datetime(1900, 1, 5), "dd/mm/yyyy").fecha
    assert (fecha.valor, fecha.estado) == (None, "invalida")


@pytest.mark.parametrize("serial", [44562, 44562.0, 44562.75])
def test_numero_de_serie_de_excel(serial: float) -> None:
    fecha = normalizar_fecha(str(serial), serial).fecha
    assert (fecha.valor, fecha.precision, fecha.estado) == (dt.date(2022, 1, 1), "dia", "corregida")


def test_numero_de_excel_que_no_es_fecha_es_invalido_y_no_vacio() -> None:
    assert normalizar_fecha(None, 12).fecha.a_json() == {
        "raw": "12",
        "valor": None,
        "precision": None,
        "estado": "invalida",
    }
    assert normalizar_fecha(None, 44562).fecha.raw == "44562"


def test_numero_de_excel_con_las_cifras_de_una_fecha_se_lee_por_lo_que_muestra() -> None:
    fecha = normalizar_fecha("20220315", 20220315).fecha
    assert (fecha.texto_valor(), fecha.estado) == ("2022-03-15", "corregida")


# Every supported way of writing a day or a month, for the property tests below.
Estilo = Callable[[dt.date, str], str]  # the date, and the month word to use


def _aa(fecha: dt.date) -> str:
    """Two-digit year where it reads back the same (1970-2069), else four."""
    return f"{fecha.year % 100:02d}" if 1970 <= fecha.year <= 2069 else str(fecha.year)


_ESTILOS_DIA: list[Estilo] = [
    lambda f, m: f"{f.day:02d}/{f.month:02d}/{f.year}",
    lambda f, m: f"{f.day}/{f.month}/{_aa(f)}",
    lambda f, m: f"{f.day:02d}-{f.month:02d}-{f.year}",
    lambda f, m: f"{f.day:02d}.{f.month:02d}.{_aa(f)}",
    lambda f, m: f"{f.isoformat()}",
    lambda f, m: f"{f.year}/{f.month:02d}/{f.day:02d}",
    lambda f, m: f"{f.day} de {m} de {f.year}",
    lambda f, m: f"{f.day} de {m} del {f.year}",
    lambda f, m: f"{f.day}-{m}-{_aa(f)}",
    lambda f, m: f"{f.day:02d}/{m}/{f.year}",
    lambda f, m: f"{f.day} {m}. {f.year}",
    lambda f, m: f"{f.day}{m}-{_aa(f)}",
    lambda f, m: f"{m} {f.day} de {f.year}",
    lambda f, m: f"{m} {f.day}/{f.year}",
    lambda f, m: f"{f.day}o. de {m} {f.year}",
    lambda f, m: f"del {f.day} de {m} de {f.year}",
    lambda f, m: f"  {f.day:02d}/{f.month:02d}/{f.year}.\n",
    lambda f, m: f"{f.day:02d}{f.month:02d}{f.year}",
    lambda f, m: f"{f.day:02d}/{f.month:02d}/{f.year // 1000}.{f.year % 1000:03d}",
    lambda f, m: f"{f.day:02d}/{f.month:02d}/{f.year} 10:30",
]
_ESTILOS_MES: list[Estilo] = [
    lambda f, m: f"{m}-{_aa(f)}",
    lambda f, m: f"{m}. {f.year}",
    lambda f, m: f"{m}.-{_aa(f)}",
    lambda f, m: f"{m}/{_aa(f)}",
    lambda f, m: f"{m} {f.year}",
    lambda f, m: f"{m} de {f.year}",
    lambda f, m: f"{m} del {f.year}",
    lambda f, m: f"{f.month:02d}/{f.year}",
    lambda f, m: f"{f.month}-{f.year}",
    lambda f, m: f"{f.year}-{f.month:02d}",
    lambda f, m: f" {m} - {f.year} ",
    lambda f, m: f"hasta {m}-{_aa(f)}",
]
_PALABRAS_DE_MES: dict[int, list[str]] = {}
for _palabra, _mes in estilos_de_mes():
    _PALABRAS_DE_MES.setdefault(_mes, []).append(_palabra)
_CAJAS: list[Callable[[str], str]] = [str.lower, str.upper, str.title]

_fechas = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))


@given(_fechas, st.sampled_from(_ESTILOS_DIA), st.data())
def test_un_dia_escrito_de_cualquier_forma_se_lee_como_ese_dia(
    fecha: dt.date, estilo: Estilo, data: st.DataObject
) -> None:
    palabra = data.draw(st.sampled_from(_PALABRAS_DE_MES[fecha.month]))
    raw = estilo(fecha, data.draw(st.sampled_from(_CAJAS))(palabra))
    leida = normalizar_fecha(raw).fecha
    assert (leida.valor, leida.precision, leida.estado in ("ok", "corregida")) == (fecha, "dia", True), raw


@given(_fechas, st.sampled_from(_ESTILOS_MES), st.data())
def test_un_mes_escrito_de_cualquier_forma_se_lee_como_ese_mes(
    fecha: dt.date, estilo: Estilo, data: st.DataObject
) -> None:
    palabra = data.draw(st.sampled_from(_PALABRAS_DE_MES[fecha.month]))
    raw = estilo(fecha, data.draw(st.sampled_from(_CAJAS))(palabra))
    leida = normalizar_fecha(raw).fecha
    esperada = fecha.replace(day=1)
    assert (leida.valor, leida.precision, leida.estado in ("ok", "corregida")) == (esperada, "mes", True), raw


@given(_fechas)
def test_la_fecha_larga_de_excel_con_su_dia_de_la_semana_es_normal(fecha: dt.date) -> None:
    dias = ["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]
    meses = [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ]
    raw = f"{dias[fecha.weekday()]}, {fecha.day} de {meses[fecha.month - 1]} de {fecha.year}"
    assert normalizar_fecha(raw).fecha == Fecha(raw, fecha, "dia", "ok")


@given(st.integers(0, 99), st.integers(0, 99), st.integers(1950, 2100), st.sampled_from("/-."))
def test_dia_mes_anio_en_numeros_se_lee_asi_o_no_se_lee(dia: int, mes: int, anio: int, separador: str) -> None:
    """Day first always: never swapped into month/day, never rolled over into the next month."""
    raw = f"{dia:02d}{separador}{mes:02d}{separador}{anio}"
    fecha = normalizar_fecha(raw).fecha
    try:
        esperada: dt.date | None = dt.date(anio, mes, dia)
    except ValueError:
        esperada = None
    assert fecha.valor == esperada
    assert fecha.estado == ("ok" if esperada else "invalida")


@settings(max_examples=300)
@given(st.text())
def test_ningun_texto_hace_fallar_la_lectura(raw: str) -> None:
    lectura = normalizar_fecha(raw)
    assert lectura.fecha.estado in ("ok", "corregida", "invalida", "vacia")
    assert (lectura.fecha.valor is None) == (lectura.fecha.estado in ("invalida", "vacia"))


@settings(max_examples=300)
@given(st.lists(st.sampled_from([*"0123456789/-. ,()°ºoaey\n", "de ", "mar", "sept", "lunes", "quince"])))
def test_ningun_texto_parecido_a_una_fecha_hace_fallar_la_lectura(pedazos: list[str]) -> None:
    lectura = normalizar_fecha("".join(pedazos))
    assert (lectura.fecha.valor is None) == (lectura.fecha.estado in ("invalida", "vacia"))


@given(st.one_of(st.integers(), st.floats(allow_nan=True, allow_infinity=True)))
def test_ningun_numero_de_excel_hace_fallar_la_lectura(numero: float) -> None:
    assert normalizar_fecha(None, numero).fecha.estado in ("corregida", "invalida")
