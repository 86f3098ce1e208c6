"""Every verb's `--help` names values as the office would (RUTA, FECHA, N), never by Python's types."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from planmejora import cli

_APP = cli.crear_app()


def _ordenes(grupo: TyperGroup, ruta: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    for nombre, orden in grupo.commands.items():
        yield (*ruta, nombre)
        if isinstance(orden, TyperGroup):
            yield from _ordenes(orden, (*ruta, nombre))


ORDENES = list(_ordenes(typer.main.get_group(_APP)))


def test_se_recorren_las_ordenes_y_sus_subordenes() -> None:
    assert {("ingerir",), ("servir",), ("usuarios", "crear")} <= set(ORDENES)
    assert any(orden[0] == "exportar" and len(orden) == 2 for orden in ORDENES)


@pytest.mark.parametrize("orden", ORDENES, ids=" ".join)
def test_la_ayuda_no_muestra_tipos_de_python(orden: tuple[str, ...]) -> None:
    """Regression (issue 12): `ingerir --help` showed `<list[Path]>`, `<bool>` and `{RUTA}...`."""
    ayuda = CliRunner().invoke(_APP, [*orden, "--help"], env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert ayuda.exit_code == 0, ayuda.output
    assert not re.search(r"<[a-z]|\{|list\[|\b(Path|bool|int|str|float)\b", ayuda.output), ayuda.output
    assert "COMMAND" not in ayuda.output and "ARGS" not in ayuda.output


def test_un_argumento_obligatorio_se_escribe_como_en_los_manuales() -> None:
    ayuda = CliRunner().invoke(_APP, ["ingerir", "--help"], env={"COLUMNS": "120", "NO_COLOR": "1"})
    assert "Uso: planmejora ingerir [OPCIONES] RUTA..." in [linea.strip() for linea in ayuda.output.splitlines()]


@pytest.mark.parametrize("orden", ORDENES, ids=" ".join)
def test_cada_valor_tiene_un_nombre_en_espanol(orden: tuple[str, ...]) -> None:
    """A value without a metavar would show no hint at all of what to type."""
    comando: Any = typer.main.get_group(_APP)
    for nombre in orden:
        comando = comando.commands[nombre]
    sin_nombre = [p.name for p in comando.params if not getattr(p, "is_flag", False) and not p.metavar]
    assert sin_nombre == []
