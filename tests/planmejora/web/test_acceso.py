"""Who gets in, and what each role may do: nothing but /salud answers before signing in."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from tests.planmejora.web.conftest import CLAVES, token


def test_salud_responde_ok_sin_sesion(app: Starlette) -> None:
    respuesta = TestClient(app).get("/salud")
    assert (respuesta.status_code, respuesta.text) == (200, "ok")


def test_ninguna_otra_direccion_responde_sin_sesion(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    for ruta in app.routes:
        assert isinstance(ruta, Route)
        if ruta.path in ("/salud", "/entrar"):
            continue
        direccion = ruta.path.replace("{plan_id:int}", "1").replace("{documento_id:int}", "1")
        for metodo in sorted(ruta.methods or ()):
            respuesta = cliente.request(metodo, direccion)
            if metodo in ("GET", "HEAD"):
                assert respuesta.status_code == 303, (metodo, direccion)
                assert respuesta.headers["location"].startswith("/entrar?siguiente=")
            else:
                assert respuesta.status_code in (401, 403), (metodo, direccion)


def test_entrar_lleva_a_la_pagina_pedida_y_la_cookie_es_httponly_y_samesite(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    pedida = cliente.get("/acciones?vencidas=1")
    assert pedida.headers["location"] == "/entrar?siguiente=%2Facciones%3Fvencidas%3D1"
    formulario = cliente.get(pedida.headers["location"])
    assert 'name="usuario"' in formulario.text and 'name="clave"' in formulario.text
    respuesta = cliente.post(
        "/entrar",
        data={
            "usuario": "ana",
            "clave": CLAVES["ana"],
            "csrf": token(formulario.text),
            "siguiente": "/acciones?vencidas=1",
        },
    )
    assert respuesta.status_code == 303
    assert respuesta.headers["location"] == "/acciones?vencidas=1"
    cookie = respuesta.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert cliente.get("/acciones").status_code == 200


@pytest.mark.parametrize("siguiente", ["//malo.example/", "https://malo.example/", "/\\malo.example"])
def test_despues_de_entrar_nunca_se_va_a_otro_sitio(app: Starlette, siguiente: str) -> None:
    cliente = TestClient(app, follow_redirects=False)
    csrf = token(cliente.get("/entrar").text)
    respuesta = cliente.post(
        "/entrar", data={"usuario": "ana", "clave": CLAVES["ana"], "csrf": csrf, "siguiente": siguiente}
    )
    assert respuesta.headers["location"] == "/"


def test_una_clave_equivocada_lo_dice_y_no_abre_sesion(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    csrf = token(cliente.get("/entrar").text)
    respuesta = cliente.post("/entrar", data={"usuario": "ana", "clave": "adivinanza", "csrf": csrf})
    assert respuesta.status_code == 401
    assert "Usuario o clave incorrectos" in respuesta.text
    assert cliente.get("/").status_code == 303


def test_un_usuario_que_no_existe_recibe_la_misma_respuesta(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    csrf = token(cliente.get("/entrar").text)
    respuesta = cliente.post("/entrar", data={"usuario": "nadie", "clave": "adivinanza", "csrf": csrf})
    assert respuesta.status_code == 401
    assert "Usuario o clave incorrectos" in respuesta.text


def test_los_fallos_seguidos_hacen_esperar_cada_vez_mas() -> None:
    from planmejora.web.seguridad import Freno

    freno = Freno(base=1.0)
    assert freno.espera("ana", "10.0.0.1") == 0
    for _ in range(4):
        freno.fallo("ana", "10.0.0.1")
    assert freno.espera("ana", "10.0.0.9") == 8.0
    assert freno.espera("otro", "10.0.0.1") == 8.0
    freno.acierto("ana", "10.0.0.1")
    assert freno.espera("ana", "10.0.0.1") == 0


def test_el_freno_olvida_a_los_que_dejaron_de_intentar() -> None:
    from planmejora.web.seguridad import Freno

    freno = Freno(base=1.0, olvido=0.0, recordados=2)
    for nombre in ("a", "b", "c", "d"):
        freno.fallo(nombre)
    assert list(freno.fallos) == ["d"]


def test_faltan_campos_del_formulario_de_entrada(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    csrf = token(cliente.get("/entrar").text)
    respuesta = cliente.post("/entrar", data={"usuario": "ana", "csrf": csrf})
    assert respuesta.status_code == 400
    assert "Escriba su usuario y su clave" in respuesta.text


def test_entrar_sin_la_marca_del_formulario_se_rechaza(app: Starlette) -> None:
    cliente = TestClient(app, follow_redirects=False)
    cliente.get("/entrar")
    respuesta = cliente.post("/entrar", data={"usuario": "ana", "clave": CLAVES["ana"], "csrf": "inventada"})
    assert respuesta.status_code == 403
    assert "El formulario venció" in respuesta.text
    assert cliente.get("/").status_code == 303


def test_una_cookie_alterada_no_es_sesion(como: Callable[[str], TestClient]) -> None:
    cliente = como("consuelo")
    valor = cliente.cookies["planmejora_sesion"]
    cliente.cookies.clear()
    cliente.cookies.set("planmejora_sesion", valor[:-3] + ("AAA" if not valor.endswith("AAA") else "BBB"))
    respuesta = cliente.get("/acciones", follow_redirects=False)
    assert respuesta.status_code == 303
    assert respuesta.headers["location"].startswith("/entrar")


def test_salir_cierra_la_sesion(como: Callable[[str], TestClient]) -> None:
    cliente = como("consuelo")
    csrf = token(cliente.get("/").text)
    assert cliente.post("/salir", data={"csrf": csrf}, follow_redirects=False).status_code == 303
    assert cliente.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    ("nombre", "subir", "usuarios"),
    [("consuelo", 403, 403), ("carlos", 200, 403), ("ana", 200, 200)],
)
def test_cada_rol_ve_lo_suyo(como: Callable[[str], TestClient], nombre: str, subir: int, usuarios: int) -> None:
    cliente = como(nombre)
    assert cliente.get("/acciones").status_code == 200
    assert cliente.get("/subir").status_code == subir
    assert cliente.get("/usuarios").status_code == usuarios
    if subir == 403:
        assert "no permite subir copias" in cliente.get("/subir").text


def test_las_paginas_llevan_una_politica_de_seguridad_estricta(como: Callable[[str], TestClient]) -> None:
    respuesta = como("consuelo").get("/")
    politica = respuesta.headers["content-security-policy"]
    assert "default-src 'none'" in politica and "script-src 'sha256-" in politica
    assert respuesta.headers["x-frame-options"] == "DENY"
    assert respuesta.headers["cache-control"] == "no-store"
