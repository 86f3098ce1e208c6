"""A database password never reaches a screen, a report or a log, whatever form its URL takes (issue 12).

Each verb runs as installed, against a real PostgreSQL server on loopback, with the password in the
URL's query (`?password=`), the form `render_as_string(hide_password=True)` does not hide.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planmejora.vigilancia.ingestor import BaseNoDisponible, ingestor_de
from tests.conftest import ServidorPostgres

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
MUESTRAS = Path(__file__).parents[2] / "muestras"
SECRETO = "Secreto-de-la-base-123"

pytestmark = pytest.mark.lento  # each test starts the program several times


def correr(*argumentos: str) -> subprocess.CompletedProcess[str]:
    entorno = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    return subprocess.run(
        [PLANMEJORA, *argumentos], capture_output=True, text=True, timeout=300, env=entorno, check=False
    )


@pytest.fixture
def url_con_clave(servidor_postgresql: ServidorPostgres) -> str:
    """A working database whose URL carries a password in its query (the test server trusts loopback)."""
    return f"{servidor_postgresql.base_nueva()}&password={SECRETO}"


def test_ni_la_terminal_ni_los_reportes_ni_el_registro_muestran_la_clave(url_con_clave: str, tmp_path: Path) -> None:
    carpeta = tmp_path / "planes"
    carpeta.mkdir()
    shutil.copy2(MUESTRAS / "calica_2021.docx", carpeta / "calica.docx")
    (carpeta / "roto.pdf").write_bytes(b"no es un PDF")
    os.utime(carpeta / "roto.pdf", (1_600_000_000, 1_600_000_000))

    salidas = [
        correr("vigilar", str(carpeta), "--db", url_con_clave, "--una-vez", "--espera", "0"),
        correr("calidad", "--db", url_con_clave),
        correr("calidad", "--db", url_con_clave, "--salida", str(tmp_path / "calidad.html")),
        correr("calidad", "--db", url_con_clave, "--salida", str(tmp_path / "calidad.xlsx")),
    ]

    for salida in salidas:
        assert "Traceback" not in salida.stderr
        assert SECRETO not in salida.stdout + salida.stderr
    assert "Base:" in salidas[1].stdout, "the terminal names the database, without its password"
    assert SECRETO not in (tmp_path / "calidad.html").read_text(encoding="utf-8")
    libro = load_workbook(tmp_path / "calidad.xlsx")
    celdas = [str(c.value) for hoja in libro.worksheets for fila in hoja.iter_rows() for c in fila]
    assert any("password=***" in c for c in celdas)
    assert not any(SECRETO in c for c in celdas)
    assert SECRETO not in (carpeta / ".planmejora/vigilar.log").read_text(encoding="utf-8")


NO_RESPONDE = f"postgresql://control@127.0.0.1:1/planes?password={SECRETO}&connect_timeout=2"
NO_SE_ENTIENDEN = [
    f"postgresql://control:{SECRETO}@127.0.0.1:puerto/planes",
    f"host=127.0.0.1 password={SECRETO} dbname=planes",
]


@pytest.mark.parametrize("url", [NO_RESPONDE, *NO_SE_ENTIENDEN])
def test_una_base_que_no_se_abre_o_no_se_entiende_no_muestra_la_clave(url: str, tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"no es un PDF")
    for salida in (correr("ingerir", str(tmp_path / "plan.pdf"), "--db", url), correr("calidad", "--db", url)):
        assert salida.returncode in (1, 2)
        assert "Traceback" not in salida.stderr
        assert SECRETO not in salida.stdout + salida.stderr


@pytest.mark.parametrize("url", NO_SE_ENTIENDEN)
def test_vigilar_rechaza_una_url_que_no_se_entiende_sin_mostrar_la_clave(url: str, tmp_path: Path) -> None:
    salida = correr("vigilar", str(tmp_path), "--db", url, "--una-vez", "--log", str(tmp_path / "vigilar.log"))
    assert salida.returncode == 2
    assert SECRETO not in salida.stdout + salida.stderr


def test_vigilar_anota_que_la_base_no_responde_sin_la_clave(tmp_path: Path) -> None:
    (tmp_path / "plan.pdf").write_bytes(b"no es un PDF")
    with pytest.raises(BaseNoDisponible) as error:
        ingestor_de(NO_RESPONDE)([tmp_path / "plan.pdf"], lambda ruta, resultado: None, lambda: False)
    assert "127.0.0.1" in str(error.value) and SECRETO not in str(error.value)
