"""When two copies are the same plan (the rule docs/referencia.md states)."""

from __future__ import annotations

from carga.identidad import clave_plan, comparable
from tests.carga.fabrica import VACIA, fecha_dia, fecha_mes, plan


def test_mayusculas_tildes_puntuacion_y_espacios_no_cuentan() -> None:
    assert comparable("ALCALDÍA  Municipal de Cálica.") == comparable("alcaldia municipal de calica")
    assert comparable("Gestión\nEstratégica") == "gestion estrategica"
    assert comparable(None) == comparable("  ") == ""


def test_copias_de_seguimiento_del_mismo_plan_comparten_clave() -> None:
    original = plan(archivo="2021/plan.docx", entidad="ALCALDIA DE CALICA", proceso="Gestión Estratégica")
    seguimiento = plan(
        archivo="2022/seguimiento final.pdf", entidad="Alcaldía de Calica", proceso="GESTION ESTRATEGICA"
    )
    en_otra_hoja = plan(archivo="libro.xlsx", entidad="Alcaldía de Calica", proceso="Gestión Estratégica", hoja="PM")
    assert clave_plan(original) == clave_plan(seguimiento) == clave_plan(en_otra_hoja)


def test_otro_proceso_otra_entidad_u_otra_suscripcion_es_otro_plan() -> None:
    base = clave_plan(plan())
    assert clave_plan(plan(proceso="Gestión Financiera")) != base
    assert clave_plan(plan(entidad="Gobernación del Guavio")) != base
    assert clave_plan(plan(suscripcion=fecha_dia("2022-09-21"))) != base


def test_una_suscripcion_ilegible_cuenta_por_lo_que_se_escribio() -> None:
    assert clave_plan(plan(suscripcion=fecha_mes("sept-21", 2021, 9))) != clave_plan(plan())
    sin_fecha = plan(suscripcion=VACIA)
    assert clave_plan(sin_fecha) == clave_plan(plan(archivo="otro.pdf", suscripcion=VACIA))


def test_sin_entidad_ni_proceso_cada_nombre_de_archivo_es_su_propio_plan() -> None:
    anonimo = plan(archivo="planes/Plan Hacienda.docx", entidad=None, proceso=None)
    assert clave_plan(anonimo) == clave_plan(plan(archivo="otra carpeta/plan hacienda.pdf", entidad=None, proceso=""))
    assert clave_plan(anonimo) != clave_plan(plan(archivo="planes/Plan Salud.docx", entidad=None, proceso=None))
    assert clave_plan(anonimo) != clave_plan(plan(archivo="planes/Plan Hacienda.docx"))
