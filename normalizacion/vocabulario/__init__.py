"""Vocabularies of typed values kept as data (TOML tables), loaded once."""

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def cargar(nombre: str, tabla: str | None = None) -> dict[str, Any]:
    """The table `tabla` of `<nombre>.toml` (by default the one named like the file), keyed as the file writes it."""
    with resources.files(__name__).joinpath(f"{nombre}.toml").open("rb") as archivo:
        contenido: dict[str, Any] = tomllib.load(archivo)[tabla or nombre]
    return contenido
