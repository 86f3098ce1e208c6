"""The users page: an administrator adds people and changes roles; nobody else reaches it."""

from __future__ import annotations

from collections.abc import Callable

from starlette.testclient import TestClient

from tests.planmejora.web.conftest import token


def test_un_administrador_crea_un_usuario_que_luego_entra(como: Callable[[str], TestClient]) -> None:
    cliente = como("ana")
    csrf = token(cliente.get("/usuarios").text)
    datos = {"csrf": csrf, "accion": "crear", "nombre": "dora", "rol": "consulta", "clave": "clave-de-dora"}
    respuesta = cliente.post("/usuarios", data=datos)
    assert respuesta.status_code == 200 and "Usuario «dora» creado" in respuesta.text
    nueva = TestClient(cliente.app, follow_redirects=False)
    marca = token(nueva.get("/entrar").text)
    entrada = nueva.post("/entrar", data={"usuario": "dora", "clave": "clave-de-dora", "csrf": marca})
    assert entrada.status_code == 303


def test_un_cambio_imposible_dice_por_que_y_no_cambia_nada(como: Callable[[str], TestClient]) -> None:
    cliente = como("ana")
    csrf = token(cliente.get("/usuarios").text)
    respuesta = cliente.post("/usuarios", data={"csrf": csrf, "accion": "rol", "nombre": "ana", "rol": "consulta"})
    assert respuesta.status_code == 400 and "único administrador" in respuesta.text
    assert cliente.get("/usuarios").status_code == 200


def test_quien_pierde_el_rol_pierde_el_acceso_en_la_siguiente_pagina(como: Callable[[str], TestClient]) -> None:
    carlos = como("carlos")
    assert carlos.get("/subir").status_code == 200
    ana = como("ana")
    csrf = token(ana.get("/usuarios").text)
    ana.post("/usuarios", data={"csrf": csrf, "accion": "rol", "nombre": "carlos", "rol": "consulta"})
    assert carlos.get("/subir").status_code == 403
