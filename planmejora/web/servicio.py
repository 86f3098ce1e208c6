"""What every page needs, built once when the application starts: the database, the storage folder, the templates."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import anyio
from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup
from sqlalchemy import Connection, Engine

from carga.conexion import para_leer
from extractor.limites import Limites
from planmejora.web import formato

CARGAS_A_LA_VEZ = 2
"""Uploads read at the same time; the others wait their turn without holding the pages up."""


@dataclass
class Servicio:
    url: str
    motor: Engine
    archivos: Path
    limites: Limites
    limite_subida: int
    espera_fallo: float
    plantillas: Environment
    cargas: anyio.CapacityLimiter

    def leer(self) -> Connection:
        return para_leer(self.motor)


def entorno_de_plantillas() -> Environment:
    """Jinja with autoescape always on: a value typed into a plan reaches the page as text, never as markup."""
    entorno = Environment(
        loader=PackageLoader("planmejora.web", "plantillas"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    entorno.filters.update(formato.FILTROS)
    entorno.globals["estilo"] = Markup(_recurso("estilo.css"))
    entorno.globals["guion"] = Markup(_recurso("pagina.js"))
    return entorno


def _recurso(nombre: str) -> str:
    return resources.files("planmejora.web").joinpath(nombre).read_text(encoding="utf-8")


def secreto_de_sesion(carpeta: Path) -> str:
    """The key that signs session cookies: PLANMEJORA_SECRETO, else one made once and kept in the storage folder.

    Kept on disk so that restarting the server does not sign everyone out.
    """
    if desde_entorno := os.environ.get("PLANMEJORA_SECRETO"):
        return desde_entorno
    archivo = carpeta / ".secreto_sesion"
    try:
        descriptor = os.open(archivo, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return archivo.read_text(encoding="ascii").strip()
    with os.fdopen(descriptor, "w", encoding="ascii") as salida:
        secreto = secrets.token_urlsafe(48)
        salida.write(secreto)
    return secreto
