"""`planmejora exportar consolidado|f14` as the office types them: files written, or a Spanish reason and its code."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from planmejora.cli import app
from tests.planmejora.planes_a_mano import base_de_ejemplo


@pytest.fixture
def base(url_db: str) -> str:
    return base_de_ejemplo(url_db)


def test_consolidado_por_la_orden_con_filtros(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "hacienda.xlsx"
    resultado = CliRunner().invoke(
        app, ["exportar", "consolidado", "--db", base, "--dependencia", "Hacienda", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0, resultado.output
    assert "2 acciones" in resultado.stdout
    assert load_workbook(salida)["Plan consolidado"].max_row == 1 + 2


def test_f14_por_la_orden_con_corte_en_dd_mm_aaaa(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "f14.xlsx"
    resultado = CliRunner().invoke(app, ["exportar", "f14", "--db", base, "--corte", "31/12/2021", "-o", str(salida)])
    assert resultado.exit_code == 0, resultado.output
    assert "3 acciones" in resultado.stdout
    assert load_workbook(salida).sheetnames == ["F14.1", "Por diligenciar"]


def test_filtros_que_no_dejan_nada_lo_dicen(base: str, tmp_path: Path) -> None:
    salida = tmp_path / "nada.csv"
    resultado = CliRunner().invoke(
        app, ["exportar", "consolidado", "--db", base, "--entidad", "no existe", "--salida", str(salida)]
    )
    assert resultado.exit_code == 0
    assert "ninguna acción" in resultado.stderr and salida.exists()


def test_errores_de_uso_salen_con_codigo_2_y_en_espanol(tmp_path: Path) -> None:
    corredor = CliRunner()
    extension = corredor.invoke(app, ["exportar", "f14", "--salida", str(tmp_path / "f14.csv")])
    assert extension.exit_code == 2 and "no termina en .xlsx" in extension.stderr
    fecha = corredor.invoke(app, ["exportar", "f14", "--corte", "31-13-2024", "--salida", str(tmp_path / "f.xlsx")])
    assert fecha.exit_code == 2 and "no es una fecha" in fecha.stderr
    sin_base = corredor.invoke(
        app, ["exportar", "consolidado", "--db", f"sqlite:///{tmp_path / 'no.db'}", "-o", str(tmp_path / "c.xlsx")]
    )
    assert sin_base.exit_code == 2 and "No existe la base de datos" in sin_base.stderr
    assert "Traceback" not in sin_base.output


def test_una_carpeta_de_salida_que_no_existe_se_dice_sin_traceback(base: str, tmp_path: Path) -> None:
    for orden in ("consolidado", "f14"):
        salida = tmp_path / "no_existe" / "plan.xlsx"
        resultado = CliRunner().invoke(app, ["exportar", orden, "--db", base, "--salida", str(salida)])
        assert resultado.exit_code == 1, orden
        assert "no se pudo escribir" in resultado.stderr and "Traceback" not in resultado.output
