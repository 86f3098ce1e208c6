"""`planmejora seguimiento` as the control office types it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner, Result

from carga.conexion import crear_motor
from carga.esquema import actualizar
from carga.guardar import ArchivoEnDisco, guardar_documento
from planmejora.cli import app
from tests.carga.fabrica import fecha_dia, hallazgo, plan


def correr(*argumentos: str) -> Result:
    return CliRunner().invoke(app, ["seguimiento", *argumentos], env={"COLUMNS": "200", "NO_COLOR": "1"})


@pytest.fixture
def base(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    motor = crear_motor(url)
    actualizar(motor)
    copia = plan("plan.docx", "a" * 64, hallazgos=0)
    copia.hallazgos = [
        hallazgo(1, fecha_terminacion=fecha_dia("2022-06-30")),
        hallazgo(2, fecha_terminacion=fecha_dia("2022-06-29"), dependencia="Secretaría de Hacienda"),
    ]
    with motor.begin() as conexion:
        guardar_documento(conexion, ArchivoEnDisco("plan.docx", Path("/planes/plan.docx"), 1, 0), [copia], None)
    motor.dispose()
    return url


def test_escribe_el_seguimiento_y_dice_las_cifras(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "seguimiento.xlsx"
    resultado = correr("--db", base, "--corte", "30/06/2022", "--salida", str(salida))
    assert resultado.exit_code == 0, resultado.output
    assert "2 acciones" in resultado.stdout and "En término: 1" in resultado.stdout and "Vencida: 1" in resultado.stdout
    acciones = list(load_workbook(salida)["Acciones"].iter_rows(values_only=True))
    assert len(acciones) == 3


def test_los_filtros_de_calidad_sirven_igual(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "hacienda.csv"
    assert (
        correr("--db", base, "--corte", "2022-06-30", "--dependencia", "HACIENDA", "--salida", str(salida)).exit_code
        == 0
    )
    assert len(salida.read_text(encoding="utf-8-sig").splitlines()) == 2
    assert correr("--db", base, "--corte", "2022-06-30", "--entidad", "guavio", "--salida", str(salida)).exit_code == 0
    assert len(salida.read_text(encoding="utf-8-sig").splitlines()) == 1


@pytest.mark.parametrize(
    ("argumentos", "dice"),
    [
        (("--corte", "31/31/2024", "--salida", "s.xlsx"), "no es una fecha"),
        (("--corte", "2024-06-30", "--salida", "s.pdf"), ".xlsx, .html ni .csv"),
        (("--salida", "s.xlsx"), "--corte"),
        (
            ("--corte", "2024-06-30", "--salida", "s.xlsx", "--desde", "2023-01-01", "--hasta", "2022-01-01"),
            "posterior",
        ),
    ],
)
def test_una_orden_mal_escrita_sale_con_2_y_lo_dice(base: str, argumentos: tuple[str, ...], dice: str) -> None:
    resultado = correr("--db", base, *argumentos)
    assert resultado.exit_code == 2 and dice in resultado.stderr


def test_una_base_que_no_existe_se_explica_y_no_se_crea(tmp_path: Path) -> None:
    ruta = tmp_path / "no_existe.db"
    resultado = correr("--db", f"sqlite:///{ruta}", "--corte", "2024-06-30", "--salida", str(tmp_path / "s.csv"))
    assert resultado.exit_code == 2 and "No existe la base de datos" in resultado.stderr
    assert not ruta.exists() and not (tmp_path / "s.csv").exists()


def test_la_ayuda_tiene_ejemplos_y_la_regla_del_dia_del_corte() -> None:
    resultado = correr("--help")
    assert resultado.exit_code == 0
    for texto in ("Ejemplos", "--corte", "--salida", "--entidad", "--dependencia", "--desde", "--hasta", "mismo día"):
        assert texto in resultado.stdout


def test_la_fecha_del_corte_en_el_resumen_es_la_pedida(base: str, tmp_path: Path) -> None:
    resultado = correr("--db", base, "--corte", "2022-07-01", "--salida", str(tmp_path / "s.html"))
    assert f"{dt.date(2022, 7, 1):%d/%m/%Y}" in resultado.stdout and "Vencida: 2" in resultado.stdout


def test_una_carpeta_de_salida_que_no_existe_se_dice_sin_traceback(base: str, tmp_path: Path) -> None:
    """Regression: openpyxl's streamed writers printed «Exception ignored … Traceback» after the message."""
    planmejora = str(Path(sys.executable).parent / "planmejora")
    for orden in (
        ["seguimiento", "--salida", str(tmp_path / "no_existe" / "s.xlsx")],
        ["avisos", "--dias", "30", "--salida", str(tmp_path / "archivo.txt" / "avisos")],
    ):
        (tmp_path / "archivo.txt").write_text("no es una carpeta")
        resultado = subprocess.run(
            [planmejora, *orden, "--db", base, "--corte", "2022-06-30"],
            capture_output=True, text=True, timeout=120, check=False,
        )  # fmt: skip
        assert resultado.returncode == 1, resultado.stderr
        assert "no se pudo" in resultado.stderr or "no se pudieron" in resultado.stderr
        assert "Traceback" not in resultado.stderr and "Exception ignored" not in resultado.stderr
