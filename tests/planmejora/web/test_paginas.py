"""The reading pages against what SQL alone says about the same database."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text
from starlette.testclient import TestClient
from typer.testing import CliRunner

from planmejora.cli import app as cli
from tests.planmejora.test_calidad_orden import DEPENDENCIA_HOSTIL

_TOTAL = re.compile(r"([\d.]+) acciones · página (\d+) de (\d+)")


def consultar(url: str, sql: str) -> list[tuple[object, ...]]:
    motor = create_engine(url)
    try:
        with motor.connect() as conexion:
            return [tuple(fila) for fila in conexion.execute(text(sql))]
    finally:
        motor.dispose()


def total_de(html: str) -> int:
    encontrado = _TOTAL.search(html)
    assert encontrado, "la página no dice cuántas acciones hay"
    return int(encontrado.group(1).replace(".", ""))


def test_el_inicio_da_los_totales_de_la_base(url: str, como: Callable[[str], TestClient]) -> None:
    html = como("consuelo").get("/?corte=2100-01-01").text
    ((acciones,),) = consultar(url, "SELECT COUNT(*) FROM v_hallazgos")
    ((abiertas,),) = consultar(
        url,
        "SELECT COUNT(*) FROM v_hallazgos WHERE COALESCE(estado_accion, '') <> 'cerrada' "
        "AND fecha_terminacion IS NOT NULL",
    )
    assert f"<span>Acciones</span><strong>{acciones}</strong>" in html
    assert f"<span>Acciones vencidas</span><strong>{abiertas}</strong>" in html


def test_el_filtro_de_dependencia_y_el_texto_dan_lo_que_dice_sql(url: str, como: Callable[[str], TestClient]) -> None:
    cliente = como("consuelo")
    ((dependencia, cuantas),) = consultar(
        url,
        "SELECT dependencia, COUNT(*) FROM v_hallazgos WHERE dependencia IS NOT NULL "
        "GROUP BY dependencia ORDER BY COUNT(*) DESC, dependencia LIMIT 1",
    )
    assert total_de(cliente.get("/acciones", params={"dependencia": dependencia}).text) == cuantas
    ((con_planeacion,),) = consultar(url, "SELECT COUNT(*) FROM v_hallazgos WHERE LOWER(dependencia) LIKE '%planeaci%'")
    assert con_planeacion > 0
    assert total_de(cliente.get("/acciones", params={"q": "PLANEACION"}).text) >= con_planeacion


def test_vencidas_a_un_corte_cuenta_el_mes_entero_de_una_fecha_de_solo_mes(
    url: str, como: Callable[[str], TestClient]
) -> None:
    ((fecha, cuantas),) = consultar(
        url,
        "SELECT fecha_terminacion, COUNT(*) FROM v_hallazgos WHERE fecha_terminacion_precision = 'mes' "
        "AND COALESCE(estado_accion, '') <> 'cerrada' GROUP BY fecha_terminacion ORDER BY 1 LIMIT 1",
    )
    ultimo_dia = consultar(url, f"SELECT date('{fecha}', '+1 month', '-1 day')")[0][0]
    siguiente = consultar(url, f"SELECT date('{fecha}', '+1 month')")[0][0]
    cliente = como("consuelo")
    en_el_dia = cliente.get("/acciones", params={"vencidas": "1", "corte": ultimo_dia, "q": ""}).text
    despues = cliente.get("/acciones", params={"vencidas": "1", "corte": siguiente}).text
    assert total_de(despues) >= total_de(en_el_dia) + cuantas


def test_las_acciones_se_paginan_y_se_ordenan_en_el_servidor(url: str, como: Callable[[str], TestClient]) -> None:
    cliente = como("consuelo")
    ((total,),) = consultar(url, "SELECT COUNT(*) FROM v_hallazgos")
    primera = cliente.get("/acciones", params={"por_pagina": "25", "orden": "terminacion"}).text
    assert total_de(primera) == total
    assert primera.count("<tr>") - 1 == min(25, total)
    ((fecha, precision),) = consultar(
        url,
        "SELECT fecha_terminacion, fecha_terminacion_precision FROM v_hallazgos "
        "ORDER BY fecha_terminacion IS NULL, fecha_terminacion DESC, hallazgo_id LIMIT 1",
    )
    año, mes, dia = str(fecha).split("-")
    mostrada = f"{mes}/{año}" if precision == "mes" else f"{dia}/{mes}/{año}"
    descendente = cliente.get("/acciones", params={"orden": "terminacion", "dir": "desc"}).text
    primera_fila = descendente.split("<tbody>")[1].split("</tr>")[0]
    assert f'<td data-titulo="Terminación">{mostrada}</td>' in primera_fila


def test_un_valor_con_html_se_muestra_como_texto(como: Callable[[str], TestClient]) -> None:
    html = como("consuelo").get("/acciones", params={"q": "Hacienda"}).text
    assert DEPENDENCIA_HOSTIL not in html
    assert "&lt;img src=x onerror=alert(1)&gt;Hacienda" in html


def test_un_filtro_mal_escrito_es_una_pagina_clara_con_400(como: Callable[[str], TestClient]) -> None:
    cliente = como("consuelo")
    for parametros, dice in [
        ({"corte": "31/02/2024"}, "no es una fecha"),
        ({"estado": "quizas"}, "no es un valor de estado válido"),
        ({"pagina": "-1"}, "no es un número de pagina válido"),
    ]:
        respuesta = cliente.get("/acciones", params=parametros)
        assert respuesta.status_code == 400
        assert dice in respuesta.text


def test_un_plan_muestra_encabezado_acciones_problemas_versiones_y_el_original(
    url: str, como: Callable[[str], TestClient]
) -> None:
    ((plan_id, documento_id, archivo),) = consultar(
        url, "SELECT plan_id, documento_id, archivo FROM v_versiones WHERE actual AND tipo = 'pdf' LIMIT 1"
    )
    ((acciones,),) = consultar(url, f"SELECT COUNT(*) FROM v_hallazgos WHERE plan_id = {plan_id}")
    cliente = como("consuelo")
    html = cliente.get(f"/planes/{plan_id}").text
    assert f"Acciones ({acciones})" in html
    assert f"/documentos/{documento_id}/original#page=1" in html
    assert 'id="problemas"' in html and 'id="versiones"' in html
    original = cliente.get(f"/documentos/{documento_id}/original")
    assert original.content == Path(archivo).read_bytes()
    assert original.headers["content-disposition"].startswith("inline")
    assert cliente.get("/planes/999999").status_code == 404


def test_calidad_html_es_el_mismo_reporte_que_la_orden(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    salida = tmp_path / "calidad.html"
    assert CliRunner().invoke(cli, ["calidad", "--db", url, "--salida", str(salida)]).exit_code == 0
    sin_hora = re.compile(r"generado el [\d/]+ [\d:]+")
    web = como("consuelo").get("/calidad.html")
    assert web.headers["content-type"].startswith("text/html")
    assert sin_hora.sub("", web.text) == sin_hora.sub("", salida.read_text(encoding="utf-8"))


def test_las_exportaciones_son_las_de_la_orden(url: str, como: Callable[[str], TestClient], tmp_path: Path) -> None:
    from openpyxl import load_workbook

    cliente = como("consuelo")
    for orden, direccion in [("consolidado", "/exportar/consolidado.xlsx"), ("f14", "/exportar/f14.xlsx")]:
        salida = tmp_path / f"{orden}.xlsx"
        assert CliRunner().invoke(cli, ["exportar", orden, "--db", url, "--salida", str(salida)]).exit_code == 0
        respuesta = cliente.get(direccion)
        assert respuesta.status_code == 200
        assert respuesta.headers["content-disposition"] == f'attachment; filename="{orden}.xlsx"'
        descargado = tmp_path / f"web_{orden}.xlsx"
        descargado.write_bytes(respuesta.content)
        de_la_orden, de_la_web = load_workbook(salida), load_workbook(descargado)
        assert de_la_orden.sheetnames == de_la_web.sheetnames
        for hoja in de_la_orden.sheetnames:
            assert list(de_la_orden[hoja].values) == list(de_la_web[hoja].values)


def test_con_mas_acciones_que_una_pagina_los_enlaces_llevan_a_la_siguiente(
    url: str, como: Callable[[str], TestClient]
) -> None:
    motor = create_engine(url)
    with motor.begin() as conexion:
        for tanda in range(1, 6):
            conexion.execute(
                text(
                    "INSERT INTO hallazgos (version_id, posicion, numero, accion_mejora, dependencia, "
                    "fecha_inicio_estado, fecha_terminacion_estado) "
                    f"SELECT version_id, posicion + {tanda * 1000}, numero, accion_mejora, dependencia, "
                    "fecha_inicio_estado, fecha_terminacion_estado FROM hallazgos WHERE posicion < 1000"
                )
            )
    motor.dispose()
    ((total,),) = consultar(url, "SELECT COUNT(*) FROM v_hallazgos")
    assert total > 50
    cliente = como("consuelo")
    primera = cliente.get("/acciones", params={"dependencia": "", "orden": "dependencia"}).text
    assert "página 1 de" in primera
    siguiente = re.search(r'href="([^"]+)" rel="next"', primera)
    assert siguiente, "la primera página no enlaza la siguiente"
    segunda = cliente.get(siguiente.group(1).replace("&amp;", "&")).text
    assert "página 2 de" in segunda and "orden=dependencia" in siguiente.group(1)


def _sin_hora(filas: Any) -> list[list[object]]:
    """A sheet's values without the moment it was written («Generado»), which differs between two runs."""
    return [[c for c in fila if not isinstance(c, dt.datetime)] for fila in filas]


def test_seguimiento_y_avisos_al_corte_son_los_de_las_ordenes(
    url: str, como: Callable[[str], TestClient], tmp_path: Path
) -> None:
    import io
    import zipfile

    from openpyxl import load_workbook

    cliente = como("consuelo")
    salida = tmp_path / "seguimiento.xlsx"
    orden = ["seguimiento", "--db", url, "--corte", "2022-12-31", "--salida", str(salida)]
    assert CliRunner().invoke(cli, orden).exit_code == 0
    respuesta = cliente.get("/exportar/seguimiento.xlsx", params={"corte": "2022-12-31"})
    assert respuesta.status_code == 200
    descargado = tmp_path / "web.xlsx"
    descargado.write_bytes(respuesta.content)
    de_la_orden, de_la_web = load_workbook(salida), load_workbook(descargado)
    for hoja in de_la_orden.sheetnames:
        assert _sin_hora(de_la_orden[hoja].values) == _sin_hora(de_la_web[hoja].values), hoja

    carpeta = tmp_path / "avisos"
    orden = ["avisos", "--db", url, "--corte", "2022-12-31", "--dias", "30", "--salida", str(carpeta)]
    assert CliRunner().invoke(cli, orden).exit_code == 0
    comprimido = cliente.get("/exportar/avisos.zip", params={"corte": "2022-12-31", "dias": "30"})
    assert comprimido.status_code == 200 and comprimido.headers["content-type"] == "application/zip"
    nombres = sorted(zipfile.ZipFile(io.BytesIO(comprimido.content)).namelist())
    assert nombres and nombres == sorted(p.relative_to(carpeta).as_posix() for p in carpeta.rglob("*") if p.is_file())
