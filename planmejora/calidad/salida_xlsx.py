"""The report as an Excel workbook: a summary to read, and sheets to filter.

Every sheet of rows has its header frozen and an autofilter, columns wide enough to read, and
real Excel dates, so the control office can sort and filter without retyping anything. The
workbook is streamed (openpyxl's write-only mode): a database of many thousand problems gives a
file in seconds, with memory that does not grow with it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook

from planmejora.calidad import seguimiento
from planmejora.calidad.modelo import Reporte
from planmejora.calidad.vocabulario import nombre_de_codigo
from planmejora.salidas.xlsx import (
    IZQUIERDA,
    Valor,
    celda,
    fecha,
    guardar,
    poner_alto,
    poner_anchos,
    porcentaje,
    preparar_impresion,
    rotulos_y_valores,
    tabla,
    titulo,
    titulos,
)


def _fecha_adoptada(texto: str | None) -> Valor:
    """A value adopted that is a date (`2022-01-31`, `2022-01`) goes to Excel as a date."""
    for formato, precision in (("%Y-%m-%d", "dia"), ("%Y-%m", "mes")):
        try:
            return fecha(dt.datetime.strptime(texto or "", formato).date(), precision)
        except ValueError:
            continue
    return texto


def _resumen(libro: Workbook, reporte: Reporte) -> None:
    """Labels in column A with their number right beside them in B: read across, as on paper."""
    hoja = libro.create_sheet("Resumen")
    anchos = poner_anchos(hoja, (58, 48, 22), maximo=60)
    preparar_impresion(hoja, "Resumen", filas_de_titulos=0, horizontal=False)
    hoja.append([titulo(hoja, "Reporte de calidad de datos — planes de mejoramiento (GEM-FM014)")])
    cifras: list[tuple[str, Valor]] = [
        ("Base de datos", reporte.base),
        ("Generado", reporte.generado),
        ("Fecha de corte", reporte.corte),
        ("Filtros", "; ".join(reporte.filtros.describir()) or "ninguno"),
        ("Documentos", reporte.documentos),
        ("Documentos ilegibles", len(reporte.ilegibles)),
        ("Ilegibles ya reemplazados por una copia nueva (no incluidos)", reporte.ilegibles_reemplazados),
        ("Planes", reporte.planes),
        ("Acciones", len(reporte.acciones)),
        ("Acciones vencidas", len(reporte.vencidas)),
        ("Problemas", len(reporte.problemas)),
        ("Archivos con problemas", len(reporte.por_archivo())),
        ("Problemas de versiones anteriores (no incluidos)", reporte.de_versiones_anteriores),
    ]
    rotulos_y_valores(hoja, cifras)
    numero = 1 + len(cifras)
    bloques: list[tuple[Sequence[str], list[tuple[Valor, Valor, Valor]]]] = [
        (("Problemas por tipo", "Cantidad", "Código"), [(nombre_de_codigo(c), n, c) for c, n in reporte.por_codigo()]),
        (("Problemas por dependencia", "Cantidad"), [(d, n, None) for d, n in reporte.por_dependencia()]),
        (("Documentos ilegibles", "Motivo"), [(d.archivo, d.error, None) for d in reporte.ilegibles]),
    ]
    for encabezados, contenido in bloques:
        if contenido:
            hoja.append([])
            hoja.append(titulos(hoja, encabezados))
            numero += 2
            for fila in contenido:
                numero += 1
                poner_alto(hoja, numero, fila, anchos)
                hoja.append([celda(hoja, v, alineacion=None if i == 0 else IZQUIERDA) for i, v in enumerate(fila)])


def escribir_xlsx(reporte: Reporte, ruta: Path) -> None:
    libro = Workbook(write_only=True)
    _resumen(libro, reporte)
    tabla(
        libro,
        "Problemas",
        ("Archivo", "Ubicación", "Qué valor", "Código", "Tipo", "Valor escrito", "Valor adoptado", "Mensaje",
         "Dependencia", "Campo (JSON)"),
        [
            (p.archivo, p.ubicacion, p.lugar, p.codigo, nombre_de_codigo(p.codigo), p.raw, _fecha_adoptada(p.valor),
             p.mensaje, p.dependencia, p.campo)
            for p in reporte.problemas
        ],
        encabezado_impreso="Problemas de calidad de datos",
        anchos_minimos=(0, 0, 0, 0, 0, 0, 0, 40),
    )  # fmt: skip
    tabla(
        libro,
        "Vencidas",
        ("Entidad", "Dependencia", "Cargo responsable", "Archivo", "N° hallazgo", "Acción de mejora", "Terminación",
         "Vence", "Días de atraso", "Estado"),
        [
            (a.entidad, a.dependencia, a.cargo_responsable, a.archivo, a.numero, a.accion_mejora,
             fecha(a.fecha_terminacion, a.fecha_terminacion_precision), a.vence, a.dias_de_atraso(reporte.corte),
             a.estado_accion or "sin estado")
            for a in reporte.vencidas
        ],
        encabezado_impreso=f"Acciones vencidas al {reporte.corte:%d/%m/%Y}",
        anchos_minimos=(0, 0, 0, 0, 0, 40),
    )  # fmt: skip
    avances = [("Dependencia", a) for a in seguimiento.por_dependencia(reporte.acciones, reporte.corte)]
    avances += [("Plan", a) for a in seguimiento.por_plan(reporte.acciones, reporte.corte)]
    tabla(
        libro,
        "Seguimiento",
        ("Agrupación", "Grupo", "Acciones", "Cerradas", "% cerradas", "Cumplen", "% cumplen", "Efectivas",
         "% efectivas", "Vencidas", "Sin estado"),
        [
            (tipo, a.grupo, a.total, a.cerradas, porcentaje(a.parte_cerradas), a.cumplen, porcentaje(a.parte_cumplen),
             a.efectivas, porcentaje(a.parte_efectivas), a.vencidas, a.sin_estado)
            for tipo, a in avances
        ],
    )  # fmt: skip
    guardar(libro, ruta)
