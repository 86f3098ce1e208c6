"""`planmejora extraer --json` over every sample, good and damaged, prints what CONTRATO.md fixes.

The shape is judged by the shared checker (`shared/herramientas/validar_contrato.py`), which sits
beside the repository; in CI its absence is a failure, on a developer's machine a skip.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
VALIDADOR = RAIZ.parent / "shared" / "herramientas" / "validar_contrato.py"


def _validador() -> Path:
    if not VALIDADOR.is_file():
        mensaje = f"No se encontró el validador del contrato en {VALIDADOR} (shared/ debe estar junto al repositorio)."
        if os.environ.get("CI") or os.environ.get("PLANMEJORA_CI"):
            pytest.fail(mensaje)
        pytest.skip(mensaje)
    return VALIDADOR


def _con_json_esperado() -> set[str]:
    esperados = (RAIZ / "muestras" / "esperado").rglob("*.json")
    return {json.loads(ruta.read_text(encoding="utf-8"))[0]["archivo"] for ruta in esperados}


@pytest.mark.lento
@pytest.mark.timeout(900)  # every sample, a dozen scanned pages through OCR among them
def test_extraer_json_de_todas_las_muestras_cumple_el_contrato() -> None:
    validador = _validador()
    extraccion = subprocess.run(
        [PLANMEJORA, "extraer", "muestras", "--json"],
        capture_output=True,
        text=True,
        cwd=RAIZ,
        timeout=600,
        check=False,
    )
    revision = subprocess.run(
        [sys.executable, str(validador)],
        input=extraccion.stdout,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert revision.returncode == 0, revision.stdout
    assert revision.stdout.strip().endswith(" 0 faults"), revision.stdout
    archivos = {plan["archivo"] for plan in json.loads(extraccion.stdout)}
    assert _con_json_esperado() <= archivos
    assert extraccion.returncode == 1, "los archivos dañados deben dar código 1 sin detener el lote"
    assert "Traceback" not in extraccion.stderr, extraccion.stderr
