"""`kill -9` in the middle of a batch leaves whole documents or none, and the next run loads the rest."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from carga.conexion import crear_motor
from tests.carga.copias import MUESTRAS, copias_distintas

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
COPIAS = 40


def contar(motor: Engine, consulta: str) -> int:
    with motor.connect() as conexion:
        return int(conexion.execute(text(consulta)).scalar_one())


def esperar_documentos(motor: Engine, proceso: subprocess.Popen[str], cuantos: int) -> None:
    limite = time.monotonic() + 120
    while time.monotonic() < limite and proceso.poll() is None:
        try:
            if contar(motor, "SELECT COUNT(*) FROM documentos") >= cuantos:
                return
        except Exception:  # the schema may not exist yet
            pass
        time.sleep(0.02)
    raise AssertionError("la carga terminó o no avanzó antes de poder interrumpirla")


@pytest.mark.lento
def test_matar_la_carga_a_mitad_no_deja_documentos_a_medias(tmp_path: Path, url_db: str) -> None:
    carpeta = tmp_path / "planes"
    copias_distintas([MUESTRAS / "calica_2021.docx"], carpeta, COPIAS)  # 2 findings each
    entorno = {k: v for k, v in os.environ.items() if k != "PLANMEJORA_DB"}
    motor = crear_motor(url_db)

    primera = subprocess.Popen(
        [PLANMEJORA, "ingerir", str(carpeta), "--db", url_db],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=entorno,
        text=True,
    )
    esperar_documentos(motor, primera, 3)
    os.kill(primera.pid, signal.SIGKILL)
    primera.wait(timeout=30)
    assert primera.returncode == -signal.SIGKILL

    cargados = contar(motor, "SELECT COUNT(*) FROM documentos")
    assert 3 <= cargados < COPIAS
    assert contar(motor, "SELECT COUNT(*) FROM hallazgos") == 2 * cargados
    assert contar(motor, "SELECT COUNT(*) FROM versiones_plan") == cargados
    assert contar(motor, "SELECT COUNT(*) FROM firmas") == 2 * cargados
    assert contar(motor, "SELECT COUNT(*) FROM archivos_vistos") == cargados
    assert contar(motor, "SELECT COUNT(*) FROM corridas WHERE terminada_en IS NULL") == 1

    segunda = subprocess.run(
        [PLANMEJORA, "ingerir", str(carpeta), "--db", url_db, "--json"],
        capture_output=True,
        text=True,
        env=entorno,
        timeout=300,
        check=False,
    )
    assert segunda.returncode == 0, segunda.stderr
    resumen = json.loads(segunda.stdout)
    assert (resumen["omitidos"], resumen["cargados"], resumen["con_error"]) == (cargados, COPIAS - cargados, 0)
    assert contar(motor, "SELECT COUNT(*) FROM documentos") == COPIAS
    assert contar(motor, "SELECT COUNT(*) FROM v_hallazgos_historia") == 2 * COPIAS
    assert contar(motor, "SELECT COUNT(*) FROM v_hallazgos") == 2  # forty copies of one plan: one is current
    motor.dispose()
