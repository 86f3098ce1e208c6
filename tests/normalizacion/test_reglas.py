"""How the dates of one finding follow from each other and from the plazo, and which disagreements are reported."""

import datetime as dt

import pytest

from normalizacion.fechas import LecturaFecha
from normalizacion.modelo import EstadoFecha, Fecha
from normalizacion.reglas import FechasRevisadas, problemas_de_fecha, revisar_hallazgo

SUSCRIPCION = Fecha("21/09/2021", dt.date(2021, 9, 21), "dia", "ok")


def dia(raw: str, anio: int, mes: int, d: int, estado: EstadoFecha = "ok") -> LecturaFecha:
    return LecturaFecha(Fecha(raw, dt.date(anio, mes, d), "dia", estado))


def mes(raw: str, anio: int, m: int) -> LecturaFecha:
    return LecturaFecha(Fecha(raw, dt.date(anio, m, 1), "mes", "ok"))


def ilegible(raw: str) -> LecturaFecha:
    return LecturaFecha(Fecha(raw, None, None, "invalida"), "«004» no es un día, un mes ni un año")


VACIA = LecturaFecha(Fecha(None, None, None, "vacia"))


def codigos(revisadas: FechasRevisadas) -> set[tuple[str, str]]:
    return {(p.campo, p.codigo) for p in revisadas.problemas}


def test_inicio_ilegible_se_deduce_de_la_terminacion_menos_el_plazo_al_mes() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", ilegible("004-21"), mes("ene-22", 2022, 1), 4, "4", SUSCRIPCION)
    assert revisadas.inicio.a_json() == {"raw": "004-21", "valor": "2021-09", "precision": "mes", "estado": "inferida"}
    assert codigos(revisadas) == {("hallazgos[0].fecha_inicio", "fecha_inferida")}
    problema = revisadas.problemas[0]
    assert "fecha de terminación" in problema.mensaje and "4 meses" in problema.mensaje
    assert (problema.raw, problema.valor) == ("004-21", "2021-09")


def test_terminacion_vacia_se_deduce_del_inicio_mas_el_plazo_conservando_el_dia() -> None:
    revisadas = revisar_hallazgo("hallazgos[4]", dia("01/12/2021", 2021, 12, 1), VACIA, 5, "5", SUSCRIPCION)
    assert revisadas.terminacion.a_json() == {
        "raw": None,
        "valor": "2022-05-01",
        "precision": "dia",
        "estado": "inferida",
    }
    assert codigos(revisadas) == {("hallazgos[4].fecha_terminacion", "fecha_inferida")}
    assert "vacía" in revisadas.problemas[0].mensaje and "fecha de inicio" in revisadas.problemas[0].mensaje


def test_un_dia_que_el_mes_deducido_no_tiene_queda_en_su_ultimo_dia() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", ilegible("31-04-2022"), dia("31/10/2022", 2022, 10, 31), 6)
    assert revisadas.inicio.valor == dt.date(2022, 4, 30)
    assert revisadas.inicio.estado == "inferida"


def test_se_deduce_tambien_de_una_fecha_corregida() -> None:
    fuente = dia("1o. de marzo 2022", 2022, 3, 1, "corregida")
    revisadas = revisar_hallazgo("hallazgos[1]", fuente, VACIA, 4)
    assert revisadas.terminacion.valor == dt.date(2022, 7, 1)
    assert codigos(revisadas) == {
        ("hallazgos[1].fecha_inicio", "fecha_corregida"),
        ("hallazgos[1].fecha_terminacion", "fecha_inferida"),
    }


def test_sin_plazo_la_fecha_ilegible_queda_invalida_y_el_mensaje_dice_por_que() -> None:
    revisadas = revisar_hallazgo("hallazgos[7]", ilegible("15/13/2022"), dia("31/12/2022", 2022, 12, 31), None)
    assert revisadas.inicio == Fecha("15/13/2022", None, None, "invalida")
    assert codigos(revisadas) == {("hallazgos[7].fecha_inicio", "fecha_invalida")}
    assert "falta el plazo en meses" in revisadas.problemas[0].mensaje


def test_con_un_plazo_que_no_se_lee_el_mensaje_lo_nombra() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", VACIA, dia("31/12/2022", 2022, 12, 31), None, "Permanente")
    assert codigos(revisadas) == {("hallazgos[0].fecha_inicio", "fecha_faltante")}
    assert "«Permanente»" in revisadas.problemas[0].mensaje


def test_sin_ninguna_fecha_faltan_las_dos() -> None:
    revisadas = revisar_hallazgo("hallazgos[5]", VACIA, VACIA, 6)
    assert (revisadas.inicio.estado, revisadas.terminacion.estado) == ("vacia", "vacia")
    assert codigos(revisadas) == {
        ("hallazgos[5].fecha_inicio", "fecha_faltante"),
        ("hallazgos[5].fecha_terminacion", "fecha_faltante"),
    }


def test_una_columna_que_la_tabla_no_tiene_no_se_deduce_ni_se_reporta_por_hallazgo() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", None, dia("31/12/2022", 2022, 12, 31), 6)
    assert revisadas.inicio == Fecha(None, None, None, "vacia")
    assert codigos(revisadas) == set()


@pytest.mark.parametrize(
    ("inicio", "fin", "plazo"),
    [
        (mes("jun-21", 2021, 6), mes("ene-22", 2022, 1), 7),
        (dia("01/03/2022", 2022, 3, 1), dia("30/09/2022", 2022, 9, 30), 6),
        (dia("15/03/2022", 2022, 3, 15), dia("14/09/2022", 2022, 9, 14), 6),
        (dia("24/01/2022", 2022, 1, 24), mes("jul-22", 2022, 7), 6),
        (dia("01/02/2022", 2022, 2, 1), dia("01/02/2023", 2023, 2, 1), 12),
    ],
)
def test_el_plazo_se_cuenta_en_meses_de_calendario(inicio: LecturaFecha, fin: LecturaFecha, plazo: int) -> None:
    assert codigos(revisar_hallazgo("hallazgos[0]", inicio, fin, plazo, str(plazo), SUSCRIPCION)) == set()


def test_plazo_que_no_cuadra_con_las_fechas() -> None:
    revisadas = revisar_hallazgo("hallazgos[6]", dia("01/02/2022", 2022, 2, 1), dia("30/06/2022", 2022, 6, 30), 3)
    assert codigos(revisadas) == {("hallazgos[6].plazo_meses", "plazo_inconsistente")}
    assert "05/2022" in revisadas.problemas[0].mensaje


def test_terminacion_antes_del_inicio() -> None:
    revisadas = revisar_hallazgo("hallazgos[4]", dia("15/05/2022", 2022, 5, 15), dia("15/03/2022", 2022, 3, 15), None)
    assert codigos(revisadas) == {("hallazgos[4].fecha_terminacion", "fechas_invertidas")}


def test_invertidas_y_plazo_se_reportan_juntas() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", dia("15/05/2022", 2022, 5, 15), dia("15/03/2022", 2022, 3, 15), 2)
    assert codigos(revisadas) == {
        ("hallazgos[0].fecha_terminacion", "fechas_invertidas"),
        ("hallazgos[0].plazo_meses", "plazo_inconsistente"),
    }


def test_un_mes_y_un_dia_del_mismo_mes_no_estan_invertidos() -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", dia("20/03/2022", 2022, 3, 20), mes("mar-22", 2022, 3), None)
    assert codigos(revisadas) == set()


@pytest.mark.parametrize(
    ("inicio", "fin", "plazo", "campo"),
    [
        (dia("01/03/1922", 1922, 3, 1), dia("30/09/2022", 2022, 9, 30), None, "fecha_inicio"),
        (dia("01/03/2022", 2022, 3, 1), dia("30/09/2202", 2202, 9, 30), None, "fecha_terminacion"),
        (dia("01/03/2019", 2019, 3, 1), dia("30/09/2019", 2019, 9, 30), 6, "fecha_inicio"),
        (dia("01/10/2021", 2021, 10, 1), dia("30/09/2027", 2027, 9, 30), None, "fecha_terminacion"),
    ],
)
def test_fechas_fuera_de_rango(inicio: LecturaFecha, fin: LecturaFecha, plazo: int | None, campo: str) -> None:
    revisadas = revisar_hallazgo("hallazgos[0]", inicio, fin, plazo, None, SUSCRIPCION)
    assert (f"hallazgos[0].{campo}", "fecha_fuera_de_rango") in codigos(revisadas)


def test_unos_meses_antes_de_la_suscripcion_no_es_fuera_de_rango() -> None:
    revisadas = revisar_hallazgo(
        "hallazgos[0]",
        mes("sep-21", 2021, 9),
        VACIA,
        6,
        "6",
        Fecha("1o. de marzo 2022", dt.date(2022, 3, 1), "dia", "corregida"),
    )
    assert codigos(revisadas) == {("hallazgos[0].fecha_terminacion", "fecha_inferida")}


@pytest.mark.parametrize(
    ("lectura", "requerida", "esperados"),
    [
        (
            LecturaFecha(Fecha("21sept-21", dt.date(2021, 9, 21), "dia", "corregida"), "faltaba un separador"),
            True,
            {"fecha_corregida"},
        ),
        (LecturaFecha(Fecha("32/13/21", None, None, "invalida"), "el mes 13 no existe"), True, {"fecha_invalida"}),
        (VACIA, True, {"fecha_faltante"}),
        (VACIA, False, set()),
        (LecturaFecha(Fecha("09/07/1921", dt.date(1921, 7, 9), "dia", "ok")), False, {"fecha_fuera_de_rango"}),
    ],
)
def test_fechas_del_encabezado(lectura: LecturaFecha, requerida: bool, esperados: set[str]) -> None:
    hallados = problemas_de_fecha("encabezado.fecha_suscripcion", lectura, requerida, None)
    assert {p.codigo for p in hallados} == esperados
    assert all(p.campo == "encabezado.fecha_suscripcion" for p in hallados)


def test_el_mensaje_de_una_fecha_corregida_dice_que_se_reparo() -> None:
    lectura = LecturaFecha(
        Fecha("21sept-21", dt.date(2021, 9, 21), "dia", "corregida"),
        "faltaba un separador entre el día, el mes o el año",
    )
    (problema,) = problemas_de_fecha("encabezado.fecha_suscripcion", lectura, True, None)
    assert "«21sept-21»" in problema.mensaje and "faltaba un separador" in problema.mensaje
    assert "21/09/2021" in problema.mensaje
    assert (problema.raw, problema.valor) == ("21sept-21", "2021-09-21")
