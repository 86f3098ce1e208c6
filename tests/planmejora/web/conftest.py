"""A database loaded from real copies of the form, its users, and a browser-like client signed in as each of them."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from carga.esquema import abrir_base
from planmejora.ingesta import ingerir
from planmejora.usuarios import crear_usuario
from planmejora.web import crear_app
from tests.planmejora.test_calidad_orden import copia_hostil

MUESTRAS = Path(__file__).parents[3] / "muestras"
CLAVES = {"ana": "clave-de-ana-1", "carlos": "clave-de-carlos", "consuelo": "clave-de-consuelo"}
ROLES = {"ana": "admin", "carlos": "carga", "consuelo": "consulta"}
LIMITE_SUBIDA = 5 * 1024 * 1024
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


def token(html: str) -> str:
    """The anti-forgery token a page's forms carry, as a browser would send it back."""
    encontrado = _CSRF.search(html)
    assert encontrado, "la página no trae el campo csrf"
    return encontrado.group(1)


@pytest.fixture(scope="session")
def base_cargada(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two Word and Excel copies and one with markup in its cells, loaded as `ingerir` loads them; three users."""
    carpeta = tmp_path_factory.mktemp("web")
    copias = carpeta / "copias"
    copias.mkdir()
    for nombre in ("guavio_2022.docx", "sabana_alta_2021.xlsx", "calica_2021.pdf"):
        shutil.copy2(MUESTRAS / nombre, copias / nombre)
    copia_hostil(copias)
    url = f"sqlite:///{carpeta / 'planes.db'}"
    ingerir([copias], url)
    motor = abrir_base(url)
    for nombre, clave in CLAVES.items():
        crear_usuario(motor, nombre, ROLES[nombre], clave)
    motor.dispose()
    return carpeta / "planes.db"


@pytest.fixture
def url(base_cargada: Path, tmp_path: Path) -> str:
    """A copy of the loaded database for one test: what a test uploads or changes, no other test sees."""
    shutil.copy2(base_cargada, tmp_path / "planes.db")
    return f"sqlite:///{tmp_path / 'planes.db'}"


@pytest.fixture
def app(url: str, tmp_path: Path) -> Iterator[Starlette]:
    aplicacion = crear_app(url, tmp_path / "archivos", espera_fallo=0, limite_subida=LIMITE_SUBIDA)
    yield aplicacion
    aplicacion.state.servicio.motor.dispose()


def entrar(cliente: TestClient, nombre: str) -> TestClient:
    pagina = cliente.get("/entrar")
    respuesta = cliente.post(
        "/entrar", data={"usuario": nombre, "clave": CLAVES[nombre], "csrf": token(pagina.text)}, follow_redirects=False
    )
    assert respuesta.status_code == 303, respuesta.text
    return cliente


@pytest.fixture
def como(app: Starlette) -> Callable[[str], TestClient]:
    """`como("ana")`: a client signed in as that user (each call, a browser of its own)."""
    return lambda nombre: entrar(TestClient(app), nombre)
