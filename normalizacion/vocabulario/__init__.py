"""Vocabularies of typed values kept as data (TOML, one table per file), loaded once."""

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def cargar(nombre: str) -> dict[str, Any]:
    """The single table of `<nombre>.toml`, keyed as the file writes it."""
    with resources.files(__name__).joinpath(f"{nombre}.toml").open("rb") as archivo:
        tabla: dict[str, Any] = tomllib.load(archivo)[nombre]
    return tabla
