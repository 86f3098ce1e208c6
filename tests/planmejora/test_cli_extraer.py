"""`planmejora extraer` as a user runs it: Spanish help, exit codes, one JSON object per plan."""

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")


def correr(*argumentos: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    entorno = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, *argumentos], capture_output=True, text=True, timeout=120, cwd=cwd, env=entorno, check=False
    )


def test_la_ayuda_esta_en_espanol_y_nombra_las_ordenes() -> None:
    salida = correr("--help")
    assert salida.returncode == 0
    assert "Uso:" in salida.stdout and "Órdenes" in salida.stdout
    assert "extraer" in salida.stdout


def test_la_ayuda_de_extraer_ensena_con_ejemplos() -> None:
    salida = correr("extraer", "--help")
    assert salida.returncode == 0
    assert "Ejemplos" in salida.stdout and "--json" in salida.stdout
    assert "Muestra esta ayuda y termina." in salida.stdout


def test_una_opcion_que_no_existe_es_uso_incorrecto() -> None:
    assert correr("extraer", "--no-existe", "x.pdf").returncode == 2


def test_archivo_malo_da_error_en_json_y_codigo_1_sin_traza(tmp_path: Path) -> None:
    malo = tmp_path / "malo.pdf"
    malo.write_bytes(b"")
    bueno_pero_ajeno = tmp_path / "nota.pdf"
    bueno_pero_ajeno.write_bytes(b"tampoco es un pdf")
    salida = correr("extraer", str(malo), str(bueno_pero_ajeno), "--json")
    assert salida.returncode == 1
    assert "Traceback" not in salida.stderr
    planes = json.loads(salida.stdout)
    assert [p["archivo"] for p in planes] == [str(malo), str(bueno_pero_ajeno)]
    assert planes[0]["error"] == "El archivo está vacío (0 bytes)."
    assert planes[1]["error"] and planes[1]["hallazgos"] == []


def test_los_errores_de_uso_se_explican_en_espanol() -> None:
    salida = correr("extraer", "--jsn", "x.pdf")
    assert salida.returncode == 2
    assert "No existe la opción --jsn" in salida.stderr and "--json" in salida.stderr
    assert "para ver la ayuda" in salida.stderr
    assert "No such option" not in salida.stderr and "Try " not in salida.stderr


@pytest.mark.parametrize(
    ("argumentos", "dice"),
    [
        (("extraer", "--workers", "dos", "x.pdf"), "Valor no válido para --workers: debe ser un número entero."),
        (("extraer",), "Falta el argumento ARCHIVO."),
    ],
)
def test_un_valor_o_argumento_mal_dado_se_explica_en_espanol(argumentos: tuple[str, ...], dice: str) -> None:
    salida = correr(*argumentos)
    assert salida.returncode == 2
    assert dice in salida.stderr
    assert "Invalid value" not in salida.stderr and "Missing argument" not in salida.stderr


def test_una_orden_que_no_existe_nombra_las_que_hay() -> None:
    salida = correr("importar")
    assert salida.returncode == 2
    assert "No existe la orden «importar»" in salida.stderr


def test_una_ruta_que_no_existe_es_uso_incorrecto_como_en_ingerir(tmp_path: Path) -> None:
    """Regression (issue 12): `extraer /no/existe.pdf` exited 1 while `ingerir /no/existe` exited 2."""
    for verbo in ("extraer", "ingerir"):
        salida = correr(verbo, str(tmp_path / "no-existe.pdf"))
        assert salida.returncode == 2
        assert f"No existe: {tmp_path / 'no-existe.pdf'}" in " ".join(salida.stderr.split())


def test_la_linea_de_uso_no_queda_en_ingles() -> None:
    """Regression (issue 12): the usage line said `COMMAND [ARGS]...`."""
    salida = correr("--help")
    assert "Uso: planmejora [OPCIONES] ORDEN [ARGUMENTOS]..." in salida.stdout
    assert "COMMAND" not in salida.stdout and "ARGS" not in salida.stdout


def test_la_ayuda_no_parte_las_frases_donde_las_partio_el_codigo() -> None:
    """Regression (issue 12): a docstring wrapped at 100 columns showed `lista para otros` / `programas.` on
    an 80-column terminal; each paragraph is now wrapped by the terminal only."""
    ayuda = " ".join(correr("extraer", "--help").stdout.split("│"))
    lineas = [linea.strip() for linea in ayuda.splitlines() if linea.strip()]
    assert not any(linea.endswith("lista para otros") for linea in lineas)
    assert any("lista para otros programas" in linea for linea in lineas)


MUESTRAS = Path(__file__).parents[2] / "muestras"


def test_sin_json_es_un_listado_legible_en_80_columnas_sin_cortar_nada() -> None:
    """Regression (issue 12): a table cut dates and words in an 80-column terminal, and text without a mark."""
    entorno = {**os.environ, "COLUMNS": "80", "NO_COLOR": "1"}
    salida = subprocess.run(
        [PLANMEJORA, "extraer", str(MUESTRAS / "calica_2021.docx")],
        capture_output=True, text=True, timeout=120, env=entorno, check=False,
    )  # fmt: skip
    assert salida.returncode == 0
    lineas = salida.stdout.splitlines()
    assert all(len(linea) <= 80 for linea in lineas)
    texto = " ".join(" ".join(lineas).split())
    (plan,) = json.loads(correr("extraer", str(MUESTRAS / "calica_2021.docx"), "--json").stdout)
    for hallazgo in plan["hallazgos"]:
        assert " ".join(hallazgo["accion_mejora"].split()) in texto, "the whole text, wrapped, never cut"
    assert "Suscripción: 21/09/2021" in texto and "inicio 09/2021 · terminación 01/2022" in texto


def test_formato_csv_una_fila_por_hallazgo() -> None:
    salida = correr("extraer", str(MUESTRAS / "calica_2021.docx"), "--formato", "csv")
    assert salida.returncode == 0
    filas = list(csv.DictReader(io.StringIO(salida.stdout)))
    assert [f["numero"] for f in filas] == ["1", "2"]
    assert filas[0]["fecha_suscripcion"] == "2021-09-21" and filas[0]["fecha_inicio"] == "2021-09"
    assert filas[0]["entidad"] == "ALCALDIA MUNICIPAL DE CALICA" and filas[0]["cumplimiento"] == "sí"


def test_con_varios_lectores_el_json_sigue_el_orden_de_los_archivos() -> None:
    archivos = ["muestras/guavio_2022.docx", "muestras/calica_2021.docx", "muestras/guavio_2022.pdf"]
    salida = correr("extraer", *archivos, "--workers", "3", "--json")
    assert salida.returncode == 0, salida.stderr
    assert [p["archivo"] for p in json.loads(salida.stdout)] == archivos
