"""Several `ingerir` at once over the same folder and database: each file loaded exactly once, no error.

Nothing but the database decides who loads a file: its UNIQUE constraints and ON CONFLICT.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from carga.conexion import crear_motor
from tests.carga.copias import MUESTRAS, copias_distintas
from tests.conftest import ServidorPostgres

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
ORIGENES = [MUESTRAS / "calica_2021.docx", MUESTRAS / "san_jacinto_2023.xlsx", MUESTRAS / "tamboral_2022.docx"]
COPIAS = 24  # 8 of each: 2 findings and 1 plan; 7 findings in 3 plans; 8 findings and 1 plan


def cargar_a_la_vez(carpeta: Path, url: str, procesos: int) -> list[dict[str, int]]:
    entorno = {k: v for k, v in os.environ.items() if k != "PLANMEJORA_DB"}
    corriendo = [
        subprocess.Popen(
            [PLANMEJORA, "ingerir", str(carpeta), "--db", url, "--json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=entorno,
            text=True,
        )
        for _ in range(procesos)
    ]
    resumenes = []
    for proceso in corriendo:
        salida, errores = proceso.communicate(timeout=300)
        assert proceso.returncode == 0, errores
        assert "Traceback" not in errores
        resumenes.append(json.loads(salida))
    return resumenes


def revisar_que_cada_archivo_quedo_una_vez(url: str, resumenes: list[dict[str, int]]) -> None:
    assert sum(r["cargados"] for r in resumenes) == COPIAS
    assert all(r["cargados"] + r["omitidos"] == COPIAS and r["con_error"] == 0 for r in resumenes)
    motor = crear_motor(url)
    with motor.connect() as conexion:

        def contar(consulta: str) -> int:
            return int(conexion.execute(text(consulta)).scalar_one())

        assert contar("SELECT COUNT(*) FROM documentos") == COPIAS
        assert contar("SELECT COUNT(*) FROM archivos_vistos") == COPIAS
        assert contar("SELECT COUNT(*) FROM versiones_plan") == 8 * (1 + 3 + 1)
        assert contar("SELECT COUNT(*) FROM hallazgos") == 8 * (2 + 7 + 8)
        assert contar("SELECT COUNT(*) FROM planes") == 5
        assert contar("SELECT COUNT(*) FROM v_hallazgos") == 2 + 7 + 8
    motor.dispose()


@pytest.mark.lento
def test_tres_cargas_a_la_vez_en_postgresql(tmp_path: Path, servidor_postgresql: ServidorPostgres) -> None:
    url = servidor_postgresql.base_nueva()
    copias_distintas(ORIGENES, tmp_path / "planes", COPIAS)
    revisar_que_cada_archivo_quedo_una_vez(url, cargar_a_la_vez(tmp_path / "planes", url, 3))


@pytest.mark.lento
def test_dos_cargas_a_la_vez_en_sqlite(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    copias_distintas(ORIGENES, tmp_path / "planes", COPIAS)
    revisar_que_cada_archivo_quedo_una_vez(url, cargar_a_la_vez(tmp_path / "planes", url, 2))
