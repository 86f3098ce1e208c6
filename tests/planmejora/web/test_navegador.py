"""`planmejora servir` in a real headless Chromium, as the office uses it: the real command on a free loopback port.

Chromium is Debian's (`apt-get install chromium`, installed by `.ci/run`): without it the test is
skipped on a developer's machine and fails in CI. Screenshots of every page at desktop (1280) and
phone (390) width are left in /work/artefactos/web/ (or PLANMEJORA_ARTEFACTOS) for a person to look at.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from tests.planmejora.navegador import chromium_de_pruebas
from tests.planmejora.web.conftest import MUESTRAS

pytestmark = pytest.mark.lento

PLANMEJORA = str(Path(sys.executable).parent / "planmejora")
ARTEFACTOS = Path(os.environ.get("PLANMEJORA_ARTEFACTOS", "/work/artefactos")) / "web"
CLAVES = {"admin": "clave-admin-1", "carlos": "clave-carga-1", "consuelo": "clave-consulta-1"}
ROLES = {"admin": "admin", "carlos": "carga", "consuelo": "consulta"}
ANCHOS = {"escritorio": 1280, "telefono": 390}


def _puerto_libre() -> int:
    with socket.socket() as enchufe:
        enchufe.bind(("127.0.0.1", 0))
        return int(enchufe.getsockname()[1])


def _esperar_salud(base: str, proceso: subprocess.Popen[bytes]) -> None:
    limite = time.monotonic() + 60
    while time.monotonic() < limite:
        if proceso.poll() is not None:
            raise AssertionError(f"planmejora servir terminó con código {proceso.returncode}")
        try:
            with urllib.request.urlopen(f"{base}/salud", timeout=2) as respuesta:
                if respuesta.read() == b"ok":
                    return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("planmejora servir no respondió /salud en 60 s")


@pytest.fixture(scope="module")
def servidor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An empty database with three users, served by the real command; stopped (SIGTERM) at the end."""
    carpeta = tmp_path_factory.mktemp("servir")
    url = f"sqlite:///{carpeta / 'planes.db'}"
    for nombre, rol in ROLES.items():
        subprocess.run(
            [PLANMEJORA, "usuarios", "crear", nombre, "--rol", rol, "--db", url],
            input=CLAVES[nombre] + "\n",
            text=True,
            check=True,
            capture_output=True,
        )
    puerto = _puerto_libre()
    proceso = subprocess.Popen(
        [
            PLANMEJORA,
            "servir",
            "--db",
            url,
            "--host",
            "127.0.0.1",
            "--puerto",
            str(puerto),
            "--archivos",
            str(carpeta / "archivos"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{puerto}"
    try:
        _esperar_salud(base, proceso)
        yield base
    finally:
        proceso.terminate()
        try:
            proceso.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proceso.kill()
            proceso.wait()


@pytest.fixture(scope="module")
def navegador() -> Iterator[Any]:
    yield from chromium_de_pruebas()


def _fotos(pagina: Any, nombre: str) -> None:
    """The page as it is now, at desktop and at phone width."""
    ARTEFACTOS.mkdir(parents=True, exist_ok=True)
    for ancho_nombre, ancho in ANCHOS.items():
        pagina.set_viewport_size({"width": ancho, "height": 900})
        pagina.screenshot(path=str(ARTEFACTOS / f"{nombre}_{ancho_nombre}.png"), full_page=True)
    pagina.set_viewport_size({"width": ANCHOS["escritorio"], "height": 900})


def _entrar(pagina: Any, base: str, nombre: str, clave: str) -> None:
    pagina.goto(f"{base}/entrar")
    pagina.fill("input[name=usuario]", nombre)
    pagina.fill("input[name=clave]", clave)
    pagina.click("button[type=submit]")


def _nueva_pagina(navegador: Any, base: str, pedidos_ajenos: list[str], errores: list[str]) -> Any:
    contexto = navegador.new_context(viewport={"width": ANCHOS["escritorio"], "height": 900}, accept_downloads=True)
    pagina = contexto.new_page()
    pagina.set_default_timeout(120_000)
    pagina.on("request", lambda s: None if s.url.startswith(base) else pedidos_ajenos.append(s.url))
    # A refused request (401, 403) is logged by Chromium as a failed resource: those are expected here.
    pagina.on(
        "console",
        lambda m: (
            errores.append(m.text) if m.type == "error" and not m.text.startswith("Failed to load resource") else None
        ),
    )
    pagina.on("response", lambda r: errores.append(f"404 {r.url}") if r.status == 404 else None)
    pagina.on("pageerror", lambda e: errores.append(str(e)))
    return pagina


def test_la_oficina_entra_sube_dos_copias_filtra_y_descarga(navegador: Any, servidor: str, tmp_path: Path) -> None:
    from playwright.sync_api import expect

    pedidos_ajenos: list[str] = []
    errores: list[str] = []
    pagina = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)

    pagina.goto(f"{servidor}/")
    assert pagina.url.startswith(f"{servidor}/entrar")
    _fotos(pagina, "entrar")
    _entrar(pagina, servidor, "carlos", "no es la clave")
    expect(pagina.get_by_role("alert")).to_have_text("Usuario o clave incorrectos.")
    _fotos(pagina, "entrar_clave_mala")

    _entrar(pagina, servidor, "carlos", CLAVES["carlos"])
    expect(pagina.locator("h1")).to_contain_text("Planes de mejoramiento al")
    pagina.click("nav >> text=Subir copias")
    pagina.set_input_files(
        "input[name=archivos]", [str(MUESTRAS / "calica_2021.pdf"), str(MUESTRAS / "guavio_2022.docx")]
    )
    pagina.click("form[data-ocupado] button[type=submit]")
    expect(pagina.locator("h2", has_text="Resultado")).to_be_visible()
    expect(pagina.locator(".etiqueta.cargado")).to_have_count(2)
    _fotos(pagina, "subir_resultado")

    pagina.click("nav >> text=Inicio")
    expect(pagina.locator(".tarjeta", has_text="Planes").locator("strong")).to_have_text("2")
    _fotos(pagina, "inicio")

    pagina.click("nav >> text=Acciones")
    expect(pagina.locator(".paginas").first).to_contain_text("acciones")
    todas = int(pagina.locator(".paginas").first.inner_text().split()[0])
    assert todas > 2
    assert pagina.locator("tbody tr").count() == todas
    _fotos(pagina, "acciones")
    pagina.emulate_media(media="print")
    expect(pagina.locator("nav")).to_be_hidden()
    expect(pagina.locator("form.filtros")).to_be_hidden()
    pagina.pdf(path=str(ARTEFACTOS / "acciones_impresa.pdf"), landscape=True, print_background=True)
    pagina.emulate_media(media="screen")
    dependencias = pagina.locator("select[name=dependencia] option").all_inner_texts()[1:]
    pagina.select_option("select[name=dependencia]", dependencias[0])
    pagina.click("form.filtros button[type=submit]")
    filtradas = pagina.locator("tbody tr")
    assert 0 < filtradas.count() < todas
    assert all(dependencias[0] in texto for texto in filtradas.all_inner_texts())
    pagina.click("th >> text=Terminación")
    assert "orden=terminacion" in pagina.url and "dependencia=" in pagina.url

    pagina.click("nav >> text=Planes")
    _fotos(pagina, "planes")
    pagina.click("tbody tr >> nth=0 >> a")
    expect(pagina.locator("#acciones")).to_be_visible()
    _fotos(pagina, "plan")

    pagina.click("nav >> text=Descargas")
    _fotos(pagina, "descargas")
    for nombre in ("consolidado.xlsx", "f14.xlsx"):
        with pagina.expect_download() as descarga:
            pagina.click(f"a >> text={nombre}")
        destino = tmp_path / nombre
        descarga.value.save_as(destino)
        assert load_workbook(destino).sheetnames

    pagina.click("nav >> text=Calidad")
    expect(pagina.locator("h1")).to_be_visible()
    _fotos(pagina, "calidad")

    assert pedidos_ajenos == [] and errores == []


def test_consulta_no_puede_subir_y_un_formulario_falsificado_no_guarda_nada(navegador: Any, servidor: str) -> None:
    from playwright.sync_api import expect

    pedidos_ajenos: list[str] = []
    errores: list[str] = []
    consulta = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)
    _entrar(consulta, servidor, "consuelo", CLAVES["consuelo"])
    expect(consulta.locator("nav >> text=Acciones")).to_be_visible()
    assert consulta.locator("nav >> text=Subir copias").count() == 0
    respuesta = consulta.goto(f"{servidor}/subir")
    assert respuesta is not None and respuesta.status == 403
    expect(consulta.get_by_role("alert")).to_contain_text("no permite subir copias")
    _fotos(consulta, "sin_permiso")

    carga = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)
    _entrar(carga, servidor, "carlos", CLAVES["carlos"])
    carga.goto(f"{servidor}/")
    antes = carga.locator(".tarjeta", has_text="Documentos").first.locator("strong").inner_text()
    carga.goto(f"{servidor}/subir")
    carga.set_input_files("input[name=archivos]", str(MUESTRAS / "tamboral_2022.docx"))
    carga.evaluate("document.querySelector('form[data-ocupado] input[name=csrf]').value = 'falsificada'")
    with carga.expect_response(lambda r: r.url.endswith("/subir") and r.request.method == "POST") as enviada:
        carga.click("form[data-ocupado] button[type=submit]")
    assert enviada.value.status == 403
    expect(carga.get_by_role("alert")).to_contain_text("El formulario venció")
    carga.goto(f"{servidor}/")
    assert carga.locator(".tarjeta", has_text="Documentos").first.locator("strong").inner_text() == antes

    administrador = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)
    _entrar(administrador, servidor, "admin", CLAVES["admin"])
    administrador.click("nav >> text=Usuarios")
    expect(administrador.locator("h1")).to_have_text("Usuarios")
    _fotos(administrador, "usuarios")
    administrador.click("form.salir button")
    assert administrador.url.startswith(f"{servidor}/entrar")

    assert pedidos_ajenos == [] and errores == []


def test_mientras_se_lee_un_escaneado_las_demas_paginas_responden(navegador: Any, servidor: str) -> None:
    from playwright.sync_api import expect

    pedidos_ajenos: list[str] = []
    errores: list[str] = []
    carga = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)
    _entrar(carga, servidor, "carlos", CLAVES["carlos"])
    carga.goto(f"{servidor}/subir")
    carga.set_input_files("input[name=archivos]", str(MUESTRAS / "escaneado_tamboral_2022.pdf"))
    with carga.expect_request(lambda pedido: pedido.method == "POST" and pedido.url.endswith("/subir")):
        carga.click("form[data-ocupado] button[type=submit]", no_wait_after=True)

    otra = _nueva_pagina(navegador, servidor, pedidos_ajenos, errores)
    inicio = time.monotonic()
    _entrar(otra, servidor, "consuelo", CLAVES["consuelo"])
    otra.goto(f"{servidor}/acciones")
    expect(otra.locator("h1")).to_have_text("Acciones de mejora")
    transcurrido = time.monotonic() - inicio
    assert carga.locator("h2", has_text="Resultado").count() == 0, "el escaneado se leyó antes de poder medir"
    assert transcurrido < 10, f"entrar y ver las acciones tardó {transcurrido:.1f} s mientras se leía un escaneado"

    expect(carga.locator("h2", has_text="Resultado")).to_be_visible(timeout=240_000)
    assert pedidos_ajenos == [] and errores == []
