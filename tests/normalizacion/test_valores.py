"""Yes/no, state and months cells as offices fill them in, and what each one means."""

import datetime as dt
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from normalizacion.valores import Lectura, clave_de_valor, leer_estado, leer_numero, leer_plazo, leer_si_no, texto


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("  Gestión   Estratégica\n", "Gestión Estratégica"),
        ("Dirección de Talento Humano\nÁrea de Nómina", "Dirección de Talento Humano Área de Nómina"),
        ("GEM-FM014", "GEM-FM014"),
        ("", None),
        (" \n\t ", None),
        (None, None),
    ],
)
def test_texto_colapsa_espacios_y_conserva_tildes_y_mayusculas(crudo: str | None, esperado: str | None) -> None:
    assert texto(crudo) == esperado


def test_texto_sin_caracteres_de_control_que_ninguna_base_ni_hoja_de_calculo_acepta() -> None:
    # Excel stores them as _x0000_ escapes; PostgreSQL refuses NUL in text and UTF-8 refuses half a UTF-16 pair
    assert texto("Acta\x00 05\x07 de\x1b 2022\ud800\x85fin\x9f") == "Acta 05 de 2022 fin"


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("1", "1"),
        ("1.", "1"),
        ("1)", "1"),
        ("01", "01"),
        ("2.1", "2.1"),
        ("H1", "1"),
        ("H-01", "01"),
        ("H.3", "3"),
        ("Hallazgo 1", "1"),
        ("Hallazgo No. 1", "1"),
        ("HALLAZGO N° 12", "12"),
        ("Hallazgo Nro. 4.", "4"),
        ("Nº 3", "3"),
        ("No. 7", "7"),
        ("  H 2 ", "2"),
        ("", None),
        (None, None),
    ],
)
def test_numero_sin_el_rotulo_que_la_oficina_escribe_antes(crudo: str | None, esperado: str | None) -> None:
    assert leer_numero(crudo) == esperado


@pytest.mark.parametrize("crudo", ["1 - Administrativo", "Obs 1", "Hallazgo", "A", "Hallazgo administrativo 3"])
def test_numero_con_mas_que_un_rotulo_queda_como_se_escribio(crudo: str) -> None:
    assert leer_numero(crudo) == crudo


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [("Sí.", "si"), ("N/A", "n a"), ("Cerrada-C", "cerrada c"), ("  EN   EJECUCIÓN ", "en ejecucion"), ("✓", "✓")],
)
def test_clave_de_valor_sin_tildes_ni_puntuacion_pero_con_sus_marcas(crudo: str, esperado: str) -> None:
    assert clave_de_valor(crudo) == esperado


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("Si", True),
        ("SI", True),
        ("Sí", True),
        ("SÍ", True),
        ("S", True),
        ("X", True),
        ("x", True),
        ("✓", True),
        ("✔️", True),
        ("Sí.", True),
        ("si,", True),
        ("SI - cumplió", True),
        ("Sí (ver acta 5)", True),
        ("Cumplió", True),
        ("No", False),
        ("NO", False),
        ("N", False),
        ("No. Ver anexo", False),
        ("No cumple", False),
        ("Cumple", True),
        ("Eficaz", True),
        ("No eficaz", False),
        ("☒", True),
        ("N/A", None),
        ("NA", None),
        ("N.A.", None),
        ("No aplica", None),
        ("N/A - no se evaluó", None),
        ("", None),
        ("   ", None),
        ("-", None),
        ("Seleccione...", None),
        ("Elija un elemento.", None),
        (None, None),
    ],
)
def test_si_no_conocidos(crudo: str | None, esperado: bool | None) -> None:
    assert leer_si_no(crudo) == Lectura(esperado)


@pytest.mark.parametrize("crudo", ["Ver anexo 3", "Si 100%", "No - Si", "Parcial", "50%", "Sí no"])
def test_si_no_desconocido_queda_nulo_y_marcado(crudo: str) -> None:
    assert leer_si_no(crudo) == Lectura(None, desconocido=True)


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("Sí ☒ No ☐", Lectura(True)),
        ("SI ☐ NO ☒", Lectura(False)),
        ("☐ Sí ☒ No", Lectura(False)),
        ("☒ Cumple", Lectura(True)),
        ("☒", Lectura(True)),
        ("☐", Lectura(None)),
        ("Sí ☐ No ☐", Lectura(None)),
        ("Sí ☒ No ☒", Lectura(None, desconocido=True)),
        ("Cumple ☐", Lectura(None, desconocido=True)),
    ],
)
def test_si_no_con_casillas_de_formulario_de_word(crudo: str, esperado: Lectura[bool]) -> None:
    assert leer_si_no(crudo) == esperado


def test_estado_con_casillas_de_formulario_de_word() -> None:
    assert leer_estado("Abierta ☐ Cerrada ☒") == Lectura("cerrada")
    assert leer_estado("☐ Abierta ☐ Cerrada") == Lectura(None)


def test_si_no_de_una_celda_booleana_de_excel() -> None:
    assert leer_si_no("VERDADERO", True) == Lectura(True)
    assert leer_si_no("FALSO", False) == Lectura(False)


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("Cerrada-C", "cerrada"),
        ("Cerrada - C", "cerrada"),
        ("C", "cerrada"),
        ("CERRADA", "cerrada"),
        ("Cerrada", "cerrada"),
        ("Cumplida", "cerrada"),
        ("Abierta-A", "abierta"),
        ("A", "abierta"),
        ("ABIERTA", "abierta"),
        ("En proceso", "abierta"),
        ("En ejecución", "abierta"),
        ("EN EJECUCION", "abierta"),
        ("Abierta (en proceso)", "abierta"),
        ("Vencida", "abierta"),
        ("VENCIDA", "abierta"),
        ("En término", "abierta"),
        ("EN TERMINO", "abierta"),
        ("CERRADA NO EFICAZ", "cerrada"),
        ("Cerrada eficaz", "cerrada"),
        ("Cerrada - no efectiva", "cerrada"),
        ("Cumple", "cerrada"),
        ("No cumple", "abierta"),
        ("Incumplida", "abierta"),
        ("-- Seleccione --", None),
        ("", None),
        (None, None),
    ],
)
def test_estados_conocidos(crudo: str | None, esperado: str | None) -> None:
    assert leer_estado(crudo) == Lectura(esperado)


@pytest.mark.parametrize("crudo", ["Permanente", "Ver observaciones", "Abierta - cerrada", "100%"])
def test_estado_desconocido_queda_nulo_y_marcado(crudo: str) -> None:
    assert leer_estado(crudo) == Lectura(None, desconocido=True)


@pytest.mark.parametrize(
    ("crudo", "esperado"),
    [
        ("4", 4),
        ("4.0", 4),
        ("4,0", 4),
        ("4 meses", 4),
        ("4 MESES", 4),
        ("1 mes", 1),
        ("cuatro (4)", 4),
        ("Cuatro (4) meses", 4),
        ("cuatro meses (4)", 4),
        ("seis", 6),
        ("treinta y seis", 36),
        ("un año", 12),
        ("un (1) año", 12),
        ("12 meses (1 año)", 12),
        ("2 años", 24),
        ("1.5 años", 18),
        ("un semestre", 6),
        ("4meses", 4),
        ("", None),
        ("-", None),
        (None, None),
    ],
)
def test_plazo_en_meses_conocido(crudo: str | None, esperado: int | None) -> None:
    assert leer_plazo(crudo) == Lectura(esperado)


@pytest.mark.parametrize(
    "crudo", ["Permanente", "cuatro (5)", "4,5", "0", "2021", "90 días", "4 a 6", "meses", "cuatro y", "aprox 4 meses"]
)
def test_plazo_desconocido_queda_nulo_y_marcado(crudo: str) -> None:
    assert leer_plazo(crudo) == Lectura(None, desconocido=True)


@pytest.mark.parametrize(
    ("valor", "esperado"),
    [(4, Lectura(4)), (4.0, Lectura(4)), (4.5, Lectura(None, True)), (0, Lectura(None, True))],
)
def test_plazo_de_un_numero_de_excel(valor: float, esperado: Lectura[int]) -> None:
    assert leer_plazo(str(valor), valor) == esperado


def test_plazo_en_una_celda_con_fecha_de_excel_es_desconocido() -> None:
    assert leer_plazo("01/04/1900", dt.datetime(1900, 4, 1)) == Lectura(None, desconocido=True)


@given(st.text())
def test_ningun_texto_hace_fallar_a_los_lectores(crudo: str) -> None:
    for lectura in (leer_si_no(crudo), leer_estado(crudo), leer_plazo(crudo)):
        assert lectura.valor is None or not lectura.desconocido
    limpio = texto(crudo)
    assert limpio is None or limpio == " ".join(limpio.split())
    numero = leer_numero(crudo)
    assert numero is None or (limpio is not None and numero in limpio)
    assert limpio is None or not any(unicodedata.category(c) in ("Cc", "Cs") for c in limpio)


@given(st.floats(allow_nan=True, allow_infinity=True) | st.integers())
def test_ningun_numero_de_excel_hace_fallar_al_plazo(valor: float) -> None:
    lectura = leer_plazo(None, valor)
    assert lectura.valor is None or 1 <= lectura.valor <= 120
