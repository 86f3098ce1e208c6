"""What changed between two copies of a plan, as the follow-up meeting reads it, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from carga.conexion import crear_motor
from carga.esquema import actualizar
from carga.guardar import ArchivoEnDisco, guardar_documento
from normalizacion.modelo import Hallazgo, Plan
from planmejora.calidad.modelo import Accion, Filtros
from planmejora.seguimiento import seguimiento
from planmejora.seguimiento.cambios import comparar, emparejar
from tests.carga.fabrica import VACIA, fecha_dia, fecha_mes, hallazgo, plan

CORTE = dt.date(2022, 6, 30)
ENERO = 1_640_995_200 * 10**9  # 2022-01-01 UTC, in nanoseconds
MARZO = 1_646_092_800 * 10**9  # 2022-03-01 UTC


def accion(numero: str | None, texto: str, estado: str | None = "abierta", termina: str = "2022-12-31") -> Accion:
    return Accion(
        archivo="plan.docx",
        plan="ALCALDÍA — plan.docx",
        numero=numero,
        accion_mejora=texto,
        dependencia="Secretaría de Hacienda",
        fecha_terminacion=dt.date.fromisoformat(termina),
        fecha_terminacion_precision="dia",
        estado_accion=estado,
        cumplimiento=None,
        efectividad=None,
    )


def test_las_acciones_se_emparejan_por_numero_y_dentro_del_numero_por_texto() -> None:
    antes = [accion("1", "Actualizar el inventario de bienes"), accion("1", "Capacitar al personal de almacén")]
    ahora = [accion("01", "Capacitar a todo el personal de almacén"), accion("1", "Actualizar inventario de bienes")]
    pares, quitadas, agregadas = emparejar(antes, ahora)
    assert [(a.accion_mejora, b.accion_mejora) for a, b in pares] == [
        ("Capacitar al personal de almacén", "Capacitar a todo el personal de almacén"),
        ("Actualizar el inventario de bienes", "Actualizar inventario de bienes"),
    ]
    assert quitadas == [] and agregadas == []


def test_una_accion_renumerada_se_reconoce_por_su_texto_y_una_distinta_es_nueva() -> None:
    antes = [accion("3", "Publicar el informe de gestión en la página web")]
    ahora = [accion("7", "Publicar el informe de gestión en la página web."), accion("8", "Comprar un servidor")]
    pares, quitadas, agregadas = emparejar(antes, ahora)
    assert [(a.numero, b.numero) for a, b in pares] == [("3", "7")]
    assert quitadas == [] and [a.numero for a in agregadas] == ["8"]


def test_la_lista_de_cambios_entre_dos_copias() -> None:
    antes = [
        accion("1", "Actualizar el inventario", termina="2022-03-31"),
        accion("2", "Conciliar cuentas", termina="2022-02-28"),
        accion("3", "Capacitar al personal", termina="2022-05-31"),
        accion("4", "Archivar los expedientes"),
        accion("5", "Revisar contratos", estado="cerrada"),
    ]
    ahora = [
        accion("1", "Actualizar el inventario", estado="cerrada", termina="2022-03-31"),
        accion("2", "Conciliar cuentas", termina="2022-09-30"),
        accion("3", "Capacitar al personal", termina="2022-05-31"),
        accion("5", "Revisar contratos", estado=None),
        accion("6", "Publicar el plan"),
    ]
    cambios = comparar(antes, ahora, fecha_anterior=dt.date(2022, 1, 15), corte=CORTE)
    assert [(c.numero, c.tipo, c.antes, c.despues) for c in cambios] == [
        ("1", "cerrada", "abierta", "cerrada"),
        ("2", "fecha_movida", "28/02/2022", "30/09/2022"),
        ("3", "vencida", "En término", "Vencida el 31/05/2022"),
        ("5", "estado_cambiado", "cerrada", "sin estado"),
        ("6", "agregada", None, "31/12/2022"),
        ("4", "quitada", "abierta", None),
    ]


def test_una_accion_ya_vencida_en_la_copia_anterior_no_se_vence_otra_vez() -> None:
    vencida = accion("1", "Actualizar el inventario", termina="2021-12-31")
    assert comparar([vencida], [vencida], fecha_anterior=dt.date(2022, 1, 15), corte=CORTE) == []


@pytest.fixture
def motor(url_db: str) -> Engine:
    motor = crear_motor(url_db)
    actualizar(motor)
    return motor


def guardar(motor: Engine, nombre: str, copia: Plan, mtime_ns: int) -> None:
    with motor.begin() as conexion:
        archivo = ArchivoEnDisco(nombre, Path("/planes") / nombre, 100, mtime_ns)
        guardar_documento(conexion, archivo, [copia], corrida_id=None)


def copia(archivo: str, sha: str, *hallazgos: Hallazgo) -> Plan:
    resultado = plan(archivo, sha * 64, hallazgos=0)
    resultado.hallazgos = list(hallazgos)
    return resultado


def h(numero: int, texto: str, **cambios: Any) -> Hallazgo:
    return hallazgo(numero, accion_mejora=texto, **cambios)


def test_seguimiento_de_dos_copias_del_mismo_plan(motor: Engine, url_db: str) -> None:
    enero = copia(
        "plan_enero.docx",
        "a",
        h(1, "Actualizar el inventario", fecha_terminacion=fecha_dia("2022-03-31")),
        h(2, "Conciliar cuentas", fecha_terminacion=fecha_mes("feb-22", 2022, 2)),
        h(3, "Capacitar al personal", fecha_terminacion=fecha_dia("2022-05-31")),
        h(4, "Archivar los expedientes"),
    )
    marzo = copia(
        "plan_marzo.docx",
        "b",
        h(1, "Actualizar el inventario", fecha_terminacion=fecha_dia("2022-03-31"), estado_accion="cerrada"),
        h(2, "Conciliar cuentas", fecha_terminacion=fecha_mes("jun-22", 2022, 6)),
        h(3, "Capacitar al personal", fecha_terminacion=fecha_dia("2022-05-31"), estado_accion=None),
        h(5, "Publicar el plan", fecha_inicio=VACIA, fecha_terminacion=VACIA),
    )
    guardar(motor, "plan_enero.docx", enero, ENERO)
    guardar(motor, "plan_marzo.docx", marzo, MARZO)
    seg = seguimiento(url_db, CORTE)
    assert [(a.numero, seg.estado(a)) for a in seg.acciones] == [
        ("1", "cumplida"),
        ("2", "en_termino"),
        ("3", "vencida"),
        ("5", "sin_fecha"),
    ]
    [plan_seguido] = seg.cambios
    assert (plan_seguido.anterior.archivo, plan_seguido.actual.archivo) == ("plan_enero.docx", "plan_marzo.docx")
    assert plan_seguido.anterior.fecha == dt.date(2022, 1, 1)
    assert [(c.numero, c.tipo) for c in plan_seguido.cambios] == [
        ("1", "cerrada"),
        ("2", "fecha_movida"),
        ("3", "estado_cambiado"),
        ("3", "vencida"),
        ("5", "agregada"),
        ("4", "quitada"),
    ]
    totales = seg.total()
    assert (totales.total, totales.cerradas, totales.en_termino, totales.vencidas, totales.sin_fecha) == (4, 1, 1, 1, 1)
    assert seguimiento(url_db, CORTE, Filtros(dependencia="hacienda")).acciones == []
