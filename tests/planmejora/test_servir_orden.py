"""`planmejora servir` refuses what cannot work with a Spanish sentence and code 2, before starting anything."""

from __future__ import annotations

import socket
from pathlib import Path

from typer.testing import CliRunner

from planmejora.cli import app


def test_un_puerto_ocupado_lo_dice_en_espanol(tmp_path: Path) -> None:
    with socket.socket() as ocupado:
        ocupado.bind(("127.0.0.1", 0))
        ocupado.listen()
        puerto = ocupado.getsockname()[1]
        resultado = CliRunner().invoke(app, ["servir", "--db", str(tmp_path / "planes.db"), "--puerto", str(puerto)])
    assert resultado.exit_code == 2
    assert "otro programa ya usa ese puerto" in resultado.stderr


def test_una_base_que_no_se_puede_abrir_no_muestra_la_clave(tmp_path: Path) -> None:
    url = "postgresql://planes:secreta@127.0.0.1:1/planes"
    with socket.socket() as libre:
        libre.bind(("127.0.0.1", 0))
        puerto = str(libre.getsockname()[1])
    resultado = CliRunner().invoke(app, ["servir", "--db", url, "--puerto", puerto, "--archivos", str(tmp_path)])
    assert resultado.exit_code == 2
    assert "secreta" not in resultado.output and "Traceback" not in resultado.output
    assert "base de datos" in resultado.stderr


def test_la_ayuda_nombra_sus_opciones() -> None:
    ayuda = CliRunner().invoke(app, ["servir", "--help"], env={"COLUMNS": "200"}).stdout
    for opcion in ("--db", "--host", "--puerto", "--archivos", "--limite-subida", "--https"):
        assert opcion in ayuda
