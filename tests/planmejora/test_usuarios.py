"""Users of the web application, from Python and from `planmejora usuarios`: passwords never kept nor shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from typer.testing import CliRunner

from carga.esquema import abrir_base
from planmejora.cli import app
from planmejora.usuarios import ErrorDeUsuario, autenticar, borrar, cambiar_clave, cambiar_rol, crear_usuario, listar


@pytest.fixture
def motor(url_db: str) -> Engine:
    return abrir_base(url_db)


def test_la_clave_se_guarda_como_hash_argon2_y_solo_ella_abre(motor: Engine) -> None:
    crear_usuario(motor, "ana", "admin", "una clave larga")
    with motor.connect() as conexion:
        guardada = conexion.execute(text("SELECT clave FROM usuarios WHERE nombre = 'ana'")).scalar_one()
    assert guardada.startswith("$argon2id$") and "una clave larga" not in guardada
    assert autenticar(motor, "ana", "una clave larga") is not None
    assert autenticar(motor, "ana", "una clave larg") is None
    assert autenticar(motor, "nadie", "una clave larga") is None


def test_un_nombre_repetido_un_rol_inventado_o_una_clave_corta_no_crean_nada(motor: Engine) -> None:
    crear_usuario(motor, "ana", "admin", "una clave larga")
    for nombre, rol, clave, dice in [
        ("ana", "consulta", "otra clave larga", "Ya existe"),
        ("beto", "jefe", "otra clave larga", "no existe"),
        ("beto", "carga", "corta", "al menos 8"),
        ("<b>", "carga", "otra clave larga", "no sirve"),
    ]:
        with pytest.raises(ErrorDeUsuario, match=dice):
            crear_usuario(motor, nombre, rol, clave)
    assert [u.nombre for u in listar(motor)] == ["ana"]


def test_el_ultimo_administrador_no_se_puede_quitar(motor: Engine) -> None:
    crear_usuario(motor, "ana", "admin", "una clave larga")
    with pytest.raises(ErrorDeUsuario, match="único administrador"):
        cambiar_rol(motor, "ana", "consulta")
    with pytest.raises(ErrorDeUsuario, match="único administrador"):
        borrar(motor, "ana")
    crear_usuario(motor, "beto", "admin", "otra clave larga")
    cambiar_rol(motor, "ana", "consulta")
    cambiar_clave(motor, "ana", "clave nueva larga")
    assert autenticar(motor, "ana", "clave nueva larga") is not None


def test_la_orden_lee_la_clave_de_la_entrada_y_no_la_muestra(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    resultado = CliRunner().invoke(
        app, ["usuarios", "crear", "ana", "--rol", "carga", "--db", url], input="secreta-123\n"
    )
    assert resultado.exit_code == 0, resultado.output
    assert "secreta-123" not in resultado.output
    listado = CliRunner().invoke(app, ["usuarios", "listar", "--db", url])
    assert listado.stdout.split() == ["ana", "carga"]


@pytest.mark.parametrize(
    ("argumentos", "entrada", "dice"),
    [
        (["--rol", "jefe"], "secreta-123\n", "no existe"),
        (["--rol", "carga"], "corta\n", "al menos 8"),
    ],
)
def test_la_orden_mal_usada_sale_con_2(tmp_path: Path, argumentos: list[str], entrada: str, dice: str) -> None:
    url = f"sqlite:///{tmp_path / 'planes.db'}"
    resultado = CliRunner().invoke(app, ["usuarios", "crear", "ana", *argumentos, "--db", url], input=entrada)
    assert resultado.exit_code == 2
    assert dice in resultado.stderr
