"""What the control office reads off the report: where each problem is, what is overdue, what share is done."""

import datetime as dt
from dataclasses import replace

from planmejora.calidad import seguimiento
from planmejora.calidad.modelo import Accion, FilaProblema, Filtros, Reporte, lugar, ubicacion

CORTE = dt.date(2022, 2, 1)


def accion(
    dependencia: str | None = "Secretaría de Hacienda",
    terminacion: dt.date | None = dt.date(2022, 1, 1),
    precision: str | None = "mes",
    estado: str | None = "abierta",
    cumplimiento: bool | None = None,
    efectividad: bool | None = None,
    plan: str = "Alcaldía — plan.docx",
    suscripcion: dt.date | None = dt.date(2021, 9, 21),
) -> Accion:
    return Accion(
        archivo="plan.docx",
        plan=plan,
        numero="1",
        accion_mejora="Actualizar el inventario",
        dependencia=dependencia,
        fecha_terminacion=terminacion,
        fecha_terminacion_precision=precision,
        estado_accion=estado,
        cumplimiento=cumplimiento,
        efectividad=efectividad,
        fecha_suscripcion=suscripcion,
    )


def test_la_ubicacion_se_lee_como_la_buscaria_una_persona() -> None:
    assert ubicacion(None, 2, 3) == "página 2, fila 3"
    assert ubicacion("Plan 2022", None, 14) == "hoja «Plan 2022», fila 14"
    assert ubicacion(None, None, 4) == "tabla de hallazgos, fila 4"
    assert ubicacion(None, None, None, "hallazgos[2].fecha_inicio") == "3.ª acción de la tabla"
    assert ubicacion(None, None, None, "hallazgos[5].fecha_inicio", numero="06") == "acción N° 06"
    assert ubicacion(None, 1, None, "encabezado.fecha_suscripcion") == "página 1, encabezado"
    assert ubicacion(None, None, None, "Avance %", "columna_desconocida") == "tabla de hallazgos"
    assert ubicacion(None, None, None, "archivo", "no_es_gem_fm014") == "todo el documento"


def test_una_terminacion_escrita_como_mes_vence_el_ultimo_dia_de_ese_mes() -> None:
    enero = accion(terminacion=dt.date(2022, 1, 1), precision="mes")
    assert enero.vence == dt.date(2022, 1, 31)
    assert not enero.vencida(dt.date(2022, 1, 31))
    assert enero.vencida(dt.date(2022, 2, 1))
    assert enero.dias_de_atraso(dt.date(2022, 2, 10)) == 10
    assert accion(terminacion=dt.date(2024, 2, 1), precision="mes").vence == dt.date(2024, 2, 29)


def test_una_terminacion_con_dia_vence_ese_dia() -> None:
    assert accion(terminacion=dt.date(2022, 1, 15), precision="dia").vencida(dt.date(2022, 1, 16))
    assert not accion(terminacion=dt.date(2022, 1, 15), precision="dia").vencida(dt.date(2022, 1, 15))


def test_sin_estado_cuenta_como_pendiente_y_cerrada_nunca_se_vence() -> None:
    assert accion(estado=None).vencida(CORTE)
    assert accion(estado="abierta").vencida(CORTE)
    assert not accion(estado="cerrada").vencida(CORTE)


def test_sin_fecha_de_terminacion_no_se_puede_decir_que_este_vencida() -> None:
    assert not accion(terminacion=None, precision=None).vencida(CORTE)


def test_los_porcentajes_son_sobre_todas_las_acciones_y_un_blanco_no_cuenta_como_cumplido() -> None:
    acciones = [
        accion(estado="cerrada", cumplimiento=True, efectividad=True),
        accion(estado="abierta", cumplimiento=False, efectividad=None),
        accion(estado=None, cumplimiento=None, efectividad=None),
        accion(dependencia="Archivo General", estado="cerrada", cumplimiento=True, efectividad=False),
    ]
    hacienda, archivo = seguimiento.por_dependencia(acciones, CORTE)[::-1]
    assert (hacienda.grupo, hacienda.total, hacienda.cerradas, hacienda.cumplen, hacienda.efectivas) == (
        "Secretaría de Hacienda",
        3,
        1,
        1,
        1,
    )
    assert (hacienda.vencidas, hacienda.sin_estado) == (2, 1)
    assert round(hacienda.parte_cerradas, 3) == 0.333
    assert (archivo.grupo, archivo.parte_cerradas, archivo.parte_cumplen, archivo.parte_efectivas) == (
        "Archivo General",
        1.0,
        1.0,
        0.0,
    )
    total = seguimiento.total(acciones, CORTE)
    assert (total.total, total.cerradas, total.vencidas) == (4, 2, 2)
    assert seguimiento.total([], CORTE).parte_cerradas == 0.0


def test_las_vencidas_salen_por_dependencia_la_mas_atrasada_primero() -> None:
    reporte = Reporte(
        base="sqlite:///x.db",
        corte=CORTE,
        generado=dt.datetime(2022, 2, 1, 8, 0),
        acciones=[
            accion(dependencia="Hacienda", terminacion=dt.date(2021, 12, 1)),
            accion(dependencia="Hacienda", terminacion=dt.date(2021, 6, 1)),
            accion(dependencia="Archivo", terminacion=dt.date(2021, 12, 1)),
            accion(dependencia="Archivo", terminacion=dt.date(2023, 1, 1)),
        ],
    )
    assert [(a.dependencia, a.fecha_terminacion) for a in reporte.vencidas] == [
        ("Archivo", dt.date(2021, 12, 1)),
        ("Hacienda", dt.date(2021, 6, 1)),
        ("Hacienda", dt.date(2021, 12, 1)),
    ]


def test_el_filtro_de_dependencia_no_distingue_tildes_ni_mayusculas() -> None:
    filtros = Filtros(dependencia="planeacion")
    assert filtros.deja_accion(accion(dependencia="Secretaría de Planeación"))
    assert not filtros.deja_accion(accion(dependencia="Secretaría de Hacienda"))
    assert not filtros.deja_accion(accion(dependencia=None))


def test_el_filtro_de_entidad_deja_las_acciones_y_problemas_de_esa_entidad() -> None:
    filtros = Filtros(entidad="calica")
    assert filtros.deja_accion(replace(accion(), entidad="ALCALDÍA MUNICIPAL DE CÁLICA"))
    assert not filtros.deja_accion(replace(accion(), entidad="Gobernación del Guavio"))
    assert not filtros.deja_accion(accion())
    assert filtros.deja_problema(
        FilaProblema("a.pdf", "encabezado", "fecha_corregida", "…", entidad="Alcaldía de Calica")
    )
    assert not filtros.deja_problema(FilaProblema("roto.pdf", "archivo", "no_es_gem_fm014", "…"))
    assert filtros.describir() == ["entidad contiene «calica»"]


def test_el_filtro_de_fechas_mira_la_suscripcion_y_deja_fuera_los_planes_sin_ella() -> None:
    filtros = Filtros(desde=dt.date(2022, 1, 1), hasta=dt.date(2022, 12, 31))
    assert filtros.deja_accion(accion(suscripcion=dt.date(2022, 1, 1)))
    assert filtros.deja_accion(accion(suscripcion=dt.date(2022, 12, 31)))
    assert not filtros.deja_accion(accion(suscripcion=dt.date(2021, 12, 31)))
    assert not filtros.deja_accion(accion(suscripcion=None))
    assert Filtros().deja_accion(accion(suscripcion=None))


def test_el_filtro_de_codigo_solo_deja_esos_problemas() -> None:
    inferida = FilaProblema("a.pdf", "hallazgos[0].fecha_inicio", "fecha_inferida", "…")
    corregida = FilaProblema("a.pdf", "encabezado.fecha_suscripcion", "fecha_corregida", "…")
    filtros = Filtros(codigos=("fecha_inferida",))
    assert filtros.deja_problema(inferida) and not filtros.deja_problema(corregida)
    assert filtros.describir() == ["código fecha_inferida"]


def test_un_campo_se_dice_con_el_numero_que_el_formato_le_da_a_la_accion() -> None:
    assert lugar("hallazgos[5].fecha_inicio", "06") == "acción N° 06, fecha de inicio"
    assert lugar("hallazgos[0].estado_accion", "2.1") == "acción N° 2.1, estado de la acción"
    assert lugar("hallazgos[2].fecha_terminacion") == "3.ª acción de la tabla, fecha de terminación"
    assert lugar("encabezado.fecha_suscripcion") == "encabezado, fecha de suscripción"
    assert lugar("proyecto") == "quien proyectó el plan"
    assert lugar("archivo") == "todo el documento"
    assert lugar("Avance %") == "Avance %", "an unknown column keeps its own name"


def test_los_filtros_se_describen_con_fechas_dd_mm_aaaa() -> None:
    filtros = Filtros(entidad="Calica", desde=dt.date(2022, 1, 1), hasta=dt.date(2022, 12, 31))
    assert filtros.describir() == [
        "entidad contiene «Calica»",
        "suscrito desde el 01/01/2022",
        "suscrito hasta el 31/12/2022",
    ]
