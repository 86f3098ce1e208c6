"""The follow-up as an Excel workbook: totals first, as people read them, then every action, then the changes.

Every sheet prints (landscape, as wide as the page, titles on each page) through `planmejora.salidas.xlsx`.
"""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook

from planmejora.calidad.seguimiento import Avance
from planmejora.salidas.xlsx import (
    Valor,
    fecha,
    guardar,
    porcentaje,
    preparar_impresion,
    rotulos_y_valores,
    tabla,
    titulo,
)
from planmejora.seguimiento.modelo import Seguimiento
from planmejora.vencimiento import NOMBRES_ESTADOS

TITULOS_TOTALES = (
    "Acciones", "Cumplidas", "En término", "Vencidas", "Sin fecha", "% cumplidas", "% vencidas",
)  # fmt: skip


def _totales(avance: Avance) -> list[Valor]:
    return [
        avance.total, avance.cerradas, avance.en_termino, avance.vencidas, avance.sin_fecha,
        porcentaje(avance.parte_cerradas), porcentaje(avance.parte_vencidas),
    ]  # fmt: skip


def _resumen(libro: Workbook, seguimiento: Seguimiento) -> None:
    hoja = libro.create_sheet("Resumen")
    for columna, ancho in (("A", 44), ("B", 44)):
        hoja.column_dimensions[columna].width = ancho
    preparar_impresion(hoja, "Resumen", filas_de_titulos=0, horizontal=False)
    hoja.append([titulo(hoja, f"Seguimiento de los planes de mejoramiento al {seguimiento.corte:%d/%m/%Y}")])
    total = seguimiento.total()
    filas: list[tuple[str, Valor]] = [
        ("Base de datos", seguimiento.base),
        ("Generado", seguimiento.generado),
        ("Fecha de corte", seguimiento.corte),
        ("Filtros", "; ".join(seguimiento.filtros.describir()) or "ninguno"),
        ("Planes", len(seguimiento.por_plan())),
        ("Acciones", total.total),
        *((NOMBRES_ESTADOS[e], n) for e, n in seguimiento.cuentas().items()),
        ("% cumplidas", porcentaje(total.parte_cerradas)),
        ("% vencidas", porcentaje(total.parte_vencidas)),
        ("Planes con copia anterior", len(seguimiento.cambios)),
        ("Cambios desde la copia anterior", sum(len(p.cambios) for p in seguimiento.cambios)),
    ]
    rotulos_y_valores(hoja, filas)


def _acciones(libro: Workbook, seguimiento: Seguimiento) -> None:
    corte = seguimiento.corte
    tabla(
        libro,
        "Acciones",
        ("Entidad", "Proceso auditado", "Suscripción", "N°", "Acción de mejora", "Dependencia", "Cargo responsable",
         "Terminación", "Vence", "Estado de la acción", "Estado al corte", "Días de atraso", "Archivo", "hallazgo_id"),
        [
            (a.entidad, a.proceso_auditado, a.fecha_suscripcion, a.numero, a.accion_mejora, a.dependencia,
             a.cargo_responsable, fecha(a.fecha_terminacion, a.fecha_terminacion_precision), a.vence,
             a.estado_accion or "sin estado", NOMBRES_ESTADOS[seguimiento.estado(a)], a.dias_de_atraso(corte) or None,
             a.archivo, a.hallazgo_id)
            for a in seguimiento.ordenadas()
        ],
        encabezado_impreso=f"Acciones al {corte:%d/%m/%Y}",
    )  # fmt: skip


def _cambios(libro: Workbook, seguimiento: Seguimiento) -> None:
    filas: list[tuple[Valor, ...]] = []
    for plan in seguimiento.cambios:
        copias = (plan.plan, plan.anterior.archivo, plan.actual.archivo)
        if not plan.cambios:
            filas.append((*copias, None, None, None, "Sin cambios", None, None))
        filas += [
            (*copias, c.numero, c.accion_mejora, c.dependencia, c.nombre, c.antes, c.despues) for c in plan.cambios
        ]
    tabla(
        libro,
        "Cambios",
        ("Plan", "Copia anterior", "Copia actual", "N°", "Acción de mejora", "Dependencia", "Cambio", "Antes",
         "Ahora"),
        filas,
        encabezado_impreso="Cambios desde la copia anterior de cada plan",
    )  # fmt: skip


def escribir_xlsx(seguimiento: Seguimiento, ruta: Path) -> None:
    libro = Workbook(write_only=True)
    _resumen(libro, seguimiento)
    for nombre, avances in (("Por dependencia", seguimiento.por_dependencia()), ("Por plan", seguimiento.por_plan())):
        tabla(
            libro,
            nombre,
            ("Dependencia" if nombre == "Por dependencia" else "Plan", *TITULOS_TOTALES),
            [(a.grupo, *_totales(a)) for a in avances],
            encabezado_impreso=f"Seguimiento al {seguimiento.corte:%d/%m/%Y}, {nombre.lower()}",
        )
    _acciones(libro, seguimiento)
    _cambios(libro, seguimiento)
    guardar(libro, ruta)
