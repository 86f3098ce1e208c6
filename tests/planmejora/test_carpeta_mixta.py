"""A folder as an office keeps it, in every format: the summary accounts for every file, loaded or ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planmejora.cli import app

MUESTRAS = Path(__file__).resolve().parents[2] / "muestras"
pytestmark = pytest.mark.lento  # two LibreOffice conversions and one page of OCR

CARPETA = {
    "calica_2021.doc": "calica_2021.doc",
    "puerto_camelias_2022.xls": "camelias/puerto_camelias_2022.xls",
    "guavio_2022.odt": "guavio.odt",
    "sabana_alta_2021.ods": "2021/sabana_alta.ods",
    "foto_calica_2021.jpg": "fotos/IMG_20210921.jpg",
}


@pytest.fixture
def mixta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "planes"
    for muestra, destino in CARPETA.items():
        (carpeta / destino).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(MUESTRAS / muestra, carpeta / destino)
    (carpeta / "pendientes.txt").write_text("Falta el plan de Tamboral.\n", encoding="utf-8")
    (carpeta / "~$lica_2021.doc").write_bytes(b"bloqueo de Word")
    return carpeta


def test_ingerir_cuenta_cada_archivo_de_una_carpeta_mixta(mixta: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    salida = CliRunner().invoke(app, ["ingerir", str(mixta), "--db", url, "--json"], env={"PLANMEJORA_DB": None})
    resumen = json.loads(salida.stdout)
    assert (resumen["archivos"], resumen["cargados"], resumen["con_error"]) == (5, 5, 0), resumen["errores"]
    assert resumen["ignorados"] == 1
    assert resumen["archivos_ignorados"] == [
        {"archivo": str(mixta / "pendientes.txt"), "motivo": "no es un documento que planmejora lea (archivo «.txt»)"}
    ]
    assert salida.exit_code == 0


def test_extraer_nombra_lo_ignorado_fuera_del_json(mixta: Path) -> None:
    for muestra in ("calica_2021.doc", "guavio.odt", "2021", "camelias", "fotos"):
        ruta = mixta / muestra
        shutil.rmtree(ruta) if ruta.is_dir() else ruta.unlink()
    salida = CliRunner().invoke(app, ["extraer", str(mixta), "--json"])
    assert json.loads(salida.stdout) == []
    assert "Ignorado" in salida.stderr and "pendientes.txt" in salida.stderr
    assert "lica_2021" not in salida.stderr
