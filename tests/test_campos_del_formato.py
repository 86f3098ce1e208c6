"""The form's fields are listed once (`extractor.modelo.COLUMNAS`, from `columnas.toml`); everything that
shows a finding shows those fields, in that order: the model, the JSON, the expected JSON of the samples,
the contract's example, the database view and the consolidated plan."""

import dataclasses
import json
import re
from pathlib import Path

from sqlalchemy import inspect

from carga.esquema import abrir_base
from extractor.modelo import COLUMNAS
from normalizacion.modelo import Fecha, Hallazgo
from planmejora.exportar.modelo import columnas
from tests.carga.fabrica import hallazgo

RAIZ = Path(__file__).resolve().parents[1]
CONTRATO = RAIZ.parent / "shared" / "CONTRATO.md"
FECHAS = ("fecha_inicio", "fecha_terminacion")


def test_el_modelo_tiene_un_campo_por_columna_en_el_mismo_orden() -> None:
    campos = [c.name for c in dataclasses.fields(Hallazgo)]
    assert campos == [*COLUMNAS, "origen"]


def test_el_json_de_un_hallazgo_trae_las_columnas_y_su_origen() -> None:
    json_hallazgo = hallazgo(1).a_json()
    assert list(json_hallazgo) == [*COLUMNAS, "origen"]
    assert all(isinstance(json_hallazgo[f], dict) and set(json_hallazgo[f]) >= {"raw", "valor"} for f in FECHAS)


def test_el_json_esperado_de_cada_muestra_trae_las_mismas_claves() -> None:
    for esperado in sorted((RAIZ / "muestras" / "esperado").glob("*.json")):
        for plan in json.loads(esperado.read_text(encoding="utf-8")):
            for h in plan["hallazgos"]:
                assert list(h) == [*COLUMNAS, "origen"], esperado.name


def test_el_ejemplo_del_contrato_trae_las_mismas_claves() -> None:
    bloque = re.search(r"```json\n(.*?)```", CONTRATO.read_text(encoding="utf-8"), re.DOTALL)
    assert bloque is not None
    (h,) = json.loads(bloque.group(1))["hallazgos"]
    assert list(h) == [*COLUMNAS, "origen"]


def test_la_vista_de_hallazgos_tiene_cada_columna_y_las_fechas_con_precision_y_estado(tmp_path: Path) -> None:
    motor = abrir_base(f"sqlite:///{tmp_path / 'campos.db'}")
    try:
        columnas = {c["name"] for c in inspect(motor).get_columns("v_hallazgos")}
    finally:
        motor.dispose()
    esperadas = {*COLUMNAS, *(f"{f}_{parte}" for f in FECHAS for parte in ("precision", "estado"))}
    assert esperadas <= columnas, sorted(esperadas - columnas)


def test_las_fechas_del_modelo_son_fechas() -> None:
    h = hallazgo(1)
    assert [campo for campo in COLUMNAS if isinstance(getattr(h, campo), Fecha)] == list(FECHAS)


def test_el_consolidado_trae_cada_campo_del_formato_en_su_orden() -> None:
    assert [clave for clave in columnas("consolidado") if clave in COLUMNAS] == list(COLUMNAS)
