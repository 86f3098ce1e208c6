"""What one file's plans become in the database, read back through the public views."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.exc import IntegrityError

from carga.conexion import crear_motor
from carga.esquema import actualizar
from carga.guardar import ArchivoEnDisco, Desenlace, guardar_documento
from extractor.modelo import Origen
from normalizacion.modelo import Plan
from tests.carga.fabrica import VACIA, fecha_dia, fecha_mes, hallazgo, plan, problema

ENERO = 1_640_995_200 * 10**9  # 2022-01-01 UTC, in nanoseconds
MARZO = 1_646_092_800 * 10**9  # 2022-03-01 UTC


@pytest.fixture
def motor(url_db: str) -> Engine:
    motor = crear_motor(url_db)
    actualizar(motor)
    return motor


def en_disco(nombre: str, mtime_ns: int = ENERO) -> ArchivoEnDisco:
    return ArchivoEnDisco(nombre, Path("/planes") / nombre, 1234, mtime_ns)


def guardar(motor: Engine, archivo: ArchivoEnDisco, *planes: Plan) -> Desenlace:
    with motor.begin() as conexion:
        return guardar_documento(conexion, archivo, list(planes), corrida_id=None).desenlace


def filas(motor: Engine, consulta: str) -> list[dict[str, Any]]:
    """Rows as dicts; SQL dates as `date` whichever driver read them (SQLite gives ISO text)."""
    with motor.connect() as conexion:
        resultado = [dict(fila) for fila in conexion.execute(text(consulta)).mappings()]
    for fila in resultado:
        for columna, valor in fila.items():
            if columna.startswith("fecha_") and "_" not in columna[6:] and isinstance(valor, str):
                fila[columna] = dt.date.fromisoformat(valor)
    return resultado


def test_cada_hallazgo_sale_en_v_hallazgos_con_fechas_sql_y_su_origen(motor: Engine) -> None:
    copia = plan(archivo="planes/calica.xlsx", hallazgos=0, hoja="PM 2021")
    copia.hallazgos = [
        hallazgo(
            1,
            fecha_inicio=fecha_mes("004-21", 2021, 9, "inferida"),
            fecha_terminacion=fecha_dia("2022-01-31"),
            cumplimiento=False,
            estado_accion="cerrada",
            origen=Origen(hoja="PM 2021", fila=12),
        )
    ]
    assert guardar(motor, en_disco("planes/calica.xlsx"), copia) is Desenlace.CARGADO

    [fila] = filas(motor, "SELECT * FROM v_hallazgos")
    assert fila["archivo"] == "planes/calica.xlsx" and fila["sha256"] == "a" * 64
    assert fila["entidad"] == "ALCALDÍA DE CALICA" and fila["proceso_auditado"] == "Gestión Estratégica"
    assert fila["fecha_suscripcion"] == dt.date(2021, 9, 21)
    assert fila["fecha_inicio"] == dt.date(2021, 9, 1)
    assert (fila["fecha_inicio_precision"], fila["fecha_inicio_estado"]) == ("mes", "inferida")
    assert fila["fecha_inicio_raw"] == "004-21"
    assert fila["fecha_terminacion"] == dt.date(2022, 1, 31)
    assert (fila["fecha_terminacion_precision"], fila["fecha_terminacion_estado"]) == ("dia", "ok")
    assert not fila["cumplimiento"] and fila["efectividad"] is None
    assert fila["estado_accion"] == "cerrada" and fila["plazo_meses"] == 4
    assert (fila["hoja"], fila["fila"], fila["pagina"]) == ("PM 2021", 12, None)
    for campo in dataclasses.asdict(copia.hallazgos[0]):
        if campo != "origen":
            assert campo in fila, campo


def test_los_mismos_bytes_otra_vez_no_agregan_nada(motor: Engine) -> None:
    assert guardar(motor, en_disco("a.docx"), plan()) is Desenlace.CARGADO
    assert guardar(motor, en_disco("copia de a.docx"), plan(archivo="copia de a.docx")) is Desenlace.YA_ESTABA
    assert filas(motor, "SELECT COUNT(*) AS n FROM documentos") == [{"n": 1}]
    assert filas(motor, "SELECT COUNT(*) AS n FROM hallazgos") == [{"n": 2}]
    assert filas(motor, "SELECT COUNT(*) AS n FROM archivos_vistos") == [{"n": 2}]


def test_un_archivo_ilegible_queda_como_documento_con_error_sin_planes(motor: Engine) -> None:
    ilegible = Plan(archivo="roto.pdf", sha256="b" * 64, tipo="pdf", error="El archivo está vacío (0 bytes).")
    assert guardar(motor, en_disco("roto.pdf"), ilegible) is Desenlace.CON_ERROR
    assert filas(motor, "SELECT archivo, estado, error, tipo FROM documentos") == [
        {"archivo": "roto.pdf", "estado": "error", "error": "El archivo está vacío (0 bytes).", "tipo": "pdf"}
    ]
    assert filas(motor, "SELECT COUNT(*) AS n FROM versiones_plan") == [{"n": 0}]


def test_un_problema_de_un_hallazgo_lleva_su_dependencia_y_su_ubicacion(motor: Engine) -> None:
    copia = plan(
        problemas=[
            problema("encabezado.fecha_suscripcion", "fecha_corregida", raw="21sept-21", valor="2021-09-21"),
            problema("hallazgos[1].fecha_inicio", valor="2021-09"),
        ]
    )
    copia.hallazgos[1].dependencia = "Secretaría de Hacienda"
    guardar(motor, en_disco("plan.docx"), copia)

    problemas = filas(
        motor,
        "SELECT archivo, campo, codigo, mensaje, raw, valor, pagina, hoja, fila, dependencia, numero_hallazgo "
        "FROM v_problemas ORDER BY problema_id",
    )
    assert problemas == [
        {
            "archivo": "plan.docx",
            "campo": "encabezado.fecha_suscripcion",
            "codigo": "fecha_corregida",
            "mensaje": "Revise encabezado.fecha_suscripcion.",
            "raw": "21sept-21",
            "valor": "2021-09-21",
            "pagina": None,
            "hoja": None,
            "fila": None,
            "dependencia": None,
            "numero_hallazgo": None,
        },
        {
            "archivo": "plan.docx",
            "campo": "hallazgos[1].fecha_inicio",
            "codigo": "fecha_inferida",
            "mensaje": "Revise hallazgos[1].fecha_inicio.",
            "raw": "004-21",
            "valor": "2021-09",
            "pagina": 1,
            "hoja": None,
            "fila": 2,
            "dependencia": "Secretaría de Hacienda",
            "numero_hallazgo": "2",
        },
    ]


def test_un_documento_que_no_es_el_formato_guarda_su_problema_pero_ningun_plan(motor: Engine) -> None:
    memorando = Plan(
        archivo="memorando.docx",
        sha256="c" * 64,
        tipo="docx",
        problemas=[problema("archivo", "no_es_gem_fm014", raw=None)],
    )
    assert guardar(motor, en_disco("memorando.docx"), memorando) is Desenlace.CARGADO
    assert filas(motor, "SELECT archivo, codigo, actual FROM v_problemas") == [
        {"archivo": "memorando.docx", "codigo": "no_es_gem_fm014", "actual": True}
    ]
    assert filas(motor, "SELECT COUNT(*) AS n FROM planes") == [{"n": 0}]


def test_un_archivo_que_fallo_y_luego_se_arreglo_en_la_misma_ruta_ya_no_es_el_actual(motor: Engine) -> None:
    roto = Plan(archivo="plan.docx", sha256="b" * 64, tipo="docx", error="El archivo Word está dañado.")
    assert guardar(motor, en_disco("plan.docx", ENERO), roto) is Desenlace.CON_ERROR
    assert guardar(motor, en_disco("plan.docx", MARZO), plan(archivo="plan.docx")) is Desenlace.CARGADO
    assert filas(motor, "SELECT estado, actual FROM v_documentos ORDER BY documento_id") == [
        {"estado": "error", "actual": False},
        {"estado": "ok", "actual": True},
    ], "both contents stay in documentos; only the newest is what the path holds"


def test_un_archivo_danado_reemplazado_por_una_copia_ya_cargada_de_otra_carpeta_ya_no_es_el_actual(
    motor: Engine,
) -> None:
    bueno = plan(archivo="b/plan.docx")
    guardar(motor, en_disco("b/plan.docx", ENERO), bueno)
    roto = Plan(archivo="a/plan.docx", sha256="b" * 64, tipo="docx", error="El archivo Word está dañado.")
    guardar(motor, en_disco("a/plan.docx", ENERO), roto)
    assert guardar(motor, en_disco("a/plan.docx", MARZO), bueno) is Desenlace.YA_ESTABA
    assert filas(motor, "SELECT archivo, actual FROM v_documentos ORDER BY documento_id") == [
        {"archivo": "b/plan.docx", "actual": True},
        {"archivo": "a/plan.docx", "actual": False},
    ]


def test_un_problema_de_un_archivo_sin_plan_reemplazado_en_su_ruta_no_es_actual(motor: Engine) -> None:
    memorando = Plan(
        archivo="plan.docx", sha256="c" * 64, tipo="docx", problemas=[problema("archivo", "no_es_gem_fm014", raw=None)]
    )
    guardar(motor, en_disco("plan.docx", ENERO), memorando)
    guardar(motor, en_disco("plan.docx", MARZO), plan(archivo="plan.docx"))
    assert filas(motor, "SELECT codigo, actual FROM v_problemas") == [{"codigo": "no_es_gem_fm014", "actual": False}]


def test_v_problemas_lleva_la_fecha_de_suscripcion_de_su_plan_aunque_no_tenga_hallazgos(motor: Engine) -> None:
    copia = plan(archivo="sin_hallazgos.docx", hallazgos=0, suscripcion=fecha_dia("2022-03-15", "corregida"))
    copia.problemas = [problema("encabezado.fecha_suscripcion", "fecha_corregida", "15mzo-22")]
    guardar(motor, en_disco("sin_hallazgos.docx"), copia)
    assert filas(
        motor,
        "SELECT entidad, fecha_suscripcion, fecha_suscripcion_precision, fecha_suscripcion_estado FROM v_problemas",
    ) == [
        {
            "entidad": "ALCALDÍA DE CALICA",
            "fecha_suscripcion": dt.date(2022, 3, 15),
            "fecha_suscripcion_precision": "dia",
            "fecha_suscripcion_estado": "corregida",
        }
    ]


def test_una_copia_de_seguimiento_modificada_despues_reemplaza_a_la_anterior(motor: Engine) -> None:
    marzo = plan(archivo="seguimiento.pdf", sha256="d" * 64, hallazgos=3, entidad="Alcaldía de Calica")
    enero = plan(archivo="original.docx", sha256="e" * 64, hallazgos=2, entidad="ALCALDIA DE CALICA ")
    guardar(motor, en_disco("seguimiento.pdf", MARZO), marzo)
    guardar(motor, en_disco("original.docx", ENERO), enero)  # loaded later, but older: stays history

    actuales = filas(motor, "SELECT archivo, numero FROM v_hallazgos ORDER BY numero")
    assert actuales == [{"archivo": "seguimiento.pdf", "numero": str(n)} for n in (1, 2, 3)]
    historia = filas(
        motor, "SELECT archivo, numero_version, actual, COUNT(*) AS n FROM v_hallazgos_historia "
        "GROUP BY archivo, numero_version, actual ORDER BY numero_version"
    )  # fmt: skip
    assert historia == [
        {"archivo": "original.docx", "numero_version": 1, "actual": False, "n": 2},
        {"archivo": "seguimiento.pdf", "numero_version": 2, "actual": True, "n": 3},
    ]
    assert filas(motor, "SELECT COUNT(*) AS n FROM planes") == [{"n": 1}]


@pytest.mark.parametrize("escaneo_primero", [True, False], ids=["escaneo_cargado_antes", "escaneo_cargado_despues"])
def test_a_igual_fecha_la_copia_digital_es_la_actual_y_no_la_escaneada(motor: Engine, escaneo_primero: bool) -> None:
    escaneo = plan(archivo="escaneado.pdf", sha256="d" * 64, tipo="pdf", hallazgos=1, leido_por_ocr=True)
    digital = plan(archivo="digital.pdf", sha256="e" * 64, tipo="pdf", hallazgos=2)
    copias = [("escaneado.pdf", escaneo), ("digital.pdf", digital)]
    for nombre, copia in copias if escaneo_primero else reversed(copias):
        guardar(motor, en_disco(nombre, MARZO), copia)

    assert filas(motor, "SELECT DISTINCT archivo FROM v_hallazgos") == [{"archivo": "digital.pdf"}]
    assert filas(motor, "SELECT archivo, leido_por_ocr, numero_version, actual FROM v_versiones ORDER BY 3") == [
        {"archivo": "escaneado.pdf", "leido_por_ocr": True, "numero_version": 1, "actual": False},
        {"archivo": "digital.pdf", "leido_por_ocr": False, "numero_version": 2, "actual": True},
    ]


def test_una_copia_escaneada_modificada_despues_sigue_reemplazando_a_la_digital(motor: Engine) -> None:
    guardar(motor, en_disco("escaneado.pdf", MARZO), plan(archivo="escaneado.pdf", sha256="d" * 64, leido_por_ocr=True))
    guardar(motor, en_disco("digital.pdf", ENERO), plan(archivo="digital.pdf", sha256="e" * 64))
    assert filas(motor, "SELECT archivo FROM v_versiones WHERE actual") == [{"archivo": "escaneado.pdf"}]


def test_planes_distintos_de_un_mismo_libro_son_todos_actuales(motor: Engine) -> None:
    financiera = plan(archivo="libro.xlsx", proceso="Gestión Financiera", hoja="Financiera", hallazgos=2)
    contractual = plan(archivo="libro.xlsx", proceso="Gestión Contractual", hoja="Contractual", hallazgos=3)
    guardar(motor, en_disco("libro.xlsx"), financiera, contractual)
    assert filas(motor, "SELECT proceso_auditado, COUNT(*) AS n FROM v_hallazgos GROUP BY proceso_auditado") == [
        {"proceso_auditado": "Gestión Contractual", "n": 3},
        {"proceso_auditado": "Gestión Financiera", "n": 2},
    ]


def test_una_falla_a_mitad_de_documento_no_deja_nada_de_el(motor: Engine) -> None:
    defectuoso = plan(problemas=[problema("hallazgos[0].fecha_inicio", codigo=None)])  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        guardar(motor, en_disco("plan.docx"), defectuoso)
    for tabla in ("documentos", "archivos_vistos", "planes", "versiones_plan", "hallazgos", "firmas", "problemas"):
        assert filas(motor, f"SELECT COUNT(*) AS n FROM {tabla}") == [{"n": 0}], tabla


def test_las_firmas_y_el_encabezado_de_cada_copia_se_guardan(motor: Engine) -> None:
    guardar(motor, en_disco("plan.docx"), plan(suscripcion=VACIA))
    assert filas(motor, "SELECT nombre, cargo FROM firmas") == [
        {"nombre": "CESAR CRUZ", "cargo": "Secretario de Planeación"}
    ]
    [version] = filas(
        motor, "SELECT codigo, version, fecha_formato, fecha_suscripcion, fecha_suscripcion_estado, proyecto "
        "FROM v_versiones"
    )  # fmt: skip
    assert version == {
        "codigo": "GEM-FM014",
        "version": "02",
        "fecha_formato": dt.date(2021, 7, 9),
        "fecha_suscripcion": None,
        "fecha_suscripcion_estado": "vacia",
        "proyecto": "Javier Lamprea",
    }
