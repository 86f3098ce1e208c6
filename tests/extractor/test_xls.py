"""`leer_xls`: an Excel 97-2003 workbook reads like the .xlsx it was saved from: sheets, rows, dates, merged cells."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from extractor.errores import ArchivoIlegible
from extractor.modelo import Celda, HojaLeida
from extractor.xls import leer_xls
from extractor.xlsx import leer_xlsx

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"


def _celdas(hoja: HojaLeida) -> dict[tuple[int | None, int], Celda]:
    return {(c.origen.fila, i): c for fila in hoja.filas for i, c in enumerate(fila.celdas)}


@pytest.mark.parametrize("muestra", ["puerto_camelias_2022", "san_jacinto_2023"])
def test_cada_hoja_visible_da_las_mismas_celdas_que_el_xlsx_del_que_se_guardo(muestra: str) -> None:
    viejas = leer_xls((MUESTRAS / f"{muestra}.xls").read_bytes())
    nuevas = leer_xlsx(MUESTRAS / f"{muestra}.xlsx")
    assert [h.nombre for h in viejas] == [h.nombre for h in nuevas]
    for vieja, nueva in zip(viejas, nuevas, strict=True):
        esperadas = {k: (c.texto, c.fusionada) for k, c in _celdas(nueva).items()}
        assert {k: (c.texto, c.fusionada) for k, c in _celdas(vieja).items()} == esperadas


def test_una_fecha_guarda_su_valor_y_su_formato_de_mes() -> None:
    (hoja,) = leer_xls((MUESTRAS / "puerto_camelias_2022.xls").read_bytes())
    fechas = [c for fila in hoja.filas for c in fila.celdas if isinstance(c.valor, dt.datetime)]
    assert fechas, "the sample has real Excel dates"
    de_mes = [c for c in fechas if c.formato is not None and "mmm" in c.formato.lower()]
    assert de_mes and all(c.texto and c.texto[:3].isalpha() for c in de_mes)  # shown as «ene-22», not a serial


def test_la_hoja_oculta_y_la_vacia_no_se_leen() -> None:
    hojas = leer_xls((MUESTRAS / "san_jacinto_2023.xls").read_bytes())
    assert len(hojas) == 3
    assert all(fila.celdas[0].origen.hoja == hoja.nombre for hoja in hojas for fila in hoja.filas)


def test_un_xls_danado_da_un_error_en_espanol() -> None:
    datos = (MUESTRAS / "san_jacinto_2023.xls").read_bytes()
    with pytest.raises(ArchivoIlegible, match="Excel 97-2003"):
        leer_xls(datos[: len(datos) // 3])
