"""A verb made of sub-verbs (`exportar consolidado`) gets the same Spanish help as a plain verb."""

from __future__ import annotations

import typer
from typer.testing import CliRunner

from planmejora import cli


def test_un_grupo_de_subordenes_se_agrega_con_su_ayuda_en_espanol() -> None:
    grupo = typer.Typer(help="Exporta lo que la oficina entrega.")

    @grupo.command("consolidado")
    def consolidado(salida: str = typer.Option(..., help="Archivo de salida.")) -> None:
        typer.echo(f"escrito {salida}")

    @grupo.command("f14")
    def f14() -> None:
        typer.echo("f14")

    app = cli.crear_app("ninguna")
    cli._agregar(app, "exportar", grupo)
    corredor = CliRunner()

    ayuda = corredor.invoke(app, ["exportar", "--help"])
    assert ayuda.exit_code == 0
    assert "Uso: " in ayuda.output and "consolidado" in ayuda.output and "f14" in ayuda.output

    resultado = corredor.invoke(app, ["exportar", "consolidado", "--salida", "x.xlsx"])
    assert resultado.exit_code == 0, resultado.output
    assert "escrito x.xlsx" in resultado.output
    assert "Uso: " in corredor.invoke(app, ["exportar", "consolidado", "--help"]).output
