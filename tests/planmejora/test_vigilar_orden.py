"""`planmejora vigilar` refuses bad usage at once, in Spanish, with code 2, before watching anything."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")

pytestmark = pytest.mark.lento  # each test starts the program: over a second apiece


def vigilar(*argumentos: str) -> subprocess.CompletedProcess[str]:
    entorno = {**os.environ, "COLUMNS": "120", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, "vigilar", *argumentos], capture_output=True, text=True, timeout=60, env=entorno, check=False
    )


def test_la_ayuda_explica_las_opciones_con_ejemplos() -> None:
    salida = vigilar("--help")
    assert salida.returncode == 0
    for opcion in ("--db", "--sondeo", "--espera", "--una-vez", "--mover", "--log", "Ejemplos"):
        assert opcion in salida.stdout


@pytest.mark.parametrize(
    ("argumentos", "mensaje"),
    [
        (["/no/existe"], "no existe o no es una carpeta"),
        (["{carpeta}", "--db", "mysql://servidor/planes"], "no está soportada"),
        (["{carpeta}", "--espera", "-1"], "--espera no puede ser negativo"),
        (["{carpeta}", "--sondeo", "0"], "--sondeo debe ser mayor que cero"),
        (["{carpeta}", "--log", "{carpeta}/plan.pdf/vigilar.log"], "No se puede escribir el registro"),
    ],
)
def test_un_uso_incorrecto_sale_con_2_y_lo_dice_en_espanol(tmp_path: Path, argumentos: list[str], mensaje: str) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"%PDF")
    salida = vigilar(*(a.format(carpeta=tmp_path) for a in argumentos))
    assert salida.returncode == 2
    assert mensaje in " ".join(salida.stderr.split())
    assert "Traceback" not in salida.stderr
