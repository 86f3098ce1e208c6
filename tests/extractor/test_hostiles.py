"""Hostile and broken files: each is refused with a Spanish reason or read as plain text, and the batch goes on.

The files are made at test time by `tests/extractor/hostiles.py`.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, text
from typer.testing import CliRunner

from extractor.lector import leer
from extractor.limites import MB, Limites
from planmejora.api import extraer_aislados, extraer_archivo
from planmejora.cli import app
from planmejora.ingesta import ingerir
from tests.extractor import hostiles

PELIGROSOS = ("=", "+", "-", "@", "\t", "\r")
PLANMEJORA = str(Path(sys.executable).parent / "planmejora")


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("hostiles")


@pytest.mark.parametrize(
    ("caso", "dice"),
    [
        ("docx_risa", "declaraciones XML no permitidas"),
        ("docx_externa", "declaraciones XML no permitidas"),
        ("xlsx_risa_cadenas", "declaraciones XML no permitidas"),
        ("xlsx_risa_hoja", "declaraciones XML no permitidas"),
        ("xlsx_externa_cadenas", "declaraciones XML no permitidas"),
        ("bomba_proporcion", "bomba zip"),
        ("bomba_declarada", "bomba zip"),
        ("bomba_escondida", "dañado"),
        ("muchas_partes", "partes internas (el límite es 10000)"),
        ("pdf_paginas", "el límite es 200"),
        ("pdf_paginas_mentira", "el límite es 200"),
    ],
)
def test_se_rechaza_con_su_motivo_en_espanol(carpeta: Path, caso: str, dice: str) -> None:
    documento = leer(hostiles.TODOS[caso](carpeta))
    assert documento.error is not None and dice in documento.error, documento.error
    assert documento.planes == []


@pytest.mark.parametrize("caso", ["xlsx_risa_libro", "xlsx_externa_libro"])
def test_las_entidades_del_libro_nunca_se_expanden_ni_leen_archivos_del_equipo(carpeta: Path, caso: str) -> None:
    salida = json.dumps([p.a_json() for p in extraer_archivo(hostiles.TODOS[caso](carpeta))], ensure_ascii=False)
    assert "root:" not in salida and "lollol" not in salida
    assert len(salida) < 100_000


@pytest.mark.parametrize("caso", ["pdf_arbol_circular", "pdf_dibujo_circular"])
def test_un_pdf_que_se_contiene_a_si_mismo_termina_sin_hallazgos(carpeta: Path, caso: str) -> None:
    planes = extraer_archivo(hostiles.TODOS[caso](carpeta))
    assert len(planes) == 1 and planes[0].hallazgos == []
    assert planes[0].error is not None or [p.codigo for p in planes[0].problemas] == ["no_es_gem_fm014"]


@pytest.mark.lento
def test_un_pdf_que_tarda_demasiado_se_detiene_en_su_limite_de_tiempo(carpeta: Path) -> None:
    lento = hostiles.pdf_lento(carpeta)
    [planes] = list(extraer_aislados([lento], Limites(max_segundos=2)))
    assert planes[0].error is not None and "límite de 2 segundos" in planes[0].error
    assert planes[0].archivo == str(lento) and planes[0].tipo == "pdf"


def test_un_pdf_que_se_infla_hasta_agotar_la_memoria_se_detiene_en_su_limite(carpeta: Path) -> None:
    bomba = hostiles.pdf_bomba(carpeta, mb=1024)
    [planes] = list(extraer_aislados([bomba], Limites(max_memoria=512 * MB)))
    assert planes[0].error is not None and "más memoria que el límite de 512 MB" in planes[0].error


@pytest.mark.lento
def test_el_lote_guarda_el_error_de_lo_que_pasa_sus_limites_y_no_lo_vuelve_a_leer(tmp_path: Path) -> None:
    planes = tmp_path / "planes"
    planes.mkdir()
    hostiles.pdf_lento(planes)
    hostiles.pdf_bomba(planes, mb=1024)
    (planes / "calica_2021.docx").write_bytes((hostiles.MUESTRAS / "calica_2021.docx").read_bytes())
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    limites = Limites(max_segundos=8, max_memoria=512 * MB)

    primera = ingerir([planes], url, workers=2, limites=limites)
    assert (primera.cargados, primera.con_error) == (1, 2)
    motor = create_engine(url)
    with motor.connect() as conexion:
        errores = dict(conexion.execute(text("SELECT archivo, error FROM documentos WHERE estado = 'error'")).all())
        sin_planes = conexion.execute(
            text(
                "SELECT COUNT(*) FROM documentos d JOIN versiones_plan v ON v.documento_id = d.id "
                "WHERE d.estado = 'error'"
            )
        ).scalar_one()
    motor.dispose()
    assert "límite de 8 segundos" in errores[str(planes / "lento.pdf")]
    assert "más memoria" in errores[str(planes / "bomba.pdf")]
    assert sin_planes == 0

    segunda = ingerir([planes], url, workers=2, limites=limites)
    assert (segunda.omitidos, segunda.omitidos_con_error, segunda.con_error) == (3, 2, 0)


def _celdas_peligrosas(valores: list[str]) -> list[str]:
    return [v for v in valores if v.lstrip(" ").startswith(PELIGROSOS)]


def test_un_libro_hostil_llega_a_la_base_y_al_reporte_como_texto(url_db: str, tmp_path: Path) -> None:
    planes = tmp_path / "planes"
    planes.mkdir()
    hostiles.libro_hostil(planes)
    nombre_latino = planes / b"Planeaci\xf3n\nfinal.docx".decode("utf-8", "surrogateescape")
    nombre_latino.write_bytes((hostiles.MUESTRAS / "calica_2021.docx").read_bytes())

    resumen = ingerir([planes], url_db)
    assert (resumen.cargados, resumen.errores) == (2, [])
    motor = create_engine(url_db.replace("postgresql://", "postgresql+psycopg://"))
    with motor.connect() as conexion:
        archivos = set(conexion.execute(text("SELECT archivo FROM documentos")).scalars())
        observaciones = conexion.execute(
            text("SELECT observaciones FROM v_hallazgos WHERE numero = '2.1'")
        ).scalar_one()
        cargos = set(conexion.execute(text("SELECT cargo_responsable FROM v_hallazgos")).scalars())
        formulas = set(
            conexion.execute(text("SELECT raw FROM v_problemas WHERE codigo = 'formula_sin_valor'")).scalars()
        )
    motor.dispose()
    assert str(planes / "Planeación\nfinal.docx") in archivos
    assert observaciones == "Convalidadas mediante acta 05 de 2022"
    assert not any(cargo and cargo.startswith("=") for cargo in cargos)
    assert '=HYPERLINK("http://malo.example","Profesional")' in formulas  # never a value: its text is reported

    for extension in ("csv", "xlsx", "html"):
        resultado = CliRunner().invoke(app, ["calidad", "--db", url_db, "--salida", str(tmp_path / f"c.{extension}")])
        assert resultado.exit_code == 0, resultado.output

    with (tmp_path / "c.csv").open(encoding="utf-8-sig", newline="") as archivo:
        filas = list(csv.reader(archivo))
    assert any(hostiles.HIPERVINCULO in celda for fila in filas for celda in fila)
    assert _celdas_peligrosas([celda for fila in filas for celda in fila]) == []

    libro = load_workbook(tmp_path / "c.xlsx")
    celdas = [c for hoja in libro.worksheets for fila in hoja.iter_rows() for c in fila if c.value is not None]
    assert [c.coordinate for c in celdas if c.data_type == "f"] == []
    assert _celdas_peligrosas([c.value for c in celdas if isinstance(c.value, str)]) == []

    pagina = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert hostiles.GUION not in pagina and "<img src=x" not in pagina
    assert "&lt;script&gt;alert(&#39;planmejora&#39;)&lt;/script&gt;" in pagina


def correr(*argumentos: str) -> subprocess.CompletedProcess[str]:
    entorno = {k: v for k, v in os.environ.items() if k != "PLANMEJORA_DB"} | {"COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, *argumentos], capture_output=True, text=True, timeout=120, env=entorno, check=False
    )


@pytest.mark.lento
def test_extraer_con_limite_de_tiempo_dice_cual_archivo_se_detuvo_y_sigue(carpeta: Path) -> None:
    lento = hostiles.pdf_lento(carpeta)
    salida = correr(
        "extraer", str(lento), str(hostiles.MUESTRAS / "calica_2021.docx"), "--limite-segundos", "2", "--json"
    )
    assert salida.returncode == 1 and "Traceback" not in salida.stderr
    lento_json, bueno = json.loads(salida.stdout)
    assert "límite de 2 segundos" in lento_json["error"] and lento_json["hallazgos"] == []
    assert bueno["error"] is None and bueno["hallazgos"]


@pytest.mark.lento
def test_ingerir_con_menos_paginas_permitidas_guarda_el_rechazo(tmp_path: Path) -> None:
    base = f"sqlite:///{tmp_path / 'planes.db'}"
    salida = correr("ingerir", str(hostiles.MUESTRAS / "puerto_camelias_2022.pdf"), "--db", base, "--max-paginas", "1")
    assert salida.returncode == 1 and "Traceback" not in salida.stderr
    assert "el límite es 1" in salida.stdout + salida.stderr
