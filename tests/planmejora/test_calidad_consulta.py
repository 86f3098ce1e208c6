"""What the report reads from a database whose history a test writes by hand: plans without findings, files fixed
after failing, databases from an older planmejora."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine
from typer.testing import CliRunner

from carga.conexion import crear_motor
from carga.esquema import actualizar, configuracion
from carga.guardar import ArchivoEnDisco, guardar_documento
from normalizacion.modelo import Plan
from planmejora.calidad import Filtros, leer_reporte
from planmejora.cli import app
from tests.carga.fabrica import fecha_dia, hallazgo, plan, problema

CORTE = dt.date(2023, 1, 1)
ENERO = 1_640_995_200 * 10**9  # 2022-01-01 UTC, in nanoseconds
MARZO = 1_646_092_800 * 10**9  # 2022-03-01 UTC
DEL_2022 = Filtros(desde=dt.date(2022, 1, 1), hasta=dt.date(2022, 12, 31))


@pytest.fixture
def motor(url_db: str) -> Engine:
    motor = crear_motor(url_db)
    actualizar(motor)
    return motor


def guardar(motor: Engine, nombre: str, *planes: Plan, mtime_ns: int = ENERO) -> None:
    with motor.begin() as conexion:
        archivo = ArchivoEnDisco(nombre, Path("/planes") / nombre, 100, mtime_ns)
        guardar_documento(conexion, archivo, list(planes), corrida_id=None)


def sin_hallazgos(archivo: str, sha256: str, suscripcion: str) -> Plan:
    """A copy whose table of findings came out empty: its header still has problems worth reporting."""
    copia = plan(archivo, sha256, proceso=f"Proceso {archivo}", suscripcion=fecha_dia(suscripcion), hallazgos=0)
    copia.problemas = [problema("encabezado.fecha_suscripcion", "fecha_corregida", "15mzo-22")]
    return copia


def test_un_plan_sin_hallazgos_conserva_sus_problemas_al_filtrar_por_fecha(motor: Engine, url_db: str) -> None:
    guardar(motor, "del_2022.docx", sin_hallazgos("del_2022.docx", "a" * 64, "2022-03-15"))
    guardar(motor, "del_2021.docx", sin_hallazgos("del_2021.docx", "b" * 64, "2021-09-21"))
    reporte = leer_reporte(url_db, DEL_2022, CORTE)
    assert [(p.archivo, p.codigo, p.fecha_suscripcion) for p in reporte.problemas] == [
        ("del_2022.docx", "fecha_corregida", dt.date(2022, 3, 15))
    ]


def test_los_planes_se_cuentan_aunque_no_tengan_hallazgos(motor: Engine, url_db: str) -> None:
    guardar(motor, "con_hallazgos.docx", plan("con_hallazgos.docx", "a" * 64, suscripcion=fecha_dia("2022-05-02")))
    guardar(motor, "sin_hallazgos.docx", sin_hallazgos("sin_hallazgos.docx", "b" * 64, "2022-03-15"))
    guardar(motor, "de_2021.docx", sin_hallazgos("de_2021.docx", "c" * 64, "2021-09-21"))
    assert leer_reporte(url_db, Filtros(), CORTE).planes == 3
    assert leer_reporte(url_db, DEL_2022, CORTE).planes == 2
    assert leer_reporte(url_db, Filtros(dependencia="planeacion"), CORTE).planes == 1, "only a plan with actions there"


def test_una_version_anterior_no_cuenta_como_otro_plan(motor: Engine, url_db: str) -> None:
    guardar(motor, "seguimiento.docx", plan("seguimiento.docx", "a" * 64), mtime_ns=ENERO)
    guardar(motor, "seguimiento_marzo.docx", plan("seguimiento_marzo.docx", "b" * 64), mtime_ns=MARZO)
    assert leer_reporte(url_db, Filtros(), CORTE).planes == 1


def test_un_archivo_danado_que_luego_se_arreglo_no_sigue_como_ilegible(motor: Engine, url_db: str) -> None:
    danado = Plan(archivo="plan.docx", sha256="a" * 64, tipo="docx", error="El archivo Word está dañado.")
    vacio = Plan(archivo="vacio.pdf", sha256="b" * 64, tipo="pdf", error="El archivo está vacío (0 bytes).")
    guardar(motor, "plan.docx", danado, mtime_ns=ENERO)
    guardar(motor, "vacio.pdf", vacio)
    guardar(motor, "plan.docx", plan("plan.docx", "c" * 64, hallazgos=1), mtime_ns=MARZO)
    reporte = leer_reporte(url_db, Filtros(), CORTE)
    assert [d.archivo for d in reporte.ilegibles] == ["vacio.pdf"]
    assert reporte.ilegibles_reemplazados == 1
    assert reporte.documentos == 3, "the failed bytes stay in the history"
    resumen = CliRunner().invoke(app, ["calidad", "--db", url_db], env={"COLUMNS": "200", "NO_COLOR": "1"})
    assert (
        "(1 ilegibles)" in resumen.stdout
        and "1 archivo(s) que no se pudieron leer ya se reemplazaron" in resumen.stdout
    )


def test_una_base_de_la_revision_0001_todavia_da_su_reporte(url_db: str) -> None:
    motor = crear_motor(url_db)
    config = configuracion()
    with motor.begin() as conexion:
        config.attributes["conexion"] = conexion
        command.upgrade(config, "head")
    copia = plan("plan.docx", "a" * 64, suscripcion=fecha_dia("2022-03-15"))
    copia.hallazgos = [hallazgo(1)]
    copia.problemas = [problema("hallazgos[0].fecha_inicio")]
    guardar(motor, "plan.docx", copia)
    guardar(motor, "roto.pdf", Plan(archivo="roto.pdf", sha256="b" * 64, tipo="pdf", error="Dañado."))
    with motor.begin() as conexion:  # the data as 0001 held it: later columns and views gone
        config.attributes["conexion"] = conexion
        command.downgrade(config, "0001")
    reporte = leer_reporte(url_db, DEL_2022, CORTE)
    assert (reporte.planes, len(reporte.acciones), len(reporte.problemas)) == (1, 1, 1)
    assert [d.archivo for d in reporte.ilegibles] == ["roto.pdf"]
